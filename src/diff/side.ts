/**
 * One version of a book as `kam diff` and `kam textconv` compare it: its accounts with their tiers,
 * the responsibility rows as their holders hold them (cancelled rows kept: a row cancelled is a
 * status change), its people, the findings of `kam check` and each person's utilisation. Only what
 * the comparison needs is kept, so that the old version's tables can go before the new one is read.
 */
import { personNamer } from '../book/shared.js';
import { holderRows, type IndexedBook } from '../book/book.js';
import type { Account, AccountsTable } from '../model/account.js';
import { detailOf, sheetOf, type Assignment, type AssignmentsTable } from '../model/assignment.js';
import type { Finding } from '../model/finding.js';
import type { Person } from '../model/person.js';
import type { Layout, LineOf } from '../model/table.js';
import type { TierDef } from '../model/tier.js';
import type { LoadResult, LoadStatus } from '../workload/load.js';
import { PackedGroups } from './packed.js';

/** A cell of one version: sheet (for a CSV, its file name), row and column letter. */
export interface CellAt {
  sheet: string;
  row: number;
  column?: string;
}

/** What the comparison reads of an account (a packed side keeps no more). */
export type ComparedAccount = Pick<Account, 'row' | 'id' | 'name' | 'key' | 'owner' | 'tier'> & { numbers: Pick<Account['numbers'], 'annual_revenue'> };

/** An activity (account × task) as the comparison reads it: a group of the book, or one a packed side made again. */
export interface SideActivity {
  /** The account it belongs to, when the Accounts sheet has it. */
  account?: ComparedAccount;
  /** The account as the first row writes it. */
  accountText: string;
  taskKey: string;
  rows: readonly Assignment[];
}

export interface SideAccount {
  account: ComparedAccount;
  /** Its place in its side's accounts: its activities are `side.groupsOf(at)`. */
  at: number;
  /** Tier ids: recorded (as recognised), computed from the score, effective (pinned, else recorded, else computed). */
  recorded: string | undefined;
  computed: string | undefined;
  effective: string | undefined;
  /**
   * The account manager as the Staff sheet names them (`张伟(E001)` for `E001`, `陈静 (Jenny Chen)` for `Jenny Chen`),
   * else as written: compared so, one person written two ways is no change (found by a new user).
   */
  owner?: string;
}

/** One version as the comparison reads it. */
export interface Side {
  file: string;
  /** For a folder of CSV files: the file of each sheet. */
  sheetFiles?: ReadonlyMap<string, string>;
  /** For a CSV: the line of its file on which a sheet's row starts. */
  lineOf?: LineOf;
  /** The parts this version has: a part is compared only when both versions have it. */
  has: { accounts: boolean; assignments: boolean; staff: boolean };
  /** A single CSV file: one table, so the parts it lacks were not removed from it. */
  oneTable?: boolean;
  /**
   * Its accounts are those its division of labour names with their tier (a RACI matrix, kam's own or
   * returned): no Accounts sheet, whose columns (revenue, last contact, recorded tier) it cannot hold.
   */
  accountsFromRows?: true;
  /** Whether the Accounts sheet has an id column (then accounts are matched by id). */
  ids: boolean;
  /**
   * The fields this version holds at all — a column for them, or a value in some row: a field one
   * version cannot hold (a RACI matrix has no due dates, hours, owners) is not compared (found by a
   * new user: a book against its returned matrix listed every due date as removed).
   */
  fields: Readonly<Record<'due' | 'status' | 'frequency' | 'hours' | 'owner' | 'annual_revenue', boolean>>;
  accounts: SideAccount[];
  accountsLayout?: Layout;
  /** The account a row's account cell names (by id or name), or undefined for an unknown or ambiguous one. */
  accountOf: (accountKey: string) => ComparedAccount | undefined;
  /** The activities (account × task) of the account at `at` in `accounts`, cancelled rows left out; made anew on each call by a packed side. */
  groupsOf: (at: number) => readonly SideActivity[];
  /** The activities of rows whose account the Accounts sheet lacks (or cannot tell), cancelled rows left out: compared as they are. */
  unowned: readonly SideActivity[];
  /** Cancelled rows (the activities leave them out; a row cancelled is a status change). */
  cancelled: readonly Assignment[];
  /** Per person (folded name): the responsibilities held, rows not cancelled that hold a letter. */
  holds: ReadonlyMap<string, number>;
  assignments?: AssignmentsTable;
  people: Person[];
  staffLayout?: Layout;
  findings: Finding[];
  /** Utilisation per person (folded name). */
  load: Map<string, { name: string; utilization: number; status: LoadStatus }>;
}

/** A version with every row as its holders hold it, cancelled ones too (`kam textconv` lists them). */
export interface FullSide extends Side {
  accounts: (SideAccount & { account: Account })[];
  rows: readonly Assignment[];
  /** Accounts by folded id and by folded name, and the names several accounts share (what `accountOf` looks in). */
  accountIndex: ReadonlyMap<string, Account>;
  sharedNames: ReadonlyMap<string, unknown>;
}

export interface SideInput {
  file: string;
  sheetFiles?: ReadonlyMap<string, string>;
  lineOf?: LineOf;
  book: IndexedBook;
  findings: Finding[];
  load: LoadResult;
  oneTable?: boolean;
}

/** The parts of an indexed book the comparison needs. */
export function sideOf(input: SideInput): FullSide {
  const { book } = input;
  const { accounts, assignments, staff } = book;
  const list = accounts?.accounts ?? [];
  const personOf = personNamer(book.people);
  const ownerOf = (owner: string): string => (staff ? personOf(owner).name : owner);
  const groups = list.map((a) => book.groupsByAccount.get(a) ?? []);
  // The book's rows leave cancelled ones out: the same rows unless some row is cancelled.
  const rows = assignments?.assignments.some((r) => r.status === 'cancelled') ? holderRows(assignments.assignments, book.people, book.departments, staff !== undefined, true) : book.rows;
  const side: FullSide = {
    file: input.file,
    has: { accounts: accounts !== undefined, assignments: assignments !== undefined, staff: staff !== undefined },
    ...(input.oneTable ? { oneTable: true } : {}),
    ...(accounts?.fromRows ? { accountsFromRows: true } : {}),
    ids: accounts?.layout.byKey.has('id') ?? false,
    fields: fieldsHeld(accounts, assignments, rows),
    accounts: list.map((a, at) => ({ account: a, at, recorded: book.recordedTier(a), computed: book.computedTier(a), effective: book.effectiveTier(a), ...(a.owner !== undefined ? { owner: ownerOf(a.owner) } : {}) })),
    accountOf: lookup(book.accountIndex, book.sharedNames),
    accountIndex: book.accountIndex,
    sharedNames: book.sharedNames,
    groupsOf: (at) => groups[at] ?? [],
    unowned: book.groups.filter((g) => !g.account),
    cancelled: rows.filter((r) => r.status === 'cancelled'),
    holds: holdsOf(rows),
    rows,
    people: staff?.people ?? [],
    findings: input.findings,
    load: new Map(input.load.people.map((p) => [p.key, { name: p.name, utilization: p.utilization, status: p.status }])),
  };
  if (input.sheetFiles) side.sheetFiles = input.sheetFiles;
  if (input.lineOf) side.lineOf = input.lineOf;
  if (accounts) side.accountsLayout = accounts.layout;
  // Only where its rows are (the sheets' layouts): the table's own arrays can go.
  if (assignments) side.assignments = { layout: assignments.layout, assignments: [], findings: [], ...(assignments.long ? { long: assignments.long } : {}) };
  if (staff) side.staffLayout = staff.layout;
  return side;
}

/**
 * What `kam diff` keeps of a version while the other is read and while the two are compared: its
 * accounts' activities packed (src/diff/packed.ts), each account as the comparison reads it (an
 * account as read also keeps its other columns, periods and named numbers: ~40 → ~11 MB for
 * 100,000 accounts), no list of rows.
 */
function fieldsHeld(accounts: AccountsTable | undefined, assignments: AssignmentsTable | undefined, rows: readonly Assignment[]): Side['fields'] {
  const row = (key: 'due' | 'status' | 'frequency' | 'hours'): boolean => (assignments?.layout.byKey.has(key) ?? false) || rows.some((r) => r[key] !== undefined);
  const account = (key: 'owner' | 'annual_revenue'): boolean =>
    (accounts?.layout.byKey.has(key) ?? false) || (accounts?.accounts.some((a) => (key === 'owner' ? a.owner : a.numbers.annual_revenue) !== undefined) ?? false);
  return { due: row('due'), status: row('status'), frequency: row('frequency'), hours: row('hours'), owner: account('owner'), annual_revenue: account('annual_revenue') };
}

export function packSide(side: FullSide): Side {
  // Each account reduced once: the index finds the same accounts (by id and by name) as the list.
  const slim = new Map<Account, ComparedAccount>(side.accounts.map((sa) => [sa.account, comparedAccount(sa.account)]));
  const accounts = side.accounts.map((sa): SideAccount => ({ ...sa, account: slim.get(sa.account)! }));
  const packed = new PackedGroups(
    side.accounts.map((sa) => side.groupsOf(sa.at)),
    side.accounts.map((sa) => sa.account),
    accounts.map((sa) => sa.account),
  );
  const index = new Map<string, ComparedAccount>();
  for (const [key, a] of side.accountIndex) index.set(key, slim.get(a) ?? comparedAccount(a));
  const { rows: _rows, accountIndex: _index, sharedNames, ...rest } = side;
  return {
    ...rest,
    accounts,
    accountOf: lookup(index, sharedNames),
    // Bound, not an arrow: an arrow here would share this function's scope, and with it the full side.
    groupsOf: packed.groupsOf.bind(packed),
  };
}

const NO_NUMBERS: ComparedAccount['numbers'] = Object.freeze({});

function comparedAccount(a: ComparedAccount): ComparedAccount {
  const revenue = a.numbers.annual_revenue;
  return { row: a.row, id: a.id, name: a.name, key: a.key, owner: a.owner, tier: a.tier, numbers: revenue === undefined ? NO_NUMBERS : { annual_revenue: revenue } };
}

/** Responsibilities held per person: rows not cancelled that hold a letter. */
function holdsOf(rows: readonly Assignment[]): Map<string, number> {
  const holds = new Map<string, number>();
  for (const r of rows) if (r.personKey !== undefined && r.status !== 'cancelled' && r.raci !== 0) holds.set(r.personKey, (holds.get(r.personKey) ?? 0) + 1);
  return holds;
}

/** An account by folded id or name, none for a name several accounts share (the two maps kept, not the whole index). */
function lookup<A>(index: ReadonlyMap<string, A>, shared: ReadonlyMap<string, unknown>): (key: string) => A | undefined {
  return (key) => (shared.has(key) ? undefined : index.get(key));
}

/** The cell of a column of a sheet's row, or the row alone when the sheet lacks the column. */
export function cellAt(layout: Layout, row: number, key: string): CellAt {
  const column = layout.byKey.get(key)?.letter;
  return column !== undefined ? { sheet: layout.sheet, row, column } : { sheet: layout.sheet, row };
}

/** Where an account's row is: its name cell in the Accounts sheet. */
export function accountCell(side: Side, a: ComparedAccount): CellAt | undefined {
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
  side: FullSide;
  tiers: readonly TierDef[];
}
