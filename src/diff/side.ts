/**
 * One version of a book as `kam diff` and `kam textconv` compare it: its accounts with their tiers,
 * the responsibility rows as their holders hold them (cancelled rows kept: a row cancelled is a
 * status change), its people, the findings of `kam check` and each person's utilisation. Only what
 * the comparison needs is kept, so that the old version's tables can go before the new one is read.
 */
import { holderRows, type IndexedBook, type TaskGroup } from '../book/book.js';
import type { Account } from '../model/account.js';
import { detailOf, sheetOf, type Assignment, type AssignmentsTable } from '../model/assignment.js';
import type { Finding } from '../model/finding.js';
import type { Person } from '../model/person.js';
import type { Layout } from '../model/table.js';
import type { TierDef } from '../model/tier.js';
import type { LoadResult, LoadStatus } from '../workload/load.js';

/** A cell of one version: sheet (for a CSV, its file name), row and column letter. */
export interface CellAt {
  sheet: string;
  row: number;
  column?: string;
}

export interface SideAccount {
  account: Account;
  /** Its activities (account × task), cancelled rows left out. */
  groups: readonly TaskGroup[];
  /** Tier ids: recorded (as recognised), computed from the score, effective (pinned, else recorded, else computed). */
  recorded?: string;
  computed?: string;
  effective?: string;
}

export interface Side {
  file: string;
  /** For a folder of CSV files: the file of each sheet. */
  sheetFiles?: ReadonlyMap<string, string>;
  /** The parts this version has: a part is compared only when both versions have it. */
  has: { accounts: boolean; assignments: boolean; staff: boolean };
  /** Whether the Accounts sheet has an id column (then accounts are matched by id). */
  ids: boolean;
  accounts: SideAccount[];
  accountsLayout?: Layout;
  /** The account a row's account cell names (by id or name), or undefined for an unknown or ambiguous one. */
  accountOf: (accountKey: string) => Account | undefined;
  /** Every row as its holders hold it, cancelled ones too. */
  rows: readonly Assignment[];
  /** The book's activities (account × task), cancelled rows left out: those of an account the Accounts sheet lacks are compared as they are. */
  groups: readonly TaskGroup[];
  assignments?: AssignmentsTable;
  people: Person[];
  staffLayout?: Layout;
  findings: Finding[];
  /** Utilisation per person (folded name). */
  load: Map<string, { name: string; utilization: number; status: LoadStatus }>;
}

export interface SideInput {
  file: string;
  sheetFiles?: ReadonlyMap<string, string>;
  book: IndexedBook;
  findings: Finding[];
  load: LoadResult;
}

/** The parts of an indexed book the comparison needs. */
export function sideOf(input: SideInput): Side {
  const { book } = input;
  const { accounts, assignments, staff } = book;
  const side: Side = {
    file: input.file,
    has: { accounts: accounts !== undefined, assignments: assignments !== undefined, staff: staff !== undefined },
    ids: accounts?.layout.byKey.has('id') ?? false,
    accounts: (accounts?.accounts ?? []).map((a) => {
      const out: SideAccount = { account: a, groups: book.groupsByAccount.get(a) ?? [] };
      const recorded = book.recordedTier(a);
      const computed = book.computedTier(a);
      const effective = book.effectiveTier(a);
      if (recorded !== undefined) out.recorded = recorded;
      if (computed !== undefined) out.computed = computed;
      if (effective !== undefined) out.effective = effective;
      return out;
    }),
    accountOf: lookup(book.accountIndex, book.sharedNames),
    // The book's rows leave cancelled ones out: the same rows unless some row is cancelled.
    rows: assignments?.assignments.some((r) => r.status === 'cancelled') ? holderRows(assignments.assignments, book.people, book.departments, staff !== undefined, true) : book.rows,
    groups: book.groups,
    people: staff?.people ?? [],
    findings: input.findings,
    load: new Map(input.load.people.map((p) => [p.key, { name: p.name, utilization: p.utilization, status: p.status }])),
  };
  if (input.sheetFiles) side.sheetFiles = input.sheetFiles;
  if (accounts) side.accountsLayout = accounts.layout;
  // Only where its rows are (the sheets' layouts): the table's own arrays can go.
  if (assignments) side.assignments = { layout: assignments.layout, assignments: [], findings: [], ...(assignments.long ? { long: assignments.long } : {}) };
  if (staff) side.staffLayout = staff.layout;
  return side;
}

/** An account by folded id or name, none for a name several accounts share (the two maps kept, not the whole index). */
function lookup(index: ReadonlyMap<string, Account>, shared: ReadonlyMap<string, unknown>): (key: string) => Account | undefined {
  return (key) => (shared.has(key) ? undefined : index.get(key));
}

/** The cell of a column of a sheet's row, or the row alone when the sheet lacks the column. */
export function cellAt(layout: Layout, row: number, key: string): CellAt {
  const column = layout.byKey.get(key)?.letter;
  return column !== undefined ? { sheet: layout.sheet, row, column } : { sheet: layout.sheet, row };
}

/** Where an account's row is: its name cell in the Accounts sheet. */
export function accountCell(side: Side, a: Account): CellAt | undefined {
  return side.accountsLayout ? cellAt(side.accountsLayout, a.row, 'name') : undefined;
}

/**
 * Where a responsibility row says a thing: `holder` the cell naming the holder, `raci` its letters,
 * or the cell of a detail (due, status, frequency, hours) — in a matrix, the cell under the holder.
 */
export function rowCell(side: Side, a: Assignment, what: 'holder' | 'raci' | 'due' | 'status' | 'frequency' | 'hours'): CellAt | undefined {
  const t = side.assignments;
  if (!t) return undefined;
  if (what === 'holder' || what === 'raci') {
    const layout = sheetOf(t, a);
    if (a.column !== undefined && !a.onLong) {
      const col = layout.columns[a.column];
      return col ? { sheet: layout.sheet, row: a.row, column: col.letter } : { sheet: layout.sheet, row: a.row };
    }
    return cellAt(layout, a.row, what === 'raci' ? 'raci' : a.personKey !== undefined || !layout.byKey.has('department') ? 'person' : 'department');
  }
  const at = detailOf(t, a, what);
  return cellAt(at.layout, at.row, what);
}

/** `kam textconv`: one version rendered as sorted lines (for `git diff` through a textconv driver). */
export interface TextconvResult {
  kind: 'textconv';
  side: Side;
  tiers: readonly TierDef[];
}
