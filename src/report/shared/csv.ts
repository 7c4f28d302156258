/** Tables as CSV text: safe to open in Excel (formula injection neutralised, BOM, CRLF). */
import type { SheetData, Value } from '../../model/sheet-data.js';
import { neutralize, safeLines } from '../../util/safe-text.js';

export { neutralize };

/**
 * CSV with a UTF-8 BOM (so that Excel reads Chinese correctly) and CRLF line ends. Text keeps its
 * line breaks and tabs, but other control characters and bidi overrides are shown as escapes
 * (`\x1b`, `\u202e`) and formulas neutralised; `raw` keeps every value exactly.
 */
export function toCsv(sheet: SheetData, raw = false): string {
  const lines = [sheet.header, ...sheet.rows].map((row) => row.map((v) => csvField(v, raw)).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

function csvField(value: Value, raw: boolean): string {
  if (value === null || value === undefined) return '';
  let s: string;
  if (typeof value === 'number') s = Number.isFinite(value) ? String(value) : '';
  else if (typeof value === 'boolean') s = value ? 'TRUE' : 'FALSE';
  else s = raw ? value : neutralize(safeLines(value));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
