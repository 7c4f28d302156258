/**
 * Bounds on what one worksheet part may hold, so that a hostile file fails with a message instead
 * of exhausting memory or time. Sheets themselves are bounded by Excel's grid (util/cellref).
 */

/**
 * One cell's XML, or one shared-string item's. Excel holds at most 32,767 characters in a cell;
 * other writers (LibreOffice, openpyxl) may write more, so kam reads up to 32 times that (room for
 * rich-text markup and escapes) and refuses beyond.
 */
export const MAX_CELL_CHARS = 32 * 32_768;

/** One `<row>` element's XML, in bytes. */
export const MAX_ROW_BYTES = 64 * 1024 * 1024;
