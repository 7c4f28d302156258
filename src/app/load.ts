/** `kam load`: weekly hours per person, fairness, suggested moves; `--apply` writes them. */
import type { IndexedBook } from '../book/book.js';
import { writePatchedXlsx } from '../io/xlsx/patch.js';
import { annotatedCells } from '../io/xlsx/inspect.js';
import type { SheetSource } from '../io/source.js';
import { cellAddress } from '../util/cellref.js';
import { writeAtomicWith } from '../io/write/atomic.js';
import type { AssignmentsTable } from '../model/assignment.js';
import { sortFindings } from '../model/finding.js';
import { InputError } from '../model/errors.js';
import type { Layout } from '../model/table.js';
import { applyRuleLevels } from '../model/rules.js';
import { loadFindings } from '../rules/load.js';
import { computeLoad, type LoadResult } from '../workload/load.js';
import { loadReport, type LoadReport } from '../workload/report.js';
import type { Move } from '../workload/suggest.js';
import { indexTables, noteNoHours, readBookTables, rowsOf, type BookTables } from './tables.js';
import { collectAfterPhase } from './gc.js';
import { requireFilterMatches } from './filters.js';
import { plainCells, writeCellsBack, type WriteBackOptions, type WriteReceipt } from './write-back.js';
import { requireKeyColumns, requireSheet, type Session } from './session.js';

export interface LoadBookOptions {
  suggest?: boolean;
  role?: string;
  department?: string;
}

/**
 * The load report. Its findings, which decide the exit code as for every command, are those of
 * the Staff and Assignments sheets (a value that could not be read) and of the load rules.
 */
export async function loadBook(session: Session, options: LoadBookOptions = {}): Promise<LoadReport> {
  requireSheet(session, 'assignments');
  const { report, rows } = await loadOnly(session, options);
  // The book is garbage once the report is made (it keeps each person's sums): collected before it is written.
  collectAfterPhase(rows);
  return report;
}

/** The read and the load of loadBook, in a function of their own: its frame, which holds the tables, is gone when it returns. */
async function loadOnly(session: Session, options: LoadBookOptions): Promise<{ report: LoadReport; rows: number }> {
  const tables = await readBookTables(session);
  return { report: loadFromTables(session, tables, options), rows: rowsOf(tables) };
}

/** The load report of tables already read (and, for a report that composes several, of the book indexed and its load computed once). */
export function loadFromTables(session: Session, tables: BookTables, options: LoadBookOptions = {}, indexed?: IndexedBook, computed?: LoadResult): LoadReport {
  const { config } = session;
  const { staff, assignments } = tables;
  requireKeyColumns(session, 'assignments', assignments!.layout);
  noteNoHours(session, assignments, staff);
  const book = indexed ?? indexTables(session, tables);
  requireFilterMatches(book, options);
  // Each person's items (one per row they hold) are kept only for the suggestion: a plain `kam load` of a
  // 1,048,576-row sheet is 80 MB lighter without them.
  const load = computed ?? computeLoad(book, { items: options.suggest === true });
  const findings = applyRuleLevels([...(staff?.findings ?? []), ...assignments!.findings, ...loadFindings(book, load)], config.rules);
  const fixed = tables.mergedHolders;
  return loadReport(book, load, session.path, fixed ? { ...options, fixed } : options, sortFindings(findings, session.book.sheets.map((s) => s.name)));
}

/**
 * `--apply`: the load report with its suggestions, and a copy of the book with the moves written
 * into it at `target` (only the moved person and department cells change).
 */
export async function applyLoad(session: Session, options: LoadBookOptions, target: string, write: { force?: boolean } = {}): Promise<{ report: LoadReport; moved: number }> {
  requireSheet(session, 'assignments');
  const tables = await readBookTables(session);
  // Read first: the sheet the rows are on is known once a matrix beside a long sheet is settled.
  const sheet = requireSheet(session, 'assignments');
  refuseGrid(session, tables.assignments?.layout);
  const report = loadFromTables(session, tables, { ...options, suggest: true });
  const moves = report.suggestion?.moves ?? [];
  await noteAnnotated(session, sheet, moves, tables.assignments!);
  // The sheet named with the part: a refusal (a merged or protected cell) says which sheet (found by a new user).
  await writeAtomicWith(target, (fh) => writePatchedXlsx(session.path, fh, editsFor(moves, tables.assignments!, sheet.part!), target, new Map([[sheet.part!, { sheet: sheet.name }]])), write);
  return { report, moved: moves.length };
}

/**
 * `--apply` moves a person's cell of a long division of labour. A matrix's move is letters leaving one
 * person's cell for another's, a RACI chart's a name leaving one letter's column: kam does not edit a
 * manager's grid, and says so.
 */
function refuseGrid(session: Session, layout: Layout | undefined): void {
  if (!layout?.holders && !layout?.letterColumns) return;
  throw new InputError(layout.holders ? 'input.applyMatrix' : 'input.applyLetters', { sheet: layout.sheet }, { file: session.path, sheet: layout.sheet });
}

/**
 * `--apply --write`: the moves written into the input book itself, in place (SPEC §7): only the
 * moved person and department cells change, the copy is checked, a `.bak` kept.
 */
export async function applyLoadInPlace(session: Session, options: LoadBookOptions, write: WriteBackOptions = {}): Promise<{ report: LoadReport; moved: number; receipt?: WriteReceipt }> {
  requireSheet(session, 'assignments');
  const tables = await readBookTables(session);
  refuseGrid(session, tables.assignments?.layout);
  const sheet = requireSheet(session, 'assignments');
  const report = loadFromTables(session, tables, { ...options, suggest: true });
  const moves = report.suggestion?.moves ?? [];
  if (moves.length === 0) return { report, moved: 0 };
  await noteAnnotated(session, sheet, moves, tables.assignments!);
  const edits = editsFor(moves, tables.assignments!, '').get('')!;
  // (Into a CSV a name such as `=王芳` is written guarded, `'=王芳`, and kam reads it back as `=王芳`: the same person.)
  const receipt = await writeCellsBack(session, sheet, plainCells(edits), write);
  return { report, moved: moves.length, receipt };
}

/**
 * The moved cells that carry a hyperlink or a comment, said once: both stay on the cell (every part
 * but the cells is kept as it was), and may name the person the cell no longer names.
 */
async function noteAnnotated(session: Session, sheet: SheetSource, moves: readonly Move[], table: AssignmentsTable): Promise<void> {
  if (session.book.kind !== 'xlsx' || !sheet.part || moves.length === 0) return;
  const { linked, commented } = await annotatedCells(session.path, sheet.part);
  const marked: string[] = [];
  for (const [row, cells] of editsFor(moves, table, '').get('')!) {
    for (const col of cells.keys()) {
      const what = [linked(col, row) ? 'link' : '', commented(col, row) ? 'comment' : ''].filter(Boolean);
      if (what.length > 0) marked.push(`${cellAddress(sheet.name, col, row)} (${what.join(', ')})`);
    }
  }
  if (marked.length > 0) session.note('note.movedAnnotated', { cells: marked.join(', ') });
}

/** The person (and, where it differs, department) cells each move changes. */
function editsFor(moves: readonly Move[], table: AssignmentsTable, part: string): Map<string, Map<number, Map<number, string>>> {
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
