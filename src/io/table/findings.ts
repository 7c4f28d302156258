/** The finding for a cell a normaliser could not read, and how that cell looked. */
import { cellFinding, type Finding } from '../../model/finding.js';
import type { Column, Layout } from '../../model/table.js';
import type { Parsed } from '../../parse/values.js';
import type { Cell } from '../../model/cell.js';
import { formatNumber } from '../../parse/values.js';
import { excelTimeOfDay, fromExcelSerial } from '../../util/date.js';

/** The finding for a value a normaliser could not read. */
export function invalidValue<T>(parsed: Extract<Parsed<T>, { ok: false }>, cell: Cell | undefined, layout: Layout, row: number, column: Column, about: Pick<Finding, 'account' | 'person' | 'task'> = {}): Finding {
  return cellFinding('schema/invalid-value', layout, row, column, { header: column.header, value: cellText(cell, layout.date1904), expected: parsed.reason }, about);
}

/**
 * How a cell looked, for messages: a number shown as a date or a time as Excel shows it (found by a new
 * user: a time of day in a date column was quoted as 0.395833333333333).
 */
export function cellText(cell: Cell | undefined, date1904 = false): string {
  if (cell === undefined) return '';
  switch (cell.t) {
    case 'n':
      // (Day 0 is the date Excel shows as 1900-01-00, the empty date; a fraction of a day is a time of day.)
      if (cell.date && cell.v === 0 && !date1904) return '1900-01-00';
      if (cell.date && cell.v > 0 && cell.v < 1) return (excelTimeOfDay(cell.v) ?? '00:00:00').replace(/:00$/, '');
      if (cell.date) return fromExcelSerial(cell.v, date1904) ?? formatNumber(cell.v);
      return formatNumber(cell.v);
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE';
    case 'f':
      return `=${cell.v}`;
    default:
      return cell.v;
  }
}
