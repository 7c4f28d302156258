// The width functions have fast paths (widths remembered per code point, text split by code point
// as slices): they must give what the plain paths give — a regular expression per character, text
// split character by character — for every kind of text a finding holds.
import { describe, expect, it } from 'vitest';
import { breakClusters, breakUnits, charWidth, displayWidth } from '../../src/util/width.js';
import { pick, rng } from '../helpers/random.js';

// ASCII, CJK, full-width and CJK punctuation (both kinds of line-break marks), Hangul and its
// jamo, kana, combining marks, zero-width characters, emoji (with skin tones, joiners, flags),
// astral CJK, lone surrogates, controls and ANSI colour codes.
const PIECES = [
  'a', 'Z', '0', ' ', ' ', ' ', 'word', 'Apex', '.', ',', ':', ';', '!', '?', '(', ')', '[', ']', '{', '}', '"', '%', '-', '\t', '\n',
  '客', '户', '张伟', '华东区', '，', '。', '：', '；', '！', '？', '、', '．', '（', '）', '「', '」', '『', '』', '【', '】', '《', '》', '〈', '〉', '…', '‘', '’', '“', '”', '·', '—',
  'Ａ', '１', '％', '｡', 'ｱ', '한', '글', '\u1100', '\u1161', '\u11a8', 'か', 'カ',
  'é', 'e\u0301', '\u0300', '\u200b', '\u200d', '\ufeff', '\u00ad',
  '😀', '👍🏽', '👨‍👩‍👧', '🇨🇳', '❤️', '⌚', '©', '\u{20000}', '\u{2a6d6}', '\ud800', '\udc00',
  '\x1b[31m', '\x1b[0m', '\x1b[1;32m', '\x1b', '\u007f', '\u0085',
];

/** The plain measure: ANSI colour codes left out, then a regular expression per code point. */
function plainWidth(text: string): number {
  let w = 0;
  // eslint-disable-next-line no-control-regex -- ANSI colour codes start with ESC
  for (const ch of text.replace(/\x1b\[[0-9;]*m/g, '')) w += charWidth(ch);
  return w;
}

describe('the width functions', () => {
  it('measure and split 20,000 random texts as the plain paths do', () => {
    const rand = rng(20261124);
    let split = 0;
    for (let n = 0; n < 20_000; n++) {
      let s = '';
      for (let i = Math.floor(rand() * 40); i > 0; i--) s += pick(rand, PIECES);
      expect(displayWidth(s), JSON.stringify(s)).toBe(plainWidth(s));
      // Text where no character joins several code points is split by code point, as slices
      // (other text goes the plain way, grapheme by grapheme).
      if (/[\p{Mn}\p{Me}\p{Cf}\u1160-\u11ff]|\p{Emoji_Modifier}|\p{Regional_Indicator}/u.test(s)) continue;
      split++;
      expect(breakUnits(s), JSON.stringify(s)).toEqual(breakClusters(s));
    }
    expect(split).toBeGreaterThan(3000);
  });

  it('every code point of the first plane is as wide as the regular expressions say', () => {
    const wrong: string[] = [];
    for (let cp = 0; cp < 0x10000; cp++) {
      const ch = String.fromCharCode(cp);
      if (displayWidth(ch) !== charWidth(ch) && ch !== '\x1b') wrong.push(cp.toString(16));
    }
    expect(wrong).toEqual([]);
  });
});
