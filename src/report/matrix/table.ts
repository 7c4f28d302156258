/** The matrix as a plain table (header + rows of values): what CSV and markdown write. */
import type { Lang } from '../../model/lang.js';
import type { SheetData, Value } from '../../model/sheet-data.js';
import { tierLabel } from '../../model/tier.js';
import { LETTER_ORDER, lettersText } from '../../model/codes.js';
import type { Matrix, MatrixColumn } from '../../matrix/build.js';
import { label } from '../../i18n/labels.js';
import { fixedNumber } from '../../util/decimal.js';

/** The check marks of a row: `#A ≠ 1`, `#R = 0`, `#R > max`, as rule codes. */
export function rowFlags(m: Matrix, row: { a: number; r: number }): { a: boolean; r: boolean } {
  return { a: row.a !== 1, r: row.r === 0 || row.r > m.maxResponsible };
}

/** A view's table whose rows are made when asked for (a whole book's matrix is large). */
export interface MatrixRows {
  name: string;
  header: string[];
  count: number;
  /** The values of row `i` (0-based, below the header). */
  row(i: number): Value[];
}

/** The view as a table in the user's language. */
/**
 * The activities a matrix shows: its lines, or the person view's activities once each (it lists an activity once
 * per holder; found by a new user: 176 against the account view's 85).
 */
export function activityCount(m: Matrix): number {
  if (m.view === 'task') return m.taskRows.length;
  if (m.view !== 'person') return m.rows.length;
  return new Set(m.rows.map((r) => `${r.accountId ?? r.account}\u0000${r.sourceRow}\u0000${r.task}`)).size;
}

export function matrixTable(m: Matrix, lang: Lang): SheetData {
  const t = matrixRows(m, lang);
  return { name: t.name, header: t.header, rows: Array.from({ length: t.count }, (_, i) => t.row(i)) };
}

/** A tier's label in the user's language ('' for none). */
export function tierText(m: Matrix, lang: Lang): (id: string | undefined) => string {
  const labels = new Map<string, string>();
  return (id) => {
    if (id === undefined) return '';
    let text = labels.get(id);
    if (text === undefined) labels.set(id, (text = tierLabel(m.tiers.find((t) => t.id === id), lang)));
    return text;
  };
}

/** The view's header, and its rows one at a time. */
export function matrixRows(m: Matrix, lang: Lang): MatrixRows {
  const tier = tierText(m, lang);
  const L = (k: Parameters<typeof label>[1]): string => label(lang, k);
  if (m.view === 'task') {
    return {
      name: L('matrix.sheet.task'),
      header: [L('matrix.task'), L('matrix.activities'), ...m.columns.map((c) => c.label)],
      count: m.taskRows.length,
      row: (i) => {
        const t = m.taskRows[i]!;
        return [t.task, t.activities, ...m.columns.map((c) => countsText(t.cells.get(c.key)))];
      },
    };
  }
  if (m.view === 'person') {
    return {
      name: L('matrix.sheet.person'),
      header: [L('matrix.person'), L('matrix.account'), L('matrix.accountId'), L('matrix.tier'), L('matrix.task'), L('matrix.letters'), L('matrix.hours')],
      count: m.rows.length,
      row: (i) => {
        const r = m.rows[i]!;
        return [r.person ?? '', r.account, r.accountId ?? '', tier(r.tier), r.task, lettersText(r.letters ?? 0), round(r.hours ?? 0)];
      },
    };
  }
  return {
    name: L('matrix.sheet.account'),
    header: [L('matrix.account'), L('matrix.accountId'), L('matrix.tier'), L('matrix.task'), ...m.columns.map((c) => columnHeader(m, c, lang, true)), '#A', '#R', L('matrix.rules')],
    count: m.rows.length,
    row: (i) => {
      const r = m.rows[i]!;
      return [r.account, r.accountId ?? '', tier(r.tier), r.task, ...m.columns.map((c) => lettersText(r.cells.get(c.key) ?? 0)), r.a, r.r, r.rules.join(' ')];
    },
  };
}

/**
 * A column's header in a written matrix: the person; a department's own column (rows it holds
 * without a person) says so — `市场部（部门）`, `Marketing (department)` — so that reading the
 * matrix back gives the rows to the department, not to a person named 市场部; in a file, so does
 * every column of a matrix by department (`written`: found by a new user, `kam matrix --columns
 * department -o` read back made each department a person of 40 hours).
 */
export function columnHeader(m: Matrix, c: MatrixColumn, lang: Lang, written = false): string {
  return (m.columnMode === 'person' || written) && c.kind === 'department' ? label(lang, 'matrix.departmentColumn', { name: c.label }) : c.label;
}

/** The totals per column as a table: one row per column. */
export function totalsTable(m: Matrix, lang: Lang): SheetData {
  const L = (k: Parameters<typeof label>[1]): string => label(lang, k);
  return {
    name: L('matrix.sheet.totals'),
    header: [L('matrix.column'), 'R', 'A', 'C', 'I', L('matrix.accounts'), L('matrix.hours'), L('matrix.utilization')],
    rows: m.totals.map((t, i) => [m.columns[i]!.label, t.R, t.A, t.C, t.I, t.accounts, round(t.hours), t.utilization === undefined ? null : round(t.utilization, 4)]),
  };
}

/** Letters counted across accounts: `R 12 · A 3` ('' for none). */
export function countsText(counts: Record<'R' | 'A' | 'C' | 'I', number> | undefined, sep = ' · '): string {
  if (!counts) return '';
  return LETTER_ORDER.filter((l) => counts[l] > 0)
    .map((l) => `${l} ${counts[l]}`)
    .join(sep);
}

function round(n: number, digits: 2 | 4 = 2): number {
  return fixedNumber(n, digits);
}
