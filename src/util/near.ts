/** The closest of some names to a misspelt one (`--person 何莉` → 何丽), for a "did you mean". */

/** The edit distance of two texts (insertions, deletions, substitutions of code points). */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length]!;
}

/**
 * The one name nearest to `wanted` (both compared by `key`), if it is near: at most a third of its
 * code points apart (one for a two-character Chinese name), and nearer than any other name; else the
 * one name that starts with it.
 */
export function nearest(wanted: string, names: Iterable<string>, key: (s: string) => string = (s) => s): string | undefined {
  const w = key(wanted);
  const limit = Math.max(1, Math.floor([...w].length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  let tie = false;
  for (const name of names) {
    const d = editDistance(w, key(name));
    if (d < bestDistance) [best, bestDistance, tie] = [name, d, false];
    else if (d === bestDistance && name !== best) tie = true;
  }
  if (best !== undefined && bestDistance <= limit && !tie) return best;
  // A name given short (`Acme` for `Acme Corp`, `华东精密` for `华东精密制造有限公司`): the one name that starts so.
  if ([...w].length < 2) return undefined;
  let starts: string | undefined;
  for (const name of names) {
    if (!key(name).startsWith(w)) continue;
    if (starts !== undefined && starts !== name) return undefined;
    starts = name;
  }
  return starts;
}
