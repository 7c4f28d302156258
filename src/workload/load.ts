/** SPEC §6: each person's weekly load, utilisation and status; fairness per role; team totals. */
import type { Assignment } from '../model/assignment.js';
import { RACI, RACI_LETTERS } from '../model/codes.js';
import type { Person } from '../model/person.js';
import { compareText } from '../util/compare.js';
import type { IndexedBook, TaskGroup } from '../book/book.js';
import { personNamer } from '../book/shared.js';
import { hoursPerOccurrence, weeklyHours } from './hours.js';

export const LOAD_STATUSES = ['over', 'high', 'ok', 'idle', 'inactive', 'unknown'] as const;
export type LoadStatus = (typeof LOAD_STATUSES)[number];

/** One assignment row's part in a person's load (made when asked for: see {@link itemsOf}). */
export interface LoadItem {
  assignment: Assignment;
  group: TaskGroup;
  /** The account's effective tier, and its rank (0 = best tier). */
  tier?: string;
  tierRank: number;
  /** The person's weekly hours for the row: the task's weekly hours times the share of its RACI letters. */
  load: number;
}

export interface PersonLoad {
  name: string;
  key: string;
  person?: Person;
  role?: string;
  department?: string;
  status: LoadStatus;
  hours: number;
  capacity: number;
  utilization: number;
  /** Accounts the person owns or holds R or A on. */
  accounts: number;
  /** Activities (account × task) the person is accountable for. */
  accountable: number;
  /** Rows held with a letter (a C or an I too): someone no longer 在职 who holds any is listed as work to hand over. */
  letters: number;
  maxAccounts?: number;
  /** The rows the person holds, kept for --suggest and the matrix's person view (else undefined). */
  held: Held | undefined;
}

/**
 * The rows everyone holds, in one store made at its size, column by column: an object per row held
 * was 80 bytes and more (690,000 of them on a 100,000-account book), and lists grown row by row
 * per person left their old copies behind. Each person's rows are linked in the order they were
 * met (`next`, -1 after the last).
 */
export class HeldRows {
  readonly assignments: Assignment[];
  readonly groups: TaskGroup[];
  /** The account's effective tier (its rank, 0 = best, is worked out when items are made). */
  readonly tiers: (string | undefined)[];
  /** The person's weekly hours for the row: the task's weekly hours times the share of its RACI letters. */
  loads: Float64Array;
  next: Int32Array;
  size = 0;

  /**
   * `capacity`: the rows that can be held (the book's rows: each is visited once); more grow the
   * store. `tierRanks`: each tier's rank, 0 = best; a tier it lacks, or none, ranks after them all.
   */
  constructor(
    capacity: number,
    readonly tierRanks: ReadonlyMap<string, number>,
  ) {
    this.assignments = new Array<Assignment>(capacity);
    this.groups = new Array<TaskGroup>(capacity);
    this.tiers = new Array<string | undefined>(capacity);
    this.loads = new Float64Array(capacity);
    this.next = new Int32Array(capacity);
  }

  /** Adds a row after the person's last. */
  add(held: Held, r: Assignment, g: TaskGroup, tier: string | undefined, load: number): void {
    const i = this.size++;
    if (i >= this.next.length) this.grow();
    this.assignments[i] = r;
    this.groups[i] = g;
    this.tiers[i] = tier;
    this.loads[i] = load;
    this.next[i] = -1;
    if (held.last >= 0) this.next[held.last] = i;
    else held.first = i;
    held.last = i;
  }

  private grow(): void {
    const size = Math.max(16, this.next.length * 2);
    const copy = <T extends Int32Array | Float64Array>(a: T, b: T): T => (b.set(a), b);
    this.loads = copy(this.loads, new Float64Array(size));
    this.next = copy(this.next, new Int32Array(size));
  }
}

/** A person's rows in the store: the first and the last (-1 when none). */
export interface Held {
  store: HeldRows;
  first: number;
  last: number;
}

/** A person's rows as items, in the order they were met (none when the load was computed without them). */
export function itemsOf(p: PersonLoad): LoadItem[] {
  const h = p.held;
  const items: LoadItem[] = [];
  if (!h) return items;
  const { store } = h;
  const unranked = store.tierRanks.size;
  for (let i = h.first; i >= 0; i = store.next[i]!) {
    const tier = store.tiers[i];
    items.push({ assignment: store.assignments[i]!, group: store.groups[i]!, tier, tierRank: tier !== undefined ? (store.tierRanks.get(tier) ?? unranked) : unranked, load: store.loads[i]! });
  }
  return items;
}

export interface Fairness {
  role: string;
  people: number;
  mean: number;
  /** Population standard deviation of utilisation. */
  stdDev: number;
  /** Highest utilisation over lowest (Infinity when someone has none). */
  maxMinRatio: number;
}

export interface LoadResult {
  people: PersonLoad[];
  fairness: Fairness[];
  totals: { people: number; hours: number; capacity: number; utilization: number };
}

/**
 * How far past a threshold a utilisation must be to be past it: hours summed from monthly and quarterly shares
 * (12/52, 4/52) carry a float's last bit (26 monthly hours against 6 a week were 100.00000000000001%: "over",
 * found by a new user). The status and `--suggest` compare alike.
 */
export const UTILIZATION_EPS = 1e-9;

/** Utilisation status by the configured thresholds: over > over, high > high, idle < idle (within UTILIZATION_EPS). */
export function statusOf(utilization: number, t: { over: number; high: number; idle: number }): LoadStatus {
  if (utilization > t.over + UTILIZATION_EPS) return 'over';
  if (utilization > t.high + UTILIZATION_EPS) return 'high';
  if (utilization < t.idle - UTILIZATION_EPS) return 'idle';
  return 'ok';
}

/** The share of a row's hours its holder carries: the RACI shares of its letters, summed. */
export function shareOf(raci: number, shares: Record<'R' | 'A' | 'C' | 'I', number>): number {
  let s = 0;
  for (const l of RACI_LETTERS) if (raci & RACI[l]) s += shares[l];
  return s;
}

/** Everyone's load: active staff (with or without work), then inactive and unknown people. */
export function computeLoad(book: IndexedBook, options: { items?: boolean } = {}): LoadResult {
  const keepItems = options.items ?? true;
  // At most one row held per row of the book.
  const { config, asOf } = book;
  const store = keepItems ? new HeldRows(book.rows.length, new Map(config.tiers.map((t, i) => [t.id, i]))) : undefined;
  const byKey = new Map<string, PersonLoad>();
  const entry = (key: string, name: string): PersonLoad => {
    let p = byKey.get(key);
    if (!p) {
      const person = book.people.get(key);
      p = { name: person?.name ?? name, key, status: 'ok', hours: 0, capacity: 0, utilization: 0, accounts: 0, accountable: 0, letters: 0, held: store ? { store, first: -1, last: -1 } : undefined };
      if (person) {
        p.person = person;
        if (person.role !== undefined) p.role = person.role;
        if (person.department !== undefined) p.department = person.department;
        if (person.maxAccounts !== undefined) p.maxAccounts = person.maxAccounts;
      }
      byKey.set(key, p);
    }
    return p;
  };
  for (const person of book.staff?.people ?? []) entry(person.key, person.name);
  // Accounts held are counted account by account: a person marked with the account's number counts
  // it once. (A set of accounts per person costs far more on a 100,000-account book.)
  const marks = new Map<PersonLoad, number>();
  let mark = 0;
  const personOf = personNamer(book.people);
  const holdNow = (p: PersonLoad): void => {
    if (marks.get(p) !== mark) {
      marks.set(p, mark);
      p.accounts++;
    }
  };
  const lastAccountable = new Map<PersonLoad, TaskGroup>();
  const visit = (g: TaskGroup, tier: string | undefined): void => {
    for (const r of g.rows) {
      // A row that names only a department adds no personal load.
      if (r.personKey === undefined) continue;
      const p = entry(r.personKey, r.person!);
      // No department on the Staff sheet (or not on it at all): the department the row names (a 部门 column, a matrix's department row).
      if (p.department === undefined && r.department !== undefined) p.department = r.department;
      const weekly = weeklyHours(r, hoursPerOccurrence(r, g.type, tier, config.load.effort), asOf) * (r.portion ?? 1);
      const share = shareOf(r.raci, config.raciShare);
      p.hours += weekly * share;
      if (r.raci !== 0) p.letters++;
      // The rows held are kept for --suggest and the matrix's person view; `check` needs only the sums.
      if (store && p.held) store.add(p.held, r, g, tier, weekly * share);
      if (r.raci & (RACI.R | RACI.A)) holdNow(p);
      if (r.raci & RACI.A && lastAccountable.get(p) !== g) {
        lastAccountable.set(p, g);
        p.accountable++;
      }
    }
  };
  for (const a of book.accounts?.accounts ?? []) {
    mark++;
    if (a.owner !== undefined) {
      // The owner named as the rows name people (`Mary Lee` of `李美玲 (Mary Lee)`), else as written.
      const named = personOf(a.owner);
      holdNow(entry(named.key, named.name));
    }
    const tier = book.effectiveTier(a);
    for (const g of book.groupsByAccount.get(a) ?? []) visit(g, tier);
  }
  // Rows of accounts the Accounts sheet lacks, grouped by the account as written.
  const unknown = new Map<string, TaskGroup[]>();
  for (const g of book.groups) {
    if (g.account) continue;
    const key = g.rows[0]!.accountKey;
    const list = unknown.get(key);
    if (list) list.push(g);
    else unknown.set(key, [g]);
  }
  for (const groups of unknown.values()) {
    mark++;
    for (const g of groups) visit(g, undefined);
  }
  const people = [...byKey.values()];
  for (const p of people) {
    p.capacity = p.person?.capacity ?? config.load.defaultCapacity;
    p.utilization = p.capacity > 0 ? p.hours / p.capacity : p.hours > 0 ? Infinity : 0;
    p.status = !p.person && book.staff ? 'unknown' : p.person && !p.person.active ? 'inactive' : statusOf(p.utilization, config.load);
  }
  const listed = (p: PersonLoad): number => (p.status === 'inactive' ? 1 : p.status === 'unknown' ? 2 : 0);
  people.sort((a, b) => listed(a) - listed(b) || b.utilization - a.utilization || compareText(a.name, b.name));
  const active = people.filter((p) => listed(p) === 0);
  return { people, fairness: fairnessByRole(active), totals: totalsOf(active) };
}

/** The team's sums over the people counted (active, on the Staff sheet). */
export function totalsOf(active: readonly PersonLoad[]): LoadResult['totals'] {
  const totals = active.reduce((t, p) => ({ people: t.people + 1, hours: t.hours + p.hours, capacity: t.capacity + p.capacity, utilization: 0 }), { people: 0, hours: 0, capacity: 0, utilization: 0 });
  totals.utilization = totals.capacity > 0 ? totals.hours / totals.capacity : 0;
  return totals;
}

export function fairnessByRole(active: PersonLoad[]): Fairness[] {
  const roles = new Map<string, PersonLoad[]>();
  for (const p of active) {
    if (p.role === undefined) continue;
    const list = roles.get(p.role);
    if (list) list.push(p);
    else roles.set(p.role, [p]);
  }
  return [...roles.entries()]
    .map(([role, ps]) => {
      const us = ps.map((p) => p.utilization);
      const mean = us.reduce((s, u) => s + u, 0) / us.length;
      const stdDev = Math.sqrt(us.reduce((s, u) => s + (u - mean) ** 2, 0) / us.length);
      const max = us.reduce((m, u) => Math.max(m, u), -Infinity);
      const min = us.reduce((m, u) => Math.min(m, u), Infinity);
      return { role, people: ps.length, mean, stdDev, maxMinRatio: min > 0 ? max / min : max > 0 ? Infinity : 1 };
    })
    .sort((a, b) => b.stdDev - a.stdDev || compareText(a.role, b.role));
}
