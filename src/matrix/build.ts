/**
 * The responsibility (RACI) matrix (issue 10): the long division-of-labour rows pivoted into
 * activities (account × task) × people, departments or roles, each cell the letters held there in
 * one canonical form (`A/R`), with check columns per row (#A, #R and the RACI rules that fire) and
 * totals per column (letters held, accounts, weekly hours, utilisation). One model for every view
 * and format; the renderers only lay it out.
 */
import type { IndexedBook, TaskGroup } from '../book/book.js';
import { HolderLetters } from '../book/holders.js';
import { staffNamer } from '../book/shared.js';
import type { Account } from '../model/account.js';
import { LETTER_ORDER, RACI, type RaciLetter } from '../model/codes.js';
import type { Finding } from '../model/finding.js';
import type { TierDef } from '../model/tier.js';
import { tierRecognizer } from '../model/tier.js';
import type { IsoDate } from '../util/date.js';
import { compareText } from '../util/compare.js';
import { accountKey, fold, folder } from '../util/text.js';
import type { LoadResult, PersonLoad } from '../workload/load.js';
import { RowCells } from './cells.js';

export const MATRIX_VIEWS = ['account', 'task', 'person'] as const;
export type MatrixView = (typeof MATRIX_VIEWS)[number];
export const COLUMN_MODES = ['person', 'department', 'role'] as const;
export type ColumnMode = (typeof COLUMN_MODES)[number];


/** A column: a person, a department (rows held by a department, or `--columns department`) or a role. */
export interface MatrixColumn {
  /** `person:张伟`, `department:销售部`, `role:客户经理`: unique, stable across runs. */
  key: string;
  label: string;
  kind: ColumnMode;
  department?: string;
  role?: string;
}

/** One activity (account × task) of the account view, or one (person, activity) of the person view. */
export interface MatrixRow {
  account: string;
  accountId?: string;
  /** The account's effective tier id. */
  tier?: string;
  task: string;
  /** Letters per column key (a mask of RACI bits); columns holding nothing are absent. */
  cells: RowCells;
  /** Holders (people or departments) accountable and responsible on the activity, all of them. */
  a: number;
  r: number;
  /** The RACI rules that fire on the activity (as `kam check` reports them). */
  rules: readonly string[];
  /** The first row of the activity in the Assignments sheet. */
  sourceRow: number;
  /** Person view: whose block the row is in, the letters they hold and their weekly hours. */
  person?: string;
  letters?: number;
  hours?: number;
}

/** One task type of the task view: letters per column counted across accounts. */
export interface TaskRow {
  task: string;
  /** Per column key: how many activities hold each letter there. */
  cells: Map<string, Record<RaciLetter, number>>;
  /** Activities of the task shown. */
  activities: number;
}

/** Per column: letters held, accounts held, weekly hours and utilisation. */
export interface MatrixTotal {
  key: string;
  R: number;
  A: number;
  C: number;
  I: number;
  accounts: number;
  hours: number;
  /** Hours over capacity (a fraction); undefined when the column has no capacity. */
  utilization?: number;
}

export interface Matrix {
  kind: 'matrix';
  view: MatrixView;
  columnMode: ColumnMode;
  file: string;
  asOf: IsoDate;
  tiers: TierDef[];
  columns: MatrixColumn[];
  rows: MatrixRow[];
  taskRows: TaskRow[];
  totals: MatrixTotal[];
  /** The most responsible (R) a task may have before `raci/too-many-responsible`. */
  maxResponsible: number;
  /** Findings for stderr and the exit code: those of the activities shown, at their source cells. */
  findings: Finding[];
  /** Whether a filter (`--account`, `--tier`, `--person`, `--department`, `--role`) chose the activities. */
  filtered: boolean;
  /** Rows the filters left out (a note says so when everything was filtered away). */
  filteredOut: number;
  /** With `allViews`: the matrix in each view (this one among them), for a workbook of all three. */
  views?: Record<MatrixView, Matrix>;
}

export interface MatrixOptions {
  view?: MatrixView;
  columns?: ColumnMode;
  /** Accounts by id or name (repeatable `--account`). */
  accounts?: readonly string[];
  /** A tier by id, label or alias. */
  tier?: string;
  department?: string;
  person?: string;
  role?: string;
  /** Also build the other views, same filters and columns (`-o raci.xlsx` writes a sheet for each). */
  allViews?: boolean;
  /**
   * False: the rows are counted (task view, totals) and not kept — `kam report` shows the task
   * view's counts alone, and a whole book's 300,000 rows need not be held at once.
   */
  keepRows?: boolean;
}

/** The rules of an activity on which none fires: one list for all of them. */
const NO_RULES: readonly string[] = [];

/** The matrix of an indexed book: `findings` are the check's (reader and rule) findings. */
export function buildMatrix(book: IndexedBook, load: LoadResult, findings: readonly Finding[], file: string, options: MatrixOptions = {}): Matrix {
  const view = options.view ?? 'account';
  const columnMode = options.columns ?? 'person';
  const { config } = book;
  const maxResponsible = responsibleMax(config.rules['raci/too-many-responsible']);
  const loads = new Map(load.people.map((p) => [p.key, p]));
  const person = (key: string): PersonLoad | undefined => loads.get(key);

  // Which activities are shown: the account filters, then those where the column filters hold a letter.
  // (Names folded; ids as the book keys them, a Salesforce id keeping its case: found by review.)
  const wantAccounts = options.accounts ? new Set(options.accounts.flatMap((a) => [fold(a), accountKey(a)])) : undefined;
  const recognize = tierRecognizer(config.tiers);
  const wantTier = options.tier !== undefined ? (recognize(options.tier) ?? fold(options.tier)) : undefined;
  const holderFilter = columnFilter(book, options);
  // Whether an account is wanted, once per account (a 100k-account book has 7 activities each).
  const wanted = new Map<Account, boolean>();
  const accountWanted = (account: Account): boolean => {
    let ok = wanted.get(account);
    if (ok === undefined) {
      ok = wantAccounts!.has(fold(account.name)) || (account.id !== undefined && wantAccounts!.has(account.key));
      wanted.set(account, ok);
    }
    return ok;
  };
  const shown = (g: TaskGroup): boolean => {
    const account = g.account;
    return (
      (!wantAccounts || wantAccounts.has(g.rows[0]!.accountKey) || (account !== undefined && accountWanted(account))) &&
      (wantTier === undefined || (account ? book.effectiveTier(account) : undefined) === wantTier) &&
      (!holderFilter || g.rows.some((r) => holderFilter(r.personKey, r.departmentKey)))
    );
  };

  // The activities shown, as the book's groups: all of them when nothing is filtered (a whole book's
  // 325,000; their tiers are found again below rather than kept in an object each, which outlived
  // young collections while the matrix was made).
  const filtered = wantAccounts !== undefined || wantTier !== undefined || holderFilter !== undefined;
  const activities: readonly TaskGroup[] = byAccount(filtered ? book.groups.filter(shown) : book.groups);
  const filteredOut = filtered ? book.groups.length - activities.length : 0;

  // Columns: people grouped by department (staff order), department-held rows as department columns.
  const columns = new Map<string, MatrixColumn>();
  // By department or role: the people each column gathers, whose hours the person view's block adds up.
  const members = new Map<string, Set<string>>();
  const gathered = (c: MatrixColumn, personKey: string): MatrixColumn => {
    let set = members.get(c.key);
    if (!set) members.set(c.key, (set = new Set()));
    set.add(personKey);
    return c;
  };
  const columnOf = (personKey: string | undefined, deptKey: string | undefined, name: string | undefined, dept: string | undefined): MatrixColumn | undefined => {
    if (personKey !== undefined) {
      const p = book.people.get(personKey);
      const department = p?.department ?? dept;
      const role = p?.role;
      if (columnMode === 'department' && department !== undefined) return gathered(ensure(columns, `department:${fold(department)}`, department, 'department', { department }), personKey);
      if (columnMode === 'role' && role !== undefined) return gathered(ensure(columns, `role:${fold(role)}`, role, 'role', { role }), personKey);
      if (columnMode !== 'person') return ensure(columns, `person:${personKey}`, p?.name ?? name!, 'person', { ...(department !== undefined ? { department } : {}) });
      return ensure(columns, `person:${personKey}`, p?.name ?? name!, 'person', { ...(department !== undefined ? { department } : {}), ...(role !== undefined ? { role } : {}) });
    }
    if (deptKey !== undefined) return ensure(columns, `department:${deptKey}`, dept!, 'department', { department: dept! });
    return undefined;
  };
  // The RACI rules that fire, by folded account and task (looked up, not made into a key per row).
  const byActivity = new Map<string, Map<string, string[]>>();
  for (const f of findings) {
    if (!f.rule.startsWith('raci/') || f.account === undefined || f.task === undefined) continue;
    const account = fold(f.account);
    const task = fold(f.task);
    let tasks = byActivity.get(account);
    if (!tasks) byActivity.set(account, (tasks = new Map()));
    let list = tasks.get(task);
    if (!list) tasks.set(task, (list = []));
    if (!list.includes(f.rule)) list.push(f.rule);
  }

  // A matrix read back: its columns in the sheet's order, before any row is looked at.
  const staffName = staffNamer(book.people);
  for (const c of book.assignments?.layout.holders ?? []) {
    if (c.holderIsDepartment) columnOf(undefined, fold(c.holder!), undefined, c.holder);
    else {
      // `张伟（客户经理）` over a column is the staff's 张伟, whose rows the column holds.
      const named = staffName(c.holder!);
      columnOf(named?.key ?? fold(c.holder!), undefined, named?.name ?? c.holder, c.holderGroup);
    }
  }
  // The column of a person on the Staff sheet with a department depends on nothing else: found once.
  const staffColumns = new Map<string, MatrixColumn | undefined>();
  const rowColumn = (r: TaskGroup['rows'][number]): MatrixColumn | undefined => {
    const p = r.personKey !== undefined ? book.people.get(r.personKey) : undefined;
    if (p?.department === undefined) return columnOf(r.personKey, r.departmentKey, r.person, r.department);
    let col = staffColumns.get(r.personKey!);
    if (col === undefined) staffColumns.set(r.personKey!, (col = columnOf(r.personKey, r.departmentKey, r.person, r.department)));
    return col;
  };
  // Account names folded once each (an account has several activities), only when rules fired.
  const foldName = folder();
  const rows: MatrixRow[] = [];
  const keepRows = options.keepRows ?? true;
  // Counted row by row as they are made: the task view's letters per task, every column's totals.
  const tasks = view === 'task' || options.allViews ? new TaskCounts() : undefined;
  const counts = new ColumnCounts();
  const scan = new HolderLetters();
  for (const g of activities) {
    const account = g.account;
    const tier = account ? book.effectiveTier(account) : undefined;
    // #A and #R: holders (people and departments apart) of the letter, all of them.
    let a = 0;
    let rr = 0;
    const held = scan.gather(g.rows);
    for (let j = 0; j < held; j++) {
      if (scan.letters[j]! & RACI.A) a++;
      if (scan.letters[j]! & RACI.R) rr++;
    }
    const name = account?.name ?? g.accountText;
    const task = g.rows[0]!.task;
    const rules = byActivity.size === 0 ? NO_RULES : (byActivity.get(foldName(name))?.get(g.taskKey) ?? byActivity.get(foldName(g.accountText))?.get(g.taskKey) ?? NO_RULES);
    const row = new ActivityRow(name, account?.id, tier, task, a, rr, rules, g.rows[0]!.row);
    for (const r of g.rows) {
      if (holderFilter && !holderFilter(r.personKey, r.departmentKey)) continue;
      const col = rowColumn(r);
      if (col) row.add(col.key, r.raci);
    }
    if (keepRows) rows.push(row);
    tasks?.add(row);
    counts.add(row);
  }

  const ordered = orderColumns([...columns.values()], book, columnMode);
  const totals = counts.totals(ordered, load, columnMode);
  const matrix: Matrix = { kind: 'matrix', view, columnMode, file, asOf: book.asOf, tiers: config.tiers, columns: ordered, rows, taskRows: [], totals, maxResponsible, findings: [...findings], filtered, filteredOut };
  if (view === 'task') matrix.taskRows = tasks!.rows(book);
  if (view === 'person') matrix.rows = personRows(rows, ordered, activities, person, members);
  if (options.allViews) {
    // The other views share the selection, columns, rows and totals: only their own rows differ.
    const views = { [view]: matrix } as Record<MatrixView, Matrix>;
    for (const other of MATRIX_VIEWS) {
      if (other === view) continue;
      const m: Matrix = { ...matrix, view: other, rows, taskRows: [] };
      delete m.views;
      if (other === 'task') m.taskRows = tasks!.rows(book);
      if (other === 'person') m.rows = personRows(rows, ordered, activities, person, members);
      views[other] = m;
    }
    matrix.views = views;
  }
  return matrix;
}

/**
 * The activities with each account's together, accounts in the order they first come and tasks in
 * theirs: a division of labour that comes back to an account further down (a task added at the
 * end) shows it under the account once, not in a second group. The list as it is when it is so already.
 */
function byAccount(groups: readonly TaskGroup[]): readonly TaskGroup[] {
  const accountOf = (g: TaskGroup): unknown => g.account ?? g.rows[0]!.accountKey;
  const done = new Set<unknown>();
  let together = true;
  for (let i = 0; i < groups.length && together; i++) {
    const a = accountOf(groups[i]!);
    if (i > 0 && a === accountOf(groups[i - 1]!)) continue;
    if (done.has(a)) together = false;
    done.add(a);
  }
  if (together) return groups;
  const lists = new Map<unknown, TaskGroup[]>();
  for (const g of groups) {
    const a = accountOf(g);
    const list = lists.get(a);
    if (list) list.push(g);
    else lists.set(a, [g]);
  }
  return [...lists.values()].flat();
}

function ensure(columns: Map<string, MatrixColumn>, key: string, label: string, kind: ColumnMode, extra: Partial<MatrixColumn>): MatrixColumn {
  let c = columns.get(key);
  if (!c) {
    c = { key, label, kind, ...extra };
    columns.set(key, c);
  }
  return c;
}

/** `--department`, `--person`, `--role`: which holders (a row's person or department) the columns keep. */
function columnFilter(book: IndexedBook, options: MatrixOptions): ((personKey: string | undefined, deptKey: string | undefined) => boolean) | undefined {
  const { department, person, role } = options;
  if (department === undefined && person === undefined && role === undefined) return undefined;
  const dept = department !== undefined ? fold(department) : undefined;
  const who = person !== undefined ? fold(person) : undefined;
  const job = role !== undefined ? fold(role) : undefined;
  return (personKey, deptKey) => {
    const p = personKey !== undefined ? book.people.get(personKey) : undefined;
    if (who !== undefined && personKey !== who) return false;
    if (job !== undefined && (p?.role === undefined || fold(p.role) !== job)) return false;
    if (dept !== undefined) {
      const d = p?.department !== undefined ? fold(p.department) : deptKey;
      if (d !== dept) return false;
    }
    return true;
  };
}

/**
 * Columns in the Staff sheet's order: people grouped by department, each department's own column
 * (rows it holds without a person) after its people; by department or role, in the order they
 * first appear there, department-held columns last.
 */
function orderColumns(columns: MatrixColumn[], book: IndexedBook, mode: ColumnMode): MatrixColumn[] {
  if (mode === 'role') {
    const roleOrder = new Map<string, number>();
    for (const p of book.staff?.people ?? []) if (p.role !== undefined && !roleOrder.has(fold(p.role))) roleOrder.set(fold(p.role), roleOrder.size);
    const rank = (c: MatrixColumn): number => (c.kind === 'role' ? (roleOrder.get(fold(c.role ?? '')) ?? roleOrder.size) : roleOrder.size + 1);
    return columns.sort((x, y) => rank(x) - rank(y) || compareText(x.label, y.label));
  }
  if (!book.staff) return columns; // no Staff sheet: the order the columns were met in (a matrix's own order)
  const staffOrder = new Map<string, number>();
  (book.staff?.people ?? []).forEach((p, i) => staffOrder.set(p.key, i));
  const deptOrder = new Map<string, number>();
  for (const p of book.staff?.people ?? []) if (p.department !== undefined && !deptOrder.has(fold(p.department))) deptOrder.set(fold(p.department), deptOrder.size);
  const deptRank = (c: MatrixColumn): number => (c.department !== undefined ? (deptOrder.get(fold(c.department)) ?? deptOrder.size) : deptOrder.size + 1);
  const within = (c: MatrixColumn): number => (c.kind === 'person' ? (staffOrder.get(c.key.slice('person:'.length)) ?? Number.MAX_SAFE_INTEGER) : Number.MAX_SAFE_INTEGER);
  return columns.sort(
    (x, y) =>
      deptRank(x) - deptRank(y) ||
      compareText(x.department ?? '', y.department ?? '') ||
      (x.kind === 'department' ? 1 : 0) - (y.kind === 'department' ? 1 : 0) ||
      within(x) - within(y) ||
      compareText(x.label, y.label),
  );
}

/** Per column: the letters it holds on the rows shown, the accounts, and (people) hours and utilisation; counted row by row. */
class ColumnCounts {
  private readonly counted = new Map<string, { t: MatrixTotal; column: number; last: number }>();
  /** Accounts numbered as met (by id, else name). */
  private readonly accountNumber = new Map<string, number>();
  /**
   * The (column, account) pairs met, as column × 2^32 + account, a pair repeated on the column's
   * next row left out: the accounts of each column are counted from them once every row is in. A
   * set of accounts per column held a whole book's ~350,000 pairs at ~30 bytes each; 8 here.
   */
  private pairs = new Float64Array(1 << 12);
  private npairs = 0;

  add(r: MatrixRow): void {
    const id = r.accountId ?? r.account;
    let account = this.accountNumber.get(id);
    if (account === undefined) this.accountNumber.set(id, (account = this.accountNumber.size));
    r.cells.forEach((mask, key) => {
      if (!mask) return;
      let c = this.counted.get(key);
      if (!c) this.counted.set(key, (c = { t: { key, R: 0, A: 0, C: 0, I: 0, accounts: 0, hours: 0 }, column: this.counted.size, last: -1 }));
      for (const l of LETTER_ORDER) if (mask & RACI[l]) c.t[l]++;
      // Accounts held are those with an R or an A, as kam load counts them (found by a new user: a person
      // consulted on 20 accounts was 负责 20 here and 0 in kam load).
      if (!(mask & (RACI.R | RACI.A)) || c.last === account) return;
      c.last = account;
      if (this.npairs === this.pairs.length) {
        const more = new Float64Array(this.pairs.length * 2);
        more.set(this.pairs);
        this.pairs = more;
      }
      this.pairs[this.npairs++] = c.column * 2 ** 32 + account;
    });
  }

  /** How many accounts each column (by its number) holds letters on. */
  private accountsPerColumn(): Int32Array {
    const per = new Int32Array(this.counted.size);
    const pairs = this.pairs.subarray(0, this.npairs).sort();
    for (let i = 0; i < pairs.length; i++) if (i === 0 || pairs[i] !== pairs[i - 1]) per[Math.floor(pairs[i]! / 2 ** 32)]!++;
    return per;
  }

  totals(columns: MatrixColumn[], load: LoadResult, mode: ColumnMode): MatrixTotal[] {
    const byKey = new Map(load.people.map((p) => [p.key, p]));
    const accounts = this.accountsPerColumn();
    return columns.map((c) => {
      const counted = this.counted.get(c.key);
      const t: MatrixTotal = counted?.t ?? { key: c.key, R: 0, A: 0, C: 0, I: 0, accounts: 0, hours: 0 };
      t.accounts = counted ? accounts[counted.column]! : 0;
      // Hours and capacity of the people the column stands for (a department column of department-held rows has none).
      const people: PersonLoad[] = [];
      if (c.kind === 'person') {
        const p = byKey.get(c.key.slice('person:'.length));
        if (p) people.push(p);
      } else if (mode !== 'person' && c.kind === mode) {
        // (By role, a department's column holds its own rows only: its people's hours are their roles' columns';
        // found by review, counted in both.)
        for (const p of load.people) {
          const match = c.kind === 'department' ? p.department !== undefined && fold(p.department) === fold(c.department ?? '') : p.role !== undefined && fold(p.role) === fold(c.role ?? '');
          // (Nor someone who has left: no capacity, as kam load counts a department or a role; found by a new user, 销售部's
          // utilisation counted 40 h of a person no longer 在职.)
          if (match && p.status !== 'unknown' && p.status !== 'inactive') people.push(p);
        }
      }
      t.hours = people.reduce((s, p) => s + p.hours, 0);
      // Someone the Staff sheet does not list has no capacity to measure against (kam load lists them apart).
      const capacity = people.reduce((s, p) => s + (p.status === 'unknown' ? 0 : p.capacity), 0);
      if (capacity > 0) t.utilization = t.hours / capacity;
      return t;
    });
  }
}

/** The task view: per task (as written, grouped by folded name) the letters each column holds, counted row by row. */
class TaskCounts {
  private readonly byTask = new Map<string, TaskRow>();
  /** A task's text folded once (an account's activities repeat a few task names). */
  private readonly fold = folder();

  add(r: MatrixRow): void {
    const k = this.fold(r.task);
    let t = this.byTask.get(k);
    if (!t) {
      t = { task: r.task, cells: new Map(), activities: 0 };
      this.byTask.set(k, t);
    }
    t.activities++;
    const cells = t.cells;
    r.cells.forEach((mask, key) => {
      let counts = cells.get(key);
      if (!counts) {
        counts = { R: 0, A: 0, C: 0, I: 0 };
        cells.set(key, counts);
      }
      for (const l of LETTER_ORDER) if (mask & RACI[l]) counts[l]++;
    });
  }

  /** The tasks in the service catalogue's order, the others after it by name. */
  rows(book: IndexedBook): TaskRow[] {
    const order = new Map<string, number>();
    Object.values(book.config.tasks)
      .flat()
      .forEach((name, i) => order.set(fold(name), i));
    return [...this.byTask.entries()].sort(([a], [b]) => (order.get(a) ?? Number.MAX_SAFE_INTEGER) - (order.get(b) ?? Number.MAX_SAFE_INTEGER) || compareText(a, b)).map(([, t]) => t);
  }
}

/**
 * The person view: for each person column, the activities they hold, their letters and weekly hours. By
 * department or role (`--columns`), a block for each, its hours those of the people it gathers (found by a
 * new user: by role the view was empty, by department every hour 0).
 */
function personRows(rows: MatrixRow[], columns: MatrixColumn[], activities: readonly TaskGroup[], load: (key: string) => PersonLoad | undefined, members: ReadonlyMap<string, ReadonlySet<string>>): MatrixRow[] {
  // Each person's activities in the rows' order, found in one pass over the rows; rows[i] is the row of activities[i].
  const held = new Map<string, number[]>();
  rows.forEach((r, i) => {
    r.cells.forEach((mask, key) => {
      if (!mask) return;
      let list = held.get(key);
      if (!list) held.set(key, (list = []));
      list.push(i);
    });
  });
  // The rows made at their number, their hours in one array (a number kept in a field is an object of its own).
  // A department's own column is a block too (found by a new user: the work 客服中心 held itself was missing
  // from its hand-out); a department has no load of its own, its hours are those its people carry.
  const blocks = (c: MatrixColumn): boolean => c.kind === 'person' || c.kind === 'department' || c.kind === 'role';
  let count = 0;
  for (const c of columns) if (blocks(c)) count += held.get(c.key)?.length ?? 0;
  const out = new Array<MatrixRow>(count);
  const hoursOf = new Float64Array(count);
  let at = 0;
  for (const c of columns) {
    if (!blocks(c)) continue;
    const hours = new Map<TaskGroup, number>();
    for (const key of c.kind === 'person' ? [c.key.slice('person:'.length)] : (members.get(c.key) ?? [])) {
      const mine = load(key)?.held;
      if (!mine) continue;
      const { store } = mine;
      for (let k = mine.first; k >= 0; k = store.next[k]!) hours.set(store.groups[k]!, (hours.get(store.groups[k]!) ?? 0) + store.loads[k]!);
    }
    for (const i of held.get(c.key) ?? []) {
      hoursOf[at] = hours.get(activities[i]!) ?? 0;
      out[at] = new PersonRow(rows[i]!, c, hoursOf, at);
      at++;
    }
  }
  return out;
}

/**
 * A row of the account view (an activity): its letters per column are its own fields (one object a
 * row, 144 bytes, where a row and its cells took 176; a whole book has ~325,000).
 */
class ActivityRow extends RowCells implements MatrixRow {
  constructor(
    readonly account: string,
    readonly accountId: string | undefined,
    readonly tier: string | undefined,
    readonly task: string,
    readonly a: number,
    readonly r: number,
    readonly rules: readonly string[],
    readonly sourceRow: number,
  ) {
    super();
  }

  get cells(): RowCells {
    return this;
  }
}

/**
 * A row of the person view: an activity's row as one person holds it. A whole book gives one per
 * letter a person holds (the 100k book: ~690,000): the activity's own fields are read from its row
 * and the person's from their column, not copied (56 bytes a row instead of 136).
 */
class PersonRow implements MatrixRow {
  constructor(
    private readonly of: MatrixRow,
    private readonly column: MatrixColumn,
    private readonly hoursOf: Float64Array,
    private readonly at: number,
  ) {}

  get person(): string {
    return this.column.label;
  }

  /** The letters the person holds on the activity. */
  get letters(): number {
    return this.of.cells.get(this.column.key)!;
  }

  /** The person's weekly hours on the activity. */
  get hours(): number {
    return this.hoursOf[this.at]!;
  }

  get account(): string {
    return this.of.account;
  }

  get accountId(): string | undefined {
    return this.of.accountId;
  }

  get tier(): string | undefined {
    return this.of.tier;
  }

  get task(): string {
    return this.of.task;
  }

  get cells(): RowCells {
    return this.of.cells;
  }

  get a(): number {
    return this.of.a;
  }

  get r(): number {
    return this.of.r;
  }

  get rules(): readonly string[] {
    return this.of.rules;
  }

  get sourceRow(): number {
    return this.of.sourceRow;
  }
}

/** The `max` option of raci/too-many-responsible, default 3. */
function responsibleMax(setting: unknown): number {
  if (Array.isArray(setting) && setting[1] && typeof setting[1] === 'object' && typeof (setting[1] as { max?: unknown }).max === 'number') return (setting[1] as { max: number }).max;
  return 3;
}
