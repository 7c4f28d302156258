/** Tables of plain values written as a new XLSX workbook. */
import type * as ExcelTypes from 'exceljs';
import type { SheetData } from '../../model/sheet-data.js';
import { displayWidth } from '../../util/width.js';
import type { Column as XColumn } from 'exceljs';

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
