/**
 * From a sheet's rows to a table: the header row found under title rows, headers matched to
 * canonical columns, blank and totals rows skipped. Rows keep their sheet row numbers and columns
 * their letters, so every later finding can point at a cell.
 */
import type { Layout } from '../../model/table.js';
import { isBlank, type RawRow } from '../../model/cell.js';
import { KEY_COLUMNS, type SheetRole } from '../../model/columns.js';
import type { Finding } from '../../model/finding.js';
import { RULES } from '../../model/rules.js';
import { columnLetter } from '../../util/cellref.js';
import { aliasIndex, matchHeader } from '../../parse/headers.js';
import { fold } from '../../util/text.js';
import type { SheetSource } from '../source.js';
import { chooseHeader } from './header.js';
import type { TableOptions } from './options.js';
import { isEmptyRow, isFooterRow, isLegendRow, isRecordRow, onlyText } from './rows.js';

export type { TableOptions } from './options.js';

/** Rows above the header that may be titles, notes or blank. */
const HEADER_SCAN_ROWS = 30;

/** Streams a sheet's data rows to `onRow` and returns its layout and structural findings. */
export async function scanTable(
  source: SheetSource,
  role: SheetRole,
  options: TableOptions,
  onRow: (row: RawRow, layout: Layout) => void,
): Promise<{ layout: Layout; findings: Finding[] }> {
  const index = aliasIndex(role, options.aliases);
  const head: RawRow[] = [];
  let layout: Layout | undefined;
  let findings: Finding[] = [];
  let lastHeaderRow = 0;
  const blankWithData = new Set<number>();
  // kam's own columns (`kam tier --write`) are never data: a note row with a value there is still a note.
  let own: number[] | undefined;
  // A row right under the header or after a row that records nothing (a blank, a section label, a
  // totals row) may be a header again: the same table's, repeated (stacked regional tables, a second
  // header row in English), or another table's, which ends this one.
  let prevRow = -1;
  let prevRecord = false;
  let ended = false;
  // A row of one text after a break (`重点关注客户`) may title another table: held until the next row says.
  let held: RawRow | undefined;
  let footer = false;
  let records = 0;
  // The column a text names, once per text (the first cells of blocks repeat their texts).
  const named = new Map<string, string | undefined>();
  const keyOf = (text: string): string | undefined => {
    if (named.has(text)) return named.get(text);
    const key = matchHeader(text, role, index).key;
    if (named.size < 4096) named.set(text, key);
    return key;
  };
  // The columns the header spans: a cell right of them is under no header (schema/blank-header), said once a column.
  let span = -1;
  const blankHeader = (c: number): void => {
    blankWithData.add(c);
    findings.push({ rule: 'schema/blank-header', severity: RULES['schema/blank-header'], args: { column: columnLetter(c) }, sheet: layout!.sheet, row: layout!.headerRow, column: columnLetter(c) });
  };
  // The columns right of the span that a cut row held, said when the row turns out to record something, as a cell
  // under a blank header is (a sign-off line's texts are none; found by review).
  const beyond = new WeakMap<RawRow, number[]>();
  /**
   * A row cut at the header's last column, its cells right of it kept aside (found by a new user: rows with a cell in
   * column XFD were looked at cell by cell, 16,384 a row, by every test of a row — 8,000 of them took 22 s).
   */
  const withinSpan = (row: RawRow): RawRow => {
    const cells = row.cells;
    const found: number[] = [];
    const seen = (c: number): void => {
      if (c >= span && !blankWithData.has(c) && !isBlank(cells[c])) found.push(c);
    };
    // (A row reaching far right holds few cells: its indices, not every column up to the last.)
    if (cells.length - span > 64) for (const k of Object.keys(cells)) seen(Number(k));
    else for (let c = span; c < cells.length; c++) seen(c);
    const cut = { row: row.row, cells: cells.slice(0, span) };
    if (found.length > 0) beyond.set(cut, found);
    return cut;
  };
  // CSV rows with more fields than the header, where at most half the rows under the header have any: a value's comma
  // not quoted (`甲公司,1,200万,80万`), every value after it one column off (found by a new user: revenue read as 1
  // yuan, 80万 as the strategic score). Where most rows have them, a column without a header (schema/blank-header).
  const csv = source.delimiter !== undefined;
  let shifts: boolean | undefined;
  // The header's fields, blank ones at its end too: a row of as many is not shifted (`客户名称,年采购额,` over `华东精密,120,备用`).
  let fieldsOfHeader = 0;
  // A shifted row (cut at the header), with its count of fields and its value split by its comma (`1,200万`), for its finding.
  const shifted = new WeakMap<RawRow, { fields: number; pair: string }>();
  const lastFilled = (row: RawRow): number => {
    for (let c = row.cells.length - 1; c >= 0; c--) if (!isBlank(row.cells[c])) return c;
    return -1;
  };
  // Whether the fields past the header are of the kind (a number or a text) of the header's last columns in the rows
  // looked at: a shifted row's last values are those columns' (`…,4,90` under `…,满意度`), a note typed past them is a
  // text beside numbers (`…,5,call back in Dec`; found by a new user: read as a split `3,450`, the account dropped).
  const numericColumn = new Map<number, boolean>();
  const extraFit = (row: RawRow, fields: number): boolean => {
    const extra = fields - fieldsOfHeader;
    for (let k = 0; k < extra; k++) {
      const c = fieldsOfHeader - extra + k;
      let numeric = numericColumn.get(c);
      if (numeric === undefined) {
        const sample = head.filter((r) => r.row > layout!.headerRow && !isBlank(r.cells[c]));
        numeric = sample.filter((r) => numberLike(r.cells[c])).length * 2 > sample.length;
        numericColumn.set(c, numeric);
      }
      if (numberLike(row.cells[fieldsOfHeader + k]) !== numeric) return false;
    }
    return true;
  };
  const emit = (row: RawRow): void => {
    if (ended) return;
    if (span < 0) span = layout!.columns.length;
    if (csv && shifts === undefined) {
      const headerRows = new Set([layout!.headerRow, ...layout!.columns.flatMap((c) => (c?.headerRow !== undefined ? [c.headerRow] : []))]);
      fieldsOfHeader = Math.max(span, ...[...headerRows].map((r) => source.fieldsOf?.(r) ?? 0));
      const sample = head.filter((r) => r.row > layout!.headerRow && isRecordRow(r));
      shifts = sample.filter((r) => lastFilled(r) >= fieldsOfHeader).length * 2 <= sample.length;
    }
    const fields = shifts && row.cells.length > fieldsOfHeader ? lastFilled(row) + 1 : 0;
    // (Shifted where a number is split at its comma, `1` and `200万` of `1,200万`: a note typed right of one row is a
    // column without a header, as before; found by review.)
    const pair = fields > fieldsOfHeader && extraFit(row, fields) ? pairOf(row) : undefined;
    // Another table beside this one: its cells are not the table's.
    if (layout!.width !== undefined && row.cells.length > layout!.width) row = { row: row.row, cells: row.cells.slice(0, layout!.width) };
    else if (pair !== undefined) {
      row = { row: row.row, cells: row.cells.slice(0, span) };
      shifted.set(row, { fields, pair });
    } else if (row.cells.length > span) row = withinSpan(row);
    const title = held;
    held = undefined;
    if (title) {
      const head = row.row === title.row + 1 ? headerAgain(row, layout!, role, keyOf) : undefined;
      // Another table under its title: a header of another table (a title that says it is a legend's or a summary's
      // is said as that, below), or one that starts as this one's (`重点跟进客户` over `客户名称 | 跟进事项 | 跟进人`:
      // fewer columns, and one this table does not name; found by a new user: its rows were accounts).
      if ((head === 'other' && !(records > 0 && isLegendRow(title))) || (head === 'same' && foreignHeader(row, layout!, keyOf))) {
        ended = true;
        options.note?.('note.otherTable', { sheet: layout!.sheet, row: title.row, headers: textsOf(row).join(' | ') }, false);
        return;
      }
      // The report's name over an export's footer (`Key Accounts by Owner` above `Copyright … salesforce.com`):
      // the export's too, not an account (found by a new user).
      if (!footer && isFooterRow(row)) {
        footer = true;
        return;
      }
      // A title over the header repeated (`华南区`): both label, neither records.
      if (head === 'same') {
        prevRow = row.row;
        prevRecord = false;
        options.onSection?.(onlyText(title)!, title.row);
        return;
      }
      emitOne(title, false);
      // (The title may end the table: a legend's.)
      if (ended) return;
    }
    emitOne(row, true);
  };
  const flush = (): void => {
    if (held && !ended) emitOne(held, false);
    held = undefined;
  };
  const emitOne = (row: RawRow, hold: boolean): void => {
    const right = beyond.get(row);
    own ??= ['computed_tier', 'computed_score'].flatMap((k) => (layout!.byKey.has(k) ? [layout!.byKey.get(k)!.index] : []));
    if (own.length > 0 && own.some((c) => row.cells[c] !== undefined)) {
      const cells = row.cells.slice();
      for (const c of own) cells[c] = undefined;
      row = { row: row.row, cells };
    }
    const candidate = prevRow < 0 || row.row !== prevRow + 1 || !prevRecord;
    // A row of one text is held to see what follows it: a title over the header repeated is no record, even
    // right under a record (a section's `华南区` in the middle of a table; found by review).
    if (hold && prevRow >= 0 && oneText(row)) {
      held = row;
      return;
    }
    prevRow = row.row;
    prevRecord = false;
    if (candidate) {
      const head = headerAgain(row, layout!, role, keyOf);
      if (head === 'same') return;
      // (Another table starts after a break, not right under this one's header.)
      if (head === 'other' && row.row !== lastHeaderRow + 1) {
        ended = true;
        options.note?.('note.otherTable', { sheet: layout!.sheet, row: row.row, headers: textsOf(row).join(' | ') }, false);
        return;
      }
    }
    // An export's footer (`Copyright …`, `Generated By: …`, `导出人：…`) and the rows of one text after it.
    if (footer ? onlyText(row) !== undefined : isFooterRow(row)) {
      footer = true;
      return;
    }
    // A legend or a summary titled under the table (`等级说明`, `图例：`, `按负责人汇总`): the table ends.
    if (records > 0 && isLegendRow(row)) {
      ended = true;
      options.note?.('note.legendTable', { sheet: layout!.sheet, row: row.row, title: onlyText(row)!.trim() }, false);
      return;
    }
    if (!isRecordRow(row)) {
      if (options.onSection) {
        const text = onlyText(row);
        if (text !== undefined) options.onSection(text, row.row);
      }
      return;
    }
    // A row whose only text is under columns kam does not read (`以上为华南区客户` alone in 备注): a note, not a record
    // without its name (found by a new user: schema/empty-required, failing a clean book's check).
    if (onlyUnread(row, layout!)) return;
    prevRecord = true;
    records++;
    const shift = shifted.get(row);
    if (shift !== undefined) {
      findings.push({ rule: 'schema/extra-fields', severity: RULES['schema/extra-fields'], args: { row: row.row, fields: shift.fields, header: fieldsOfHeader, pair: shift.pair }, sheet: layout!.sheet, row: row.row, column: columnLetter(fieldsOfHeader) });
      return;
    }
    for (let c = 0; c < row.cells.length; c++) if (!layout!.columns[c] && !blankWithData.has(c) && !isBlank(row.cells[c])) blankHeader(c);
    if (right) for (const c of right) if (!blankWithData.has(c)) blankHeader(c);
    onRow(row, layout!);
  };
  for await (const batch of source.rows({ onProgress: options.onProgress })) {
    for (const row of batch) {
      if (layout) {
        emit(row);
        continue;
      }
      if (isEmptyRow(row)) continue;
      head.push(row);
      if (head.length >= HEADER_SCAN_ROWS) {
        ({ layout, findings, lastHeaderRow } = chooseHeader(head, source.name, role, index, options));
        for (const r of head) if (r.row > lastHeaderRow) emit(r);
      }
    }
  }
  if (!layout) {
    ({ layout, findings, lastHeaderRow } = chooseHeader(head, source.name, role, index, options));
    for (const r of head) if (r.row > lastHeaderRow) emit(r);
  }
  flush();
  options.onProgress?.(1);
  return { layout, findings };
}

/**
 * A cell that holds a number, or a text that is one with its unit (`90`, `80万`, `$1,200`, `4星`, `12%`); not a note that
 * starts with one (`3月续约`; found by review).
 */
function numberLike(cell: RawRow['cells'][number]): boolean {
  return cell?.t === 'n' || (cell?.t === 's' && /^\s*[-+(]?\s*[¥￥$€£]?\s*[\d.,]*\d\s*(?:[%‰)]|[万亿千]?元?|[\u4e00-\u9fff]|[a-z]{1,3})?\s*$/i.test(cell.v));
}

/** Whether every cell of a row that holds something is under a column kam does not read (at least one column it reads). */
function onlyUnread(row: RawRow, layout: Layout): boolean {
  if (layout.byKey.size === 0) return false;
  for (let c = 0; c < row.cells.length; c++) {
    if (isBlank(row.cells[c])) continue;
    const col = layout.columns[c];
    if (col === undefined || col.key !== undefined || col.period !== undefined || col.holder !== undefined || col.raciBit !== undefined) return false;
  }
  return true;
}

/** Whether a row holds one cell, a text (a loop without a list: every row of a sheet is asked). */
function oneText(row: RawRow): boolean {
  let text = false;
  for (const c of row.cells) {
    if (isBlank(c)) continue;
    if (text || c!.t !== 's' || c!.v.trim() === '') return false;
    text = true;
  }
  return text;
}

/**
 * Whether a row read as this table's header repeated is another table's: fewer texts than this header has
 * columns, fewer than half of them in place, and one, under a column of this table, neither its header nor
 * a name of any column.
 */
function foreignHeader(row: RawRow, layout: Layout, keyOf: (text: string) => string | undefined): boolean {
  let texts = 0;
  let same = 0;
  let foreign = false;
  for (let c = 0; c < row.cells.length; c++) {
    const cell = row.cells[c];
    if (isBlank(cell) || cell!.t !== 's') continue;
    texts++;
    const col = layout.columns[c];
    const text = cell!.v.trim();
    const key = keyOf(text);
    if (col && (fold(text) === fold(col.header) || (key !== undefined && key === col.key))) same++;
    else if (col && key === undefined) foreign = true;
  }
  let columns = 0;
  for (const col of layout.columns) if (col) columns++;
  // (Half the table's columns or more repeated in place is the header again, one renamed or left blank: found by review.)
  return foreign && texts < columns && same * 2 < columns;
}

/** A row's texts, trimmed, the blank ones left out. */
function textsOf(row: RawRow): string[] {
  return row.cells.flatMap((c) => (c?.t === 's' && c.v.trim() !== '' ? [c.v.trim()] : []));
}

/**
 * Whether a row is a header row: `same` when each of its (two or more) texts heads its column here —
 * the header's own text, or a name of the column kam reads there (`Account Name` under `客户名称`);
 * `other` when at least two of its texts, and half of them, name columns of this kind of sheet, one
 * of them a key column (the account's name, the task), but not where this table has them (another
 * table's header: `客户名称 | 关注原因 | 跟进人` under a table of accounts whose first column is the id).
 * Values that are also names of columns (`主管`, `在职`, `Active`) are not enough. Only rows that could
 * start a table are asked.
 */
function headerAgain(row: RawRow, layout: Layout, role: SheetRole, keyOf: (text: string) => string | undefined): 'same' | 'other' | undefined {
  let texts = 0;
  let same = 0;
  let known = 0;
  let keyed = false;
  // Texts naming a column this table has, but in another column than this one (`区域` over its names), and
  // whether the row's first text names a column at all.
  let moved = 0;
  let firstNames: boolean | undefined;
  for (let c = 0; c < row.cells.length; c++) {
    const cell = row.cells[c];
    if (isBlank(cell)) continue;
    if (cell!.t !== 's') return undefined;
    texts++;
    const text = cell!.v.trim();
    const col = layout.columns[c];
    const key = keyOf(text);
    if (key !== undefined && layout.byKey.has(key) && layout.byKey.get(key)!.index !== c) moved++;
    firstNames ??= key !== undefined;
    if (col && (text === col.header.trim() || (key !== undefined && key === col.key) || fold(text) === fold(col.header))) same++;
    // A header the table's own names count too (found by a new user: `客戶名稱 | 工作內容 | 建議人選 | 備註`
    // under a title below the division of labour was read as an activity of account 客戶名稱).
    if (key !== undefined) {
      known++;
      if (KEY_COLUMNS[role].some((names) => names.includes(key))) keyed = true;
    }
  }
  // Most cells under their own column's name: the header repeated (a section's, with a note column added
  // or one renamed), not another table (found by review: reading stopped, 120 rows dropped).
  if (texts >= 2 && same * 2 > texts) return 'same';
  if (keyed && known >= 2 && known * 2 >= texts && same < texts) return 'other';
  // A summary's header under the table, after a break: texts only, two of them naming columns this table has, each
  // where this table does not have it, and none in its own place (`区域 | 客户数 | 年采购额` under accounts whose first
  // column is the name; found by a new user: its rows were read as accounts named 华东 and 华南, one ranked important).
  // A value that is also a column's name (`Strategic`, `主管`, `在职`) is not enough: it is no column of this table, or in its place.
  // (And its first text names a column: `赵六 | 服务部 | 主管 | 王五 | 员工` is a person, found by review.)
  return texts >= 2 && same === 0 && moved >= 2 && firstNames === true ? 'other' : undefined;
}

/** Reads a whole table into memory (for sheets of modest size such as Accounts and Staff). */
export async function readTable(
  source: SheetSource,
  role: SheetRole,
  options: TableOptions,
): Promise<{ layout: Layout; rows: RawRow[]; findings: Finding[] }> {
  const rows: RawRow[] = [];
  const { layout, findings } = await scanTable(source, role, options, (r) => rows.push(r));
  return { layout, rows, findings };
}

/**
 * Two neighbouring fields of a row that read as one number split at its comma: a number and three digits after it
 * (`1` and `200万` of `1,200万`, `1` and `200` and `000` of `1,200,000`), as the value written; else undefined.
 */
function pairOf(row: RawRow): string | undefined {
  const texts = Array.from(row.cells, (c) => (c?.t === 's' ? c.v.trim() : c?.t === 'n' ? String(c.v) : ''));
  for (let c = 0; c + 1 < texts.length; c++) {
    if (!/^[-+(¥￥$]?\d{1,3}$/.test(texts[c]!) || !/^\d{3}(?:\D|$)/.test(texts[c + 1]!)) continue;
    let end = c + 1;
    while (end + 1 < texts.length && /^\d{3}$/.test(texts[end]!) && /^\d{3}(?:\D|$)/.test(texts[end + 1]!)) end++;
    return `"${texts.slice(c, end + 1).join(',')}"`;
  }
  return undefined;
}
