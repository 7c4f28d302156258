// orderByKeyDesc ranks accounts by score: the same order as sorting with the comparator it replaces.
import { describe, expect, it } from 'vitest';
import { compareText, orderByKeyDesc } from '../../src/util/compare.js';

/** A small deterministic generator (the same cases every run). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('orderByKeyDesc', () => {
  it('orders as Array.prototype.sort does, ties by the tie-break, on random keys with many ties', () => {
    const next = random(7);
    const pool = [0, -0, 1, 2.5, -3, 100, Infinity, -Infinity, 1e-300, 99.99999999999999];
    for (let round = 0; round < 300; round++) {
      const n = Math.floor(next() * 200);
      const keys = Array.from({ length: n }, () => (next() < 0.5 ? pool[Math.floor(next() * pool.length)]! : Math.round(next() * 1000) / 10));
      const names = Array.from({ length: n }, () => String.fromCharCode(65 + Math.floor(next() * 4)));
      const tie = (a: number, b: number) => compareText(names[a]!, names[b]!) || a - b;
      const expected = Array.from({ length: n }, (_v, i) => i).sort((a, b) => keys[b]! - keys[a]! || tie(a, b));
      expect(orderByKeyDesc(keys, tie)).toEqual(expected);
    }
  });

  it('ranks the highest first and breaks ties by the given order', () => {
    expect(orderByKeyDesc([3, 9, 3, 1, 9], (a, b) => b - a)).toEqual([4, 1, 2, 0, 3]);
    expect(orderByKeyDesc([], (a, b) => a - b)).toEqual([]);
    expect(orderByKeyDesc([5], (a, b) => a - b)).toEqual([0]);
  });

  it('sorts as the comparator does when a key is NaN', () => {
    const keys = [2, NaN, 5, 1, NaN, 5];
    const tie = (a: number, b: number) => a - b;
    expect(orderByKeyDesc(keys, tie)).toEqual(Array.from({ length: 6 }, (_v, i) => i).sort((a, b) => keys[b]! - keys[a]! || tie(a, b)));
  });
});
