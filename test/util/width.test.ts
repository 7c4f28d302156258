// Display width, and text cut or wrapped by it: CJK takes two columns, combining marks none, and a
// cut never falls inside a character as shown.
import { describe, expect, it } from 'vitest';
import { breakUnits, displayWidth, pad, truncate, wrap, wrapLines } from '../../src/util/width.js';

const FAMILY = '👨\u200d👩\u200d👧';

describe('displayWidth', () => {
  it('counts CJK, full-width forms and emoji as two columns; combining marks, zero-width characters and colours as none', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('华东精密')).toBe(8);
    expect(displayWidth('ＫＡ００１')).toBe(10);
    expect(displayWidth('𠀀')).toBe(2); // CJK Extension B, a surrogate pair
    expect(displayWidth('😀')).toBe(2);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('a\u200bb')).toBe(2);
    expect(displayWidth('\x1b[31mred\x1b[39m')).toBe(3);
    expect(pad('华东', 6)).toBe('华东  ');
    expect(pad('华东', 6, 'right')).toBe('  华东');
  });
});

describe('truncate', () => {
  it('returns text that fits as it is', () => {
    expect(truncate('Apex', 4)).toBe('Apex');
    expect(truncate('华东', 4)).toBe('华东');
    expect(truncate('', 0)).toBe('');
  });

  it('cuts by display width and ends in …', () => {
    expect(truncate('Apex Manufacturing', 8)).toBe('Apex Ma…');
    expect(truncate('Apex Manufacturing', 6)).toBe('Apex…');
    expect(truncate('华东精密制造有限公司', 9)).toBe('华东精密…');
    for (let w = 0; w <= 20; w++) expect(displayWidth(truncate('华东精密制造有限公司', w))).toBeLessThanOrEqual(w);
  });

  it('leaves out a wide character that would straddle the edge: the result is a column short, never over', () => {
    expect(truncate('华东精密制造有限公司', 8)).toBe('华东精…');
    expect(displayWidth(truncate('华东精密制造有限公司', 8))).toBe(7);
    expect(pad(truncate('华东精密制造有限公司', 8), 8)).toBe('华东精… ');
  });

  it('never cuts a surrogate pair, a letter from its combining mark, or an emoji sequence', () => {
    expect(truncate('ab😀cd', 4)).toBe('ab…');
    expect(truncate('ab😀cd', 5)).toBe('ab😀…');
    expect(truncate('𠀀𠀁𠀂', 5)).toBe('𠀀𠀁…');
    expect(truncate('cafe\u0301 noir', 5)).toBe('cafe\u0301…');
    expect(truncate('cafe\u0301 noir', 4)).toBe('caf…');
    // A ZWJ sequence counts the columns of its emoji (6), as displayWidth does; it is cut whole.
    expect(truncate(`${FAMILY} family`, 7)).toBe(`${FAMILY}…`);
    expect(truncate(`${FAMILY} family`, 6)).toBe('…');
    for (const s of [truncate('ab😀cd', 3), truncate('𠀀𠀁𠀂', 4)]) expect(s).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it('gives … at width 1 and nothing at width 0', () => {
    expect(truncate('Apex', 1)).toBe('…');
    expect(truncate('华东', 1)).toBe('…');
    expect(truncate('A', 1)).toBe('A');
    expect(truncate('Apex', 0)).toBe('');
  });

  it('keeps every colour code, so that a cut cell closes its colours', () => {
    expect(truncate('\x1b[31mhello world\x1b[39m!', 6)).toBe('\x1b[31mhello…\x1b[39m');
    expect(truncate('\x1b[1m华东精密\x1b[22m', 5)).toBe('\x1b[1m华东…\x1b[22m');
  });
});

describe('wrap', () => {
  it('breaks at spaces, which go at the break', () => {
    expect(wrap('nobody is responsible (R) for it', 12)).toEqual(['nobody is', 'responsible', '(R) for it']);
    expect(wrap('fits', 10)).toEqual(['fits']);
  });

  it('breaks between CJK characters, never before closing or after opening punctuation', () => {
    const lines = wrap('张伟：每周 42.82 小时，可用工时 40 小时（负荷 107%），超出上限', 20);
    expect(lines).toEqual(['张伟：每周 42.82 小', '时，可用工时 40 小时', '（负荷 107%），超出', '上限']);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(20);
    expect(wrap('华东精密制造，有限公司', 12)).toEqual(['华东精密制', '造，有限公司']);
  });

  it('breaks a word longer than a line between its characters, and takes a narrower first line', () => {
    expect(wrap('supercalifragilistic word', 8)).toEqual(['supercal', 'ifragili', 'stic', 'word']);
    expect(wrap('one two three four', 10, 4)).toEqual(['one', 'two three', 'four']);
  });
});

describe('wrap with the widths measured as the text is split', () => {
  // The same lines as measuring every piece anew (how wrap measured before it kept the widths).
  it('gives the lines measuring each piece gives, on random text of every kind of character', () => {
    const pieces = ['a', 'Zh', ' ', '  ', '华', '东', '，', '（', '）', '。', 'ＫＡ', '\u00a0', '\u3000', '\t', '😀', '\ud800', '\udc00', '-', 'responsible', '(R)', '42.82', '、'];
    let seed = 11;
    const next = (): number => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed / 2 ** 32;
    };
    for (let round = 0; round < 2000; round++) {
      let text = '';
      const n = Math.floor(next() * 30);
      for (let i = 0; i < n; i++) text += pieces[Math.floor(next() * pieces.length)];
      const width = 1 + Math.floor(next() * 24);
      const first = 1 + Math.floor(next() * 24);
      expect(wrapLines(text, width, first, true), JSON.stringify([text, width, first])).toEqual(wrapLines(text, width, first, false));
    }
  });

  it('measures each piece as displayWidth does', () => {
    const text = 'AtlanticEnergy10606号公司 (Ordinary) needs follow-up,\u00a0but 张 伟\u3000😀 x';
    const widths: number[] = [];
    const units = breakUnits(text, widths);
    expect(widths).toEqual(units.map((u) => displayWidth(u)));
  });
});
