/** `kam load <book>`: workload per person, fairness, and (--suggest, --apply) a rebalancing. */
import type { Command } from 'commander';
import { applyLoad, applyLoadInPlace, loadBook } from '../../app/load.js';
import { faultFrom } from '../fault.js';
import { extname } from 'node:path';
import { UsageError } from '../../model/errors.js';
import type { CliContext } from '../context.js';
import { emit, note, refuseInput } from '../emit.js';
import { addCommonOptions, type CommonOptions } from '../options.js';
import { openCliSession, sayFormulasRead } from '../session.js';

export interface LoadOptions extends CommonOptions {
  suggest?: boolean;
  apply?: boolean;
  write?: boolean;
  backup?: boolean;
  role?: string;
  department?: string;
}

/** Registers `load` on the program. */
export function loadCommandSpec(program: Command, run: (book: string, cmd: Command) => Promise<void>): Command {
  const cmd = program
    .command('load')
    .description('weekly hours and utilisation per person, fairness per role; --suggest proposes moves, --apply -o writes them')
    .argument('<book>', 'workbook (.xlsx), CSV file, or folder of CSV files')
    .option('--suggest', 'propose reassignments that bring everyone at or under the target')
    .option('--apply', 'write the suggested reassignments to a new workbook (-o new.xlsx), or into the book itself (--write)')
    .option('--write', 'with --apply: write the moves into the book itself, in place (a .bak copy is kept)')
    .option('--no-backup', 'with --write: keep no .bak copy')
    .option('--role <role>', 'show only people of this role (岗位)')
    .option('--department <department>', 'show only people of this department (部门)');
  addCommonOptions(cmd, 'load');
  return cmd.action((book: string, _o: unknown, c: Command) => run(book, c));
}

/** Runs `kam load`; returns the exit code (1 on findings at or above --fail-on, as every command). */
export async function loadCommand(book: string, options: LoadOptions, ctx: CliContext): Promise<number> {
  const session = await openCliSession(book, ['accounts', 'staff', 'assignments'], options, ctx);
  const lang = session.config.lang;
  const filters = { ...(options.role ? { role: options.role } : {}), ...(options.department ? { department: options.department } : {}) };
  if (options.write && !options.apply) throw new UsageError('usage.writeNeedsApply', {});
  if (!options.apply) return emit('load', await loadBook(session, { ...filters, suggest: options.suggest }), options, ctx, { lang, inputs: { book, files: session.inputs } });
  if (options.write) {
    // --apply --write: the moves go into the book itself; the report goes to stdout.
    if (options.output) throw new UsageError('usage.applyWriteOutput', {});
    const { report, moved, receipt } = await applyLoadInPlace(session, filters, { backup: options.backup !== false, force: options.force, raw: options.raw, ...faultFrom(ctx) });
    if (receipt) {
      const { unchanged: _u, csv: _c, formulas, ...params } = receipt;
      // A CSV has no sheet and no other parts: its own sentence (it said "into assignments.csv of b2/assignments.csv; 0 other parts byte-identical").
      const code = receipt.csv ? (receipt.backup ? 'note.wroteMovesCsv' : 'note.wroteMovesCsvNoBackup') : receipt.backup ? 'note.wroteMoves' : 'note.wroteMovesNoBackup';
      note(ctx, options, lang, code, { ...params, columns: receipt.columns.join(', '), n: moved });
      sayFormulasRead(session, formulas);
    }
    else note(ctx, options, lang, 'note.nothingMoved', { file: book });
    return emit('load', report, { ...options, output: undefined }, ctx, { lang });
  }
  // --apply: -o names the new workbook; the report goes to stdout.
  const target = options.output;
  if (!target) throw new UsageError('usage.applyOutput', {});
  // (An .xlsx book with another -o is told of its -o: found by a new user, told to give an .xlsx input he had given.)
  if (session.book.kind === 'xlsx' && !/\.xls[xm]$/i.test(target)) throw new UsageError('usage.applyXlsxOutput', { output: target });
  if (session.book.kind !== 'xlsx') throw new UsageError('usage.applyXlsx', {});
  // A macro book stays a macro book and a plain one plain: Excel refuses a file whose name and content types disagree.
  const ext = extname(book).toLowerCase();
  if (extname(target).toLowerCase() !== ext) throw new UsageError('usage.applyExt', { ext });
  await refuseInput(target, { book, files: session.inputs });
  const { report, moved } = await applyLoad(session, filters, target, { force: options.force });
  note(ctx, options, lang, 'note.wrote.load', { file: target, n: moved });
  return emit('load', report, { ...options, output: undefined }, ctx, { lang });
}
