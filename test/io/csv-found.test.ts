// CSV cases a new user found: a delimiter sniffed from a sample cut inside a quoted line break or
// from a file of lone-CR line ends, Excel's sep= line ended by a lone CR, and a record's size
// counted in characters whether or not the file holds a quote.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sniffDelimiter } from '../../src/io/csv/read.js';
import { tempDir } from '../helpers/books.js';
import { readRows } from '../helpers/read.js';

const dir = tempDir('kam-csv-found-');

describe('CSV files a new user found', () => {
  it('sniffs ; from more than 64K characters of lone-CR lines', async () => {
    const text = ['Account Name;Annual Revenue', ...Array.from({ length: 5000 }, (_, i) => `Acme ${i};${i * 1000}`)].join('\r') + '\r';
    expect(text.length).toBeGreaterThan(65536);
    expect(sniffDelimiter(text, 'cr.csv')).toBe(';');
    const file = join(dir, 'cr.csv');
    writeFileSync(file, text);
    const rows = await readRows(file);
    expect(rows).toHaveLength(5001);
    expect(rows[4999]!.cells.map((c) => c?.v)).toEqual(['Acme 4998', '4998000']);
  });

  for (const pad of [0, 1, 2, 3, 4, 8]) {
    it(`sniffs ; when the 64K sample ends inside a quoted line break (pad ${pad})`, () => {
      const text = ['Account Name;Annual Revenue;Notes', ...Array.from({ length: 3000 }, (_, i) => `Acme ${i};${1000 + i};"called${'x'.repeat(pad)}\nwaiting for PO"`)].join('\r\n') + '\r\n';
      expect(sniffDelimiter(text, 'n.csv')).toBe(';');
    });
  }

  it('takes a sep= line ended by a lone CR as the delimiter, not as a row', async () => {
    const file = join(dir, 'sep-cr.csv');
    writeFileSync(file, ['sep=;', 'Account Name;Annual Revenue;Tier', 'Acme;5000000;Strategic', 'Beta;100;Strategic'].join('\r') + '\r');
    const rows = await readRows(file);
    expect(rows.map((r) => [r.row, r.cells[0]?.v])).toEqual([
      [1, 'Account Name'],
      [2, 'Acme'],
      [3, 'Beta'],
    ]);
  });

  it('counts a record in characters, quoted or not: 1.5M Chinese characters (4.5 MB) pass, 5M ASCII do not', async () => {
    const wide = Array.from({ length: 150 }, () => '客'.repeat(10_000)).join(',');
    for (const header of ['Account Name,Annual Revenue', '"Account Name",Annual Revenue']) {
      const file = join(dir, 'wide.csv');
      writeFileSync(file, [header, 'Acme,100', wide, 'Beta,200'].join('\n') + '\n');
      const rows = await readRows(file);
      expect(rows.map((r) => r.cells.length)).toEqual([2, 2, 150, 2]);
    }
    const file = join(dir, 'long.csv');
    writeFileSync(file, `Account Name,Annual Revenue\nAcme,100\n${'a'.repeat(5 * 1024 * 1024)},1\n`);
    await expect(readRows(file)).rejects.toMatchObject({ code: 'input.recordTooLong', params: expect.objectContaining({ row: 3 }) });
  });
});
