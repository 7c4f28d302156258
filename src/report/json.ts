/** `--format json`: the documented, stable interface of SPEC §8b. Numbers are not rounded. */
import type { Result } from './index.js';
import type { TierReport } from '../scoring/run.js';

/** The §8b shape of a tier report. */
export function tierJson(report: TierReport): unknown {
  return {
    method: report.method,
    accounts: report.accounts.map((a) => ({
      rank: a.rank,
      id: a.id ?? null,
      name: a.name,
      score: a.score,
      tier: a.tier,
      recordedTier: a.recordedTier ?? null,
      pinned: a.pinned,
      trend: a.trend,
      contributions: { ...a.contributions },
    })),
    summary: report.summary.map((s) => ({ tier: s.tier, count: s.count, revenue: s.revenue, revenueShare: s.revenueShare })),
  };
}

/** Any result as JSON text. */
export function json(result: Result): string {
  switch (result.kind) {
    case 'tier':
      return `${JSON.stringify(tierJson(result), null, 2)}\n`;
    case 'config':
      return `${JSON.stringify(result.value, null, 2)}\n`;
  }
}
