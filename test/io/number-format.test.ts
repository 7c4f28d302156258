// What a number format shows beyond its digits (io/xlsx/number-format.ts): the unit and the scale a
// person reads on the screen, so that `1200万` on the screen is 12,000,000 wherever it came from.
import { describe, expect, it } from 'vitest';
import { numberStyleOf, styledText } from '../../src/io/xlsx/number-format.js';

describe('number formats', () => {
  it('reads the unit after the digits, the point a literal moves, the thousands commas cut, and percentages', () => {
    const cases: [string, ReturnType<typeof numberStyleOf>][] = [
      ['0"万"', { word: '万', shift: 0 }],
      ['#,##0"万元"', { word: '万元', shift: 0 }],
      ['#,##0.00 "元"', { word: '元', shift: 0 }],
      ['0\\万', { word: '万', shift: 0 }],
      ['0!.0000"万"', { word: '万', shift: 4 }],
      ['0!.0,"万"', { word: '万', shift: 4 }],
      ['General"万元"', { word: '万元', shift: 0 }],
      ['G/通用格式"万元"', { word: '万元', shift: 0 }],
      ['0.0,,"M"', { word: 'M', shift: 6 }],
      ['#,##0.0,"K"', { word: 'K', shift: 3 }],
      ['0.00"亿"', { word: '亿', shift: 0 }],
      ['[Red]0"万";[Red]-0"万"', { word: '万', shift: 0 }],
      ['0%', { percent: true }],
      ['0.00%;[Red]-0.00%', { percent: true }],
      // Nothing beyond the digits, or a word that is no unit of money, or shown otherwise: the number as it is.
      ['General', undefined],
      // (A scale without a unit: the stored number, as before.)
      ['#,##0,', undefined],
      ['0!.0000', undefined],
      ['#,##0.00', undefined],
      ['"¥"#,##0.00', undefined],
      ['[$¥-804]#,##0', undefined],
      ['#,##0.00_);(#,##0.00)', undefined],
      ['0"分"', undefined],
      ['0"年"', undefined],
      ['0.00E+00', undefined],
      ['# ?/?', undefined],
      ['@', undefined],
      // Sections that disagree, or a condition that chooses: not followed.
      ['0"万";0', undefined],
      ['[>=10000]0.0,"万";0', undefined],
    ];
    for (const [code, style] of cases) expect(numberStyleOf(code), code).toEqual(style);
  });

  it('writes the number as shown, its decimals exact', () => {
    expect(styledText(1200, { word: '万', shift: 0 })).toBe('1200万');
    expect(styledText(12345678, { word: '万', shift: 4 })).toBe('1234.5678万');
    expect(styledText(1200000, { word: '', shift: 3 })).toBe('1200');
    expect(styledText(-2500000, { word: 'M', shift: 6 })).toBe('-2.5M');
    expect(styledText(7, { word: '万', shift: 2 })).toBe('0.07万');
    expect(styledText(1e21, { word: '万', shift: 4 })).toBe('100000000000000000万');
  });
});
