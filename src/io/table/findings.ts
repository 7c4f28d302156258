/** The finding for a cell a normaliser could not read, and how that cell looked. */
import { cellFinding, type Finding } from '../../model/finding.js';
import type { Column, Layout } from '../../model/table.js';
import type { Parsed } from '../../parse/values.js';
import type { Cell } from '../../model/cell.js';
import { formatNumber } from '../../parse/values.js';

/** The finding for a value a normaliser could not read. */
export function invalidValue<T>(parsed: Extract<Parsed<T>, { ok: false }>, cell: Cell | undefined, layout: Layout, row: number, column: Column, about: Pick<Finding, 'account' | 'person' | 'task'> = {}): Finding {
  return cellFinding('schema/invalid-value', layout, row, column, { header: column.header, value: cellText(cell), expected: parsed.reason }, about);
}

/** How a cell looked, for messages. */
export function cellText(cell: Cell | undefined): string {
  if (cell === undefined) return '';
  switch (cell.t) {
    case 'n':
      return formatNumber(cell.v);
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE';
    case 'f':
      return `=${cell.v}`;
    default:
      return cell.v;
  }
}
