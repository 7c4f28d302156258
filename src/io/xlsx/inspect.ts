/**
 * What `--write` must know of a workbook before and after changing it in place: whether it is
 * Strict Open XML, the Excel tables (`<tableParts>`) of a sheet, and — after writing — that every
 * other part kept its bytes and the written cells read back.
 */
import type { Cell } from '../../model/cell.js';
import { InputError } from '../../model/errors.js';
import { eachRow } from '../source.js';
import type { CellValue } from './patch.js';
import { decodeText, openXlsx, tablesOfPart, type SheetTable } from './workbook.js';
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
  for (const [name, ea] of a.entries) {
    const eb = b.entries.get(name);
    if (!eb) fail(name);
    if (name === part) continue;
    if (ea.crc !== eb!.crc || ea.size !== eb!.size || ea.compressedSize !== eb!.compressedSize || ea.method !== eb!.method || !(await sameChunks(a.raw(ea), b.raw(eb!)))) fail(name);
    untouched++;
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
