/** `kam tier --format json`: the stable shape of SPEC §8b. Numbers are not rounded. */
import type { TierReport, TierRow } from '../../scoring/score.js';
import { criterionScore } from '../../scoring/methods.js';

/**
 * One account of a tier report in the §8b shape, indented for its place in the array: what
 * JSON.stringify(…, null, 2) gives, written value by value (100,000 accounts: no object and no
 * re-indenting per account). `keys`: the criteria's names as JSON strings (a criterion named
 * "__proto__" stays a plain key).
 */
function tierAccountJson(a: TierReport['accounts'][number], keys: readonly string[]): string {
  const q = JSON.stringify;
  let s = `{\n      "rank": ${q(a.rank)},\n      "id": ${q(a.id ?? null)},\n      "name": ${q(a.name)},\n      "score": ${q(a.score)},\n      "tier": ${q(a.tier)},\n      "recordedTier": ${q(a.recordedTier ?? null)},\n      "pinned": ${q(a.pinned)},\n      "trend": ${q(a.trend)},\n      "contributions": {`;
  for (let j = 0; j < keys.length; j++) s += `${j === 0 ? '\n' : ',\n'}        ${keys[j]}: ${q(a.points[j] ?? 0)}`;
  return `${s}${keys.length > 0 ? '\n      ' : ''}}\n    }`;
}

/**
 * The §8b shape of a tier report, account by account: a 100,000-account report never has to be
 * one string in memory. The text is what JSON.stringify(…, null, 2) would give.
 */
export function* tierJson(report: TierReport): Generator<string> {
  if (report.explain !== undefined) {
    const a = report.accounts.find((x) => x.index === report.explain);
    if (a) {
      yield explainJson(report, a);
      return;
    }
  }
  const indent = (value: unknown, depth: number): string => JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);
  yield `{\n  "method": ${JSON.stringify(report.method)},\n  "accounts": [`;
  const keys = report.criteria.map((c) => JSON.stringify(c.column));
  for (let i = 0; i < report.accounts.length; i++) {
    yield `${i === 0 ? '' : ','}\n    ${tierAccountJson(report.accounts[i]!, keys)}`;
  }
  yield `${report.accounts.length > 0 ? '\n  ' : ''}],\n  "summary": ${indent(report.summary.map((s) => ({ tier: s.tier, count: s.count, revenue: s.revenue, revenueShare: s.revenueShare })), 1)}\n}\n`;
}

/**
 * `--explain --format json`: one account's score broken down, as the text shows it — each
 * criterion's raw value (null when missing, scored as the worst), the value used, its normalised
 * value (a band for scorecard, a share for abc), weight and points; for TOPSIS the distances.
 */
function explainJson(report: TierReport, a: TierRow): string {
  const dist = report.scored.distances;
  const out = {
    method: report.method,
    account: { rank: a.rank, id: a.id ?? null, name: a.name, score: a.score, tier: a.tier, computedTier: a.computedTier, recordedTier: a.recordedTier ?? null, pinned: a.pinned, promoted: a.promoted === true },
    criteria: report.criteria.map((k, j) => {
      const d = criterionScore(report.scored, a.index, j);
      return { criterion: k.column, header: k.header, direction: k.direction, raw: d.raw ?? null, used: d.used, normalized: d.normalized, weight: k.weight, points: d.points };
    }),
    ...(dist ? { topsis: { plus: dist.plus[a.index]!, minus: dist.minus[a.index]!, closeness: a.score / 100 } } : {}),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
