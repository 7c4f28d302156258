// An independent implementation of SPEC §5 "weighted" (min-max) for checking kam's numbers:
// written from the formulas, sharing no code with src/.

export interface Row {
  name: string;
  values: (number | null | undefined)[];
}

/** Scores per name: 100 × Σ wᵢ·(x−min)/(max−min), missing = the column's minimum, weights re-normalised. */
export function weightedScores(rows: Row[], weights: number[]): Map<string, number> {
  const total = weights.reduce((a, b) => a + b, 0);
  const w = weights.map((x) => x / total);
  const cols = weights.map((_w, j) => rows.map((r) => r.values[j]).filter((v): v is number => typeof v === 'number'));
  const mins = cols.map((c) => Math.min(...c));
  const maxs = cols.map((c) => Math.max(...c));
  const out = new Map<string, number>();
  for (const r of rows) {
    let s = 0;
    weights.forEach((_x, j) => {
      const v = typeof r.values[j] === 'number' ? (r.values[j] as number) : mins[j]!;
      const norm = maxs[j] === mins[j] ? 1 : (v - mins[j]!) / (maxs[j]! - mins[j]!);
      s += w[j]! * norm;
    });
    out.set(r.name, 100 * s);
  }
  return out;
}
