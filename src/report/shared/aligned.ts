/** A plain aligned table for long lists (one line per row, columns padded by display width). cli-table3 takes quadratic time on thousands of rows; this is linear. */
import { pad } from '../../util/width.js';
import { columnWidths, fitColumns, type Column } from './fit.js';

const GAP = '  ';

/** The width of a table's lines before fitting. */
export function tableWidth(head: readonly string[], rows: readonly (readonly string[])[]): number {
  const widths = columnWidths(head, rows);
  return widths.reduce((s, w) => s + w, 0) + GAP.length * (widths.length - 1);
}

/**
 * Renders a header, a rule and the rows, columns separated by two spaces; the columns that give
 * way are cut so that the lines fit `width` (none: no limit). `style` styles the header and its rule.
 */
export function alignedTable(head: string[], rows: string[][], columns: readonly Column[], width?: number, style: (s: string) => string = (s) => s): string {
  const room = width === undefined ? undefined : width - GAP.length * (head.length - 1);
  const fitted = fitColumns(head, rows, columns, room);
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => pad(c, fitted.widths[i]!, columns[i]!.align))
      .join(GAP)
      .trimEnd();
  const out = [style(line(fitted.head)), style(fitted.widths.map((w) => '─'.repeat(w)).join(GAP))];
  for (const r of fitted.rows) out.push(line(r));
  return out.join('\n');
}
