/** Small counts written in Chinese numerals: `两` (2), `十二` (12), `半` (0.5). */
import { own } from '../util/own.js';

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 半: 0.5 };

/** The characters of a count up to 99 (and 半). */
export const CN_NUMERAL = '[一二两三四五六七八九十半]';

/** `3`, `两` (2), `十二` (12), `半` (0.5); NaN for anything else. */
export function cnNumber(s: string): number {
  if (/^\d/.test(s)) return Number(s);
  if (s === '十') return 10;
  if (s.startsWith('十')) return 10 + (own(CN_DIGITS, s[1]!) ?? 0);
  if (s.length === 2 && s[1] === '十') return (own(CN_DIGITS, s[0]!) ?? 0) * 10;
  if (s.length === 3 && s[1] === '十') return (own(CN_DIGITS, s[0]!) ?? 0) * 10 + (own(CN_DIGITS, s[2]!) ?? 0);
  return own(CN_DIGITS, s) ?? NaN;
}
