/** `kam load` for the terminal: a bar per person, fairness per role, team totals, suggested moves. */
import type { LoadReport } from '../../workload/report.js';
import type { LoadStatus } from '../../workload/load.js';
import type { ReportContext } from '../context.js';
import { alignedTable, tableWidth } from '../shared/aligned.js';
import { boxTable } from '../shared/box.js';
import { cutTo, joinFitting, shrinkWidths, wrapAfter, wrapLines, type Column } from '../shared/fit.js';
import { fmtPercent } from '../shared/numbers.js';
import { label } from '../../i18n/labels.js';
import { unresolvedLines } from './table.js';
import { tierName } from '../../model/tier.js';
import { safeText } from '../../util/safe-text.js';
import { displayWidth, truncate } from '../../util/width.js';

const BAR_WIDTH = 24;
/** The narrowest a bar gets to fit the width: eight cells, each 15% of the usual 120% scale. */
const BAR_MIN = 8;
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A horizontal bar of block characters: full width is the larger of 120% and the busiest person. */
export function bar(utilization: number, scale: number, width = BAR_WIDTH): string {
  const u = Number.isFinite(utilization) ? Math.max(0, utilization) : scale;
  // In eighths of a cell, rounded: 7.6 eighths is a full cell, not an empty one.
  const eighths = Math.round(Math.min(width, (u / scale) * width) * 8);
  const full = Math.floor(eighths / 8);
  const text = '█'.repeat(full) + (EIGHTHS[eighths % 8] ?? '');
  return text + ' '.repeat(Math.max(0, width - [...text].length));
}

function paint(status: LoadStatus, text: string, ctx: ReportContext): string {
  const c = ctx.color;
  switch (status) {
    case 'over':
      return c.red.bold(text);
    case 'high':
      return c.yellow(text);
    case 'ok':
      return c.green(text);
    case 'idle':
      return c.blue(text);
    default:
      return c.dim(text);
  }
}

const fmtHours = (h: number): string => h.toFixed(2);

/** The load report as terminal text. */
export function loadText(report: LoadReport, ctx: ReportContext): string {
  const { lang, color: c, width } = ctx;
  const t = report.thresholds;
  const out = joinFitting([label(lang, 'load.title'), safeText(report.file), label(lang, 'tier.asOf', { date: report.asOf })], ' · ', width).map((l) => c.bold(l));
  out.push(...wrapLines(label(lang, 'load.thresholds', { over: fmtPercent(t.over, 0), high: fmtPercent(t.high, 0), idle: fmtPercent(t.idle, 0), target: fmtPercent(t.target, 0) }), width, (s) => c.dim(s)));
  const active = report.people.filter((p) => p.status !== 'inactive' && p.status !== 'unknown');
  // Listed apart as work to hand over: people the staff sheet lacks, and those no longer 在职 who still
  // hold something (found by a new user: one whose only row was 已取消 was listed at 0.00 h).
  const others = report.people.filter((p) => p.status === 'unknown' || (p.status === 'inactive' && (p.hours > 0 || p.accounts > 0 || p.accountable > 0 || p.letters > 0)));
  const scale = Math.max(1.2, ...active.map((p) => (Number.isFinite(p.utilization) ? p.utilization : 0)));
  const rowsWith = (barWidth: number): string[][] =>
    active.map((p) => [
      safeText(p.name),
      safeText(p.role ?? ''),
      safeText(p.department ?? ''),
      fmtHours(p.hours),
      String(p.capacity),
      paint(p.status, `${bar(p.utilization, scale, barWidth)} ${fmtPercent(p.utilization, 0).padStart(5)} ${label(lang, `load.${p.status}`)}`, ctx),
      p.maxAccounts !== undefined ? `${p.accounts}/${p.maxAccounts}` : String(p.accounts),
      String(p.accountable),
    ]);
  const head = ['name.person', 'role', 'department', 'load.hours', 'load.capacity', 'load.utilization', 'load.accounts', 'load.accountable'].map((k) => label(lang, k as 'role'));
  // Too wide: the bars give way first (down to BAR_MIN), then role and department, then names.
  let rows = rowsWith(BAR_WIDTH);
  const excess = width === undefined ? 0 : tableWidth(head, rows) - width;
  if (excess > 0) rows = rowsWith(Math.max(BAR_MIN, BAR_WIDTH - excess));
  const columns: Column[] = [
    { align: 'left', give: 2 },
    { align: 'left', give: 1 },
    { align: 'left', give: 1 },
    { align: 'right' },
    { align: 'right' },
    { align: 'left' },
    { align: 'right' },
    { align: 'right' },
  ];
  out.push('', alignedTable(head, rows, columns, width, (s) => c.bold(s)));
  if (others.length > 0) {
    out.push('', ...wrapLines(label(lang, 'load.apart'), width, (s) => c.bold(s)));
    for (const p of others) {
      const status = label(lang, `load.${p.status}`);
      const hours = `${fmtHours(p.hours)} ${label(lang, 'load.perWeek')}`;
      const name = cutTo(safeText(p.name), width, displayWidth(`  ${status}  `) + displayWidth(`  ${hours}`));
      out.push(`  ${paint(p.status, status, ctx)}  ${name}  ${hours}`);
    }
  }
  if (report.fairness.length > 0) {
    out.push('', c.bold(label(lang, 'load.fairness')));
    const fairHead = ['role', 'load.people', 'load.mean', 'load.stdDev', 'load.maxMin'].map((k) => label(lang, k as 'role'));
    const fairRows = report.fairness.map((f) => [safeText(f.role), String(f.people), fmtPercent(f.mean, 0), fmtPercent(f.stdDev, 0), Number.isFinite(f.maxMinRatio) ? `${f.maxMinRatio.toFixed(1)}×` : '∞']);
    out.push(boxTable(fairHead, fairRows, [{ align: 'left', give: 1 }, { align: 'right' }, { align: 'right' }, { align: 'right' }, { align: 'right' }], width));
  }
  const tot = report.totals;
  out.push('', ...wrapLines(label(lang, 'load.totals', { people: tot.people, hours: fmtHours(tot.hours), capacity: tot.capacity, utilization: fmtPercent(tot.utilization, 0) }), width));
  if (report.suggestion) out.push('', ...suggestionLines(report, ctx));
  return `${out.join('\n')}\n`;
}

function suggestionLines(report: LoadReport, ctx: ReportContext): string[] {
  const { lang, color: c, width } = ctx;
  const s = report.suggestion!;
  const out = [c.bold(label(lang, 'load.suggestions'))];
  if (s.moves.length === 0 && s.unfixed.length === 0) out.push(`  ${c.green('✔')} ${label(lang, 'load.balanced')}`);
  s.moves.forEach((m, i) => {
    const tier = m.item.tier ? safeText(tierName(report.tiers, m.item.tier, lang)) : '';
    const facts = [tier, `${fmtHours(m.hours)} ${label(lang, 'load.perWeek')}`, label(lang, 'load.row', { row: m.item.assignment.row })].filter((x) => x !== '');
    const detail = lang === 'zh' ? `（${facts.join('，')}）` : ` (${facts.join(', ')})`;
    const lead = `  ${i + 1}. `;
    // The account and the task, then the two people, share what the numbers leave of the line.
    const [account, task] = fitNames([safeText(m.item.group.account?.name ?? m.item.group.accountText), safeText(m.item.assignment.task)], width, displayWidth(`${lead} · ${detail}`));
    out.push(`${lead}${account} · ${task}${detail}`);
    const from = ` ${fmtPercent(m.fromBefore, 0)} → ${fmtPercent(m.fromAfter, 0)}   `;
    const to = ` ${fmtPercent(m.toBefore, 0)} → ${fmtPercent(m.toAfter, 0)}`;
    const [fromName, toName] = fitNames([safeText(m.from.name), safeText(m.to.name)], width, displayWidth(`     ${from}${to}`));
    out.push(`     ${fromName}${from}${c.green(toName!)}${to}`);
  });
  for (const line of unresolvedLines(report, lang)) out.push(...wrapAfter(`  ${c.red('✖')} `, line, width, { indent: 4 }));
  return out;
}

/** Names on one line cut so that, with `fixed` columns of other text, the line fits the width. */
function fitNames(names: string[], width: number | undefined, fixed: number): string[] {
  if (width === undefined) return names;
  const widths = shrinkWidths(names.map((n) => displayWidth(n)), names.map(() => ({ give: 1 })), width - fixed);
  return names.map((n, i) => truncate(n, widths[i]!));
}
