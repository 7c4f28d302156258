/** The CSV backend: encoding detection, delimiter sniffing, and rows numbered as Excel shows them. */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import type { Cell, RawRow } from '../../model/cell.js';
import { InputError, UsageError } from '../../model/errors.js';
import type { SheetSource } from '../source.js';

export interface CsvOptions {
  encoding?: string;
  delimiter?: string;
}

export interface CsvSheet extends SheetSource {
  readonly encoding: string;
  readonly delimiter: string;
}

export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** Reads and decodes a whole CSV file and works out its delimiter; rows are parsed on demand. */
export async function readCsvSheet(file: string, options: CsvOptions = {}): Promise<CsvSheet> {
  const bytes = await readFile(file);
  const { text, encoding } = decodeCsv(bytes, file, options.encoding);
  let body = text;
  let delimiter = options.delimiter === undefined ? undefined : parseDelimiterOption(options.delimiter);
  // Excel's `sep=;` first line names the delimiter and is not shown as a row.
  const sep = /^sep=(.)\r?\n/i.exec(body);
  if (sep) {
    delimiter ??= sep[1]!;
    body = body.slice(sep[0].length);
  }
  delimiter ??= sniffDelimiter(body, file);
  const name = basename(file);
  const records = parseRecords(body, delimiter, file);
  return {
    name,
    encoding,
    delimiter,
    async *rows(): AsyncGenerator<RawRow[]> {
      let batch: RawRow[] = [];
      for (let i = 0; i < records.length; i++) {
        const cells: (Cell | undefined)[] = [];
        const rec = records[i]!;
        for (let c = 0; c < rec.length; c++) {
          const v = rec[c]!;
          if (v !== '') cells[c] = { t: 's', v };
        }
        if (cells.length > 0) batch.push({ row: i + 1, cells });
        if (batch.length >= 4096) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
    },
  };
}

/** `,` `;` `|`, and `tab` or `\t` for a tab. */
export function parseDelimiterOption(value: string): string {
  const v = value === 'tab' || value === '\\t' ? '\t' : value;
  if (v.length !== 1) throw new UsageError('usage.delimiter', { value });
  return v;
}

/** BOM first (UTF-8, UTF-16LE/BE); then strict UTF-8; then GB18030, what Excel in China writes. */
export function decodeCsv(bytes: Buffer, file: string, forced?: string): { text: string; encoding: string } {
  if (forced) {
    if (!iconv.encodingExists(forced)) throw new UsageError('usage.encoding', { value: forced });
    return { text: stripBom(iconv.decode(bytes, forced)), encoding: forced.toLowerCase() };
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: bytes.toString('utf8', 3), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  if (looksBinary(bytes)) throw new InputError('input.binary', {}, { file });
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(bytes, 'gb18030'), encoding: 'gb18030' };
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** NUL bytes in the first KiB mean a binary file (or UTF-16 without a BOM, which we do not guess). */
export function looksBinary(bytes: Buffer): boolean {
  const n = Math.min(bytes.length, 1024);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
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
export function sniffDelimiter(text: string, file: string): string {
  let sample = text.slice(0, 65536);
  if (sample.length < text.length) sample = sample.slice(0, Math.max(sample.lastIndexOf('\n'), 1));
  const candidates: Candidate[] = [];
  for (const delimiter of DELIMITERS) {
    let records: string[][];
    try {
      records = parse(sample, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true });
    } catch {
      continue;
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

function parseRecords(text: string, delimiter: string, file: string): string[][] {
  try {
    return parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw new InputError('input.csvSyntax', { line: line ?? '?' }, { file });
  }
}
