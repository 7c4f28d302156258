/** Tables of plain values written as a new XLSX workbook. */
import type { FileHandle } from 'node:fs/promises';
import { PassThrough, type Writable } from 'node:stream';
import type * as ExcelTypes from 'exceljs';
import type { SheetData } from '../../model/sheet-data.js';
import { displayWidth } from '../../util/width.js';
import type { Column as XColumn } from 'exceljs';
import { ooxmlText } from '../xlsx/xml-write.js';

/** A cell value as exceljs should write it: text in OOXML's escaped form (exceljs itself drops control characters). */
function cellValue(v: unknown): unknown {
  if (v === undefined) return null;
  return typeof v === 'string' ? ooxmlText(v) : v;
}

/**
 * Writes an XLSX workbook with exceljs's streaming writer (text stays text, never a formula;
 * header bold and frozen); 100,000 rows take seconds, not the minutes of the in-memory writer.
 */
export async function writeXlsx(target: string | Writable, sheets: readonly SheetData[]): Promise<void> {
  // exceljs is CommonJS: under ESM its API is the default export.
  const ExcelJS = ((await import('exceljs')) as unknown as { default: typeof ExcelTypes }).default;
  const where = typeof target === 'string' ? { filename: target } : { stream: target };
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ ...where, useSharedStrings: true, useStyles: true });
  wb.creator = 'kam';
  for (const sheet of sheets) {
    // Excel's sheet names: at most 31 characters, none of : \ / ? * [ ] or a control character.
    // eslint-disable-next-line no-control-regex -- control characters are what this removes
    const ws = wb.addWorksheet(sheet.name.replace(/[\0-\x1f\x7f:\\/?*[\]]/g, '_').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = sheet.header.map((h, i) => {
      const width = Math.max(...[h, ...sheet.rows.slice(0, 200).map((r) => String(r[i] ?? ''))].map(displayWidth));
      const fmt = sheet.formats?.[i];
      return { width: Math.min(60, Math.max(8, width + 2)), ...(fmt ? { style: { numFmt: fmt } } : {}) } as Partial<XColumn>;
    });
    const head = ws.addRow(sheet.header.map(cellValue));
    head.font = { bold: true };
    head.commit();
    for (const row of sheet.rows) ws.addRow(row.map(cellValue)).commit();
    ws.commit();
  }
  await wb.commit();
}

/**
 * Writes the workbook through an open file handle: the bytes pass through a stream kam drains
 * into the handle, so no writer ever opens the file again by name (a signal may have removed the
 * name of a temporary file; opening it again would create it anew).
 */
export async function writeXlsxTo(fh: FileHandle, sheets: readonly SheetData[]): Promise<void> {
  const pass = new PassThrough();
  const drained = (async () => {
    for await (const chunk of pass) await fh.write(chunk as Buffer);
  })();
  await Promise.all([writeXlsx(pass, sheets), drained]);
}
