/**
 * `kam tier --write`: the computed tier and the score written into the Accounts sheet of the input
 * workbook, in place (SPEC §7). Only that sheet's part changes — two columns of cells, its
 * `<dimension>`, `<cols>` and the rows' `spans` — and every other part keeps its bytes; the copy is
 * checked (other parts byte-identical, written cells read back) before it replaces the book, and
 * the book is kept as `book.xlsx.bak`.
 */
import { InputError } from '../model/errors.js';
import type { Column, Layout } from '../model/table.js';
import type { Cell } from '../model/cell.js';
import { isTraditional, toTraditional } from '../util/hant.js';
import type { Lang } from '../model/lang.js';
import { tierName } from '../model/tier.js';
import type { TierReport } from '../scoring/score.js';
import { cellAddress, columnLetter, MAX_COLUMNS } from '../util/cellref.js';
import { displayWidth } from '../util/width.js';
import { eachRow, type SheetSource } from '../io/source.js';
import { assertUnchanged, isFolder, readInput, type FileIdentity } from '../io/input-file.js';
import type { CsvSheet } from '../io/csv/read.js';
import { expectedText, numberText, patchCsv, type CsvPatch } from '../io/csv/patch.js';
import { join } from 'node:path';
import { formulasReading, isStrictOoxml, sheetTables, verifyPatched } from '../io/xlsx/inspect.js';
import { writePatchedXlsx, type CellEdit, type CellValue } from '../io/xlsx/patch.js';
import { backupFile, writeAtomicWith, type Fault, type WriteOptions } from '../io/write/atomic.js';
import { KAM_COLUMN_HEADERS } from '../model/columns.js';
import type { Session } from './session.js';

export interface WriteBackOptions extends WriteOptions {
  /** Keep `book.xlsx.bak` (default true; `--no-backup` turns it off). */
  backup?: boolean;
  /** CSV: what kam writes without formula-injection protection. */
  raw?: boolean;
}

export interface WriteReceipt {
  file: string;
  sheet: string;
  /** Cells written (headers of new columns included). */
  cells: number;
  /** The headers of kam's columns, as written in the sheet. */
  columns: string[];
  /** Zip parts other than the sheet, each checked byte-identical. */
  untouched: number;
  backup?: string;
  /** Formulas of the book that read the columns written (their stored results are from before): how many, the first. */
  formulas?: { count: number; cell: string; formula: string };
  /** Every cell already held what kam would write: nothing was written, no backup taken. */
  unchanged?: true;
  /** The book is a CSV file. */
  csv?: true;
}

/** The cells of kam's two columns for a tier report: where they go and what they hold. */
export interface TierCells {
  edits: Map<number, Map<number, CellValue | CellEdit>>;
  newColumns: Map<number, number>;
  headers: string[];
  /** The written values by row and column, for reading back. */
  expected: Map<number, Map<number, CellValue>>;
}

/**
 * Where kam's columns go — found by header when a previous run added them, else after the last
 * column that holds anything (a merged title counts only where it is written) — and what each
 * account row gets: the tier's label in the book's language (text; Traditional characters in a
 * Traditional book) and the score (a number). The header goes into the header row that holds the
 * labels (the lower of two). Rows that are not accounts are left alone. `unchanged` when every
 * cell already holds what kam would write.
 */
export async function tierCells(report: TierReport, layout: Layout, sheet: SheetSource): Promise<TierCells & { unchanged: boolean }> {
  const { lang, traditional } = bookLanguage(layout);
  const words = (text: string): string => (traditional ? toTraditional(text) : text);
  const columns = layout.columns.filter((c): c is Column => c !== undefined);
  const existing = { tier: layout.byKey.get('computed_tier')?.index, score: layout.byKey.get('computed_score')?.index };
  const accountRows = new Set(report.accounts.map((a) => a.row));
  // The widest row decides where new columns start: a column with values but no header is the user's too.
  let last = -1;
  const current = new Map<number, (Cell | undefined)[]>();
  for await (const row of eachRow(sheet, { titlesOnce: true })) {
    for (let c = row.cells.length - 1; c >= 0; c--) {
      if (row.cells[c] !== undefined) {
        last = Math.max(last, c);
        break;
      }
    }
    if (accountRows.has(row.row) || row.row === layout.headerRow) current.set(row.row, [existing.tier, existing.score].map((c) => (c === undefined ? undefined : row.cells[c])));
  }
  const headers = [words(KAM_COLUMN_HEADERS.computed_tier[lang]), words(KAM_COLUMN_HEADERS.computed_score[lang])];
  const used = last;
  const tierCol = existing.tier ?? ++last;
  const scoreCol = existing.score ?? ++last;
  // No room past the sheet's last column before XFD (found by a CI user: the read-back of the copy refused it, naming the temporary file).
  if (last >= MAX_COLUMNS) throw new InputError('input.noRoomForColumns', { used: columnLetter(used), last: columnLetter(MAX_COLUMNS - 1) }, { file: layout.file, sheet: layout.sheet });
  const neighbour = Math.max(...columns.filter((c) => c.header.trim() !== '').map((c) => c.index), 0);
  // Two header rows: the labels are in the lower one (a group or a title above them).
  const headerRow = Math.max(layout.headerRow, ...columns.map((c) => c.headerRow ?? layout.headerRow));
  const edits = new Map<number, Map<number, CellValue | CellEdit>>();
  const expected = new Map<number, Map<number, CellValue>>();
  let unchanged = existing.tier !== undefined && existing.score !== undefined;
  const put = (row: number, col: number, value: CellValue, styleLike?: number): void => {
    if (!edits.has(row)) edits.set(row, new Map());
    if (!expected.has(row)) expected.set(row, new Map());
    edits.get(row)!.set(col, styleLike !== undefined ? { value, styleLike } : value);
    expected.get(row)!.set(col, value);
    const now = current.get(row)?.[col === existing.tier ? 0 : col === existing.score ? 1 : -1];
    // A CSV field holds text: `100` there is the number 100.
    const same = now !== undefined && (now.v === value || (now.t === 's' && typeof value === 'number' && now.v === numberText(value, sheet.decimalComma?.(col) === true)));
    if (!same) unchanged = false;
  };
  const newColumns = new Map<number, number>();
  if (existing.tier === undefined) put(headerRow, tierCol, headers[0]!, neighbour);
  if (existing.score === undefined) put(headerRow, scoreCol, headers[1]!, neighbour);
  const labels = report.accounts.map((a) => words(tierName(report.tiers, a.tier, lang)));
  for (const [i, a] of report.accounts.entries()) {
    put(a.row, tierCol, labels[i]!);
    put(a.row, scoreCol, a.score);
  }
  // (A loop, not Math.max(...texts): 130,000 arguments overflow the stack; found by a new user, kam tier --write stopped with an internal error.)
  const width = (texts: readonly string[]): number => {
    let most = 8;
    for (const t of texts) most = Math.max(most, displayWidth(t) + 2);
    return Math.min(40, most);
  };
  if (existing.tier === undefined) newColumns.set(tierCol, Math.max(width([headers[0]!]), width(labels)));
  if (existing.score === undefined) newColumns.set(scoreCol, width([headers[1]!, '000.00']));
  const headerOf = (col: number, fallback: string): string => columns.find((c) => c.index === col)?.header ?? fallback;
  return { edits, newColumns, headers: [headerOf(tierCol, headers[0]!), headerOf(scoreCol, headers[1]!)], expected, unchanged };
}

/** Chinese when the header row is written in Chinese (Traditional when its words are), else English. */
function bookLanguage(layout: Layout): { lang: Lang; traditional: boolean } {
  const headers = layout.columns.filter((c): c is Column => c !== undefined).map((c) => c.header);
  const zh = headers.some((h) => /[\u3400-\u9fff]/.test(h));
  return { lang: zh ? 'zh' : 'en', traditional: zh && headers.some(isTraditional) };
}

/** Writes the tier report's columns into the book's Accounts sheet, in place. */
export async function writeTiersBack(session: Session, report: TierReport, layout: Layout, options: WriteBackOptions = {}): Promise<WriteReceipt> {
  const sheet = session.sheets.accounts!;
  const cells = await tierCells(report, layout, sheet);
  if (cells.unchanged) return { ...receipt(session.book.kind === 'csv' ? await csvTarget(session, sheet) : session.path, sheet.name, cells, 0, undefined), cells: 0, unchanged: true };
  if (session.book.kind === 'csv') return writeCsvBack(session, sheet, cells, options);
  return writeXlsxInPlace(session, sheet, cells, options);
}

/**
 * Changes cells of one sheet of the input workbook in place: refused (nothing written) for a Strict
 * OOXML book, a cell inside an Excel table, a formula, a merged range or a protected sheet; the
 * patched copy is checked — every other part byte-identical, the written cells read back — and the
 * book kept as `.bak`, before the copy replaces it.
 */
export async function writeXlsxInPlace(session: Session, sheet: SheetSource, cells: TierCells, options: WriteBackOptions = {}): Promise<WriteReceipt> {
  const file = session.path;
  const where = { file, sheet: sheet.name };
  const part = sheet.part;
  if (session.book.kind !== 'xlsx' || part === undefined) throw new InputError('write.notXlsx', {}, { file });
  if (await isStrictOoxml(file)) throw new InputError('write.strict', {}, { file });
  for (const t of await sheetTables(file, part)) {
    for (const [row, cols] of cells.edits) {
      for (const col of cols.keys()) {
        if (row >= t.top && row <= t.bottom && col >= t.left && col <= t.right) {
          throw new InputError('write.table', { table: t.name, range: t.ref }, { ...where, cell: cellAddress(sheet.name, col, row) });
        }
      }
    }
  }
  const backup = options.backup === false ? undefined : `${file}.bak`;
  let untouched = 0;
  // The book must still be the file read: before it is copied from, before the backup, and last before it is replaced.
  const same = unchanged(file, session.book.identity);
  await same();
  await writeAtomicWith(
    file,
    async (fh, tmp) => {
      try {
        await writePatchedXlsx(file, fh, new Map([[part, cells.edits]]), file, new Map([[part, { newColumns: cells.newColumns, sheet: sheet.name }]]));
        await fault(options.fault, 'written');
        untouched = await verifyPatched(file, tmp, part, cells.expected);
      } catch (err) {
        // A book saved again meanwhile can fail the patch or its check in its own way: said as what it is.
        await same();
        throw err;
      }
      await same();
      if (backup) {
        await backupFile(file, backup, options, session.book.identity);
        await fault(options.fault, 'backup');
      }
    },
    { ...options, beforeRename: same },
  );
  // Formulas that read the columns written keep their results from before until the book is recalculated: said.
  const columns = new Set<number>();
  for (const cols of cells.edits.values()) for (const c of cols.keys()) columns.add(c);
  const formulas = await formulasReading(file, session.book.sheets, { name: sheet.name, part }, columns);
  const written = receipt(file, sheet.name, cells, untouched, backup);
  return formulas.first ? { ...written, formulas: { count: formulas.count, ...formulas.first } } : written;
}

/** Cell edits as `TierCells` (values only, no new columns): what `kam load --apply --write` changes. */
export function plainCells(edits: Map<number, Map<number, string>>): TierCells {
  const expected = new Map([...edits].map(([row, cols]) => [row, new Map<number, CellValue>(cols)]));
  return { edits: new Map([...edits].map(([row, cols]) => [row, new Map<number, CellValue | CellEdit>(cols)])), newColumns: new Map(), headers: [], expected };
}

/** Writes cells into the input book in place, whichever kind it is (an .xlsx sheet, or a CSV file). */
export async function writeCellsBack(session: Session, sheet: SheetSource, cells: TierCells, options: WriteBackOptions = {}): Promise<WriteReceipt> {
  return session.book.kind === 'csv' ? writeCsvBack(session, sheet, cells, options) : writeXlsxInPlace(session, sheet, cells, options);
}

function receipt(file: string, sheet: string, cells: TierCells, untouched: number, backup: string | undefined): WriteReceipt {
  let count = 0;
  for (const row of cells.edits.values()) count += row.size;
  return { file, sheet, cells: count, columns: cells.headers, untouched, ...(backup ? { backup } : {}) };
}

/**
 * A CSV book: the Accounts file rewritten in its own encoding, BOM, delimiter and line ends, with
 * kam's two fields added to (or updated in) its records; every other field reads back unchanged.
 */
export async function writeCsvBack(session: Session, sheet: SheetSource, cells: TierCells, options: WriteBackOptions & { raw?: boolean }): Promise<WriteReceipt> {
  const csv = sheet as SheetSource & Partial<Pick<CsvSheet, 'file' | 'encoding' | 'delimiter'>>;
  const file = await csvTarget(session, sheet);
  const values = new Map([...cells.edits].map(([row, cols]) => [row, new Map([...cols].map(([c, e]) => [c, e !== null && typeof e === 'object' ? e.value : e]))]));
  const same = unchanged(file, (sheet as Partial<CsvSheet>).identity);
  await same();
  const original = await readInput(file);
  await same();
  const patched = patchCsv(original, file, csv.delimiter ?? ',', values, { ...(csv.encoding ? { encoding: csv.encoding } : {}), ...(options.raw ? { raw: true } : {}), ...(sheet.decimalComma ? { decimalComma: sheet.decimalComma } : {}) });
  checkCsv(patched, values, file, options.raw);
  const backup = options.backup === false ? undefined : `${file}.bak`;
  await writeAtomicWith(
    file,
    async (fh) => {
      await fh.writeFile(patched.bytes);
      await fault(options.fault, 'written');
      await same();
      if (backup) {
        await backupFile(file, backup, options, (sheet as Partial<CsvSheet>).identity);
        await fault(options.fault, 'backup');
      }
    },
    { ...options, beforeRename: same },
  );
  return { ...receipt(file, sheet.name, cells, 0, backup), csv: true };
}

/** A check that `file` is still the file the book was read from (when kam knows what that was). */
function unchanged(file: string, identity: FileIdentity | undefined): () => Promise<void> {
  return async () => {
    if (identity) await assertUnchanged(file, identity);
  };
}

/** The CSV file as the user named it (a symlink out of its folder is refused when written), not its real path. */
async function csvTarget(session: Session, sheet: SheetSource): Promise<string> {
  return session.book.sheets.length === 1 && session.book.file === session.path && !(await isFolder(session.path)) ? session.path : join(session.path, sheet.name);
}

/** Every field the patch did not write reads back as it was; every written one as meant. */
function checkCsv(patch: CsvPatch, values: Map<number, Map<number, CellValue>>, file: string, raw = false): void {
  const fail = (what: string): never => {
    throw new InputError('write.verify', { what }, { file });
  };
  if (patch.records.length !== patch.before.length) fail('the number of rows');
  patch.before.forEach((record, i) => {
    const edits = values.get(i + 1);
    const now = patch.records[i]!;
    record.forEach((v, c) => {
      if (!edits?.has(c) && now[c] !== v && !(record.length === 1 && v === '')) fail(`row ${i + 1}`);
    });
    for (const [c, v] of edits ?? []) if ((now[c] ?? '') !== expectedText(v, raw, patch.decimalComma(c))) fail(`row ${i + 1}`);
  });
}

/** A test's injected failure at a named point of a write (`KAM_FAULT=written`, …). */
async function fault(f: Fault | undefined, at: string): Promise<void> {
  if (f?.at === at) await f.act();
}
