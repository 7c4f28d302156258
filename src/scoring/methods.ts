/**
 * The scoring methods of SPEC §5, exactly as written there so that an independent implementation
 * gives the same numbers. Pure functions over a criteria matrix; missing values count as the worst.
 */
import { compareText } from '../util/compare.js';

export type Direction = 'benefit' | 'cost';

export interface Band {
  min?: number;
  max?: number;
  points: number;
}

export interface CriterionInput {
  /** The criterion's column as configured. */
  column: string;
  /** Weight, already normalised so that all weights sum to 1. */
  weight: number;
  direction: Direction;
  bands?: readonly Band[];
  /** One value per account; undefined where the cell is empty or unreadable. */
  values: readonly (number | undefined)[];
}

export interface CriterionScore {
  /** The value read from the sheet, if any. */
  raw: number | undefined;
  /** The value scored: the raw value, or the criterion's worst value where it is missing. */
  used: number;
  /** The normalised value (0–1), or the band's points for the scorecard. */
  normalized: number;
  /** Points this criterion adds to the score. */
  points: number;
}

/** One criterion's numbers for every account, in typed arrays (no object per account and criterion). */
export interface ScoredCriterion {
  raw: readonly (number | undefined)[];
  used: Float64Array;
  normalized: Float64Array;
  points: Float64Array;
}

export interface MethodResult {
  scores: Float64Array;
  /** Per criterion, per account. */
  criteria: ScoredCriterion[];
  /** TOPSIS only: each account's distance to the ideal (S+) and anti-ideal (S−). */
  distances?: { plus: Float64Array; minus: Float64Array };
}

/** Account i's numbers on criterion j. */
export function criterionScore(result: MethodResult, i: number, j: number): CriterionScore {
  const c = result.criteria[j]!;
  return { raw: c.raw[i], used: c.used[i]!, normalized: c.normalized[i]!, points: c.points[i]! };
}

function scored(raw: readonly (number | undefined)[], used: ArrayLike<number>, normalized: ArrayLike<number>, points: ArrayLike<number>): ScoredCriterion {
  return { raw, used: Float64Array.from(used), normalized: Float64Array.from(normalized), points: Float64Array.from(points) };
}

/** Score = Σ points over criteria. */
function sumScores(criteria: readonly ScoredCriterion[], n: number): Float64Array {
  const out = new Float64Array(n);
  for (const c of criteria) for (let i = 0; i < n; i++) out[i]! += c.points[i]!;
  return out;
}

/** The worst value of a criterion among the values present (min for benefit, max for cost). */
function worst(c: CriterionInput): number {
  const present = c.values.filter((v): v is number => v !== undefined);
  if (present.length === 0) return 0;
  return c.direction === 'cost' ? maxOf(present) : minOf(present);
}

// Loops rather than Math.min(...xs): spreading 100,000 arguments overflows the stack.
function minOf(xs: readonly number[]): number {
  let m = Infinity;
  for (const x of xs) if (x < m) m = x;
  return m;
}

function maxOf(xs: readonly number[]): number {
  let m = -Infinity;
  for (const x of xs) if (x > m) m = x;
  return m;
}

function filled(c: CriterionInput): number[] {
  const w = worst(c);
  return c.values.map((v) => v ?? w);
}

/** Min-max normalisation: (x−min)/(max−min), cost (max−x)/(max−min), all 1 when max = min. */
export function minmax(values: readonly number[], direction: Direction): number[] {
  const min = minOf(values);
  const max = maxOf(values);
  if (max === min) return values.map(() => 1);
  // Values near the largest number a double holds (1.7e308 and −1.7e308): max − min overflows, so halves,
  // which give the same quotient (found by a new user: such an account scored NaN, ranked first).
  if (!Number.isFinite(max - min)) {
    const half = max / 2 - min / 2;
    return values.map((x) => (direction === 'cost' ? (max / 2 - x / 2) / half : (x / 2 - min / 2) / half));
  }
  return values.map((x) => (direction === 'cost' ? (max - x) / (max - min) : (x - min) / (max - min)));
}

/** Percentile ranks (rank−1)/(n−1) with ties averaged; the best value ranks highest. */
export function percentileRanks(values: readonly number[], direction: Direction): number[] {
  const n = values.length;
  if (n === 1) return [1];
  const order = values.map((v, i) => ({ v: direction === 'cost' ? -v : v, i })).sort((a, b) => a.v - b.v);
  const out = new Array<number>(n);
  for (let s = 0; s < n; ) {
    let e = s;
    while (e + 1 < n && order[e + 1]!.v === order[s]!.v) e++;
    const rank = (s + e) / 2 + 1;
    for (let k = s; k <= e; k++) out[order[k]!.i] = (rank - 1) / (n - 1);
    s = e + 1;
  }
  return out;
}

/** `weighted`: score = 100 × Σ wᵢ·xᵢ over min-max (or percentile-rank) normalised values. */
export function scoreWeighted(criteria: readonly CriterionInput[], n: number, normalize: 'minmax' | 'rank'): MethodResult {
  const out = criteria.map((c) => {
    const used = filled(c);
    const norm = normalize === 'rank' ? percentileRanks(used, c.direction) : minmax(used, c.direction);
    return scored(c.values, used, norm, norm.map((x) => 100 * c.weight * x));
  });
  return { scores: sumScores(out, n), criteria: out };
}

/** The points of the first band a value fits; 0 below every band. */
export function bandPoints(value: number, bands: readonly Band[]): number {
  for (const b of bands) {
    if ((b.min === undefined || value >= b.min) && (b.max === undefined || value <= b.max)) return b.points;
  }
  return 0;
}

/**
 * `scorecard`: score = 100 × Σ wᵢ·pointsᵢ / maxPointsᵢ, each criterion's points divided by the most
 * points its bands give. Absolute: one account's score does not depend on the others. A missing
 * value earns 0 points, the worst a band can give.
 */
export function scoreScorecard(criteria: readonly CriterionInput[], n: number): MethodResult {
  const out = criteria.map((c) => {
    const bands = c.bands ?? [];
    const maxPoints = maxOf([0, ...bands.map((b) => b.points)]);
    const pts = Array.from({ length: n }, (_v, i) => (c.values[i] === undefined ? 0 : bandPoints(c.values[i]!, bands)));
    const used = Array.from({ length: n }, (_v, i) => c.values[i] ?? NaN);
    return scored(c.values, used, pts, pts.map((p) => (maxPoints > 0 ? (100 * c.weight * p) / maxPoints : 0)));
  });
  return { scores: sumScores(out, n), criteria: out };
}

/**
 * `topsis`: vector normalisation rᵢⱼ = xᵢⱼ/√Σᵢxᵢⱼ², vᵢⱼ = wⱼ·rᵢⱼ, distances to the ideal and
 * anti-ideal, score = 100 × S⁻/(S⁺+S⁻) (50 where both are 0). Each criterion's points share the
 * score in proportion to wⱼ·(vᵢⱼ−A⁻ⱼ)/(A⁺ⱼ−A⁻ⱼ), so that they add up to it.
 */
export function scoreTopsis(criteria: readonly CriterionInput[], n: number): MethodResult {
  const used = criteria.map(filled);
  const v = criteria.map((c, j) => {
    const col = used[j]!;
    const norm = Math.sqrt(col.reduce((s, x) => s + x * x, 0));
    if (Number.isFinite(norm)) return col.map((x) => (norm === 0 ? 0 : (c.weight * x) / norm));
    // Σx² overflows (values of 1e160 and more; found by a new user: the largest account scored 0): scaled by the largest first.
    let m = 0;
    for (const x of col) if (Math.abs(x) > m) m = Math.abs(x);
    const scaled = Math.sqrt(col.reduce((s, x) => s + (x / m) ** 2, 0));
    return col.map((x) => c.weight * (x / m / scaled));
  });
  const ideal = criteria.map((c, j) => (c.direction === 'cost' ? minOf(v[j]!) : maxOf(v[j]!)));
  const anti = criteria.map((c, j) => (c.direction === 'cost' ? maxOf(v[j]!) : minOf(v[j]!)));
  const scores = new Float64Array(n);
  const plus = new Float64Array(n);
  const minus = new Float64Array(n);
  const points = criteria.map(() => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    let sp = 0;
    let sm = 0;
    for (let j = 0; j < criteria.length; j++) {
      sp += (v[j]![i]! - ideal[j]!) ** 2;
      sm += (v[j]![i]! - anti[j]!) ** 2;
    }
    plus[i] = Math.sqrt(sp);
    minus[i] = Math.sqrt(sm);
    const score = plus[i]! + minus[i]! === 0 ? 50 : (100 * minus[i]!) / (plus[i]! + minus[i]!);
    scores[i] = score;
    let total = 0;
    const closeness = criteria.map((c, j) => {
      const span = ideal[j]! - anti[j]!;
      const x = c.weight * (span === 0 ? 1 : (v[j]![i]! - anti[j]!) / span);
      total += x;
      return x;
    });
    for (let j = 0; j < criteria.length; j++) points[j]![i] = total === 0 ? 0 : (score * closeness[j]!) / total;
  }
  return {
    scores,
    criteria: criteria.map((c, j) => scored(c.values, used[j]!, v[j]!, points[j]!)),
    distances: { plus, minus },
  };
}

export interface AbcResult extends MethodResult {
  /** Per account, the 0-based class: 0 for A, 1 for B, … */
  classes: number[];
}

/**
 * `abc`: accounts sorted by one column descending; cumulative share ≤ the first cut-off → first
 * class, ≤ the second → second, rest last; the account that crosses a cut-off stays in the higher
 * class. The score is the account's share of the total, in percent. Missing values count as 0.
 */
export function scoreAbc(column: CriterionInput, cutoffs: readonly number[], names: readonly string[]): AbcResult {
  const n = names.length;
  const raw = column.values.map((v) => Math.max(0, v ?? 0));
  // A total past the largest double (found by a new user): the values scaled by the largest first, the same shares.
  const largest = raw.reduce((m, x) => (x > m ? x : m), 0);
  const values = Number.isFinite(raw.reduce((s, x) => s + x, 0)) ? raw : raw.map((x) => x / largest);
  const total = values.reduce((s, x) => s + x, 0);
  const order = values.map((_v, i) => i).sort((a, b) => values[b]! - values[a]! || compareText(names[a]!, names[b]!));
  const classes = new Array<number>(n).fill(cutoffs.length);
  let cum = 0;
  for (const i of order) {
    const before = total === 0 ? 1 : cum / total;
    let k = 0;
    while (k < cutoffs.length && before >= cutoffs[k]! - 1e-12) k++;
    classes[i] = k;
    cum += values[i]!;
  }
  const scores = Float64Array.from(values, (v) => {
    if (total === 0) return 0;
    const s = (100 * v) / total;
    return Number.isFinite(s) ? s : 100 * (v / total);
  });
  const shares = values.map((v) => (total === 0 ? 0 : v / total));
  return { scores, criteria: [scored(column.values, raw, shares, scores)], classes };
}
