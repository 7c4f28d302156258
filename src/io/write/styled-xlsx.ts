/**
 * Workbooks of styled sheets (model/styled-sheet.ts) written with exceljs's in-memory writer, the
 * one whose validations, conditional formats, notes and print titles are known to work (issue 10
 * warns against the streaming writer for them): the workbook is built whole, then written through
 * the handle like every other file.
 */
import type { FileHandle } from 'node:fs/promises';
import type * as ExcelTypes from 'exceljs';
import type { SheetData } from '../../model/sheet-data.js';
import { isStyled, type Area, type StyledCell, type StyledSheet, type WorkbookSheet } from '../../model/styled-sheet.js';
import { columnLetter } from '../../util/cellref.js';
import { displayWidth } from '../../util/width.js';
import { cellValue, excelSheetName, loadExcelJs, throughHandle, writeXlsxTo } from './xlsx.js';

/** `E3:Z40` (relative), or `$A$2:$A$7` with `absolute`. */
export function areaRef(a: Area, absolute = false): string {
  const d = absolute ? '$' : '';
  return `${d}${columnLetter(a.left - 1)}${d}${a.top}:${d}${columnLetter(a.right - 1)}${d}${a.bottom}`;
}

/** A range on a named sheet as formulas write it: the name always quoted, its apostrophes doubled. */
export function sheetRangeRef(sheet: string, a: Area): string {
  return `'${sheet.replace(/'/g, "''")}'!${areaRef(a, true)}`;
}

/**
 * Writes a workbook through an open file handle: plain tables alone by the streaming writer (fast
 * at 100,000 rows), anything styled by the in-memory writer.
 */
export async function writeWorkbookTo(fh: FileHandle, sheets: readonly WorkbookSheet[]): Promise<void> {
  if (!sheets.some(isStyled)) return writeXlsxTo(fh, sheets as SheetData[]);
  const wb = await styledWorkbook(sheets.map((s) => (isStyled(s) ? s : plainAsStyled(s))));
  // exceljs pipes its zip into the stream and ends it.
  await throughHandle(fh, async (out) => wb.xlsx.write(out));
}

/** A plain table as a styled sheet: the header bold and frozen, widths by content. */
function plainAsStyled(sheet: SheetData): StyledSheet {
  const rows = [sheet.header.map((h): StyledCell => ({ value: h, bold: true })), ...sheet.rows];
  const widths = sheet.header.map((h, i) => Math.min(60, Math.max(8, Math.max(...[h, ...sheet.rows.slice(0, 200).map((r) => String(r[i] ?? ''))].map(displayWidth)) + 2)));
  return { kind: 'styled', name: sheet.name, rows, widths, ...(sheet.formats ? { formats: sheet.formats } : {}), freeze: { rows: 1, columns: 0 } };
}

const THIN: Partial<ExcelTypes.Border> = { style: 'thin', color: { argb: 'FFBFBFBF' } };
const solid = (argb: string): ExcelTypes.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb }, bgColor: { argb } });

/** The exceljs workbook of styled sheets. */
export async function styledWorkbook(sheets: readonly StyledSheet[]): Promise<ExcelTypes.Workbook> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'kam';
  const names = new Map(sheets.map((s) => [s.name, excelSheetName(s.name)]));
  const filters: { name: string; ranges: string[]; localSheetId: number }[] = [];
  for (const [index, sheet] of sheets.entries()) {
    const ws = wb.addWorksheet(names.get(sheet.name)!, {
      ...(sheet.freeze ? { views: [{ state: 'frozen', xSplit: sheet.freeze.columns, ySplit: sheet.freeze.rows }] } : {}),
      ...(sheet.hidden ? { state: 'hidden' } : {}),
    });
    // exceljs takes a width of exactly 9 for its default and leaves the column out of <cols>.
    sheet.widths?.forEach((w, i) => (ws.getColumn(i + 1).width = w === 9 ? 9.01 : w));
    sheet.formats?.forEach((f, i) => {
      if (f !== undefined) ws.getColumn(i + 1).numFmt = f;
    });
    sheet.rows.forEach((row, r) => {
      const xrow = ws.getRow(r + 1);
      row.forEach((cell, c) => {
        if (cell === undefined || cell === null || cell === '') return;
        // A cell with neither value nor style is not made at all (exceljs keeps an object per cell it is asked for).
        if (typeof cell === 'object' && (cell.value === undefined || cell.value === null || cell.value === '') && cell.fill === undefined && !cell.bold && !cell.wrap && !cell.border && cell.note === undefined) return;
        const xcell = xrow.getCell(c + 1);
        if (typeof cell !== 'object') {
          xcell.value = cellValue(cell) as ExcelTypes.CellValue;
          return;
        }
        if (cell.date && typeof cell.value === 'string') {
          const [y, m, d] = cell.value.split('-').map(Number) as [number, number, number];
          xcell.value = new Date(Date.UTC(y, m - 1, d));
          xcell.numFmt = 'yyyy-mm-dd';
        } else if (cell.value !== undefined && cell.value !== null && cell.value !== '') xcell.value = cellValue(cell.value) as ExcelTypes.CellValue;
        if (cell.fill !== undefined) xcell.fill = solid(cell.fill);
        if (cell.bold) xcell.font = { bold: true };
        if (cell.wrap) xcell.alignment = { wrapText: true, vertical: 'top' };
        if (cell.border) xcell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
        if (cell.note !== undefined) xcell.note = cell.note;
      });
    });
    for (const m of sheet.merges ?? []) ws.mergeCells(m.top, m.left, m.bottom, m.right);
    if (sheet.autoFilter) {
      ws.autoFilter = areaRef(sheet.autoFilter);
      filters.push({ name: '_xlnm._FilterDatabase', ranges: [sheetRangeRef(ws.name, sheet.autoFilter)], localSheetId: index });
    }
    // exceljs writes conditional formats before validations, as the schema orders them (its #1118).
    let priority = 1;
    for (const cf of sheet.conditional ?? []) {
      ws.addConditionalFormatting({
        ref: areaRef(cf.area),
        rules: cf.rules.map((rule) => ({ type: 'expression', priority: priority++, formulae: [rule.formula], style: { fill: solid(rule.fill) } })),
      });
    }
    // `dataValidations.add` takes a whole range (one entry, not one per cell) but is not in the typings.
    const validations = (ws as unknown as { dataValidations: { add(ref: string, dv: ExcelTypes.DataValidation): void } }).dataValidations;
    for (const v of sheet.validations ?? []) {
      validations.add(areaRef(v.area), { type: 'list', allowBlank: true, showErrorMessage: true, errorStyle: 'stop', formulae: [sheetRangeRef(names.get(v.source.sheet) ?? excelSheetName(v.source.sheet), v.source.area)] });
    }
    if (sheet.print) {
      Object.assign(ws.pageSetup, {
        orientation: sheet.print.landscape ? 'landscape' : 'portrait',
        ...(sheet.print.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
        ...(sheet.print.titleRows ? { printTitlesRow: `1:${sheet.print.titleRows}` } : {}),
      });
    }
  }
  addSheetNames(wb, filters);
  return wb;
}

/**
 * Adds names local to a sheet. Excel writes an autofilter's range as the sheet's hidden
 * `_xlnm._FilterDatabase` name too, and LibreOffice keeps the filter only when the name is there;
 * exceljs writes no such name and its `definedNames` cannot hold one local to a sheet, so the names
 * join the model exceljs renders the workbook from.
 */
function addSheetNames(wb: ExcelTypes.Workbook, extra: readonly { name: string; ranges: string[]; localSheetId: number }[]): void {
  if (extra.length === 0) return;
  const model = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(wb), 'model')?.get;
  if (!model) throw new Error('exceljs: Workbook.model is no longer a getter');
  Object.defineProperty(wb, 'model', {
    configurable: true,
    get(): ExcelTypes.WorkbookModel {
      const m = model.call(wb) as ExcelTypes.WorkbookModel & { definedNames: unknown[] };
      m.definedNames = [...m.definedNames, ...extra];
      return m;
    },
  });
}
