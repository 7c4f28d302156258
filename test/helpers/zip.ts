// Crafting zips by hand, for hostile-file tests: stored or deflated entries, any name twice, a
// wrong CRC, and huge parts made of one repeated unit without ever holding them in memory.
import { writeFileSync } from 'node:fs';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import type { ZipEntry } from '../../src/io/xlsx/zip.js';
import { centralHeader, endOfCentralDirectory, localHeader } from '../../src/io/xlsx/zip-write.js';

export interface RawEntry {
  name: string;
  /** Stored (method 0) or deflated (8); default 8. */
  method?: 0 | 8;
  /** The entry's bytes, compressed here; or give `compressed` with `size` and `crc`. */
  data?: string | Buffer;
  compressed?: Buffer;
  size?: number;
  crc?: number;
}

/** Writes a zip of the entries in order (names may repeat); returns `path`. Headers are kam's own writer's. */
export function craftZip(path: string, entries: RawEntry[]): string {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const method = e.method ?? 8;
    const data = e.data === undefined ? undefined : Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data, 'utf8');
    const comp = e.compressed ?? (method === 0 ? data! : deflateRawSync(data!));
    const rawName = Buffer.from(e.name, 'utf8');
    const entry: ZipEntry = { name: e.name, rawName, method, flags: 0x0800, compressedSize: comp.length, size: e.size ?? data!.length, localOffset: offset, crc: e.crc ?? crc32(data!), time: 0, date: 0 };
    const local = localHeader(entry);
    locals.push(local, comp);
    centrals.push(centralHeader(entry, offset));
    offset += local.length + comp.length;
  }
  const cd = Buffer.concat(centrals);
  writeFileSync(path, Buffer.concat([...locals, cd, endOfCentralDirectory(entries.length, cd.length, offset)]));
  return path;
}

/**
 * `head + unit × count + tail`, deflated without building it: each piece is compressed on its own
 * and ends with a full flush (byte-aligned, no reference to earlier bytes), so the compressed unit
 * can be repeated. A 1 MiB unit repeated 1,400 times is 1.4 GiB in about 1.5 MB.
 */
export function repeatDeflated(head: string, unit: string, count: number, tail: string): { compressed: Buffer; size: number; crc: number } {
  const full = { finishFlush: constants.Z_FULL_FLUSH };
  const h = Buffer.from(head, 'utf8');
  const u = Buffer.from(unit, 'utf8');
  const t = Buffer.from(tail, 'utf8');
  const cu = deflateRawSync(u, full);
  let crc = crc32(h);
  for (let i = 0; i < count; i++) crc = crc32(u, crc);
  crc = crc32(t, crc);
  const compressed = Buffer.concat([deflateRawSync(h, full), ...Array<Buffer>(count).fill(cu), deflateRawSync(t)]);
  return { compressed, size: h.length + u.length * count + t.length, crc };
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts of a one-sheet workbook ("Accounts", part xl/worksheets/sheet1.xml) except the sheet. */
export function workbookParts(): RawEntry[] {
  return [
    { name: '[Content_Types].xml', data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
    { name: '_rels/.rels', data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    { name: 'xl/workbook.xml', data: `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Accounts" sheetId="1" r:id="rId1"/></sheets></workbook>` },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    },
  ];
}

/** The start and end of a worksheet part around its rows (`after`: mergeCells and the like). */
export function sheetXml(rows: string, after = ''): string {
  return `${SHEET_HEAD}${rows}${sheetTail(after)}`;
}
export const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>`;
export function sheetTail(after = ''): string {
  return `</sheetData>${after}</worksheet>`;
}

/** A header row (Account, Revenue) and `n` account rows after it, from row 2. */
export function accountRows(n: number, from = 2): string {
  const head = '<row r="1"><c r="A1" t="inlineStr"><is><t>Account</t></is></c><c r="B1" t="inlineStr"><is><t>Revenue</t></is></c></row>';
  let out = from === 2 ? head : '';
  for (let r = from; r < from + n; r++) out += `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>Account ${r}</t></is></c><c r="B${r}"><v>${r}</v></c></row>`;
  return out;
}
