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
