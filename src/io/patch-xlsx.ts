/**
 * Writes a copy of an .xlsx file with some cells changed, and nothing else: every other zip entry
 * is copied byte for byte (its compressed data untouched), and in the changed sheet only the
 * cells named are rewritten, keeping their style. No read-then-write through a workbook model, so
 * charts, pivot tables, images, comments, validation and defined names all survive.
 */
import { open } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import * as zlib from 'node:zlib';
import { InputError } from '../model/errors.js';
import { columnLetter } from '../util/cellref.js';
import { ZipArchive, type ZipEntry } from './zip.js';

/** New texts by sheet part, then row, then 0-based column. */
export type CellEdits = Map<string, Map<number, Map<number, string>>>;

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const EOCD = 0x06054b50;

/** Writes `source` with `edits` applied to `target` (a new file). */
export async function writePatchedXlsx(source: string, target: string, edits: CellEdits): Promise<void> {
  const zip = await ZipArchive.open(source);
  const fh = await open(target, 'w');
  const central: Buffer[] = [];
  let offset = 0;
  const write = async (buf: Buffer): Promise<void> => {
    await fh.write(buf);
    offset += buf.length;
  };
  try {
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
    const end = Buffer.alloc(22);
    end.writeUInt32LE(EOCD, 0);
    end.writeUInt16LE(central.length, 8);
    end.writeUInt16LE(central.length, 10);
    end.writeUInt32LE(offset - cdStart, 12);
    end.writeUInt32LE(cdStart, 16);
    await write(end);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

function localHeader(e: ZipEntry): Buffer {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(LOCAL, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(e.flags, 6);
  h.writeUInt16LE(e.method, 8);
  h.writeUInt16LE(e.time, 10);
  h.writeUInt16LE(e.date, 12);
  h.writeUInt32LE(e.crc >>> 0, 14);
  h.writeUInt32LE(e.compressedSize, 18);
  h.writeUInt32LE(e.size, 22);
  h.writeUInt16LE(e.rawName.length, 26);
  h.writeUInt16LE(0, 28);
  return Buffer.concat([h, e.rawName]);
}

function centralHeader(e: ZipEntry, localOffset: number): Buffer {
  const h = Buffer.alloc(46);
  h.writeUInt32LE(CENTRAL, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(20, 6);
  h.writeUInt16LE(e.flags, 8);
  h.writeUInt16LE(e.method, 10);
  h.writeUInt16LE(e.time, 12);
  h.writeUInt16LE(e.date, 14);
  h.writeUInt32LE(e.crc >>> 0, 16);
  h.writeUInt32LE(e.compressedSize, 20);
  h.writeUInt32LE(e.size, 24);
  h.writeUInt16LE(e.rawName.length, 28);
  h.writeUInt32LE(localOffset, 42);
  return Buffer.concat([h, e.rawName]);
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** CRC-32 of a buffer, continuing from `crc` (node:zlib's when it has one). */
function crc32(buf: Buffer, crc: number): number {
  const native = (zlib as { crc32?: (data: Buffer, value?: number) => number }).crc32;
  if (native) return native(buf, crc);
  let c = ~crc;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
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
      if (!(next === 32 || next === 62 || next === 47 || next === 9 || next === 10 || next === 13)) {
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

function xmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Rewrites the cells of one row as inline strings, keeping each cell's style; adds missing ones in column order. */
function patchRow(content: string, row: number, edits: Map<number, string>, p: string): string {
  let out = content;
  for (const [col, text] of [...edits].sort((a, b) => a[0] - b[0])) {
    const ref = `${columnLetter(col)}${row}`;
    const re = new RegExp(`<${p}c\\s[^>]*?\\br\\s*=\\s*["']${ref}["'][^>]*?(?:/>|>[\\s\\S]*?</${p}c>)`);
    const m = re.exec(out);
    const style = m ? /\ss\s*=\s*["'](\d+)["']/.exec(m[0].slice(0, m[0].indexOf('>') + 1)) : null;
    const cell = `<${p}c r="${ref}"${style ? ` s="${style[1]}"` : ''} t="inlineStr"><${p}is><${p}t xml:space="preserve">${xmlText(text)}</${p}t></${p}is></${p}c>`;
    if (m) {
      out = out.slice(0, m.index) + cell + out.slice(m.index + m[0].length);
      continue;
    }
    // No such cell yet: insert it before the first cell to its right.
    const cells = [...out.matchAll(new RegExp(`<${p}c\\s[^>]*?\\br\\s*=\\s*["']([A-Z]+)\\d+["']`, 'g'))];
    const after = cells.find((c) => columnIndexOf(c[1]!) > col);
    out = after ? out.slice(0, after.index) + cell + out.slice(after.index) : out + cell;
  }
  return out;
}

function columnIndexOf(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
