/** `kam load` for the terminal: a bar per person, fairness per role, team totals, suggested moves. */
import Table from 'cli-table3';
import type { LoadReport } from '../../workload/report.js';
import type { LoadStatus } from '../../workload/load.js';
import type { ReportContext } from '../context.js';
import { alignedTable } from '../shared/aligned.js';
import { fmtPercent } from '../shared/numbers.js';
import { label } from '../../i18n/labels.js';
import { tierName } from '../../model/tier.js';
import { safeText } from '../../util/safe-text.js';

const BAR_WIDTH = 24;
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A horizontal bar of block characters: full width is the larger of 120% and the busiest person. */
export function bar(utilization: number, scale: number, width = BAR_WIDTH): string {
  const u = Number.isFinite(utilization) ? Math.max(0, utilization) : scale;
  const cells = Math.min(width, (u / scale) * width);
  const full = Math.floor(cells);
  const part = EIGHTHS[Math.round((cells - full) * 8)] ?? '';
  const text = '█'.repeat(full) + (full < width ? part : '');
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
  const { lang, color: c } = ctx;
  const t = report.thresholds;
  const out = [c.bold(`${label(lang, 'load.title')} · ${safeText(report.file)} · ${label(lang, 'tier.asOf', { date: report.asOf })}`)];
  out.push(c.dim(label(lang, 'load.thresholds', { over: fmtPercent(t.over, 0), high: fmtPercent(t.high, 0), idle: fmtPercent(t.idle, 0), target: fmtPercent(t.target, 0) })));
  const active = report.people.filter((p) => p.status !== 'inactive' && p.status !== 'unknown');
  const others = report.people.filter((p) => p.status === 'inactive' || p.status === 'unknown');
  const scale = Math.max(1.2, ...active.map((p) => (Number.isFinite(p.utilization) ? p.utilization : 0)));
  const rows = active.map((p) => [
    safeText(p.name),
    safeText(p.role ?? ''),
    safeText(p.department ?? ''),
    fmtHours(p.hours),
    String(p.capacity),
    paint(p.status, `${bar(p.utilization, scale)} ${fmtPercent(p.utilization, 0).padStart(5)} ${label(lang, `load.${p.status}`)}`, ctx),
    p.maxAccounts !== undefined ? `${p.accounts}/${p.maxAccounts}` : String(p.accounts),
    String(p.accountable),
  ]);
  const head = ['name.person', 'role', 'department', 'load.hours', 'load.capacity', 'load.utilization', 'load.accounts', 'load.accountable'].map((k) => label(lang, k as 'role'));
  out.push('', alignedTable(head, rows, ['left', 'left', 'left', 'right', 'right', 'left', 'right', 'right'], (s) => c.bold(s)));
  if (others.length > 0) {
    out.push('', c.bold(label(lang, 'load.apart')));
    for (const p of others) out.push(`  ${paint(p.status, label(lang, `load.${p.status}`), ctx)}  ${safeText(p.name)}  ${fmtHours(p.hours)} ${label(lang, 'load.perWeek')}`);
  }
  if (report.fairness.length > 0) {
    out.push('', c.bold(label(lang, 'load.fairness')));
    const table = new Table({
      head: ['role', 'load.people', 'load.mean', 'load.stdDev', 'load.maxMin'].map((k) => label(lang, k as 'role')),
      style: { head: [], border: [], compact: true },
      colAligns: ['left', 'right', 'right', 'right', 'right'],
    });
    for (const f of report.fairness) table.push([safeText(f.role), String(f.people), fmtPercent(f.mean, 0), fmtPercent(f.stdDev, 0), Number.isFinite(f.maxMinRatio) ? `${f.maxMinRatio.toFixed(1)}×` : '∞']);
    out.push(table.toString());
  }
  const tot = report.totals;
  out.push('', label(lang, 'load.totals', { people: tot.people, hours: fmtHours(tot.hours), capacity: tot.capacity, utilization: fmtPercent(tot.utilization, 0) }));
  if (report.suggestion) out.push('', ...suggestionLines(report, ctx));
  return `${out.join('\n')}\n`;
}

function suggestionLines(report: LoadReport, ctx: ReportContext): string[] {
  const { lang, color: c } = ctx;
  const s = report.suggestion!;
  const out = [c.bold(label(lang, 'load.suggestions'))];
  if (s.moves.length === 0 && s.unfixed.length === 0) out.push(`  ${c.green('✔')} ${label(lang, 'load.balanced')}`);
  s.moves.forEach((m, i) => {
    const tier = m.item.tier ? safeText(tierName(report.tiers, m.item.tier, lang)) : '';
    const facts = [tier, `${fmtHours(m.hours)} ${label(lang, 'load.perWeek')}`, label(lang, 'load.row', { row: m.item.assignment.row })].filter((x) => x !== '');
    const detail = lang === 'zh' ? `（${facts.join('，')}）` : ` (${facts.join(', ')})`;
    out.push(`  ${i + 1}. ${safeText(m.item.group.account?.name ?? m.item.group.accountText)} · ${safeText(m.item.assignment.task)}${detail}`);
    out.push(`     ${safeText(m.from.name)} ${fmtPercent(m.fromBefore, 0)} → ${fmtPercent(m.fromAfter, 0)}   ${c.green(safeText(m.to.name))} ${fmtPercent(m.toBefore, 0)} → ${fmtPercent(m.toAfter, 0)}`);
  });
  for (const u of s.unfixed) out.push(`  ${c.red('✖')} ${label(lang, 'load.unfixed', { name: u.person.name, utilization: fmtPercent(u.utilization, 0) })}: ${label(lang, `load.reason.${u.reason}`)}`);
  return out;
}
