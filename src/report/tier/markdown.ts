/** `kam tier --format markdown`: the ranked table and the per-tier summary. */
import type { ReportContext } from '../context.js';
import type { TierReport } from '../../scoring/score.js';
import { findingCell } from '../../model/finding.js';
import { findingMessage } from '../shared/findings.js';
import { fmtMoney, fmtPercent, fmtScore, fmtTrend } from '../shared/numbers.js';
import { label } from '../../i18n/labels.js';
import { mdCell, mdTable } from '../shared/markdown.js';
import { tierName } from '../../model/tier.js';
import { revenueGapLine, topFactor } from './table.js';

/** The ranked table, the per-tier summary and the first data problems as markdown. */
export function tierMarkdown(report: TierReport, ctx: ReportContext): string {
  const { lang } = ctx;
  const name = (id: string | undefined): string => (id ? tierName(report.tiers, id, lang) : '');
  const rows = ctx.limit !== undefined ? report.accounts.slice(0, ctx.limit) : report.accounts;
  const out = [`## ${label(lang, 'tier.title')}: ${mdCell(report.file)}`, ''];
  out.push(
    mdTable(
      {
        header: ['rank', 'name', 'score', 'tier', 'recorded', 'movement', 'trend', 'factor'].map((k) => label(lang, k as 'rank')),
        rows: rows.map((a) => [
          a.rank,
          a.name,
          fmtScore(a.score),
          name(a.tier) + (a.pinned ? ` (${label(lang, 'pinned')})` : a.promoted ? ` (${label(lang, 'promoted')})` : ''),
          a.recordedTier ? name(a.recordedTier) : (a.recordedText ?? ''),
          a.movement === 'new' ? label(lang, 'new') : a.movement,
          fmtTrend(a.trend),
          topFactor(report, a),
        ]),
      },
      ['r', 'l', 'r', 'l', 'l', 'l', 'r', 'l'],
    ),
  );
  if (rows.length < report.accounts.length) out.push('', `_${label(lang, 'limit', { n: rows.length, total: report.accounts.length })}_`);
  out.push('', `### ${label(lang, 'summary.title')}`, '');
  out.push(
    mdTable(
      {
        header: ['tier', 'count', 'revenue', 'share'].map((k) => label(lang, k as 'tier')),
        rows: report.summary.map((s) => [name(s.tier), s.count, fmtMoney(s.revenue), fmtPercent(s.revenueShare)]),
      },
      ['l', 'r', 'r', 'r'],
    ),
  );
  const gap = revenueGapLine(report, lang);
  if (gap) out.push('', `_${gap}_`);
  if (report.findings.length > 0) {
    out.push('', `### ${label(lang, 'findings.title')}`, '');
    out.push(mdTable({ header: ['', 'cell', 'rule', 'message'], rows: report.findings.slice(0, 50).map((f) => [f.severity, findingCell(f) ?? '', f.rule, findingMessage(f, lang)]) }));
  }
  return `${out.join('\n')}\n`;
}
