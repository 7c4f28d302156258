/** `kam load --format markdown`: the people table, then the suggested moves. */
import type { LoadReport } from '../../workload/report.js';
import type { ReportContext } from '../context.js';
import { fmtPercent } from '../shared/numbers.js';
import { label } from '../../i18n/labels.js';
import { loadTable, unresolvedLines } from './table.js';
import { mdCell, mdTable } from '../shared/markdown.js';

/** `load` as markdown: the people table, then the suggested moves. */
export function loadMarkdown(report: LoadReport, ctx: ReportContext): string {
  const { lang } = ctx;
  const data = loadTable(report, lang);
  const out = [`## ${label(lang, 'load.title')}: ${mdCell(report.file)}`, '', mdTable({ header: data.header, rows: data.rows.map((r) => r.map((v, i) => (i === 5 && typeof v === 'number' ? fmtPercent(v, 0) : typeof v === 'number' ? Number(v.toFixed(2)) : v))) }, ['l', 'l', 'l', 'r', 'r', 'r', 'l', 'r', 'r'])];
  const moves = report.suggestion?.moves ?? [];
  if (report.suggestion) {
    out.push('', `### ${label(lang, 'load.suggestions')}`, '');
    if (moves.length === 0 && report.suggestion.unfixed.length === 0) out.push(label(lang, 'load.balanced'));
    if (moves.length > 0) out.push(mdTable({ header: ['#', label(lang, 'report.work'), label(lang, 'load.hours'), label(lang, 'report.from'), label(lang, 'report.to')], rows: moves.map((m, i) => [i + 1, `${m.item.group.account?.name ?? m.item.group.accountText} · ${m.item.assignment.task}`, m.hours.toFixed(2), `${m.from.name} ${fmtPercent(m.fromBefore, 0)} → ${fmtPercent(m.fromAfter, 0)}`, `${m.to.name} ${fmtPercent(m.toBefore, 0)} → ${fmtPercent(m.toAfter, 0)}`]) }));
    // Who stays over, and why: said as the text says it.
    for (const line of unresolvedLines(report, lang)) out.push('', `- ${mdCell(line)}`);
  }
  return `${out.join('\n')}\n`;
}
