/** `kam tier` for the terminal: ranked table, per-tier summary, data problems; and `--explain`. */
import Table from 'cli-table3';
import { label } from '../i18n/labels.js';
import { findingCell, summarize } from '../model/finding.js';
import type { TierReport, TierRow } from '../scoring/score.js';
import { criterionScore } from '../scoring/methods.js';
import { tierLabel } from '../model/tier.js';
import { alignedTable } from './aligned.js';
import type { ReportContext } from './context.js';
import { findingMessage } from './findings.js';
import { fmtMoney, fmtPercent, fmtScore, fmtTrend, fmtValue } from './numbers.js';

const MAX_FINDINGS = 20;

/** The tier report as terminal text. */
export function tierText(report: TierReport, ctx: ReportContext): string {
  const { lang, color: c } = ctx;
  const out: string[] = [];
  const paren = (s: string): string => (lang === 'zh' ? `（${s}）` : ` (${s})`);
  const method = label(lang, `method.${report.method}`) + (report.method === 'weighted' ? paren(label(lang, `normalize.${report.normalize}`)) : '');
  out.push(c.bold(`${label(lang, 'tier.title')} · ${report.file} › ${report.sheet} · ${label(lang, 'tier.accounts', { n: report.accounts.length })} · ${method}`));
  out.push(c.dim(report.criteria.map((k) => `${k.header} ${fmtPercent(k.weight, 0)}${k.direction === 'cost' ? '↓' : ''}`).join(' · ')));
  const rows = ctx.limit !== undefined ? report.accounts.slice(0, ctx.limit) : report.accounts;
  const lines = rows.map((a) => [
      String(a.rank),
      a.name,
      fmtScore(a.score),
      tierCell(report, a, ctx),
      a.recordedTier ? tierLabel(report.tiers.find((t) => t.id === a.recordedTier), lang) : (a.recordedText ?? ''),
      movementCell(a, ctx),
      a.trend === null ? c.dim('—') : a.trend < 0 ? c.red(fmtTrend(a.trend)) : c.green(fmtTrend(a.trend)),
      topFactor(report, a),
    ]);
  out.push(
    alignedTable(
      ['rank', 'name', 'score', 'tier', 'recorded', 'movement', 'trend', 'factor'].map((k) => label(lang, k as 'rank')),
      lines,
      ['right', 'left', 'right', 'left', 'left', 'left', 'right', 'left'],
      (s) => c.bold(s),
    ),
  );
  if (rows.length < report.accounts.length) out.push(c.dim(label(lang, 'limit', { n: rows.length, total: report.accounts.length })));
  out.push('', c.bold(label(lang, 'summary.title')));
  const sum = new Table({
    head: ['tier', 'count', 'revenue', 'share'].map((k) => label(lang, k as 'tier')),
    style: { head: [], border: [], compact: true },
    colAligns: ['left', 'right', 'right', 'right'],
  });
  for (const s of report.summary) {
    sum.push([paint(report, s.tier, tierLabel(report.tiers.find((t) => t.id === s.tier), lang), ctx), String(s.count), fmtMoney(s.revenue), fmtPercent(s.revenueShare)]);
  }
  const total = report.summary.reduce((s, x) => s + x.revenue, 0);
  sum.push([label(lang, 'total'), String(report.accounts.length), fmtMoney(total), total > 0 ? fmtPercent(1) : '—']);
  out.push(sum.toString());
  if (report.findings.length > 0) out.push('', ...findingLines(report, ctx));
  return `${out.join('\n')}\n`;
}

/** Findings as `cell  message` lines, at most MAX_FINDINGS of them, with a count. */
export function findingLines(report: Pick<TierReport, 'findings'>, ctx: ReportContext): string[] {
  const { lang, color: c } = ctx;
  const out = [c.bold(label(lang, 'findings.title'))];
  for (const f of report.findings.slice(0, MAX_FINDINGS)) {
    const sev = f.severity === 'error' ? c.red('✖') : f.severity === 'warn' ? c.yellow('⚠') : c.blue('ℹ');
    out.push(`  ${sev} ${c.cyan(findingCell(f) ?? '')}  ${findingMessage(f, lang)}  ${c.dim(f.rule)}`);
  }
  if (report.findings.length > MAX_FINDINGS) out.push(c.dim(`  ${label(lang, 'findings.more', { n: report.findings.length - MAX_FINDINGS })}`));
  const counts = summarize(report.findings);
  out.push(c.dim(`  ${label(lang, 'findings.summary', counts)}`));
  return out;
}

function paint(report: TierReport, tierId: string, text: string, ctx: ReportContext): string {
  const i = report.tiers.findIndex((t) => t.id === tierId);
  if (i === 0) return ctx.color.magenta.bold(text);
  if (i === 1) return ctx.color.yellow(text);
  return text;
}

function tierCell(report: TierReport, a: TierRow, ctx: ReportContext): string {
  const name = paint(report, a.tier, tierLabel(report.tiers.find((t) => t.id === a.tier), ctx.lang), ctx);
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

/** The criterion that adds most to an account's score, with its points. */
export function topFactor(report: TierReport, a: TierRow): string {
  let best: { header: string; points: number } | undefined;
  for (const [j, k] of report.criteria.entries()) {
    const p = a.points[j] ?? 0;
    if (!best || p > best.points) best = { header: k.header, points: p };
  }
  return best && best.points > 0 ? `${best.header} ${fmtScore(best.points)}` : '—';
}

/** `--explain`: each criterion's raw value, normalised value, weight and points. */
export function explainText(report: TierReport, a: TierRow, ctx: ReportContext): string {
  const { lang, color: c } = ctx;
  const out = [c.bold(label(lang, 'explain.title', { name: a.id ? `${a.name} (${a.id})` : a.name }))];
  const normHead = report.method === 'scorecard' ? label(lang, 'explain.band') : report.method === 'abc' ? label(lang, 'explain.share') : label(lang, 'explain.normalized');
  const table = new Table({
    head: [label(lang, 'explain.criterion'), label(lang, 'explain.raw'), label(lang, 'explain.used'), normHead, label(lang, 'explain.weight'), label(lang, 'explain.points')],
    style: { head: [], border: [], compact: true },
    colAligns: ['left', 'right', 'right', 'right', 'right', 'right'],
  });
  report.criteria.forEach((k, j) => {
    const d = criterionScore(report.scored, a.index, j);
    table.push([
      `${k.header}${k.direction === 'cost' ? ' ↓' : ''}`,
      d.raw === undefined ? c.yellow(label(lang, 'explain.missing')) : fmtValue(d.raw),
      fmtValue(d.used),
      report.method === 'scorecard' ? fmtValue(d.normalized) : d.normalized.toFixed(4),
      fmtPercent(k.weight),
      fmtScore(d.points),
    ]);
  });
  table.push([c.bold(label(lang, 'explain.total')), '', '', '', '', c.bold(fmtScore(a.score))]);
  out.push(table.toString());
  const dist = report.scored.distances;
  if (dist) {
    out.push(`${label(lang, 'explain.splus')}: ${dist.plus[a.index]!.toFixed(6)}`);
    out.push(`${label(lang, 'explain.sminus')}: ${dist.minus[a.index]!.toFixed(6)}`);
    out.push(`${label(lang, 'explain.closeness')} = ${(a.score / 100).toFixed(6)}`);
  }
  const tierName = tierLabel(report.tiers.find((t) => t.id === a.tier), lang);
  let line = label(lang, 'explain.tier', { tier: tierName });
  if (a.pinned && a.computedTier !== a.tier) line += ` ${label(lang, 'explain.pinnedBy', { computed: tierLabel(report.tiers.find((t) => t.id === a.computedTier), lang) })}`;
  else if (a.promoted) line += ` ${label(lang, 'explain.promotedBy')}`;
  out.push(line);
  return `${out.join('\n')}\n`;
}
