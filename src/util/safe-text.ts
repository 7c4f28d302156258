/**
 * Text from the user's files made safe to print. A sheet name, cell, header or file name may hold
 * control characters, terminal escape sequences or bidi overrides; printed raw they move the
 * cursor, recolour or relink the terminal, reorder what is shown, or start a line that a CI runner
 * reads as a command (`::error …`). Every renderer passes user text through here.
 */
import { own } from './own.js';

// C0 controls (tab, LF and CR included), DEL, C1 controls, the line and paragraph separators,
// and the bidi embeddings, overrides and isolates.
// eslint-disable-next-line no-control-regex -- these are exactly the characters to escape
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex -- the same, line breaks and tabs kept
const UNSAFE_KEEP_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const everywhere = (re: RegExp): RegExp => new RegExp(re.source, 'g');
const UNSAFE_G = everywhere(UNSAFE);
const UNSAFE_KEEP_LINES_G = everywhere(UNSAFE_KEEP_LINES);
// What JSON.stringify leaves raw but a terminal acts on: DEL, C1, the separators, the bidi controls.
const JSON_UNSAFE = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A character as a visible escape: `\n`, `\r`, `\t`, `\x1b`, `\u202e`. */
function escapeChar(ch: string): string {
  const named = own(NAMED, ch);
  if (named !== undefined) return named;
  const cp = ch.codePointAt(0)!;
  return cp < 0x100 ? `\\x${cp.toString(16).padStart(2, '0')}` : `\\u${cp.toString(16).padStart(4, '0')}`;
}

/**
 * User text for one line of output: every control character (line breaks and tabs included),
 * escape sequence introducer, NUL and bidi override shown as a visible escape (`\n`, `\x1b`,
 * `\u202e`). Ordinary text is returned as it is.
 */
export function safeText(text: string): string {
  return UNSAFE.test(text) ? text.replace(UNSAFE_G, escapeChar) : text;
}

/** Like {@link safeText}, but line breaks and tabs are kept (CR LF and a lone CR become LF): for cells that may hold lines. */
export function safeLines(text: string): string {
  const s = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  return UNSAFE_KEEP_LINES.test(s) ? s.replace(UNSAFE_KEEP_LINES_G, escapeChar) : s;
}

/** Each string of a parameter map through {@link safeText} (or `clean`); numbers unchanged. */
export function safeParams<T extends Readonly<Record<string, string | number>>>(params: T, clean: (text: string) => string = safeText): T {
  let out: Record<string, string | number> | undefined;
  for (const [k, v] of Object.entries(params)) {
    if (typeof v !== 'string') continue;
    const s = clean(v);
    if (s !== v) (out ??= { ...params })[k] = s;
  }
  return (out ?? params) as T;
}

/**
 * JSON text with the characters JSON.stringify leaves raw but a terminal acts on (DEL, C1, bidi
 * overrides, U+2028/2029) written as `\uXXXX` escapes: the text shows safely and parses back to
 * the exact values. These characters only occur inside strings, so the text may be given in pieces.
 */
export function safeJson(json: string): string {
  return json.replace(JSON_UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// A line a CI runner reads as a command: `::cmd …` (GitHub Actions, also after leading spaces) or `##[cmd]` (Azure Pipelines, old GitHub).
const COMMAND_LINE = /^([ \t]*)(::|##\[)/gm;

/**
 * Output lines that would start with a workflow command (`::` or `##[`, after spaces) get a
 * backslash before it (`\::error`), so that no user text can issue a command in a CI log.
 * `lineStart` tells whether the text begins at the start of a line (for output given in pieces).
 */
export function guardCommandLines(text: string, lineStart = true): string {
  if (!text.includes('::') && !text.includes('##[')) return text;
  return text.replace(COMMAND_LINE, (m: string, space: string, mark: string, offset: number) => (offset === 0 && !lineStart ? m : `${space}\\${mark}`));
}

const INJECTION = /^[=+\-@\t\r]/;

/**
 * Excel's error values as a CSV field holds them: Excel reads the field as the error, and so does kam
 * (io/csv/stream.ts), in any case.
 */
export const EXCEL_ERROR = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|EXTERNAL!|PYTHON!)\s*$/i;

/**
 * A text cell that a spreadsheet would run as a formula, or read as an error value (a text `#N/A`), gets a
 * leading `'` (checked after width folding; SPEC §7). (The text `#N/A` unguarded came back from `kam convert`'s
 * CSV as the error: found by review.)
 */
export function neutralize(text: string): string {
  const folded = text.normalize('NFKC');
  return INJECTION.test(folded) || EXCEL_ERROR.test(folded) ? `'${text}` : text;
}

/**
 * A CSV field as it was before {@link neutralize} (kam's guard, and other tools' alike): `'-` is `-`,
 * `'+86 138…` is `+86 138…` (found by a new user: `kam convert --all` wrote a folder in which every
 * `-` placeholder was `'-`, and kam read its own output as 63 unreadable cells). Any other text as it is.
 */
export function unneutralize(text: string): string {
  if (text.charCodeAt(0) !== 39) return text;
  const rest = text.slice(1).normalize('NFKC');
  return INJECTION.test(rest) || EXCEL_ERROR.test(rest) ? text.slice(1) : text;
}
