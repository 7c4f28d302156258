/** A division-of-labour row of the Assignments sheet (分工明细), and the sheet read as a table. */
import { STATUSES, type Frequency, type Status } from './codes.js';
import type { Finding } from './finding.js';
import type { Layout } from './table.js';
import type { IsoDate } from '../util/date.js';

export interface Assignment {
  row: number;
  // The texts of names are read-only: a row as read (AssignmentRow) keeps each as a pair of text
  // and key, and a changed row is a copy (`{ ...fieldsOf(row), person }`).
  /** The account as written (an id or a name) and its folded key. */
  readonly account: string;
  readonly accountKey: string;
  readonly task: string;
  /** The task folded for case, width and spaces: rows with the same key form one activity. */
  readonly taskKey: string;
  readonly person?: string;
  readonly personKey?: string;
  readonly department?: string;
  readonly departmentKey?: string;
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

/** A text of a column of names and its folded key, made once per distinct text of the column. */
export interface KeyedText {
  readonly value: string;
  readonly key: string;
}

const RACI_BITS = 0b1111;
const LOCKED_BIT = 0b1_0000;
const STATUS_SHIFT = 5;

/**
 * A division-of-labour row as the reader makes it: nine fields where a plain object has fifteen
 * (the texts of names as pairs of text and key the column reads once, the letters, the lock and the
 * status as one number). A 100,000-account book has 690,000 rows: 144 → 96 bytes each, ~33 MB less.
 * Read through the fields of `Assignment`; a changed copy is made from `fieldsOf(row)`.
 */
export class AssignmentRow implements Assignment {
  /** A matrix's row: set on the rows of the cells of holders' columns only. */
  declare column?: number;

  constructor(
    public row: number,
    // The pairs of text and key the column read (public for `kam diff`, which packs rows: src/diff/packed.ts).
    readonly accountText: KeyedText,
    readonly taskText: KeyedText,
    readonly personText: KeyedText | undefined,
    readonly departmentText: KeyedText | undefined,
    private bits: number,
    public due: IsoDate | undefined,
    public frequency: Frequency | undefined,
    public hours: number | undefined,
  ) {}

  /** The row naming another account (the same cells otherwise). */
  withAccount(accountText: KeyedText): AssignmentRow {
    const r = new AssignmentRow(this.row, accountText, this.taskText, this.personText, this.departmentText, this.bits, this.due, this.frequency, this.hours);
    if (this.column !== undefined) r.column = this.column;
    return r;
  }

  /** The letters, the lock and the status as `bits` holds them. */
  static bits(raci: number, locked: boolean, status: Status | undefined): number {
    return (raci & RACI_BITS) | (locked ? LOCKED_BIT : 0) | ((status === undefined ? 0 : STATUSES.indexOf(status) + 1) << STATUS_SHIFT);
  }

  get account(): string {
    return this.accountText.value;
  }
  get accountKey(): string {
    return this.accountText.key;
  }
  get task(): string {
    return this.taskText.value;
  }
  get taskKey(): string {
    return this.taskText.key;
  }
  get person(): string | undefined {
    return this.personText?.value;
  }
  get personKey(): string | undefined {
    return this.personText?.key;
  }
  get department(): string | undefined {
    return this.departmentText?.value;
  }
  get departmentKey(): string | undefined {
    return this.departmentText?.key;
  }
  get raci(): number {
    return this.bits & RACI_BITS;
  }
  set raci(mask: number) {
    this.bits = (this.bits & ~RACI_BITS) | (mask & RACI_BITS);
  }
  get locked(): boolean {
    return (this.bits & LOCKED_BIT) !== 0;
  }
  set locked(on: boolean) {
    this.bits = on ? this.bits | LOCKED_BIT : this.bits & ~LOCKED_BIT;
  }
  get status(): Status | undefined {
    const i = this.bits >>> STATUS_SHIFT;
    return i === 0 ? undefined : STATUSES[i - 1];
  }
  set status(status: Status | undefined) {
    this.bits = AssignmentRow.bits(this.raci, this.locked, status);
  }
}

/** A division-of-labour row as read (a matrix's, a RACI chart's: with the column of its cell). */
export function assignmentRow(
  row: number,
  accountText: KeyedText,
  taskText: KeyedText,
  personText: KeyedText | undefined,
  departmentText: KeyedText | undefined,
  bits: number,
  due: IsoDate | undefined,
  frequency: Frequency | undefined,
  hours: number | undefined,
  column?: number,
): AssignmentRow {
  const r = new AssignmentRow(row, accountText, taskText, personText, departmentText, bits, due, frequency, hours);
  if (column !== undefined) r.column = column;
  return r;
}

/**
 * A row's fields as a plain object, for a changed copy (`{ ...fieldsOf(r), person }`): spreading an
 * AssignmentRow would copy its pairs of texts, not the fields. A plain row is given back as it is.
 */
export function fieldsOf(a: Assignment): Assignment {
  if (!(a instanceof AssignmentRow)) return a;
  return {
    row: a.row,
    account: a.account,
    accountKey: a.accountKey,
    task: a.task,
    taskKey: a.taskKey,
    person: a.person,
    personKey: a.personKey,
    department: a.department,
    departmentKey: a.departmentKey,
    raci: a.raci,
    due: a.due,
    frequency: a.frequency,
    hours: a.hours,
    status: a.status,
    locked: a.locked,
    ...(a.column !== undefined ? { column: a.column } : {}),
  };
}

export interface AssignmentsTable {
  layout: Layout;
  assignments: Assignment[];
  findings: Finding[];
  /**
   * The accounts the sheet names with both their id and their name (and tier), in order, where it
   * has both columns — as a `kam matrix` workbook does; they stand in for a missing Accounts sheet.
   */
  accounts?: { id?: string; name: string; tier?: string; row: number }[];
  /** Ids (folded) the sheet writes beside two different names. */
  idsWithTwoNames?: ReadonlySet<string>;
  /**
   * Where the sheet has an id and a name column: each id with each name it is written beside, at its first such row
   * (folded keys), so that a row whose name is another account's than its id's is said (ref/ambiguous-account).
   */
  idNames?: readonly { idKey: string; name: string; nameKey: string; task: string; row: number }[];
  /** A matrix read with the long division-of-labour sheet beside it: that sheet's layout. */
  long?: Layout;
  /** Rows whose person cell is a formula's result: `--apply` cannot write them, so `--suggest` moves none. */
  formulaHolders?: ReadonlySet<number>;
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
