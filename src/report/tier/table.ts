/** The tier report as plain tables (CSV, XLSX, markdown), and the factor that adds most to a score. */
import type { Lang } from '../../model/lang.js';
import type { SheetData } from '../../model/sheet-data.js';
import type { TierReport, TierRow } from '../../scoring/score.js';
import { fmtScore } from '../shared/numbers.js';
import { label } from '../../i18n/labels.js';
import { tierName } from '../../model/tier.js';

const MOVE_WORD = { '↑': 'move.up', '↓': 'move.down', '=': 'move.same', new: 'new' } as const;

/** One row per account in rank order; a column of points per criterion. */
export function tierTable(report: TierReport, lang: Lang): SheetData {
  const name = (id: string | undefined): string => tierName(report.tiers, id, lang);
  return {
    name: label(lang, 'tier.title'),
    header: [
      label(lang, 'rank'),
      label(lang, 'id'),
      label(lang, 'name'),
      label(lang, 'score'),
      label(lang, 'tier'),
      label(lang, 'recorded'),
      label(lang, 'movement'),
      label(lang, 'pinnedColumn'),
      label(lang, 'trend'),
      // The points a criterion gives, headed so (under its own header alone, a column of 100, 37.5, 0 read as revenue).
      ...report.criteria.map((k) => `${k.header}${label(lang, 'pointsSuffix')}`),
    ],
    rows: report.accounts.map((a) => [
      a.rank,
      a.id ?? '',
      a.name,
      a.score,
      name(a.tier),
      a.recordedTier ? name(a.recordedTier) : (a.recordedText ?? ''),
      // Words, not ↑ ↓ =: a bare `=` is a formula trigger that CSV output would have to quote.
      label(lang, MOVE_WORD[a.movement]),
      a.pinned,
      a.trend,
      ...report.criteria.map((_k, j) => a.points[j] ?? 0),
    ]),
    formats: [undefined, undefined, undefined, '0.00', undefined, undefined, undefined, undefined, '0.0%', ...report.criteria.map(() => '0.00')],
  };
}

/** The per-tier summary as a table. */
export function tierSummaryTable(report: TierReport, lang: Lang): SheetData {
  return {
    name: label(lang, 'summary.title'),
    header: [label(lang, 'tier'), label(lang, 'count'), label(lang, 'revenue'), label(lang, 'share')],
    rows: report.summary.map((s) => [tierName(report.tiers, s.tier, lang), s.count, s.revenue, s.revenueShare]),
    formats: [undefined, undefined, '#,##0', '0.0%'],
  };
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

/** The line under the per-tier sums when accounts have no revenue read (see TierReport.revenueMissing); undefined when all have one. */
export function revenueGapLine(report: TierReport, lang: Lang): string | undefined {
  const gap = report.revenueMissing;
  if (!gap) return undefined;
  const args = { n: gap.count, total: report.accounts.length, cell: gap.unreadable ?? '' };
  return label(lang, gap.unreadable ? 'summary.noRevenue#unreadable' : 'summary.noRevenue', args);
}
