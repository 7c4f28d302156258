/** Tables as read from a sheet: columns with their letters, so that every finding can name a cell. */
import type { SheetRole } from './columns.js';

/** A column of a sheet as kam found it: where it is, its header, and the canonical column it is. */
export interface Column {
  index: number;
  letter: string;
  /** The header as written. */
  header: string;
  key?: string;
  scale: number;
  period?: number;
  /** The row its header text is in, when the header spans two rows and it is not `headerRow`. */
  headerRow?: number;
  /**
   * A column of a RACI matrix (issue 10): it holds the letters of the person or department its
   * header names (`holder`, the header's last label when a department is grouped over it).
   */
  holder?: string;
  /** The holder is a department (`市场部（部门）`, as kam's matrix heads a department's own column). */
  holderIsDepartment?: true;
  /**
   * A person's column under a group header (`销售部` merged over `张伟 | 王芳`, as kam's matrix writes
   * its department row): the group, taken as the person's department where the Staff sheet gives none.
   */
  holderGroup?: string;
  /** A column of a RACI chart headed by its letter (`Responsible`, `Accountable (A)`): the RACI bit its names hold. */
  raciBit?: number;
}

/** A table's shape: the header row and its columns, by position and by canonical name. */
export interface Layout {
  role: SheetRole;
  file: string;
  sheet: string;
  /** 1-based row of the header (the top one of two header rows); 0 when the sheet is empty. */
  headerRow: number;
  date1904: boolean;
  /** Per column (0-based; -1: the file's default): numbers written with a decimal comma, `1.250` is 1250, `2,5` is 2.5. */
  decimalComma?: (col: number) => boolean;
  columns: Column[];
  byKey: Map<string, Column>;
  /** Assignments written as a matrix: the columns of letters, one per person or department. */
  holders?: Column[];
  /**
   * Assignments written as a RACI chart: a column per letter (`Responsible | Accountable |
   * Consulted | Informed`), each holding the names of those who hold it on the row's task.
   */
  letterColumns?: Column[];
  /**
   * The columns the table has, when another table stands beside it past a blank column (a legend of
   * tiers, `等级 | 说明`): the cells from there on are not the table's.
   */
  width?: number;
}

/** The line of its CSV file on which a sheet's row starts; undefined for a sheet of a workbook. */
export type LineOf = (sheet: string, row: number) => number | undefined;
