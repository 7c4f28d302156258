/** A cell as a reader found it, before any normalisation. Empty cells are `undefined`. */
export type Cell =
  /**
   * A number; `date` when the cell's number format shows it as a date (an Excel serial); `elapsed`
   * too when the format shows elapsed time (`[h]:mm`, `[mm]:ss`): a duration in days, however many;
   * `percent` when it shows a percentage (`0%`: 0.92 shown as 92%).
   */
  | { t: 'n'; v: number; date?: true; elapsed?: true; percent?: true; formula?: true; subtotal?: true }
  /**
   * Text; `formula` (as for a number) when it is a formula's stored result (`=人员!A2` showing 张伟): `--apply` cannot
   * write there; `subtotal` (as for a number) when the formula is SUBTOTAL or AGGREGATE: its row is a totals row.
   */
  | { t: 's'; v: string; formula?: true; subtotal?: true }
  | { t: 'b'; v: boolean }
  /** A date written as ISO text (`t="d"` cells). */
  | { t: 'd'; v: string }
  /** An error value such as `#N/A` or `#REF!`. */
  | { t: 'e'; v: string }
  /** A formula that has no cached result (never calculated); `v` is the formula. */
  | { t: 'f'; v: string };

/** One row of a sheet: its 1-based number and its cells by 0-based column. */
export interface RawRow {
  row: number;
  cells: (Cell | undefined)[];
}

/** True when a cell holds nothing a user could see. */
export function isBlank(cell: Cell | undefined): boolean {
  return cell === undefined || (cell.t === 's' && cell.v.trim() === '');
}
