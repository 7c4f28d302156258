/** `kam tier` for the terminal: ranked table, per-tier summary, data problems; `--explain` shows one account. */
import type { ReportContext } from '../context.js';
import type { TierReport, TierRow } from '../../scoring/score.js';
import { alignedTable } from '../shared/aligned.js';
import { boxTable } from '../shared/box.js';
import { cutKeepingLast, joinFitting, wrapLines, type Column } from '../shared/fit.js';
import { explainText } from './explain.js';
import { findingLines } from '../shared/findings.js';
import { fmtMoney, fmtPercent, fmtScore, fmtTrend } from '../shared/numbers.js';
import { label } from '../../i18n/labels.js';
import { tierName } from '../../model/tier.js';
import { revenueGapLine, topFactor } from './table.js';
import { safeText } from '../../util/safe-text.js';
import { displayWidth } from '../../util/width.js';

/** The tier report as terminal text. */
export function tierText(report: TierReport, ctx: ReportContext): string {
  if (report.explain !== undefined) {
    const a = report.accounts.find((x) => x.index === report.explain);
    if (a) return explainText(report, a, ctx);
  }
  const { lang, color: c, width } = ctx;
  const out: string[] = [];
  const paren = (s: string): string => (lang === 'zh' ? `（${s}）` : ` (${s})`);
  const method = label(lang, `method.${report.method}`) + (report.method === 'weighted' ? paren(label(lang, `normalize.${report.normalize}`)) : '');
  const title = [label(lang, 'tier.title'), `${safeText(report.file)} › ${safeText(report.sheet)}`, label(lang, 'tier.accounts', { n: report.accounts.length }), method];
  out.push(...joinFitting(title, ' · ', width).map((l) => c.bold(l)));
  const criteria = report.criteria.map((k) => `${safeText(k.header)} ${fmtPercent(k.weight, 0)}${k.direction === 'cost' ? '↓' : ''}`);
  out.push(...joinFitting(criteria, ' · ', width).map((l) => c.dim(l)));
  const rows = ctx.limit !== undefined ? report.accounts.slice(0, ctx.limit) : report.accounts;
  const lines = rows.map((a) => [
      String(a.rank),
      safeText(a.name),
      fmtScore(a.score),
      tierCell(report, a, ctx),
      safeText(a.recordedTier ? tierName(report.tiers, a.recordedTier, lang) : (a.recordedText ?? '')),
      movementCell(a, ctx),
      a.trend === null ? c.dim('—') : a.trend < 0 ? c.red(fmtTrend(a.trend)) : c.green(fmtTrend(a.trend)),
      safeText(topFactor(report, a)),
    ]);
  const head = ['rank', 'name', 'score', 'tier', 'recorded', 'movement', 'trend', 'factor'].map((k) => label(lang, k as 'rank'));
  // Too wide: the top factor gives way first (its points kept), then the name and a recorded text
  // that is no tier name, then the tier's (pinned) note, down to `Strategic…`; tier names, rank,
  // score, movement and trend are never cut.
  const tierWidth = Math.max(...report.tiers.map((t) => displayWidth(safeText(tierName(report.tiers, t.id, lang)))));
  const columns: Column[] = [
    { align: 'right' },
    { align: 'left', give: 2, min: 8 },
    { align: 'right' },
    { align: 'left', give: 3, min: tierWidth + 2 },
    { align: 'left', give: 2, min: tierWidth },
    { align: 'left' },
    { align: 'right' },
    { align: 'left', give: 1, min: 8, cut: cutKeepingLast },
  ];
  out.push(alignedTable(head, lines, columns, width, (s) => c.bold(s)));
  if (rows.length < report.accounts.length) out.push(...wrapLines(label(lang, 'limit', { n: rows.length, total: report.accounts.length }), width, (s) => c.dim(s)));
  out.push('', c.bold(label(lang, 'summary.title')));
  const summary = report.summary.map((s) => [paint(report, s.tier, safeText(tierName(report.tiers, s.tier, lang)), ctx), String(s.count), fmtMoney(s.revenue), fmtPercent(s.revenueShare)]);
  const total = report.summary.reduce((s, x) => s + x.revenue, 0);
  summary.push([label(lang, 'total'), String(report.accounts.length), fmtMoney(total), total > 0 ? fmtPercent(1) : '—']);
  const sumHead = ['tier', 'count', 'revenue', 'share'].map((k) => label(lang, k as 'tier'));
  out.push(boxTable(sumHead, summary, [{ align: 'left', give: 1 }, { align: 'right' }, { align: 'right' }, { align: 'right' }], width));
  const gap = revenueGapLine(report, lang);
  if (gap) out.push(...wrapLines(gap, width, (s) => c.dim(s)));
  if (report.findings.length > 0) out.push('', ...findingLines(report, ctx));
  return `${out.join('\n')}\n`;
}

function paint(report: TierReport, tierId: string, text: string, ctx: ReportContext): string {
  const i = report.tiers.findIndex((t) => t.id === tierId);
  if (i === 0) return ctx.color.magenta.bold(text);
  if (i === 1) return ctx.color.yellow(text);
  return text;
}

function tierCell(report: TierReport, a: TierRow, ctx: ReportContext): string {
  const name = paint(report, a.tier, safeText(tierName(report.tiers, a.tier, ctx.lang)), ctx);
  if (a.pinned) return `${name} ${ctx.color.dim(`(${label(ctx.lang, 'pinned')})`)}`;
  if (a.promoted) return `${name} ${ctx.color.dim(`(${label(ctx.lang, 'promoted')})`)}`;
  return name;
}

function movementCell(a: TierRow, ctx: ReportContext): string {
  if (a.movement === 'new') return ctx.color.dim(label(ctx.lang, 'new'));
  if (a.movement === '↑') return ctx.color.green('↑');
  if (a.movement === '↓') return ctx.color.red('↓');
  return '=';
}
