/**
 * Records of CSV lines that hold no quote, split without csv-parse: most exports quote nothing, and
 * splitting such a line at its delimiters gives exactly what csv-parse gives for it (one record per
 * line ended by CRLF, LF or CR, an empty line one empty field, a last line without an end a record
 * when it is not empty) at a fraction of the cost. At the first quote the splitter stops and hands
 * back the text from the start of that record: csv-parse reads the rest of the file, so quoted
 * fields, line breaks inside them and every syntax error are its own.
 */

const LF = 10;
const CR = 13;
const QUOTE = 34;

export class PlainSplitter {
  /** The unfinished last line of the chunks so far (bytes, or text for decoded encodings). */
  private carry: (Buffer | string)[] = [];
  /** Its length in characters (UTF-16 units, as csv-parse counts a record's size). */
  private carried = 0;
  /** The last record ended with CR: a LF starting the next chunk belongs to it. */
  private afterCr = false;
  /** Delimiters met in the current line (carried part included). */
  private delimiters = 0;
  /** Lines read (each record is one line). */
  lines = 0;

  constructor(
    private readonly delimiter: number,
    /**
     * The most bytes (or characters) a record's fields may have, delimiters not counted, and the
     * most fields it may have (as csv-parse counts, and as the reader stops it): past them,
     * `tooLong` or `tooMany` is thrown, before the line is held whole.
     */
    private readonly maxRecord: number,
    private readonly maxFields: number,
    private readonly tooLong: () => Error,
    private readonly tooMany: () => Error,
  ) {}

  /**
   * Splits a chunk into `out`; returns undefined, or once a quote is met, the text from the start of
   * its record (the splitter is done: what follows goes to csv-parse).
   */
  push(chunk: Buffer | string, out: string[][]): Buffer | string | undefined {
    const bytes = typeof chunk !== 'string';
    const n = chunk.length;
    const code = bytes ? (i: number) => chunk[i]! : (i: number) => chunk.charCodeAt(i);
    let start = 0;
    if (this.afterCr && n > 0) {
      this.afterCr = false;
      if (code(0) === LF) start = 1;
    }
    let fieldStart = start;
    let fields: string[] | undefined = this.carry.length > 0 ? undefined : [];
    for (let i = start; i < n; i++) {
      const c = code(i);
      if (c === QUOTE) return this.handBack(chunk, start);
      if (c === LF || c === CR) {
        out.push(this.finish(chunk, start, i, fields, fieldStart));
        this.lines++;
        if (c === CR) {
          if (i + 1 === n) this.afterCr = true;
          else if (code(i + 1) === LF) i++;
        }
        start = i + 1;
        fieldStart = start;
        fields = [];
      } else if (c === this.delimiter) {
        if (++this.delimiters >= this.maxFields) throw this.tooMany();
        if (fields !== undefined) {
          fields.push(slice(chunk, fieldStart, i));
          fieldStart = i + 1;
        }
      }
    }
    if (start < n) {
      // The line goes on in the next chunk: kept whole, split when it ends.
      this.carry.push(bytes ? chunk.subarray(start) : chunk.slice(start));
      this.carried += units(chunk, start, n);
      if (this.carried - this.delimiters > this.maxRecord) throw this.tooLong();
    }
    return undefined;
  }

  /** The last line, when the text does not end with a line break. */
  end(out: string[][]): void {
    if (this.carry.length === 0) return;
    const line = this.takeCarry();
    out.push(split(line, this.delimiter));
    this.lines++;
  }

  /** The record of the line from `start` to `end` of `chunk`, after any carried start of it. */
  private finish(chunk: Buffer | string, start: number, end: number, fields: string[] | undefined, fieldStart: number): string[] {
    // (Bytes are at least as many as characters: counted only when the bytes are too many.)
    if (end - start + this.carried - this.delimiters > this.maxRecord && units(chunk, start, end) + this.carried - this.delimiters > this.maxRecord) throw this.tooLong();
    this.delimiters = 0;
    if (fields === undefined) {
      // A line begun in an earlier chunk: joined, then split.
      this.carry.push(typeof chunk === 'string' ? chunk.slice(start, end) : chunk.subarray(start, end));
      return split(this.takeCarry(), this.delimiter);
    }
    fields.push(slice(chunk, fieldStart, end));
    return fields;
  }

  private takeCarry(): Buffer | string {
    const parts = this.carry;
    this.carry = [];
    this.carried = 0;
    return typeof parts[0] === 'string' ? parts.join('') : Buffer.concat(parts as Buffer[]);
  }

  /** The text from the start of the current record (carried part included), for csv-parse. */
  private handBack(chunk: Buffer | string, start: number): Buffer | string {
    const rest = typeof chunk === 'string' ? chunk.slice(start) : chunk.subarray(start);
    if (this.carry.length === 0) return rest;
    this.carry.push(rest);
    return this.takeCarry();
  }
}

/** The UTF-16 units of a piece of text: of UTF-8 bytes, a lead byte counts 1 (2 for a 4-byte sequence), a continuation byte 0. */
function units(chunk: Buffer | string, from: number, to: number): number {
  if (typeof chunk === 'string') return to - from;
  let n = 0;
  for (let i = from; i < to; i++) {
    const b = chunk[i]!;
    if (b < 0x80 || b >= 0xc0) n += b >= 0xf0 ? 2 : 1;
  }
  return n;
}

function slice(chunk: Buffer | string, from: number, to: number): string {
  if (typeof chunk !== 'string') return chunk.toString('utf8', from, to);
  // A field of 13 characters or more would be a view of the decoded chunk (V8's sliced strings) and keep
  // all of it alive while the field lives: a copy of its own (found by a new user: a GBK CSV of 100,000
  // accounts took 1.5–1.8 × the memory of the same book in UTF-8, every decoded chunk kept).
  return to - from < 13 ? chunk.slice(from, to) : ` ${chunk.slice(from, to)}`.slice(1);
}

/** A whole line (no line break in it) split at the delimiter. */
function split(line: Buffer | string, delimiter: number): string[] {
  const fields: string[] = [];
  let from = 0;
  for (let i = 0; i < line.length; i++) {
    if ((typeof line === 'string' ? line.charCodeAt(i) : line[i]) === delimiter) {
      fields.push(slice(line, from, i));
      from = i + 1;
    }
  }
  fields.push(slice(line, from, line.length));
  return fields;
}
