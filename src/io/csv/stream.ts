/**
 * A CSV's rows, streamed: file chunks → decoder → csv-parse's stream parser → batches of rows.
 * Memory stays bounded whatever the file holds: a field, a record and the file are capped, and
 * each cap is an exit-2 error naming the file, the row and the limit.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse, type Parser } from 'csv-parse';
import type { Cell, RawRow } from '../../model/cell.js';
import { InputError, KamError } from '../../model/errors.js';
import { columnLetter, MAX_ROWS } from '../../util/cellref.js';
import { EXCEL_ERROR, unneutralize } from '../../util/safe-text.js';
import { inputErrorFor, openInputFile, tooLarge, type InputFile } from '../input-file.js';
import type { RowOptions } from '../source.js';
import { PlainSplitter } from './plain.js';
import { chunkDecoder, InvalidUtf8, lineOf, RECORD_ENDS, type EncodingPlan } from './encoding.js';

/** Excel's limit on the characters of a cell: a longer CSV field could not come from Excel. */
export const MAX_FIELD_CHARS = 32_767;
/** Excel's limit on the columns of a sheet (A to XFD). */
export const MAX_FIELDS = 16_384;
/** A record (one row, all its fields) of more than 4 MiB is a runaway quote or a hostile file. */
export const MAX_RECORD_CHARS = 4 * 2 ** 20;

const CHUNK = 64 * 1024;
// Rows handed on 256 at a time: a batch read while the next rows are typed lives past two young
// collections when it is large (4,096), and dies in the old generation — the 1,048,576-row CSV's
// peak was 450 or 730 MiB run to run as the collector's timing fell, and is 441–445 now.
const BATCH = 256;

/** What streaming one CSV needs: the file, its first bytes and the choices made on them. */
export interface CsvStream {
  readonly file: InputFile;
  /** The file's first bytes; `complete` when they are all of it (then the file is not read again). */
  readonly head: Buffer;
  readonly complete: boolean;
  readonly plan: EncodingPlan;
  /** Characters to drop after the BOM: Excel's `sep=;` line, which is not a row. */
  readonly skip: number;
  readonly delimiter: string;
}

/**
 * Where each row of a CSV starts in the file: row n is on line n, after Excel's `sep=` line, and
 * after the line breaks quoted inside the records before it (a GitHub annotation names the line).
 * Only the records that span lines are kept, as (row, line breaks inside it and those before it).
 */
export class CsvLines {
  private rows: number[] = [];
  private breaks: number[] = [];
  /** How many fields each of the first rows has, empty ones at its end too (a header's blank last headers). */
  private fields: number[] = [];

  constructor(private readonly sepLine: number) {}

  /** Starts again (each read of a large CSV streams it again). */
  reset(): void {
    this.rows = [];
    this.breaks = [];
    this.fields = [];
  }

  /** Row `row` has `n` fields (kept for the first FIELDS_KEPT rows only, where a header is looked for). */
  setFields(row: number, n: number): void {
    if (row <= FIELDS_KEPT) this.fields[row] = n;
  }

  /** How many fields row `row` has, for one of the first rows. */
  fieldsOf(row: number): number | undefined {
    return this.fields[row];
  }

  /** Row `row` holds `n` line breaks inside its fields. */
  add(row: number, n: number): void {
    this.rows.push(row);
    this.breaks.push((this.breaks.at(-1) ?? 0) + n);
  }

  /** The line on which row `row` starts. */
  lineOf(row: number): number {
    // The last record spanning lines before `row`.
    let lo = 0;
    let hi = this.rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.rows[mid]! < row) lo = mid + 1;
      else hi = mid;
    }
    return row + this.sepLine + (lo > 0 ? this.breaks[lo - 1]! : 0);
  }
}

/** The rows whose count of fields is kept: more than a header is looked for among (30 rows, blank ones besides). */
const FIELDS_KEPT = 256;

/** The line breaks inside a field, as git and GitHub count lines: each LF (a CRLF is one, a lone CR none). */
function lineBreaks(v: string): number {
  let n = 0;
  for (let i = v.indexOf('\n'); i >= 0; i = v.indexOf('\n', i + 1)) n++;
  return n;
}

/** The rows of a CSV in batches, numbered as Excel shows them (record index + 1); `lines` learns where each starts. */
export async function* streamCsvRows(csv: CsvStream, options: RowOptions = {}, lines?: CsvLines): AsyncGenerator<RawRow[]> {
  const read = { bytes: 0 };
  const file = csv.file.path;
  let index = 0;
  let batch: RawRow[] = [];
  lines?.reset();
  // Only records csv-parse reads can hold a line break (the splitter's lines hold no quote).
  let quoted = false;
  const take = (record: string[]): void => {
    index++;
    // More records than a sheet has rows: no spreadsheet holds them, and kam keeps a table's rows in memory (found by a
    // new user: 6 million one-cell lines, 24 MB, ran V8 out of memory after two minutes, exit 134).
    if (index > MAX_ROWS) throw new InputError('input.tooManyRows', { limit: MAX_ROWS }, { file });
    if (record.length > MAX_FIELDS) throw new InputError('input.tooManyFields', { row: index, limit: MAX_FIELDS }, { file });
    const cells: (Cell | undefined)[] = [];
    let breaks = 0;
    for (let c = 0; c < record.length; c++) {
      const v = record[c]!;
      if (v.length > MAX_FIELD_CHARS) throw new InputError('input.fieldTooLong', { row: index, column: columnLetter(c), limit: MAX_FIELD_CHARS }, { file });
      // (A guarded field, `'=…`, reads as it was before the guard.)
      if (v !== '') cells[c] = v.charCodeAt(0) === 35 && EXCEL_ERROR.test(v) ? { t: 'e', v: v.trim().toUpperCase() } : { t: 's', v: v.charCodeAt(0) === 39 ? unneutralize(v) : v };
      if (quoted && v.includes('\n')) breaks += lineBreaks(v);
    }
    if (breaks > 0) lines?.add(index, breaks);
    lines?.setFields(index, record.length);
    if (cells.length > 0) batch.push({ row: index, cells });
  };
  const progress = (): void => options.onProgress?.(csv.file.size > 0 ? Math.min(read.bytes / csv.file.size, 1) : 1);
  // Lines without quotes are split here (plain.ts); from the first quote on, csv-parse reads.
  let parser: Parser | undefined;
  let done: Promise<unknown> | undefined;
  const before = { records: 0, lines: 0 };
  const source = chunks(csv, () => parser, before, read);
  const delimiter = csv.delimiter.length === 1 ? csv.delimiter.charCodeAt(0) : -1;
  try {
    let rest: Buffer | string | undefined;
    let plain = delimiter >= 0 && !'"\r\n'.includes(csv.delimiter);
    if (plain) {
      const out: string[][] = [];
      const row = (): number => index + out.length + 1;
      const splitter: PlainSplitter = new PlainSplitter(
        delimiter,
        MAX_RECORD_CHARS,
        MAX_FIELDS,
        (): InputError => new InputError('input.recordTooLong', { row: row(), line: splitter.lines + 1 + (csv.skip > 0 ? 1 : 0), limit: MAX_RECORD_CHARS }, { file }),
        (): InputError => new InputError('input.tooManyFields', { row: row(), limit: MAX_FIELDS }, { file }),
      );
      for (let next = await source.next(); !next.done; next = await source.next()) {
        rest = splitter.push(next.value, out);
        for (const record of out) take(record);
        out.length = 0;
        if (batch.length >= BATCH) {
          progress();
          yield batch;
          batch = [];
        }
        if (rest !== undefined) break;
      }
      if (rest === undefined) {
        splitter.end(out);
        for (const record of out) take(record);
      }
      before.records = index;
      before.lines = splitter.lines;
      plain = rest === undefined;
    }
    if (!plain) {
      quoted = true;
      parser = parse({ delimiter: csv.delimiter, relax_column_count: true, relax_quotes: true, record_delimiter: RECORD_ENDS, skip_empty_lines: false, max_record_size: MAX_RECORD_CHARS });
      const input = Readable.from(rest !== undefined ? resume(rest, source) : source, { highWaterMark: 1 });
      // Errors of the source and the parser surface in the loop below; this only settles the pipeline.
      done = pipeline(input, parser).catch(() => undefined);
      for await (const record of parser as AsyncIterable<string[]>) {
        take(record);
        if (batch.length >= BATCH) {
          progress();
          yield batch;
          batch = [];
        }
      }
    }
  } catch (err) {
    throw await describe(err, csv, index, before.lines);
  } finally {
    parser?.destroy();
    await done;
    await source.return(undefined);
  }
  if (batch.length > 0) yield batch;
}

/** The text csv-parse takes over from the splitter, then the chunks after it. */
async function* resume(first: Buffer | string, rest: AsyncGenerator<Buffer | string>): AsyncGenerator<Buffer | string> {
  yield first;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

/** The decoded chunks of the file; stops the parser before a record grows past MAX_FIELDS fields. */
async function* chunks(csv: CsvStream, parser: () => Parser | undefined, before: { records: number }, read: { bytes: number }): AsyncGenerator<Buffer | string> {
  const decoder = chunkDecoder(csv.plan, csv.plan.bom);
  let skip = csv.skip;
  const take = (out: Buffer | string): Buffer | string => {
    if (skip === 0 || out.length === 0) return out;
    const n = Math.min(skip, out.length);
    skip -= n;
    return typeof out === 'string' ? out.slice(n) : out.subarray(n);
  };
  // csv-parse has no cap on the fields of a record, and empty fields do not count towards its
  // record size: look at the record being built before each chunk (at most a few chunks behind).
  const guard = (): void => {
    const p = parser();
    if (!p) return;
    const state = (p as unknown as { state?: { record?: unknown[] } }).state;
    if ((state?.record?.length ?? 0) > MAX_FIELDS) throw new InputError('input.tooManyFields', { row: before.records + p.info.records + 1, limit: MAX_FIELDS }, { file: csv.file.path });
  };
  if (csv.complete) {
    for (let pos = csv.plan.bom; pos < csv.head.length; pos += CHUNK) {
      guard();
      const chunk = csv.head.subarray(pos, pos + CHUNK);
      read.bytes = pos + chunk.length;
      const out = take(decoder.write(chunk));
      if (out.length > 0) yield out;
    }
  } else {
    const fh = await openInputFile(csv.file);
    try {
      let pos = csv.plan.bom;
      for (;;) {
        guard();
        const buf = Buffer.allocUnsafe(CHUNK);
        const { bytesRead } = await fh.read(buf, 0, CHUNK, pos);
        if (bytesRead === 0) break;
        pos += bytesRead;
        read.bytes = pos;
        if (pos > csv.file.maxBytes) throw tooLarge(csv.file.path, pos, csv.file.maxBytes);
        const out = take(decoder.write(buf.subarray(0, bytesRead)));
        if (out.length > 0) yield out;
      }
    } finally {
      await fh.close();
    }
  }
  const tail = take(decoder.end());
  if (tail.length > 0) yield tail;
}

/** Any failure while streaming as the one-line error it should be. */
async function describe(err: unknown, csv: CsvStream, index: number, linesBefore = 0): Promise<unknown> {
  const file = csv.file.path;
  if (err instanceof KamError) return err;
  if (err instanceof InvalidUtf8) return new InputError('input.badUtf8', { offset: err.offset, line: await lineAt(csv, err.offset) }, { file });
  // The sep= line, and the lines the splitter read before csv-parse took over.
  const lines = (csv.skip > 0 ? 1 : 0) + linesBefore;
  if (err instanceof CsvError) {
    const line = typeof err.lines === 'number' ? err.lines + lines : '?';
    if (err.code === 'CSV_MAX_RECORD_SIZE') return new InputError('input.recordTooLong', { row: index + 1, line, limit: MAX_RECORD_CHARS }, { file });
    // A quote never closed is said where it opens, not at the end of the file where csv-parse finds it.
    const open = err.code === 'CSV_QUOTE_NOT_CLOSED' ? await unclosedQuote(csv).catch(() => undefined) : undefined;
    if (open) return new InputError('input.unclosedQuote', { line: open.line, row: open.row, column: columnLetter(open.column) }, { file });
    return new InputError('input.csvSyntax', { line }, { file });
  }
  return inputErrorFor(err, file);
}

/** The line of a byte offset, reading the file again (only on the way to an error). */
async function lineAt(csv: CsvStream, offset: number): Promise<number | string> {
  if (csv.complete || offset <= csv.head.length) return lineOf(csv.head, offset);
  try {
    const fh = await openInputFile(csv.file);
    try {
      let line = 1;
      const buf = Buffer.allocUnsafe(CHUNK);
      for (let pos = 0; pos < offset; ) {
        const { bytesRead } = await fh.read(buf, 0, Math.min(CHUNK, offset - pos), pos);
        if (bytesRead === 0) break;
        line += lineOf(buf.subarray(0, bytesRead), bytesRead) - 1;
        pos += bytesRead;
      }
      return line;
    } finally {
      await fh.close();
    }
  } catch {
    return '?';
  }
}

/**
 * Where the quote that is never closed opens: the file read again from its start (only on the way to
 * that error), its quotes followed as csv-parse follows them with `relax_quotes` — a quote opens a
 * field only at its start, `""` inside one is a quote, and one followed by anything but a delimiter or
 * a line end closes it too. Lines are counted as git counts them (each LF), rows as kam numbers them.
 */
async function unclosedQuote(csv: CsvStream): Promise<{ line: number; row: number; column: number } | undefined> {
  const delimiter = csv.delimiter;
  const first = delimiter.charCodeAt(0);
  let line = 1 + (csv.skip > 0 ? 1 : 0);
  let row = 1;
  let column = 0;
  let filled = false;
  let quoting = false;
  let open: { line: number; row: number; column: number } | undefined;
  let text = '';
  const scan = (end: boolean): void => {
    // (The last few characters wait for the next chunk, where a quote, a delimiter or a CRLF may go on.)
    const stop = end ? text.length : text.length - delimiter.length - 1;
    let i = 0;
    while (i < stop) {
      const c = text.charCodeAt(i);
      if (quoting) {
        if (c === QUOTE) {
          const next = text.charCodeAt(i + 1);
          if (next === QUOTE) {
            i += 2;
            continue;
          }
          quoting = false;
          // (Closed by what follows, or not: either way what follows is read outside quotes.)
          filled = !(i + 1 >= text.length || next === LF || next === CR || text.startsWith(delimiter, i + 1));
        } else if (c === LF) line++;
        i++;
        continue;
      }
      if (c === first && text.startsWith(delimiter, i)) {
        column++;
        filled = false;
        i += delimiter.length;
        continue;
      }
      if (c === LF || c === CR) {
        const crlf = c === CR && text.charCodeAt(i + 1) === LF;
        if (c === LF || crlf) line++;
        row++;
        column = 0;
        filled = false;
        i += crlf ? 2 : 1;
        continue;
      }
      if (c === QUOTE && !filled) {
        quoting = true;
        open = { line, row, column };
      }
      filled = true;
      i++;
    }
    text = text.slice(i);
  };
  // (The file's text as the rows were read from it: after its BOM and its `sep=` line.)
  for await (const out of chunks(csv, () => undefined, { records: 0 }, { bytes: 0 })) {
    text += typeof out === 'string' ? out : out.toString('utf8');
    scan(false);
  }
  scan(true);
  return quoting ? open : undefined;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
