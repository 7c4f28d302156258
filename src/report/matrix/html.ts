/**
 * `kam matrix -o raci.html`: one self-contained page — inline CSS, coloured cells, a legend, a
 * header row and first column that stay in view while scrolling; no script, no font, no image, no
 * network (a Content-Security-Policy says so to the browser).
 */
import type { Value } from '../../model/sheet-data.js';
import type { Matrix } from '../../matrix/build.js';
import { label, type LabelKey } from '../../i18n/labels.js';
import type { ReportContext } from '../context.js';
import { fmtPercent } from '../shared/numbers.js';
import { escapeHtml, pageHead } from '../shared/html.js';
import { activityCount, matrixTable, rowFlags, totalsTable } from './table.js';


const CSS = `
body { font: 14px/1.45 system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; margin: 1.5rem; color: #1f2328; }
h1 { font-size: 1.35rem; margin: 0 0 .25rem; } h2 { font-size: 1.1rem; margin: 1.75rem 0 .5rem; }
p.meta { color: #57606a; margin: 0 0 1rem; }
.scroll { overflow: auto; max-height: 80vh; border: 1px solid #d0d7de; }
table { border-collapse: separate; border-spacing: 0; }
th, td { border-right: 1px solid #d0d7de; border-bottom: 1px solid #d0d7de; padding: .25rem .5rem; white-space: nowrap; text-align: left; }
thead th { position: sticky; top: 0; background: #f6f8fa; z-index: 2; }
tbody th { position: sticky; left: 0; background: #fff; z-index: 1; font-weight: normal; }
thead th:first-child { left: 0; z-index: 3; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
td.L { text-align: center; font-weight: 600; }
.A { background: #ffd7d5; } .R { background: #d1f0d7; } .C { background: #d6e8fa; } .I { background: #eceef1; }
td.bad { background: #ffebe9; color: #a40e26; font-weight: 600; }
td.rules { color: #a40e26; }
@media print { .scroll { overflow: visible; max-height: none; border: 0; } thead th, tbody th { position: static; } }
`;

const cell = (v: Value): string => escapeHtml(v === null || v === undefined ? '' : String(v));

export function matrixHtml(m: Matrix, ctx: ReportContext): string {
  const { lang } = ctx;
  const L = (k: LabelKey, p: Record<string, string | number> = {}): string => escapeHtml(label(lang, k, p));
  const data = matrixTable(m, lang);
  const out: string[] = [
    ...pageHead(lang, `${label(lang, 'matrix.title')} · ${m.file}`, CSS),
    `<h1>${L('matrix.title')}</h1>`,
    `<p class="meta">${escapeHtml(m.file)} · ${L('tier.asOf', { date: m.asOf })} · ${L('matrix.summary', { rows: activityCount(m), columns: m.columns.length })}</p>`,
    '<div class="scroll"><table>',
    `<thead><tr>${data.header.map((h) => `<th scope="col">${cell(h)}</th>`).join('')}</tr></thead>`,
    '<tbody>',
  ];
  const letterColumns = m.view === 'account' ? new Set(data.header.map((_, i) => i).filter((i) => i >= 4 && i < 4 + m.columns.length)) : m.view === 'person' ? new Set([5]) : new Set<number>();
  data.rows.forEach((row, i) => {
    const r = m.view === 'account' ? m.rows[i] : undefined;
    const flags = r ? rowFlags(m, r) : undefined;
    const tds = row.map((v, c) => {
      if (c === 0) return `<th scope="row">${cell(v)}</th>`;
      if (letterColumns.has(c)) {
        const text = String(v ?? '');
        const cls = text === '' ? '' : ` ${text.split('/')[0]}`;
        return `<td class="L${cls}">${cell(text)}</td>`;
      }
      if (r && flags && (c === row.length - 3 || c === row.length - 2)) {
        const bad = c === row.length - 3 ? flags.a : flags.r;
        return `<td class="n${bad ? ' bad' : ''}"${bad ? ` title="${escapeHtml(r.rules.join(' '))}"` : ''}>${cell(v)}</td>`;
      }
      if (r && c === row.length - 1) return `<td class="rules">${cell(v)}</td>`;
      return `<td${typeof v === 'number' ? ' class="n"' : ''}>${cell(v)}</td>`;
    });
    out.push(`<tr>${tds.join('')}</tr>`);
  });
  out.push('</tbody></table></div>');
  if (m.view !== 'person' && m.columns.length > 0) {
    const totals = totalsTable(m, lang);
    out.push(`<h2>${L('matrix.sheet.totals')}</h2>`, '<div class="scroll"><table>', `<thead><tr>${totals.header.map((h) => `<th scope="col">${cell(h)}</th>`).join('')}</tr></thead>`, '<tbody>');
    for (const row of totals.rows) {
      out.push(`<tr>${row.map((v, c) => (c === 0 ? `<th scope="row">${cell(v)}</th>` : `<td class="n">${c === 7 && typeof v === 'number' ? escapeHtml(fmtPercent(v, 0)) : cell(v)}</td>`)).join('')}</tr>`);
    }
    out.push('</tbody></table></div>');
  }
  out.push(`<h2>${L('matrix.sheet.legend')}</h2>`, '<table><tbody>');
  for (const code of ['R', 'A', 'C', 'I', 'A/R'] as const) out.push(`<tr><td class="L ${code.split('/')[0]}">${code}</td><td>${L(`matrix.legend.${code}`)}</td></tr>`);
  out.push(`<tr><td class="n">#A</td><td>${L('matrix.legend.a')}</td></tr>`, `<tr><td class="n">#R</td><td>${L('matrix.legend.r', { max: m.maxResponsible })}</td></tr>`);
  out.push('</tbody></table>', '</body>', '</html>', '');
  return out.join('\n');
}
