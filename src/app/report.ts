/**
 * `kam report` (issue 12): one report for the planning meeting, composed of the results the other
 * commands give — the tiers (`kam tier`), the responsibility gaps (`kam gaps`), the workload with
 * its suggested moves (`kam load --suggest`) and the tasks × roles heat map (`kam matrix --view
 * task --columns role`) — from one reading of the book; no second computation path.
 */
import { buildMatrix } from '../matrix/build.js';
import { gapsReport } from '../rules/check.js';
import type { ReportResult } from '../rules/report.js';
import { computeLoad } from '../workload/load.js';
import { loadReport } from '../workload/report.js';
import { checkFromTables } from './check.js';
import { loadFromTables } from './load.js';
import { indexTables, readBookTables, rowsOf } from './tables.js';
import { collectAfterPhase } from './gc.js';
import { requireKeyColumns, requireSheet, type Session } from './session.js';

export interface ReportOptions {
  top?: number;
}

/** The report of a book. */
export async function reportBook(session: Session, options: ReportOptions = {}): Promise<ReportResult> {
  // A book of accounts alone (a single CSV) is reported too: its tiers, and the missing sheet as the check says.
  if (!session.sheets.accounts) requireSheet(session, 'assignments');
  const { result, rows } = await reportOnly(session, options);
  // The book is garbage once the report is made (it keeps findings, sums and counts): collected before the page is written.
  collectAfterPhase(rows);
  return result;
}

/** The read and the report of reportBook, in a function of their own: its frame, which holds the tables, is gone when it returns. */
async function reportOnly(session: Session, options: ReportOptions): Promise<{ result: ReportResult; rows: number }> {
  const tables = await readBookTables(session);
  if (tables.assignments) requireKeyColumns(session, 'assignments', tables.assignments.layout);
  const { assignments, tiers } = tables;
  // Indexed once, the load computed once: the check, the load report and the heat map share them.
  const book = indexTables(session, tables);
  const computed = computeLoad(book);
  const check = checkFromTables(session, tables, book, undefined, computed);
  // The check's garbage collected before the load report and the heat map are made (the 100k book:
  // peak 587-592 -> 570-577 MiB, ~0.15 s).
  collectAfterPhase(rowsOf(tables));
  const load = assignments ? loadFromTables(session, tables, { suggest: true }, book, computed) : loadReport(book, computed, session.path, { suggest: true });
  // Only the heat map's columns and task rows: the matrix's rows are counted, not kept.
  const { columns, taskRows } = buildMatrix(book, computed, check.findings, session.path, { view: 'task', columns: 'role', keepRows: false });
  const result: ReportResult = {
    kind: 'report',
    file: session.path,
    asOf: session.asOf,
    tiers: session.config.tiers,
    ...(tiers ? { tier: tiers } : {}),
    gaps: gapsReport(check),
    load,
    heat: { columns, taskRows },
    top: options.top ?? 20,
    cutoffs: [...session.config.scoring.abc.cutoffs],
    findings: check.findings,
  };
  return { result, rows: rowsOf(tables) };
}
