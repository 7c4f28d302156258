/**
 * A RACI matrix read with the long division-of-labour sheet beside it (issue 10). The matrix is what
 * a manager edited: for every activity (account × task) it shows, its cells say who holds which
 * letters. What a matrix cannot hold — due date, frequency, hours, status, 锁定 — comes from the long
 * sheet's rows of that activity: the row of the same holder and letters, else of the same holder,
 * else (a handover) of the same letters; due date, frequency and status, which belong to the task,
 * from any row of the activity. Activities the matrix does not show (a matrix filtered to some
 * accounts) are read from the long sheet as they are. Never a guess: what matched how is counted
 * and said in one note.
 */
import type { AccountsTable } from '../model/account.js';
import type { Assignment, AssignmentsTable } from '../model/assignment.js';
import { fold } from '../util/text.js';

export interface BesideCounts {
  /** Cells whose details came from their holder's own row. */
  own: number;
  /** Cells whose holder has no row there: details from the row of the same letters (a handover). */
  moved: number;
  /** Cells with only the task's due date, frequency and status (no row of that holder or letters). */
  taskOnly: number;
  /** Activities of the matrix the long sheet does not have. */
  notInLong: number;
  /** Rows of the long sheet for activities the matrix does not show, read as they are. */
  kept: number;
  /** Activities shown in both whose holders or letters differ (the matrix is read). */
  differ: number;
}

/** The matrix's rows with the long sheet's details, plus the long rows of activities the matrix does not show. */
export function readBeside(matrix: AssignmentsTable, long: AssignmentsTable, accounts?: AccountsTable): { table: AssignmentsTable; counts: BesideCounts } {
  // Either sheet may name an account by id or by name: both fold to the id where the accounts say so.
  const idOf = new Map<string, string>();
  const named = accounts?.accounts.map((a) => ({ key: a.key, name: a.name })) ?? matrix.accounts?.map((a) => ({ key: fold(a.id), name: a.name })) ?? [];
  for (const a of named) {
    idOf.set(fold(a.name), a.key);
    idOf.set(a.key, a.key);
  }
  const activity = (a: Assignment): string => `${idOf.get(a.accountKey) ?? a.accountKey}\u0000${a.taskKey}`;
  const holder = (a: Assignment): string => (a.personKey !== undefined ? `p${a.personKey}` : `d${a.departmentKey ?? ''}`);
  const longRows = byActivity(long.assignments, activity);
  const counts: BesideCounts = { own: 0, moved: 0, taskOnly: 0, notInLong: 0, kept: 0, differ: 0 };
  const shown = byActivity(matrix.assignments, activity);
  const out: Assignment[] = [];
  for (const [k, cells] of shown) {
    const rows = longRows.get(k);
    if (!rows) {
      counts.notInLong++;
      for (const a of cells) out.push(a);
      continue;
    }
    if (lettersOf(cells, holder) !== lettersOf(rows, holder)) counts.differ++;
    // The task's own facts: the first row that has each.
    const due = rows.find((r) => r.due !== undefined)?.due;
    const frequency = rows.find((r) => r.frequency !== undefined)?.frequency;
    const status = rows.find((r) => r.status !== undefined)?.status;
    for (const a of cells) {
      const same = rows.filter((r) => holder(r) === holder(a));
      const row = same.find((r) => r.raci === a.raci) ?? same[0] ?? rows.find((r) => r.raci === a.raci);
      const merged: Assignment = { ...a };
      if (row) {
        merged.longRow = row.row;
        merged.due ??= row.due ?? due;
        merged.frequency ??= row.frequency ?? frequency;
        merged.hours ??= row.hours;
        merged.status ??= row.status ?? status;
        if (!a.locked && row.locked) merged.locked = true;
        if (row.portion !== undefined && holder(row) === holder(a)) merged.portion = row.portion;
        if (holder(row) === holder(a)) counts.own++;
        else counts.moved++;
      } else {
        merged.longRow = rows[0]!.row;
        merged.due ??= due;
        merged.frequency ??= frequency;
        merged.status ??= status;
        counts.taskOnly++;
      }
      out.push(merged);
    }
  }
  for (const [k, rows] of longRows) {
    if (shown.has(k)) continue;
    for (const r of rows) out.push({ ...r, onLong: true });
    counts.kept += rows.length;
  }
  const table: AssignmentsTable = {
    layout: matrix.layout,
    assignments: out,
    findings: [...matrix.findings, ...long.findings],
    long: long.layout,
  };
  const listed = matrix.accounts ?? long.accounts;
  if (listed) table.accounts = listed;
  return { table, counts };
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

/** An activity's holders and their letters as one comparable string. */
function lettersOf(rows: readonly Assignment[], holder: (a: Assignment) => string): string {
  const by = new Map<string, number>();
  for (const r of rows) by.set(holder(r), (by.get(holder(r)) ?? 0) | r.raci);
  return [...by].map(([h, l]) => `${h}:${l}`).sort().join('|');
}
