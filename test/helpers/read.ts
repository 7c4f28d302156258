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
