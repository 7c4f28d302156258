// Building test workbooks: with exceljs (as most tools write them) and by hand, part by part, to
// reproduce what other writers put in a file (inline strings, prefixes, 1904 dates, hostile XML).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';

/** A fresh temporary folder. */
export function tempDir(prefix = 'kam-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface SheetSpec {
  name: string;
  rows: unknown[][];
  merges?: string[];
  /** Number formats by column letter. */
  formats?: Record<string, string>;
}

/** Writes an .xlsx with exceljs; a row value may be any exceljs cell value. */
export async function writeBook(path: string, sheets: SheetSpec[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const r of s.rows) ws.addRow(r as ExcelJS.CellValue[]);
    for (const m of s.merges ?? []) ws.mergeCells(m);
    for (const [col, fmt] of Object.entries(s.formats ?? {})) ws.getColumn(col).numFmt = fmt;
  }
  await wb.xlsx.writeFile(path);
  return path;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Writes a zip of the given entries (deflated), as a minimal writer would. */
export function writeZip(path: string, entries: Record<string, string | Buffer>): string {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    const comp = deflateRawSync(data);
    const nameBuf = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(comp.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    locals.push(local, nameBuf, comp);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(comp.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + comp.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(path, Buffer.concat([...locals, cd, end]));
  return path;
}

export interface RawSheet {
  name: string;
  /** The inner XML of <sheetData> (rows), and anything after it (mergeCells). */
  data: string;
  after?: string;
}

/** Writes a hand-made .xlsx: one part per sheet, with an optional prefix, shared strings and styles. */
export function writeRawXlsx(
  path: string,
  sheets: RawSheet[],
  options: { prefix?: string; sharedStrings?: string[]; styles?: string; date1904?: boolean; workbookExtra?: string } = {},
): string {
  const p = options.prefix ? `${options.prefix}:` : '';
  const ns = options.prefix ? `xmlns:${options.prefix}` : 'xmlns';
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const entries: Record<string, string> = {
    '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><${p}workbook ${ns}="${main}" xmlns:r="${rel}">${options.date1904 ? `<${p}workbookPr date1904="1"/>` : ''}<${p}sheets>${sheets.map((s, i) => `<${p}sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</${p}sheets>${options.workbookExtra ?? ''}</${p}workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_s, i) => `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rIdS" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdT" Type="${rel}/styles" Target="styles.xml"/></Relationships>`,
  };
  sheets.forEach((s, i) => {
    entries[`xl/worksheets/sheet${i + 1}.xml`] = `<?xml version="1.0" encoding="UTF-8"?><${p}worksheet ${ns}="${main}" xmlns:r="${rel}"><${p}sheetData>${s.data}</${p}sheetData>${s.after ?? ''}</${p}worksheet>`;
  });
  if (options.sharedStrings) {
    entries['xl/sharedStrings.xml'] = `<?xml version="1.0" encoding="UTF-8"?><${p}sst ${ns}="${main}">${options.sharedStrings.map((s) => (s.startsWith('<') ? `<${p}si>${s}</${p}si>` : `<${p}si><${p}t>${s}</${p}t></${p}si>`)).join('')}</${p}sst>`;
  }
  if (options.styles) entries['xl/styles.xml'] = options.styles;
  return writeZip(path, entries);
}
