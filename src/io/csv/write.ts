/** CSV files kam writes from cell texts (`kam convert`): CRLF line ends, quoted where needed, in the encoding asked for. */
import iconv from 'iconv-lite';

/** `utf8-bom` (what Excel in China opens correctly, the default), `utf8`, `gb18030`. */
export const OUT_ENCODINGS = ['utf8-bom', 'utf8', 'gb18030'] as const;
export type OutEncoding = (typeof OUT_ENCODINGS)[number];

/** The bytes of a CSV file of these rows. */
export function csvFile(rows: readonly (readonly string[])[], encoding: OutEncoding): Buffer {
  const text = rows.map((r) => r.map(field).join(',')).join('\r\n') + (rows.length > 0 ? '\r\n' : '');
  if (encoding === 'gb18030') return iconv.encode(text, 'gb18030');
  return Buffer.from(encoding === 'utf8-bom' ? `\ufeff${text}` : text, 'utf8');
}

function field(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
