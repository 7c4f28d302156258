/** `kam tier --explain`: each criterion's raw value, normalised value, weight and points for one account. */
import Table from 'cli-table3';
import type { ReportContext } from '../context.js';
import type { TierReport, TierRow } from '../../scoring/score.js';
import { criterionScore } from '../../scoring/methods.js';
import { fmtPercent, fmtScore, fmtValue } from '../shared/numbers.js';
import { label } from '../../i18n/labels.js';
import { tierName } from '../../model/tier.js';
import { safeText } from '../../util/safe-text.js';

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
      `${safeText(k.header)}${k.direction === 'cost' ? ' ↓' : ''}`,
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
  let line = label(lang, 'explain.tier', { tier: tierName(report.tiers, a.tier, lang) });
  if (a.pinned && a.computedTier !== a.tier) line += ` ${label(lang, 'explain.pinnedBy', { computed: tierName(report.tiers, a.computedTier, lang) })}`;
  else if (a.promoted) line += ` ${label(lang, 'explain.promotedBy')}`;
  out.push(line);
  return `${out.join('\n')}\n`;
}
