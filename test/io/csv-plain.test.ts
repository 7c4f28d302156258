// CSV lines without a quote are split by kam (io/csv/plain.ts), the rest of the file from the first
// quote on by csv-parse: on random files — delimiters , ; tab, line ends LF, CRLF, CR and mixed,
// blank lines, a last line with or without its end, Chinese text, lines across the 64 KiB chunks,
// UTF-8 and GBK, a quote (with line breaks inside quotes) from some line on or none at all — the
// rows are those csv-parse gives for the whole text.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { Cell, RawRow } from '../../src/model/cell.js';
import { tempDir } from '../helpers/books.js';
import { pick, rng } from '../helpers/random.js';
import { readRows } from '../helpers/read.js';

const dir = tempDir('kam-csv-plain-');

/** The rows csv-parse gives for the whole text, as the reader makes them. */
function expected(text: string, delimiter: string): RawRow[] {
  const records = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, record_delimiter: ['\r\n', '\n', '\r'], skip_empty_lines: false }) as string[][];
  const rows: RawRow[] = [];
  records.forEach((record, i) => {
    const cells: (Cell | undefined)[] = [];
    record.forEach((v, c) => {
      if (v !== '') cells[c] = { t: 's', v };
    });
    if (cells.length > 0) rows.push({ row: i + 1, cells });
  });
  return rows;
}

const WORDS = ['华东精密制造有限公司', 'Apex Ltd', '张伟', '', '日常跟进', ' padded ', 'R', '2025-11-20', '4.5', 'x'.repeat(300)];
const ENDS = ['\n', '\r\n', '\r'];

describe('CSV: lines without quotes split by kam, the rest by csv-parse', () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`seed ${seed}`, async () => {
      const rand = rng(seed);
      const delimiter = pick(rand, [',', ';', '\t']);
      const mixedEnds = rand() < 0.3;
      const end = pick(rand, ENDS);
      // A header the delimiter sniffer reads, then ~3,000 lines (several chunks of 64 KiB).
      const lines: string[] = [['客户名称', '工作内容', '负责人', '角色'].join(delimiter)];
      const quoteAt = seed % 4 === 0 ? -1 : Math.floor(rand() * 3000);
      for (let i = 0; i < 3000; i++) {
        if (rand() < 0.03) {
          lines.push('');
          continue;
        }
        const fields = Array.from({ length: 1 + Math.floor(rand() * 6) }, () => pick(rand, WORDS));
        if (i === quoteAt || (quoteAt >= 0 && i > quoteAt && rand() < 0.05)) fields[0] = pick(rand, ['"引号, 逗号"', '"two\nlines"', 'a"b', '""']);
        lines.push(fields.join(delimiter));
      }
      let text = '';
      lines.forEach((l, i) => (text += l + (i === lines.length - 1 && rand() < 0.5 ? '' : mixedEnds ? pick(rand, ENDS) : end)));
      const gbk = seed % 3 === 0;
      const file = join(dir, `book-${seed}.csv`);
      writeFileSync(file, gbk ? iconv.encode(text, 'gbk') : Buffer.concat([seed % 2 === 0 ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]));
      const rows = await readRows(file, undefined, { delimiter, ...(gbk ? { encoding: 'gbk' } : {}) });
      const want = expected(text, delimiter);
      expect(want.length).toBeGreaterThan(2500);
      expect(rows).toEqual(want);
    });
  }

  // Chunks are 64 KiB of the file: a CRLF cut between two chunks, and a quote in a line begun in the chunk before.
  const CHUNK = 64 * 1024;
  it('a CRLF cut between two chunks is one line end', async () => {
    let text = 'a,b,c\r\n';
    while (text.length < CHUNK - 40) text += '华东,R,4\r\n'.replace('华东', 'east');
    text += 'x'.repeat(CHUNK - 1 - text.length) + '\r\nafter,R,1\r\nlast,A,2\r\n';
    expect(text.indexOf('\r\nafter')).toBe(CHUNK - 1);
    const file = join(dir, 'crlf-cut.csv');
    writeFileSync(file, text);
    expect(await readRows(file, undefined, { delimiter: ',' })).toEqual(expected(text, ','));
  });

  it('a quote in a line begun in the chunk before hands csv-parse the whole line', async () => {
    let text = 'a,b,c\n';
    while (text.length < CHUNK - 100) text += 'east,R,4\n';
    text += `long,${'y'.repeat(200)},"quoted, with a comma\nand a line break",end\nnext,A,1\n`;
    const file = join(dir, 'quote-carried.csv');
    writeFileSync(file, text);
    const rows = await readRows(file, undefined, { delimiter: ',' });
    expect(rows).toEqual(expected(text, ','));
    expect(rows.at(-2)!.cells.map((c) => c?.v)).toEqual(['long', 'y'.repeat(200), 'quoted, with a comma\nand a line break', 'end']);
  });
});
