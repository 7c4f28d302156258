/**
 * The book indexed once: accounts by id and name, people by name, the assignment rows grouped by
 * account and task, and each account's effective tier. Rules, workload, and later the matrix and
 * the diff look things up here; none scans another sheet row by row.
 */
import type { ResolvedConfig } from '../config/resolve.js';
import type { Account, AccountsTable } from '../model/account.js';
import { fieldsOf, type Assignment, type AssignmentsTable } from '../model/assignment.js';
import type { Person, StaffTable } from '../model/person.js';
import { tierRecognizer } from '../model/tier.js';
import { expandShared } from './shared.js';
import type { IsoDate } from '../util/date.js';
import { fold } from '../util/text.js';
import { taskTyper } from './tasks.js';

/** One activity: the rows of one account's task (the task as written, folded), cancelled rows left out. */
export interface TaskGroup {
  /** The account it belongs to, when the Accounts sheet has it. */
  account?: Account;
  /** The account as the first row writes it. */
  accountText: string;
  taskKey: string;
  type: string;
  rows: Assignment[];
}

export interface IndexedBook {
  config: ResolvedConfig;
  asOf: IsoDate;
  accounts?: AccountsTable;
  staff?: StaffTable;
  assignments?: AssignmentsTable;
  /** Accounts by folded id and by folded name. */
  accountIndex: Map<string, Account>;
  /** Folded names that several accounts (with different ids) share: a reference by name is ambiguous. */
  sharedNames: Map<string, Account[]>;
  people: Map<string, Person>;
  /** Folded department names of the Staff sheet; undefined when it has no department column. */
  departments?: Set<string>;
  groups: TaskGroup[];
  /** Groups per account row. */
  groupsByAccount: Map<Account, TaskGroup[]>;
  /** The assignment rows but cancelled ones, a row naming several people (`张伟、李娜`) counted once per person. */
  rows: readonly Assignment[];
  /** The tier the service catalogue applies: pinned, else recorded, else computed. */
  effectiveTier: (account: Account) => string | undefined;
  /** The tier from the score (pins applied), for tier mismatch. */
  computedTier: (account: Account) => string | undefined;
  recordedTier: (account: Account) => string | undefined;
}

/** An account's tier as scoring computed it (pins applied), by its row in the Accounts sheet. */
export interface ComputedTier {
  row: number;
  tier: string;
}

export interface BookInput {
  config: ResolvedConfig;
  asOf: IsoDate;
  accounts?: AccountsTable;
  staff?: StaffTable;
  assignments?: AssignmentsTable;
  /** Tiers computed from the scores; absent when the book has no scoring column. */
  tiers?: readonly ComputedTier[];
}

/**
 * The rows as their holders hold them: a row naming several people (`张伟、李娜`) once per person,
 * a matrix column headed by a department (the rows it holds without a person) that department's, and
 * so a person's cell naming a department of the Staff sheet and nobody on it, in a row with no
 * department of its own (`客服部` as 负责人: found by a new user, it was an unknown person);
 * cancelled rows kept only when asked (`kam diff` reports a row cancelled as a status change).
 */
export function holderRows(assignments: readonly Assignment[], people: Map<string, Person>, departments: Set<string> | undefined, haveStaff: boolean, cancelled: boolean): readonly Assignment[] {
  // The rows themselves where none changes (a list of 690,000 is not copied for nothing).
  let read: Assignment[] | undefined;
  for (let i = 0; i < assignments.length; i++) {
    const r = assignments[i]!;
    const skip = r.status === 'cancelled' && !cancelled;
    const moved = !skip && (r.column !== undefined || r.departmentKey === undefined) && r.personKey !== undefined && departments?.has(r.personKey) === true && !people.has(r.personKey);
    // A matrix's department row over a person the Staff sheet gives a department: the Staff sheet's.
    const staffs = !skip && !moved && r.column !== undefined && r.departmentKey !== undefined && r.personKey !== undefined && people.get(r.personKey)?.department !== undefined;
    if ((skip || moved || staffs) && !read) read = assignments.slice(0, i);
    if (skip || !read) continue;
    read.push(moved ? { ...fieldsOf(r), person: undefined, personKey: undefined, department: r.person!, departmentKey: r.personKey! } : staffs ? { ...fieldsOf(r), department: undefined, departmentKey: undefined } : r);
  }
  return expandShared(read ?? assignments, people, haveStaff);
}

/**
 * An account's activities while the book is indexed (an account of the Accounts sheet, or the text
 * of an unknown one): how many, the first and the last (each activity links to the account's
 * next), and past a few, a map by task key as well (an account with thousands of tasks is not
 * searched one by one); then its list of activities, made at its size.
 */
interface Own {
  account: Account | undefined;
  count: number;
  first: number;
  last: number;
  byTask: Map<string, number> | undefined;
  list: TaskGroup[] | undefined;
  filled: number;
}

/** A group's rows until its list is made at its size. */
const NO_ROWS: Assignment[] = [];

/** Builds the indexes, in one pass over each sheet. */
export function indexBook(input: BookInput): IndexedBook {
  const { config, accounts, staff, assignments, tiers } = input;
  const accountIndex = new Map<string, Account>();
  const sharedNames = new Map<string, Account[]>();
  for (const a of accounts?.accounts ?? []) {
    if (!accountIndex.has(a.key)) accountIndex.set(a.key, a);
    const byName = fold(a.name);
    const first = accountIndex.get(byName);
    if (!first) accountIndex.set(byName, a);
    else if (first !== a && first.key !== a.key && fold(first.name) === byName) {
      const all = sharedNames.get(byName);
      if (all) all.push(a);
      else sharedNames.set(byName, [first, a]);
    }
  }
  const people = new Map<string, Person>();
  for (const p of staff?.people ?? []) if (!people.has(p.key)) people.set(p.key, p);
  let departments: Set<string> | undefined;
  if (staff?.layout.byKey.has('department')) {
    departments = new Set(staff.people.flatMap((p) => (p.department ? [fold(p.department)] : [])));
  }
  // Cancelled work (已取消, 作废) is left out: it covers no task, holds no letter and adds no hours.
  const rows = holderRows(assignments?.assignments ?? [], people, departments, staff !== undefined, false);
  const typeOf = taskTyper(config.tasks);
  // Groups by account (its row, or the text of an unknown account), then by task among that
  // account's few groups (task keys are folded once per text: most comparisons are of one string).
  // Two passes: each row's group is found and the rows counted, then every group's list is made at
  // its size and filled (lists grown by push, and trimmed after, left a 100,000-account book ~100 MB
  // of garbage at its peak).
  const byAccount = new Map<Account | string, Own>();
  const groups: TaskGroup[] = [];
  // Per group: its account's record, the account's next group (-1 after the last), its number of rows.
  const owners: Own[] = [];
  const next: number[] = [];
  const sizes: number[] = [];
  const groupOf = new Int32Array(rows.length);
  // Each way of writing an account looked up once (one lookup a row, not three, in a shuffled
  // sheet); rows of one account usually follow each other: the last one's kept at hand.
  const byText = new Map<string, Own>();
  let lastKey: string | undefined;
  let own: Own | undefined;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.accountKey !== lastKey || !own) {
      lastKey = row.accountKey;
      let seen = byText.get(row.accountKey);
      if (!seen) {
        // A name several accounts share (ref/ambiguous-account) belongs to none of them: no silent pick.
        const found = sharedNames.has(row.accountKey) ? undefined : accountIndex.get(row.accountKey);
        const ref = found ?? row.accountKey;
        seen = byAccount.get(ref);
        if (!seen) {
          seen = { account: found, count: 0, first: -1, last: -1, byTask: undefined, list: undefined, filled: 0 };
          byAccount.set(ref, seen);
        }
        byText.set(row.accountKey, seen);
      }
      own = seen;
    }
    let k = -1;
    if (own.byTask) k = own.byTask.get(row.taskKey) ?? -1;
    else {
      for (let j = own.first; j >= 0; j = next[j]!) {
        if (groups[j]!.taskKey === row.taskKey) {
          k = j;
          break;
        }
      }
    }
    if (k < 0) {
      k = groups.length;
      // Every field in the literal (the account undefined where the Accounts sheet has none): no second store of fields.
      groups.push({ account: own.account, accountText: row.account, taskKey: row.taskKey, type: typeOf(row.taskKey), rows: NO_ROWS });
      owners.push(own);
      next.push(-1);
      sizes.push(0);
      if (own.last >= 0) next[own.last] = k;
      else own.first = k;
      own.last = k;
      own.count++;
      if (own.byTask) own.byTask.set(row.taskKey, k);
      else if (own.count > 16) {
        own.byTask = new Map();
        for (let j = own.first; j >= 0; j = next[j]!) own.byTask.set(groups[j]!.taskKey, j);
      }
    }
    groupOf[i] = k;
    sizes[k]!++;
  }
  for (let k = 0; k < groups.length; k++) groups[k]!.rows = new Array<Assignment>(sizes[k]!);
  const filled = new Int32Array(groups.length);
  for (let i = 0; i < rows.length; i++) {
    const k = groupOf[i]!;
    groups[k]!.rows[filled[k]!++] = rows[i]!;
  }
  // Each account's activities in order, its list made at its size (a list grown by push keeps room for 16 more).
  const groupsByAccount = new Map<Account, TaskGroup[]>();
  for (let k = 0; k < groups.length; k++) {
    const o = owners[k]!;
    if (!o.account) continue;
    if (!o.list) {
      o.list = new Array<TaskGroup>(o.count);
      groupsByAccount.set(o.account, o.list);
    }
    o.list[o.filled++] = groups[k]!;
  }
  const recognize = tierRecognizer(config.tiers);
  const tierByRow = new Map<number, string>();
  for (const t of tiers ?? []) tierByRow.set(t.row, t.tier);
  const recordedTier = (a: Account): string | undefined => (a.tier !== undefined ? recognize(a.tier) : undefined);
  const pinnedTier = (a: Account): string | undefined => (a.tierOverride !== undefined ? recognize(a.tierOverride) : undefined);
  return {
    config,
    asOf: input.asOf,
    ...(accounts ? { accounts } : {}),
    ...(staff ? { staff } : {}),
    ...(assignments ? { assignments } : {}),
    accountIndex,
    sharedNames,
    people,
    ...(departments ? { departments } : {}),
    groups,
    groupsByAccount,
    rows,
    effectiveTier: (a) => pinnedTier(a) ?? recordedTier(a) ?? tierByRow.get(a.row),
    computedTier: (a) => tierByRow.get(a.row),
    recordedTier,
  };
}
