/** Markdown tables for pull-request comments and $GITHUB_STEP_SUMMARY. */
import type { SheetData, Value } from '../../model/sheet-data.js';

/** Escapes a value for a markdown table cell. */
export function mdCell(v: Value): string {
  if (v === null || v === undefined) return '';
  return String(v).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

/** A markdown table. */
export function mdTable(data: Pick<SheetData, 'header' | 'rows'>, align?: ('l' | 'r')[]): string {
  const line = (r: readonly Value[]): string => `| ${r.map(mdCell).join(' | ')} |`;
  const sep = `| ${data.header.map((_h, i) => (align?.[i] === 'r' ? '---:' : '---')).join(' | ')} |`;
  return [line(data.header), sep, ...data.rows.map(line)].join('\n');
}
