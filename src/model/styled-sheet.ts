/**
 * A sheet with its presentation — fills, notes, conditional formatting, drop-downs, frozen panes,
 * a filter, widths, print setup — for workbooks meant to be worked in (`kam matrix -o raci.xlsx`).
 * Reports build it; the writer in io/write renders it. Rows and columns count from 1; colours are
 * ARGB hex (`FFF4CCCC`).
 */
import type { SheetData, Value } from './sheet-data.js';

export interface StyledCell {
  value: Value;
  /** A solid background. */
  fill?: string;
  bold?: boolean;
  wrap?: boolean;
  /** A thin grid line around the cell (it stays visible under fills). */
  border?: boolean;
  /** A cell note (a comment in Excel). */
  note?: string;
  /** The value is an ISO date (`2025-11-15`) to write as a date cell. */
  date?: boolean;
}

/** A cell given by its value alone, or with a style. */
export type Cell = Value | StyledCell;

/** A rectangle of cells, inclusive. */
export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A conditional-formatting rule: a formula relative to the area's top-left cell, without a leading `=`. */
export interface ConditionalRule {
  formula: string;
  fill: string;
}

/**
 * A row given by its non-empty cells alone, for a wide sheet that is mostly empty (a matrix of
 * thousands of people): 0-based columns in increasing order, and the cell of each.
 */
export interface SparseRow {
  columns: readonly number[];
  cells: readonly Cell[];
}

/** A row: every cell from column A (undefined for an empty one), or its non-empty cells alone. */
export type Row = readonly Cell[] | SparseRow;

export interface StyledSheet {
  kind: 'styled';
  name: string;
  /** Rows from row 1, in order; possibly produced as they are written (a generator), read once. */
  rows: Iterable<Row>;
  /** Column widths in characters, from column A. */
  widths?: number[];
  /** Number formats per column, from column A. */
  formats?: (string | undefined)[];
  merges?: Area[];
  /** Rows above and columns left of the panes that stay in view. */
  freeze?: { rows: number; columns: number };
  autoFilter?: Area;
  /** Rules in priority order (the first wins where two set a fill). */
  conditional?: { area: Area; rules: ConditionalRule[] }[];
  /** Drop-downs whose choices are the cells of a range on a sheet of the same workbook. */
  validations?: { area: Area; source: { sheet: string; area: Area } }[];
  print?: { landscape: boolean; fitToWidth: boolean; titleRows?: number };
  /** Hidden in Excel (a lists sheet that drop-downs read from). */
  hidden?: boolean;
}

/** A sheet of an XLSX workbook: a plain table (streamed) or a styled sheet. */
export type WorkbookSheet = SheetData | StyledSheet;

/** True for a styled sheet. */
export function isStyled(sheet: WorkbookSheet): sheet is StyledSheet {
  return 'kind' in sheet && sheet.kind === 'styled';
}

/** A cell's value, whether styled or not. */
export function cellValue(cell: Cell): Value {
  return cell !== null && typeof cell === 'object' ? cell.value : cell;
}

/** A row's cells from column A (holes for empty cells of a sparse row). */
export function rowCells(row: Row): Cell[] {
  if (isSparse(row)) {
    const cells: Cell[] = [];
    row.columns.forEach((c, i) => (cells[c] = row.cells[i]!));
    return cells;
  }
  return [...row];
}

/** Every row of a sheet, each from column A (it reads a generated sheet's rows, once). */
export function sheetRows(sheet: StyledSheet): Cell[][] {
  return [...sheet.rows].map(rowCells);
}

/** True for a row given by its non-empty cells. */
export function isSparse(row: Row): row is SparseRow {
  return !Array.isArray(row);
}
