/** Column letters and A1 references. */

export const MAX_COLUMNS = 16384; // XFD
export const MAX_ROWS = 1048576;

/** 0-based column index → letters (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Letters → 0-based column index, or -1 when they are not letters. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) {
    const c = letters.charCodeAt(i);
    const v = c >= 97 ? c - 96 : c - 64;
    if (v < 1 || v > 26) return -1;
    n = n * 26 + v;
  }
  return n - 1;
}

/** The 0-based column of a reference such as `AB12`; -1 when it is not one, MAX_COLUMNS when too far right. */
export function refColumn(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
    if (n > MAX_COLUMNS) return MAX_COLUMNS;
  }
  if (i === 0) return -1;
  if (ref.charCodeAt(i) === 36 /* $ */) i++;
  let row = 0;
  const digits = i;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    row = row * 10 + (c - 48);
  }
  if (i === digits || row > MAX_ROWS) return -1;
  return n - 1;
}

/** Parses `AB12` into a 0-based column and a 1-based row; undefined when malformed. */
export function parseCellRef(ref: string): { col: number; row: number } | undefined {
  const m = /^\$?([A-Za-z]{1,7})\$?(\d{1,9})$/.exec(ref);
  if (!m) return undefined;
  return { col: columnIndex(m[1]!), row: Number(m[2]) };
}

/** `Sheet!D14` as the user sees it in the workbook. */
export function cellAddress(sheet: string, colIndex: number, row: number): string {
  return `${sheet}!${columnLetter(colIndex)}${row}`;
}
