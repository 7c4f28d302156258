/** `kam matrix --format markdown`: the view as a table, then the totals per column (for a PR or a wiki). */
import type { Matrix } from '../../matrix/build.js';
import type { ReportContext } from '../context.js';
import { label } from '../../i18n/labels.js';
import { mdCell, mdTable } from '../shared/markdown.js';
import { fmtPercent } from '../shared/numbers.js';
import { matrixTable, totalsTable } from './table.js';

export function matrixMarkdown(m: Matrix, ctx: ReportContext): string {
  const { lang } = ctx;
  const data = matrixTable(m, lang);
  const totals = totalsTable(m, lang);
  const out = [`## ${label(lang, 'matrix.title')}: ${mdCell(m.file)}`, '', label(lang, 'tier.asOf', { date: m.asOf }), '', mdTable(data)];
  if (m.view !== 'person' && m.columns.length > 0) {
    out.push('', `### ${label(lang, 'matrix.sheet.totals')}`, '', mdTable({ header: totals.header, rows: totals.rows.map((r) => r.map((v, i) => (i === 7 && typeof v === 'number' ? fmtPercent(v, 0) : v))) }, ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r']));
  }
  return `${out.join('\n')}\n`;
}
