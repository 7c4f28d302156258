/**
 * Writes a copy of an .xlsx file with some cells changed, and nothing else: every other zip entry
 * is copied byte for byte (its compressed data untouched), and in the changed sheet only the
 * cells named are rewritten, keeping their style. No read-then-write through a workbook model, so
 * charts, pivot tables, images, comments, validation and defined names all survive.
 */
import { open } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import * as zlib from 'node:zlib';
import { InputError } from '../../model/errors.js';
import { columnIndex, columnLetter } from '../../util/cellref.js';
import { endsTagName } from './xml.js';
import { ZipArchive, type ZipEntry } from './zip.js';
import { centralHeader, crc32, endOfCentralDirectory, localHeader } from './zip-write.js';

/** New texts by sheet part, then row, then 0-based column. */
export type CellEdits = Map<string, Map<number, Map<number, string>>>;

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
    await write(endOfCentralDirectory(central.length, offset - cdStart, cdStart));
    await fh.sync();
  } finally {
    await fh.close();
  }
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
    const after = cells.find((c) => columnIndex(c[1]!) > col);
    out = after ? out.slice(0, after.index) + cell + out.slice(after.index) : out + cell;
  }
  return out;
}
