/** Streaming parser of one worksheet part: `<row>` elements in, RawRows out, merges applied. */
import { StringDecoder } from 'node:string_decoder';
import type { Cell, RawRow } from '../../model/cell.js';
import { InputError } from '../../model/errors.js';
import { MAX_COLUMNS, MAX_ROWS, parseCellRef } from '../../util/cellref.js';
import { assertNoDoctype, endsTagName, getAttr } from './xml.js';
import { type SheetContext, parseCells } from './cells.js';

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
