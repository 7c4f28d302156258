/**
 * `kam diff` (issue 13): what changed in the division of labour between two versions of a book,
 * by meaning, never by cell position. Accounts are matched by id (by name when a version has no id
 * column), responsibilities by (account, task as normalised, holder), people by name, findings by
 * (rule, account, task, person). Row order, cell formats, width, units, column order and sheet names
 * are not changes: every value compared is the value read, folded where it is text.
 */
import type { Assignment } from '../model/assignment.js';
import { LETTER_ORDER, lettersText, PER_WEEK, RACI, type Frequency } from '../model/codes.js';
import type { Finding } from '../model/finding.js';
import { RULES } from '../model/rules.js';
import type { Person } from '../model/person.js';
import type { TierDef } from '../model/tier.js';
import type { LineOf } from '../model/table.js';
import { compareText } from '../util/compare.js';
import type { IsoDate } from '../util/date.js';
import { fold } from '../util/text.js';
import type { LoadStatus } from '../workload/load.js';
import { accountCell, cellAt, rowCell, type CellAt, type ComparedAccount, type Side, type SideAccount, type SideActivity } from './side.js';

export const CHANGE_KINDS = [
  'account-added',
  'account-removed',
  'account-renamed',
  'owner-changed',
  'tier-changed',
  'tier-moved',
  'revenue-changed',
  'responsibility-added',
  'responsibility-removed',
  'handover',
  'letter-changed',
  'due-changed',
  'status-changed',
  'frequency-changed',
  'hours-changed',
  'person-joined',
  'person-left',
  'person-changed',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** What a person-changed change is about. */
export type PersonField = 'role' | 'department' | 'capacity' | 'active';

export type ChangeValue = string | number | boolean | null;

export interface Change {
  kind: ChangeKind;
  /** The account's name (as the new version writes it, else the old), and its id where it has one. */
  account?: string;
  accountId?: string;
  /** The task as written (new version, else old). */
  task?: string;
  /** RACI letters (`A`, `A/R`): the letter handed over, or the letters held. */
  letter?: string;
  /** The holder (a person, or a department holding a row without one); the new holder for a handover. */
  person?: string;
  /** Before and after: names, tier ids, numbers, dates, status and frequency codes, letters. */
  from?: ChangeValue;
  to?: ChangeValue;
  /** For person-changed: the field. */
  field?: PersonField;
  oldCell?: CellAt;
  newCell?: CellAt;
  /** The account's effective tier (new version, else old): what the grouping ranks by. */
  tier?: string;
  /** The task has no accountable person after the change (it had one before). */
  lostAccountable?: true;
  /** For a person who left or became inactive: the responsibilities they still hold in the new version. */
  holds?: number;
}

/** Utilisation before → after for a person the change touched (absent: not in that version). */
export interface LoadChange {
  person: string;
  before?: { utilization: number; status: LoadStatus };
  after?: { utilization: number; status: LoadStatus };
}

export type DiffSummary = Record<ChangeKind | 'introduced' | 'resolved', number>;

export interface DiffResult {
  kind: 'diff';
  old: string;
  new: string;
  asOf: IsoDate;
  tiers: TierDef[];
  /** For a folder of CSV files: the file of each sheet of the new version (annotations point at it). */
  newSheetFiles?: ReadonlyMap<string, string>;
  /** For a new version that is CSV: the line of its file on which a sheet's row starts. */
  newLineOf?: LineOf;
  summary: DiffSummary;
  changes: Change[];
  introduced: Finding[];
  resolved: Finding[];
  /** The comparison's own findings: keys a version holds twice, which it does not pair. */
  duplicates: Finding[];
  load: LoadChange[];
  /** The parts compared (both versions have them). */
  compared: { accounts: boolean; responsibilities: boolean; people: boolean };
}

export interface DiffOptions {
  asOf: IsoDate;
  tiers: TierDef[];
  /** A revenue change is reported when it moves by more than this fraction (0.1 = 10%). */
  revenueThreshold: number;
}

type Part = keyof DiffResult['compared'];

/** The part of a book compared, by what a side has. */
const HAS = { accounts: 'accounts', responsibilities: 'assignments', people: 'staff' } as const;

/** The parts of a book a finding is about: the sheet a reader's finding is on, the parts a rule reads. */
function partsOf(f: Finding, side: Side): Part[] {
  const family = f.rule.split('/')[0];
  if (f.rule === 'schema/missing-sheet') return [f.args.role === 'accounts' ? 'accounts' : f.args.role === 'staff' ? 'people' : 'responsibilities'];
  if (family === 'schema' || family === 'data') {
    if (f.sheet !== undefined && f.sheet === side.staffLayout?.sheet) return ['people'];
    if (f.sheet !== undefined && f.sheet === side.accountsLayout?.sheet) return ['accounts'];
    return ['responsibilities'];
  }
  if (family === 'account' || f.rule === 'time/cadence') return ['accounts'];
  if (family === 'coverage') return ['accounts', 'responsibilities'];
  if (family === 'load' || f.rule === 'ref/unknown-person' || f.rule === 'ref/inactive-person' || f.rule === 'ref/unknown-department') return ['responsibilities', 'people'];
  return ['responsibilities'];
}

/** Findings about due dates: compared only when both versions hold due dates (a matrix has none). */
/** Findings of a person's load, measured in hours: compared only where both versions measure hours alike. */
const HOURS_RULES: ReadonlySet<string> = new Set(['load/over-capacity', 'load/idle']);
const DUE_RULES = new Set(['time/overdue', 'time/missing-due']);

/** Compares two versions of a book. */
export function diffSides(old: Side, now: Side, options: DiffOptions): DiffResult {
  const compared = { accounts: old.has.accounts && now.has.accounts, responsibilities: old.has.assignments && now.has.assignments, people: old.has.staff && now.has.staff };
  const byId = old.ids && now.ids;
  const duplicates: Finding[] = [];
  const changes: Change[] = [];
  // A key either version holds twice is paired on neither side: no arbitrary pick, no false "removed".
  const unpaired = new Set<string>();
  const oldAccounts = keyedAccounts(old, byId, unpaired, duplicates);
  const newAccounts = keyedAccounts(now, byId, unpaired, duplicates);
  if (compared.accounts) compareAccounts(old, now, oldAccounts, newAccounts, byId, options, changes);
  if (compared.responsibilities) {
    const from = duplicates.length;
    compareResponsibilities(old, now, byId, oldAccounts, newAccounts, duplicates, changes);
    // A holder's rows written twice, in book order: the old version's, then the new one's.
    const inNew = (f: Finding) => Number(f.args.file === now.file && old.file !== now.file);
    const found = duplicates.splice(from).sort((x, y) => inNew(x) - inNew(y) || compareText(x.sheet ?? '', y.sheet ?? '') || (x.row ?? 0) - (y.row ?? 0));
    for (const f of found) duplicates.push(f);
  }
  if (compared.people) comparePeople(old, now, duplicates, changes);
  // A finding names its account by name: through each version's names, a renamed account is the same account.
  // Only findings about the parts compared (found by a new user: against a lone accounts CSV, the
  // division of labour was "not compared", yet its findings came out resolved and the missing sheet introduced).
  // A part the old version had and the new one lacks, both books of several sheets, was removed (found
  // by a new user: a change deleting the division of labour came out "no changes", exit 0): its missing
  // sheet is introduced. A single CSV holds one table, whatever the other version has.
  // A book against a RACI matrix (kam's own, handed out and returned): the matrix is another kind of file,
  // which holds no Staff sheet and no Accounts sheet's columns, not a book that lost them (found by a new user:
  // its every tier-mismatch, cadence and revenue finding came out resolved, and the missing Staff sheet introduced).
  const sameKind = old.accountsFromRows === now.accountsFromRows;
  // Hours measured alike in both: a version without hours or frequencies (a RACI matrix handed out and returned) counts
  // each letter at the norm's hours, and its load is no change of the book's (found by a new user: the person given work
  // went down, and every load/idle came out introduced).
  const hoursAlike = old.fields.hours === now.fields.hours && old.fields.frequency === now.fields.frequency;
  const all = compared.accounts && compared.responsibilities && compared.people && sameKind && old.fields.due === now.fields.due && hoursAlike;
  const lost = (part: Part): boolean => !compared[part] && old.has[HAS[part]] && !now.has[HAS[part]] && !old.oneTable && !now.oneTable && sameKind;
  const gained = (part: Part): boolean => !compared[part] && !old.has[HAS[part]] && now.has[HAS[part]] && !old.oneTable && !now.oneTable && sameKind;
  const kept = (f: Finding, side: Side): boolean => {
    const parts = partsOf(f, side);
    // (A division of labour whose key column went is lost as one deleted is: its missing column introduced; and one whose
    // key column came back, its missing column resolved — found by review: "no changes".)
    if ((f.rule === 'schema/missing-sheet' || f.rule === 'schema/missing-column') && parts.every(lost)) return true;
    if (f.rule === 'schema/missing-column' && side === old && parts.every(gained)) return true;
    if (!parts.every((part) => compared[part])) return false;
    // What the Accounts sheet's own columns give (revenue, last contact, a recorded tier against the score), and due dates.
    if (!sameKind && parts.length === 1 && parts[0] === 'accounts') return false;
    if (!hoursAlike && HOURS_RULES.has(f.rule)) return false;
    return !DUE_RULES.has(f.rule) || old.fields.due === now.fields.due;
  };
  const about = (side: Side) => (all ? side.findings : side.findings.filter((f) => kept(f, side)));
  const [oldNames, newNames] = bothNames(accountNames(old, oldAccounts), accountNames(now, newAccounts));
  const { introduced, resolved } = compareFindings(about(old), about(now), oldNames, newNames);
  // (Check names no missing Staff sheet, the people being taken from the division of labour: the diff does.)
  if (lost('people') && !introduced.some((f) => f.rule === 'schema/missing-sheet' && f.args.role === 'staff')) introduced.push({ rule: 'schema/missing-sheet', severity: RULES['schema/missing-sheet'], args: { role: 'staff' } });
  const rank = new Map(options.tiers.map((t, i) => [t.id, i]));
  sortChanges(changes, rank);
  const summary = Object.fromEntries([...CHANGE_KINDS, 'introduced', 'resolved'].map((k) => [k, 0])) as DiffSummary;
  for (const c of changes) summary[c.kind]++;
  summary.introduced = introduced.length;
  summary.resolved = resolved.length;
  const result: DiffResult = {
    kind: 'diff',
    old: old.file,
    new: now.file,
    asOf: options.asOf,
    tiers: options.tiers,
    summary,
    changes,
    introduced,
    resolved,
    duplicates,
    load: hoursAlike ? loadChanges(old, now, changes) : [],
    compared,
  };
  if (now.sheetFiles) result.newSheetFiles = now.sheetFiles;
  if (now.lineOf) result.newLineOf = now.lineOf;
  return result;
}

/** One version's accounts by key (a map and a list per key would be ~20 MB a version of 100,000 accounts: only what is needed). */
interface Keyed {
  /** Each account's key, by its place in the side's accounts. */
  keys: string[];
  /** The first account of each key. */
  first: Map<string, SideAccount>;
  /** Keys several accounts of this version share, with all of them (their responsibilities are compared together). */
  more: Map<string, SideAccount[]>;
  /** Keys either version holds twice: paired on neither side (one set for both versions). */
  unpaired: Set<string>;
}

/** The account of a key to pair with the other version's: none where either version holds the key twice. */
function paired(k: Keyed, key: string): SideAccount | undefined {
  return k.unpaired.has(key) ? undefined : k.first.get(key);
}

/** An account's key: its folded id when both versions have ids (and it has one), else its folded name. */
function accountKey(a: ComparedAccount, byId: boolean): string {
  // `key` is the folded id, else the folded name.
  if (a.id === undefined) return `n:${a.key}`;
  return byId ? `i:${a.key}` : `n:${fold(a.name)}`;
}

function keyedAccounts(side: Side, byId: boolean, unpaired: Set<string>, duplicates: Finding[]): Keyed {
  const keys = new Array<string>(side.accounts.length);
  const first = new Map<string, SideAccount>();
  const more = new Map<string, SideAccount[]>();
  for (const sa of side.accounts) {
    const key = accountKey(sa.account, byId);
    keys[sa.at] = key;
    const one = first.get(key);
    if (!one) {
      first.set(key, sa);
      continue;
    }
    let all = more.get(key);
    if (!all) {
      more.set(key, (all = [one]));
      unpaired.add(key);
      const cell = accountCell(side, sa.account)!;
      duplicates.push(duplicateFinding('diff/duplicate-account', cell, { file: side.file, key: sa.account.id ?? sa.account.name, first: one.account.row }, { account: sa.account.name }));
    }
    all.push(sa);
  }
  return { keys, first, more, unpaired };
}

function duplicateFinding(rule: 'diff/duplicate-account' | 'diff/duplicate-responsibility' | 'diff/duplicate-person', cell: CellAt, args: Finding['args'], about: Pick<Finding, 'account' | 'person' | 'task'>): Finding {
  return { rule, severity: RULES[rule], args, sheet: cell.sheet, row: cell.row, ...(cell.column !== undefined ? { column: cell.column } : {}), ...about };
}

/** The account fields of a change: its name and id as the given version writes them. */
function aboutAccount(a: ComparedAccount): Pick<Change, 'account' | 'accountId'> {
  return a.id !== undefined ? { account: a.name, accountId: a.id } : { account: a.name };
}

function withCells(c: Change, oldCell: CellAt | undefined, newCell: CellAt | undefined): Change {
  if (oldCell) c.oldCell = oldCell;
  if (newCell) c.newCell = newCell;
  return c;
}

function compareAccounts(old: Side, now: Side, o: Keyed, n: Keyed, byId: boolean, options: DiffOptions, out: Change[]): void {
  for (const [key, was] of o.first) {
    if (o.unpaired.has(key) || n.first.has(key)) continue;
    const c: Change = { kind: 'account-removed', ...aboutAccount(was.account) };
    if (was.effective !== undefined) c.tier = was.effective;
    out.push(withCells(c, accountCell(old, was.account), undefined));
  }
  // A matrix writes each account's tier as kam gave it (pinned, else recorded, else scored): a book against one compares that tier.
  const oldEffective = !old.accountsFromRows && now.accountsFromRows === true;
  const nowEffective = !now.accountsFromRows && old.accountsFromRows === true;
  for (const [key, is] of n.first) {
    if (n.unpaired.has(key)) continue;
    const was = o.first.get(key);
    const a = is.account;
    const base = (): Change => {
      const c: Change = { kind: 'account-added', ...aboutAccount(a) };
      if (is.effective !== undefined) c.tier = is.effective;
      return c;
    };
    const cellsOf = (c: Change, column: string): Change =>
      withCells(c, was && old.accountsLayout ? cellAt(old.accountsLayout, was.account.row, column) : undefined, now.accountsLayout ? cellAt(now.accountsLayout, a.row, column) : undefined);
    if (!was) {
      out.push(cellsOf(base(), 'name'));
      continue;
    }
    const b = was.account;
    if (byId && !sameText(b.name, a.name)) out.push(cellsOf({ ...base(), kind: 'account-renamed', from: b.name, to: a.name }, 'name'));
    // (Each owner as the Staff sheet names them: `E001` and `张伟(E001)` are one person.)
    // (Only where both versions have a Staff sheet: one added beside an unchanged `E001` is no owner change; found by review.)
    const byStaff = old.has.staff && now.has.staff;
    const ownerWas = byStaff ? (was.owner ?? b.owner) : b.owner;
    const ownerIs = byStaff ? (is.owner ?? a.owner) : a.owner;
    if (old.fields.owner && now.fields.owner && !sameText(ownerWas ?? '', ownerIs ?? '')) out.push(cellsOf({ ...base(), kind: 'owner-changed', from: ownerWas ?? null, to: ownerIs ?? null }, 'owner'));
    const tierWas = oldEffective ? was.effective : was.recorded;
    const tierIs = nowEffective ? is.effective : is.recorded;
    const recordedWas = tierWas ?? (b.tier !== undefined ? fold(b.tier) : undefined);
    const recordedIs = tierIs ?? (a.tier !== undefined ? fold(a.tier) : undefined);
    if (recordedWas !== recordedIs) out.push(cellsOf({ ...base(), kind: 'tier-changed', from: tierWas ?? b.tier ?? null, to: tierIs ?? a.tier ?? null }, 'tier'));
    if (was.computed !== undefined && is.computed !== undefined && was.computed !== is.computed) out.push(cellsOf({ ...base(), kind: 'tier-moved', from: was.computed, to: is.computed }, 'name'));
    const rb = b.numbers.annual_revenue;
    const ra = a.numbers.annual_revenue;
    if (old.fields.annual_revenue && now.fields.annual_revenue && revenueMoved(rb, ra, options.revenueThreshold)) out.push(cellsOf({ ...base(), kind: 'revenue-changed', from: rb ?? null, to: ra ?? null }, 'annual_revenue'));
  }
}

/** Text equal once folded (the same string, the common case, without folding). */
function sameText(x: string, y: string): boolean {
  return x === y || fold(x) === fold(y);
}

/** Whether revenue moved by more than the threshold (a fraction of the old value); a value appearing or going counts. */
function revenueMoved(before: number | undefined, after: number | undefined, threshold: number): boolean {
  if (before === undefined || after === undefined) return before !== after;
  if (before === after) return false;
  if (before === 0) return true;
  // A hair over the threshold in floating point is not over it (1.1 × 1,000,000 is 1,100,000.0000000002).
  return Math.abs(after - before) / Math.abs(before) > threshold + 1e-12;
}

/** One activity (account × task) of one version: a group of the book as it is, made again by a packed side, or one made for rows the groups leave out. */
type Activity = SideActivity;

function holderKey(a: Assignment): string {
  return a.personKey !== undefined ? `p:${a.personKey}` : a.departmentKey !== undefined ? `d:${a.departmentKey}` : '-';
}

/** Whether two rows have the same holder (the same person, or the same department holding a row without one). */
function sameHolder(x: Assignment, y: Assignment): boolean {
  return x.personKey !== undefined ? x.personKey === y.personKey : y.personKey === undefined && x.departmentKey === y.departmentKey;
}

function holderName(a: Assignment): string {
  return a.person ?? a.department ?? '';
}

/** An activity's rows by holder (only for an activity that changed). */
function holdersOf(act: Activity | undefined): Map<string, Assignment[]> | undefined {
  if (!act) return undefined;
  const out = new Map<string, Assignment[]>();
  for (const r of act.rows) {
    const h = holderKey(r);
    // A row naming neither a person nor a department holds no letter (as check and matrix read it): no
    // responsibility added or removed for "" (found by review against an independent implementation).
    if (h === '-') continue;
    const rows = out.get(h);
    if (rows) rows.push(r);
    else out.set(h, [r]);
  }
  return out;
}

/**
 * The activities an account's own groups leave out, by account key, then by task key: groups of
 * an account this version's Accounts sheet lacks or cannot tell (looked up in the other version,
 * else keyed by its name as written), and cancelled rows (the book's groups leave them out; they
 * hold no letters, but a row cancelled is a status change). Usually few.
 */
function looseActivities(side: Side, other: Side, byId: boolean): Map<string, Map<string, Activity>> {
  const out = new Map<string, Map<string, Activity>>();
  const keys = new Map<string, { account: ComparedAccount | undefined; tasks: Map<string, Activity> }>();
  const tasksOf = (text: string) => {
    let known = keys.get(text);
    if (!known) {
      const account = side.accountOf(text);
      const found = account ?? other.accountOf(text);
      const key = found ? accountKey(found, byId) : `n:${text}`;
      let tasks = out.get(key);
      if (!tasks) {
        tasks = new Map();
        out.set(key, tasks);
      }
      known = { account, tasks };
      keys.set(text, known);
    }
    return known;
  };
  for (const g of side.unowned) {
    const first = g.rows[0]!;
    const { account, tasks } = tasksOf(first.accountKey);
    merge(tasks, first, g.rows, account);
  }
  for (const r of side.cancelled) {
    const { account, tasks } = tasksOf(r.accountKey);
    merge(tasks, r, [r], account);
  }
  return out;
}

/**
 * Adds rows to the activity of their task: a new activity, or a copy of the one there with the rows
 * added (never the book's own arrays). Merged rows keep the sheet's order: the activity reads as its
 * first row writes it (account, task, holder), whichever way of writing the account that row used.
 */
function merge(tasks: Map<string, Activity>, first: Assignment, rows: readonly Assignment[], account: ComparedAccount | undefined): void {
  const act = tasks.get(first.taskKey);
  if (!act) {
    const made: Activity = { accountText: first.account, taskKey: first.taskKey, rows };
    if (account) made.account = account;
    tasks.set(first.taskKey, made);
    return;
  }
  const merged = [...act.rows, ...rows].sort(sheetOrder);
  const lead = merged[0]!;
  const made: Activity = { accountText: lead.account, taskKey: first.taskKey, rows: merged };
  const owner = act.rows.includes(lead) ? act.account : account;
  if (owner) made.account = owner;
  tasks.set(first.taskKey, made);
}

/** Rows in the order the book has them: the sheet's rows, then (beside a matrix) the long sheet's; in a row, by column. */
function sheetOrder(x: Assignment, y: Assignment): number {
  return Number(x.onLong ?? false) - Number(y.onLong ?? false) || x.row - y.row || (x.column ?? -1) - (y.column ?? -1);
}

/** An activity by its task key: a few per account, searched in place (a map for an account of many tasks). */
function byTask(list: readonly Activity[]): (taskKey: string) => Activity | undefined {
  if (list.length <= 8) return (k) => list.find((a) => a.taskKey === k);
  const index = new Map(list.map((a) => [a.taskKey, a]));
  return (k) => index.get(k);
}

/** One account key's activities in one version: its accounts' groups, then the loose ones of that key. */
function activitiesAt(side: Side, keyed: Keyed, key: string, loose: Map<string, Activity> | undefined): readonly Activity[] {
  const one = keyed.first.get(key);
  const all = keyed.more.get(key);
  // The common case: one account, its tasks each once, nothing loose.
  if (one && !all && !loose) return side.groupsOf(one.at);
  const tasks = new Map<string, Activity>();
  for (const sa of all ?? (one ? [one] : [])) for (const g of side.groupsOf(sa.at)) merge(tasks, g.rows[0]!, g.rows, sa.account);
  for (const act of loose?.values() ?? []) merge(tasks, act.rows[0]!, act.rows, act.account);
  return [...tasks.values()];
}

/** Whether an activity is the same in both versions: the same holders, each with one row of the same letters and details. */
function unchanged(was: Activity, is: Activity): boolean {
  const rb = was.rows;
  const ra = is.rows;
  // Many holders: left to the comparison by holder (no quadratic search).
  if (rb.length !== ra.length || rb.length > 8) return false;
  for (let i = 0; i < rb.length; i++) {
    const b = rb[i]!;
    // A holder with two rows is paired by the comparison by holder.
    for (let j = 0; j < i; j++) if (sameHolder(rb[j]!, b)) return false;
    const a = ra.find((x) => sameHolder(b, x));
    if (!a || b.raci !== a.raci || b.status !== a.status || b.due !== a.due || !sameNumber(b.hours, a.hours) || frequencyText(b.frequency) !== frequencyText(a.frequency)) return false;
  }
  // Each of the old version's holders (all different) has a row in the new, which has as many rows: the same holders.
  return true;
}

/** The letters a holder's rows hold (cancelled rows hold none). */
function held(rows: readonly Assignment[] | undefined): number {
  let m = 0;
  for (const r of rows ?? []) if (r.status !== 'cancelled') m |= r.raci;
  return m;
}

function compareResponsibilities(old: Side, now: Side, byId: boolean, o: Keyed, n: Keyed, duplicates: Finding[], out: Change[]): void {
  const looseBefore = looseActivities(old, now, byId);
  const looseAfter = looseActivities(now, old, byId);
  const compareKey = (key: string): void => {
    const before = activitiesAt(old, o, key, looseBefore.get(key));
    const after = activitiesAt(now, n, key, looseAfter.get(key));
    const inAfter = byTask(after);
    let pairs = 0;
    for (const was of before) {
      const is = inAfter(was.taskKey);
      if (is) pairs++;
      // Most activities are as they were: one row per holder, the same letters and details.
      if (!is || !unchanged(was, is)) compareActivity(old, now, was, is, byId, o, n, duplicates, out);
    }
    if (pairs === after.length) return;
    const inBefore = byTask(before);
    for (const is of after) if (!inBefore(is.taskKey)) compareActivity(old, now, undefined, is, byId, o, n, duplicates, out);
  };
  for (const key of o.first.keys()) compareKey(key);
  for (const key of n.first.keys()) if (!o.first.has(key)) compareKey(key);
  for (const key of looseBefore.keys()) if (!o.first.has(key) && !n.first.has(key)) compareKey(key);
  for (const key of looseAfter.keys()) if (!o.first.has(key) && !n.first.has(key) && !looseBefore.has(key)) compareKey(key);
}

/** The changes of one activity between the versions (absent from one: every responsibility added or removed). */
function compareActivity(old: Side, now: Side, was: Activity | undefined, is: Activity | undefined, byId: boolean, o: Keyed, n: Keyed, duplicates: Finding[], out: Change[]): void {
  const wasBy = holdersOf(was);
  const isBy = holdersOf(is);
  const ref = is ?? was!;
  const account = is?.account ?? was?.account;
  const acc = account ? aboutAccount(account) : { account: ref.accountText };
  // The new version's activities name its accounts, the old one's its own.
  const sideAccount = is?.account ? paired(n, accountKey(is.account, byId)) : was?.account ? paired(o, accountKey(was.account, byId)) : undefined;
  const about = (): Change => {
    const c = { ...acc, task: ref.rows[0]!.task } as Change;
    if (sideAccount?.effective !== undefined) c.tier = sideAccount.effective;
    return c;
  };
  const holders = new Set([...(wasBy?.keys() ?? []), ...(isBy?.keys() ?? [])]);
  const lettersBefore = new Map<string, number>();
  const lettersAfter = new Map<string, number>();
  let hadA = false;
  let hasA = false;
  let alive = false;
  for (const h of holders) {
    const b = held(wasBy?.get(h));
    const a = held(isBy?.get(h));
    lettersBefore.set(h, b);
    lettersAfter.set(h, a);
    if (b & RACI.A) hadA = true;
    if (a & RACI.A) hasA = true;
    if (a !== 0) alive = true;
  }
  // The task still exists and nobody is accountable for it any more.
  const lost = hadA && !hasA && alive;
  // A letter one holder lost and exactly one other gained is handed over (`R 张伟 → 李娜`).
  const handedOff = new Map<string, number>();
  const handedTo = new Map<string, number>();
  // Letters handed from one holder to one other together are one handover (`A/R 张伟 → 李娜`: found by
  // a new user, one row's A/R moved was counted as two handovers), at the first letter's rows.
  const handovers = new Map<string, { from: string; to: string; bits: number; bit: number }>();
  for (const letter of LETTER_ORDER) {
    const bit = RACI[letter];
    const losers = [...holders].filter((h) => lettersBefore.get(h)! & bit && !(lettersAfter.get(h)! & bit));
    const gainers = [...holders].filter((h) => !(lettersBefore.get(h)! & bit) && lettersAfter.get(h)! & bit);
    if (losers.length !== 1 || gainers.length !== 1) continue;
    const from = losers[0]!;
    const to = gainers[0]!;
    handedOff.set(from, (handedOff.get(from) ?? 0) | bit);
    handedTo.set(to, (handedTo.get(to) ?? 0) | bit);
    const pair = `${from}\u0000${to}`;
    const h = handovers.get(pair);
    if (h) h.bits |= bit;
    else handovers.set(pair, { from, to, bits: bit, bit });
  }
  for (const { from, to, bits, bit } of handovers.values()) {
    const fromRow = firstHeld(wasBy!.get(from)!, bit);
    const toRow = firstHeld(isBy!.get(to)!, bit);
    out.push(withCells({ ...about(), kind: 'handover', letter: lettersText(bits), person: holderName(toRow), from: holderName(fromRow), to: holderName(toRow) }, rowCell(old, fromRow, 'holder'), rowCell(now, toRow, 'holder')));
  }
  for (const h of holders) {
    const rowsBefore = wasBy?.get(h);
    const rowsAfter = isBy?.get(h);
    const b = lettersBefore.get(h)!;
    const a = lettersAfter.get(h)!;
    const restB = b & ~(handedOff.get(h) ?? 0);
    const restA = a & ~(handedTo.get(h) ?? 0);
    const name = holderName((rowsAfter ?? rowsBefore)![0]!);
    // A holder whose rows are all cancelled on one side still has the rows: that is a status change, reported below.
    if (!rowsBefore && restA !== 0) {
      const row = firstHeld(rowsAfter!, restA);
      out.push(withCells({ ...about(), kind: 'responsibility-added', letter: lettersText(restA), person: name }, undefined, rowCell(now, row, 'holder')));
    } else if (!rowsAfter && restB !== 0) {
      const row = firstHeld(rowsBefore!, restB);
      const c: Change = { ...about(), kind: 'responsibility-removed', letter: lettersText(restB), person: name };
      if (lost && restB & RACI.A) c.lostAccountable = true;
      // Where the new version shows the task (its first row still there), else nowhere.
      const still = is ? [...isBy!.values()][0]![0]! : undefined;
      out.push(withCells(c, rowCell(old, row, 'holder'), still ? rowCell(now, still, 'holder') : undefined));
    } else if (rowsBefore && rowsAfter && restB === 0 && restA !== 0) {
      // Every letter the holder had was handed over, and the holder took another: a new responsibility.
      const row = firstHeld(rowsAfter, restA);
      out.push(withCells({ ...about(), kind: 'responsibility-added', letter: lettersText(restA), person: name }, undefined, rowCell(now, row, 'holder')));
    } else if (rowsBefore && rowsAfter && restA === 0 && restB !== 0 && (handedTo.get(h) ?? 0) !== 0) {
      const row = firstHeld(rowsBefore, restB);
      const c: Change = { ...about(), kind: 'responsibility-removed', letter: lettersText(restB), person: name };
      if (lost && restB & RACI.A) c.lostAccountable = true;
      out.push(withCells(c, rowCell(old, row, 'holder'), undefined));
    } else if (b !== 0 && a !== 0 && restB !== restA) {
      const c: Change = { ...about(), kind: 'letter-changed', person: name, letter: lettersText(a), from: lettersText(b), to: lettersText(a) };
      if (lost && b & RACI.A) c.lostAccountable = true;
      out.push(withCells(c, rowCell(old, firstHeld(rowsBefore!, b), 'raci'), rowCell(now, firstHeld(rowsAfter!, a), 'raci')));
    }
    if (rowsBefore && rowsAfter) compareDetails(old, now, rowsBefore, rowsAfter, about, name, duplicates, out);
  }
}

/** The first row holding any of the letters, else the first row. */
function firstHeld(rows: readonly Assignment[], mask: number): Assignment {
  return rows.find((r) => r.status !== 'cancelled' && r.raci & mask) ?? rows[0]!;
}

/** A holder's rows on one side without the cancelled ones, where some are live. */
function withoutCancelled(rows: Assignment[]): Assignment[] {
  if (rows.length < 2 || !rows.some((r) => r.status === 'cancelled')) return rows;
  const live = rows.filter((r) => r.status !== 'cancelled');
  return live.length > 0 ? live : rows;
}

/**
 * Due date, status, frequency and hours of one holder's rows: one row on each side is compared
 * directly; several are paired by their letters when each side's letters are distinct; otherwise
 * the holder's rows are reported as a duplicate key and not paired.
 */
function compareDetails(old: Side, now: Side, before: Assignment[], after: Assignment[], about: () => Change, person: string, duplicates: Finding[], out: Change[]): void {
  // A cancelled row beside live ones is left out, as every other command leaves it out (found by a new user: a live R
  // and a cancelled R of one person on a task were a duplicate, and not compared); alone, it is compared (a status change).
  before = withoutCancelled(before);
  after = withoutCancelled(after);
  let pairs: [Assignment, Assignment][];
  if (before.length === 1 && after.length === 1) pairs = [[before[0]!, after[0]!]];
  else {
    const distinct = (rows: Assignment[]) => new Set(rows.map((r) => r.raci)).size === rows.length;
    if (!distinct(before) || !distinct(after)) {
      // One more (or one fewer) row of the same letters is a responsibility added (removed): hours count twice.
      const count = (rows: Assignment[]) => {
        const m = new Map<number, Assignment[]>();
        for (const r of rows) if (r.status !== 'cancelled') m.set(r.raci, [...(m.get(r.raci) ?? []), r]);
        return m;
      };
      const cb = count(before);
      const ca = count(after);
      for (const mask of new Set([...cb.keys(), ...ca.keys()])) {
        const nb = cb.get(mask)?.length ?? 0;
        const na = ca.get(mask)?.length ?? 0;
        if (nb === 0 || na === 0 || nb === na) continue;
        const c = { ...about(), letter: lettersText(mask), person };
        if (na > nb) out.push(withCells({ ...c, kind: 'responsibility-added' }, undefined, rowCell(now, ca.get(mask)!.at(-1)!, 'holder')));
        else out.push(withCells({ ...c, kind: 'responsibility-removed' }, rowCell(old, cb.get(mask)!.at(-1)!, 'holder'), undefined));
      }
      const [side, rows] = !distinct(after) ? [now, after] : [old, before];
      const cell = rowCell(side, rows[1]!, 'holder');
      const c = about();
      if (cell) duplicates.push(duplicateFinding('diff/duplicate-responsibility', cell, { file: side.file, account: c.account ?? '', task: c.task ?? '', person, first: rows[0]!.row }, { account: c.account ?? '', task: c.task ?? '', person }));
      return;
    }
    const byLetters = new Map(after.map((r) => [r.raci, r]));
    pairs = before.flatMap((r): [Assignment, Assignment][] => (byLetters.has(r.raci) ? [[r, byLetters.get(r.raci)!]] : []));
  }
  for (const [b, a] of pairs) {
    const letter = lettersText(a.raci);
    const push = (kind: ChangeKind, what: 'due' | 'status' | 'frequency' | 'hours', from: ChangeValue, to: ChangeValue) =>
      out.push(withCells({ ...about(), kind, person, letter, from, to }, rowCell(old, b, what), rowCell(now, a, what)));
    const both = (field: keyof Side['fields']): boolean => old.fields[field] && now.fields[field];
    if (both('due') && b.due !== a.due) push('due-changed', 'due', b.due ?? null, a.due ?? null);
    if (both('status') && b.status !== a.status) push('status-changed', 'status', b.status ?? null, a.status ?? null);
    const fb = frequencyText(b.frequency);
    const fa = frequencyText(a.frequency);
    if (both('frequency') && fb !== fa) push('frequency-changed', 'frequency', fb ?? null, fa ?? null);
    if (both('hours') && !sameNumber(b.hours, a.hours)) push('hours-changed', 'hours', b.hours ?? null, a.hours ?? null);
  }
}

/**
 * A frequency as a code: `monthly`, `once`; a rate written with a count, as the word it equals (`每周1次` is `weekly`,
 * `每月1次` `monthly`: found by a new user, each was a change), else as a whole count of the first period it has one
 * of (`2/week`, `2/month`, `3/quarter`, `6/year`), else per week.
 */
export function frequencyText(f: Frequency | undefined): string | undefined {
  if (!f) return undefined;
  if (f.kind === 'once') return 'once';
  if (f.word !== 'custom') return f.word;
  const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  for (const [word, perWeek] of Object.entries(PER_WEEK)) if (close(perWeek, f.perWeek)) return word;
  for (const [unit, perWeek] of [['week', 1], ['month', 12 / 52], ['quarter', 4 / 52], ['year', 1 / 52]] as const) {
    const n = f.perWeek / perWeek;
    if (n >= 1 && close(n, Math.round(n))) return `${Math.round(n)}/${unit}`;
  }
  return `${+f.perWeek.toPrecision(12)}/week`;
}

function sameNumber(a: number | undefined, b: number | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function comparePeople(old: Side, now: Side, duplicates: Finding[], out: Change[]): void {
  const twice = new Set<string>();
  const keyed = (side: Side): Map<string, Person> => {
    const map = new Map<string, Person>();
    for (const p of side.people) {
      const first = map.get(p.key);
      if (first && !twice.has(p.key)) {
        twice.add(p.key);
        duplicates.push(duplicateFinding('diff/duplicate-person', cellAt(side.staffLayout!, p.row, 'name'), { file: side.file, person: p.name, first: first.row }, { person: p.name }));
      }
      if (!first) map.set(p.key, p);
    }
    return map;
  };
  const before = keyed(old);
  const after = keyed(now);
  for (const k of twice) {
    before.delete(k);
    after.delete(k);
  }
  // What each person still holds in the new version (cancelled rows hold nothing).
  const holds = now.holds;
  const cell = (side: Side, p: Person, key: string) => cellAt(side.staffLayout!, p.row, key);
  for (const [key, p] of before) {
    if (after.has(key)) continue;
    const c = withCells({ kind: 'person-left', person: p.name }, cell(old, p, 'name'), undefined);
    const n = holds.get(key);
    if (n) c.holds = n;
    out.push(c);
  }
  for (const [key, p] of after) {
    const q = before.get(key);
    if (!q) {
      out.push(withCells({ kind: 'person-joined', person: p.name }, undefined, cell(now, p, 'name')));
      continue;
    }
    const field = (f: PersonField, from: ChangeValue, to: ChangeValue, column: string): void => {
      const c = withCells({ kind: 'person-changed', person: p.name, field: f, from, to }, cell(old, q, column), cell(now, p, column));
      const n = holds.get(key);
      if (f === 'active' && to === false && n) c.holds = n;
      out.push(c);
    };
    if (!sameText(q.role ?? '', p.role ?? '')) field('role', q.role ?? null, p.role ?? null, 'role');
    if (!sameText(q.department ?? '', p.department ?? '')) field('department', q.department ?? null, p.department ?? null, 'department');
    if (!sameNumber(q.capacity, p.capacity)) field('capacity', q.capacity ?? null, p.capacity ?? null, 'capacity_hours');
    if (q.active !== p.active) field('active', q.active, p.active, 'active');
  }
}

/** Rules that find one thing per activity (account × task), whoever's row they point at. */
const ACTIVITY_RULES = new Set(['time/overdue', 'time/missing-due', 'raci/no-accountable', 'raci/multiple-accountable', 'raci/no-responsible', 'raci/too-many-responsible', 'coverage/required-task']);

/**
 * What a finding is about, never where: rule, account, task and person (folded); a finding about
 * none of them (a cell that could not be read) by its arguments, row numbers left out.
 */
export function findingKey(f: Finding, accounts?: ReadonlyMap<string, string>): string {
  const person = findingPerson(f) ?? findingDetail(f);
  const name = f.account === undefined ? '' : fold(f.account);
  // Keys and folded names are folded already.
  const account = name === '' ? '' : (accounts?.get(name) ?? name);
  const task = f.task === undefined ? '' : fold(f.task);
  const who = person === undefined ? '' : fold(person);
  if (account !== '' || task !== '' || who !== '') return `${f.rule}\u0000${account}\u0000${task}\u0000${who}`;
  const args = Object.keys(f.args)
    .filter((k) => !/row|line|first/i.test(k))
    .sort()
    .map((k) => `${k}=${String(f.args[k])}`);
  return `${f.rule}\u0000\u0000${args.join('\u0000')}`;
}

/** The person a finding is about: a finding about a whole activity names the person of whichever row came first, not part of what it is about. */
export function findingPerson(f: Finding): string | undefined {
  return ACTIVITY_RULES.has(f.rule) || CELL_RULES.has(f.rule) ? undefined : f.person;
}

/**
 * Rules about one cell's value: what they are about is the cell's column and value in its
 * activity, not the person of its row (found by a new user: a handover listed an unchanged
 * unreadable due date as both introduced and resolved, exit 1).
 */
const CELL_RULES = new Set(['schema/invalid-value', 'schema/empty-required']);

/**
 * What a finding about a cell's value of an activity's row is about beside the activity: the column
 * and the value. (One about no activity is told by its arguments, as any such finding.)
 */
export function findingDetail(f: Finding): string | undefined {
  if (!CELL_RULES.has(f.rule) || (f.account === undefined && f.task === undefined)) return undefined;
  // The value, not the header: a header renamed (时间节点 → 截止日期) leaves the finding as it was (found by review).
  return `: ${String(f.args.value ?? '')}`;
}

/**
 * Findings' keys made small: equal exactly when {@link findingKey}'s are, rule, account, task and
 * person as numbers in one 8-character string (~32 bytes a finding kept for the comparison, where
 * findingKey's string and the pieces it is joined from are ~300; each text folded once, not once a
 * finding). A finding about none of them keeps findingKey's key, which starts with its rule and so
 * is never a small key (they start with NUL). findingKey joins on NUL, so two different findings
 * can have one findingKey where a part holds a NUL (a CSV can): where some part does, or where a
 * finding about none of them has a NUL in its arguments' part and that text is the findingKey of
 * another finding of the two lists, `nul` says so and findingKey's keys are used.
 */
class SmallKeys {
  nul = false;
  /** The keys of findings about none of account, task and person with a NUL in their arguments' part. */
  private readonly loose = new Set<string>();
  /** Parts as findingKey writes them (folded, an account as its key) → their numbers (0: none). */
  private readonly ids = new Map<string, number>([['', 0]]);
  private readonly rules = new Map<string, number>();
  /** A task's or person's text as written → its number. */
  private readonly texts = new Map<string, number>();

  /** The small keys of one version's findings; `names` its accounts' folded names → keys. */
  keysOf(findings: readonly Finding[], names: ReadonlyMap<string, string>): string[] {
    // An account's name as a finding writes it → its number, for this version (its names).
    const accounts = new Map<string, number>();
    return findings.map((f) => {
      const person = findingPerson(f) ?? findingDetail(f);
      let a = 0;
      if (f.account !== undefined) {
        const known = accounts.get(f.account);
        if (known !== undefined) a = known;
        else {
          const name = fold(f.account);
          a = this.id(name === '' ? '' : (names.get(name) ?? name));
          accounts.set(f.account, a);
        }
      }
      const t = f.task === undefined ? 0 : this.text(f.task);
      const w = person === undefined ? 0 : this.text(person);
      if (a === 0 && t === 0 && w === 0) {
        const key = findingKey(f, names);
        if (key.includes('\u0000', f.rule.length + 2)) this.loose.add(key);
        return key;
      }
      let r = this.rules.get(f.rule);
      if (r === undefined) this.rules.set(f.rule, (r = this.rules.size));
      return String.fromCharCode(0, r, a >>> 16, a & 0xffff, t >>> 16, t & 0xffff, w >>> 16, w & 0xffff);
    });
  }

  /**
   * Whether a finding about a task or person and no account, in either list, has a findingKey that
   * is a key of the `loose` ones (`rule␀␀task␀person` against `rule␀␀header=…␀`): then `nul`.
   */
  checkLoose(lists: readonly (readonly [readonly Finding[], readonly string[], ReadonlyMap<string, string>])[]): void {
    if (this.loose.size === 0 || this.nul) return;
    for (const [findings, keys, names] of lists) {
      for (let i = 0; i < findings.length; i++) {
        const k = keys[i]!;
        // A small key with no account: NUL, the rule's number, then two NULs.
        if (k.charCodeAt(0) === 0 && k.charCodeAt(2) === 0 && k.charCodeAt(3) === 0 && this.loose.has(findingKey(findings[i]!, names))) {
          this.nul = true;
          return;
        }
      }
    }
  }

  private text(value: string): number {
    let id = this.texts.get(value);
    if (id === undefined) this.texts.set(value, (id = this.id(fold(value))));
    return id;
  }

  private id(part: string): number {
    let id = this.ids.get(part);
    if (id === undefined) {
      this.ids.set(part, (id = this.ids.size));
      if (part.includes('\u0000')) this.nul = true;
    }
    return id;
  }
}

/** Findings the new version has and the old has not (introduced), and the other way (resolved), as multisets. */
export function compareFindings(before: readonly Finding[], after: readonly Finding[], oldNames: ReadonlyMap<string, string>, newNames: ReadonlyMap<string, string>): { introduced: Finding[]; resolved: Finding[] } {
  const small = new SmallKeys();
  let keysBefore = small.keysOf(before, oldNames);
  let keysAfter = small.keysOf(after, newNames);
  small.checkLoose([
    [before, keysBefore, oldNames],
    [after, keysAfter, newNames],
  ]);
  if (small.nul) {
    keysBefore = before.map((f) => findingKey(f, oldNames));
    keysAfter = after.map((f) => findingKey(f, newNames));
  }
  const count = (keys: readonly string[]): Map<string, number> => {
    const m = new Map<string, number>();
    for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
    return m;
  };
  // A key's first n findings in one list are paired with the other list's n of that key; the rest are reported.
  const beyond = (list: readonly Finding[], keys: readonly string[], other: Map<string, number>): Finding[] =>
    list.filter((_f, i) => {
      const k = keys[i]!;
      const n = other.get(k) ?? 0;
      if (n === 0) return true;
      other.set(k, n - 1);
      return false;
    });
  return { introduced: beyond(after, keysAfter, count(keysBefore)), resolved: beyond(before, keysBefore, count(keysAfter)) };
}

/** Each account's folded name → its key (a name two accounts share is left to itself, and listed). */
function accountNames(side: Side, keyed: Keyed): { names: Map<string, string>; shared: Set<string> } {
  const out = new Map<string, string>();
  const shared = new Set<string>();
  for (const sa of side.accounts) {
    const key = keyed.keys[sa.at]!;
    const name = fold(sa.account.name);
    if (out.has(name) && out.get(name) !== key) shared.add(name);
    out.set(name, key);
  }
  for (const name of shared) out.delete(name);
  return { names: out, shared };
}

/**
 * Each version's names, with the other's for an account it does not have: a finding about an account one
 * version removed is about the same account in both (found by a new user: a finding on its rows, unchanged,
 * came out both introduced and resolved when the account became unknown).
 */
function bothNames(old: { names: Map<string, string>; shared: Set<string> }, now: { names: Map<string, string>; shared: Set<string> }): [Map<string, string>, Map<string, string>] {
  const oldNames = new Map(old.names);
  const newNames = new Map(now.names);
  for (const [name, key] of old.names) if (!newNames.has(name) && !now.shared.has(name)) newNames.set(name, key);
  for (const [name, key] of now.names) if (!oldNames.has(name) && !old.shared.has(name)) oldNames.set(name, key);
  return [oldNames, newNames];
}

/** Utilisation before → after for the people a change names. */
function loadChanges(old: Side, now: Side, changes: readonly Change[]): LoadChange[] {
  const touched = new Set<string>();
  for (const c of changes) {
    if (c.person !== undefined) touched.add(fold(c.person));
    if (c.kind === 'handover' && typeof c.from === 'string') touched.add(fold(c.from));
    if (c.kind === 'owner-changed') for (const v of [c.from, c.to]) if (typeof v === 'string') touched.add(fold(v));
  }
  const out: LoadChange[] = [];
  for (const key of touched) {
    const b = old.load.get(key);
    const a = now.load.get(key);
    if (!b && !a) continue;
    if (b && a && b.status === a.status && Math.abs(b.utilization - a.utilization) < 1e-9) continue;
    const c: LoadChange = { person: (a ?? b)!.name };
    if (b) c.before = { utilization: b.utilization, status: b.status };
    if (a) c.after = { utilization: a.utilization, status: a.status };
    out.push(c);
  }
  // The biggest moves first.
  const delta = (c: LoadChange) => Math.abs((c.after?.utilization ?? 0) - (c.before?.utilization ?? 0));
  return out.sort((x, y) => delta(y) - delta(x) || compareText(x.person, y.person));
}

const KIND_ORDER = new Map<ChangeKind, number>(CHANGE_KINDS.map((k, i) => [k, i]));
const LETTER_RANK = new Map<string, number>(LETTER_ORDER.map((l, i) => [l, i]));

/**
 * Changes grouped by account, the most important first: by the account's tier (strategic first),
 * then accounts that lost an accountable person, then by id or name; within an account, the
 * account's own changes, then by task, letter (A first), kind and person; people's changes last.
 */
function sortChanges(changes: Change[], tierRank: Map<string, number>): void {
  const groups = new Map<Change, string | undefined>();
  for (const c of changes) groups.set(c, c.accountId !== undefined ? `i:${fold(c.accountId)}` : c.account !== undefined ? `n:${fold(c.account)}` : undefined);
  const groupOf = (c: Change) => groups.get(c);
  const lostIn = new Set<string>();
  const rankOf = new Map<string, number>();
  for (const c of changes) {
    const g = groupOf(c);
    if (g === undefined) continue;
    if (c.lostAccountable) lostIn.add(g);
    const r = c.tier !== undefined ? (tierRank.get(c.tier) ?? tierRank.size) : tierRank.size;
    rankOf.set(g, Math.min(rankOf.get(g) ?? Infinity, r));
  }
  const accountLevel = (c: Change) => (c.task === undefined ? 0 : 1);
  changes.sort((x, y) => {
    const gx = groupOf(x);
    const gy = groupOf(y);
    if (gx === undefined || gy === undefined) {
      if (gx !== gy) return gx === undefined ? 1 : -1;
      return KIND_ORDER.get(x.kind)! - KIND_ORDER.get(y.kind)! || compareText(x.person ?? '', y.person ?? '') || compareText(x.field ?? '', y.field ?? '');
    }
    if (gx !== gy) {
      return rankOf.get(gx)! - rankOf.get(gy)! || Number(lostIn.has(gy)) - Number(lostIn.has(gx)) || compareText(x.accountId ?? x.account ?? '', y.accountId ?? y.account ?? '') || compareText(gx, gy);
    }
    return (
      accountLevel(x) - accountLevel(y) ||
      compareText(x.task ?? '', y.task ?? '') ||
      Number(Boolean(y.lostAccountable)) - Number(Boolean(x.lostAccountable)) ||
      (LETTER_RANK.get(x.letter?.[0] ?? '') ?? 9) - (LETTER_RANK.get(y.letter?.[0] ?? '') ?? 9) ||
      KIND_ORDER.get(x.kind)! - KIND_ORDER.get(y.kind)! ||
      compareText(x.person ?? '', y.person ?? '') ||
      compareText(String(x.from ?? ''), String(y.from ?? ''))
    );
  });
}
