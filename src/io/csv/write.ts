/** CSV files kam writes from cell texts (`kam convert`): CRLF line ends, quoted where needed, in the encoding asked for. */
import iconv from 'iconv-lite';
import { InputError } from '../../model/errors.js';

/**
 * `utf8-bom` (what Excel in China opens correctly, the default), `utf8`, `gb18030`, and `big5` (what
 * Excel in Taiwan and Hong Kong opens; found by a new user) — which cannot hold every character.
 */
export const OUT_ENCODINGS = ['utf8-bom', 'utf8', 'gb18030', 'big5'] as const;
export type OutEncoding = (typeof OUT_ENCODINGS)[number];

/** The bytes of a CSV file of these rows; `file` names it in the refusal of a character Big5 cannot hold. */
export function csvFile(rows: readonly (readonly string[])[], encoding: OutEncoding, file = ''): Buffer {
  const text = rows.map((r) => r.map(field).join(',')).join('\r\n') + (rows.length > 0 ? '\r\n' : '');
  if (encoding === 'gb18030') return iconv.encode(text, 'gb18030');
  if (encoding === 'big5') {
    // Big5 as Excel in Taiwan and Hong Kong reads it (code page 950: iconv-lite's `big5` is Big5-HKSCS,
    // whose extra bytes cp950 cannot read; found by review). It has no byte for every character (most
    // Simplified ones, HKSCS's): refused, never written as `?`.
    const bytes = iconv.encode(text, 'cp950');
    const back = iconv.decode(bytes, 'cp950');
    if (back !== text) {
      const chars = [...text];
      const backChars = [...back];
      let i = 0;
      while (i < chars.length && chars[i] === backChars[i]) i++;
      const line = chars.slice(0, i).join('').split('\r\n').length;
      throw new InputError('output.big5', { char: chars[i] ?? '', line }, { file });
    }
    return bytes;
  }
  return Buffer.from(encoding === 'utf8-bom' ? `\ufeff${text}` : text, 'utf8');
}

function field(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
