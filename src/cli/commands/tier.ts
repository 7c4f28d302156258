/** `kam tier <book>`: flags → session → tierBook → emit. */
import { Option, type Command } from 'commander';
import { tierBook } from '../../app/tier.js';
import { METHODS, NORMALIZATIONS, type Method } from '../../config/schema.js';
import type { CliContext } from '../context.js';
import { emit } from '../emit.js';
import { addCommonOptions, wholeNumber, type CommonOptions } from '../options.js';
import { openCliSession } from '../session.js';

export interface TierOptions extends CommonOptions {
  method?: Method;
  normalize?: 'minmax' | 'rank';
  explain?: string;
  limit?: number;
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
    .option('--limit <n>', 'show only the first n accounts in text and markdown', wholeNumber('--limit'));
  addCommonOptions(cmd, 'tier');
  return cmd.action((book: string, _opts: unknown, c: Command) => run(book, c));
}

/** Runs `kam tier`; returns the exit code. */
export async function tierCommand(book: string, options: TierOptions, ctx: CliContext): Promise<number> {
  const session = await openCliSession(book, ['accounts'], options, ctx, { 'scoring.method': options.method, 'scoring.normalize': options.normalize });
  const report = await tierBook(session, options.explain !== undefined ? { explain: options.explain } : {});
  return emit('tier', report, options, ctx, {
    lang: session.config.lang,
    inputs: { book, files: session.inputs },
    ...(options.limit !== undefined ? { limit: options.limit } : {}),
    print: options.explain !== undefined,
    wrote: { code: 'note.wrote', params: { file: options.output ?? '', count: report.accounts.length } },
  });
}
