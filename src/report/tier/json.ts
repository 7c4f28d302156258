/** `kam tier --format json`: the stable shape of SPEC §8b. Numbers are not rounded. */
import type { TierReport } from '../../scoring/score.js';

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
  const indent = (value: unknown, depth: number): string => JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);
  yield `{\n  "method": ${JSON.stringify(report.method)},\n  "accounts": [`;
  const keys = report.criteria.map((c) => JSON.stringify(c.column));
  for (let i = 0; i < report.accounts.length; i++) {
    yield `${i === 0 ? '' : ','}\n    ${tierAccountJson(report.accounts[i]!, keys)}`;
  }
  yield `${report.accounts.length > 0 ? '\n  ' : ''}],\n  "summary": ${indent(report.summary.map((s) => ({ tier: s.tier, count: s.count, revenue: s.revenue, revenueShare: s.revenueShare })), 1)}\n}\n`;
}
