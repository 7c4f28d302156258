/** Tier quotas (`top`) and thresholds (`minScore`): which tier each ranked account falls in. */
import type { TierDef } from '../model/tier.js';

/** How many accounts a `top` quota takes out of n: counts as given, percentages rounded half up, at least one. */
export function quotaCount(top: number | string, n: number): number {
  if (typeof top === 'number') return Math.min(top, n);
  const pct = Number(top.replace('%', '').trim());
  if (pct <= 0) return 0;
  const exact = (n * pct) / 100;
  return Math.min(n, Math.max(1, Math.floor(exact + 0.5 + 1e-9)));
}

/**
 * Tier index per account from scores, given accounts in rank order: each tier takes its quota (or
 * everyone at or above its minScore) from those left after the tiers above it; the last takes the rest.
 */
export function assignTiers(rankOrder: readonly number[], scores: ArrayLike<number>, tiers: readonly TierDef[]): number[] {
  const n = rankOrder.length;
  const out = new Array<number>(n).fill(tiers.length - 1);
  let next = 0;
  for (let t = 0; t < tiers.length - 1 && next < n; t++) {
    const tier = tiers[t]!;
    if (tier.top !== undefined) {
      const k = quotaCount(tier.top, n);
      for (let taken = 0; taken < k && next < n; taken++) out[rankOrder[next++]!] = t;
    } else if (tier.minScore !== undefined) {
      while (next < n && scores[rankOrder[next]!]! >= tier.minScore - 1e-9) out[rankOrder[next++]!] = t;
    }
  }
  return out;
}
