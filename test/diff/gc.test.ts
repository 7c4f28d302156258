// kam diff collects the old version's garbage before reading the new one (issue 13's memory
// target): the collector is reached at run time, without node's --expose-gc flag.
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/app/gc.js';

describe('collectGarbage', () => {
  it('frees an object nothing refers to any more', async () => {
    let big: number[] | undefined = Array.from({ length: 100_000 }, (_v, i) => i);
    const ref = new WeakRef(big);
    big = undefined;
    // A WeakRef's target lives to the end of the job that made it.
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    expect(ref.deref()).toBeUndefined();
    expect(big).toBeUndefined();
  });
});
