/**
 * The CSV backend: the encoding and the delimiter are decided on the file's first bytes, then rows
 * stream (each call of rows() reads the file again), numbered as Excel shows them.
 */
import { basename } from 'node:path';
import { CsvError, parse } from 'csv-parse/sync';
import type { RawRow } from '../../model/cell.js';
import { InputError, UsageError } from '../../model/errors.js';
import { checkInputFile, readStart, type FileIdentity, type InputFile } from '../input-file.js';
import type { RowOptions, SheetSource } from '../source.js';
import { chooseEncoding, decodeAll, InvalidUtf8, lineOf, RECORD_ENDS, SEP_LINE, SAMPLE_BYTES, type EncodingPlan } from './encoding.js';
import { CsvLines, streamCsvRows } from './stream.js';

export { looksBinary } from './encoding.js';

export interface CsvOptions {
  encoding?: string;
  delimiter?: string;
}

export interface CsvSheet extends SheetSource {
  readonly encoding: string;
  readonly delimiter: string;
  /** The real path of the file. */
  readonly file: string;
  /** The file as it was read (a write into it checks that it still is). */
  readonly identity: FileIdentity;
}

/** Where a CSV may be read from and how much of it. */
export interface ReadLimits {
  /** Files above this many bytes are refused. */
  maxBytes?: number;
  /** The real path of the CSV folder the file was found in: the file must resolve inside it. */
  folder?: string;
  /** The first bytes the encoding is decided on (and a smaller file is parsed at once): 4 MiB. */
  sampleBytes?: number;
  /** The file, already checked by the caller (a single CSV argument): not checked again. */
  checked?: InputFile;
}

export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** The delimiter is sniffed from the first 64 KiB of text; decoding 256 KiB always covers it. */
const SNIFF_CHARS = 65536;
const SNIFF_BYTES = 256 * 1024;

/**
 * Opens a CSV file: checks it (a regular file, under the size limit, inside `folder` if given),
 * reads its first 4 MiB, and decides the encoding and the delimiter; rows stream on demand.
 */
export async function readCsvSheet(path: string, options: CsvOptions & ReadLimits = {}): Promise<CsvSheet> {
  const file = options.checked ?? (await checkInputFile(path, options.maxBytes ?? Number.MAX_SAFE_INTEGER, options.folder));
  const head = await readStart(file, options.sampleBytes ?? SAMPLE_BYTES);
  const complete = head.length >= file.size;
  const plan = chooseEncoding(head, complete, path, options.encoding);
  const headBytes = complete ? head : head.subarray(0, Math.min(head.length, SNIFF_BYTES));
  const text = decodeHead(headBytes, plan, complete && headBytes === head);
  let delimiter = options.delimiter === undefined ? undefined : parseDelimiterOption(options.delimiter);
  // Excel's `sep=;` first line names the delimiter and is not shown as a row.
  const sep = SEP_LINE.exec(text);
  if (sep) delimiter ??= sep[1]!;
  const body = sep ? text.slice(sep[0].length) : text;
  delimiter ??= sniffDelimiter(body, path, !(complete && headBytes === head));
  const csv = { file, head, complete, plan, skip: sep ? sep[0].length : 0, delimiter };
  // A file that fits in the sample is parsed now, once: a syntax error shows at once, and later
  // reads do not parse it again. A larger one streams on each call of rows().
  const lines = new CsvLines(sep ? 1 : 0);
  const parsed = complete ? await collect(streamCsvRows(csv, {}, lines)) : undefined;
  return {
    name: basename(path),
    file: file.real,
    identity: file.identity,
    encoding: plan.encoding,
    delimiter,
    ...decimalMarkOf(body, delimiter),
    rows: (rowOptions?: RowOptions): AsyncIterable<RawRow[]> => (parsed ? replay(parsed, rowOptions) : streamCsvRows(csv, rowOptions, lines)),
    lineOf: lines.lineOf.bind(lines),
    fieldsOf: lines.fieldsOf.bind(lines),
  };
}

/**
 * Which columns of a CSV write their numbers with a decimal comma, from the numbers of its first
 * 256 KiB, column by column: `2,5`, `1.234,5`, `1.234.567` say comma; `12.5`, `1,234.5`,
 * `1,234,567` say point; a column that shows both, or neither (only `1.250`, which is 1250 or 1.25),
 * takes the file's mark. A `;` file's is the comma, as Excel writes a `;` CSV where the mark is a
 * comma (a column of ids such as `1.1` changes no other column; found by review), unless a column
 * groups thousands by commas (`1,500,000`) and none shows the comma mark; a tab file's
 * (Excel's "Unicode text") the comma when some column shows it; a `,` file has none (its `2,5` would
 * be quoted). `guessed` names a value whose reading rests on the `;` alone, for a note.
 */
export function decimalMarkOf(body: string, delimiter: string): { decimalComma?: (col: number) => boolean; decimalCommaGuessed?: string } {
  if (delimiter === ',') return quotedCommaMark(body);
  if (delimiter !== ';' && delimiter !== '\t') return {};
  const comma: number[] = [];
  const dot: number[] = [];
  // Thousands grouped by commas (`1,500,000`, `1,234.5`): a file whose decimal mark is the comma never writes them.
  let grouped = false;
  const ambiguous: (string | undefined)[] = [];
  for (const line of body.split(/\r?\n|\r/)) {
    const fields = line.split(delimiter);
    for (let c = 0; c < fields.length; c++) {
      const raw = fields[c]!;
      const f = raw.trim().replace(/^"(.*)"$/, '$1').replace(/\s/g, '').replace(/^[-+(]?[€$£¥]?/, '').replace(/[)%]?(?:€|£|eur|usd|gbp)?$/i, '');
      if (f.length < 3 || f.length > 24 || !/^\d[\d.,]*\d$/.test(f)) continue;
      if (/^\d{1,3}(?:\.\d{3})+,\d+$|^[1-9]\d{0,2}(?:\.\d{3}){2,}$|^\d+,(?:\d{1,2}|\d{4,})$/.test(f)) comma[c] = (comma[c] ?? 0) + 1;
      else if (/^\d{1,3}(?:,\d{3})+\.\d+$|^[1-9]\d{0,2}(?:,\d{3}){2,}$|^\d+\.(?:\d{1,2}|\d{4,})$/.test(f)) {
        dot[c] = (dot[c] ?? 0) + 1;
        if (f.includes(',')) grouped = true;
      }
      else if (ambiguous[c] === undefined && /^[1-9]\d{0,2}[.,]\d{3}$/.test(f)) ambiguous[c] = raw.trim();
    }
  }
  const anyComma = comma.some((n) => n > 0);
  // (A `;` file that groups thousands by commas, `1,500,000`, and shows no comma mark writes its numbers with a point:
  // its `1,200` is 1200 — found by a new user, read as 1.2 by the `;` alone. A point alone, `1.1`, may be an id.)
  const fileComma = anyComma || (delimiter === ';' && !grouped);
  if (!fileComma && !anyComma) return {};
  const own = (col: number): boolean | undefined => {
    const [k, d] = [comma[col] ?? 0, dot[col] ?? 0];
    return k > 0 && d === 0 ? true : d > 0 && k === 0 ? false : undefined;
  };
  const decimalComma = (col: number): boolean => (col < 0 ? fileComma : (own(col) ?? fileComma));
  // A value read with a comma on the `;` alone: no column of the file shows a comma.
  const guessed = fileComma && !anyComma ? ambiguous.find((a, col) => a !== undefined && own(col) === undefined) : undefined;
  return guessed === undefined ? { decimalComma } : { decimalComma, decimalCommaGuessed: guessed };
}

/**
 * A `,` file's columns whose quoted numbers show the comma mark (`"1.200.000"`, `"1.234,50"`: a German-locale export;
 * found by a new user: `"800.000"` was 800) and no number shows the point: those columns read with a comma. The file's
 * own mark stays the point (its `2,5` would be quoted, and is then read by its column).
 */
function quotedCommaMark(body: string): { decimalComma?: (col: number) => boolean } {
  const comma: number[] = [];
  const dot: number[] = [];
  const FIELD = /("(?:[^"]|"")*"|[^,]*)(?:,|$)/g;
  for (const line of body.split(/\r?\n|\r/)) {
    if (!line.includes('"')) continue;
    let c = 0;
    FIELD.lastIndex = 0;
    for (let m = FIELD.exec(line); m && m[0] !== ''; m = FIELD.exec(line), c++) {
      const raw = m[1]!.trim();
      if (!raw.startsWith('"')) continue;
      const f = raw.slice(1, -1).replace(/\s/g, '').replace(/^[-+(]?[€$£¥]?/, '').replace(/[)%]?(?:€|£|eur|usd|gbp)?$/i, '');
      if (f.length < 3 || f.length > 24 || !/^\d[\d.,]*\d$/.test(f)) continue;
      // (Only the forms no point-file writes: `1.234,5`, `1.200.000`; a lone `"2,5"` says nothing here.)
      if (/^\d{1,3}(?:\.\d{3})+,\d+$|^[1-9]\d{0,2}(?:\.\d{3}){2,}$/.test(f)) comma[c] = (comma[c] ?? 0) + 1;
      else if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+\.(?:\d{1,2}|\d{4,})$/.test(f)) dot[c] = (dot[c] ?? 0) + 1;
    }
  }
  if (!comma.some((n) => n > 0)) return {};
  return { decimalComma: (col: number) => col >= 0 && (comma[col] ?? 0) > 0 && (dot[col] ?? 0) === 0 };
}

async function collect(batches: AsyncIterable<RawRow[]>): Promise<RawRow[][]> {
  const all: RawRow[][] = [];
  for await (const batch of batches) all.push(batch);
  return all;
}

async function* replay(batches: readonly RawRow[][], options: RowOptions = {}): AsyncGenerator<RawRow[]> {
  for (let i = 0; i < batches.length; i++) {
    options.onProgress?.((i + 1) / batches.length);
    yield batches[i]!;
  }
}

/** The text of the first bytes, without the BOM; a sequence cut off at the end is left out. */
function decodeHead(bytes: Buffer, plan: EncodingPlan, whole: boolean): string {
  // Only for sniffing: the rows are decoded again as they stream, strictly where the plan says so.
  if (whole) return decodeAll(bytes, plan.mode === 'utf8-strict' ? { ...plan, mode: 'utf8' } : plan);
  const cut = plan.mode === 'iconv' ? bytes : bytes.subarray(0, bytes.length - 4);
  return decodeAll(cut, { ...plan, mode: plan.mode === 'iconv' ? 'iconv' : 'utf8' }).replace(/\uFFFD+$/, '');
}

/** `,` `;` `|`, and `tab` (or `\t`, or a tab character) for a tab; anything else is a usage error. */
export function parseDelimiterOption(value: string): string {
  const v = value === 'tab' || value === '\\t' ? '\t' : value;
  // Only the delimiters sniffed (SPEC §1): `x` would read a comma file as one column of text.
  if (!(DELIMITERS as readonly string[]).includes(v)) throw new UsageError('usage.delimiter', { value });
  return v;
}

/** Decodes a whole CSV file's bytes as SPEC §1 says (a BOM, strict UTF-8, GB18030, or --encoding). */
export function decodeCsv(bytes: Buffer, file: string, forced?: string): { text: string; encoding: string } {
  const plan = chooseEncoding(bytes, true, file, forced);
  try {
    return { text: decodeAll(bytes, plan), encoding: plan.encoding };
  } catch (err) {
    if (err instanceof InvalidUtf8) throw new InputError('input.badUtf8', { offset: err.offset, line: lineOf(bytes, err.offset) }, { file });
    throw err;
  }
}

interface Candidate {
  delimiter: string;
  columns: number;
  consistency: number;
}

/**
 * Picks the delimiter under which the most lines have the same number of fields (at least two).
 * Two delimiters that fit equally well make the file ambiguous: the user must say which.
 */
export function sniffDelimiter(text: string, file: string, more = false): string {
  let sample = text.slice(0, SNIFF_CHARS);
  // Cut after the last whole line (ended by LF, CRLF or a lone CR).
  const cut = more || sample.length < text.length;
  if (cut) sample = sample.slice(0, Math.max(sample.lastIndexOf('\n'), sample.lastIndexOf('\r'), 1));
  const candidates: Candidate[] = [];
  for (const delimiter of DELIMITERS) {
    const records: string[][] = [];
    try {
      parse(sample, {
        delimiter,
        relax_column_count: true,
        relax_quotes: true,
        record_delimiter: RECORD_ENDS,
        skip_empty_lines: true,
        on_record: (record: string[]) => {
          records.push(record);
          return null;
        },
      });
    } catch (err) {
      // A cut sample may end inside a quoted line break: the records before it still count.
      if (!(cut && err instanceof CsvError && err.code === 'CSV_QUOTE_NOT_CLOSED')) continue;
    }
    const counts = records.filter((r) => r.some((f) => f.trim() !== '')).map((r) => r.length);
    if (counts.length === 0) continue;
    const freq = new Map<number, number>();
    for (const c of counts) freq.set(c, (freq.get(c) ?? 0) + 1);
    let columns = 0;
    let best = 0;
    for (const [c, n] of freq) if (n > best || (n === best && c > columns)) [columns, best] = [c, n];
    if (columns >= 2) candidates.push({ delimiter, columns, consistency: best / counts.length });
  }
  if (candidates.length === 0) return ',';
  candidates.sort((a, b) => b.consistency - a.consistency || b.columns - a.columns);
  const [first, second] = candidates;
  if (second && second.consistency === first!.consistency && second.columns === first!.columns) {
    throw new InputError('input.ambiguousDelimiter', { a: show(first!.delimiter), b: show(second.delimiter) }, { file });
  }
  return first!.delimiter;
}

function show(delimiter: string): string {
  return delimiter === '\t' ? 'tab' : delimiter;
}
