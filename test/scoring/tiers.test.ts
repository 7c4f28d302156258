import { describe, expect, it } from 'vitest';
import { DEFAULT_TIERS } from '../../src/config/defaults.js';
import { computeTiers, normalizeWeights, revenueTrend } from '../../src/scoring/tier.js';
import { tierRecognizer } from '../../src/model/tier.js';
import type { CriterionInput } from '../../src/scoring/methods.js';
import { assignTiers, quotaCount } from '../../src/scoring/quotas.js';

const tiers = DEFAULT_TIERS.map((t) => ({ ...t, aliases: [...t.aliases] }));

describe('quotas', () => {
  it('rounds percentages half up, at least one account', () => {
    expect(quotaCount('10%', 30)).toBe(3);
    expect(quotaCount('10%', 25)).toBe(3); // 2.5 → 3
    expect(quotaCount('10%', 24)).toBe(2); // 2.4 → 2
    expect(quotaCount('10%', 4)).toBe(1); // 0.4 → at least one
    expect(quotaCount('0%', 4)).toBe(0);
    expect(quotaCount('15%', 30)).toBe(5); // 4.5 → 5
    expect(quotaCount(5, 3)).toBe(3);
  });

  it('takes each tier after the tiers above it, the last takes the rest', () => {
    const scores = [90, 80, 70, 60, 50, 40, 30, 20, 10, 5];
    const order = scores.map((_s, i) => i);
    expect(assignTiers(order, scores, tiers)).toEqual([0, 1, 1, 2, 2, 2, 2, 2, 2, 2]);
    const thresholds = [
      { id: 'a', aliases: [], minScore: 75 },
      { id: 'b', aliases: [], minScore: 45 },
      { id: 'c', aliases: [] },
    ];
    expect(assignTiers(order, scores, thresholds)).toEqual([0, 0, 1, 1, 1, 2, 2, 2, 2, 2]);
  });
});

describe('tier labels', () => {
  const recognize = tierRecognizer(tiers);
  it.each([
    ['战略客户', 'strategic'],
    ['战略', 'strategic'],
    ['A', 'strategic'],
    ['a类客户', 'strategic'],
    ['Strategic', 'strategic'],
    ['ＳＴＲＡＴＥＧＩＣ', 'strategic'],
    ['重要', 'important'],
    ['B级', 'important'],
    ['Tier 2', 'important'],
    ['Ordinary', 'normal'],
    ['普通客户', 'normal'],
    ['normal', 'normal'],
  ])('%s → %s', (text, id) => expect(recognize(text)).toBe(id));
  it('does not guess', () => {
    expect(recognize('VIP')).toBeUndefined();
    expect(recognize('Tier 7')).toBeUndefined();
  });
});

describe('computeTiers', () => {
  const c = (values: number[]): CriterionInput => ({ column: 'annual_revenue', weight: 1, direction: 'benefit', values });
  const accounts = (n: number) => Array.from({ length: n }, (_v, i) => ({ name: `acct${String(i).padStart(2, '0')}`, periods: [] as number[], revenue: (n - i) * 100 }));

  it('ranks by score, ties by name, with stable tiers and a revenue summary', () => {
    const list = [{ name: 'b', periods: [], revenue: 50 }, { name: 'a', periods: [], revenue: 50 }, { name: 'c', periods: [], revenue: 100 }];
    const out = computeTiers(list, { method: 'weighted', normalize: 'minmax', tiers, criteria: [c([50, 50, 100])] });
    expect(out.accounts.map((a) => [a.rank, a.name, a.tier])).toEqual([
      [1, 'c', 'strategic'],
      [2, 'a', 'important'],
      [3, 'b', 'normal'],
    ]);
    expect(out.summary).toEqual([
      { tier: 'strategic', count: 1, revenue: 100, revenueShare: 0.5 },
      { tier: 'important', count: 1, revenue: 50, revenueShare: 0.25 },
      { tier: 'normal', count: 1, revenue: 50, revenueShare: 0.25 },
    ]);
  });

  it('applies promotion rules and pins, and shows movement against the recorded tier', () => {
    const list = accounts(10);
    list[9]!.name = 'small-but-big';
    const values = list.map((_a, i) => 100 - i * 10);
    const rev = list.map((_a, i) => (i === 9 ? 2000000 : 1000));
    const input = list.map((a, i) => ({ ...a, ...(i === 5 ? { pinnedTier: 'strategic' } : {}), ...(i === 0 ? { recordedTier: 'important' } : {}), ...(i === 1 ? { recordedTier: 'strategic' } : {}) }));
    const out = computeTiers(input, { method: 'weighted', normalize: 'minmax', tiers, criteria: [c(values)], promote: [{ tier: 'important', min: 1000000, values: rev }] });
    const by = Object.fromEntries(out.accounts.map((a) => [a.name, a]));
    expect(by.acct00).toMatchObject({ tier: 'strategic', movement: '↑', recordedTier: 'important' });
    expect(by.acct01).toMatchObject({ tier: 'important', movement: '↓' });
    expect(by.acct05).toMatchObject({ tier: 'strategic', computedTier: 'normal', pinned: true, movement: 'new' });
    expect(by['small-but-big']).toMatchObject({ tier: 'important', promoted: true });
  });

  it('ABC places accounts by cumulative revenue share', () => {
    const list = [{ name: 'x', periods: [] }, { name: 'y', periods: [] }, { name: 'z', periods: [] }];
    const out = computeTiers(list, { method: 'abc', normalize: 'minmax', tiers, criteria: [c([70, 20, 10])], cutoffs: [0.8, 0.95] });
    // x 0 → 70% (A), y 70% → 90% (crosses 80%: A), z from 90% (B)
    expect(out.accounts.map((a) => a.tier)).toEqual(['strategic', 'strategic', 'important']);
  });

  it('normalises weights and computes trends', () => {
    expect(normalizeWeights([{ weight: 2 }, { weight: 6 }]).map((w) => w.weight)).toEqual([0.25, 0.75]);
    expect(revenueTrend([100, 80])).toBeCloseTo(-0.2);
    expect(revenueTrend([100])).toBeNull();
    expect(revenueTrend([0, 80])).toBeNull();
    expect(revenueTrend([100, undefined])).toBeNull();
  });
});
