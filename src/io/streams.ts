/** Byte streams compared without holding either whole (a written copy checked against what it copies). */

/** True when two streams of chunks carry the same bytes, however they are cut into chunks. */
export async function sameChunks(a: AsyncIterable<Buffer>, b: AsyncIterable<Buffer>): Promise<boolean> {
  const ia = a[Symbol.asyncIterator]();
  const ib = b[Symbol.asyncIterator]();
  // The next non-empty chunk of a stream, or undefined at its end.
  const next = async (it: AsyncIterator<Buffer>): Promise<Buffer | undefined> => {
    for (;;) {
      const r = await it.next();
      if (r.done) return undefined;
      if (r.value.length > 0) return r.value;
    }
  };
  let x: Buffer | undefined = Buffer.alloc(0);
  let y: Buffer | undefined = Buffer.alloc(0);
  for (;;) {
    if (x.length === 0) x = await next(ia);
    if (y.length === 0) y = await next(ib);
    if (x === undefined || y === undefined) return x === undefined && y === undefined;
    const k = Math.min(x.length, y.length);
    if (!x.subarray(0, k).equals(y.subarray(0, k))) return false;
    x = x.subarray(k);
    y = y.subarray(k);
  }
}
