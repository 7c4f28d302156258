/** `kam tier --explain`: each criterion's raw value, normalised value, weight and points for one account. */
import type { ReportContext } from '../context.js';
import type { TierReport, TierRow } from '../../scoring/score.js';
import { criterionScore } from '../../scoring/methods.js';
import { boxTable } from '../shared/box.js';
import { wrapLines, type Column } from '../shared/fit.js';
import { fmtPercent, fmtScore, fmtValue } from '../shared/numbers.js';
import { label } from '../../i18n/labels.js';
import { tierName } from '../../model/tier.js';
import { safeText } from '../../util/safe-text.js';

/** `--explain`: each criterion's raw value, normalised value, weight and points. */
export function explainText(report: TierReport, a: TierRow, ctx: ReportContext): string {
  const { lang, color: c, width } = ctx;
  const out = wrapLines(label(lang, 'explain.title', { name: a.id ? `${a.name} (${a.id})` : a.name }), width, (s) => c.bold(s));
  const normHead = report.method === 'scorecard' ? label(lang, 'explain.band') : report.method === 'abc' ? label(lang, 'explain.share') : label(lang, 'explain.normalized');
  const head = [label(lang, 'explain.criterion'), label(lang, 'explain.raw'), label(lang, 'explain.used'), normHead, label(lang, 'explain.weight'), label(lang, 'explain.points')];
  const rows = report.criteria.map((k, j) => {
    const d = criterionScore(report.scored, a.index, j);
    return [
      `${safeText(k.header)}${k.direction === 'cost' ? ' ↓' : ''}`,
      d.raw === undefined ? c.yellow(label(lang, 'explain.missing')) : fmtValue(d.raw),
      fmtValue(d.used),
      report.method === 'scorecard' ? fmtValue(d.normalized) : d.normalized.toFixed(4),
      fmtPercent(k.weight),
      fmtScore(d.points),
    ];
  });
  rows.push([c.bold(label(lang, 'explain.total')), '', '', '', '', c.bold(fmtScore(a.score))]);
  // Only the criterion's name gives way to the width: the numbers are the point.
  const columns: Column[] = [{ align: 'left', give: 1 }, ...head.slice(1).map((): Column => ({ align: 'right' }))];
  out.push(boxTable(head, rows, columns, width));
  const dist = report.scored.distances;
  if (dist) {
    out.push(`${label(lang, 'explain.splus')}: ${dist.plus[a.index]!.toFixed(6)}`);
    out.push(`${label(lang, 'explain.sminus')}: ${dist.minus[a.index]!.toFixed(6)}`);
    out.push(`${label(lang, 'explain.closeness')} = ${(a.score / 100).toFixed(6)}`);
  }
  let line = label(lang, 'explain.tier', { tier: tierName(report.tiers, a.tier, lang) });
  if (a.pinned && a.computedTier !== a.tier) line += ` ${label(lang, 'explain.pinnedBy', { computed: tierName(report.tiers, a.computedTier, lang) })}`;
  else if (a.promoted) line += ` ${label(lang, 'explain.promotedBy')}`;
  out.push(...wrapLines(line, width));
  return `${out.join('\n')}\n`;
}
