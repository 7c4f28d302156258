/**
 * Where JSON text goes wrong, as line and column. Node's JSON.parse gives a position for some errors
 * (`… in JSON at position 18`) but not for others (`Unexpected token ']', "…" is not valid JSON`
 * for a trailing comma, `Unexpected end of JSON input`), so the text is scanned again here.
 */

/** Line and column (1-based) of the first character JSON.parse cannot accept; the end of the text if it stops early. */
export function jsonErrorPosition(text: string): { line: number; column: number } {
  const before = text.slice(0, firstError(text));
  return { line: before.split('\n').length, column: before.length - before.lastIndexOf('\n') };
}

/** The offset of the first error (text.length when the text ends too soon). */
function firstError(s: string): number {
  let i = 0;
  const space = (): void => {
    while (i < s.length && ' \t\n\r'.includes(s[i]!)) i++;
  };
  const fail = (at: number): never => {
    throw new Stop(at);
  };
  const literal = (word: string): void => {
    for (const ch of word) if (s[i++] !== ch) fail(i - 1);
  };
  const string = (): void => {
    i++;
    while (i < s.length && s[i] !== '"') {
      if (s.charCodeAt(i) < 0x20) fail(i);
      if (s[i] === '\\') {
        i++;
        if (s[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(s.slice(i + 1, i + 5))) fail(i);
          i += 4;
        } else if (i < s.length && !'"\\/bfnrt'.includes(s[i]!)) fail(i);
      }
      i++;
    }
    if (i >= s.length) fail(s.length);
    i++;
  };
  const number = (): void => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(s.slice(i, i + 400));
    if (!m) fail(i);
    i += m![0].length;
  };
  const value = (): void => {
    space();
    const ch = s[i];
    if (ch === undefined) fail(i);
    if (ch === '{') return container('}', true);
    if (ch === '[') return container(']', false);
    if (ch === '"') return string();
    if (ch === 't') return literal('true');
    if (ch === 'f') return literal('false');
    if (ch === 'n') return literal('null');
    if (ch === '-' || (ch! >= '0' && ch! <= '9')) return number();
    fail(i);
  };
  const container = (close: string, keyed: boolean): void => {
    i++;
    space();
    if (s[i] === close) {
      i++;
      return;
    }
    for (;;) {
      if (keyed) {
        space();
        if (s[i] !== '"') fail(i);
        string();
        space();
        if (s[i] !== ':') fail(i);
        i++;
      }
      value();
      space();
      if (s[i] === ',') {
        i++;
        continue;
      }
      if (s[i] === close) {
        i++;
        return;
      }
      fail(i);
    }
  };
  try {
    value();
    space();
    return i < s.length ? i : s.length;
  } catch (err) {
    if (err instanceof Stop) return Math.min(err.at, s.length);
    // Nesting deeper than the stack: JSON.parse refused it too; say where the text ends.
    if (err instanceof RangeError) return s.length;
    throw err;
  }
}

class Stop {
  constructor(readonly at: number) {}
}

/** `scoring.criteria[1].weight` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out === '' ? String(seg) : `.${String(seg)}`;
  return out;
}

/** Where each key of a JSON text is: its path (`scoring.criteria[1].weight`) → 1-based line; and keys written twice in one object. */
export interface JsonKeys {
  lines: Map<string, number>;
  /** A key an object holds twice (JSON.parse keeps the last, silently): the first such, with both lines. */
  duplicate?: { path: string; line: number; first: number };
}

/**
 * The lines of the keys of valid JSON text (JSON.parse has accepted it): a config error can then say
 * where its key is (found by a new user: `scoring: unknown key "methd"` named no line), and a key
 * written twice is found (`{"lang": "en", "lang": "zh"}` was taken as zh without a word).
 */
export function jsonKeys(s: string): JsonKeys {
  const out: JsonKeys = { lines: new Map() };
  let i = 0;
  let line = 1;
  // (A line ends at LF, at CR LF, and at a CR alone.)
  const space = (): void => {
    while (i < s.length && ' \t\n\r'.includes(s[i]!)) {
      const ch = s[i++];
      if (ch === '\n' || (ch === '\r' && s[i] !== '\n')) line++;
    }
  };
  const string = (): string => {
    const start = i;
    i++;
    while (i < s.length && s[i] !== '"') i += s[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(s.slice(start, i)) as string;
  };
  // Paths as formatPath writes them: the form a config error looks its key up by.
  const value = (path: readonly (string | number)[]): void => {
    space();
    const ch = s[i];
    if (ch === '{') {
      i++;
      const seen = new Map<string, number>();
      for (;;) {
        space();
        if (s[i] === '}') break;
        const at = line;
        const key = string();
        const keyPath = [...path, key];
        const first = seen.get(key);
        if (first !== undefined && !out.duplicate) out.duplicate = { path: formatPath(keyPath), line: at, first };
        seen.set(key, at);
        out.lines.set(formatPath(keyPath), at);
        space();
        i++; // ':'
        value(keyPath);
        space();
        if (s[i] === ',') i++;
      }
      i++;
    } else if (ch === '[') {
      i++;
      for (let n = 0; ; n++) {
        space();
        if (s[i] === ']') break;
        out.lines.set(formatPath([...path, n]), line);
        value([...path, n]);
        space();
        if (s[i] === ',') i++;
      }
      i++;
    } else if (ch === '"') {
      string();
    } else {
      while (i < s.length && !',}] \t\n\r'.includes(s[i]!)) i++;
    }
  };
  try {
    value([]);
  } catch {
    // Deeper than the stack: no lines (JSON.parse took it; the schema refuses such a config anyway).
  }
  return out;
}
