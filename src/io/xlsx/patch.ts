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
import { columnIndex, columnLetter } from '../../util/cellref.js';
import { endsTagName } from './xml.js';
import { xmlText } from './xml-write.js';
import { crc32, ZipArchive, type ZipEntry } from './zip.js';
import { centralHeader, endOfCentralDirectory, localHeader } from './zip-write.js';

/** New texts by sheet part, then row, then 0-based column. */
export type CellEdits = Map<string, Map<number, Map<number, string>>>;

/** Writes `source` with `edits` applied into `fh` (an empty new file, named `target` in messages). */
export async function writePatchedXlsx(source: string, fh: FileHandle, edits: CellEdits, target = ''): Promise<void> {
  const zip = await ZipArchive.open(source);
  const central: Buffer[] = [];
  let offset = 0;
  const write = async (buf: Buffer): Promise<void> => {
    await fh.write(buf);
    offset += buf.length;
  };
  for (const entry of zip.entries.values()) {
    const rows = edits.get(entry.name);
    const start = offset;
    if (rows) {
      const { data, crc, size } = await rewrite(zip, entry, rows);
      const meta = { ...entry, method: 8, crc, size, compressedSize: data.length, flags: entry.flags & ~0x8 };
      await write(localHeader(meta));
      await write(data);
      central.push(centralHeader(meta, start));
    } else {
      const meta = { ...entry, flags: entry.flags & ~0x8 };
      await write(localHeader(meta));
      for await (const chunk of zip.raw(entry)) await write(chunk);
      central.push(centralHeader(meta, start));
    }
    if (offset > 0xffffffff) throw new InputError('output.failed', { reason: 'larger than 4 GiB' }, { file: target });
  }
  const cdStart = offset;
  for (const c of central) await write(c);
  await write(endOfCentralDirectory(central.length, offset - cdStart, cdStart));
  await fh.sync();
}

/** Inflates a sheet, rewrites the edited cells, deflates it again. */
async function rewrite(zip: ZipArchive, entry: ZipEntry, rows: Map<number, Map<number, string>>): Promise<{ data: Buffer; crc: number; size: number }> {
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
  await patchRows(zip.stream(entry), rows, emit);
  deflate.end();
  await finished;
  return { data: Buffer.concat(compressed), crc, size };
}

/** Streams a sheet's XML through, replacing the cells named in `rows`. */
export async function patchRows(chunks: AsyncIterable<Buffer>, rows: Map<number, Map<number, string>>, emit: (text: string) => void): Promise<void> {
  const decoder = new StringDecoder('utf8');
  let buf = '';
  let prefix: string | undefined;
  let lastRow = 0;
  const pending = new Set(rows.keys());
  for await (const chunk of chunks) {
    buf += decoder.write(chunk);
    if (prefix === undefined) {
      const root = /<([\w.-]+:)?worksheet[\s>]/.exec(buf);
      if (!root && buf.length < 65536) continue;
      prefix = root?.[1] ?? '';
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
        emit(buf.slice(pos, keep));
        pos = keep;
        break;
      }
      const next = buf.charCodeAt(i + rowOpen.length);
      if (!endsTagName(next)) {
        emit(buf.slice(pos, i + rowOpen.length));
        pos = i + rowOpen.length;
        continue;
      }
      const tag = buf.slice(i, gt + 1);
      const r = /\sr\s*=\s*["'](\d+)["']/.exec(tag);
      const rowNum = r ? Number(r[1]) : lastRow + 1;
      const edit = rows.get(rowNum);
      if (!edit || tag.endsWith('/>')) {
        lastRow = rowNum;
        emit(buf.slice(pos, gt + 1));
        pos = gt + 1;
        continue;
      }
      const close = buf.indexOf(rowClose, gt);
      if (close < 0) {
        emit(buf.slice(pos, i));
        pos = i;
        break;
      }
      lastRow = rowNum;
      emit(buf.slice(pos, gt + 1));
      emit(patchRow(buf.slice(gt + 1, close), rowNum, edit, prefix));
      pending.delete(rowNum);
      pos = close;
    }
    buf = buf.slice(pos);
    if (pending.size === 0) {
      emit(buf);
      buf = '';
    }
  }
  emit(buf + decoder.end());
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
 * Rewrites the cells of one row as inline strings, keeping each cell's style; a missing cell is
 * added in column order. Every rewritten cell carries its reference.
 */
function patchRow(content: string, row: number, edits: Map<number, string>, p: string): string {
  const spans = cellSpans(content, p);
  const cellXml = (col: number, span?: CellSpan): string => {
    const style = span ? /\ss\s*=\s*["'](\d+)["']/.exec(span.tag) : null;
    const text = edits.get(col)!;
    return `<${p}c r="${columnLetter(col)}${row}"${style ? ` s="${style[1]}"` : ''} t="inlineStr"><${p}is><${p}t xml:space="preserve">${xmlText(text)}</${p}t></${p}is></${p}c>`;
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
