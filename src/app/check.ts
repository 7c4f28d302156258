/** `kam check` and `kam gaps`: every sheet read, every rule run. */
import { basename, join } from 'node:path';
import { checkTables, gapsReport, type CheckReport, type GapsReport } from '../rules/check.js';
import type { LineOf } from '../model/table.js';
import { noteNoHours, readBookTables, rowsOf, type BookTables } from './tables.js';
import { collectAfterPhase } from './gc.js';
import type { IndexedBook } from '../book/book.js';
import { ruleLevel } from '../model/rules.js';
import type { RuleFamily } from '../rules/engine.js';
import type { LoadResult } from '../workload/load.js';
import { requireKeyColumns, requireSheet, type Session } from './session.js';

/** The findings of a book, sorted as the book is laid out. */
export async function checkBook(session: Session): Promise<CheckReport> {
  const tables = await readBookTables(session);
  noteUnchecked(session, tables);
  return checkFromTables(session, tables);
}

/**
 * A note for each time rule a sheet's missing column keeps from running (a CRM export's own
 * header kam does not know, say): no finding is no proof of nothing to find.
 */
function noteUnchecked(session: Session, tables: BookTables): void {
  const on = (rule: string): boolean => ruleLevel(rule, session.config.rules) !== 'off';
  const { accounts, assignments } = tables;
  // (Not of a matrix: its accounts are the matrix sheet's, its due dates a long sheet's or none a matrix can hold.)
  if (accounts && !assignments?.layout.holders && !accounts.layout.byKey.has('last_contact') && on('time/cadence')) session.note('note.unchecked.cadence', { sheet: accounts.layout.sheet });
  if (assignments && !assignments.layout.holders && !assignments.layout.byKey.has('due') && on('time/overdue')) session.note('note.unchecked.due', { sheet: assignments.layout.sheet });
  if (on('load/over-capacity')) noteNoHours(session, assignments, tables.staff);
}

/** The check of tables already read (for reports that compose several results). */
export function checkFromTables(session: Session, tables: BookTables, indexed?: IndexedBook, families?: ReadonlySet<RuleFamily>, load?: LoadResult): CheckReport {
  const sheetFiles = sheetFilesOf(session);
  const lineOf = linesOf(session);
  // Indexed here (not given): its garbage collected as indexTables does, before the rules run.
  const afterIndex = (): void => collectAfterPhase(rowsOf(tables));
  return checkTables({ file: session.path, asOf: session.asOf, config: session.config, sheetOrder: session.book.sheets.map((s) => s.name), ...(sheetFiles ? { sheetFiles } : {}), ...(lineOf ? { lineOf } : {}), ...tables, ...(indexed ? { book: indexed } : { afterIndex }), ...(families ? { families } : {}), ...(indexed && load ? { load } : {}) });
}

/** A CSV book: the line of its file on which a sheet's row starts (for annotations); else undefined. */
export function linesOf(session: Session): LineOf | undefined {
  const { book } = session;
  if (book.kind !== 'csv') return undefined;
  // Only each sheet's own function, bound to its table of lines, is kept: a report outlives the book (and the sheet's rows).
  const byName = new Map(book.sheets.flatMap((s) => (s.lineOf ? [[s.name, s.lineOf] as const] : [])));
  return (sheet, row) => byName.get(sheet)?.(row);
}

/** A folder of CSV files: the file of each sheet (a finding, an annotation belongs to that file); else undefined. */
export function sheetFilesOf(session: Session): Map<string, string> | undefined {
  const { book } = session;
  const folder = book.kind === 'csv' && book.sheets.length > 0 && book.sheets.every((s) => s.name !== basename(session.path));
  return folder ? new Map(book.sheets.map((s) => [s.name, join(session.path, s.name)])) : undefined;
}

/**
 * The responsibility gaps of a book, grouped by account. A book without an Assignments sheet, or
 * a sheet without its key columns (an Assignments sheet with no task column), is unusable input,
 * exit 2, as for load and matrix: gaps lists only gaps, so it would otherwise say "no gaps" of a
 * sheet it could not read.
 */
export async function gapsBook(session: Session): Promise<GapsReport> {
  const { check, rows } = await checkForGaps(session);
  // The book is garbage once checked (the report keeps its findings and accounts): collected
  // before the gap report is put together and written.
  collectAfterPhase(rows);
  return gapsReport(check);
}

/** The read and the check of gapsBook, in a function of their own: its frame, which holds the tables, is gone when it returns. */
async function checkForGaps(session: Session): Promise<{ check: CheckReport; rows: number }> {
  // No division of labour: no gap can be known (a book of Accounts alone would read as "no gaps").
  requireSheet(session, 'assignments');
  const tables = await readBookTables(session);
  noteUnchecked(session, tables);
  if (tables.assignments) requireKeyColumns(session, 'assignments', tables.assignments.layout);
  // (Only an Accounts sheet's: a matrix workbook's accounts are those its division of labour names.)
  if (tables.accounts && session.sheets.accounts) requireKeyColumns(session, 'accounts', tables.accounts.layout);
  return { check: checkFromTables(session, tables), rows: rowsOf(tables) };
}
