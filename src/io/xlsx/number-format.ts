/**
 * What a cell's number format shows beyond its digits, where that changes the number a person reads:
 * a unit (`0"万"` shows 1200 as `1200万`), the number scaled (`0!.0000"万"` shows 12,000,000 as
 * `1200.0000万`, `0.0,,"M"` shows 1,200,000 as `1.2M`), or a percentage (`0%`). A scale without a unit
 * (`#,##0,`) is none (below).
 * Found by a new user: WPS and Excel books keep 万 in the format, and kam read `1200万` on the screen
 * as 1,200 yuan beside a typed `310万` (3,100,000), which then ranked first.
 */
import { isMagnitudeWord } from '../../parse/values.js';

/** A percentage, or the number shown with its point moved `shift` places left and `word` after it. */
export type NumberStyle = { percent: true } | { word: string; shift: number };

const BUILTIN_PERCENT: ReadonlyMap<number, NumberStyle> = new Map([
  [9, { percent: true }],
  [10, { percent: true }],
]);

/** A number format's style, or undefined when it shows the number as it is (or sections disagree, or conditions choose). */
export function numberStyleOf(code: string): NumberStyle | undefined {
  const sections = splitSections(code);
  // `[>=10000]0.0,"万";0`: which section shows a number depends on it; not followed.
  if (sections.some((s) => /\[[<>=]/.test(s))) return undefined;
  const first = sectionStyle(sections[0] ?? '');
  // The negative numbers' section, where there is one, must show them alike (`0"万";-0"万"`).
  if (sections.length > 1 && sections[1]!.trim() !== '' && JSON.stringify(sectionStyle(sections[1]!)) !== JSON.stringify(first)) return undefined;
  return first;
}

/** The sections of a format (`positive;negative;zero;text`), split outside quotes. */
function splitSections(code: string): string[] {
  const out: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\\' || ch === '!')) i++;
    else if (!quoted && ch === ';') {
      out.push(code.slice(start, i));
      start = i + 1;
    }
  }
  out.push(code.slice(start));
  return out;
}

type Token = 'digit' | 'point' | 'comma' | 'percent' | { lit: string };

function sectionStyle(section: string): NumberStyle | undefined {
  const tokens: Token[] = [];
  for (let i = 0; i < section.length; i++) {
    const ch = section[i]!;
    // `General"万元"` (Chinese Excel's `G/通用格式"万元"`): the number as it is, then the unit (found by review).
    const general = /^(?:general|g\/通用格式)/i.exec(section.slice(i));
    if (general) {
      tokens.push('digit');
      i += general[0].length - 1;
    } else if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      tokens.push({ lit: end < 0 ? section.slice(i + 1) : section.slice(i + 1, end) });
      i = end < 0 ? section.length : end;
    } else if (ch === '\\' || ch === '!') {
      tokens.push({ lit: section[i + 1] ?? '' });
      i++;
    } else if (ch === '_' || ch === '*') i++;
    // A colour, a locale or currency (`[Red]`, `[$¥-804]`): nothing after the digits.
    else if (ch === '[') i = section.indexOf(']', i) < 0 ? section.length : section.indexOf(']', i);
    else if (ch === '0' || ch === '#' || ch === '?') tokens.push('digit');
    else if (ch === '.') tokens.push('point');
    else if (ch === ',') tokens.push('comma');
    else if (ch === '%') tokens.push('percent');
    // Scientific notation, a text section, a fraction: shown otherwise; not followed.
    else if (ch === 'E' || ch === 'e' || ch === '@' || ch === '/') return undefined;
    else tokens.push({ lit: ch });
  }
  const last = tokens.lastIndexOf('digit');
  if (last < 0) return undefined;
  if (tokens.includes('percent')) return { percent: true };
  // Commas after the last digit divide by a thousand each.
  const commas = tokens.slice(last + 1).filter((t) => t === 'comma').length;
  // A literal point between digits, where the format has no point of its own (`0!.0000`): the digits after it are decimals.
  let decimals = 0;
  if (!tokens.includes('point')) {
    const dot = tokens.findIndex((t, i) => typeof t === 'object' && t.lit === '.' && i < last && tokens.slice(0, i).includes('digit'));
    if (dot >= 0) decimals = tokens.slice(dot + 1, last + 1).filter((t) => t === 'digit').length;
  }
  const after = tokens
    .slice(last + 1)
    .map((t) => (typeof t === 'object' ? t.lit : ''))
    .join('')
    .replace(/[\s)）]/g, '');
  const shift = decimals + 3 * commas;
  // A scale without a unit (`#,##0,` shows 1,200,000 as `1,200`) is no unit to read: whether the header's unit is the
  // shown number's or the stored one's cannot be told, and the stored number is kept, as before (found by review).
  return isMagnitudeWord(after) ? { word: after, shift } : undefined;
}

/** For each cell style index: what its number format shows beyond the digits (undefined: nothing). */
export function styleNumberStyles(formats: readonly { id: number; code?: string }[]): (NumberStyle | undefined)[] {
  const memo = new Map<string, NumberStyle | undefined>();
  return formats.map(({ id, code }) => {
    if (code === undefined) return BUILTIN_PERCENT.get(id);
    if (!memo.has(code)) memo.set(code, numberStyleOf(code));
    return memo.get(code);
  });
}

/** A number as its style shows it, as text a person would type: `1200万`, `1234.5678万`, `1.2M`. */
export function styledText(n: number, style: { word: string; shift: number }): string {
  const text = String(n);
  const shown = style.shift === 0 ? n : /e/i.test(text) ? n / 10 ** style.shift : Number(`${text}e-${style.shift}`);
  return `${String(shown)}${style.word}`;
}
