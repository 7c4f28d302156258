import { describe, expect, it } from 'vitest';
import {
  bandPoints,
  criterionScore,
  minmax,
  percentileRanks,
  scoreAbc,
  scoreScorecard,
  scoreTopsis,
  scoreWeighted,
  type CriterionInput,
} from '../../src/scoring/methods.js';

const crit = (values: (number | undefined)[], weight = 1, direction: 'benefit' | 'cost' = 'benefit', column = 'c'): CriterionInput => ({ column, weight, direction, values });

describe('weighted (min-max)', () => {
  it('normalises benefit and cost criteria and sums 100 × Σ w·x', () => {
    const r = scoreWeighted([crit([10, 20, 30], 0.6, 'benefit', 'rev'), crit([5, 1, 3], 0.4, 'cost', 'price')], 3, 'minmax');
    // rev: 0, 0.5, 1; price (cost): 0, 1, 0.5
    expect(r.scores[0]).toBeCloseTo(0, 10);
    expect(r.scores[1]).toBeCloseTo(100 * (0.6 * 0.5 + 0.4 * 1), 10);
    expect(r.scores[2]).toBeCloseTo(100 * (0.6 * 1 + 0.4 * 0.5), 10);
    expect(criterionScore(r, 1, 1)).toMatchObject({ raw: 1, used: 1, normalized: 1, points: 40 });
  });

  it('gives every account 1 on a criterion where all values are equal', () => {
    expect(minmax([7, 7, 7], 'benefit')).toEqual([1, 1, 1]);
    expect(minmax([7, 7, 7], 'cost')).toEqual([1, 1, 1]);
  });

  it('scores a missing value as the worst value present', () => {
    const r = scoreWeighted([crit([10, undefined, 30])], 3, 'minmax');
    expect(criterionScore(r, 1, 0)).toMatchObject({ raw: undefined, used: 10, normalized: 0, points: 0 });
    const cost = scoreWeighted([crit([10, undefined, 30], 1, 'cost')], 3, 'minmax');
    expect(criterionScore(cost, 1, 0)).toMatchObject({ used: 30, normalized: 0 });
    expect(criterionScore(cost, 0, 0).normalized).toBe(1);
  });

  it('uses percentile ranks with ties averaged for normalize: rank', () => {
    expect(percentileRanks([10, 20, 20, 40], 'benefit')).toEqual([0, 0.5, 0.5, 1]);
    expect(percentileRanks([10, 20, 20, 40], 'cost')).toEqual([1, 0.5, 0.5, 0]);
    expect(percentileRanks([5], 'benefit')).toEqual([1]);
    const r = scoreWeighted([crit([1, 1000000, 2, 3])], 4, 'rank');
    expect(Array.from(r.scores, (s) => Math.round(s * 1e6) / 1e6)).toEqual([0, 100, 33.333333, 66.666667]);
  });
});

describe('scorecard', () => {
  const bands = [
    { min: 10000000, points: 5 },
    { min: 5000000, points: 3 },
    { min: 1000000, points: 1 },
  ];
  it('takes the first band that fits, 0 below all bands', () => {
    expect(bandPoints(12000000, bands)).toBe(5);
    expect(bandPoints(5000000, bands)).toBe(3);
    expect(bandPoints(999999, bands)).toBe(0);
    expect(bandPoints(3, [{ max: 5, points: 2 }, { points: 1 }])).toBe(2);
    expect(bandPoints(9, [{ max: 5, points: 2 }, { points: 1 }])).toBe(1);
  });
  it('is absolute: score = 100 × Σ w·points / maxPoints, independent of other accounts', () => {
    const a = scoreScorecard([{ ...crit([6000000, 20000000], 0.5), bands }, { ...crit([3, 5], 0.5), bands: [{ min: 5, points: 10 }, { min: 3, points: 5 }] }], 2);
    expect(a.scores[0]).toBeCloseTo(100 * (0.5 * 3 / 5 + 0.5 * 5 / 10), 10);
    const b = scoreScorecard([{ ...crit([6000000], 0.5), bands }, { ...crit([3], 0.5), bands: [{ min: 5, points: 10 }, { min: 3, points: 5 }] }], 1);
    expect(b.scores[0]).toBeCloseTo(a.scores[0]!, 12);
  });
  it('gives a missing value 0 points', () => {
    expect(scoreScorecard([{ ...crit([undefined]), bands }], 1).scores[0]).toBe(0);
  });
});

describe('topsis', () => {
  // A worked example published with its results (cost, benefit, cost, benefit criteria):
  // closeness 0.78562925, 0.66099579, 0.21437075.
  it('matches the published worked example', () => {
    const m = [
      [15, 6, 25000, 7],
      [12, 7, 35000, 7],
      [10, 9, 55000, 8],
    ];
    const weights = [0.3, 0.05, 0.6, 0.05];
    const dirs = ['cost', 'benefit', 'cost', 'benefit'] as const;
    const criteria = weights.map((w, j) => crit(m.map((r) => r[j]!), w, dirs[j], `c${j}`));
    const r = scoreTopsis(criteria, 3);
    expect(Array.from(r.scores, (s) => s / 100)).toEqual([expect.closeTo(0.78562925, 7), expect.closeTo(0.66099579, 7), expect.closeTo(0.21437075, 7)]);
    expect(Array.from(r.distances!.plus)).toEqual([expect.closeTo(0.07034498, 7), expect.closeTo(0.09070766, 7), expect.closeTo(0.25780135, 7)]);
    expect(Array.from(r.distances!.minus)).toEqual([expect.closeTo(0.25780135, 7), expect.closeTo(0.17686323, 7), expect.closeTo(0.07034498, 7)]);
    expect(criterionScore(r, 0, 0).normalized).toBeCloseTo(0.20779069, 7);
    expect(criterionScore(r, 2, 2).normalized).toBeCloseTo(0.47263582, 7);
    // Points share the score, so that they add up to it.
    for (let i = 0; i < 3; i++) expect(r.criteria.reduce((s, c) => s + c.points[i]!, 0)).toBeCloseTo(r.scores[i]!, 9);
  });

  it('matches the weighted normalised matrix of a second textbook example', () => {
    const r = scoreTopsis([crit([17, 10, 8], 0.714), crit([12, 9, 6], 0.286)], 3);
    expect([0, 1, 2].map((i) => r.criteria.map((c) => Number(c.normalized[i]!.toFixed(4))))).toEqual([
      [0.5703, 0.2124],
      [0.3355, 0.1593],
      [0.2684, 0.1062],
    ]);
    expect(r.scores[0]).toBe(100);
    expect(r.scores[2]).toBe(0);
  });

  it('scores 50 when every account is the same, and handles all-zero columns', () => {
    const r = scoreTopsis([crit([3, 3]), crit([0, 0])], 2);
    expect(Array.from(r.scores)).toEqual([50, 50]);
  });
});

describe('abc', () => {
  const names = ['a', 'b', 'c', 'd', 'e'];
  it('puts the account that crosses a cut-off in the higher class', () => {
    // shares 50, 25, 15, 6, 4 → cumulative 50, 75, 90 (crosses 80% → A), 96 (crosses 95% → B), 100
    const r = scoreAbc(crit([50, 25, 15, 6, 4]), [0.8, 0.95], names);
    expect(r.classes).toEqual([0, 0, 0, 1, 2]);
    const crossing = scoreAbc(crit([50, 20, 15, 10, 5]), [0.8, 0.95], names);
    // cumulative 50, 70, 85 (crosses 80% → A), 95 (reaches 95% exactly, from 85% → B), 100 → C
    expect(crossing.classes).toEqual([0, 0, 0, 1, 2]);
  });
  it('counts an account ending exactly on a cut-off in that class and the next one below it', () => {
    const r = scoreAbc(crit([40, 40, 15, 5]), [0.8, 0.95], ['a', 'b', 'c', 'd']);
    expect(r.classes).toEqual([0, 0, 1, 2]);
  });
  it('scores each account by its share of the total and treats missing as 0', () => {
    const r = scoreAbc(crit([30, undefined, 10]), [0.8, 0.95], ['x', 'y', 'z']);
    expect(Array.from(r.scores)).toEqual([75, 0, 25]);
    // x: 0 → 75% (A); z: from 75% → 100%, crossing 80% (A); y adds nothing from 100% (C)
    expect(r.classes).toEqual([0, 2, 0]);
  });
  it('orders ties by name', () => {
    // c 80% (A), then a from 80% (B), then b from 90% (C with a 85% cut-off)
    const r = scoreAbc(crit([10, 10, 80]), [0.8, 0.85], ['b', 'a', 'c']);
    expect(r.classes).toEqual([2, 1, 0]);
  });
});
