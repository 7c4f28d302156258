/** `kam matrix --format json`: the stable shape of issue 10 (view, columns, rows, totals). */
import type { ReportContext } from '../context.js';
import { LETTER_ORDER, lettersText } from '../../model/codes.js';
import type { Matrix, MatrixRow } from '../../matrix/build.js';

/**
 * `{ view, asOf, file, columns: [{ key, label, kind, department, role }], rows, totals: [{ key, R,
 * A, C, I, accounts, hours, utilization }] }`. Account view rows: `{ account, accountId, tier, task,
 * cells: { <column key>: "A/R" }, a, r, rules }`; task view rows: `{ task, activities, R, A, C, I,
 * cells: { <column key>: { R, A, C, I } } }`; person view rows: `{ person, account, accountId, tier,
 * task, letters, hours, a, r, rules }`. Absent values are null; numbers are not rounded.
 */
export function matrixJson(m: Matrix, _ctx: ReportContext): string {
  const columns = m.columns.map((c) => ({ key: c.key, label: c.label, kind: c.kind, department: c.department ?? null, role: c.role ?? null }));
  const activity = (r: MatrixRow) => ({ account: r.account, accountId: r.accountId ?? null, tier: r.tier ?? null, task: r.task });
  let rows: unknown[];
  if (m.view === 'task') {
    rows = m.taskRows.map((t) => {
      const sum = { R: 0, A: 0, C: 0, I: 0 };
      for (const counts of t.cells.values()) for (const l of LETTER_ORDER) sum[l] += counts[l];
      return { task: t.task, activities: t.activities, ...sum, cells: Object.fromEntries(m.columns.filter((c) => t.cells.has(c.key)).map((c) => [c.key, { ...t.cells.get(c.key)! }])) };
    });
  } else if (m.view === 'person') {
    rows = m.rows.map((r) => ({ person: r.person ?? null, ...activity(r), letters: lettersText(r.letters ?? 0), hours: r.hours ?? 0, a: r.a, r: r.r, rules: r.rules }));
  } else {
    // A row's cells in the columns' order, from the cells it has (a whole book has thousands of columns).
    const order = new Map(m.columns.map((c, i) => [c.key, i]));
    const cells = (r: MatrixRow): Record<string, string> =>
      Object.fromEntries(
        [...r.cells.keys()]
          // (A cell whose letters could not be read holds none: left out, as every empty cell is; found by a new user: `""`.)
          .filter((k) => order.has(k) && r.cells.get(k) !== 0)
          .sort((x, y) => order.get(x)! - order.get(y)!)
          .map((k) => [k, lettersText(r.cells.get(k)!)]),
      );
    rows = m.rows.map((r) => ({ ...activity(r), cells: cells(r), a: r.a, r: r.r, rules: r.rules }));
  }
  const totals = m.totals.map((t) => ({ key: t.key, R: t.R, A: t.A, C: t.C, I: t.I, accounts: t.accounts, hours: t.hours, utilization: t.utilization ?? null }));
  return `${JSON.stringify({ view: m.view, asOf: m.asOf, file: m.file, columns, rows, totals }, null, 2)}\n`;
}
