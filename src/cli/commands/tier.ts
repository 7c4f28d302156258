/** `kam tier <book>`: flags → session → tierBook → emit. */
import { Option, type Command } from 'commander';
import { tierWithLayout } from '../../app/tier.js';
import { writeTiersBack } from '../../app/write-back.js';
import { faultFrom } from '../fault.js';
import { METHODS, NORMALIZATIONS, type Method } from '../../config/schema.js';
import type { CliContext } from '../context.js';
import { emit, note, prepareResult } from '../emit.js';
import type { PreparedWrite } from '../../io/write/atomic.js';
import { addCommonOptions, wholeNumber, type CommonOptions } from '../options.js';
import { openCliSession, sayFormulasRead } from '../session.js';
import { UsageError } from '../../model/errors.js';

export interface TierOptions extends CommonOptions {
  method?: Method;
  normalize?: 'minmax' | 'rank';
  explain?: string;
  limit?: number;
  write?: boolean;
  backup?: boolean;
}

/** Registers `tier` on the program. */
export function tierCommandSpec(program: Command, run: (book: string, cmd: Command) => Promise<void>): Command {
  const cmd = program
    .command('tier')
    .description('score and tier the accounts (战略 / 重要 / 普通) and show why')
    .argument('<book>', 'workbook (.xlsx), CSV file, or folder of CSV files')
    .addOption(new Option('--method <method>', 'scoring method').choices(METHODS))
    .addOption(new Option('--normalize <how>', 'normalisation of the weighted method').choices(NORMALIZATIONS))
    .option('--explain <account>', "show each criterion's contribution to one account's score (id or name)")
    .option('--limit <n>', 'show only the first n accounts in text and markdown', wholeNumber('--limit'))
    .option('--write', 'write the computed tier and score into the Accounts sheet of the book, in place (a .bak copy is kept)')
    .option('--no-backup', 'with --write: keep no book.xlsx.bak');
  addCommonOptions(cmd, 'tier');
  return cmd.action((book: string, _opts: unknown, c: Command) => run(book, c));
}

/** Runs `kam tier`; returns the exit code. */
export async function tierCommand(book: string, options: TierOptions, ctx: CliContext): Promise<number> {
  // --explain is one account's breakdown as text or JSON; a table of all accounts (CSV, markdown) has no room for it.
  if (options.explain !== undefined && options.format !== undefined && options.format !== 'text' && options.format !== 'json') throw new UsageError('usage.explainFormat', { format: options.format });
  const session = await openCliSession(book, ['accounts'], options, ctx, { 'scoring.method': options.method, 'scoring.normalize': options.normalize });
  // --normalize is the weighted method's: another method would take it without a word.
  if (options.normalize !== undefined && session.config.scoring.method !== 'weighted') throw new UsageError('usage.normalizeMethod', { method: session.config.scoring.method });
  const { report, layout } = await tierWithLayout(session, options.explain !== undefined ? { explain: options.explain } : {});
  const how = {
    lang: session.config.lang,
    inputs: { book, files: session.inputs },
    ...(options.limit !== undefined ? { limit: options.limit } : {}),
    print: options.explain !== undefined,
    wrote: { code: 'note.wrote', params: { file: options.output ?? '', count: report.accounts.length } },
  };
  let prepared: PreparedWrite | undefined;
  if (options.write) {
    // The -o file is written (to its temporary file) before the book is changed: a refusal or a
    // failure there must leave the book as it was (found by a new user: `-o bad.pdf` was refused
    // after the book had been rewritten).
    if (options.output) prepared = await prepareResult('tier', report, options.output, options, ctx, how);
    let receipt;
    try {
      receipt = await writeTiersBack(session, report, layout, { backup: options.backup !== false, force: options.force, raw: options.raw, ...faultFrom(ctx) });
    } catch (err) {
      await prepared?.discard();
      throw err;
    }
    const code = receipt.unchanged ? 'note.writeUnchanged' : receipt.csv ? (receipt.backup ? 'note.wroteCsvInPlace' : 'note.wroteCsvInPlaceNoBackup') : receipt.backup ? 'note.wroteInPlace' : 'note.wroteInPlaceNoBackup';
    const { unchanged: _u, csv: _c, formulas, ...params } = receipt;
    note(ctx, options, session.config.lang, code, { ...params, columns: receipt.columns.join(', ') });
    sayFormulasRead(session, formulas);
  }
  return emit('tier', report, options, ctx, prepared ? { ...how, prepared } : how);
}
