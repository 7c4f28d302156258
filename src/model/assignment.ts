/** A division-of-labour row of the Assignments sheet (分工明细), and the sheet read as a table. */
import type { Frequency, Status } from './codes.js';
import type { Finding } from './finding.js';
import type { Layout } from './table.js';
import type { IsoDate } from '../util/date.js';

export interface Assignment {
  row: number;
  /** The account as written (an id or a name) and its folded key. */
  account: string;
  accountKey: string;
  task: string;
  /** The task folded for case, width and spaces: rows with the same key form one activity. */
  taskKey: string;
  person?: string;
  personKey?: string;
  department?: string;
  departmentKey?: string;
  /** RACI letters as a bit set (R 1, A 2, C 4, I 8); R where the cell is empty, 0 where unreadable. */
  raci: number;
  due?: IsoDate;
  frequency?: Frequency;
  /** Hours per occurrence. */
  hours?: number;
  status?: Status;
  locked: boolean;
  /** The part of the row's hours this holder carries when one cell names several people (1/n). */
  portion?: number;
  /** In a matrix (issue 10): the column of the cell that holds the letters (its header names the holder). */
  column?: number;
  /** Beside a matrix: the row of the long sheet (`AssignmentsTable.long`) that served this cell's letters. */
  longRow?: number;
  /** Beside a matrix: the long sheet's row each value came from (the due date may be another row's of the task). */
  longCells?: Partial<Record<'due' | 'frequency' | 'hours' | 'status', number>>;
  /** Beside a matrix: the row is the long sheet's own (an activity the matrix does not show). */
  onLong?: true;
}

export interface AssignmentsTable {
  layout: Layout;
  assignments: Assignment[];
  findings: Finding[];
  /**
   * The accounts the sheet names with both their id and their name (and tier), in order, where it
   * has both columns — as a `kam matrix` workbook does; they stand in for a missing Accounts sheet.
   */
  accounts?: { id: string; name: string; tier?: string; row: number }[];
  /** A matrix read with the long division-of-labour sheet beside it: that sheet's layout. */
  long?: Layout;
}

/** The sheet a row is on: the table's, or the long sheet beside a matrix for a row kept from it. */
export function sheetOf(t: AssignmentsTable, a: Assignment): Layout {
  return a.onLong ? t.long! : t.layout;
}

/**
 * Where a row's value of a column (due, frequency, hours, status) was read: its own row, or the
 * long sheet's row beside a matrix that gave it.
 */
export function detailOf(t: AssignmentsTable, a: Assignment, key: 'due' | 'frequency' | 'hours' | 'status'): { layout: Layout; row: number } {
  const row = a.longCells?.[key];
  return row !== undefined ? { layout: t.long!, row } : { layout: sheetOf(t, a), row: a.row };
}
