/** The XLSX backend: workbook, relationships, shared strings and styles; sheets stream their rows. */
import { MarkupSeen, withoutMarkup } from './markup.js';
import { isUtf8 } from 'node:buffer';
import { InputError } from '../../model/errors.js';
import type { RawRow } from '../../model/cell.js';
import type { RowOptions, SheetSource, WorkbookSource } from '../source.js';
import { newSharedCellCache, type SharedCellCache } from './cells.js';
import { styleNumberStyles, type NumberStyle } from './number-format.js';
import { readSharedStrings, SharedStrings } from './shared-strings.js';
import { parseMerges, parseSheet, type MergeRange } from './sheet.js';
import { assertNoDoctype, findTags, getAttr } from './xml.js';
import { utf16Bom, utf16Decoder } from '../utf8.js';
import { columnIndex } from '../../util/cellref.js';
import { MAX_STRING_BYTES, ZipArchive, type ZipEntry } from './zip.js';

/** Small parts (workbook, styles, relationships) must inflate to less than this. */
const SMALL_PART = 64 * 1024 * 1024;
/**
 * The shared-string part streams into a compact table (its text as UTF-8 plus 4 bytes an item),
 * so it is not bound by V8's longest string; this caps the memory it may take.
 */
const SHARED_STRINGS_CAP = 512 * 1024 * 1024;
/** The part of a sheet after its first merged range is searched as one string. */
const MERGES_TAIL_CAP = Math.min(256 * 1024 * 1024, MAX_STRING_BYTES);

/** Opens an .xlsx/.xlsm file: reads its directory and workbook part, not its sheets. */
export async function openXlsx(file: string): Promise<WorkbookSource> {
  const zip = await ZipArchive.open(file);
  if (zip.find('EncryptionInfo') || zip.find('EncryptedPackage')) throw new InputError('input.encrypted', {}, { file });
  const text = async (name: string, cap = SMALL_PART): Promise<string | undefined> => {
    const entry = zip.find(name);
    if (!entry) return undefined;
    const bytes = await zip.read(entry, cap);
    const xml = decodeText(bytes);
    // (A sheet's name with a bad byte would be a name with a U+FFFD: Excel refuses such a part.)
    if (xml.includes('\uFFFD') && !(bytes[0] === 0xff || bytes[0] === 0xfe) && !isUtf8(bytes)) throw new InputError('input.partUtf8', { part: entry.name }, { file });
    assertNoDoctype(xml, file, name);
    // (Comments and processing instructions are no part of what the workbook says: a commented-out `<sheet>` is no
    // sheet; found by a hostile-file trial, refused as a second sheet of one part.)
    return xml.includes('<!--') || xml.includes('<?', 2) ? xml.replace(/<!--[\s\S]*?-->|<\?[\s\S]*?\?>/g, '') : xml;
  };
  const rootRels = (await text('_rels/.rels')) ?? '';
  const officeDoc = relationships(rootRels, '').find((r) => r.type.endsWith('/officeDocument'));
  const workbookPath = officeDoc?.target ?? 'xl/workbook.xml';
  const workbook = await text(workbookPath);
  if (workbook === undefined) throw new InputError('input.notWorkbook', {}, { file });
  const base = workbookPath.includes('/') ? workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1) : '';
  const relsPart = `${base}_rels/${workbookPath.slice(base.length)}.rels`;
  const rels = relationships((await text(relsPart)) ?? '', base);
  const relById = new Map(rels.map((r) => [r.id, r]));
  const pr = findTags(workbook, 'workbookPr')[0];
  const date1904Attr = pr ? getAttr(pr, 'date1904') : undefined;
  const date1904 = date1904Attr === '1' || date1904Attr === 'true';
  const calc = findTags(workbook, 'calcPr')[0];
  const fullCalc = calc ? getAttr(calc, 'fullCalcOnLoad') : undefined;
  const staleFormulas = fullCalc === '1' || fullCalc === 'true';

  let shared: Promise<SharedParts> | undefined;
  const sharedParts = (): Promise<SharedParts> => {
    shared ??= (async () => {
      const sstPath = rels.find((r) => r.type.endsWith('/sharedStrings'))?.target ?? `${base}sharedStrings.xml`;
      const stylesPath = rels.find((r) => r.type.endsWith('/styles'))?.target ?? `${base}styles.xml`;
      const sstEntry = zip.find(sstPath);
      const sharedStrings = sstEntry
        ? await readSharedStrings(withoutMarkup(zip.stream(sstEntry, undefined, SHARED_STRINGS_CAP)), { file, part: sstEntry.name })
        : new SharedStrings();
      const styles = await text(stylesPath);
      const formats = styles ? styleFormats(styles) : [];
      return {
        sharedStrings,
        dateStyles: parseDateStyles(formats),
        elapsedStyles: parseDateStyles(formats, isElapsedFormat, BUILTIN_ELAPSED_FORMATS),
        numberStyles: styleNumberStyles(formats),
        sharedCells: newSharedCellCache(),
        staleFormulas,
      };
    })();
    return shared;
  };

  const sheets: SheetSource[] = [];
  const parts = new Map<ZipEntry, string>();
  const sniffBudget = { bytes: SNIFF_MERGES_BYTES, read: SNIFF_READ_BYTES };
  for (const tag of findTags(workbook, 'sheet')) {
    const name = getAttr(tag, 'name');
    const idAttr = /\s([\w.-]+:)?id\s*=\s*["']([^"']+)["']/.exec(tag);
    const rel = idAttr ? relById.get(idAttr[2]!) : undefined;
    // A sheet whose relationship is not there is a damaged book, not a book without that sheet (found by a
    // new user: it read as "no Accounts sheet found (sheets: —)"). Chart sheets and the like are skipped.
    if (name !== undefined && !rel) throw new InputError('input.sheetUnlinked', { name, id: idAttr?.[2] ?? 'r:id', rels: relsPart }, { file });
    if (name === undefined || !rel || !rel.type.endsWith('/worksheet')) continue;
    const entry = zip.find(rel.target);
    if (!entry) throw new InputError('input.corruptPart', { part: rel.target }, { file });
    // Two sheets of one part is no workbook Excel writes (found by a new user: 3,000 sheets of one large part).
    if (parts.has(entry)) throw new InputError('input.partTwice', { part: rel.target, first: parts.get(entry)!, second: name }, { file });
    parts.set(entry, name);
    const state = getAttr(tag, 'state');
    sheets.push(new XlsxSheet(zip, entry, name, file, sharedParts, state === 'hidden' || state === 'veryHidden', sniffBudget));
  }
  return { file, kind: 'xlsx', sheets, date1904, identity: zip.identity };
}

interface SharedParts {
  sharedStrings: SharedStrings;
  dateStyles: boolean[];
  elapsedStyles: boolean[];
  /** For each style: a unit, a scale or a percentage its number format shows (`0"万"`, `0!.0000"万"`, `0%`). */
  numberStyles: (NumberStyle | undefined)[];
  /** One cache for every sheet: a name in Accounts and in Assignments is decoded once, one string. */
  sharedCells: SharedCellCache;
  /** `fullCalcOnLoad`: the formulas' stored results are not to be trusted. */
  staleFormulas: boolean;
}

class XlsxSheet implements SheetSource {
  constructor(
    private readonly zip: ZipArchive,
    private readonly entry: ZipEntry,
    readonly name: string,
    private readonly file: string,
    private readonly shared: () => Promise<SharedParts>,
    /** Hidden in Excel (`state="hidden"` or `"veryHidden"`): teams keep stale copies that way. */
    readonly hidden = false,
    /**
     * What the book's sheets may still inflate to find merged ranges for a look at their headers, and to find the
     * rows of those looks (`read`), shared by all.
     */
    private readonly sniffBudget = { bytes: SNIFF_MERGES_BYTES, read: SNIFF_READ_BYTES },
  ) {}

  /** The zip entry of the sheet's part (for writers that patch it). */
  get part(): string {
    return this.entry.name;
  }

  /** Found once per sheet: finding them inflates the whole part, and the sheet is read more than once (its header first). */
  private merges?: Promise<MergeRange[]>;

  prefetch(sniff = false): void {
    // Inflating runs on libuv's thread pool: finding this sheet's merges overlaps with parsing another.
    if (this.merges) return;
    // For a look at the header, within the book's budget, as the look itself (found by a new user: ten sheets of
    // 1.4 GiB of white space, which no role takes, were inflated whole, 115 s).
    if (sniff) {
      if (this.entry.size > this.sniffBudget.bytes) return;
      this.sniffBudget.bytes -= this.entry.size;
    }
    this.merges = this.readMerges();
    this.merges.catch(() => undefined);
  }

  mergedRanges(): Promise<readonly MergeRange[]> {
    this.prefetch();
    return this.merges!;
  }

  async *rows(options: RowOptions = {}): AsyncGenerator<RawRow[]> {
    // A look at the header fills its merged cells (`客户名称` merged over two header rows) while the book's
    // budget lasts; past it, a sheet is looked at without them (a book of many large parts is not inflated whole).
    const bare = options.sniff === true && !this.merges && this.entry.size > this.sniffBudget.bytes;
    if (!bare) {
      if (options.sniff && !this.merges) this.sniffBudget.bytes -= this.entry.size;
      this.prefetch();
    }
    const { sharedStrings, dateStyles, elapsedStyles, numberStyles, sharedCells, staleFormulas } = await this.shared();
    const all = bare ? [] : await this.merges!;
    const merges = options.titlesOnce ? all.filter((m) => m.r2 > m.r1) : all;
    const total = Math.max(1, this.entry.compressedSize);
    const onRead = options.onProgress ? (bytes: number) => options.onProgress!(bytes / total) : undefined;
    const ctx = { file: this.file, sheet: this.name, part: this.entry.name, sharedStrings, dateStyles, elapsedStyles, numberStyles, sharedCells, staleFormulas };
    const chunks = this.markup ? withoutMarkup(asUtf8(this.zip.stream(this.entry, onRead))) : asUtf8(this.zip.stream(this.entry, onRead));
    // A look at a header reads at most SNIFF_SHEET_BYTES of a sheet, and the book's looks SNIFF_READ_BYTES in all: rows
    // that never come (a sheet of 1.4 GiB of white space, ten of them beside the sheets kam reads) are not waited for
    // (found by a new user: 115 s for a 14 MB book).
    const cut = options.sniff ? { stopped: false } : undefined;
    yield* parseSheet(cut ? capped(chunks, this.sniffBudget, cut) : chunks, ctx, merges, await this.totalsRows(), cut);
  }

  private totals?: Promise<MergeRange[]>;

  /**
   * The cells of its Excel tables' Total Rows (`totalsRowCount`), read as empty: a count or a sum
   * under a table, with no label or a formula's (found by a new user: `=SUBTOTAL(103,…)` under the
   * names read as an account named `3`, the largest, ranked first).
   */
  private totalsRows(): Promise<MergeRange[]> {
    // (A table part that cannot be read — damaged, too large — is no table: the sheet reads as it did before.)
    this.totals ??= tablesOfPart(this.zip, this.entry.name).then(
      (tables) => tables.filter((t) => t.totalsRows > 0 && t.bottom - t.totalsRows >= t.top).map((t) => ({ r1: t.bottom - t.totalsRows + 1, r2: t.bottom, c1: t.left, c2: t.right })),
      () => [],
    );
    return this.totals;
  }

  /**
   * Merged ranges are listed after the sheet's data, so they are found in a first pass that only
   * inflates and searches bytes; the rows are parsed in a second pass with the ranges known.
   */
  /** Whether the part holds comments or processing instructions (found while its merges are looked for): read without them. */
  private markup = false;

  private async readMerges(clean = false): Promise<MergeRange[]> {
    // The tag `<mergeCells` (or a first `<mergeCell` followed by a space, a tab or a line break), with
    // up to 16 bytes before it for the `<` and a namespace prefix; `mergeCell` in a cell's text is not it.
    const needle = Buffer.from('mergeCell');
    const before = 16;
    let tail: Buffer[] | undefined;
    let carry: Buffer = Buffer.alloc(0);
    let tailBytes = 0;
    // Large chunks, inflated well ahead: this pass runs beside the parsing of another sheet, and a
    // chunk at a time would wait for that parsing to give way (the main thread asks for each).
    // The part's last bytes: a part cut short (a truncated copy whose checksum was made after the cut) ends without its root's end tag.
    let last: Buffer = Buffer.alloc(0);
    const markup = new MarkupSeen();
    const chunks = asUtf8(this.zip.stream(this.entry, undefined, undefined, MERGES_AHEAD));
    for await (const chunk of clean ? withoutMarkup(chunks) : chunks) {
      last = tailOf(last, chunk);
      if (!clean) markup.see(chunk);
      if (tail) {
        tail.push(chunk);
        tailBytes += chunk.length;
        if (tailBytes > MERGES_TAIL_CAP) throw new InputError('input.tooLarge', { part: this.entry.name, limit: MERGES_TAIL_CAP / 1048576 }, { file: this.file });
        continue;
      }
      // Searched across the seam with the last chunk (a few bytes copied), then in the chunk itself:
      // no chunk is copied while searching (copying every chunk makes the collector run for nothing).
      const seam = Buffer.concat([carry, chunk.subarray(0, needle.length - 1)]);
      const across = tagAt(seam, needle, 0, undefined);
      const at = across >= 0 ? -1 : tagAt(chunk, needle, 0, carry.at(-1));
      if (across >= 0) tail = [seam.subarray(Math.max(0, across - before)), chunk.subarray(needle.length - 1)];
      else if (at >= 0) tail = [carry.subarray(Math.max(0, carry.length - Math.max(0, before - at))), chunk.subarray(Math.max(0, at - before))];
      if (tail) {
        tailBytes = tail[0]!.length + tail[1]!.length;
        continue;
      }
      // The end kept for the next seam (a copy: a view would keep the whole chunk alive).
      const keep = needle.length + before;
      carry = chunk.length >= keep ? Buffer.from(chunk.subarray(chunk.length - keep)) : Buffer.concat([carry, chunk]).subarray(-keep);
    }
    // (Found by a new user: a sheet cut after its seventh row was read as a table of six accounts, exit 0.)
    if (!WORKSHEET_END.test(last.toString('latin1'))) throw new InputError('input.corruptPart', { part: this.entry.name }, { file: this.file });
    // (A commented-out `<mergeCell>` is no merge: found again in the part without its comments.)
    if (markup.seen) {
      this.markup = true;
      return this.readMerges(true);
    }
    return tail ? parseMerges(Buffer.concat(tail).toString('utf8'), { file: this.file, sheet: this.name }) : [];
  }
}

/**
 * A sheet part's bytes as UTF-8: as they are, or a part written in UTF-16 with its byte-order mark (XML allows it, and
 * Excel and LibreOffice read it; found by a new user: refused as corrupt) decoded and written again as UTF-8, chunk by
 * chunk (a character split between chunks is kept for the next).
 */
async function* asUtf8(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let decoder: ReturnType<typeof utf16Decoder> | undefined;
  let first = true;
  for await (let chunk of chunks) {
    if (first) {
      first = false;
      const bom = utf16Bom(chunk);
      if (bom) {
        decoder = utf16Decoder(bom);
        chunk = chunk.subarray(2);
      }
    }
    if (!decoder) {
      yield chunk;
      continue;
    }
    const text = decoder.write(chunk);
    if (text !== '') yield Buffer.from(text, 'utf8');
  }
  const rest = decoder?.end();
  if (rest) yield Buffer.from(rest, 'utf8');
}

/** A worksheet part ends with its root's end tag, and perhaps white space, comments and processing instructions. */
const WORKSHEET_END = /<\/([\w.-]+:)?worksheet\s*>(?:\s|<!--[\s\S]*?-->|<\?[\s\S]*?\?>)*$/;
const END_BYTES = 4096;
/** The last byte that is not XML's white space, and the white space after it to the end. */
const LAST_TEXT = /[^ \t\r\n][ \t\r\n]*$/;

/** The last END_BYTES bytes of a part so far that are not white space at its end (a part may end with any amount of it). */
function tailOf(last: Buffer, chunk: Buffer): Buffer {
  let end = chunk.length;
  for (let k = 0; k < 64 && end > 0 && (chunk[end - 1] === 0x20 || chunk[end - 1] === 0x0a || chunk[end - 1] === 0x0d || chunk[end - 1] === 0x09); k++) end--;
  // A long run of white space: found by a regular expression, not byte by byte (found by a new user: 1.4 GiB of it took 5 s).
  if (end > 0 && (chunk[end - 1] === 0x20 || chunk[end - 1] === 0x0a || chunk[end - 1] === 0x0d || chunk[end - 1] === 0x09)) {
    const text = LAST_TEXT.exec(chunk.toString('latin1', 0, end));
    end = text ? text.index + 1 : 0;
  }
  if (end === 0) return last;
  // (The white space kept before this chunk's text is part of the end only if nothing follows it: it does now.)
  return end >= END_BYTES ? Buffer.from(chunk.subarray(end - END_BYTES, end)) : Buffer.concat([last, chunk.subarray(0, end)]).subarray(-END_BYTES);
}

/** The chunks of a part up to what a look at its header may read; `cut.stopped` says the rest was not read. */
async function* capped(chunks: AsyncIterable<Buffer>, budget: { read: number }, cut: { stopped: boolean }): AsyncGenerator<Buffer> {
  let left = SNIFF_SHEET_BYTES;
  for await (const chunk of chunks) {
    if (left <= 0 || budget.read <= 0) {
      cut.stopped = true;
      return;
    }
    left -= chunk.length;
    budget.read -= chunk.length;
    yield chunk;
  }
}

/** What a look at a sheet's header reads of it at most (its first 30 rows are far less), and the book's looks in all. */
const SNIFF_SHEET_BYTES = 16 * 2 ** 20;
const SNIFF_READ_BYTES = 256 * 2 ** 20;

/**
 * What the sheets of a book may inflate, all together, to find the merged ranges of headers looked at
 * to tell which sheet is which (a real book's sheets are far below it; 3,000 parts of 100,000 rows are not).
 */
const SNIFF_MERGES_BYTES = 512 * 2 ** 20;

/** How the merged-ranges pass inflates: 1 MiB chunks, up to 8 MiB ahead of its search. */
const MERGES_AHEAD = { chunk: 1 << 20, buffered: 1 << 23 };

/**
 * Where `name` starts as a tag's name in `buf` from `from` (after `<` or a namespace prefix's `:`;
 * `before` is the byte before `buf`), else -1: the words of a cell's text are passed over.
 */
function tagAt(buf: Buffer, name: Buffer, from: number, before: number | undefined): number {
  for (let at = buf.indexOf(name, from); at >= 0; at = buf.indexOf(name, at + 1)) {
    const prev = at > 0 ? buf[at - 1] : before;
    if (prev === undefined || prev === 0x3c || prev === 0x3a) return at;
  }
  return -1;
}

/** An Excel table of a sheet: its name and range (0-based columns, 1-based rows), and its totals rows at the bottom. */
export interface SheetTable {
  name: string;
  ref: string;
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** `totalsRowCount`: the table's last rows that total it (Excel's Total Row), not records. */
  totalsRows: number;
}

/** The Excel tables a sheet part holds, from its relationships (one whose `ref` does not read is left out). */
export async function tablesOfPart(zip: ZipArchive, part: string): Promise<SheetTable[]> {
  const out: SheetTable[] = [];
  for (const rel of await partRelationships(zip, part)) {
    if (!rel.type.endsWith('/table')) continue;
    const entry = zip.find(rel.target);
    if (!entry) continue;
    const tag = findTags(decodeText(await zip.read(entry, SMALL_PART)), 'table')[0] ?? '';
    const ref = getAttr(tag, 'ref') ?? '';
    const m = /^([A-Z]{1,3})(\d{1,7})(?::([A-Z]{1,3})(\d{1,7}))?$/.exec(ref.toUpperCase());
    if (!m) continue;
    const totals = Number(getAttr(tag, 'totalsRowCount') ?? 0);
    out.push({
      name: getAttr(tag, 'displayName') ?? getAttr(tag, 'name') ?? '',
      ref,
      top: Number(m[2]),
      bottom: Number(m[4] ?? m[2]),
      left: columnIndex(m[1]!),
      right: columnIndex(m[3] ?? m[1]!),
      totalsRows: Number.isInteger(totals) && totals > 0 ? totals : 0,
    });
  }
  return out;
}

/** The relationships of a part (its `_rels/<name>.rels`), targets resolved against the part's folder. */
export async function partRelationships(zip: ZipArchive, part: string): Promise<Relationship[]> {
  const slash = part.lastIndexOf('/');
  const base = part.slice(0, slash + 1);
  const relsEntry = zip.find(`${base}_rels/${part.slice(slash + 1)}.rels`);
  return relsEntry ? relationships(decodeText(await zip.read(relsEntry, SMALL_PART)), base) : [];
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
}

export function relationships(xml: string, base: string): Relationship[] {
  return findTags(xml, 'Relationship').map((tag) => {
    const target = getAttr(tag, 'Target') ?? '';
    const mode = getAttr(tag, 'TargetMode');
    return {
      id: getAttr(tag, 'Id') ?? '',
      type: getAttr(tag, 'Type') ?? '',
      target: mode === 'External' ? target : resolvePath(base, target),
    };
  });
}

function resolvePath(base: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : base + target).replace(/\\/g, '/').split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

export function decodeText(buf: Buffer): string {
  if (buf[0] === 0xff && buf[1] === 0xfe) return buf.toString('utf16le', 2);
  if (buf[0] === 0xfe && buf[1] === 0xff) return Buffer.from(buf.subarray(2)).swap16().toString('utf16le');
  return buf.toString('utf8');
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Whether a number format code shows a date or time. */
export function isDateFormat(code: string): boolean {
  let s = code.split(';')[0] ?? '';
  s = s.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/[_*]./g, '');
  s = s.replace(/\[(?![hms]+\])[^\]]*\]/gi, '');
  if (/general/i.test(s)) return false;
  return /[ymdhs年月日]/i.test(s);
}

/** The built-in format of elapsed time: [h]:mm:ss. */
const BUILTIN_ELAPSED_FORMATS = new Set([46]);

/**
 * Whether a number format code shows elapsed time (`[h]:mm`, `[mm]:ss`): a duration however long,
 * where a clock format (`h:mm`) wraps at a day and shows the time of a date.
 */
export function isElapsedFormat(code: string): boolean {
  const s = (code.split(';')[0] ?? '').replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return /\[(?:h+|m+|s+)\]/i.test(s) && !/[yd年月日]/i.test(s.replace(/\[[^\]]*\]/g, ''));
}

/** Each cell style's number format: its id, and its code where the styles define it (a built-in format has none). */
export function styleFormats(xml: string): { id: number; code?: string }[] {
  const custom = new Map<number, string>();
  for (const tag of findTags(xml, 'numFmt')) {
    const id = Number(getAttr(tag, 'numFmtId'));
    custom.set(id, getAttr(tag, 'formatCode') ?? '');
  }
  const xfsMatch = /<(?:[\w.-]+:)?cellXfs\b[\s\S]*?<\/(?:[\w.-]+:)?cellXfs>/.exec(xml);
  if (!xfsMatch) return [];
  return findTags(xfsMatch[0], 'xf').map((tag) => {
    const id = Number(getAttr(tag, 'numFmtId') ?? 0);
    const code = custom.get(id);
    return code !== undefined ? { id, code } : { id };
  });
}

/** For each cell style index: does it show its number as a date (or, with `isElapsedFormat`, as elapsed time)? */
export function parseDateStyles(xml: string | readonly { id: number; code?: string }[], test: (code: string) => boolean = isDateFormat, builtin: ReadonlySet<number> = BUILTIN_DATE_FORMATS): boolean[] {
  return (typeof xml === 'string' ? styleFormats(xml) : xml).map(({ id, code }) => (code !== undefined ? test(code) : builtin.has(id)));
}
