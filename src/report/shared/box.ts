/** A boxed table (cli-table3) for short summaries, its columns that give way cut to fit the width. */
import Table from 'cli-table3';
import { fitColumns, type Column } from './fit.js';

/** Renders a boxed table whose lines fit `width` (none: no limit) as far as the columns that give way allow. */
export function boxTable(head: string[], rows: string[][], columns: readonly Column[], width?: number): string {
  // Each column takes its text, a space either side and a border; one more border closes the line.
  const room = width === undefined ? undefined : width - 3 * head.length - 1;
  const fitted = fitColumns(head, rows, columns, room);
  const table = new Table({ head: fitted.head, style: { head: [], border: [], compact: true }, colAligns: columns.map((c) => c.align) });
  for (const r of fitted.rows) table.push(r);
  return table.toString();
}
