/** Typed sheets (`kam convert`) written by exceljs's streaming writer; sheet names Excel accepts. */
import type { FileHandle } from 'node:fs/promises';
import { PassThrough, type Writable } from 'node:stream';
import type * as ExcelTypes from 'exceljs';
import { displayWidth } from '../../util/width.js';
import type { CellErrorValue, Column as XColumn } from 'exceljs';
import { ooxmlText } from '../xlsx/xml-write.js';
import { writeAll } from './atomic.js';
import type { TypedValue } from '../../parse/typed.js';
import { toExcelSerial } from '../../util/date.js';

/**
 * A name Excel accepts for a sheet: at most 31 characters, none of : \ / ? * [ ] or a control
 * character; and no apostrophe, which exceljs does not double where it quotes the name (print titles).
 */
export function excelSheetName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  return name.replace(/[\0-\x1f\x7f:\\/?*[\]']/g, '_').slice(0, 31);
}

/** exceljs's module (CommonJS: under ESM its API is the default export). */
export async function loadExcelJs(): Promise<typeof ExcelTypes> {
  return ((await import('exceljs')) as unknown as { default: typeof ExcelTypes }).default;
}

/** A cell value as exceljs should write it: text in OOXML's escaped form (exceljs itself drops control characters). */
export function cellValue(v: unknown): unknown {
  if (v === undefined) return null;
  return typeof v === 'string' ? ooxmlText(v) : v;
}

/** Runs a writer into a stream whose bytes kam writes to the handle. */
export async function throughHandle(fh: FileHandle, write: (out: Writable) => Promise<void>): Promise<void> {
  const pass = new PassThrough();
  const drained = (async () => {
    for await (const chunk of pass) await writeAll(fh, chunk as Buffer);
  })();
  await Promise.all([write(pass), drained]);
}

/** A sheet of typed cells (`kam convert`): numbers, dates (with a time of day where they have one), text. */
export interface TypedSheet {
  name: string;
  /** 1-based rows, each a list of cells by 0-based column (holes are empty cells). */
  rows: { row: number; cells: (TypedValue | undefined)[] }[];
  /** The header row (bold, frozen below it); 0 for none. */
  headerRow: number;
}

/**
 * Writes typed sheets through a file handle with exceljs's streaming writer: a number as a number,
 * a date as a date with a date format, text as text (never a formula); widths by display width.
 */
export async function writeTypedXlsxTo(fh: FileHandle, sheets: readonly TypedSheet[]): Promise<void> {
  const ExcelJS = await loadExcelJs();
  await throughHandle(fh, async (out) => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: true });
    wb.creator = 'kam';
    for (const sheet of sheets) {
      const ws = wb.addWorksheet(excelSheetName(sheet.name), sheet.headerRow > 0 ? { views: [{ state: 'frozen', ySplit: sheet.headerRow }] } : {});
      const widths: number[] = [];
      for (const r of sheet.rows.slice(0, 500)) r.cells.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c ? displayWidth(c.t === 'd' ? `${c.date} ${c.time ?? ''}`.trim() : String(c.v)) : 0)));
      ws.columns = Array.from({ length: widths.length }, (_, i) => ({ width: Math.min(60, Math.max(8, (widths[i] ?? 0) + 2)) }) as Partial<XColumn>);
      for (const r of sheet.rows) {
        const row = ws.getRow(r.row);
        r.cells.forEach((c, i) => {
          if (!c) return;
          const cell = row.getCell(i + 1);
          if (c.t === 'd') {
            // Excel's serial, its phantom 1900-02-29 counted (exceljs's Date is a day late before 1900-03-01; found by a new user).
            const [hh, mm, ss] = (c.time ?? '00:00:00').split(':').map(Number) as [number, number, number];
            cell.value = toExcelSerial(c.date) + (hh * 3600 + mm * 60 + ss) / 86_400;
            cell.numFmt = c.time ? 'yyyy-mm-dd hh:mm:ss' : 'yyyy-mm-dd';
          } else if (c.t === 'e') {
            // An error value stays one (a CSV's `#N/A` is Excel's error, and kam reads it so; found by review: it was written as text).
            cell.value = { error: c.v as CellErrorValue['error'] };
          } else cell.value = c.t === 'n' ? c.v : (cellValue(c.v) as string);
        });
        if (r.row === sheet.headerRow) row.font = { bold: true };
        row.commit();
      }
      ws.commit();
    }
    await wb.commit();
  });
}
