/** The cells of one `<row>` of a worksheet part: values, shared strings, dates, formulas, errors. */
import type { Cell } from '../../model/cell.js';
import { InputError } from '../../model/errors.js';
import { cellAddress, columnIndex, columnLetter, MAX_COLUMNS, MAX_ROWS, refColumn } from '../../util/cellref.js';
import { MAX_CELL_CHARS } from './limits.js';
import { decodeXml, endsTagName, getAttr, isSpace, stringItemText, tightEndTags, wellFormedXml } from './xml.js';
import { styledText, type NumberStyle } from './number-format.js';

/** The shared-string table as cells see it (items decoded on demand). */
export interface StringTable {
  get(i: number): string | undefined;
  /** How many items it holds (said when a cell names one past them). */
  readonly length?: number;
}

export interface SheetContext {
  file: string;
  sheet: string;
  part: string;
  sharedStrings: StringTable;
  dateStyles: readonly boolean[];
  /** For each style: does it show elapsed time (`[h]:mm`: a duration)? */
  elapsedStyles?: readonly boolean[];
  /** For each style: a unit, a scale or a percentage its number format shows (`0"万"`, `0!.0000"万"`, `0%`). */
  numberStyles?: readonly (NumberStyle | undefined)[];
  /**
   * The workbook asks to be calculated when opened (`<calcPr fullCalcOnLoad="1"/>`, as xlsxwriter
   * writes it, with 0 as every formula's stored result): no stored result is trusted, every
   * formula cell reads as a formula without one.
   */
  staleFormulas?: boolean;
  /** Recently shown shared strings as cells, reused by every cell that shows them (cells are never changed). */
  sharedCells?: SharedCellCache;
}

/** A direct-mapped cache: bounded, and the few strings a sheet repeats (codes, names) stay hot. */
export interface SharedCellCache {
  index: Int32Array;
  cells: Cell[];
}

const CACHE_BITS = 18;

/** An empty cache of shared-string cells. */
export function newSharedCellCache(): SharedCellCache {
  return { index: new Int32Array(1 << CACHE_BITS).fill(-1), cells: [] };
}

function sharedCell(ctx: SheetContext, v: string, col: number, row: number): Cell {
  // Digits alone (white space around them, as XML allows): `2.4e1`, `15.0`, `0x10` and an empty `<v></v>` name no
  // string, though Number() reads them as one (found by a hostile-file trial: `2.4e1` read as string 24, `<v></v>` as 0).
  return sharedCellAt(ctx, /^\s*\d+\s*$/.test(v) ? Number(v) : NaN, col, row, v);
}

/**
 * The cell of shared string `i` (any number: a non-integer or one past the table is a damaged book,
 * said at the cell `col`, `row` that names it; `written` is the index as the cell writes it).
 */
function sharedCellAt(ctx: SheetContext, i: number, col: number, row: number, written?: string): Cell {
  // (Not -1 or below: -1 marks an empty slot of the cache.)
  if (!(i >= 0)) throw noSharedString(ctx, i, written, col, row);
  const cache = (ctx.sharedCells ??= newSharedCellCache());
  const slot = i & ((1 << CACHE_BITS) - 1);
  if (cache.index[slot] === i) return cache.cells[slot]!;
  const str = Number.isInteger(i) ? ctx.sharedStrings.get(i) : undefined;
  // A string the table does not have (`-1`, one past the end): the book is damaged, not the cell
  // (found by a new user: it read as an empty or an error cell, exit 1), and the message names the cell.
  if (str === undefined) throw noSharedString(ctx, i, written, col, row);
  const cell: Cell = { t: 's', v: str };
  cache.index[slot] = i;
  cache.cells[slot] = cell;
  return cell;
}

/** A cell naming a shared string the table does not have (`-1`, `1.5`, one past the end). */
function noSharedString(ctx: SheetContext, i: number, written: string | undefined, col: number, row: number): InputError {
  const cell = `${columnLetter(col)}${row}`;
  // (As a number where it is one, so that the scanner of bytes and the general path say the same: `007` is 7.)
  const index = Number.isFinite(i) || written === undefined ? String(i) : written.trim();
  return new InputError('input.noSharedString', { ref: cell, index, count: ctx.sharedStrings.length ?? 0 }, { file: ctx.file, sheet: ctx.sheet, cell: cellAddress(ctx.sheet, col, row) });
}

function badRef(ref: string, ctx: SheetContext): InputError {
  // (An empty reference, `r=""`, is said as that: found by a new user, "cell reference  is outside the sheet".)
  return new InputError(ref === '' ? 'input.emptyRef' : 'input.badRef', { ref }, { file: ctx.file, sheet: ctx.sheet });
}

/** A cell whose reference names another row than the `<row>` it is in. */
function wrongRow(ref: string, row: number, ctx: SheetContext): InputError {
  return new InputError('input.cellRow', { ref, row }, { file: ctx.file, sheet: ctx.sheet });
}

function outOfOrder(col: number, prev: number, row: number, ctx: SheetContext): InputError {
  const cell = `${columnLetter(col)}${row}`;
  return new InputError('input.cellOrder', { ref: cell, previous: `${columnLetter(prev)}${row}` }, { file: ctx.file, sheet: ctx.sheet, cell: cellAddress(ctx.sheet, col, row) });
}

function tooLong(col: number, row: number, ctx: SheetContext): InputError {
  const cell = `${columnLetter(col)}${row}`;
  return new InputError('input.cellTooLong', { ref: cell, limit: MAX_CELL_CHARS }, { file: ctx.file, sheet: ctx.sheet, cell: cellAddress(ctx.sheet, col, row) });
}

/**
 * The shape nearly every writer gives a cell: `<c r="B7" s="3" t="s"><v>12</v></c>`, with an
 * optional formula before the value. One sticky regular expression reads it; anything else (other
 * attribute orders, inline strings, rich values) goes the general way.
 */
const FAST_CELL = new Map<string, RegExp>();
function fastCell(p: string): RegExp {
  let re = FAST_CELL.get(p);
  if (!re) {
    const e = p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    re = new RegExp(
      `<${e}c r="([A-Z]{1,3})(\\d{1,7})"(?: s="(\\d+)")?(?: t="(s|n|b|e|str|inlineStr)")?(?:/>|>(?:(<${e}f(?:[^>]*/>|[^>]*>[^<]*</${e}f>)))?(?:<${e}v>([^<]*)</${e}v>|<${e}is><${e}t(?: [^>]*)?>([^<]*)</${e}t></${e}is>)?</${e}c>)`,
      'y',
    );
    FAST_CELL.set(p, re);
  }
  return re;
}

/**
 * The cells of row `row` by 0-based column. Cells must come in ascending column order, each once
 * (as Excel writes them), and hold at most MAX_CELL_CHARS characters of XML: else an InputError.
 */
export function parseCells(content: string, p: string, ctx: SheetContext, row = 0): (Cell | undefined)[] {
  const cells: (Cell | undefined)[] = [];
  const open = `<${p}c`;
  const fast = fastCell(p);
  let col = -1;
  let j = content.indexOf(open);
  // Where the last cell ended: what lies between cells is white space, or well-formed XML (an `<extLst>`).
  let last = 0;
  // Whether the row holds an `&` at all (asked once a row, not once a cell).
  let amps: boolean | undefined;
  while (j >= 0) {
    if (j > last && !blankOrXml(content, last, j)) throw malformed(ctx, col + 1, row);
    fast.lastIndex = j;
    const m = fast.exec(content);
    if (m) {
      const prev = col;
      col = columnIndex(m[1]!);
      if (col >= MAX_COLUMNS || m[2]!.length > 7 || Number(m[2]) > MAX_ROWS) throw badRef(m[1]! + m[2]!, ctx);
      if (row > 0 && Number(m[2]) !== row) throw wrongRow(m[1]! + m[2]!, row, ctx);
      if (col <= prev) throw outOfOrder(col, prev, row, ctx);
      if (m[0].length > MAX_CELL_CHARS) throw tooLong(col, row, ctx);
      // (`B&ravo`: a bare `&` is no XML, never read as the text; found by a new user.)
      if (m[0].includes('&') && !wellFormedXml(m[0], 0, m[0].length, true)) throw malformed(ctx, col, row);
      const v = m[6];
      let cell: Cell | undefined;
      if (m[4] === 'inlineStr') {
        // `<is><t>text</t></is>` (openpyxl and pandas write every text so); an empty one, or one with
        // `<v>` or a formula, is what the general way makes of it: nothing.
        if (m[7] !== undefined) cell = { t: 's', v: inlineText(m[7]) };
      } else if (m[5] !== undefined && ctx.staleFormulas) {
        cell = formulaCell(m[0], 0, m[0].length, p);
      } else if (v === undefined || (v.length === 0 && m[4] !== 's' && m[4] !== 'str')) {
        if (m[5] !== undefined) cell = readCell(m[0], 0, m[0].length, m[4] ?? 'n', m[3], p, ctx, col, Number(m[2]));
      } else {
        switch (m[4]) {
          case 's':
            cell = sharedCell(ctx, v, col, Number(m[2]));
            break;
          case undefined:
          case 'n': {
            const n = xmlNumber(v);
            if (!Number.isFinite(n)) cell = { t: 's', v: decodeXml(v) };
            else cell = m[3] !== undefined ? styledNumber(ctx, Number(m[3]), n) : { t: 'n', v: n };
            break;
          }
          default:
            cell = readCell(m[0], 0, m[0].length, m[4], m[3], p, ctx, col, Number(m[2]));
        }
      }
      // A formula's stored result: marked (a copy: shared cells are never changed).
      if (m[5] !== undefined && cell && (cell.t === 's' || cell.t === 'n')) cell = formulaResult(cell, m[5]);
      if (cell) cells[col] = cell;
      last = fast.lastIndex;
      j = content.indexOf(open, last);
      continue;
    }
    const ch = content.charCodeAt(j + open.length);
    if (!endsTagName(ch)) {
      j = content.indexOf(open, j + open.length);
      continue;
    }
    const gt = content.indexOf('>', j);
    if (gt < 0) throw malformed(ctx, col + 1, row);
    // The usual `name="value"` form is read directly; any other spelling falls back to the
    // general attribute reader. (Searching the tag, not the row: indexOf cannot stop at the `>`.)
    const tag = content.slice(j, gt + 1);
    const attr = (name: string): string | undefined => {
      const at = tag.indexOf(` ${name}="`);
      if (at >= 0) {
        const start = at + name.length + 3;
        return tag.slice(start, tag.indexOf('"', start));
      }
      return tag.includes(`${name}=`) || tag.includes(`${name} =`) ? getAttr(tag, name) : undefined;
    };
    const ref = attr('r');
    const prev = col;
    col = ref === undefined ? col + 1 : refColumn(ref);
    if (col < 0 || col >= MAX_COLUMNS) throw badRef(ref ?? `#${col + 1}`, ctx);
    const refRow = ref === undefined ? undefined : /\d+$/.exec(ref)?.[0];
    if (row > 0 && refRow !== undefined && Number(refRow) !== row) throw wrongRow(ref!, row, ctx);
    if (col <= prev) throw outOfOrder(col, prev, row, ctx);
    if (content.charCodeAt(gt - 1) === 47) {
      if (!wellFormedXml(content, j, gt + 1)) throw malformed(ctx, col, row);
      last = gt + 1;
      j = content.indexOf(open, gt);
      continue;
    }
    const end = cellEnd(content, gt, p);
    // A cell not closed, or not well-formed (`<v>500000` without its `</v>`, two `<v>`s, `</c ` without its `>`):
    // a damaged part, never a cell read as empty or as some other value (found by a new user).
    const closeEnd = end < 0 ? -1 : content.indexOf('>', end) + 1;
    if (end < 0 || !(plainShape(content, j, closeEnd, p) || wellFormedXml(content, j, closeEnd, true, (amps ??= content.includes('&'))))) throw malformed(ctx, col, row);
    if (end - gt > MAX_CELL_CHARS) throw tooLong(col, row, ctx);
    let cell = readCell(content, gt + 1, end, attr('t') ?? 'n', attr('s'), p, ctx, col, refRow !== undefined ? Number(refRow) : row);
    if (cell && (cell.t === 's' || cell.t === 'n') && hasFormula(content, gt + 1, end, p)) cell = formulaResult(cell, content.slice(gt + 1, end));
    if (cell) cells[col] = cell;
    last = closeEnd;
    j = content.indexOf(open, last);
  }
  if (last < content.length && !blankOrXml(content, last, content.length)) throw malformed(ctx, col + 1, row);
  return cells;
}

/** Where a cell's end tag starts after `from`: `</c>`, or `</c >` with white space before its `>` (XML allows it); -1 for none. */
function cellEnd(s: string, from: number, p: string): number {
  const close = `</${p}c`;
  for (let at = s.indexOf(close, from); at >= 0; at = s.indexOf(close, at + close.length)) {
    let k = at + close.length;
    while (isSpace(s.charCodeAt(k))) k++;
    if (s.charCodeAt(k) === 62) return at;
  }
  return -1;
}

/**
 * The shapes of a cell the general way reads most (attributes in another order, `<c t="inlineStr" r="A2">`, a formula
 * with its attributes, a text kept with its spaces), matched whole by one sticky regular expression, each attribute
 * named once: well-formed without the tag-by-tag check (found by review: that check cost a book read so 30 %).
 */
const PLAIN_SHAPE = new Map<string, RegExp>();
function plainShape(s: string, from: number, to: number, p: string): boolean {
  let re = PLAIN_SHAPE.get(p);
  if (!re) {
    const e = p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const attrs = '(?: [\\w:]+="[^"<&]*")*';
    const text = '[^<&]*';
    re = new RegExp(`<${e}c${attrs}(?:/>|>(?:<${e}f${attrs}(?:/>|>${text}</${e}f>))?(?:<${e}v>${text}</${e}v>|<${e}is><${e}t${attrs}>${text}</${e}t></${e}is>)?</${e}c>)`, 'y');
    PLAIN_SHAPE.set(p, re);
  }
  re.lastIndex = from;
  if (!re.test(s) || re.lastIndex !== to) return false;
  // (Each attribute of the cell's tag once: `r="B3" r="B4"` is no XML. The shape has no `"` in a value.)
  // (Names compared where they stand, none copied: every cell read the general way passes here. Names of different first
  // letters differ: only names that share one are compared whole.)
  const gt = s.indexOf('>', from);
  let n = 0;
  let firsts = 0;
  for (let q = s.indexOf('="', from); q >= 0 && q < gt; q = s.indexOf('="', s.indexOf('"', q + 2) + 1)) {
    const start = s.lastIndexOf(' ', q) + 1;
    const bit = 1 << (s.charCodeAt(start) & 31);
    if (firsts & bit) {
      for (let k = 0; k < n; k++) {
        const a = NAME_AT[2 * k]!;
        const length = NAME_AT[2 * k + 1]! - a;
        if (length === q - start && s.startsWith(s.slice(a, a + length), start)) return false;
      }
    }
    firsts |= bit;
    if (n === NAME_AT.length / 2) return false;
    NAME_AT[2 * n] = start;
    NAME_AT[2 * n + 1] = q;
    n++;
  }
  return true;
}
/** Where each attribute name of a tag stands (at most 16 of them). */
const NAME_AT = new Int32Array(32);

/** Whether `s` from `from` to `to` is white space only, or well-formed XML. */
function blankOrXml(s: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!isSpace(s.charCodeAt(k))) return wellFormedXml(s, from, to);
  return true;
}

/** A row of a sheet that is no well-formed XML, at (or near) the cell where it breaks. */
function malformed(ctx: SheetContext, col: number, row: number): InputError {
  const where = row > 0 ? `${columnLetter(Math.max(col, 0))}${row}` : '';
  return new InputError(where ? 'input.corruptCell' : 'input.corruptPart', { part: ctx.part, ref: where }, { file: ctx.file, sheet: ctx.sheet, ...(where ? { cell: cellAddress(ctx.sheet, Math.max(col, 0), row) } : {}) });
}

/** The column of the cell scanCell read last. */
let scanned = -1;

const enum Ch {
  Tab = 9,
  Lf = 10,
  Cr = 13,
  Space = 32,
  Quote = 34,
  Dot = 46,
  Slash = 47,
  Zero = 48,
  Nine = 57,
  Lt = 60,
  Eq = 61,
  Gt = 62,
  A = 65,
  Z = 90,
  c = 99,
  n = 110,
  o = 111,
  r = 114,
  s = 115,
  t = 116,
  v = 118,
  w = 119,
}

/**
 * Reads the cells of a row from bytes, from `from` (after `<row …>`) to its `</row>`, into `cells`
 * when every cell has the plainest form, without decoding the bytes into a string; returns where
 * `</row>` starts. Else -1 (also when `</row>` is not before `to`), and the row is decoded and read
 * by parseCells, which then gives every value and every error: this is only a shortcut for the
 * rows nearly all sheets are made of. (A plain cell holds no `<` of its own, so the first
 * `</row>` met between cells is the first after `from`.)
 */
export function scanRow(b: Buffer, from: number, to: number, ctx: SheetContext, row: number, cells: (Cell | undefined)[]): number {
  let col = -1;
  let k = from;
  for (;;) {
    if (k + 6 > to) return -1;
    let ch = b[k]!;
    while (ch === Ch.Space || ch === Ch.Lf || ch === Ch.Cr || ch === Ch.Tab) {
      if (++k + 6 > to) return -1;
      ch = b[k]!;
    }
    if (ch !== Ch.Lt) return -1;
    const next = b[k + 1];
    if (next === Ch.Slash) {
      return b[k + 2] === Ch.r && b[k + 3] === Ch.o && b[k + 4] === Ch.w && b[k + 5] === Ch.Gt ? k : -1;
    }
    // No byte past `to` is read (reading past a buffer's end makes V8's code for it slower).
    if (next !== Ch.c || k + MAX_PLAIN_CELL > to) return -1;
    const end = scanCell(b, k, to, ctx, cells, row, col);
    if (end === 0) return -1;
    col = scanned;
    k = end;
  }
}

/**
 * Cells of whole numbers below SMALL, made once each (cells are never changed): an hours column
 * repeats a few values, a date column a few hundred days, over hundreds of thousands of rows.
 */
const SMALL = 1 << 16;
// Sized at once: filled first near 45,000 (a date), a growing array would turn into a slow dictionary.
const numberCells = new Array<Cell>(SMALL);
const dateCells = new Array<Cell>(SMALL);

function wholeCell(n: number, date: boolean): Cell {
  if (n >= SMALL) return date ? { t: 'n', v: n, date: true } : { t: 'n', v: n };
  if (date) return (dateCells[n] ??= { t: 'n', v: n, date: true });
  return (numberCells[n] ??= { t: 'n', v: n });
}

/**
 * A number as its style shows it: a date (or elapsed time); a percentage, marked; a unit or a scale of its
 * format (`0"万"`, `0!.0000"万"`) as the text a person reads on the screen (`1200万`), which is
 * read as typed text with that unit is.
 */
function styledNumber(ctx: SheetContext, style: number, n: number): Cell {
  if (ctx.dateStyles[style]) return dateCell(ctx, style, n);
  const shown = ctx.numberStyles?.[style];
  if (shown === undefined) return { t: 'n', v: n };
  return 'percent' in shown ? { t: 'n', v: n, percent: true } : { t: 's', v: styledText(n, shown) };
}

/** A number whose style shows a date, or elapsed time (a duration). */
function dateCell(ctx: SheetContext, style: number, n: number): Cell {
  return ctx.elapsedStyles?.[style] === true ? { t: 'n', v: n, date: true, elapsed: true } : { t: 'n', v: n, date: true };
}

/** More bytes than the longest cell scanCell takes: `<c r="XFD1048576" s="…"><v>…</v></c>`. */
const MAX_PLAIN_CELL = 128;

/**
 * Reads the cell at `j` when it has the plainest form — `<c r="B7" s="3" t="s"><v>12</v></c>` with
 * no prefix, no formula, and a shared string or a number (or nothing) as its value, ending by `to`
 * — and stores it in `cells`. Returns the index after the cell, with its column in `scanned`; or 0
 * for anything else, including whatever parseCells refuses (it then refuses it with its message).
 */
function scanCell(b: Buffer, j: number, to: number, ctx: SheetContext, cells: (Cell | undefined)[], row: number, prev: number): number {
  // `<c r="`
  if (b[j + 2] !== Ch.Space || b[j + 3] !== Ch.r || b[j + 4] !== Ch.Eq || b[j + 5] !== Ch.Quote) return 0;
  let k = j + 6;
  let col = 0;
  let ch = b[k]!;
  while (ch >= Ch.A && ch <= Ch.Z && k < j + 9) {
    col = col * 26 + (ch - 64);
    ch = b[++k]!;
  }
  if (k === j + 6) return 0;
  col -= 1;
  const digits = k;
  let rowNum = 0;
  while (ch >= Ch.Zero && ch <= Ch.Nine && k < digits + 7) {
    rowNum = rowNum * 10 + (ch - Ch.Zero);
    ch = b[++k]!;
  }
  if (k === digits || ch !== Ch.Quote) return 0;
  k++;
  let style = -1;
  if (b[k] === Ch.Space && b[k + 1] === Ch.s && b[k + 2] === Ch.Eq && b[k + 3] === Ch.Quote) {
    k += 4;
    const start = k;
    style = 0;
    ch = b[k]!;
    while (ch >= Ch.Zero && ch <= Ch.Nine && k - start < 10) {
      style = style * 10 + (ch - Ch.Zero);
      ch = b[++k]!;
    }
    if (k === start || ch !== Ch.Quote || k - start > 9) return 0;
    k++;
  }
  // The type: none (a number), `s` or `n`; any other goes the general way.
  let shared = false;
  if (b[k] === Ch.Space) {
    if (b[k + 1] !== Ch.t || b[k + 2] !== Ch.Eq || b[k + 3] !== Ch.Quote || b[k + 5] !== Ch.Quote) return 0;
    const t = b[k + 4];
    if (t === Ch.s) shared = true;
    else if (t !== Ch.n) return 0;
    k += 6;
  }
  let cell: Cell | undefined;
  let sharedAt = -1;
  let end: number;
  if (b[k] === Ch.Slash && b[k + 1] === Ch.Gt) {
    end = k + 2;
  } else if (b[k] === Ch.Gt) {
    k++;
    if (b[k] === Ch.Lt && b[k + 1] === Ch.Slash) {
      // `<c …></c>`
      if (b[k + 2] !== Ch.c || b[k + 3] !== Ch.Gt) return 0;
      end = k + 4;
    } else {
      // `<v>…</v></c>`: digits, perhaps with a decimal point (a sign, an exponent go the general way).
      if (b[k] !== Ch.Lt || b[k + 1] !== Ch.v || b[k + 2] !== Ch.Gt) return 0;
      const start = k + 3;
      let q = start;
      let i = 0;
      ch = b[q]!;
      while (ch >= Ch.Zero && ch <= Ch.Nine && q - start < 15) {
        i = i * 10 + (ch - Ch.Zero);
        ch = b[++q]!;
      }
      let decimal = false;
      if (ch === Ch.Dot && q > start && !shared) {
        decimal = true;
        ch = b[++q]!;
        while (ch >= Ch.Zero && ch <= Ch.Nine && q - start < 40) ch = b[++q]!;
      }
      if (ch !== Ch.Lt || b[q + 1] !== Ch.Slash || b[q + 2] !== Ch.v || b[q + 3] !== Ch.Gt) return 0;
      if (b[q + 4] !== Ch.Lt || b[q + 5] !== Ch.Slash || b[q + 6] !== Ch.c || b[q + 7] !== Ch.Gt) return 0;
      end = q + 8;
      if (q === start) {
        // An empty value: a shared string's goes the general way; a number's is no cell.
        if (shared) return 0;
      } else if (shared) {
        if (q - start > 10) return 0;
        sharedAt = i;
      } else {
        // ASCII digits and a point: the same number as the general path's Number() of the text.
        const date = style >= 0 && ctx.dateStyles[style] === true;
        if (style >= 0 && !date && ctx.numberStyles?.[style] !== undefined) cell = styledNumber(ctx, style, decimal ? Number(b.toString('latin1', start, q)) : i);
        else if (decimal) {
          const n = Number(b.toString('latin1', start, q));
          cell = date ? dateCell(ctx, style, n) : { t: 'n', v: n };
        } else cell = date && ctx.elapsedStyles?.[style] === true ? dateCell(ctx, style, i) : wholeCell(i, date);
      }
    }
  } else return 0;
  // What the general path refuses, it refuses with its own message.
  if (end > to || col >= MAX_COLUMNS || rowNum > MAX_ROWS || (row > 0 && rowNum !== row) || col <= prev || end - j > MAX_CELL_CHARS) return 0;
  // (Looked up after the checks above, as the general path does: a cell out of order is that, whatever its string.)
  if (sharedAt >= 0) cell = sharedCellAt(ctx, sharedAt, col, rowNum);
  if (cell) cells[col] = cell;
  scanned = col;
  return end;
}

/** `s` from `start` to `end` (the whole string when it is that already). */
function from0(s: string, start: number, end: number): string {
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/**
 * The text of a plain inline string (`<is><t>…</t></is>`), each written form decoded once: writers that put every text in its
 * cell (openpyxl, pandas) repeat a column's names row after row, each character a `&#NNNNN;`
 * reference (found by a new user: decoding them was a quarter of reading such a book).
 */
function inlineText(raw: string): string {
  let text = INLINE_TEXTS.get(raw);
  if (text === undefined) {
    // A copy of its own: `raw` is a slice of the row's text, and as the key or the value (a text
    // without references decodes to itself) would keep the whole row alive.
    const key = ` ${raw}`.slice(1);
    text = decodeXml(key);
    if (INLINE_TEXTS.size >= INLINE_TEXTS_CAP) INLINE_TEXTS.clear();
    INLINE_TEXTS.set(key, text);
  }
  return text;
}

const INLINE_TEXTS = new Map<string, string>();
const INLINE_TEXTS_CAP = 1 << 14;

/** The text of the first `<local>` element between `from` and `to`, or undefined. */
function elementText(s: string, from: number, to: number, p: string, local: string): string | undefined {
  const open = `<${p}${local}`;
  const i = s.indexOf(open, from);
  if (i < 0 || i >= to) return undefined;
  const after = s.charCodeAt(i + open.length);
  if (!endsTagName(after)) return undefined;
  const gt = s.indexOf('>', i);
  if (gt < 0 || gt >= to || s.charCodeAt(gt - 1) === 47) return undefined;
  const end = s.indexOf(`</${p}${local}>`, gt);
  return end < 0 || end > to ? undefined : s.slice(gt + 1, end);
}

/**
 * A formula's stored result, marked (a copy: shared cells are never changed); `subtotal` too when the formula is
 * SUBTOTAL or AGGREGATE — the rows Excel's Data › Subtotal inserts (found by a new user: a count's 1, 2 and 3 in
 * the name column were accounts, and a group's `Alice Chen Total` row an account without a name).
 */
function formulaResult(cell: Cell & { t: 's' | 'n' }, xml: string): Cell {
  return SUBTOTAL.test(xml) && !RUNNING.test(xml) ? { ...cell, formula: true, subtotal: true } : { ...cell, formula: true };
}

const SUBTOTAL = /<(?:[\w.-]+:)?f\b[^>]*>\s*=?\s*(?:_xlfn\.)?(?:SUBTOTAL|AGGREGATE)\s*\(/i;
/**
 * A running count, `SUBTOTAL(103,$B$2:B2)` or `SUBTOTAL(103,B$2:B2)` (its first row anchored): the row numbers (序号) many
 * Chinese books keep in sequence under a filter, on every row (found by review: each row was a totals row, and every
 * account was dropped; a new user's `B$2:B2` the same).
 */
const RUNNING = /(?:SUBTOTAL|AGGREGATE)\s*\([^)]*\$?[A-Z]{1,3}\$\d+\s*:\s*\$?[A-Z]{1,3}\d+\s*\)/i;

/** Whether the cell's XML between `from` and `to` holds a formula (`<f>`, `<f/>`). */
function hasFormula(s: string, from: number, to: number, p: string): boolean {
  const open = `<${p}f`;
  for (let i = s.indexOf(open, from); i >= 0 && i < to; i = s.indexOf(open, i + open.length)) if (endsTagName(s.charCodeAt(i + open.length))) return true;
  return false;
}

/** A formula cell without a result: `v` is the formula's text (empty for a shared formula's followers). */
function formulaCell(s: string, from: number, to: number, p: string): Cell {
  const formula = elementText(s, from, to, p, 'f');
  return { t: 'f', v: formula === undefined ? '' : decodeXml(formula) };
}

function readCell(row: string, start: number, end: number, t: string, style: string | undefined, p: string, ctx: SheetContext, col: number, rowNum: number): Cell | undefined {
  // The cell alone: a search for its `<v>`, `<f>` or `<is>` stops at its end, not the row's (found by
  // a new user: pandas writes an empty cell as `<c t="inlineStr"></c>`, and a row of 400 of them was
  // searched 400 times over: 80 s for a book of 10,000 accounts).
  // (`</v >`: an end tag with white space before its `>`, as XML allows; found by a new user, the value lost.)
  const s = tightEndTags(from0(row, start, end));
  const from = 0;
  const to = s.length;
  if (t === 'inlineStr') {
    const is = elementText(s, from, to, p, 'is');
    return is === undefined ? undefined : { t: 's', v: stringItemText(is, p) };
  }
  const v = elementText(s, from, to, p, 'v');
  if (v === undefined || (v.length === 0 && t !== 's' && t !== 'str') || ctx.staleFormulas) {
    if (hasFormula(s, from, to, p)) return formulaCell(s, from, to, p);
    if (v === undefined || (v.length === 0 && t !== 's' && t !== 'str')) return undefined;
  }
  switch (t) {
    case 's':
      return sharedCell(ctx, v, col, rowNum);
    case 'str':
      return { t: 's', v: decodeXml(v) };
    case 'b':
      return { t: 'b', v: v.trim() === '1' || v.trim().toLowerCase() === 'true' };
    case 'e':
      return { t: 'e', v: decodeXml(v).trim() };
    case 'd':
      return { t: 'd', v: decodeXml(v).trim() };
    default: {
      const n = xmlNumber(v);
      if (!Number.isFinite(n)) return { t: 's', v: decodeXml(v) };
      return style !== undefined ? styledNumber(ctx, Number(style), n) : { t: 'n', v: n };
    }
  }
}

/**
 * A number cell's value as XML Schema's decimal or double writes it (`12`, `-0.5`, `1.2E+7`); NaN
 * for anything else. (`Number()` alone also takes `0x10`, `0b11` and `Infinity`: found by a new user,
 * a hexadecimal revenue scored as 16.)
 */
function xmlNumber(v: string): number {
  return XML_NUMBER.test(v) ? Number(v) : NaN;
}

const XML_NUMBER = /^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$/;
