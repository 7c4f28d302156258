/**
 * `kam convert <in> <out>`: CSV ↔ XLSX (SPEC §3). Cells come through kam's reader — cached formula
 * results, merged ranges filled as every command reads them, rich text as its text, CSV in any
 * encoding kam reads — so a converted file holds what kam sees. CSV → XLSX types each field
 * (parse/typed.ts); XLSX → CSV writes dates as ISO, numbers as their shortest exact decimal, and
 * neutralises formula injection in text (counted; `raw` keeps it). A formula without a calculated
 * value is an error naming its cell, never an empty field.
 */
import { basename, extname, join } from 'node:path';
import type { Cell } from '../model/cell.js';
import { InputError, UsageError } from '../model/errors.js';
import { SHEET_ALIASES, type SheetRole } from '../model/columns.js';
import { foldKey } from '../util/text.js';
import { typeField, type TypedValue } from '../parse/typed.js';
import { cellAddress } from '../util/cellref.js';
import { excelTimeOfDay, fromExcelSerial } from '../util/date.js';
import { exactDecimal } from '../util/decimal.js';
import { neutralize } from '../util/safe-text.js';
import { csvFile, type OutEncoding } from '../io/csv/write.js';
import { locateSheets } from '../io/sheets/locate.js';
import { isTotalsRow } from '../io/table/rows.js';
import { eachRow, type SheetSource } from '../io/source.js';
import { prepareAtomic, writeAtomic, writeAtomicWith, type PreparedWrite, type WriteOptions } from '../io/write/atomic.js';
import { excelSheetName, writeTypedXlsxTo, type TypedSheet } from '../io/write/xlsx.js';
import { ensureFolder } from '../io/write/folder.js';
import type { Session } from './session.js';

export interface ConvertOptions extends WriteOptions {
  /** XLSX → CSV: the sheet by name, or a role (`accounts`, 客户 …) found as every command finds it. */
  sheet?: string;
  /** XLSX → a folder of CSV files, one per sheet (accounts.csv, staff.csv, assignments.csv, …). */
  all?: boolean;
  outEncoding?: OutEncoding;
  /** CSV output without formula-injection protection. */
  raw?: boolean;
  /** Called with each file before it is written (the CLI refuses one the command reads). */
  before?: (file: string) => Promise<void>;
}

export interface ConvertResult {
  /** The files written. */
  files: string[];
  sheets: number;
  rows: number;
  /** Text cells given a leading `'` against formula injection. */
  neutralized: number;
}

/** What the output names: an .xlsx workbook, one .csv file, or (`--all`, or no extension) a folder of CSV files. */
export function outputKind(out: string, all: boolean | undefined): 'xlsx' | 'csv' | 'folder' {
  const ext = extname(out).toLowerCase();
  if (all) return 'folder';
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.csv' || ext === '.txt' || ext === '.tsv') return 'csv';
  if (ext === '') return 'folder';
  throw new UsageError('usage.convertOutput', { file: out });
}

/** Converts the session's book to `out`. */
export async function convertBook(session: Session, out: string, options: ConvertOptions = {}): Promise<ConvertResult> {
  const kind = outputKind(out, options.all);
  const { book } = session;
  if (kind === 'xlsx') {
    if (book.kind === 'xlsx') throw new UsageError('usage.convertSame', { input: session.path, output: out });
    const sheets: TypedSheet[] = [];
    let rows = 0;
    const used = new Set<string>();
    for (const s of book.sheets) {
      const sheet = await typedSheet(s, uniqueName(excelSheetName(basename(s.name, extname(s.name))), used));
      rows += sheet.rows.length > 0 ? sheet.rows[sheet.rows.length - 1]!.row : 0;
      sheets.push(sheet);
    }
    await options.before?.(out);
    await writeAtomicWith(out, (fh) => writeTypedXlsxTo(fh, sheets), options);
    return { files: [out], sheets: sheets.length, rows, neutralized: 0 };
  }
  if (kind === 'csv') {
    const sheet = await pickSheet(session, options.sheet);
    const { lines, neutralized } = await csvLines(sheet, session, options.raw);
    await options.before?.(out);
    await writeAtomic(out, csvFile(lines, options.outEncoding ?? 'utf8-bom', out), options);
    return { files: [out], sheets: 1, rows: lines.length, neutralized };
  }
  // A folder of CSV files, named by role where a sheet plays one: kam reads it back as the same book.
  if (book.kind === 'csv' && book.sheets.length > 1) throw new UsageError('usage.convertSame', { input: session.path, output: out });
  const roles = await locateSheets(book, ['accounts', 'staff', 'assignments'], session.config);
  const nameOf = new Map<SheetSource, string>();
  for (const [role, s] of Object.entries(roles) as [SheetRole, SheetSource][]) nameOf.set(s, role);
  const used = new Set([...nameOf.values()].map((n) => n.toLowerCase()));
  // Every file is read before any is written: an error (a formula without its value) leaves no folder half-done.
  const outputs: { file: string; bytes: Buffer; rows: number }[] = [];
  let neutralized = 0;
  for (const s of book.sheets) {
    const name = nameOf.get(s) ?? uniqueName(fileSafe(s.name), used);
    const { lines, neutralized: n } = await csvLines(s, session, options.raw);
    neutralized += n;
    outputs.push({ file: join(out, `${name}.csv`), bytes: csvFile(lines, options.outEncoding ?? 'utf8-bom', join(out, `${name}.csv`)), rows: lines.length });
  }
  await ensureFolder(out);
  for (const o of outputs) await options.before?.(o.file);
  // Every file written to its temporary file first, then all renamed: a full disk or Ctrl-C while they are
  // written leaves the folder as it was (found by a new user: two files new, the third old, "nothing was changed").
  const prepared: PreparedWrite[] = [];
  try {
    for (const o of outputs) prepared.push(await prepareAtomic(o.file, async (fh) => fh.writeFile(o.bytes), options));
  } catch (err) {
    await Promise.all(prepared.map((p) => p.discard()));
    throw err;
  }
  for (let i = 0; i < prepared.length; i++) {
    try {
      await prepared[i]!.commit();
    } catch (err) {
      await Promise.all(prepared.slice(i + 1).map((p) => p.discard()));
      throw err;
    }
  }
  // Hidden sheets are converted too, and said (found by a new user: a very hidden sheet's CSV appeared without a word).
  const hidden = book.sheets.filter((s) => s.hidden);
  if (hidden.length > 0) session.note('note.convertHidden', { sheets: hidden.map((s) => `"${s.name}"`).join(', '), n: hidden.length });
  return { files: outputs.map((o) => o.file), sheets: outputs.length, rows: outputs.reduce((a, o) => a + o.rows, 0), neutralized };
}

/** `--sheet` by name (exact, then folded) or by role; without it, the book's only sheet. */
async function pickSheet(session: Session, wanted: string | undefined): Promise<SheetSource> {
  const { book } = session;
  if (wanted === undefined) {
    if (book.sheets.length === 1) return book.sheets[0]!;
    throw new UsageError('usage.convertWhichSheet', { sheets: book.sheets.map((s) => s.name).join(', ') });
  }
  const exact = book.sheets.find((s) => s.name === wanted) ?? book.sheets.find((s) => s.name.trim().toLowerCase() === wanted.trim().toLowerCase());
  if (exact) return exact;
  const role = ROLE_WORDS[wanted.trim().toLowerCase()] ?? roleNamed(wanted, session);
  if (role) {
    const found = (await locateSheets(book, [role], session.config))[role];
    if (found) return found;
  }
  throw new UsageError('usage.convertNoSheet', { sheet: wanted, sheets: book.sheets.map((s) => s.name).join(', ') });
}

/** The role a sheet name of the aliases names (`people`, `人员名单`, the config's own `sheets`), if any. */
function roleNamed(wanted: string, session: Session): SheetRole | undefined {
  const key = foldKey(wanted);
  return (['accounts', 'staff', 'assignments', 'rules'] as const).find((role) => [...(session.config.sheets?.[role] ?? []), ...SHEET_ALIASES[role]].some((a) => foldKey(a) === key));
}

const ROLE_WORDS: Record<string, SheetRole> = {
  accounts: 'accounts',
  客户: 'accounts',
  staff: 'staff',
  人员: 'staff',
  assignments: 'assignments',
  分工: 'assignments',
  rules: 'rules',
  规则: 'rules',
};

/** A sheet's rows as CSV fields, holes as empty fields and missing rows as empty lines (row numbers stay). */
async function csvLines(sheet: SheetSource, session: Session, raw = false): Promise<{ lines: string[][]; neutralized: number }> {
  const lines: string[][] = [];
  let neutralized = 0;
  const uncalculated: string[] = [];
  let totalsLeft = 0;
  for await (const row of eachRow(sheet, { titlesOnce: true })) {
    while (lines.length < row.row - 1) lines.push([]);
    const fields: string[] = [];
    // A totals row's formulas (`合计 | =SUM(C2:C20)`) may have no stored result: kam reads no totals row,
    // so they are left empty, and said (found by a new user: one 合计 row of openpyxl's stopped the conversion).
    const totals = row.cells.some((c) => c?.t === 'f') && isTotalsRow(row);
    for (let c = 0; c < row.cells.length; c++) {
      const cell = row.cells[c];
      if (cell?.t === 'f' && totals) {
        totalsLeft++;
        fields.push('');
        continue;
      }
      if (cell?.t === 'f') uncalculated.push(cellAddress(sheet.name, c, row.row));
      let text = cell === undefined ? '' : fieldText(cell, session.book.date1904);
      if (!raw && cell?.t === 's') {
        const safe = neutralize(text);
        if (safe !== text) neutralized++;
        text = safe;
      }
      fields.push(text);
    }
    lines.push(fields);
  }
  if (uncalculated.length > 0) throw new InputError('convert.uncalculated', { count: uncalculated.length, first: uncalculated[0]! }, { file: session.path, cell: uncalculated[0]! });
  if (totalsLeft > 0) session.note('note.totalsUncalculated', { sheet: sheet.name, count: totalsLeft });
  return { lines, neutralized };
}

/** A cell as CSV text: numbers exact, date cells ISO (with the time of day where there is one), booleans TRUE/FALSE. */
function fieldText(cell: Exclude<Cell, { t: 'f' }> | Cell, date1904: boolean): string {
  switch (cell.t) {
    case 's':
      return cell.v;
    case 'n': {
      // A duration (`[h]:mm`) as hours, minutes and seconds however many hours (kam reads `26:00:00` back as 26 h).
      if (cell.elapsed && cell.v >= 0) return elapsedText(cell.v);
      if (cell.date) {
        const day = fromExcelSerial(cell.v, date1904);
        const time = excelTimeOfDay(cell.v);
        if (day) return time ? `${day} ${time}` : day;
        if (cell.v >= 0 && cell.v < 1 && time) return time;
      }
      return exactDecimal(cell.v);
    }
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE';
    case 'd':
      return cell.v.replace('T', ' ').replace(/(\.\d+)?Z?$/, '').replace(/ 00:00:00$/, '');
    case 'e':
      return cell.v;
    case 'f':
      return '';
  }
}

/** Days as `h:mm:ss`, the hours not wrapped at a day (`1.0833…` is `26:00:00`). */
function elapsedText(days: number): string {
  const seconds = Math.round(days * 86400);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${two(Math.floor(seconds / 3600))}:${two(Math.floor((seconds % 3600) / 60))}:${two(seconds % 60)}`;
}

/** A CSV file's (or sheet's) rows as typed cells; the header is the row of most text among the first 30. */
async function typedSheet(sheet: SheetSource, name: string): Promise<TypedSheet> {
  const rows: TypedSheet['rows'] = [];
  let headerRow = 0;
  let best = 0;
  for await (const row of eachRow(sheet)) {
    const cells = row.cells.map((c, i): TypedValue | undefined => (c === undefined ? undefined : c.t === 's' ? typeField(c.v, sheet.decimalComma?.(i) === true) : c.t === 'e' ? { t: 'e', v: c.v } : { t: 's', v: fieldText(c, false) }));
    rows.push({ row: row.row, cells });
    if (rows.length <= 30) {
      const texts = cells.filter((c) => c !== undefined && c.t === 's' && c.v.trim() !== '').length;
      if (texts > best && cells.every((c) => c === undefined || c.t === 's')) [best, headerRow] = [texts, row.row];
    }
  }
  return { name, rows, headerRow };
}

/** A sheet name as a file name: no path separators or characters file systems refuse. */
function fileSafe(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  const s = name.replace(/[\0-\x1f\x7f<>:"/\\|?*]/g, '_').replace(/^\.+/, '_').trim();
  return s === '' ? 'sheet' : s.slice(0, 100);
}

/** `name`, or `name (2)`, … when taken (case-insensitively). */
function uniqueName(name: string, used: Set<string>): string {
  let out = name;
  for (let i = 2; used.has(out.toLowerCase()); i++) out = `${name} (${i})`;
  used.add(out.toLowerCase());
  return out;
}
