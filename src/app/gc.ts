/**
 * A full garbage collection between the phases of a long job (`kam diff` reads one version, then
 * the other): V8 collects lazily and lets the heap grow, so the first version's garbage would
 * otherwise count towards the second's peak. The collector is reached the way test runners reach it
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
