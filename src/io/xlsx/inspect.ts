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
import { findTags, getAttr } from './xml.js';
import { parseCellRef } from '../../util/cellref.js';
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
