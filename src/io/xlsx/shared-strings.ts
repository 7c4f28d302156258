/**
 * The shared-string table, parsed as its part streams past and kept compact: every item's text in
 * one UTF-8 buffer with an end offset each, decoded only when a cell shows it. Ten million strings
 * cost their bytes plus four bytes each, not a JS string and a cell object each.
 */
import { PendingText } from './pending.js';
import { isUtf8 } from 'node:buffer';
import { StringDecoder } from 'node:string_decoder';
import { completeLength, scanUtf8, utf16Bom, utf16Decoder } from '../utf8.js';
import { InputError } from '../../model/errors.js';
import { MAX_CELL_CHARS } from './limits.js';
import { assertNoDoctype, endsTagName, notXml, prefixOf, stringItemText } from './xml.js';

/** The items of a shared-string table, by index. */
export class SharedStrings {
  private bytes = Buffer.alloc(0);
  private used = 0;
  private ends = new Uint32Array(0);
  private count = 0;

  /** A table of the given strings (for tests and small tables). */
  static of(items: readonly string[]): SharedStrings {
    const table = new SharedStrings();
    for (const s of items) table.add(s);
    return table;
  }

  get length(): number {
    return this.count;
  }

  add(text: string): void {
    const need = this.used + Buffer.byteLength(text, 'utf8');
    if (need > this.bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(need, this.bytes.length * 2, 1 << 16));
      this.bytes.copy(grown, 0, 0, this.used);
      this.bytes = grown;
    }
    this.used += this.bytes.write(text, this.used, 'utf8');
    if (this.count === this.ends.length) {
      const grown = new Uint32Array(Math.max(1024, this.ends.length * 2));
      grown.set(this.ends);
      this.ends = grown;
    }
    this.ends[this.count++] = this.used;
  }

  /** The text of item `i`, or undefined past the end. */
  get(i: number): string | undefined {
    if (!(i >= 0 && i < this.count)) return undefined;
    const start = i === 0 ? 0 : this.ends[i - 1]!;
    return this.bytes.toString('utf8', start, this.ends[i]!);
  }
}

/** Bytes to text whatever the part's encoding (UTF-8, or UTF-16 with a byte-order mark). */
async function* decodeChunks(chunks: AsyncIterable<Buffer>): AsyncGenerator<string> {
  let decoder: { write(chunk: Buffer): string } | undefined;
  let utf16 = false;
  let cut: Buffer = Buffer.alloc(0);
  for await (const raw of chunks) {
    let chunk = raw;
    if (!decoder) {
      const bom = utf16Bom(chunk);
      utf16 = bom !== undefined;
      decoder = bom ? utf16Decoder(bom) : new StringDecoder('utf8');
      if (utf16) chunk = chunk.subarray(2);
    }
    if (!utf16) {
      // UTF-8 is checked, not mended: a bad byte would be a U+FFFD in a name (Excel refuses such a part).
      // The text before it is handed on first, so that the item it is in is known.
      const data = cut.length > 0 ? Buffer.concat([cut, chunk]) : chunk;
      const whole = completeLength(data);
      cut = Buffer.from(data.subarray(whole));
      if (!isUtf8(data.subarray(0, whole))) {
        yield decoder.write(data.subarray(0, scanUtf8(data.subarray(0, whole)).first));
        throw new NotUtf8();
      }
      chunk = data.subarray(0, whole);
    }
    yield decoder.write(chunk);
  }
  // A character cut off at the end of the part.
  if (cut.length > 0) throw new NotUtf8();
}

/** Bytes of a UTF-8 part that are not UTF-8. */
class NotUtf8 extends Error {}

/**
 * Reads `<si>` items as the part streams: rich-text runs joined, phonetic runs left out. An item
 * longer than MAX_CELL_CHARS characters of XML is an InputError.
 */
export async function readSharedStrings(chunks: AsyncIterable<Buffer>, ctx: { file: string; part: string }): Promise<SharedStrings> {
  const table = new SharedStrings();
  let buf = '';
  let pos = 0;
  let prefix: string | undefined;
  // While an item is unfinished, new text is only searched for its end (with the few characters
  // before it), not joined and searched again: linear however long the item.
  let waiting: PendingText | undefined;
  // The last characters read, and whether the root closes itself (`<sst count="0"/>`): a table cut short has no `</sst>`.
  let last = '';
  let empty = false;
  const items = decodeChunks(chunks);
  for (;;) {
    let next: IteratorResult<string>;
    try {
      next = await items.next();
    } catch (err) {
      // (The text before the bad byte has been read: the item it is in is the next one.)
      if (err instanceof NotUtf8) throw new InputError('input.stringUtf8', { part: ctx.part, index: table.length }, { file: ctx.file });
      throw err;
    }
    if (next.done) break;
    const text = next.value;
    // (The end's white space left out: a part may end with any amount of it.)
    const end = text.trimEnd();
    if (end !== '') last = end.length >= 4096 ? end.slice(-4096) : (last + end).slice(-4096);
    if (waiting && prefix !== undefined) {
      if (!waiting.push(text)) {
        if (buf.length - pos + waiting.length > MAX_CELL_CHARS + 4096) tooLong(table.length, ctx);
        continue;
      }
      buf = buf.slice(pos) + waiting.take();
      waiting = undefined;
    } else {
      buf = pos > 0 ? buf.slice(pos) + text : buf + text;
    }
    pos = 0;
    if (prefix === undefined) {
      if (!/<([\w.-]+:)?sst[\s>]/.test(buf) && buf.length < 65536) continue;
      assertNoDoctype(buf, ctx.file, ctx.part);
      prefix = prefixOf(buf, 'sst');
      empty = new RegExp(`<${prefix}sst(?:\\s[^>]*)?/>`).test(buf);
    }
    pos = readItems(buf, prefix, table, ctx);
    if (buf.length - pos > MAX_CELL_CHARS + 4096) tooLong(table.length, ctx);
    if (buf.length - pos > 64) waiting = new PendingText(`</${prefix}si>`, buf);
  }
  if (prefix !== undefined && !empty && !new RegExp(`</${prefix.replace('.', '\\.')}sst\\s*>(?:\\s|<!--[\\s\\S]*?-->|<\\?[\\s\\S]*?\\?>)*$`).test(last)) throw new InputError('input.corruptPart', { part: ctx.part }, { file: ctx.file });
  return table;
}

/** Adds every whole item in `buf` to `table`; returns where the unfinished rest starts. */
function readItems(buf: string, p: string, table: SharedStrings, ctx: { file: string; part: string }): number {
  const open = `<${p}si`;
  const close = `</${p}si>`;
  let pos = 0;
  for (;;) {
    const i = buf.indexOf(open, pos);
    if (i < 0) return Math.max(pos, buf.length - open.length);
    if (i + open.length >= buf.length) return i;
    if (!endsTagName(buf.charCodeAt(i + open.length))) {
      pos = i + open.length;
      continue;
    }
    const gt = buf.indexOf('>', i);
    if (gt < 0) return i;
    if (buf.charCodeAt(gt - 1) === 47) {
      table.add('');
      pos = gt + 1;
      continue;
    }
    const end = buf.indexOf(close, gt);
    if (end < 0) return i;
    if (end - gt > MAX_CELL_CHARS) tooLong(table.length, ctx);
    const item = buf.slice(gt + 1, end);
    const bad = notXml(item);
    if (bad !== undefined) throw new InputError('input.stringXml', { part: ctx.part, index: table.length, text: bad }, { file: ctx.file });
    table.add(stringItemText(item, p));
    pos = end + close.length;
  }
}

function tooLong(index: number, ctx: { file: string; part: string }): never {
  throw new InputError('input.stringTooLong', { part: ctx.part, index, limit: MAX_CELL_CHARS }, { file: ctx.file });
}
