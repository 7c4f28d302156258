/**
 * `kam matrix -o raci.xlsx`: a workbook for managers to work in — a sheet per view (by account, by
 * task, by person), the totals per column and a legend. Letter cells are filled by their letters
 * and carry conditional formats that colour them again when edited, and drop-downs fed from the
 * legend's list of codes; flagged check cells are red with a note naming the rule. The values are
 * those of the CSV (matrixTable); this file only adds the presentation.
 */
import type { Lang } from '../../model/lang.js';
import type { Value } from '../../model/sheet-data.js';
import type { Area, Cell, ConditionalRule, StyledCell, StyledSheet } from '../../model/styled-sheet.js';
import { MATRIX_VIEWS, type Matrix, type MatrixColumn, type MatrixView } from '../../matrix/build.js';
import { label, type LabelKey } from '../../i18n/labels.js';
import { columnLetter } from '../../util/cellref.js';
import { displayWidth } from '../../util/width.js';
import type { ReportContext } from '../context.js';
import { matrixTable, rowFlags, totalsTable } from './table.js';

/** A letters cell's fill: that of its first letter in A, R, C, I order (`A/R` takes A's). */
export const LETTER_FILLS = { A: 'FFF4CCCC', R: 'FFD9EAD3', C: 'FFCFE2F3', I: 'FFEEEEEE' } as const;
/** A check cell whose count breaks a RACI rule. */
export const FLAG_FILL = 'FFFF7C80';
/** What an emptied letters cell turns to (a conditional format cannot take a fill away). */
export const BLANK_FILL = 'FFFFFFFF';
/** The drop-downs' choices, in the legend's first column from row 2; the last is the empty cell. */
export const LEGEND_CODES = ['R', 'A', 'C', 'I', 'A/R', ''] as const;

const LETTERS = ['A', 'R', 'C', 'I'] as const;
const MAX_WIDTH = 40;

/** The sheets of `-o raci.xlsx`: each view the matrix carries (all three from `kam matrix`), the totals, the legend. */
export function matrixSheets(m: Matrix, ctx: ReportContext): StyledSheet[] {
  const { lang } = ctx;
  const views: Partial<Record<MatrixView, Matrix>> = m.views ?? { [m.view]: m };
  const codes = { sheet: label(lang, 'matrix.sheet.legend'), area: { top: 2, left: 1, bottom: 1 + LEGEND_CODES.length, right: 1 } };
  const sheets = MATRIX_VIEWS.flatMap((view) => (views[view] ? [viewSheet(views[view], lang, codes)] : []));
  if (m.columns.length > 0) sheets.push(totalsSheet(m, lang));
  sheets.push(legendSheet(m, lang));
  return sheets;
}

/** A letters cell, filled by its letters, with a grid line. */
function letterCell(value: Value): StyledCell {
  const text = typeof value === 'string' ? value : '';
  // An empty cell carries no style of its own (a wide matrix is mostly empty: styling every cell
  // costs exceljs seconds and hundreds of MiB); the sheet's grid lines and the drop-down stay.
  if (text === '') return { value };
  const letter = LETTERS.find((l) => text.split('/').includes(l));
  return { value, border: true, ...(letter ? { fill: LETTER_FILLS[letter] } : {}) };
}

/** One view as a sheet: a department row over the people (when grouped so), the header, the rows. */
function viewSheet(v: Matrix, lang: Lang, codes: { sheet: string; area: Area }): StyledSheet {
  const table = matrixTable(v, lang);
  // Key columns before the matrix: account, id, tier, task | task, accounts | person, account, id, tier, task.
  const keys = v.view === 'account' ? 4 : v.view === 'task' ? 2 : 5;
  const n = v.columns.length;
  const letterCols = v.view === 'account' ? new Set(v.columns.map((_, i) => keys + i)) : v.view === 'person' ? new Set([keys]) : new Set<number>();
  const grouped = v.view !== 'person' && v.columnMode === 'person' && v.columns.some((c) => c.department !== undefined);
  const head = grouped ? 2 : 1;
  const rows: Cell[][] = [];
  const merges: Area[] = [];
  if (grouped) rows.push(departmentRow(v.columns, keys, merges));
  rows.push(table.header.map((h): StyledCell => ({ value: h, bold: true, wrap: true, border: true })));
  table.rows.forEach((values, i) => {
    const row: Cell[] = values.map((value, c) => (letterCols.has(c) ? letterCell(value) : value));
    if (v.view === 'account') {
      const r = v.rows[i]!;
      const flags = rowFlags(v, r);
      if (flags.a) row[keys + n] = { value: r.a, fill: FLAG_FILL, note: label(lang, 'matrix.note.a', { n: r.a, rule: r.a === 0 ? 'raci/no-accountable' : 'raci/multiple-accountable' }) };
      if (flags.r) row[keys + n + 1] = { value: r.r, fill: FLAG_FILL, note: r.r === 0 ? label(lang, 'matrix.note.r0', { rule: 'raci/no-responsible' }) : label(lang, 'matrix.note.rmax', { n: r.r, max: v.maxResponsible, rule: 'raci/too-many-responsible' }) };
      row[keys + n + 2] = { value: values[keys + n + 2], wrap: true };
    }
    rows.push(row);
  });
  const bottom = head + Math.max(table.rows.length, 1);
  const sheet: StyledSheet = {
    kind: 'styled',
    name: table.name,
    rows,
    widths: table.header.map((h, c) => columnWidth([h, ...table.rows.map((r) => r[c])], letterCols.has(c) ? 6 : 8)),
    merges,
    freeze: { rows: head, columns: v.view === 'account' ? keys : 1 },
    autoFilter: { top: head, left: 1, bottom, right: table.header.length },
    print: { landscape: true, fitToWidth: true, titleRows: head },
  };
  if (letterCols.size > 0 && table.rows.length > 0) {
    const cols = [...letterCols];
    const area = { top: head + 1, left: Math.min(...cols) + 1, bottom, right: Math.max(...cols) + 1 };
    sheet.conditional = [{ area, rules: letterRules(`${columnLetter(area.left - 1)}${area.top}`) }];
    sheet.validations = [{ area, source: codes }];
  }
  return sheet;
}

/**
 * The conditional formats of letters cells, for the area whose top-left cell is `ref`: A, R, C, I
 * in that order (the first wins, as the fills), and white for an emptied cell.
 */
export function letterRules(ref: string): ConditionalRule[] {
  return [...LETTERS.map((l) => ({ formula: `ISNUMBER(SEARCH("${l}",${ref}))`, fill: LETTER_FILLS[l] })), { formula: `LEN(${ref})=0`, fill: BLANK_FILL }];
}

/** The department over each run of its people, merged across the run. */
function departmentRow(columns: readonly MatrixColumn[], keys: number, merges: Area[]): Cell[] {
  const row: Cell[] = Array.from({ length: keys }, () => '');
  let i = 0;
  while (i < columns.length) {
    const dept = columns[i]!.department;
    let j = i;
    while (j < columns.length && columns[j]!.department === dept) j++;
    row.push({ value: dept ?? '', bold: true, border: true }, ...Array.from({ length: j - i - 1 }, () => ''));
    if (j - i > 1) merges.push({ top: 1, left: keys + i + 1, bottom: 1, right: keys + j });
    i = j;
  }
  return row;
}

/** Letters held, accounts, hours and utilisation per column. */
function totalsSheet(m: Matrix, lang: Lang): StyledSheet {
  const table = totalsTable(m, lang);
  return {
    kind: 'styled',
    name: table.name,
    rows: [table.header.map((h): StyledCell => ({ value: h, bold: true, wrap: true, border: true })), ...table.rows],
    widths: table.header.map((h, c) => columnWidth([h, ...table.rows.map((r) => r[c])], 6)),
    formats: [undefined, undefined, undefined, undefined, undefined, undefined, '0.00', '0%'],
    freeze: { rows: 1, columns: 1 },
    autoFilter: { top: 1, left: 1, bottom: 1 + Math.max(table.rows.length, 1), right: table.header.length },
    print: { landscape: true, fitToWidth: true, titleRows: 1 },
  };
}

/** The legend: the codes in zh and en (the drop-downs' source), the check columns, the source file and date. */
function legendSheet(m: Matrix, lang: Lang): StyledSheet {
  const bold = (value: string): StyledCell => ({ value, bold: true });
  const wrap = (value: string): StyledCell => ({ value, wrap: true });
  const codeKey = (code: string): LabelKey => (code === '' ? 'matrix.legend.none' : (`matrix.legend.${code}` as LabelKey));
  const rows: Cell[][] = [
    [bold(label(lang, 'matrix.legend.code')), bold('中文'), bold('English')],
    ...LEGEND_CODES.map((code) => [letterCell(code), wrap(label('zh', codeKey(code))), wrap(label('en', codeKey(code)))]),
    [],
    [bold(label(lang, 'matrix.legend.checks'))],
    ['#A', wrap(label(lang, 'matrix.legend.a'))],
    ['#R', wrap(label(lang, 'matrix.legend.r', { max: m.maxResponsible }))],
    [label(lang, 'matrix.rules'), wrap(label(lang, 'matrix.legend.rules'))],
    ['', wrap(label(lang, 'matrix.legend.counted'))],
    [],
    [bold(label(lang, 'matrix.legend.source')), m.file],
    [bold(label(lang, 'matrix.legend.asOf')), m.asOf],
  ];
  return { kind: 'styled', name: label(lang, 'matrix.sheet.legend'), rows, widths: [14, 44, 56], freeze: { rows: 1, columns: 0 }, print: { landscape: true, fitToWidth: true } };
}

/** A column's width in characters: its widest value by display width, within bounds. */
function columnWidth(values: readonly Value[], min: number): number {
  const widest = values.reduce<number>((w, v) => Math.max(w, displayWidth(v === null || v === undefined ? '' : String(v)) + 2), min);
  return Math.min(MAX_WIDTH, widest);
}
