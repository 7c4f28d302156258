import { describe, expect, it } from 'vitest';
import { columnIndex, columnLetter, parseCellRef } from '../../src/util/cellref.js';
import { daysBetween, fromExcelSerial, makeDate, toExcelSerial } from '../../src/util/date.js';
import { fold, foldKey } from '../../src/util/text.js';

describe('fold', () => {
  it('folds width, case and spaces', () => {
    expect(fold('  Ｈｕａ　Wei  ')).toBe('hua wei');
    expect(fold('ＫＡ００１')).toBe('ka001');
    // Padding between CJK characters folds away (issue 9); a space between Latin words stays.
    expect(fold('王　芳')).toBe('王芳');
    expect(fold('张 伟')).toBe('张伟');
    expect(fold('欧阳  娜娜')).toBe('欧阳娜娜');
    expect(fold('Anna Smith')).not.toBe(fold('AnnaSmith'));
    expect(fold('华东 Pacific 公司')).toBe('华东 pacific 公司');
    expect(foldKey('年采购额 (万元)')).toBe('年采购额万元');
    expect(foldKey('Account_Name')).toBe('accountname');
  });
});

describe('cell references', () => {
  it('converts between letters and indexes up to XFD', () => {
    expect(columnLetter(0)).toBe('A');
    expect(columnLetter(25)).toBe('Z');
    expect(columnLetter(26)).toBe('AA');
    expect(columnLetter(16383)).toBe('XFD');
    expect(columnIndex('XFD')).toBe(16383);
    expect(parseCellRef('$D$14')).toEqual({ col: 3, row: 14 });
    expect(parseCellRef('14D')).toBeUndefined();
  });
});

describe('dates', () => {
  it('validates calendar dates', () => {
    expect(makeDate(2024, 2, 29)).toBe('2024-02-29');
    expect(makeDate(2025, 2, 29)).toBeUndefined();
  });
  it('round-trips Excel serials', () => {
    for (const d of ['1900-01-01', '1900-02-28', '1900-03-01', '2025-11-15', '1999-12-31']) {
      expect(fromExcelSerial(toExcelSerial(d), false)).toBe(d);
    }
    expect(fromExcelSerial(60, false)).toBeUndefined();
  });
  it('counts days without time zones', () => {
    expect(daysBetween('2025-03-01', '2025-03-31')).toBe(30);
    expect(daysBetween('2025-11-15', '2025-11-01')).toBe(-14);
  });
});

describe('day numbers', () => {
  it('agree with Date for every day from 1899 to 2100', async () => {
    const { fromDayNumber } = await import('../../src/util/date.js');
    for (let d = -25569; d <= 47482; d++) expect(fromDayNumber(d)).toBe(new Date(d * 86400000).toISOString().slice(0, 10));
  });
});

describe('fold fast path', () => {
  it('gives the same result as the full fold', async () => {
    const { fold } = await import('../../src/util/text.js');
    const cjk = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
    const full = (v: string) =>
      v
        .normalize('NFKC')
        .replace(/[\s\u00a0\u3000\u2000-\u200b\u202f\u205f\ufeff]+/g, ' ')
        .trim()
        .toLowerCase()
        .replace(new RegExp(`(?<=[${cjk}]) (?=[${cjk}])`, 'g'), '');
    for (const v of ['Apex  Ltd ', '华东精密制造有限公司', '华东  精密', 'KA001', ' a\tb ', 'ＫＡ００１', '东方（集团）', 'Ⅻ①', 'e\u0301', '客户 经理']) expect(fold(v)).toBe(full(v));
  });
});
