/**
 * New XLSX workbooks of sheets, plain or styled (model/styled-sheet.ts), written by kam's
 * streaming writer (styled-stream.ts) through the temporary file's handle: a plain table becomes
 * a styled sheet with its header bold and frozen.
 */
import type { FileHandle } from 'node:fs/promises';
import type { SheetData } from '../../model/sheet-data.js';
import { isStyled, type Cell, type StyledCell, type StyledSheet, type WorkbookSheet } from '../../model/styled-sheet.js';
import { displayWidth } from '../../util/width.js';
import { writeStyledXlsx } from './styled-stream.js';

/** Writes a workbook through an open file handle, row by row. `target` names the file in messages. */
export async function writeWorkbookTo(fh: FileHandle, sheets: readonly WorkbookSheet[], target = ''): Promise<void> {
  await writeStyledXlsx(fh, sheets.map((s) => (isStyled(s) ? s : plainAsStyled(s))), target);
}

/** A plain table as a styled sheet: the header bold and frozen, widths by content (of the first 200 rows). */
function plainAsStyled(sheet: SheetData): StyledSheet {
  const widths = sheet.header.map((h, i) => Math.min(60, Math.max(8, Math.max(...[h, ...sheet.rows.slice(0, 200).map((r) => String(r[i] ?? ''))].map(displayWidth)) + 2)));
  const rows = function* (): Generator<Cell[]> {
    yield sheet.header.map((h): StyledCell => ({ value: h, bold: true }));
    yield* sheet.rows;
  };
  return { kind: 'styled', name: sheet.name, rows: { [Symbol.iterator]: rows }, widths, ...(sheet.formats ? { formats: sheet.formats } : {}), freeze: { rows: 1, columns: 0 } };
}
