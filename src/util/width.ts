/**
 * Terminal display width: CJK, full-width characters and emoji take two columns, combining marks,
 * zero-width characters and ANSI colour codes none; text cut or wrapped to a width by it.
 */

const WIDE = /[\u1100-\u115f\u231a\u231b\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
// Combining marks (variation selectors among them) and format characters: zero-width spaces and joiners, the BOM.
const ZERO = /[\p{Mn}\p{Me}\p{Cf}]/u;
const EMOJI = /\p{Emoji_Presentation}/u;
// eslint-disable-next-line no-control-regex -- ANSI colour codes start with ESC
const ANSI = /\x1b\[[0-9;]*m/g;
// eslint-disable-next-line no-control-regex -- the same, kept by split
const ANSI_SPLIT = /(\x1b\[[0-9;]*m)/;
const ELLIPSIS = '…';

/**
 * The widths of the BMP's code points as found (-1: not yet), the rest kept by code point: the
 * regular expressions run once per character a run meets, not once per character it measures.
 */
const BMP_WIDTHS = new Int8Array(0x10000).fill(-1);
const ASTRAL_WIDTHS = new Map<number, number>();

/** The columns of one code point (a lone surrogate counts as itself). */
function codePointWidth(cp: number): number {
  if (cp < 0x300) return cp < 32 ? 0 : 1;
  if (cp < 0x10000) {
    let w = BMP_WIDTHS[cp]!;
    if (w < 0) BMP_WIDTHS[cp] = w = charWidth(String.fromCharCode(cp));
    return w;
  }
  if (cp >= 0x20000 && cp <= 0x3fffd) return 2;
  let w = ASTRAL_WIDTHS.get(cp);
  if (w === undefined) ASTRAL_WIDTHS.set(cp, (w = charWidth(String.fromCodePoint(cp))));
  return w;
}

/** The columns of one character, by the regular expressions (exported for the test of the fast paths). */
export function charWidth(ch: string): number {
  const cp = ch.codePointAt(0)!;
  if (cp < 0x300) return cp < 32 ? 0 : 1;
  if (cp >= 0x20000 && cp <= 0x3fffd) return 2;
  if (WIDE.test(ch)) return 2;
  if (ZERO.test(ch)) return 0;
  return EMOJI.test(ch) ? 2 : 1;
}

/** Columns a string takes in a terminal. */
export function displayWidth(text: string): number {
  if (text.length === 1) return codePointWidth(text.charCodeAt(0));
  const s = text.includes('\x1b') ? text.replace(ANSI, '') : text;
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    let cp = s.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < s.length) {
      const low = s.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    w += codePointWidth(cp);
  }
  return w;
}

/** Pads a string to a display width, on the right (left-aligned) or on the left. */
export function pad(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'right' ? fill + text : text + fill;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
// What can join code points into one character as shown: marks and format characters (ZWJ),
// Hangul vowel and final jamo, emoji skin tones, flag letters. Text without them (nearly all) is
// split by code point, the slow segmenter kept for the rest.
const JOINS = /[\p{Mn}\p{Me}\p{Cf}\u1160-\u11ff]|\p{Emoji_Modifier}|\p{Regional_Indicator}/u;

/** The user-perceived characters of a text: a surrogate pair, a letter with its marks, an emoji sequence each one. */
function clusters(text: string): Iterable<string> {
  if (!JOINS.test(text)) return text;
  return {
    *[Symbol.iterator]() {
      for (const s of graphemes.segment(text)) yield s.segment;
    },
  };
}

/**
 * A text cut to at most `width` columns, ending in `…` when cut (spaces before the `…` dropped); a
 * text that fits is returned as it is. Cuts fall between characters as shown — never inside a
 * surrogate pair, between a letter and its combining mark or inside an emoji sequence — so a wide
 * character that would straddle the edge is left out and the result may be a column short: pad
 * it. ANSI colour codes take no room and are all kept, so that colours close as they would have.
 */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  const room = width - 1;
  let used = 0;
  let cut = false;
  let out = '';
  for (const part of text.split(ANSI_SPLIT)) {
    if (ANSI_SPLIT.test(part)) out += part;
    else if (!cut) {
      for (const ch of clusters(part)) {
        const w = displayWidth(ch);
        if (used + w > room) {
          cut = true;
          break;
        }
        out += ch;
        used += w;
      }
      // `Apex…`, not `Apex …`: a space before the ellipsis only looks like a gap.
      if (cut && width >= 1) out = out.replace(/ +$/, '') + ELLIPSIS;
    }
  }
  return out;
}

// A line may not start with closing punctuation nor end with opening punctuation (CJK and ASCII), by code point.
const NO_BREAK_BEFORE_CP = new Set([...',.:;!?%)]}、。，．：；！？）」』】》〉…’”'].map((c) => c.codePointAt(0)!));
const NO_BREAK_AFTER_CP = new Set([...'([{（「『【《〈‘“'].map((c) => c.codePointAt(0)!));

/**
 * The pieces a line may break after: a word with the spaces after it, or a single wide character.
 * `widths`, when given, gets each piece's display width where it is the sum of its code points'
 * (text split by code point, without ANSI codes); else it is left empty.
 */
export function breakUnits(text: string, widths?: number[]): string[] {
  if (JOINS.test(text)) return breakClusters(clusters(text));
  const measure = widths !== undefined && !text.includes('\x1b');
  // Split by code point, as slices of the text.
  const units: string[] = [];
  let start = 0;
  let prev = -1;
  let prevWide = false;
  let width = 0;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const next = i + (cp > 0xffff ? 2 : 1);
    const w = codePointWidth(cp);
    const wide = w === 2;
    const breakHere = i > start && cp !== 32 && (prev === 32 || ((prevWide || wide) && !NO_BREAK_BEFORE_CP.has(cp) && !NO_BREAK_AFTER_CP.has(prev)));
    if (breakHere) {
      units.push(text.slice(start, i));
      if (measure) widths.push(width);
      start = i;
      width = 0;
    }
    width += w;
    prev = cp;
    prevWide = wide;
    i = next;
  }
  if (start < text.length) {
    units.push(text.slice(start));
    if (measure) widths.push(width);
  }
  return units;
}

/** The last code point of a non-empty text (a surrogate pair read whole). */
function lastCodePoint(text: string): number {
  const low = text.charCodeAt(text.length - 1);
  const high = text.length > 1 ? text.charCodeAt(text.length - 2) : 0;
  return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? text.codePointAt(text.length - 2)! : low;
}

/** breakUnits for text with characters of several code points (and, in the test, for any text). */
export function breakClusters(chars: Iterable<string>): string[] {
  const units: string[] = [];
  let unit = '';
  let prev = '';
  for (const ch of chars) {
    const space = ch === ' ';
    const breakHere =
      unit !== '' &&
      !space &&
      (prev === ' ' || ((displayWidth(prev) === 2 || displayWidth(ch) === 2) && !NO_BREAK_BEFORE_CP.has(ch.codePointAt(0)!) && !NO_BREAK_AFTER_CP.has(lastCodePoint(prev))));
    if (breakHere) {
      units.push(unit);
      unit = '';
    }
    unit += ch;
    prev = ch;
  }
  if (unit !== '') units.push(unit);
  return units;
}

/**
 * Plain text broken into lines of at most `width` columns (`first` for the first line): at spaces,
 * which are dropped at a break, and between CJK characters, never before a closing or after an
 * opening punctuation mark; a word longer than a line is broken between its characters.
 */
export function wrap(text: string, width: number, first = width): string[] {
  return wrapLines(text, width, first, true);
}

/** wrap; `known`: with each piece's width as breakUnits measured it (false: measured anew, for the test of that shortcut). */
export function wrapLines(text: string, width: number, first: number, known: boolean): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  const limit = (): number => Math.max(1, lines.length === 0 ? first : width);
  const flush = (): void => {
    lines.push(line.trimEnd());
    line = '';
    used = 0;
  };
  // Each piece's width as it was split (when it could be): not measured again.
  const widths: number[] = [];
  const units = breakUnits(text, known ? widths : undefined);
  for (let u = 0; u < units.length; u++) {
    const unit = units[u]!;
    const word = unit.trimEnd();
    const full = widths.length > 0 ? widths[u]! : -1;
    const w = full < 0 ? displayWidth(word) : word.length === unit.length ? full : onlySpaces(unit, word.length) ? full - (unit.length - word.length) : displayWidth(word);
    if (line !== '' && used + w > limit()) flush();
    if (line === '' && w > limit()) {
      for (const ch of clusters(word)) {
        const cw = displayWidth(ch);
        if (line !== '' && used + cw > limit()) flush();
        line += ch;
        used += cw;
      }
      line += unit.slice(word.length);
      used += unit.length - word.length;
      continue;
    }
    line += unit;
    used += word.length === unit.length ? w : full >= 0 ? full : displayWidth(unit);
  }
  if (line.trimEnd() !== '' || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}

/** True when `text` from `from` on is spaces (U+0020, one column each) only. */
function onlySpaces(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) if (text.charCodeAt(i) !== 32) return false;
  return true;
}
