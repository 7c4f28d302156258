/**
 * The interface every workbook backend implements: named sheets that yield rows. Commands never
 * see XLSX or CSV details, so a backend can be replaced without touching them.
 */
import type { RawRow } from '../model/cell.js';

export interface RowOptions {
  /** Called now and then with the fraction of the sheet read so far (0–1). */
  onProgress?: (fraction: number) => void;
  /**
   * A range merged across one row only (a title over the table) keeps its value in its first cell,
   * as Excel's own CSV export does; ranges over several rows still fill every row (`kam convert`).
   */
  titlesOnce?: boolean;
  /**
   * Only the first rows are wanted, to tell what the sheet is (its header): merged ranges, which
   * take a pass over the whole part, are found only while the book's budget for it lasts (found by
   * a new user: a book of 3,000 large sheets was inflated whole to find which sheet was which).
   */
  sniff?: boolean;
}

export interface SheetSource {
  /** The sheet's name as written in the workbook (for a CSV: its file name). */
  readonly name: string;
  /**
   * Rows in order, in batches (one await per batch, not per row: it matters at 500,000 rows);
   * rows with no cells may be left out.
   */
  rows(options?: RowOptions): AsyncIterable<RawRow[]>;
  /**
   * Starts any preparation the rows need (XLSX: finding merged ranges) while other work runs; `sniff`: for a look at
   * the header only, within what the book may inflate for such looks.
   */
  prefetch?(sniff?: boolean): void;
  /** XLSX: the sheet's merged ranges (rows 1-based, columns 0-based). */
  mergedRanges?(): Promise<readonly { r1: number; c1: number; r2: number; c2: number }[]>;
  /** XLSX: the zip entry holding the sheet. */
  readonly part?: string;
  /** XLSX: the sheet is hidden in Excel. */
  readonly hidden?: boolean;
  /**
   * CSV: the file is separated by `;`, as Excel writes a CSV where the decimal mark is a comma:
   * its numbers are read as written there (`1.250` is 1250, `2,5` is 2.5).
   */
  readonly decimalComma?: (col: number) => boolean;
  /** CSV: the encoding and the delimiter the file was read with (said with --verbose, file by file). */
  readonly encoding?: string;
  readonly delimiter?: string;
  /** CSV: a value read so that only the `;` says how (`1.250` as 1250), for a note. */
  readonly decimalCommaGuessed?: string;
  /**
   * CSV: the line of the file on which row `row` starts (a quoted line break moves the rows after
   * it down; Excel's `sep=` line is above row 1). Known once the rows have been read.
   */
  lineOf?(row: number): number;
  /** CSV: how many fields one of the first rows has, empty ones at its end too (a header's blank last headers). */
  fieldsOf?(row: number): number | undefined;
}

/** Every row of a sheet, one at a time. */
export async function* eachRow(sheet: SheetSource, options?: RowOptions): AsyncGenerator<RawRow> {
  for await (const batch of sheet.rows(options)) yield* batch;
}

export interface WorkbookSource {
  readonly file: string;
  readonly kind: 'xlsx' | 'csv';
  readonly sheets: readonly SheetSource[];
  /** True when the workbook counts serial dates from 1904 (old Mac Excel). */
  readonly date1904: boolean;
  /** For CSV: the encoding and delimiter used, reported with --verbose. */
  readonly encoding?: string;
  readonly delimiter?: string;
  /**
   * The absolute real paths (links resolved) of every file the book was read from: the .xlsx,
   * the CSV, or each CSV of a folder. Writers refuse `-o` onto any of them.
   */
  readonly files?: readonly string[];
  /** XLSX: the file as it was read (a write into it, `--write`, checks that it still is). */
  readonly identity?: { readonly dev: number; readonly ino: number; readonly size: number; readonly mtimeMs: number };
}
