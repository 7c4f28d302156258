/** A column's cells read once per text: a column repeats its words (codes, names, dates as text). */
import type { Cell } from '../../model/cell.js';

/**
 * `read` for a column's cells, remembering what each text cell gave (cells are never changed, and
 * `read` of a text cell must depend on its text alone). A shared-string cell is one object for one
 * text, so a cell like the row above's is known at once (an account's rows follow each other); a
 * CSV field is a new string each time, compared as text; any other text is looked up. Cells that
 * are not text are read each time. At most `cap` texts are remembered.
 */
export function textMemo<R>(read: (cell: Cell | undefined) => R, cap = Infinity): (cell: Cell | undefined) => R {
  const seen = new Map<string, R>();
  let last: Extract<Cell, { t: 's' }> | undefined;
  let lastRead: R;
  return (cell) => {
    if (cell?.t !== 's') return read(cell);
    if (cell === last || cell.v === last?.v) return lastRead;
    let r = seen.get(cell.v);
    if (r === undefined && !seen.has(cell.v)) {
      r = read(cell);
      if (seen.size < cap) seen.set(cell.v, r);
    }
    last = cell;
    lastRead = r as R;
    return r as R;
  };
}
