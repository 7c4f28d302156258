/**
 * Bytes of ASCII text made without strings: the cells of a sheet part (`<c r="B7" s="3" t="s"><v>12</v></c>`)
 * are all ASCII, and hundreds of megabytes of them for a whole book's matrix. Built as strings they
 * were joined into ropes, flattened and encoded again as UTF-8: written as bytes here, into one
 * buffer used again and again. A writer reserves room for a piece, then puts its bytes with
 * {@link put} and {@link putWhole} at `length` and sets `length` after them.
 */

/** A constant piece of ASCII text as bytes. */
export const ascii = (text: string): Uint8Array => Uint8Array.from(text, (ch) => ch.charCodeAt(0));

/** Bytes set aside at first (a piece larger than what is left grows the buffer). */
const INITIAL = 1 << 18;
/** The most bytes a number written by String() takes (`-1.2345678901234567e-123`). */
export const MAX_NUMBER_BYTES = 32;

export class AsciiBuffer {
  buf = Buffer.allocUnsafe(INITIAL);
  /** Bytes written since the last take(). */
  length = 0;

  /** Room for `n` more bytes after `length`; returns the buffer to put them in. */
  reserve(n: number): Buffer {
    if (this.length + n > this.buf.length) {
      // Twice what is needed: a row of thousands of columns grows it a few times, not once a cell.
      const next = Buffer.allocUnsafe(Math.max(INITIAL, 2 * (this.length + n)));
      this.buf.copy(next, 0, 0, this.length);
      this.buf = next;
    }
    return this.buf;
  }

  /**
   * The bytes written, handed on without a copy and the buffer emptied: they are valid until the
   * next reserve(), so the one given them copies them before it is done (a ZIP entry's write does).
   * No new buffer per piece: a whole book's matrix would make 300 MB of them.
   */
  take(): Buffer {
    const out = this.buf.subarray(0, this.length);
    this.length = 0;
    return out;
  }
}

/** Puts a constant at `at`; returns the index after it (short constants: a loop beats a native copy). */
export function put(buf: Buffer, at: number, b: Uint8Array): number {
  for (let i = 0; i < b.length; i++) buf[at++] = b[i]!;
  return at;
}

const DIGITS = new Uint8Array(20);

/** Puts a number as String(n) writes it (a whole number ≥ 0 without making a string); returns the index after it. */
export function putNumber(buf: Buffer, at: number, n: number): number {
  if (!(Number.isSafeInteger(n) && n >= 0)) return at + buf.write(String(n), at, 'latin1');
  return putWhole(buf, at, n);
}

/** Puts a whole number 0 ≤ n < 2^53 in decimal; returns the index after it. */
export function putWhole(buf: Buffer, at: number, n: number): number {
  let k = 0;
  do {
    const q = Math.floor(n / 10);
    DIGITS[k++] = 48 + (n - q * 10);
    n = q;
  } while (n > 0);
  while (k > 0) buf[at++] = DIGITS[--k]!;
  return at;
}
