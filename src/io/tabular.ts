/** Tables of plain values written as CSV (safe from formula injection) or as an XLSX workbook. */
import type { Column as XColumn } from 'exceljs';

export type Value = string | number | boolean | null | undefined;

export interface SheetData {
  name: string;
  header: string[];
  rows: Value[][];
  /** Column number formats, e.g. '0.00' or '0.0%'. */
  formats?: (string | undefined)[];
}

const INJECTION = /^[=+\-@\t\r]/;

/** A text cell that a spreadsheet would run as a formula gets a leading `'` (checked after width folding). */
export function neutralize(text: string): string {
  return INJECTION.test(text.normalize('NFKC')) ? `'${text}` : text;
}

/** CSV with a UTF-8 BOM (so that Excel reads Chinese correctly) and CRLF line ends. */
export function toCsv(sheet: SheetData, raw = false): string {
  const lines = [sheet.header, ...sheet.rows].map((row) => row.map((v) => csvField(v, raw)).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

function csvField(value: Value, raw: boolean): string {
  if (value === null || value === undefined) return '';
  let s: string;
  if (typeof value === 'number') s = Number.isFinite(value) ? String(value) : '';
  else if (typeof value === 'boolean') s = value ? 'TRUE' : 'FALSE';
  else s = raw ? value : neutralize(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** An XLSX workbook (text stays text, never a formula), header bold and frozen. */
export async function toXlsx(sheets: readonly SheetData[]): Promise<Uint8Array> {
  const ExcelJS = ((await import('exceljs')) as unknown as { default: typeof import('exceljs') }).default;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'kam';
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(sheet.header).font = { bold: true };
    for (const row of sheet.rows) ws.addRow(row.map((v) => (v === undefined ? null : v)));
    ws.columns.forEach((col: Partial<XColumn>, i: number) => {
      const width = Math.max(...[sheet.header[i] ?? '', ...sheet.rows.slice(0, 200).map((r) => String(r[i] ?? ''))].map(displayWidth));
      col.width = Math.min(60, Math.max(8, width + 2));
      const fmt = sheet.formats?.[i];
      if (fmt) col.numFmt = fmt;
    });
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
