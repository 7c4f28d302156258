/** `kam tier --format json`: the stable shape of SPEC §8b. Numbers are not rounded. */
import type { TierReport } from '../../scoring/score.js';

/** One account of a tier report in the §8b shape, indented for its place in the array. */
function tierAccountJson(a: TierReport['accounts'][number], criteria: TierReport['criteria']): string {
  const head = JSON.stringify({ rank: a.rank, id: a.id ?? null, name: a.name, score: a.score, tier: a.tier, recordedTier: a.recordedTier ?? null, pinned: a.pinned, trend: a.trend }, null, 2);
  // Contributions are written key by key: a criterion named "__proto__" stays a plain key.
  const contributions = criteria.map((c, j) => `        ${JSON.stringify(c.column)}: ${JSON.stringify(a.points[j] ?? 0)}`).join(',\n');
  return `${head.slice(0, -2).replace(/\n/g, '\n    ')},\n      "contributions": {${contributions ? `\n${contributions}\n      ` : ''}}\n    }`;
}

/**
 * The §8b shape of a tier report, account by account: a 100,000-account report never has to be
 * one string in memory. The text is what JSON.stringify(…, null, 2) would give.
 */
export function* tierJson(report: TierReport): Generator<string> {
  const indent = (value: unknown, depth: number): string => JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);
  yield `{\n  "method": ${JSON.stringify(report.method)},\n  "accounts": [`;
  for (let i = 0; i < report.accounts.length; i++) {
    yield `${i === 0 ? '' : ','}\n    ${tierAccountJson(report.accounts[i]!, report.criteria)}`;
  }
  yield `${report.accounts.length > 0 ? '\n  ' : ''}],\n  "summary": ${indent(report.summary.map((s) => ({ tier: s.tier, count: s.count, revenue: s.revenue, revenueShare: s.revenueShare })), 1)}\n}\n`;
}
