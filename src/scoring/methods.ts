/**
 * The scoring methods of SPEC §5, exactly as written there so that an independent implementation
 * gives the same numbers. Pure functions over a criteria matrix; missing values count as the worst.
 */

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

export interface MethodResult {
  scores: number[];
  /** Per account, per criterion. */
  details: CriterionScore[][];
  /** TOPSIS only: each account's distance to the ideal (S+) and anti-ideal (S−). */
  distances?: { plus: number; minus: number }[];
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
  const details = Array.from({ length: n }, () => [] as CriterionScore[]);
  for (const c of criteria) {
    const used = filled(c);
    const norm = normalize === 'rank' ? percentileRanks(used, c.direction) : minmax(used, c.direction);
    for (let i = 0; i < n; i++) details[i]!.push({ raw: c.values[i], used: used[i]!, normalized: norm[i]!, points: 100 * c.weight * norm[i]! });
  }
  return { scores: details.map(sumPoints), details };
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
  const details = Array.from({ length: n }, () => [] as CriterionScore[]);
  for (const c of criteria) {
    const bands = c.bands ?? [];
    const maxPoints = maxOf([0, ...bands.map((b) => b.points)]);
    for (let i = 0; i < n; i++) {
      const raw = c.values[i];
      const pts = raw === undefined ? 0 : bandPoints(raw, bands);
      details[i]!.push({ raw, used: raw ?? NaN, normalized: pts, points: maxPoints > 0 ? (100 * c.weight * pts) / maxPoints : 0 });
    }
  }
  return { scores: details.map(sumPoints), details };
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
    return col.map((x) => (norm === 0 ? 0 : (c.weight * x) / norm));
  });
  const ideal = criteria.map((c, j) => (c.direction === 'cost' ? minOf(v[j]!) : maxOf(v[j]!)));
  const anti = criteria.map((c, j) => (c.direction === 'cost' ? maxOf(v[j]!) : minOf(v[j]!)));
  const scores: number[] = [];
  const distances: { plus: number; minus: number }[] = [];
  const details: CriterionScore[][] = [];
  for (let i = 0; i < n; i++) {
    let plus = 0;
    let minus = 0;
    for (let j = 0; j < criteria.length; j++) {
      plus += (v[j]![i]! - ideal[j]!) ** 2;
      minus += (v[j]![i]! - anti[j]!) ** 2;
    }
    plus = Math.sqrt(plus);
    minus = Math.sqrt(minus);
    const score = plus + minus === 0 ? 50 : (100 * minus) / (plus + minus);
    const closeness = criteria.map((c, j) => {
      const span = ideal[j]! - anti[j]!;
      return c.weight * (span === 0 ? 1 : (v[j]![i]! - anti[j]!) / span);
    });
    const total = closeness.reduce((s, x) => s + x, 0);
    details.push(
      criteria.map((c, j) => ({
        raw: c.values[i],
        used: used[j]![i]!,
        normalized: v[j]![i]!,
        points: total === 0 ? 0 : (score * closeness[j]!) / total,
      })),
    );
    scores.push(score);
    distances.push({ plus, minus });
  }
  return { scores, details, distances };
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
  const values = column.values.map((v) => Math.max(0, v ?? 0));
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
  const scores = values.map((v) => (total === 0 ? 0 : (100 * v) / total));
  const details = values.map((v, i) => [{ raw: column.values[i], used: v, normalized: total === 0 ? 0 : v / total, points: scores[i]! }]);
  return { scores, details, classes };
}

function sumPoints(row: CriterionScore[]): number {
  let s = 0;
  for (const d of row) s += d.points;
  return s;
}

/** Code-point order, the same on every machine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
