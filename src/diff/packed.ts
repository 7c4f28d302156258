/**
 * Accounts' activities packed into typed arrays, for `kam diff`. The comparison holds the old
 * version while the new one is read and both while it runs; as objects, an activity row costs
 * ~190 bytes (the row ~96, its place in its activity's list, the activity and the account's list of
 * activities), ~125 MB of a 100,000-account book's 690,000 rows, most of the old version kept. Packed,
 * a row is ~40 bytes outside the heap: its texts and values as indexes into tables of the distinct
 * ones (the texts, dates and frequencies a column read once are shared by rows already). An
 * account's activities are made again, as the book made them, when the comparison reaches that
 * account, and are garbage once it has.
 *
 * An activity is packed when its rows are rows as read (`AssignmentRow`s, a matrix's cell at most
 * adding its column); any other (with a holder of a cell naming several people, or a row beside a
 * matrix pointing into the long sheet) is kept as it is.
 */
import { AssignmentRow, assignmentRow, type Assignment, type KeyedText } from '../model/assignment.js';
import type { Frequency } from '../model/codes.js';
import type { IsoDate } from '../util/date.js';

/** Values made into small numbers (0: none), each distinct value once. */
class Table<T> {
  readonly values: (T | undefined)[] = [undefined];
  private readonly ids = new Map<T, number>();

  id(value: T | undefined): number {
    if (value === undefined) return 0;
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }
}

const HAS_HOURS = 1;
const HAS_COLUMN = 2;

/** Whether a row is a row as read, nothing added but a matrix cell's column. */
function packable(r: Assignment): r is AssignmentRow {
  if (r.portion !== undefined || r.longRow !== undefined || r.longCells !== undefined || r.onLong !== undefined) return false;
  return r instanceof AssignmentRow;
}

/** An activity made again: its account (as the caller hands it), the account and task as its first row writes them, its rows. */
export interface PackedActivity<A> {
  account: A;
  accountText: string;
  taskKey: string;
  rows: readonly Assignment[];
}

/** An activity (account × task) as packed: the book's group, its account any. */
type Activity = Omit<PackedActivity<unknown>, 'account'> & { account?: unknown };

/** Whether an activity is one the book made: its account's, read as its first row writes it. */
function plainGroup(g: Activity, account: unknown): boolean {
  const first = g.rows[0];
  return first !== undefined && g.account === account && g.accountText === first.account && g.taskKey === first.taskKey && g.rows.every(packable);
}

export class PackedGroups<A> {
  private readonly accounts: readonly A[];
  /** Per account: its first activity (and the next account's). */
  private readonly firstGroup: Uint32Array;
  /** Per activity: its first row (a kept activity has none). */
  private readonly firstRow: Uint32Array;
  /** Per row. */
  private readonly line: Int32Array;
  private readonly texts: Uint32Array;
  /** Letters, lock and status as `AssignmentRow.bits` makes them (8 bits with five statuses: 16 leave room for more). */
  private readonly bits: Uint16Array;
  private readonly flags: Uint8Array;
  private readonly due: Uint32Array;
  private readonly frequency: Uint32Array;
  private readonly hours: Float64Array;
  private readonly column: Int32Array;
  private readonly textTable: (KeyedText | undefined)[];
  private readonly dueTable: (IsoDate | undefined)[];
  private readonly frequencyTable: (Frequency | undefined)[];
  /** Activities kept as objects (their rows as they are), by their place. */
  private readonly keptGroups = new Map<number, PackedActivity<A>>();

  /**
   * `groups[i]`: the activities of the account `owners[i]`, handed back with `accounts[i]` as their
   * account (an account reduced to what the caller reads).
   */
  constructor(groups: readonly (readonly Activity[])[], owners: readonly unknown[], accounts: readonly A[]) {
    this.accounts = accounts;
    let groupCount = 0;
    let rowCount = 0;
    for (const list of groups) {
      groupCount += list.length;
      for (const g of list) rowCount += g.rows.length;
    }
    this.firstGroup = new Uint32Array(groups.length + 1);
    this.firstRow = new Uint32Array(groupCount + 1);
    this.line = new Int32Array(rowCount);
    this.texts = new Uint32Array(rowCount * 4);
    this.bits = new Uint16Array(rowCount);
    this.flags = new Uint8Array(rowCount);
    this.due = new Uint32Array(rowCount);
    this.frequency = new Uint32Array(rowCount);
    this.hours = new Float64Array(rowCount);
    this.column = new Int32Array(rowCount);
    const texts = new Table<KeyedText>();
    const dues = new Table<IsoDate>();
    const frequencies = new Table<Frequency>();
    let k = 0;
    let r = 0;
    for (let i = 0; i < groups.length; i++) {
      this.firstGroup[i] = k;
      for (const g of groups[i]!) {
        this.firstRow[k] = r;
        if (!plainGroup(g, owners[i])) {
          this.keptGroups.set(k++, { account: accounts[i]!, accountText: g.accountText, taskKey: g.taskKey, rows: g.rows });
          continue;
        }
        k++;
        for (const row of g.rows as readonly AssignmentRow[]) {
          this.line[r] = row.row;
          this.texts[r * 4] = texts.id(row.accountText);
          this.texts[r * 4 + 1] = texts.id(row.taskText);
          this.texts[r * 4 + 2] = texts.id(row.personText);
          this.texts[r * 4 + 3] = texts.id(row.departmentText);
          this.bits[r] = AssignmentRow.bits(row.raci, row.locked, row.status);
          this.due[r] = dues.id(row.due);
          this.frequency[r] = frequencies.id(row.frequency);
          let flags = 0;
          if (row.hours !== undefined) {
            flags |= HAS_HOURS;
            this.hours[r] = row.hours;
          }
          if (row.column !== undefined) {
            flags |= HAS_COLUMN;
            this.column[r] = row.column;
          }
          this.flags[r] = flags;
          r++;
        }
      }
    }
    this.firstGroup[groups.length] = k;
    this.firstRow[k] = r;
    this.textTable = texts.values;
    this.dueTable = dues.values;
    this.frequencyTable = frequencies.values;
  }

  /** The activities of the account at `at`, made anew on each call (each row a new object). */
  groupsOf(at: number): PackedActivity<A>[] {
    const from = this.firstGroup[at]!;
    const to = this.firstGroup[at + 1]!;
    const out = new Array<PackedActivity<A>>(to - from);
    const account = this.accounts[at]!;
    for (let k = from; k < to; k++) {
      const kept = this.keptGroups.get(k);
      if (kept) {
        out[k - from] = kept;
        continue;
      }
      const first = this.firstRow[k]!;
      const rows = new Array<Assignment>(this.firstRow[k + 1]! - first);
      for (let r = first; r < first + rows.length; r++) rows[r - first] = this.row(r);
      const lead = rows[0]!;
      out[k - from] = { account, accountText: lead.account, taskKey: lead.taskKey, rows };
    }
    return out;
  }

  private row(r: number): Assignment {
    const t = this.textTable;
    const flags = this.flags[r]!;
    return assignmentRow(
      this.line[r]!,
      t[this.texts[r * 4]!]!,
      t[this.texts[r * 4 + 1]!]!,
      t[this.texts[r * 4 + 2]!],
      t[this.texts[r * 4 + 3]!],
      this.bits[r]!,
      this.dueTable[this.due[r]!],
      this.frequencyTable[this.frequency[r]!],
      flags & HAS_HOURS ? this.hours[r] : undefined,
      flags & HAS_COLUMN ? this.column[r]! : undefined,
    );
  }
}
