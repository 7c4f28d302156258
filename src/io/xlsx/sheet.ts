/** Streaming parser of one worksheet part: `<row>` elements in, RawRows out, merges applied. */
import { StringDecoder } from 'node:string_decoder';
import type { Cell, RawRow } from '../../model/cell.js';
import { InputError } from '../../model/errors.js';
import { columnIndex, MAX_COLUMNS, MAX_ROWS, parseCellRef, refColumn } from '../../util/cellref.js';
import { assertNoDoctype, decodeXml, endsTagName, getAttr, stringItemText } from './xml.js';

export interface SheetContext {
  file: string;
  sheet: string;
  part: string;
  sharedStrings: readonly string[];
  dateStyles: readonly boolean[];
  /** One cell object per shared string, reused by every cell that shows it (cells are never changed). */
  sharedCells?: (Cell | undefined)[];
}

function sharedCell(ctx: SheetContext, v: string): Cell {
  const i = Number(v);
  const cache = (ctx.sharedCells ??= []);
  let cell = cache[i];
  if (!cell) {
    const str = ctx.sharedStrings[i];
    cell = str === undefined ? { t: 'e', v: '#STRING?' } : { t: 's', v: str };
    cache[i] = cell;
  }
  return cell;
}

export interface MergeRange {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** A single row may not exceed this many characters of XML (bounded memory on hostile files). */
const MAX_ROW_CHARS = 64 * 1024 * 1024;

/** Parses `<mergeCell ref="A1:C3"/>` elements out of the end of a sheet part. */
export function parseMerges(xml: string, ctx: { file: string; sheet: string }): MergeRange[] {
  const out: MergeRange[] = [];
  const re = /<(?:[\w.-]+:)?mergeCell\s[^>]*?ref\s*=\s*["']([^"']+)["']/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
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

/** Turns the inflated bytes of a sheet part into rows, with merged ranges filled from their top-left cell. */
export async function* parseSheet(
  chunks: AsyncIterable<Buffer>,
  ctx: SheetContext,
  merges: readonly MergeRange[],
): AsyncGenerator<RawRow[]> {
  const decoder = new StringDecoder('utf8');
  const filler = new MergeFiller(merges);
  let buf = '';
  let pos = 0;
  let prefix: string | undefined;
  let lastRow = 0;
  let done = false;
  for await (const chunk of chunks) {
    const batch: RawRow[] = [];
    buf = pos > 0 ? buf.slice(pos) + decoder.write(chunk) : buf + decoder.write(chunk);
    pos = 0;
    if (prefix === undefined) {
      const root = /<([\w.-]+:)?worksheet[\s>]/.exec(buf);
      if (!root && buf.length < 65536) continue;
      assertNoDoctype(buf, ctx.file, ctx.part);
      prefix = root?.[1] ?? '';
    }
    const rowOpen = `<${prefix}row`;
    const rowClose = `</${prefix}row>`;
    // Searched once per chunk, not once per row: per row it would make the parse quadratic.
    const sheetEnd = buf.indexOf(`</${prefix}sheetData>`, pos);
    for (;;) {
      const i = buf.indexOf(rowOpen, pos);
      if (i < 0 || (sheetEnd >= 0 && sheetEnd < i)) {
        if (sheetEnd >= 0) done = true;
        pos = Math.max(pos, buf.length - rowOpen.length - 1);
        break;
      }
      if (i + rowOpen.length >= buf.length) {
        // The chunk ends right after `<row`: wait for the next one to see what follows.
        pos = i;
        break;
      }
      const next = buf.charCodeAt(i + rowOpen.length);
      if (!endsTagName(next)) {
        pos = i + rowOpen.length;
        continue;
      }
      const gt = buf.indexOf('>', i);
      if (gt < 0) {
        pos = i;
        break;
      }
      const rAt = buf.indexOf(' r="', i);
      const r = rAt >= 0 && rAt < gt ? buf.slice(rAt + 4, buf.indexOf('"', rAt + 4)) : getAttr(buf.slice(i, gt + 1), 'r');
      const rowNum = r === undefined ? lastRow + 1 : Number(r);
      if (!Number.isInteger(rowNum) || rowNum < 1 || rowNum > MAX_ROWS) {
        throw new InputError('input.badRef', { ref: `row ${r}` }, { file: ctx.file, sheet: ctx.sheet });
      }
      if (buf.charCodeAt(gt - 1) === 47) {
        lastRow = rowNum;
        pos = gt + 1;
        continue;
      }
      const close = buf.indexOf(rowClose, gt);
      if (close < 0) {
        if (buf.length - i > MAX_ROW_CHARS) throw new InputError('input.tooLarge', { part: ctx.part, limit: 64 }, { file: ctx.file });
        pos = i;
        break;
      }
      lastRow = rowNum;
      const cells = parseCells(buf.slice(gt + 1, close), prefix, ctx);
      pos = close + rowClose.length;
      const row = filler.apply({ row: rowNum, cells });
      if (row) batch.push(row);
    }
    if (batch.length > 0) yield batch;
    if (done) break;
  }
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
      `<${e}c r="([A-Z]{1,3})(\\d{1,7})"(?: s="(\\d+)")?(?: t="(s|n|b|e|str)")?(?:/>|>(?:(<${e}f(?:[^>]*/>|[^>]*>[^<]*</${e}f>)))?(?:<${e}v>([^<]*)</${e}v>)?</${e}c>)`,
      'y',
    );
    FAST_CELL.set(p, re);
  }
  return re;
}

function parseCells(content: string, p: string, ctx: SheetContext): (Cell | undefined)[] {
  const cells: (Cell | undefined)[] = [];
  const open = `<${p}c`;
  const close = `</${p}c>`;
  const fast = fastCell(p);
  let col = -1;
  let j = content.indexOf(open);
  while (j >= 0) {
    fast.lastIndex = j;
    const m = fast.exec(content);
    if (m) {
      col = columnIndex(m[1]!);
      if (col >= MAX_COLUMNS || m[2]!.length > 7 || Number(m[2]) > MAX_ROWS) throw new InputError('input.badRef', { ref: m[1]! + m[2]! }, { file: ctx.file, sheet: ctx.sheet });
      const v = m[6];
      let cell: Cell | undefined;
      if (v === undefined || (v.length === 0 && m[4] !== 's' && m[4] !== 'str')) {
        if (m[5] !== undefined) cell = readCell(m[0], 0, m[0].length, m[4] ?? 'n', m[3], p, ctx);
      } else {
        switch (m[4]) {
          case 's':
            cell = sharedCell(ctx, v);
            break;
          case undefined:
          case 'n': {
            const n = Number(v);
            if (!Number.isFinite(n)) cell = { t: 's', v: decodeXml(v) };
            else cell = m[3] !== undefined && ctx.dateStyles[Number(m[3])] ? { t: 'n', v: n, date: true } : { t: 'n', v: n };
            break;
          }
          default:
            cell = readCell(m[0], 0, m[0].length, m[4], m[3], p, ctx);
        }
      }
      if (cell) cells[col] = cell;
      j = content.indexOf(open, fast.lastIndex);
      continue;
    }
    const ch = content.charCodeAt(j + open.length);
    if (!endsTagName(ch)) {
      j = content.indexOf(open, j + open.length);
      continue;
    }
    const gt = content.indexOf('>', j);
    if (gt < 0) break;
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
    col = ref === undefined ? col + 1 : refColumn(ref);
    if (col < 0 || col >= MAX_COLUMNS) {
      throw new InputError('input.badRef', { ref: ref ?? `#${col + 1}` }, { file: ctx.file, sheet: ctx.sheet });
    }
    if (content.charCodeAt(gt - 1) === 47) {
      j = content.indexOf(open, gt);
      continue;
    }
    const end = content.indexOf(close, gt);
    const stop = end < 0 ? content.length : end;
    const cell = readCell(content, gt + 1, stop, attr('t') ?? 'n', attr('s'), p, ctx);
    if (cell) cells[col] = cell;
    if (end < 0) break;
    j = content.indexOf(open, end + close.length);
  }
  return cells;
}

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

function readCell(s: string, from: number, to: number, t: string, style: string | undefined, p: string, ctx: SheetContext): Cell | undefined {
  if (t === 'inlineStr') {
    const is = elementText(s, from, to, p, 'is');
    return is === undefined ? undefined : { t: 's', v: stringItemText(is, p) };
  }
  const v = elementText(s, from, to, p, 'v');
  if (v === undefined || (v.length === 0 && t !== 's' && t !== 'str')) {
    const f = s.indexOf(`<${p}f`, from);
    if (f < 0 || f >= to) return undefined;
    const formula = elementText(s, from, to, p, 'f');
    return { t: 'f', v: formula === undefined ? '' : decodeXml(formula) };
  }
  switch (t) {
    case 's':
      return sharedCell(ctx, v);
    case 'str':
      return { t: 's', v: decodeXml(v) };
    case 'b':
      return { t: 'b', v: v.trim() === '1' || v.trim().toLowerCase() === 'true' };
    case 'e':
      return { t: 'e', v: decodeXml(v).trim() };
    case 'd':
      return { t: 'd', v: decodeXml(v).trim() };
    default: {
      const n = Number(v);
      if (!Number.isFinite(n)) return { t: 's', v: decodeXml(v) };
      if (style !== undefined && ctx.dateStyles[Number(style)]) return { t: 'n', v: n, date: true };
      return { t: 'n', v: n };
    }
  }
}

/** Copies each merged range's top-left value over the range, row by row as rows stream past. */
class MergeFiller {
  private next = 0;
  private active: { m: MergeRange; value: Cell | undefined }[] = [];

  constructor(private readonly merges: readonly MergeRange[]) {}

  apply(row: RawRow): RawRow | undefined {
    if (this.merges.length === 0) return row.cells.length > 0 ? row : undefined;
    while (this.next < this.merges.length && this.merges[this.next]!.r1 <= row.row) {
      const m = this.merges[this.next++]!;
      if (m.r2 >= row.row) this.active.push({ m, value: m.r1 === row.row ? row.cells[m.c1] : undefined });
    }
    if (this.active.length > 0) {
      this.active = this.active.filter((a) => a.m.r2 >= row.row);
      for (const a of this.active) {
        if (a.m.r1 === row.row) a.value = row.cells[a.m.c1];
        for (let c = a.m.c1; c <= a.m.c2; c++) {
          if (a.value === undefined) delete row.cells[c];
          else row.cells[c] = a.value;
        }
      }
    }
    return row.cells.length > 0 ? row : undefined;
  }
}
