/**
 * What `--write` must know of a workbook before and after changing it in place: whether it is
 * Strict Open XML, the Excel tables (`<tableParts>`) of a sheet, and — after writing — that every
 * other part kept its bytes and the written cells read back.
 */
import type { Cell } from '../../model/cell.js';
import { InputError } from '../../model/errors.js';
import { eachRow } from '../source.js';
import type { CellValue } from './patch.js';
import { decodeText, openXlsx, partRelationships, tablesOfPart, type SheetTable } from './workbook.js';
import type { MergeRange } from './sheet.js';
import { decodeXml, findTags, getAttr } from './xml.js';
import { columnIndex, parseCellRef } from '../../util/cellref.js';
import { ZipArchive } from './zip.js';
import { sameChunks } from '../streams.js';

const SMALL = 16 * 1024 * 1024;

/** True when the workbook is saved as Strict Open XML (namespaces of purl.oclc.org). */
export async function isStrictOoxml(file: string): Promise<boolean> {
  const zip = await ZipArchive.open(file);
  const rels = zip.find('_rels/.rels');
  const text = rels ? decodeText(await zip.read(rels, SMALL)) : '';
  return text.includes('http://purl.oclc.org/ooxml/');
}

/** The Excel tables a sheet part holds, from its relationships. */
export async function sheetTables(file: string, part: string): Promise<SheetTable[]> {
  return tablesOfPart(await ZipArchive.open(file), part);
}

/**
 * Which cells of a sheet carry a hyperlink (`<hyperlink ref>` after its data) or a comment (a
 * comments part of its relationships): a cell kam rewrites keeps both, as it keeps every other
 * part, and the user is told which (found by a new user: a moved 负责人 cell kept the e-mail link
 * of the person it no longer names).
 */
export async function annotatedCells(file: string, part: string): Promise<{ linked: (col: number, row: number) => boolean; commented: (col: number, row: number) => boolean }> {
  const zip = await ZipArchive.open(file);
  const links: MergeRange[] = [];
  const comments: MergeRange[] = [];
  const entry = zip.find(part);
  if (entry) {
    // Only what follows the data is kept: hyperlinks sit there, after </sheetData>.
    let tail: string | undefined;
    let carry = '';
    const decoder = new TextDecoder('utf-8');
    for await (const chunk of zip.stream(entry)) {
      const text = decoder.decode(chunk, { stream: true });
      if (tail !== undefined) {
        tail += text;
        continue;
      }
      const joined = carry + text;
      const at = joined.search(/<\/(?:[\w.-]+:)?sheetData>/);
      if (at >= 0) tail = joined.slice(at);
      else carry = joined.slice(-32);
    }
    for (const tag of findTags(tail ?? '', 'hyperlink')) pushArea(links, getAttr(tag, 'ref'));
  }
  for (const rel of await partRelationships(zip, part)) {
    if (!rel.type.endsWith('/comments')) continue;
    const c = zip.find(rel.target);
    if (c) for (const tag of findTags(decodeText(await zip.read(c, SMALL)), 'comment')) pushArea(comments, getAttr(tag, 'ref'));
  }
  const covers = (areas: MergeRange[]) => (col: number, row: number) => areas.some((a) => col >= a.c1 && col <= a.c2 && row >= a.r1 && row <= a.r2);
  return { linked: covers(links), commented: covers(comments) };
}

/** `C12` or `C12:D13` as an area; anything else is left out. */
function pushArea(out: MergeRange[], ref: string | undefined): void {
  const [a, b] = (ref ?? '').trim().split(':');
  const p = parseCellRef(a!);
  const q = b === undefined ? p : parseCellRef(b);
  if (p && q) out.push({ r1: p.row, c1: p.col, r2: q.row, c2: q.col });
}

/**
 * Checks a patched copy against its source: every entry but `part` has the same name, sizes, CRC
 * and stored bytes, none is missing or added, and each written cell reads back as written.
 * Returns how many parts are untouched; throws (nothing is renamed then) on any difference.
 */
export async function verifyPatched(source: string, result: string, part: string, written: Map<number, Map<number, CellValue>>): Promise<number> {
  const [a, b] = await Promise.all([ZipArchive.open(source), ZipArchive.open(result)]);
  const fail = (what: string): never => {
    throw new InputError('write.verify', { what }, { file: source });
  };
  if (a.entries.size !== b.entries.size) fail('the number of parts');
  let untouched = 0;
  // (One handle per file for every part: a handle and a stream per part took ~1 ms each.)
  const [ra, rb] = await Promise.all([a.recordReader(), b.recordReader()]);
  try {
    for (const [name, ea] of a.entries) {
      const eb = b.entries.get(name);
      if (!eb) fail(name);
      if (name === part) continue;
      if (ea.crc !== eb!.crc || ea.size !== eb!.size || ea.compressedSize !== eb!.compressedSize || ea.method !== eb!.method || !(await sameChunks(ra.raw(ea), rb.raw(eb!)))) fail(name);
      untouched++;
    }
  } finally {
    await Promise.all([ra.close(), rb.close()]);
  }
  const book = await openXlsx(result);
  const sheet = book.sheets.find((s) => s.part === part);
  if (!sheet) fail(part);
  const todo = new Map(written);
  for await (const row of eachRow(sheet!)) {
    const cells = todo.get(row.row);
    if (!cells) continue;
    for (const [col, value] of cells) if (!same(row.cells[col], value)) fail(`${part} row ${row.row}`);
    todo.delete(row.row);
  }
  // Rows with nothing but removed values may have no cell left to read.
  for (const [row, cells] of todo) if ([...cells.values()].some((v) => v !== null)) fail(`${part} row ${row}`);
  return untouched;
}

function same(cell: Cell | undefined, value: CellValue): boolean {
  if (value === null) return cell === undefined || (cell.t === 's' && cell.v === '');
  if (typeof value === 'number') return cell?.t === 'n' && cell.v === value;
  return cell?.t === 's' && cell.v === value;
}

/** A formula's cell references, optionally qualified by a sheet (`客户信息!N7`, `'Key Accounts'!N:N`, `$N$2:$N$100`). */
const FORMULA_REF =
  /(?<![A-Za-z0-9_.\u00a0-\uffff])(?:(?:'((?:[^']|'')+)'|([^\s!'"(),+\-*/^&=<>:;{}[\]]+))!)?\$?([A-Z]{1,3})(\$?\d+)?(?::\$?([A-Z]{1,3})(\$?\d+)?)?(?![A-Za-z0-9_(])/g;
const FORMULA_END = Buffer.from('f>');
const FORMULA_ELEMENT = /<(?:[\w.-]+:)?f\b[^>]*>([^<]*)<\/(?:[\w.-]+:)?f>/g;

/**
 * The formulas of a workbook that read columns of one sheet (kam's own, after `tier --write` changed them): their
 * stored results are from before, until the book is recalculated (found by a new user: a summary sheet's
 * `=客户信息!N7` and `COUNTIF(客户信息!N:N, …)` kept the old tiers). How many, and the first, with its cell.
 */
export async function formulasReading(file: string, sheets: readonly { name: string; part?: string }[], target: { name: string; part: string }, columns: ReadonlySet<number>): Promise<{ count: number; first?: { cell: string; formula: string } }> {
  const zip = await ZipArchive.open(file);
  const targetName = target.name.toLowerCase();
  let count = 0;
  let first: { cell: string; formula: string } | undefined;
  const reads = (formula: string, own: boolean): boolean => {
    const bare = formula.replace(/"(?:[^"]|"")*"/g, '""');
    for (const m of bare.matchAll(FORMULA_REF)) {
      const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
      if (sheet !== undefined ? sheet.toLowerCase() !== targetName : !own) continue;
      // A column alone is a range (`N:N`); a word without a row is a name or a function.
      if (m[4] === undefined && m[5] === undefined) continue;
      const a = columnIndex(m[3]!);
      const b = m[5] !== undefined ? columnIndex(m[5]) : a;
      for (const c of columns) if (c >= Math.min(a, b) && c <= Math.max(a, b)) return true;
    }
    return false;
  };
  for (const s of sheets) {
    const entry = s.part !== undefined ? zip.find(s.part) : undefined;
    if (!entry) continue;
    const own = s.part === target.part;
    let decoder = new TextDecoder('utf-8');
    let carry = '';
    for await (const chunk of zip.stream(entry)) {
      // A piece with no formula's end (`</f>`, `</x:f>`) is not decoded: a division of labour of 186 MB holds none
      // (found by review: --write took 20–30% longer). Its end is kept, for a formula that starts there.
      if (!chunk.includes(FORMULA_END)) {
        decoder = new TextDecoder('utf-8');
        carry = chunk.subarray(Math.max(0, chunk.length - 65_536)).toString('utf8');
        continue;
      }
      const text = carry + decoder.decode(chunk, { stream: true });
      let end = 0;
      for (const m of text.matchAll(FORMULA_ELEMENT)) {
        end = m.index + m[0].length;
        const formula = decodeXml(m[1]!);
        if (formula === '' || !reads(formula, own)) continue;
        count++;
        if (!first) {
          const at = text.lastIndexOf(' r="', m.index);
          const ref = at >= 0 ? /^ r="([A-Z]{1,3}\d+)"/.exec(text.slice(at, at + 16))?.[1] : undefined;
          first = { cell: ref !== undefined ? `${s.name}!${ref}` : s.name, formula };
        }
      }
      // (What may be an unfinished formula is kept for the next piece; a formula holds at most 8,192 characters.)
      carry = text.slice(Math.max(end, text.length - 65_536));
    }
  }
  return first ? { count, first } : { count };
}
