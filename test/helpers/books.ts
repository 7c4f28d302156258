// Building test workbooks: with exceljs (as most tools write them) and by hand, part by part, to
// reproduce what other writers put in a file (inline strings, prefixes, 1904 dates, hostile XML).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { craftZip } from './zip.js';
import { ZipArchive } from '../../src/io/xlsx/zip.js';

/** A fresh temporary folder. */
export function tempDir(prefix = 'kam-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A fresh folder holding these files (a CSV book, its kam.config.json). */
export function csvFolder(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
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

/** Every part of a zip (a workbook) as UTF-8 text, by name: to change some and write it again with `writeZip`. */
export async function zipTexts(path: string): Promise<Record<string, string>> {
  const zip = await ZipArchive.open(path);
  const entries: Record<string, string> = {};
  for (const [name, entry] of zip.entries) entries[name] = (await zip.read(entry)).toString('utf8');
  return entries;
}

/** Writes a zip of the given entries (deflated), as a minimal writer would. */
export function writeZip(path: string, entries: Record<string, string | Buffer>): string {
  return craftZip(path, Object.entries(entries).map(([name, data]) => ({ name, data })));
}

export interface RawSheet {
  name: string;
  /** The inner XML of <sheetData> (rows), and anything after it (mergeCells). */
  data: string;
  after?: string;
  /** What comes before <sheetData> (a dimension, column widths). */
  head?: string;
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
    entries[`xl/worksheets/sheet${i + 1}.xml`] = `<?xml version="1.0" encoding="UTF-8"?><${p}worksheet ${ns}="${main}" xmlns:r="${rel}">${s.head ?? ''}<${p}sheetData>${s.data}</${p}sheetData>${s.after ?? ''}</${p}worksheet>`;
  });
  if (options.sharedStrings) {
    entries['xl/sharedStrings.xml'] = `<?xml version="1.0" encoding="UTF-8"?><${p}sst ${ns}="${main}">${options.sharedStrings.map((s) => (s.startsWith('<') ? `<${p}si>${s}</${p}si>` : `<${p}si><${p}t>${s}</${p}t></${p}si>`)).join('')}</${p}sst>`;
  }
  if (options.styles) entries['xl/styles.xml'] = options.styles;
  return writeZip(path, entries);
}
