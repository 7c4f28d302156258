/** Markdown tables for pull-request comments and $GITHUB_STEP_SUMMARY. */
import type { SheetData, Value } from '../../model/sheet-data.js';
import { safeLines } from '../../util/safe-text.js';

const MARKDOWN_SPECIAL = /[\\|&<[\]@\n`]/g;
const ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '|': '\\|',
  '&': '&amp;',
  '<': '&lt;',
  '[': '\\[',
  ']': '\\]',
  // A word joiner after `@`: shown the same, but GitHub sees no @mention (and no e-mail autolink).
  '@': '@\u2060',
  '\n': '<br>',
  // A backtick would open a code span, inside which the other escapes show as typed.
  '`': '\\`',
};

/**
 * Escapes a value for a markdown table cell or heading: user text can neither break the table
 * (`|`, line breaks as `<br>`), inject HTML (`<`, `&`), a link or image (`[…](…)`, `![…]`, a bare URL), nor
 * ping anyone (`@name`); control characters and escape sequences are shown as escapes.
 */
export function mdCell(v: Value): string {
  if (v === null || v === undefined) return '';
  // kam's own code spans (a rule id such as `raci/no-accountable`) stay code; any other backtick is escaped.
  if (typeof v === 'string' && /^`[\w./:-]+`$/.test(v)) return v;
  const s = safeLines(String(v)).replace(MARKDOWN_SPECIAL, (ch) => ESCAPES[ch] ?? ch);
  // Bare URLs: `http\://` and `www\.` show the same but are not autolinked.
  return s.includes('://') || /www\./i.test(s) ? s.replace(/(\w):\/\//g, '$1\\://').replace(/\b(www)\./gi, '$1\\.') : s;
}

/** A markdown table. */
export function mdTable(data: Pick<SheetData, 'header' | 'rows'>, align?: ('l' | 'r')[]): string {
  const line = (r: readonly Value[]): string => `| ${r.map(mdCell).join(' | ')} |`;
  const sep = `| ${data.header.map((_h, i) => (align?.[i] === 'r' ? '---:' : '---')).join(' | ')} |`;
  return [line(data.header), sep, ...data.rows.map(line)].join('\n');
}
