/** Time nodes against --as-of: overdue tasks, one-off tasks without a due date, contact cadence. */
import { own } from '../util/own.js';
import { cellFinding } from '../model/finding.js';
import type { Finding } from '../model/finding.js';
import { isClosed, RACI } from '../model/codes.js';
import { daysBetween } from '../util/date.js';
import type { IndexedBook } from '../book/book.js';
import { detailOf, type Assignment } from '../model/assignment.js';

/** time/overdue, time/missing-due, time/cadence. */
export function timeRules(book: IndexedBook): Finding[] {
  const out: Finding[] = [];
  const t = book.assignments;
  if (t) {
    // Rows whose due cell holds what does not read as a date: that cell has its own finding
    // (schema/invalid-value), and the task is not "without a due date".
    const unreadable = new Set<string>();
    for (const f of t.findings) if (f.rule === 'schema/invalid-value' && f.row !== undefined && f.sheet !== undefined) unreadable.add(`${f.sheet}\u0000${f.row}\u0000${f.column ?? ''}`);
    const dueUnreadable = (r: Assignment): boolean => {
      if (unreadable.size === 0) return false;
      const { layout, row } = detailOf(t, r, 'due');
      const col = layout.byKey.get('due');
      return col !== undefined && unreadable.has(`${layout.sheet}\u0000${row}\u0000${col.letter}`);
    };
    for (const g of book.groups) {
      const account = g.account?.name ?? g.accountText;
      // (The one who does the work named: an R's row, else an A's, before a C's or an I's — a matrix's holders share the
      // task's due date; found by a new user, the C was named.)
      // (The finding still points at the first late row's date.)
      const isLate = (r: Assignment): boolean => r.due !== undefined && r.due < book.asOf && !isClosed(r.status);
      const late = g.rows.find(isLate);
      if (late) {
        const doer = g.rows.find((r) => isLate(r) && r.raci & RACI.R && r.person) ?? g.rows.find((r) => isLate(r) && r.raci & RACI.A && r.person) ?? late;
        const { layout, row } = detailOf(t, late, 'due');
        out.push(cellFinding('time/overdue', layout, row, layout.byKey.get('due'), { account, task: late.task, due: late.due!, days: daysBetween(late.due!, book.asOf) }, { account, task: late.task, ...(doer.person ? { person: doer.person } : {}) }));
      }
      const once = g.rows.some((r) => r.frequency?.kind === 'once');
      if (once && !g.rows.some((r) => r.due !== undefined || dueUnreadable(r)) && !g.rows.every((r) => isClosed(r.status))) {
        const first = g.rows[0]!;
        const { layout, row } = detailOf(t, first, 'frequency');
        out.push(cellFinding('time/missing-due', layout, row, layout.byKey.get('due') ?? layout.byKey.get('frequency'), { account, task: first.task }, { account, task: first.task }));
      }
    }
  }
  const a = book.accounts;
  const lastCol = a?.layout.byKey.get('last_contact');
  if (a && lastCol) {
    for (const acc of a.accounts) {
      const tier = book.effectiveTier(acc);
      const cadence = tier !== undefined ? own(book.config.services, tier)?.cadenceDays : undefined;
      if (cadence === undefined) continue;
      const about = { account: acc.name };
      // An empty last-contact cell is no date to measure from (SPEC §4 measures the date's age).
      if (acc.lastContact === undefined) continue;
      const days = daysBetween(acc.lastContact, book.asOf);
      if (days > cadence) out.push(cellFinding('time/cadence', a.layout, acc.row, lastCol, { account: acc.name, last: acc.lastContact, days, cadence, tier: tier! }, about));
    }
  }
  return out;
}
