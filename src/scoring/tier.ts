/** Scores and tiers accounts: method, quotas, promotion, pinned tiers, movement and trend. */
import { scoreAbc, scoreScorecard, scoreTopsis, scoreWeighted, type CriterionInput, type MethodResult } from './methods.js';
import { type TierDef } from '../model/tier.js';
import { compareText, orderByKeyDesc } from '../util/compare.js';
import { assignTiers } from './quotas.js';

export type Movement = '↑' | '↓' | '=' | 'new';

export interface TierAccountInput {
  name: string;
  id?: string;
  /** The recorded tier's id, when the sheet has one kam recognises. */
  recordedTier?: string;
  /** The pinned tier's id (`tier_override`). */
  pinnedTier?: string;
  /** Annual revenue in yuan, for the per-tier summary. */
  revenue?: number;
  /** Revenue per period, oldest first, for the trend. */
  periods: readonly (number | undefined)[];
}

export interface PromotionInput {
  tier: string;
  min: number;
  /** The promotion column's value per account. */
  values: readonly (number | undefined)[];
}

export interface TierOptions {
  method: 'weighted' | 'scorecard' | 'topsis' | 'abc';
  normalize: 'minmax' | 'rank';
  tiers: readonly TierDef[];
  /** Criteria with weights normalised to sum 1 (for abc: the one column, weight 1). */
  criteria: readonly CriterionInput[];
  cutoffs?: readonly number[];
  promote?: readonly PromotionInput[];
}

export interface TieredAccount {
  /** Index into the input accounts. */
  index: number;
  rank: number;
  name: string;
  id?: string;
  score: number;
  /** The final tier: pinned, else promoted, else by score. */
  tier: string;
  /** The tier from the score (and promotion rules), before any pin. */
  computedTier: string;
  recordedTier?: string;
  pinned: boolean;
  promoted: boolean;
  movement: Movement;
  trend: number | null;
  /** Points per criterion, in the order of the criteria: they add up to the score. */
  points: number[];
}

export interface TierSummary {
  tier: string;
  count: number;
  revenue: number;
  revenueShare: number;
}

export interface TierOutcome {
  accounts: TieredAccount[];
  summary: TierSummary[];
  /** Every criterion's raw, used and normalised values and points, for `--explain`. */
  scored: MethodResult;
  /**
   * Scores a quota's line falls within: accounts of one score put in two tiers or more (ranked by
   * name within the tie), with how many each tier took, highest first.
   */
  splitTies: { score: number; counts: number[] }[];
}

/** Re-normalises weights to sum 1; criteria of weight 0 stay (they show 0 points). */
export function normalizeWeights<T extends { weight: number }>(criteria: readonly T[]): T[] {
  const total = criteria.reduce((s, c) => s + c.weight, 0);
  // Weights that already sum to 1 (up to float noise) are kept as written, so points stay round.
  if (Math.abs(total - 1) < 1e-9) return criteria.map((c) => ({ ...c }));
  return criteria.map((c) => ({ ...c, weight: total > 0 ? c.weight / total : 0 }));
}

/** change = (last − previous) / previous over the last two periods; null when it cannot be computed. */
export function revenueTrend(periods: readonly (number | undefined)[]): number | null {
  if (periods.length < 2) return null;
  const last = periods[periods.length - 1];
  const prev = periods[periods.length - 2];
  if (last === undefined || prev === undefined || prev === 0) return null;
  return (last - prev) / prev;
}

/** Scores every account and places it in a tier (SPEC §5). */
export function computeTiers(accounts: readonly TierAccountInput[], options: TierOptions): TierOutcome {
  const n = accounts.length;
  const names = accounts.map((a) => a.name);
  const tierIndex = new Map(options.tiers.map((t, i) => [t.id, i]));
  let result: MethodResult;
  let classes: number[] | undefined;
  switch (options.method) {
    case 'scorecard':
      result = scoreScorecard(options.criteria, n);
      break;
    case 'topsis':
      result = scoreTopsis(options.criteria, n);
      break;
    case 'abc': {
      const abc = scoreAbc(options.criteria[0]!, options.cutoffs ?? [0.8, 0.95], names);
      result = abc;
      classes = abc.classes.map((k) => Math.min(k, options.tiers.length - 1));
      break;
    }
    default:
      result = scoreWeighted(options.criteria, n, options.normalize);
  }
  const order = orderByKeyDesc(result.scores, (a, b) => compareText(names[a]!, names[b]!) || compareText(accounts[a]!.id ?? '', accounts[b]!.id ?? '') || a - b);
  const byScore = classes ?? assignTiers(order, result.scores, options.tiers);
  const promoted = byScore.map((t, i) => {
    let best = t;
    for (const p of options.promote ?? []) {
      const v = p.values[i];
      const target = tierIndex.get(p.tier);
      if (v !== undefined && target !== undefined && v >= p.min && target < best) best = target;
    }
    return best;
  });
  // (A loop, not a map with a function per account: 100,000 accounts; the list made at its size,
  // as one grown by push keeps room for 17.)
  const pointsOf = (i: number): number[] => {
    const { criteria } = result;
    const points = new Array<number>(criteria.length);
    for (let k = 0; k < criteria.length; k++) points[k] = criteria[k]!.points[i]!;
    return points;
  };
  const tiered: TieredAccount[] = order.map((i, r): TieredAccount => {
    const a = accounts[i]!;
    const computed = promoted[i]!;
    const pinned = a.pinnedTier !== undefined && tierIndex.has(a.pinnedTier);
    const final = pinned ? tierIndex.get(a.pinnedTier!)! : computed;
    const recorded = a.recordedTier !== undefined ? tierIndex.get(a.recordedTier) : undefined;
    return {
      index: i,
      rank: r + 1,
      name: a.name,
      score: result.scores[i]!,
      tier: options.tiers[final]!.id,
      computedTier: options.tiers[computed]!.id,
      pinned,
      promoted: computed < byScore[i]!,
      movement: recorded === undefined ? 'new' : final < recorded ? '↑' : final > recorded ? '↓' : '=',
      trend: revenueTrend(a.periods),
      points: pointsOf(i),
      // Set in the literal (undefined where absent), so that no account needs a second store of fields.
      id: a.id,
      recordedTier: recorded !== undefined ? a.recordedTier : undefined,
    };
  });
  const totalRevenue = accounts.reduce((s, a) => s + (a.revenue ?? 0), 0);
  const summary = options.tiers.map((t) => {
    const members = tiered.filter((a) => a.tier === t.id);
    const revenue = members.reduce((s, a) => s + (accounts[a.index]!.revenue ?? 0), 0);
    return { tier: t.id, count: members.length, revenue, revenueShare: totalRevenue === 0 ? 0 : revenue / totalRevenue };
  });
  // (ABC's classes are cut by revenue shares, not by a quota: their ties are another matter, not said here.)
  return { accounts: tiered, summary, scored: result, splitTies: classes ? [] : splitTies(order, result.scores, byScore) };
}

/** Each run of equal scores a quota gave more than one tier (a tier by score alone splits no tie), with each tier's count. */
function splitTies(order: readonly number[], scores: ArrayLike<number>, tiers: readonly number[]): { score: number; counts: number[] }[] {
  const out: { score: number; counts: number[] }[] = [];
  for (let first = 0; first < order.length; ) {
    let last = first;
    while (last + 1 < order.length && scores[order[last + 1]!] === scores[order[first]!]) last++;
    const counts: number[] = [];
    for (let r = first; r <= last; r++) {
      if (r > first && tiers[order[r]!] === tiers[order[r - 1]!]) counts[counts.length - 1]!++;
      else counts.push(1);
    }
    if (counts.length > 1) out.push({ score: scores[order[first]!]!, counts });
    first = last + 1;
  }
  return out;
}
