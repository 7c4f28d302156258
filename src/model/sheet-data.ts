/** A plain table of values: what reports hand to the CSV, markdown and XLSX writers. */

export type Value = string | number | boolean | null | undefined;

/** One sheet: a name, a header row, rows of values, and optional number formats per column. */
export interface SheetData {
  name: string;
  header: string[];
  rows: Value[][];
  /** Column number formats, e.g. '0.00' or '0.0%'. */
  formats?: (string | undefined)[];
}
