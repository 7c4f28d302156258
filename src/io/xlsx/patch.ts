/**
 * Writes a copy of an .xlsx file with some cells changed, and nothing else: every other zip entry
 * is copied byte for byte (its compressed data untouched), and in the changed sheet only the
 * cells named are rewritten, keeping their style. No read-then-write through a workbook model, so
 * charts, pivot tables, images, comments, validation and defined names all survive.
 */
import type { FileHandle } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import * as zlib from 'node:zlib';
import { InputError } from '../../model/errors.js';
import { cellAddress, columnIndex, columnLetter } from '../../util/cellref.js';
import { endsTagName } from './xml.js';
import { utf16Bom } from '../utf8.js';
import { MarkupSeen } from './markup.js';
import { xmlText } from './xml-write.js';
import { crc32, ZipArchive, type ZipEntry } from './zip.js';
import { centralHeader, endOfCentralDirectory, localHeader } from './zip-write.js';
import { writeAll } from '../write/atomic.js';

/** What a cell becomes: text (an inline string), a number, or null (its value removed, its style kept). */
export type CellValue = string | number | null;

/** A cell to write; a new cell may take the style of another column's cell of the same row. */
export interface CellEdit {
  value: CellValue;
  /** 0-based column whose cell (in the same row) lends a new cell its style index. */
  styleLike?: number;
}

/** New values by sheet part, then row, then 0-based column. */
export type CellEdits = Map<string, Map<number, Map<number, CellValue | CellEdit>>>;

/** Changes to a sheet beyond its cells: columns it gains (0-based index → width in characters). */
export interface SheetChanges {
  newColumns?: Map<number, number>;
  /** The sheet's name, for messages. */
  sheet?: string;
}

/** Writes `source` with `edits` applied into `fh` (an empty new file, named `target` in messages). */
export async function writePatchedXlsx(source: string, fh: FileHandle, edits: CellEdits, target = '', changes: Map<string, SheetChanges> = new Map()): Promise<void> {
  const zip = await ZipArchive.open(source);
  // A digital signature covers the sheets: one changed cell breaks it, and Excel then says the book was tampered with
  // (found by a hostile-file trial: written, "every other part byte-identical", the signature silently invalid).
  for (const name of zip.entries.keys()) if (name.toLowerCase().startsWith('_xmlsignatures/')) throw new InputError('write.signed', {}, { file: source });
  const central: Buffer[] = [];
  let offset = 0;
  // Small pieces (the records of small parts, headers) are gathered into one write of up to 1 MiB.
  let held: Buffer[] = [];
  let heldBytes = 0;
  const flush = async (): Promise<void> => {
    if (heldBytes === 0) return;
    const buf = held.length === 1 ? held[0]! : Buffer.concat(held, heldBytes);
    held = [];
    heldBytes = 0;
    await writeAll(fh, buf);
  };
  const write = async (buf: Buffer): Promise<void> => {
    offset += buf.length;
    held.push(buf);
    heldBytes += buf.length;
    if (heldBytes >= 1 << 20) await flush();
  };
  const records = await zip.recordReader();
  try {
    for (const entry of zip.entries.values()) {
      const rows = edits.get(entry.name);
      const start = offset;
      if (rows) {
        const { data, crc, size } = await rewrite(zip, entry, rows, { ...changes.get(entry.name), file: source });
        const meta = { ...entry, method: 8, crc, size, compressedSize: data.length, flags: entry.flags & ~0x8 };
        await write(localHeader(meta));
        await write(data);
        central.push(centralHeader(meta, start));
      } else if (entry.central && entry.localOffset !== 0xffffffff) {
        // Untouched: its local record and its central record as they were, only the offset moved.
        for await (const chunk of records.record(entry)) await write(chunk);
        const record = Buffer.from(entry.central);
        record.writeUInt32LE(start, 42);
        central.push(record);
      } else {
        const meta = { ...entry, flags: entry.flags & ~0x8 };
        await write(localHeader(meta));
        for await (const chunk of records.raw(entry)) await write(chunk);
        central.push(centralHeader(meta, start));
      }
      if (offset > 0xffffffff) throw new InputError('output.failed', { reason: 'larger than 4 GiB' }, { file: target });
    }
  } finally {
    await records.close();
  }
  const cdStart = offset;
  for (const c of central) await write(c);
  await write(endOfCentralDirectory(central.length, offset - cdStart, cdStart, zip.comment));
  await flush();
  await fh.sync();
}

/**
 * A sheet part's chunks, refused before any is patched when the part is written in UTF-16 (read, it is decoded; written,
 * its cells would be patched as UTF-8): said as that, nothing written (found by a new user: "the workbook is corrupt",
 * naming kam's own temporary copy).
 */
async function* utf8Only(chunks: AsyncIterable<Buffer>, part: string, file: string): AsyncGenerator<Buffer> {
  let first = true;
  // (And one that holds XML comments or processing instructions: read without them, its cells could be patched inside
  // one; found by a hostile-file trial, the tiers written into a comment.)
  const markup = new MarkupSeen();
  for await (const chunk of chunks) {
    if (first && utf16Bom(chunk)) throw new InputError('output.utf16Part', { part }, { file });
    first = false;
    if (markup.see(chunk)) throw new InputError('output.xmlMarkup', { part }, { file });
    yield chunk;
  }
}

/** Inflates a sheet, rewrites the edited cells, deflates it again. */
async function rewrite(zip: ZipArchive, entry: ZipEntry, rows: Map<number, Map<number, CellValue | CellEdit>>, changes: SheetChanges & { file: string }): Promise<{ data: Buffer; crc: number; size: number }> {
  const deflate = zlib.createDeflateRaw({ level: 6 });
  const compressed: Buffer[] = [];
  deflate.on('data', (c: Buffer) => compressed.push(c));
  const finished = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  let crc = 0;
  let size = 0;
  const emit = (text: string): void => {
    if (text === '') return;
    const buf = Buffer.from(text, 'utf8');
    crc = crc32(buf, crc);
    size += buf.length;
    deflate.write(buf);
  };
  await patchRows(utf8Only(zip.stream(entry), entry.name, changes.file), rows, emit, changes);
  deflate.end();
  await finished;
  return { data: Buffer.concat(compressed), crc, size };
}

/**
 * Streams a sheet's XML through, replacing the cells named in `rows`. With new columns, the
 * sheet's `<dimension>` and `<cols>` (before `<sheetData>`) and the `spans` of the edited rows grow
 * to include them. Refuses (an InputError, so that nothing is written) a cell that holds a formula,
 * a protected sheet, and a merged range over a cell it writes.
 */
export async function patchRows(
  chunks: AsyncIterable<Buffer>,
  rows: Map<number, Map<number, CellValue | CellEdit>>,
  emit: (text: string) => void,
  changes: SheetChanges & { file?: string } = {},
): Promise<void> {
  const decoder = new StringDecoder('utf8');
  const where = { file: changes.file ?? '', ...(changes.sheet !== undefined ? { sheet: changes.sheet } : {}) };
  const lastNew = changes.newColumns && changes.newColumns.size > 0 ? Math.max(...changes.newColumns.keys()) : undefined;
  let buf = '';
  let prefix: string | undefined;
  let headDone = lastNew === undefined;
  let lastRow = 0;
  const pending = new Set(rows.keys());
  // What follows </sheetData> (protection, merged ranges): small, kept to be checked at the end.
  let after: string | undefined;
  let carry = '';
  // The sheet's head (before <sheetData>) as read so far, its length, and the end of its last piece searched.
  let head: string[] = [];
  let headLength = 0;
  let overlap = '';
  let sheetData: RegExp | undefined;
  const pass = (text: string): void => {
    if (text === '') return;
    if (after !== undefined) after += text;
    else {
      const probe = carry + text;
      const at = probe.indexOf(`</${prefix ?? ''}sheetData>`);
      if (at >= 0) after = probe.slice(at);
      carry = probe.slice(-32);
    }
    if (after !== undefined && after.length > MAX_TAIL) throw new InputError('input.corruptPart', { part: 'sheet' }, where);
    emit(text);
  };
  for await (const chunk of chunks) {
    const piece = decoder.write(chunk);
    let text: string | undefined;
    let offset = 0;
    if (prefix === undefined) {
      // The root element's prefix first, in the first 64 KiB.
      buf += piece;
      const root = /<([\w.-]+:)?worksheet[\s>]/.exec(buf);
      if (!root && buf.length < 65536) continue;
      prefix = root?.[1] ?? '';
      if (!headDone) {
        text = buf;
        head = [buf];
        headLength = buf.length;
        buf = '';
      }
    } else if (!headDone) {
      head.push(piece);
      headLength += piece.length;
      text = overlap + piece;
      offset = headLength - text.length;
    } else buf += piece;
    if (text !== undefined) {
      // Everything before the rows is rewritten at once: <dimension> and <cols> come before <sheetData>.
      // The head is kept in pieces, each new one searched with the end of the one before (a head grown as one
      // string and searched whole for each chunk took minutes for hundreds of megabytes; found by a new user).
      sheetData ??= new RegExp(`<${prefix.replace('.', '\\.')}sheetData[\\s/>]`);
      const open = sheetData.exec(text);
      if (!open) {
        overlap = text.slice(-64);
        // No real sheet has megabytes before its rows (a sheet's properties, views, 16,384 column widths at most).
        if (headLength > MAX_HEAD) throw new InputError('input.corruptPart', { part: 'sheet' }, where);
        continue;
      }
      const whole = head.join('');
      head = [];
      const at = offset + open.index;
      pass(growHead(whole.slice(0, at), prefix, changes.newColumns!));
      buf = whole.slice(at);
      headDone = true;
    }
    let pos = 0;
    const rowOpen = `<${prefix}row`;
    const rowClose = `</${prefix}row>`;
    for (;;) {
      if (pending.size === 0) break;
      const i = buf.indexOf(rowOpen, pos);
      const gt = i < 0 ? -1 : buf.indexOf('>', i);
      if (i < 0 || gt < 0 || i + rowOpen.length >= buf.length) {
        const keep = i >= 0 ? i : Math.max(pos, buf.length - rowOpen.length - 1);
        pass(buf.slice(pos, keep));
        pos = keep;
        break;
      }
      const next = buf.charCodeAt(i + rowOpen.length);
      if (!endsTagName(next)) {
        pass(buf.slice(pos, i + rowOpen.length));
        pos = i + rowOpen.length;
        continue;
      }
      const tag = buf.slice(i, gt + 1);
      const r = /\sr\s*=\s*["'](\d+)["']/.exec(tag);
      const rowNum = r ? Number(r[1]) : lastRow + 1;
      const edit = rows.get(rowNum);
      if (!edit) {
        lastRow = rowNum;
        pass(buf.slice(pos, gt + 1));
        pos = gt + 1;
        continue;
      }
      const widened = lastNew !== undefined ? widenSpans(tag, lastNew) : tag;
      if (tag.endsWith('/>')) {
        // A row element without cells (a styled empty row): it gets its cells.
        lastRow = rowNum;
        pass(buf.slice(pos, i) + widened.slice(0, -2) + '>' + patchRow('', rowNum, edit, prefix, where) + rowClose);
        pending.delete(rowNum);
        pos = gt + 1;
        continue;
      }
      const close = buf.indexOf(rowClose, gt);
      if (close < 0) {
        pass(buf.slice(pos, i));
        pos = i;
        break;
      }
      lastRow = rowNum;
      pass(buf.slice(pos, i) + widened);
      pass(patchRow(buf.slice(gt + 1, close), rowNum, edit, prefix, where));
      pending.delete(rowNum);
      pos = close;
    }
    buf = buf.slice(pos);
    if (pending.size === 0) {
      pass(buf);
      buf = '';
    }
  }
  pass(buf + decoder.end());
  checkTail(after ?? '', prefix ?? '', rows, where);
}

/** The part after </sheetData> is never larger than this in a real sheet (merged ranges, validation). */
const MAX_TAIL = 256 * 1024 * 1024;
/** Nor is the part before <sheetData> (column widths of every column are ~1 MB). */
const MAX_HEAD = 64 * 1024 * 1024;

/** A protected sheet, or a merged range over a cell kam writes: refused. */
function checkTail(tail: string, p: string, rows: Map<number, Map<number, CellValue | CellEdit>>, where: { file: string; sheet?: string }): void {
  for (const tag of tail.match(new RegExp(`<${p}sheetProtection\\b[^>]*>`, 'g')) ?? []) {
    const on = /\ssheet\s*=\s*["'](1|true)["']/.exec(tag);
    if (on) throw new InputError('write.protected', {}, where);
  }
  for (const m of tail.matchAll(new RegExp(`<${p}mergeCell\\s[^>]*ref\\s*=\\s*["']([A-Z]+)(\\d+):([A-Z]+)(\\d+)["']`, 'g'))) {
    const [c1, r1, c2, r2] = [columnIndex(m[1]!), Number(m[2]), columnIndex(m[3]!), Number(m[4])];
    for (const [row, cells] of rows) {
      if (row < r1 || row > r2) continue;
      for (const col of cells.keys()) {
        // The top-left cell of a merged range is its value: writing there is fine.
        if (col >= c1 && col <= c2 && !(col === c1 && row === r1)) throw new InputError('write.merged', { range: `${m[1]}${m[2]}:${m[3]}${m[4]}` }, { ...where, cell: refIn(where, col, row) });
      }
    }
  }
}

/** A cell's reference in a message: with its sheet when known. */
function refIn(where: { sheet?: string }, col: number, row: number): string {
  return where.sheet !== undefined ? cellAddress(where.sheet, col, row) : `${columnLetter(col)}${row}`;
}

/** `spans="1:11"` of a row grown to include column `last` (0-based). */
function widenSpans(tag: string, last: number): string {
  return tag.replace(/(\sspans\s*=\s*["'])(\d+):(\d+)(["'])/, (all, a: string, lo: string, hi: string, q: string) => (Number(hi) < last + 1 ? `${a}${lo}:${last + 1}${q}` : all));
}

/** The sheet's head (before <sheetData>) with <dimension> and <cols> grown to the new columns. */
function growHead(head: string, p: string, newColumns: Map<number, number>): string {
  const last = Math.max(...newColumns.keys());
  let out = head.replace(new RegExp(`(<${p}dimension\\s[^>]*ref\\s*=\\s*["'])([A-Z]+)(\\d+)(?::([A-Z]+)(\\d+))?(["'])`), (all, a: string, c1: string, r1: string, c2: string | undefined, r2: string | undefined, q: string) => {
    const end = c2 !== undefined ? columnIndex(c2) : columnIndex(c1);
    if (end >= last) return all;
    return `${a}${c1}${r1}:${columnLetter(last)}${r2 ?? r1}${q}`;
  });
  // Columns an existing <col> range covers keep its width; the others get one of their own.
  const covered = (col: number): boolean => {
    for (const m of out.matchAll(new RegExp(`<${p}col\\s[^>]*>`, 'g'))) {
      const min = Number(/\smin\s*=\s*["'](\d+)/.exec(m[0])?.[1] ?? 0);
      const max = Number(/\smax\s*=\s*["'](\d+)/.exec(m[0])?.[1] ?? 0);
      if (col + 1 >= min && col + 1 <= max) return true;
    }
    return false;
  };
  const add = [...newColumns].filter(([col]) => !covered(col)).sort((a, b) => a[0] - b[0]);
  if (add.length === 0) return out;
  const cols = add.map(([col, width]) => `<${p}col min="${col + 1}" max="${col + 1}" width="${width}" customWidth="1"/>`).join('');
  const closeCols = out.lastIndexOf(`</${p}cols>`);
  if (closeCols >= 0) {
    // <col> elements are sorted by min: the new columns are the rightmost ones.
    out = out.slice(0, closeCols) + cols + out.slice(closeCols);
  } else out += `<${p}cols>${cols}</${p}cols>`;
  return out;
}

/** One `<c>` element of a row: where it is in the row's XML and which column it stands in. */
interface CellSpan {
  start: number;
  end: number;
  col: number;
  tag: string;
}

/**
 * The cells of a row in order, each with its column: from its `r` attribute, or (legal, and what
 * some writers emit) one to the right of the cell before it.
 */
function cellSpans(content: string, p: string): CellSpan[] {
  const open = `<${p}c`;
  const close = `</${p}c>`;
  const out: CellSpan[] = [];
  let col = -1;
  let i = content.indexOf(open);
  while (i >= 0) {
    if (!endsTagName(content.charCodeAt(i + open.length))) {
      i = content.indexOf(open, i + open.length);
      continue;
    }
    const gt = content.indexOf('>', i);
    if (gt < 0) break;
    const tag = content.slice(i, gt + 1);
    const r = /\sr\s*=\s*["']([A-Za-z]{1,3})\d*["']/.exec(tag);
    col = r ? columnIndex(r[1]!.toUpperCase()) : col + 1;
    let end: number;
    if (content.charCodeAt(gt - 1) === 47) end = gt + 1;
    else {
      const c = content.indexOf(close, gt);
      end = c < 0 ? content.length : c + close.length;
    }
    out.push({ start: i, end, col, tag });
    i = content.indexOf(open, end);
  }
  return out;
}

/**
 * Rewrites the cells of one row: text as inline strings, numbers as numbers, null as a cell with
 * no value; an existing cell keeps its style, a new one takes its `styleLike` neighbour's. A missing
 * cell is added in column order; every rewritten cell carries its reference. A cell holding a
 * formula is refused.
 */
function patchRow(content: string, rowNum: number, edits: Map<number, CellValue | CellEdit>, p: string, where: { file: string; sheet?: string }): string {
  const spans = cellSpans(content, p);
  const byCol = new Map(spans.map((sp) => [sp.col, sp]));
  const styleOf = (span: CellSpan | undefined): string | undefined => (span ? /\ss\s*=\s*["'](\d+)["']/.exec(span.tag)?.[1] : undefined);
  const cellXml = (col: number, span?: CellSpan): string => {
    const e = edits.get(col)!;
    const edit: CellEdit = e !== null && typeof e === 'object' ? e : { value: e };
    const ref = `${columnLetter(col)}${rowNum}`;
    if (span && new RegExp(`<${p}f[\\s>/]`).test(content.slice(span.start, span.end))) throw new InputError('write.formula', {}, { ...where, cell: refIn(where, col, rowNum) });
    const style = styleOf(span) ?? (edit.styleLike !== undefined ? styleOf(byCol.get(edit.styleLike)) : undefined);
    const s = style !== undefined ? ` s="${style}"` : '';
    if (edit.value === null) return span || style !== undefined ? `<${p}c r="${ref}"${s}/>` : '';
    if (typeof edit.value === 'number') return `<${p}c r="${ref}"${s}><${p}v>${numberText(edit.value)}</${p}v></${p}c>`;
    return `<${p}c r="${ref}"${s} t="inlineStr"><${p}is><${p}t xml:space="preserve">${xmlText(edit.value)}</${p}t></${p}is></${p}c>`;
  };
  const todo = [...edits.keys()].sort((a, b) => a - b);
  let out = '';
  let pos = 0;
  let k = 0;
  for (const span of spans) {
    while (k < todo.length && todo[k]! < span.col) {
      out += content.slice(pos, span.start) + cellXml(todo[k]!);
      pos = span.start;
      k++;
    }
    if (k < todo.length && todo[k] === span.col) {
      out += content.slice(pos, span.start) + cellXml(span.col, span);
      pos = span.end;
      k++;
    }
  }
  // Cells to the right of the last one go after it (before any element that follows the cells).
  const tail = spans.length > 0 ? spans[spans.length - 1]!.end : 0;
  const at = Math.max(pos, tail);
  out += content.slice(pos, at);
  for (; k < todo.length; k++) out += cellXml(todo[k]!);
  return out + content.slice(at);
}

/** A number as the shortest text that reads back as the same double (no exponent below 1e21). */
function numberText(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`not a finite number: ${n}`);
  return String(n);
}
