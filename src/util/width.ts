/** Terminal display width: CJK and full-width characters take two columns, ANSI colour codes none. */

const WIDE = /[\u1100-\u115f\u231a\u231b\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
// eslint-disable-next-line no-control-regex -- ANSI colour codes start with ESC
const ANSI = /\x1b\[[0-9;]*m/g;

/** Columns a string takes in a terminal. */
export function displayWidth(text: string): number {
  const s = text.includes('\x1b') ? text.replace(ANSI, '') : text;
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x1100) w += cp < 32 ? 0 : 1;
    else if (cp >= 0x20000 && cp <= 0x3fffd) w += 2;
    else w += WIDE.test(ch) ? 2 : 1;
  }
  return w;
}

/** Pads a string to a display width, on the right (left-aligned) or on the left. */
export function pad(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'right' ? fill + text : text + fill;
}
