/**
 * A full garbage collection between the phases of a long job (`kam diff` reads one version, then
 * the other; every command reads, then indexes, then checks): V8 collects lazily and lets the heap
 * grow to about twice what was live at its last collection, so one phase's garbage would otherwise
 * count towards the next one's peak. The collector is reached the way test runners reach it
 * (`--expose-gc` set at run time, `gc` taken from a fresh context); where that is refused, nothing.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collector: (() => void) | null | undefined;

export function collectGarbage(): void {
  if (collector === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      const gc: unknown = runInNewContext('gc');
      collector = typeof gc === 'function' ? (gc as () => void) : null;
    } catch {
      collector = null;
    }
  }
  collector?.();
}

/**
 * Books smaller than this (rows of all sheets) are not collected between phases: a 10,000-account
 * book (~79,000 rows) peaks at under 200 MiB anyway, and the collections made it 0.05–0.1 s
 * slower; on a 100,000-account book each costs 0.1–0.2 s and they lower the peak by 40–80 MiB.
 */
const PHASE_GC_MIN_ROWS = 250_000;

/**
 * Books from this size on are collected between the phases of `kam diff`, which holds one version
 * while it reads the other: the 10,000-account book (~79,000 rows) peaks at 184 MiB with its
 * collections and 223 without (its target is 200). A shipped example (the build's warm run) is far
 * below it: a collection sets `--expose-gc`, and V8 rejects a code cache made after a flag is set.
 */
export const DIFF_GC_MIN_ROWS = 20_000;

/** Collects the garbage of a phase just done, when the book it read has `rows` rows or more (`min`). */
export function collectAfterPhase(rows: number, min = PHASE_GC_MIN_ROWS): void {
  if (rows >= min) collectGarbage();
}
