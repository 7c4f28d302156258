/** Tables of plain values written as CSV (safe from formula injection) or as an XLSX workbook. */
import type * as ExcelTypes from 'exceljs';
import { displayWidth } from '../util/width.js';
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

/**
 * Writes an XLSX workbook with exceljs's streaming writer (text stays text, never a formula;
 * header bold and frozen); 100,000 rows take seconds, not the minutes of the in-memory writer.
 */
export async function writeXlsx(path: string, sheets: readonly SheetData[]): Promise<void> {
  // exceljs is CommonJS: under ESM its API is the default export.
  const ExcelJS = ((await import('exceljs')) as unknown as { default: typeof ExcelTypes }).default;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  wb.creator = 'kam';
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = sheet.header.map((h, i) => {
      const width = Math.max(...[h, ...sheet.rows.slice(0, 200).map((r) => String(r[i] ?? ''))].map(displayWidth));
      const fmt = sheet.formats?.[i];
      return { width: Math.min(60, Math.max(8, width + 2)), ...(fmt ? { style: { numFmt: fmt } } : {}) } as Partial<XColumn>;
    });
    const head = ws.addRow(sheet.header);
    head.font = { bold: true };
    head.commit();
    for (const row of sheet.rows) ws.addRow(row.map((v) => (v === undefined ? null : v))).commit();
    ws.commit();
  }
  await wb.commit();
}
