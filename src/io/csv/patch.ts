/**
 * A CSV file with some fields changed or added, and nothing else: the same encoding (and BOM),
 * delimiter, line ends and `sep=` line; a record kam does not touch keeps its text exactly, one it
 * only adds fields to keeps its text and gets the fields after it, one whose field it replaces is
 * written anew (quoted where needed). What kam writes is protected against formula injection
 * (SPEC §7) unless `raw`; numbers are written as numbers.
 */
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { InputError } from '../../model/errors.js';
import { neutralize } from '../../util/safe-text.js';
import type { CellValue } from '../xlsx/patch.js';
import { decodeCsv } from './read.js';
import { RECORD_ENDS, SEP_LINE } from './encoding.js';

export interface CsvPatch {
  bytes: Buffer;
  /** Every record of the new file, to check against what was meant. */
  records: string[][];
  /** The records of the file as it was. */
  before: string[][];
  /** Per column: numbers were written with a decimal comma (see decimalMarkOf). */
  decimalComma: (col: number) => boolean;
}

/** Applies `edits` (row → 0-based column → value; rows numbered as kam reads them) to a CSV file's bytes. */
export function patchCsv(original: Buffer, file: string, delimiter: string, edits: Map<number, Map<number, CellValue>>, options: { encoding?: string; raw?: boolean; decimalComma?: (col: number) => boolean } = {}): CsvPatch {
  const { text, encoding } = decodeCsv(original, file, options.encoding);
  const bom = original[0] === 0xef && original[1] === 0xbb && original[2] === 0xbf ? 'utf8' : original[0] === 0xff && original[1] === 0xfe ? 'le' : original[0] === 0xfe && original[1] === 0xff ? 'be' : undefined;
  const sep = SEP_LINE.exec(text);
  const head = sep ? sep[0] : '';
  const body = text.slice(head.length);
  const parsed = parse(body, { delimiter, relax_column_count: true, relax_quotes: true, record_delimiter: RECORD_ENDS, skip_empty_lines: false, raw: true }) as unknown as { record: string[]; raw: string }[];
  // Each record's text with its line end, found by walking the file along csv-parse's raw texts (which
  // keep a record's `\n` in some files and drop it in others): joined, they are the file again.
  const lines: string[] = [];
  const ends: string[] = [];
  let pos = 0;
  for (const p of parsed) {
    if (!body.startsWith(p.raw, pos)) throw new InputError('write.verify', { what: `row ${lines.length + 1}` }, { file });
    let end = pos + p.raw.length;
    if (body[end] === '\n' && !p.raw.endsWith('\n')) end++;
    const text = body.slice(pos, end);
    const eol = /\r?\n$|\r$/.exec(text)?.[0] ?? '';
    lines.push(text.slice(0, text.length - eol.length));
    ends.push(eol);
    pos = end;
  }
  if (pos !== body.length) throw new InputError('write.verify', { what: 'the end of the file' }, { file });
  const comma = options.decimalComma ?? ((): boolean => false);
  const special = new RegExp(`["\\r\\n${delimiter === '\t' ? '\\t' : delimiter.replace(/[\\^$.*+?()[\]{}|-]/g, '\\$&')}]`);
  const quoted = (s: string): string => (special.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const field = (v: CellValue, c: number): string => {
    if (v === null) return '';
    return quoted(cellText(v, options.raw, comma(c)));
  };
  const records = parsed.map((p) => [...p.record]);
  for (const [row, cells] of edits) {
    const i = row - 1;
    const record = records[i];
    if (!record) throw new InputError('input.corruptPart', { part: `row ${row}` }, { file });
    const line = lines[i]!;
    const width = record.length === 1 && record[0] === '' ? 0 : record.length;
    const cols = [...cells.keys()].sort((a, b) => a - b);
    if (cols[0]! >= width) {
      // Only new fields, after the record's own: its text stays as it was.
      const added: string[] = [];
      for (let c = width; c <= cols[cols.length - 1]!; c++) {
        added.push(cells.has(c) ? field(cells.get(c)!, c) : '');
        record[c] = cells.has(c) ? cellText(cells.get(c)!, options.raw, comma(c)) : '';
      }
      lines[i] = (width === 0 ? '' : line + delimiter) + added.join(delimiter);
      continue;
    }
    for (const [c, v] of cells) {
      while (record.length <= c) record.push('');
      record[c] = cellText(v, options.raw, comma(c));
    }
    // The fields kam writes are made safe; the others keep their text (a note `=1+1` is the user's, not kam's to change).
    lines[i] = record.map((v, c) => (cells.has(c) ? field(v, c) : quoted(v))).join(delimiter);
  }
  const out = head + lines.map((l, i) => l + ends[i]!).join('');
  let bytes = iconv.encode(out, encoding, { addBOM: false });
  // Text the encoding cannot hold (Simplified characters in Big5) would come back as `?`: refused, naming it.
  if (!/^utf-?(8|16)/i.test(encoding) && iconv.decode(bytes, encoding) !== out) {
    for (const cells of edits.values()) {
      for (const v of cells.values()) {
        if (typeof v === 'string' && iconv.decode(iconv.encode(v, encoding), encoding) !== v) throw new InputError('write.encoding', { text: v, encoding }, { file });
      }
    }
    throw new InputError('write.encoding', { text: '', encoding }, { file });
  }
  if (bom) bytes = Buffer.concat([Buffer.from(BOMS[bom]), bytes]);
  return { bytes, records: reparse(bytes, file, delimiter, options.encoding ?? encoding), before: parsed.map((p) => p.record), decimalComma: comma };
}

const BOMS = { utf8: [0xef, 0xbb, 0xbf], le: [0xff, 0xfe], be: [0xfe, 0xff] } as const;

/**
 * What a field reads back as: a number as its shortest decimal (its point a comma where that is
 * the decimal mark), text as written (neutralised unless raw).
 */
function cellText(v: CellValue, raw = false, decimalComma = false): string {
  if (v === null) return '';
  return typeof v === 'number' ? numberText(v, decimalComma) : raw ? v : neutralize(v);
}

/** A number as its shortest decimal; `92,5` where the decimal mark is a comma (never grouped: `1250`). */
export function numberText(v: number, decimalComma: boolean): string {
  const s = String(v);
  return decimalComma && !/e/i.test(s) ? s.replace('.', ',') : s;
}

function reparse(bytes: Buffer, file: string, delimiter: string, encoding: string): string[][] {
  const { text } = decodeCsv(bytes, file, encoding);
  const sep = SEP_LINE.exec(text);
  return parse(sep ? text.slice(sep[0].length) : text, { delimiter, relax_column_count: true, relax_quotes: true, record_delimiter: RECORD_ENDS, skip_empty_lines: false }) as string[][];
}

/** The value a written field must read back as, for the check after writing. */
export function expectedText(v: CellValue, raw = false, decimalComma = false): string {
  return cellText(v, raw, decimalComma);
}
