/** `kam load <book>`: workload per person, fairness, and (--suggest, --apply) a rebalancing. */
import type { Command } from 'commander';
import type { AssignmentsTable } from '../../model/assignment.js';
import { writePatchedXlsx, type CellEdits } from '../../io/xlsx/patch.js';
import { sameFile, writeAtomicWith } from '../../io/write/atomic.js';
import { InputError, UsageError } from '../../model/errors.js';
import { indexBook } from '../../book/book.js';
import { loadReport } from '../../workload/report.js';
import type { Move } from '../../workload/suggest.js';
import type { CliContext } from '../context.js';
import { addCommonOptions, type CommonOptions } from '../options.js';
import { readBookTables } from '../../app/tables.js';
import { contextFor, note, printResult, printsToStdout, writeReport } from '../emit.js';
import { openSession, requireSheet } from '../../app/session.js';

export interface LoadOptions extends CommonOptions {
  suggest?: boolean;
  apply?: boolean;
  role?: string;
  department?: string;
}

/** Registers `load` on the program. */
export function loadCommandSpec(program: Command, run: (book: string, cmd: Command) => Promise<void>): Command {
  const cmd = program
    .command('load')
    .description('weekly hours and utilisation per person, fairness per role; --suggest proposes moves, --apply -o writes them')
    .argument('<book>', 'workbook (.xlsx), or folder of CSV files')
    .option('--suggest', 'propose reassignments that bring everyone at or under the target')
    .option('--apply', 'write the suggested reassignments to a new workbook (needs -o new.xlsx)')
    .option('--role <role>', 'show only people of this role (岗位)')
    .option('--department <department>', 'show only people of this department (部门)');
  addCommonOptions(cmd, ['text', 'json', 'markdown', 'csv']);
  return cmd.action((book: string, _o: unknown, c: Command) => run(book, c));
}

/** Runs `kam load`; returns the exit code (0: findings are for `kam check`). */
export async function loadCommand(book: string, options: LoadOptions, ctx: CliContext): Promise<number> {
  const session = await openSession(book, ['accounts', 'staff', 'assignments'], options, ctx);
  const { config } = session;
  const lang = config.lang;
  if (options.apply && !options.output) throw new UsageError('usage.applyOutput', {});
  if (options.apply && session.book.kind !== 'xlsx') throw new UsageError('usage.applyXlsx', {});
  const assignmentsSheet = requireSheet(session, 'assignments');
  const { accounts, staff, assignments, tiers } = await readBookTables(session, options, ctx);
  const layout = assignments!.layout.byKey;
  if (!layout.has('task') || (!layout.has('account') && !layout.has('account_id'))) {
    const column = layout.has('task') ? (lang === 'zh' ? '客户' : 'account') : lang === 'zh' ? '工作内容' : 'task';
    throw new InputError('input.missingColumn', { column }, { file: book, sheet: assignmentsSheet.name });
  }
  const rctx = indexBook({ config, asOf: session.asOf, assignments: assignments!, ...(staff ? { staff } : {}), ...(accounts ? { accounts } : {}), ...(tiers ? { tiers: tiers.accounts } : {}) });
  const report = loadReport(rctx, book, { suggest: options.suggest || options.apply, ...(options.role ? { role: options.role } : {}), ...(options.department ? { department: options.department } : {}) });
  const out = contextFor(options, ctx, lang);
  if (options.apply) {
    const target = options.output!;
    if (!/\.xls[xm]$/i.test(target)) throw new UsageError('usage.applyXlsx', {});
    if (await sameFile(target, book)) throw new UsageError('usage.outputIsInput', {});
    const moves = report.suggestion?.moves ?? [];
    await writeAtomicWith(target, (_fh, tmp) => writePatchedXlsx(book, tmp, editsFor(moves, assignments!, assignmentsSheet.part!)), { force: options.force });
    note(ctx, options, lang, 'note.wrote.load', { file: target, n: moves.length });
    await printResult(report, options, ctx, out);
    return 0;
  }
  if (options.output) await writeReport(report, options.output, book, ['json', 'markdown', 'csv', 'text'], options, ctx, lang);
  if (printsToStdout(options)) await printResult(report, options, ctx, out);
  return 0;
}

/** The person (and, where it differs, department) cells each move changes. */
function editsFor(moves: readonly Move[], table: AssignmentsTable, part: string): CellEdits {
  const personCol = table.layout.byKey.get('person')!;
  const deptCol = table.layout.byKey.get('department');
  const rows = new Map<number, Map<number, string>>();
  for (const m of moves) {
    const row = m.item.assignment.row;
    const cells = rows.get(row) ?? new Map<number, string>();
    cells.set(personCol.index, m.to.name);
    if (deptCol && m.to.department !== undefined && m.item.assignment.department !== undefined && m.to.department !== m.item.assignment.department) {
      cells.set(deptCol.index, m.to.department);
    }
    rows.set(row, cells);
  }
  return new Map([[part, rows]]);
}

