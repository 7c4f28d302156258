// The cell scanner (io/xlsx/cells.ts, scanCell) is a shortcut for the plainest cells of an
// unprefixed sheet: it must read every cell exactly as the general path does, and refuse what it
// refuses with the same error. The general path is what a prefixed sheet (`<x:c>`) takes, so the
// same rows written both ways must give the same cells and the same errors.
import { describe, expect, it } from 'vitest';
import { parseCells, type SheetContext } from '../../src/io/xlsx/cells.js';

const STRINGS = ['R', '张伟', '', 'A/R'];
const context = (): SheetContext => ({
  file: 'f.xlsx',
  sheet: 'S',
  part: 'xl/worksheets/sheet1.xml',
  sharedStrings: { get: (i: number) => STRINGS[i] },
  dateStyles: [false, true, false, true],
});

/** A seeded generator, so that a failure can be replayed. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

const pick = <T,>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

/** One cell's XML in many of the forms writers use, and some they should not. */
function cellXml(rand: () => number, col: string, row: number, p: string): string {
  const ref = pick(rand, [`${col}${row}`, `${col}${row}`, `${col}${row}`, `${col}0${row}`, `${col}${row + 1}`, `${col.toLowerCase()}${row}`, `XFE${row}`, `${col}99999999`, `${col}1048577`]);
  const style = pick(rand, ['', '', ' s="0"', ' s="1"', ' s="3"', ' s="12"', ' s=""', ' s="x"']);
  const type = pick(rand, ['', '', ' t="s"', ' t="s"', ' t="n"', ' t="str"', ' t="b"', ' t="e"', ' t="inlineStr"', ' t="d"', ' t="x"']);
  const value = pick(rand, ['0', '1', '2', '3', '9', '12', '45678', '1.5', '-3', '1e3', ' 2', '', 'abc', '0x1A', 'Infinity', '2025-11-15', '99999999999', '&lt;']);
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
  return body === '' && rand() < 0.5 ? `<${p}c${attrs}/>` : `<${p}c${attrs}>${body}</${p}c>`;
}

function read(xml: string, p: string, row: number): unknown {
  try {
    return parseCells(xml, p, context(), row);
  } catch (error) {
    return { error: (error as { code?: string; params?: unknown }).code, params: (error as { params?: unknown }).params };
  }
}

describe('the cell scanner', () => {
  it('reads 20,000 random rows exactly as the general path does, errors included', () => {
    const rand = rng(20261124);
    const cols = ['A', 'B', 'C', 'D', 'Z', 'AA', 'AB', 'ZZ', 'XFD'];
    let scanned = 0;
    for (let n = 0; n < 20_000; n++) {
      const row = 1 + Math.floor(rand() * 50);
      const count = 1 + Math.floor(rand() * 4);
      const picked = Array.from({ length: count }, () => pick(rand, cols));
      // Mostly in order; now and then out of order or repeated.
      if (rand() < 0.9) picked.sort((a, b) => a.length - b.length || a.localeCompare(b));
      const seed = Math.floor(rand() * 2 ** 31);
      const plain = picked.map((c, i) => cellXml(rng(seed + i), c, row, '')).join('');
      const prefixed = picked.map((c, i) => cellXml(rng(seed + i), c, row, 'x:')).join('');
      expect(read(plain, '', row), plain).toEqual(read(prefixed, 'x:', row));
      scanned += plain.match(/<c r="[A-Z]{1,3}\d{1,7}"( s="\d+")?( t="[sn]")?>(<v>\d+<\/v>)?<\/c>/g)?.length ?? 0;
    }
    // The shortcut was taken often: the comparison is not only of the general path with itself.
    expect(scanned).toBeGreaterThan(2000);
  });

  it('reads the common forms', () => {
    const cells = parseCells('<c r="A3" s="1"><v>45976</v></c><c r="B3" t="s"><v>1</v></c><c r="C3" t="n"><v>2.5</v></c><c r="D3"/><c r="E3" t="s"><v>7</v></c>', '', context(), 3);
    expect(cells).toEqual([{ t: 'n', v: 45976, date: true }, { t: 's', v: '张伟' }, { t: 'n', v: 2.5 }, undefined, { t: 'e', v: '#STRING?' }]);
  });
});
