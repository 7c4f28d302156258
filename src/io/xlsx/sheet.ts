/** Streaming parser of one worksheet part: `<row>` elements in, RawRows out, merges applied. */
import { isUtf8 } from 'node:buffer';
import { PendingBytes } from './pending.js';
import type { Cell, RawRow } from '../../model/cell.js';
import { InputError } from '../../model/errors.js';
import { columnLetter, MAX_COLUMNS, MAX_ROWS, parseCellRef } from '../../util/cellref.js';
import { assertNoDoctype, endsTagName, getAttr } from './xml.js';
import { type SheetContext, parseCells, scanRow } from './cells.js';
import { MAX_ROW_BYTES } from './limits.js';

export interface MergeRange {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** More merged ranges than rows in a sheet is no table a person made. */
const MAX_MERGES = MAX_ROWS;

/** Parses `<mergeCell ref="A1:C3"/>` elements out of the end of a sheet part. */
export function parseMerges(xml: string, ctx: { file: string; sheet: string }): MergeRange[] {
  const out: MergeRange[] = [];
  const re = /<(?:[\w.-]+:)?mergeCell\s[^>]*?ref\s*=\s*["']([^"']+)["']/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (out.length >= MAX_MERGES) throw new InputError('input.tooManyMerges', { limit: MAX_MERGES }, { file: ctx.file, sheet: ctx.sheet });
    const [a, b] = m[1]!.split(':');
    const p = parseCellRef(a!);
    const q = parseCellRef(b ?? a!);
    if (!p || !q) continue;
    checkBounds(p.col, p.row, m[1]!, ctx);
    checkBounds(q.col, q.row, m[1]!, ctx);
    out.push({ r1: Math.min(p.row, q.row), c1: Math.min(p.col, q.col), r2: Math.max(p.row, q.row), c2: Math.max(p.col, q.col) });
  }
  return out.sort((x, y) => x.r1 - y.r1 || x.c1 - y.c1);
}

function checkBounds(col: number, row: number, ref: string, ctx: { file: string; sheet: string }): void {
  if (col < 0 || col >= MAX_COLUMNS || row < 1 || row > MAX_ROWS) {
    throw new InputError('input.badRef', { ref }, { file: ctx.file, sheet: ctx.sheet });
  }
}

/**
 * Turns the inflated bytes of a sheet part into rows, with merged ranges filled from their
 * top-left cell. Rows must come in ascending order, each once (as Excel writes them), and hold at
 * most MAX_ROW_BYTES bytes of XML: else an InputError. The bytes are searched as bytes (a row's
 * plainest cells are read without making a string; any other row is decoded and read by
 * parseCells). Linear in the part's size: while a row is unfinished, new bytes are only searched
 * for the end of the row, not joined and searched again.
 */
export async function* parseSheet(
  chunks: AsyncIterable<Buffer>,
  ctx: SheetContext,
  merges: readonly MergeRange[],
  /** Ranges whose cells are read as empty (the Total Rows of Excel tables). */
  blanks: readonly MergeRange[] = [],
  /** A look at the rows that may stop before the part ends (`stopped`): what was read is all there is to it. */
  cut?: { readonly stopped: boolean },
): AsyncGenerator<RawRow[]> {
  const filler = new MergeFiller(merges, ctx);
  let buf: Buffer = Buffer.alloc(0);
  let pos = 0;
  let tags: SheetTags | undefined;
  let lastRow = 0;
  let done = false;
  let emptyData = false;
  let beforeRows = '';
  /** While a row is unfinished: the bytes after `buf`, held until the token that ends the wait. */
  let waiting: { bytes: PendingBytes; row: number } | undefined;
  for await (const chunk of chunks) {
    if (waiting) {
      if (!waiting.bytes.push(chunk)) {
        if (buf.length - pos + waiting.bytes.length > MAX_ROW_BYTES) throw rowTooLong(waiting.row, ctx);
        continue;
      }
      buf = Buffer.concat([buf.subarray(pos), waiting.bytes.take()]);
      waiting = undefined;
    } else {
      buf = pos < buf.length ? Buffer.concat([buf.subarray(pos), chunk]) : chunk;
    }
    pos = 0;
    const batch: RawRow[] = [];
    if (tags === undefined) {
      const head = buf.toString('utf8');
      const root = /<([\w.-]+:)?worksheet[\s>]/.exec(head);
      if (!root && head.length < 65536) continue;
      assertNoDoctype(head, ctx.file, ctx.part);
      tags = sheetTags(root?.[1] ?? '');
    }
    // Before the first row, an empty `<sheetData/>` may come in any chunk (after a long `<cols>`, say).
    if (!emptyData && lastRow === 0) {
      const text = beforeRows + buf.toString('latin1', pos);
      emptyData = EMPTY_DATA.test(text);
      beforeRows = text.slice(-32);
    }
    const { prefix, rowOpen, rowClose } = tags;
    // Searched once per chunk, not once per row: per row it would make the parse quadratic.
    const sheetEnd = buf.indexOf(tags.sheetEnd, pos);
    for (;;) {
      // The next row nearly always starts where the last one ended.
      const i = startsAt(buf, pos, rowOpen) ? pos : buf.indexOf(rowOpen, pos);
      if (i < 0 || (sheetEnd >= 0 && sheetEnd < i)) {
        if (sheetEnd >= 0) done = true;
        // What may be the start of `<row` or of `</sheetData>` is kept for the next chunk.
        pos = Math.max(pos, buf.length - Math.max(rowOpen.length, tags.sheetEnd.length) - 1);
        break;
      }
      if (i + rowOpen.length >= buf.length) {
        // The chunk ends right after `<row`: wait for the next one to see what follows.
        pos = i;
        break;
      }
      if (!endsTagName(buf[i + rowOpen.length]!)) {
        pos = i + rowOpen.length;
        continue;
      }
      let gt = i + rowOpen.length;
      while (gt < buf.length && buf[gt] !== GT) gt++;
      if (gt === buf.length) {
        pos = i;
        if (buf.length - i > MAX_ROW_BYTES) throw rowTooLong(lastRow + 1, ctx);
        waiting = { bytes: new PendingBytes(GT_TOKEN), row: lastRow + 1 };
        break;
      }
      const rowNum = rowNumber(buf, i, gt, lastRow, ctx);
      if (buf[gt - 1] === SLASH) {
        lastRow = rowNum;
        pos = gt + 1;
        continue;
      }
      const cells: (Cell | undefined)[] = [];
      const scannedTo = prefix === '' ? scanRow(buf, gt + 1, buf.length, ctx, rowNum, cells) : -1;
      const close = scannedTo >= 0 ? scannedTo : buf.indexOf(rowClose, gt);
      if (close < 0) {
        if (buf.length - i > MAX_ROW_BYTES) throw rowTooLong(rowNum, ctx);
        pos = i;
        waiting = { bytes: new PendingBytes(rowClose, buf), row: rowNum };
        break;
      }
      lastRow = rowNum;
      // A row ends at `<`, so its bytes are whole characters.
      const row = filler.apply({ row: rowNum, cells: scannedTo >= 0 ? cells : parseCells(rowText(buf, gt + 1, close, rowNum, ctx), prefix, ctx, rowNum) });
      pos = close + rowClose.length;
      if (row && blanks.length > 0) blankOut(row, blanks);
      if (row) batch.push(row);
    }
    if (batch.length > 0) yield batch;
    if (done) break;
  }
  if (cut?.stopped) return;
  // The rows end with `</sheetData>` (or there is none: `<sheetData/>`); else the part is not what it says (`</sheetDat>`).
  if (waiting || (!done && !emptyData)) throw new InputError('input.corruptPart', { part: ctx.part }, { file: ctx.file });
}

/**
 * A row's bytes as text. They must be UTF-8: a bad byte would be a U+FFFD in a name (Excel refuses
 * such a part). Checked only where the text has a U+FFFD, which a bad byte becomes (a row read
 * by scanRow is ASCII: its bytes are each compared with one).
 */
function rowText(buf: Buffer, start: number, end: number, row: number, ctx: SheetContext): string {
  const text = buf.toString('utf8', start, end);
  if (text.includes('\uFFFD') && !isUtf8(buf.subarray(start, end))) throw new InputError('input.rowUtf8', { row, part: ctx.part }, { file: ctx.file, sheet: ctx.sheet });
  return text;
}

/** Empties the cells of `row` that lie in one of `ranges`. */
function blankOut(row: RawRow, ranges: readonly MergeRange[]): void {
  for (const b of ranges) {
    if (row.row < b.r1 || row.row > b.r2) continue;
    for (let c = b.c1; c <= b.c2 && c < row.cells.length; c++) row.cells[c] = undefined;
  }
}

const EMPTY_DATA = /<([\w.-]+:)?sheetData\s*\/>/;
const GT = 0x3e;
const GT_TOKEN = Buffer.from('>');
const SLASH = 0x2f;
const QUOTE = 0x22;
/** ` r="` */
const R_ATTR = [0x20, 0x72, 0x3d, 0x22] as const;

/** Whether `buf` holds `token` at `at`. */
function startsAt(buf: Buffer, at: number, token: Buffer): boolean {
  if (at + token.length > buf.length) return false;
  for (let k = 0; k < token.length; k++) if (buf[at + k] !== token[k]) return false;
  return true;
}

interface SheetTags {
  prefix: string;
  rowOpen: Buffer;
  rowClose: Buffer;
  sheetEnd: Buffer;
}

function sheetTags(prefix: string): SheetTags {
  return {
    prefix,
    rowOpen: Buffer.from(`<${prefix}row`),
    rowClose: Buffer.from(`</${prefix}row>`),
    sheetEnd: Buffer.from(`</${prefix}sheetData>`),
  };
}

/** The number of the row whose tag is `buf[i..gt]` (its `r`, else the one after the last). */
function rowNumber(buf: Buffer, i: number, gt: number, lastRow: number, ctx: SheetContext): number {
  let r: string | undefined;
  let rowNum = -1;
  let at = i;
  while (at + 3 < gt && !(buf[at] === R_ATTR[0] && buf[at + 1] === R_ATTR[1] && buf[at + 2] === R_ATTR[2] && buf[at + 3] === R_ATTR[3])) at++;
  if (at + 3 < gt) {
    const from = at + 4;
    let k = from;
    let n = 0;
    while (k < gt && buf[k]! >= 0x30 && buf[k]! <= 0x39 && k - from < 7) n = n * 10 + (buf[k++]! - 0x30);
    if (k > from && buf[k] === QUOTE) rowNum = n;
    else {
      const end = buf.indexOf(QUOTE, from);
      r = buf.toString('utf8', from, end < 0 || end > gt ? gt : end);
    }
  } else {
    r = getAttr(buf.toString('utf8', i, gt + 1), 'r');
  }
  if (rowNum < 0) rowNum = r === undefined ? lastRow + 1 : Number(r);
  if (!Number.isInteger(rowNum) || rowNum < 1 || rowNum > MAX_ROWS) {
    throw new InputError('input.badRef', { ref: `row ${r ?? rowNum}` }, { file: ctx.file, sheet: ctx.sheet });
  }
  if (rowNum <= lastRow) {
    throw new InputError('input.rowOrder', { row: rowNum, previous: lastRow }, { file: ctx.file, sheet: ctx.sheet });
  }
  return rowNum;
}

function rowTooLong(row: number, ctx: SheetContext): InputError {
  return new InputError('input.rowTooLong', { row, limit: Math.round(MAX_ROW_BYTES / 1048576) }, { file: ctx.file, sheet: ctx.sheet });
}

/** Columns a merge's top row is filled to even when no row so far reaches them (titles over a table). */
const TITLE_FILL_COLUMNS = 256;

/**
 * Copies each merged range's top-left value over the range, row by row as rows stream past. A range
 * stays a range: it is filled only up to the widest column that holds a cell in any row so far
 * (its top row: at least the first TITLE_FILL_COLUMNS columns), so `J2:XFD1048576` costs what the
 * data costs. Ranges active on a row are kept sorted by column; overlapping ranges are an error.
 */
class MergeFiller {
  private next = 0;
  private active: { m: MergeRange; value: Cell | undefined }[] = [];
  /** The first row at which an active range has ended (the active list is rebuilt then). */
  private expires = Infinity;
  private width = 0;

  constructor(
    private readonly merges: readonly MergeRange[],
    private readonly ctx: SheetContext,
  ) {}

  apply(row: RawRow): RawRow | undefined {
    const cells = row.cells;
    if (cells.length > this.width) this.width = cells.length;
    if (this.merges.length === 0) return cells.length > 0 ? row : undefined;
    // A row with no value of its own is no record, whatever merges cover it: openpyxl writes every
    // cell of `D3:D1048576` as an empty <c>, and filling them would make a million rows of one note.
    let own = false;
    for (const c of cells) {
      if (c !== undefined && !(c.t === 's' && c.v === '')) {
        own = true;
        break;
      }
    }
    let changed = false;
    while (this.next < this.merges.length && this.merges[this.next]!.r1 <= row.row) {
      const m = this.merges[this.next++]!;
      if (m.r2 >= row.row) {
        this.active.push({ m, value: m.r1 === row.row ? cells[m.c1] : undefined });
        changed = true;
      }
    }
    if (changed || row.row > this.expires) this.rebuild(row.row);
    const reach = Math.max(this.width, TITLE_FILL_COLUMNS) - 1;
    for (const a of this.active) {
      // Sorted by first column: past the reach of any range, none further on is filled.
      if (a.m.c1 > reach) break;
      const top = a.m.r1 === row.row;
      if (top) a.value = cells[a.m.c1];
      const last = Math.min(a.m.c2, top ? reach : this.width - 1);
      if (a.value === undefined) {
        // Only cells that exist need clearing: the loop stops at the row's own end.
        for (let c = a.m.c1, end = Math.min(last, cells.length - 1); c <= end; c++) cells[c] = undefined;
      } else {
        for (let c = a.m.c1; c <= last; c++) cells[c] = a.value;
      }
    }
    if (!own) return undefined;
    let n = cells.length;
    while (n > 0 && cells[n - 1] === undefined) n--;
    cells.length = n;
    return n > 0 ? row : undefined;
  }

  private rebuild(row: number): void {
    this.active = this.active.filter((a) => a.m.r2 >= row).sort((x, y) => x.m.c1 - y.m.c1);
    this.expires = Infinity;
    for (let k = 0; k < this.active.length; k++) {
      const a = this.active[k]!;
      if (a.m.r2 < this.expires) this.expires = a.m.r2;
      const b = this.active[k + 1];
      if (b && b.m.c1 <= a.m.c2) {
        const ref = (m: MergeRange) => `${columnLetter(m.c1)}${m.r1}:${columnLetter(m.c2)}${m.r2}`;
        throw new InputError('input.mergeOverlap', { a: ref(a.m), b: ref(b.m) }, { file: this.ctx.file, sheet: this.ctx.sheet });
      }
    }
  }
}
