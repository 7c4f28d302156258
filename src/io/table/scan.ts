/**
 * From a sheet's rows to a table: the header row found under title rows, headers matched to
 * canonical columns, blank and totals rows skipped. Rows keep their sheet row numbers and columns
 * their letters, so every later finding can point at a cell.
 */
import type { Aliases } from '../../model/aliases.js';
import type { Column, Layout } from '../../model/table.js';
import { isBlank, type RawRow } from '../../model/cell.js';
import { KEY_COLUMNS, type SheetRole } from '../../model/columns.js';
import type { Finding } from '../../model/finding.js';
import { RULES } from '../../model/rules.js';
import { columnLetter } from '../../util/cellref.js';
import { fold } from '../../util/text.js';
import { aliasIndex, matchHeader } from '../../parse/headers.js';
import type { RowOptions, SheetSource } from '../source.js';
import { parseText } from '../../parse/values.js';

export interface TableOptions extends RowOptions {
  file: string;
  date1904: boolean;
  /** Extra header aliases per canonical column, from the config. */
  aliases?: Aliases;
  /** Hours in a working day, for effort written in days (`2天`, `1人天`). */
  hoursPerDay?: number;
}

/** Rows above the header that may be titles, notes or blank. */
const HEADER_SCAN_ROWS = 30;
const TOTALS = /^(?:合计|总计|小计|共计|汇总|总和|total|totals|grand total|subtotal|sum)[:：]?$/;

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
  const blankWithData = new Set<number>();
  const emit = (row: RawRow): void => {
    if (isEmptyRow(row) || isTotalsRow(row) || isLabelRow(row)) return;
    for (let c = 0; c < row.cells.length; c++) {
      if (!layout!.columns[c] && !blankWithData.has(c) && !isBlank(row.cells[c])) {
        blankWithData.add(c);
        findings.push(finding('schema/blank-header', layout!, c, { column: columnLetter(c) }));
      }
    }
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
        ({ layout, findings } = chooseHeader(head, source.name, role, index, options));
        for (const r of head) if (r.row > layout.headerRow) emit(r);
      }
    }
  }
  if (!layout) {
    ({ layout, findings } = chooseHeader(head, source.name, role, index, options));
    for (const r of head) if (r.row > layout.headerRow) emit(r);
  }
  options.onProgress?.(1);
  return { layout, findings };
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

/** How many canonical columns of a role a row's cells name. */
export function headerScore(row: RawRow, role: SheetRole, index: Map<string, string>): number {
  const keys = new Set<string>();
  for (const cell of row.cells) {
    if (cell?.t !== 's') continue;
    const m = matchHeader(cell.v, role, index);
    if (m.key) keys.add(m.key);
    else if (m.period !== undefined) keys.add('period');
  }
  return keys.size;
}

function chooseHeader(
  head: RawRow[],
  sheet: string,
  role: SheetRole,
  index: Map<string, string>,
  options: TableOptions,
): { layout: Layout; findings: Finding[] } {
  let best: RawRow | undefined;
  let bestScore = 0;
  for (const row of head) {
    const score = headerScore(row, role, index);
    if (score > bestScore) [best, bestScore] = [row, score];
  }
  best ??= head[0];
  const layout: Layout = {
    role,
    file: options.file,
    sheet,
    headerRow: best?.row ?? 0,
    date1904: options.date1904,
    columns: [],
    byKey: new Map(),
  };
  const findings: Finding[] = [];
  const seenHeaders = new Map<string, number>();
  for (let c = 0; c < (best?.cells.length ?? 0); c++) {
    const text = parseText(best!.cells[c], options.date1904);
    if (!text?.ok) continue;
    const header = text.value;
    const m = matchHeader(header, role, index);
    const col: Column = { index: c, letter: columnLetter(c), header, scale: m.scale };
    if (m.period !== undefined) col.period = m.period;
    const same = seenHeaders.get(fold(header));
    if (same !== undefined && m.key && layout.byKey.get(m.key)?.index === same) {
      // Two columns kam reads under one header: which one holds the truth is anybody's guess.
      findings.push(finding('schema/ambiguous-column', layout, c, { header, first: columnLetter(same), column: columnLetter(c) }));
    } else if (same !== undefined) {
      findings.push(finding('schema/duplicate-header', layout, c, { header, first: columnLetter(same) }));
    } else if (m.key && layout.byKey.has(m.key)) {
      findings.push(finding('schema/duplicate-header', layout, c, { header, first: layout.byKey.get(m.key)!.letter }));
    } else if (m.key) {
      col.key = m.key;
      layout.byKey.set(m.key, col);
    }
    seenHeaders.set(fold(header), c);
    layout.columns[c] = col;
  }
  for (const names of KEY_COLUMNS[role]) {
    if (!names.some((k) => layout.byKey.has(k))) {
      findings.push({ rule: 'schema/missing-column', severity: RULES['schema/missing-column'], args: { column: names[0]! }, sheet, ...(layout.headerRow ? { row: layout.headerRow } : {}) });
    }
  }
  return { layout, findings };
}

function finding(rule: keyof typeof RULES, layout: Layout, col: number, args: Finding['args']): Finding {
  return { rule, severity: RULES[rule], args, sheet: layout.sheet, row: layout.headerRow, column: columnLetter(col) };
}

function isEmptyRow(row: RawRow): boolean {
  for (const c of row.cells) if (!isBlank(c)) return false;
  return true;
}

function isTotalsRow(row: RawRow): boolean {
  let seen = 0;
  for (const c of row.cells) {
    if (isBlank(c)) continue;
    if (c!.t === 's' && c!.v.length <= 24 && TOTALS_FIRST.test(c!.v) && TOTALS.test(fold(c!.v).replace(/\s+/g, ''))) return true;
    if (++seen >= 2) return false;
  }
  return false;
}

/** Section labels: `一、华东区`, `（二）华南`, `第三部分`, `二. 重点客户`. */
const SECTION = /^(?:[一二三四五六七八九十百]+\s*[、.．]|[（(][一二三四五六七八九十百]+[)）]|第[一二三四五六七八九十百\d]+\s*[部分章节类组区])/;
/** Notes under a table: `注：…`, `备注：…`, `说明：…`, `单位：万元`, `* …`, `Note: …`. */
const NOTE = /^(?:注\s*\d*|注释|附注|备注|说明|填表说明|单位|数据来源|来源|notes?|remarks?|source)\s*[:：]|^[*※]/i;
/** Sign-off lines: `制表人：王芳`, `审核：…`, `日期：2025-11-15`, `Prepared by: …`. */
const SIGN_OFF = /^(?:制表人?|填表人?|编制人?|审核人?|复核人?|批准人?|审批人?|签字|日期|填表日期|制表日期|编制日期|prepared by|reviewed by|approved by|checked by|date)\s*[:：]/i;

/**
 * A row that labels rather than records (issue 9): one text, alone or repeated across a merged
 * range, that is a section label, a note or a sign-off; or a row of sign-off texts only
 * (`制表人：王芳 | 审核人：李强 | 日期：…`). An account row with only its name filled is not one.
 */
function isLabelRow(row: RawRow): boolean {
  let first: string | undefined;
  let signOffs = false;
  for (const c of row.cells) {
    if (isBlank(c)) continue;
    if (c!.t !== 's') return false;
    if (first === undefined) first = c!.v;
    else if (c!.v !== first) {
      if (!SIGN_OFF.test(c!.v.trim())) return false;
      signOffs = true;
    }
  }
  if (first === undefined) return false;
  const text = first.trim();
  if (signOffs) return SIGN_OFF.test(text);
  return SECTION.test(text) || NOTE.test(text) || SIGN_OFF.test(text);
}

/** A cheap first look (every row is tested): the words of TOTALS start with one of these. */
const TOTALS_FIRST = /^[\s\u3000]*[合总小共汇TtSsＴｔＳｓ]/;
