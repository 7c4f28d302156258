// Reading every row of a sheet of a book, for reader tests.
import { openBook } from '../../src/io/open.js';
import type { RawRow } from '../../src/model/cell.js';

export async function readRows(path: string, sheet?: string, options: { encoding?: string; delimiter?: string } = {}): Promise<RawRow[]> {
  const book = await openBook(path, options);
  const s = sheet === undefined ? book.sheets[0]! : book.sheets.find((x) => x.name === sheet)!;
  const rows: RawRow[] = [];
  for await (const batch of s.rows()) rows.push(...batch);
  return rows;
}

/** Every sheet of a book with its rows, in book order. */
export async function readBook(path: string): Promise<{ name: string; rows: RawRow[] }[]> {
  const book = await openBook(path);
  const out: { name: string; rows: RawRow[] }[] = [];
  for (const s of book.sheets) {
    const rows: RawRow[] = [];
    for await (const batch of s.rows()) rows.push(...batch);
    out.push({ name: s.name, rows });
  }
  return out;
}
