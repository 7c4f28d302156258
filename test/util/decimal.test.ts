// fixedNumber is Number(n.toFixed(digits)) made faster: the same number, sign of zero included, for every input.
import { describe, expect, it } from 'vitest';
import { fixedNumber } from '../../src/util/decimal.js';

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const DIGITS = [0, 1, 2, 3, 4] as const;

function same(n: number, d: (typeof DIGITS)[number]): void {
  const want = Number(n.toFixed(d));
  const got = fixedNumber(n, d);
  if (!Object.is(got, want)) expect({ n, d, got }).toEqual({ n, d, got: want });
}

describe('fixedNumber', () => {
  it('gives what Number(n.toFixed(d)) gives on edge values', () => {
    const edges = [0, -0, 1.005, -1.005, 2.5, -2.5, 0.125, 0.285, 1.255, 0.045, -0.001, -0.004, -0.005, -0.006, 0.005, 1e-7, -1e-7, 999999999.995, 1e9, -1e9, 1e12 + 0.5, 1e21, 1e22, NaN, Infinity, -Infinity, Number.MAX_VALUE, Number.MIN_VALUE, -Number.MIN_VALUE, 4.35, 8.345, 1.45, 0.1 + 0.2];
    for (const n of edges) for (const d of DIGITS) same(n, d);
  });

  it('gives what Number(n.toFixed(d)) gives on random values, halves and near-halves among them', () => {
    const next = random(14);
    for (let i = 0; i < 200_000; i++) {
      const d = DIGITS[i % DIGITS.length]!;
      const kind = i % 4;
      const scale = 10 ** d;
      // Weekly hours as kam computes them, values of every size, halves written in decimal, halves a hair off.
      const n =
        kind === 0
          ? (Math.floor(next() * 200) * Math.floor(next() * 12 + 1)) / (52 * Math.floor(next() * 7 + 1))
          : kind === 1
            ? (next() - 0.5) * 10 ** Math.floor(next() * 14 - 4)
            : kind === 2
              ? (Math.floor((next() - 0.5) * 2e6) + 0.5) / scale
              : (Math.floor((next() - 0.5) * 2e6) + 0.5) / scale + (next() - 0.5) * 1e-9;
      same(n, d);
    }
  });
});
