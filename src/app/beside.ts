/**
 * A RACI matrix read with the long division-of-labour sheet beside it (issue 10). The matrix is what
 * a manager edited: for every activity (account × task) it shows, its cells say who holds which
 * letters. What a matrix cannot hold comes from the long sheet's rows of that activity:
 *
 * - a holder's letters are served first by their own rows (each row keeps its letters' share of
 *   the cell, so an `A/R` cell over an R row and an A row keeps both rows' hours): due date,
 *   frequency, hours, status and 锁定 from that row; a holder whose letters all changed (`C` to `I`)
 *   keeps their row;
 * - letters a holder has no row for come from a row whose holder **lost** those letters in the
 *   matrix (a handover, `R 王芳 → 张伟`): due date, frequency and hours move with the work; each
 *   row is handed over once, so a co-responsible added beside the old holder gets no copy of them;
 * - letters left over get the task's due date and frequency (the first row that has one), and the
 *   norms' hours.
 *
 * Activities the matrix does not show (a matrix filtered to some accounts), and the rows of holders it
 * has no column for (a matrix filtered to some people), are read from the long sheet as they are; a
 * matrix by department over a long sheet of people is its summary, and is not read. The sheets are read together only when they are about the same work: the
 * matrix's columns name someone the book knows and at least one activity is on both; else the
 * sheet found for the role is read alone. What matched how is counted, for one note.
 */
import type { AccountsTable } from '../model/account.js';
import { fieldsOf, type Assignment, type AssignmentsTable } from '../model/assignment.js';
import type { StaffTable } from '../model/person.js';
import type { Person } from '../model/person.js';
import { expandShared } from '../book/shared.js';
import { accountKey, fold } from '../util/text.js';

export interface BesideCounts {
  /** Matrix cells served wholly by their holder's own rows. */
  own: number;
  /** Cells with letters handed over from a row whose holder lost them. */
  moved: number;
  /** Cells with letters no row had: the task's dates and the norms' hours. */
  taskOnly: number;
  /** Activities of the matrix the long sheet does not have. */
  notInLong: number;
  /** Rows of the long sheet for activities the matrix does not show, read as they are. */
  kept: number;
  /** Activities shown in both whose holders or letters differ (the matrix is read). */
  differ: number;
}

/** Why the two sheets are not read together. */
export type NotBeside = 'noLetters' | 'nobodyKnown' | 'noCommonWork' | 'departmentsOnly';

/** The matrix's rows with the long sheet's details, plus the long rows of activities the matrix does not show. */
export function readBeside(
  matrix: AssignmentsTable,
  long: AssignmentsTable,
  accounts?: AccountsTable,
  staff?: StaffTable,
): { table: AssignmentsTable; counts: BesideCounts } | { not: NotBeside } {
  if (!matrix.layout.holders) return { not: 'noLetters' };
  const people = new Map<string, Person>();
  for (const p of staff?.people ?? []) if (!people.has(p.key)) people.set(p.key, p);
  // The long rows one person each, as the book will index them (`张伟、李娜` is two holders).
  const longRows = expandShared(long.assignments, people, staff !== undefined);
  const known = new Set<string>([...people.keys(), ...(staff?.people ?? []).flatMap((p) => (p.department ? [fold(p.department)] : []))]);
  for (const r of longRows) known.add(holderOf(r));
  if (!matrix.layout.holders.some((c) => known.has(fold(c.holder!)))) return { not: 'nobodyKnown' };

  // Either sheet may name an account by id or by name: both fold to the id where the book says so.
  const idOf = new Map<string, string>();
  const name = (key: string, n: string): void => {
    idOf.set(fold(n), key);
    idOf.set(key, key);
  };
  if (accounts) for (const a of accounts.accounts) name(a.key, a.name);
  else for (const a of [...(matrix.accounts ?? []), ...(long.accounts ?? [])]) name(accountKey(a.id ?? a.name), a.name);
  const activity = (a: Assignment): string => `${idOf.get(a.accountKey) ?? a.accountKey}\u0000${a.taskKey}`;
  const longBy = byActivity(longRows, activity);
  const shown = byActivity(matrix.assignments, activity);
  if (![...shown.keys()].some((k) => longBy.has(k))) return { not: 'noCommonWork' };
  // A matrix by department (`kam matrix --columns department`) over a long sheet that names people sums them up: read as
  // an edit, every person's letters went to their department (found by a new user: 44 handovers, and everyone's load 0,
  // for a matrix pasted back unchanged). It is not read.
  const byPeople = (rows: readonly Assignment[]): boolean => rows.some((r) => r.personKey !== undefined);
  if (!byPeople(matrix.assignments) && [...shown.keys()].some((k) => byPeople(longBy.get(k) ?? []))) return { not: 'departmentsOnly' };
  // The holders the matrix has a column for: a matrix filtered to some (`--person 李娜`) says nothing of the others, whose
  // rows are kept as they are (found by a new user: pasted back, it took every other holder's letters on its rows).
  const columns = new Set(matrix.assignments.map(holderOf));

  const counts: BesideCounts = { own: 0, moved: 0, taskOnly: 0, notInLong: 0, kept: 0, differ: 0 };
  const out: Assignment[] = [];
  for (const [k, cells] of shown) {
    // Cancelled rows hold no letter (the book leaves them out): nothing to match or hand over.
    const all = longBy.get(k)?.filter((r) => r.status !== 'cancelled');
    if (!all || all.length === 0) {
      counts.notInLong++;
      for (const a of cells) out.push(a);
      continue;
    }
    const rows = all.filter((r) => columns.has(holderOf(r)));
    for (const r of all) {
      if (columns.has(holderOf(r))) continue;
      out.push({ ...fieldsOf(r), onLong: true });
      counts.kept++;
    }
    const lettersNow = letters(cells);
    if (!sameLetters(lettersNow, letters(rows))) counts.differ++;
    const taskDue = all.find((r) => r.due !== undefined);
    const taskFrequency = all.find((r) => r.frequency !== undefined);
    const handed = new Map<Assignment, number>();
    for (const a of cells) {
      let left = a.raci;
      let moved = false;
      const take = (r: Assignment, raci: number, own: boolean): void => {
        const m: Assignment = { ...fieldsOf(a), raci, longRow: r.row };
        const cellsFrom: NonNullable<Assignment['longCells']> = {};
        if (m.due === undefined && (r.due ?? taskDue?.due) !== undefined) {
          m.due = r.due ?? taskDue!.due;
          cellsFrom.due = r.due !== undefined ? r.row : taskDue!.row;
        }
        if (m.frequency === undefined && (r.frequency ?? taskFrequency?.frequency) !== undefined) {
          m.frequency = r.frequency ?? taskFrequency!.frequency;
          cellsFrom.frequency = r.frequency !== undefined ? r.row : taskFrequency!.row;
        }
        if (m.hours === undefined && r.hours !== undefined) {
          m.hours = r.hours;
          cellsFrom.hours = r.row;
        }
        // A row's status and lock are its holder's: a cancelled or done row of someone else's is not this one's.
        if (own) {
          if (m.status === undefined && r.status !== undefined) {
            m.status = r.status;
            cellsFrom.status = r.row;
          }
          if (r.locked) m.locked = true;
          if (r.portion !== undefined) m.portion = r.portion;
        }
        m.longCells = cellsFrom;
        out.push(m);
      };
      for (const r of rows) {
        if (holderOf(r) !== holderOf(a) || !(r.raci & left)) continue;
        take(r, r.raci & left, true);
        left &= ~r.raci;
      }
      // The holder's own row whose letters all changed (`C` in the long sheet, `I` in the matrix): still theirs, with its
      // status and hours (found by a new user: `徐明 C → I` came with his status and hours gone).
      if (left) {
        for (const r of rows) {
          if (holderOf(r) !== holderOf(a) || r.raci & a.raci || handed.has(r)) continue;
          take(r, left, true);
          handed.set(r, r.raci);
          left = 0;
          break;
        }
      }
      if (left) {
        for (const r of rows) {
          if (holderOf(r) === holderOf(a)) continue;
          // Letters this row's holder no longer has in the matrix, not yet handed to someone else.
          const lost = r.raci & ~(lettersNow.get(holderOf(r)) ?? 0) & ~(handed.get(r) ?? 0) & left;
          if (!lost) continue;
          take(r, lost, false);
          handed.set(r, (handed.get(r) ?? 0) | lost);
          left &= ~lost;
          moved = true;
        }
      }
      if (left) {
        // Letters nobody held here: the task's due date and frequency, the norms' hours.
        const m: Assignment = { ...fieldsOf(a), raci: left };
        const cellsFrom: NonNullable<Assignment['longCells']> = {};
        if (m.due === undefined && taskDue) {
          m.due = taskDue.due;
          cellsFrom.due = taskDue.row;
        }
        if (m.frequency === undefined && taskFrequency) {
          m.frequency = taskFrequency.frequency;
          cellsFrom.frequency = taskFrequency.row;
        }
        m.longCells = cellsFrom;
        out.push(m);
        counts.taskOnly++;
      } else if (moved) counts.moved++;
      else counts.own++;
    }
  }
  for (const [k, rows] of longBy) {
    if (shown.has(k)) continue;
    for (const r of rows) out.push({ ...fieldsOf(r), onLong: true });
    counts.kept += rows.length;
  }
  const table: AssignmentsTable = { layout: matrix.layout, assignments: out, findings: [...matrix.findings, ...long.findings], long: long.layout };
  const listed = matrix.accounts ?? long.accounts;
  if (listed) table.accounts = listed;
  return { table, counts };
}

/** Who holds a row, person or department alike (a matrix column `销售部` is the department's). */
function holderOf(a: Assignment): string {
  return a.personKey ?? a.departmentKey ?? '';
}

/** Rows grouped by activity, in order. */
function byActivity(rows: readonly Assignment[], activity: (a: Assignment) => string): Map<string, Assignment[]> {
  const out = new Map<string, Assignment[]>();
  for (const r of rows) {
    const k = activity(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/** An activity's holders and the letters each holds. */
function letters(rows: readonly Assignment[]): Map<string, number> {
  const by = new Map<string, number>();
  for (const r of rows) by.set(holderOf(r), (by.get(holderOf(r)) ?? 0) | r.raci);
  return by;
}

function sameLetters(a: Map<string, number>, b: Map<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [h, l] of a) if (b.get(h) !== l) return false;
  return true;
}
