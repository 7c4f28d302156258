/** A plain aligned table for long lists (one line per row, columns padded by display width). cli-table3 takes quadratic time on thousands of rows; this is linear. */
import { displayWidth, pad } from '../../util/width.js';

export type Align = 'left' | 'right';

/** Renders a header, a rule and the rows, columns separated by two spaces. */
export function alignedTable(head: string[], rows: string[][], aligns: Align[], style: (s: string) => string = (s) => s): string {
  const widths = head.map((h) => displayWidth(h));
  for (const r of rows) {
    for (let i = 0; i < r.length; i++) {
      const w = displayWidth(r[i]!);
      if (w > widths[i]!) widths[i] = w;
    }
  }
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => pad(c, widths[i]!, aligns[i]))
      .join('  ')
      .trimEnd();
  const out = [style(line(head)), style(widths.map((w) => '─'.repeat(w)).join('  '))];
  for (const r of rows) out.push(line(r));
  return out.join('\n');
}
