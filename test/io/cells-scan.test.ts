// The row scanner (io/xlsx/cells.ts, scanRow) is a shortcut for rows of the plainest cells of an
// unprefixed sheet, read from bytes: it must read every row it takes exactly as the general path
// (parseCells) does, and leave to it every row it refuses, errors included. The general path is what
// a prefixed sheet (`<x:c>`) takes, so the same rows written both ways must give the same cells and
// the same errors.
import { describe, expect, it } from 'vitest';
import { parseCells, scanRow, type SheetContext } from '../../src/io/xlsx/cells.js';
import { pick, rng } from '../helpers/random.js';
import type { NumberStyle } from '../../src/io/xlsx/number-format.js';

const STRINGS = ['R', '张伟', '', 'A/R'];
const context = (): SheetContext => ({
  file: 'f.xlsx',
  sheet: 'S',
  part: 'xl/worksheets/sheet1.xml',
  sharedStrings: { get: (i: number) => STRINGS[i] },
  dateStyles: [false, true, false, true],
  // Style 0 shows a unit (`0"万"`), style 2 a percentage, style 12 a scale (`0!.0000"万"`).
  numberStyles: Array.from({ length: 13 }, (_, i): NumberStyle | undefined => (i === 0 ? { word: '万', shift: 0 } : i === 2 ? { percent: true } : i === 12 ? { word: '万', shift: 4 } : undefined)),
});

/** One cell's XML in many of the forms writers use, and some they should not. */
function cellXml(rand: () => number, col: string, row: number, p: string): string {
  // Half the rows are made of near-plain cells (the scanner's own ground), half of anything.
  if (rand() < 0.5) return plainCellXml(rand, col, row, p);
  const ref = pick(rand, [`${col}${row}`, `${col}${row}`, `${col}${row}`, `${col}0${row}`, `${col}${row + 1}`, `${col.toLowerCase()}${row}`, `XFE${row}`, `${col}99999999`, `${col}1048577`]);
  const style = pick(rand, ['', '', ' s="0"', ' s="1"', ' s="3"', ' s="12"', ' s=""', ' s="x"']);
  const type = pick(rand, ['', '', ' t="s"', ' t="s"', ' t="n"', ' t="str"', ' t="b"', ' t="e"', ' t="inlineStr"', ' t="d"', ' t="x"']);
  const value = pick(rand, ['0', '1', '2', '3', '9', '12', '45678', '1.5', '0.25', '7.', '.5', '1.2.3', '-3', '1e3', ' 2', '', 'abc', '0x1A', 'Infinity', '2025-11-15', '99999999999', '1234567890123456789', '&lt;', '٣']);
  const body = pick(rand, [
    `<${p}v>${value}</${p}v>`,
    `<${p}v>${value}</${p}v>`,
    `<${p}v>${value}</${p}v>`,
    '',
    `<${p}f>SUM(A1)</${p}f><${p}v>${value}</${p}v>`,
    `<${p}f t="shared" si="0"/><${p}v>${value}</${p}v>`,
    `<${p}is><${p}t>inline ${value}</${p}t></${p}is>`,
    `<${p}v>${value}</${p}v><${p}extLst/>`,
  ]);
  const attrs = rand() < 0.1 ? `${type} r="${ref}"${style}` : ` r="${ref}"${style}${type}`;
  // Now and then a line break or other text before the cell (pretty-printed XML, stray text).
  const before = pick(rand, ['', '', '', '', '', '', '\n  ', ' ', 'x']);
  return before + (body === '' && rand() < 0.5 ? `<${p}c${attrs}/>` : `<${p}c${attrs}>${body}</${p}c>`);
}

/** A row as parseSheet reads it: an unprefixed one scanned from bytes when it can be. */
/** The forms the scanner takes, and values at its edges. */
function plainCellXml(rand: () => number, col: string, row: number, p: string): string {
  const style = pick(rand, ['', ' s="0"', ' s="1"', ' s="2"', ' s="3"', ' s="12"']);
  const type = pick(rand, ['', ' t="s"', ' t="n"']);
  const value = pick(rand, ['0', '1', '2', '3', '12', '007', '45976', '1.5', '0.25', '7.', '.5', '', '99999999999', '123456789012345', '1234567890123456']);
  const body = pick(rand, [`<${p}v>${value}</${p}v>`, `<${p}v>${value}</${p}v>`, '']);
  return body === '' && rand() < 0.5 ? `<${p}c r="${col}${row}"${style}${type}/>` : `<${p}c r="${col}${row}"${style}${type}>${body}</${p}c>`;
}

function read(xml: string, p: string, row: number, taken?: { n: number }): unknown {
  try {
    const ctx = context();
    // As in a sheet: more rows after this one (the scanner reads no cell near the end of its bytes).
    const bytes = Buffer.from(`<row>${xml}</row>${'<row/>'.repeat(30)}`);
    const cells: unknown[] = [];
    const close = p === '' ? scanRow(bytes, 5, bytes.length, ctx, row, cells as never) : -1;
    if (close >= 0) {
      // The row's end is where it is.
      expect(close).toBe(Buffer.byteLength(`<row>${xml}`));
      if (taken) taken.n++;
      return cells;
    }
    return parseCells(xml, p, ctx, row);
  } catch (error) {
    return { error: (error as { code?: string; params?: unknown }).code, params: (error as { params?: unknown }).params };
  }
}

describe('the cell scanner', () => {
  it('reads 20,000 random rows exactly as the general path does, errors included', () => {
    const rand = rng(20261124);
    const cols = ['A', 'B', 'C', 'D', 'Z', 'AA', 'AB', 'ZZ', 'XFD'];
    const taken = { n: 0 };
    for (let n = 0; n < 20_000; n++) {
      const row = 1 + Math.floor(rand() * 50);
      const count = 1 + Math.floor(rand() * 4);
      const picked = Array.from({ length: count }, () => pick(rand, cols));
      // Mostly in order; now and then out of order or repeated.
      if (rand() < 0.9) picked.sort((a, b) => a.length - b.length || a.localeCompare(b));
      const seed = Math.floor(rand() * 2 ** 31);
      const plain = picked.map((c, i) => cellXml(rng(seed + i), c, row, '')).join('');
      const prefixed = picked.map((c, i) => cellXml(rng(seed + i), c, row, 'x:')).join('');
      expect(read(plain, '', row, taken), plain).toEqual(read(prefixed, 'x:', row));
    }
    // The shortcut was taken often: the comparison is not only of the general path with itself.
    expect(taken.n).toBeGreaterThan(3000);
  });

  it('reads the common forms', () => {
    const xml = '<row r="3"><c r="A3" s="1"><v>45976</v></c><c r="B3" t="s"><v>1</v></c>\n<c r="C3" t="n"><v>2.5</v></c><c r="D3"/><c r="F3"></c></row>';
    const cells: unknown[] = [];
    const bytes = Buffer.from(xml + '<row r="4"></row>'.repeat(10));
    expect(scanRow(bytes, xml.indexOf('>') + 1, bytes.length, context(), 3, cells as never)).toBe(xml.length - 6);
    expect(cells).toEqual([{ t: 'n', v: 45976, date: true }, { t: 's', v: '张伟' }, { t: 'n', v: 2.5 }]);
  });

  it('refuses a shared string the table does not have, and a number in any notation but decimal (found by a new user)', () => {
    const row = (cells: string) => `<row r="3">${cells}</row>`;
    const scan = (xml: string) => {
      const bytes = Buffer.from(xml + '<row r="4"></row>'.repeat(10));
      return scanRow(bytes, xml.indexOf('>') + 1, bytes.length, context(), 3, [] as never);
    };
    // Said at the cell that names it, with the index as a number (`007` is 7 whichever path reads it).
    expect(() => scan(row('<c r="A3" t="s"><v>7</v></c>'))).toThrow(expect.objectContaining({ code: 'input.noSharedString', params: { ref: 'A3', index: '7', count: 0 }, where: expect.objectContaining({ cell: 'S!A3' }) }));
    // (A sign is no plain cell: the general path reads it.)
    expect(scan(row('<c r="A3" t="s"><v>-1</v></c>'))).toBe(-1);
    for (const v of ['7', '-1', '1.5']) {
      expect(() => parseCells(`<c r="A3" t="s"><v>${v}</v></c>`, '', context(), 3)).toThrow(expect.objectContaining({ code: 'input.noSharedString', params: { ref: 'A3', index: v, count: 0 } }));
    }
    // 0x10, 0b11, 0o7 and Infinity are texts, not 16, 3, 7 and ∞; 1.2E+7 and -0.5 are numbers.
    expect(parseCells('<c r="A3"><v>0x10</v></c><c r="B3"><v>0b11</v></c><c r="C3"><v>0o7</v></c><c r="D3"><v>Infinity</v></c><c r="E3"><v>1.2E+7</v></c><c r="F3"><v>-0.5</v></c>', '', context(), 3)).toEqual([
      { t: 's', v: '0x10' },
      { t: 's', v: '0b11' },
      { t: 's', v: '0o7' },
      { t: 's', v: 'Infinity' },
      { t: 'n', v: 12000000 },
      { t: 'n', v: -0.5 },
    ]);
  });
});

describe('inline strings on the fast way (found by a new user: openpyxl and pandas write every text so)', () => {
  it('read as the general way reads them, whatever their body, entities, prefix or staleness', () => {
    const rand = rng(20261125);
    const bodies = (p: string) => [
      '',
      `<${p}is><${p}t>Apex</${p}t></${p}is>`,
      `<${p}is><${p}t>&#19996;&#21271;&#21307;&#33647;</${p}t></${p}is>`,
      `<${p}is><${p}t xml:space="preserve"> a &amp; b </${p}t></${p}is>`,
      `<${p}is><${p}t></${p}t></${p}is>`,
      `<${p}is><${p}t>_x000D_x</${p}t></${p}is>`,
      `<${p}is><${p}r><${p}t>Ap</${p}t></${p}r><${p}r><${p}t>ex</${p}t></${p}r></${p}is>`,
      `<${p}v>12</${p}v>`,
      `<${p}f>A1</${p}f>`,
      `<${p}f>A1</${p}f><${p}is><${p}t>x</${p}t></${p}is>`,
      `<${p}is><${p}t/></${p}is>`,
    ];
    for (let n = 0; n < 2000; n++) {
      const p = pick(rand, ['', '', 'x:']);
      const stale = rand() < 0.2;
      const body = pick(rand, bodies(p));
      const style = pick(rand, ['', ' s="1"']);
      const selfClosing = body === '' && rand() < 0.5;
      const cell = (attrs: string) => (selfClosing ? `<${p}c${attrs}/>` : `<${p}c${attrs}>${body}</${p}c>`);
      // `r` first: the fast way; `t` first: the general way (the fast pattern wants `r` first).
      const fast = cell(` r="B7"${style} t="inlineStr"`);
      const general = cell(` t="inlineStr"${style} r="B7"`);
      const ctx = { ...context(), ...(stale ? { staleFormulas: true } : {}) };
      expect(parseCells(fast, p, ctx, 7), fast).toEqual(parseCells(general, p, ctx, 7));
    }
  });
});
