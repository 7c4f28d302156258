/**
 * `kam matrix -o raci.xlsx`: a workbook for managers to work in — a sheet per view (by account, by
 * task, by person), the totals per column and a legend. Letter cells are filled by their letters
 * and carry conditional formats that colour them again when edited, and drop-downs fed from the
 * legend's list of codes; flagged check cells are red with a note naming the rule. The values are
 * those of the CSV (matrixTable); this file only adds the presentation.
 */
import type { Lang } from '../../model/lang.js';
import type { Value } from '../../model/sheet-data.js';
import type { Area, Cell, ConditionalRule, Row, StyledCell, StyledSheet } from '../../model/styled-sheet.js';
import { MATRIX_VIEWS, type Matrix, type MatrixColumn, type MatrixRow, type MatrixView } from '../../matrix/build.js';
import { lettersText } from '../../model/codes.js';
import { label, type LabelKey } from '../../i18n/labels.js';
import { columnLetter } from '../../util/cellref.js';
import { displayWidth } from '../../util/width.js';
import type { ReportContext } from '../context.js';
import { matrixRows, rowFlags, tierText, totalsTable, type MatrixRows } from './table.js';

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

/**
 * One view as a sheet: a department row over the people (when grouped so), the header, the rows.
 * The rows are made as the writer asks for them; the account view's give only their non-empty
 * cells (a whole book's matrix is hundreds of thousands of activities by thousands of people).
 */
function viewSheet(v: Matrix, lang: Lang, codes: { sheet: string; area: Area }): StyledSheet {
  const table = matrixRows(v, lang);
  // Key columns before the matrix: account, id, tier, task | task, accounts | person, account, id, tier, task.
  const keys = v.view === 'account' ? 4 : v.view === 'task' ? 2 : 5;
  const letterCols = v.view === 'account' ? new Set(v.columns.map((_, i) => keys + i)) : v.view === 'person' ? new Set([keys]) : new Set<number>();
  const grouped = v.view !== 'person' && v.columnMode === 'person' && v.columns.some((c) => c.department !== undefined);
  const head = grouped ? 2 : 1;
  const merges: Area[] = [];
  const top: Cell[][] = [];
  if (grouped) top.push(departmentRow(v.columns, keys, merges));
  top.push(table.header.map((h): StyledCell => ({ value: h, bold: true, wrap: true, border: true })));
  const body = v.view === 'account' ? accountRows(v, lang, keys) : plainRows(table, letterCols);
  const rows = function* (): Generator<Row> {
    yield* top;
    yield* body.rows();
  };
  const bottom = head + Math.max(table.count, 1);
  const sheet: StyledSheet = {
    kind: 'styled',
    name: table.name,
    rows: { [Symbol.iterator]: rows },
    widths: body.widths(table.header, (c) => (letterCols.has(c) ? 6 : 8)),
    merges,
    freeze: { rows: head, columns: v.view === 'account' ? keys : 1 },
    autoFilter: { top: head, left: 1, bottom, right: table.header.length },
    print: { landscape: true, fitToWidth: true, titleRows: head },
  };
  if (letterCols.size > 0 && table.count > 0) {
    const cols = [...letterCols];
    const area = { top: head + 1, left: Math.min(...cols) + 1, bottom, right: Math.max(...cols) + 1 };
    sheet.conditional = [{ area, rules: letterRules(`${columnLetter(area.left - 1)}${area.top}`) }];
    sheet.validations = [{ area, source: codes }];
  }
  return sheet;
}

/** A view's body: its rows, made on demand, and its columns' widths. */
interface Body {
  rows(): Iterable<Row>;
  widths(header: readonly string[], min: (c: number) => number): number[];
}

/** The task and person views: every cell of each row, letters styled. */
function plainRows(table: MatrixRows, letterCols: ReadonlySet<number>): Body {
  // One cell object per letters text: the writer styles each object once.
  const letterCells = new Map<Value, Cell>();
  const letters = (value: Value): Cell => {
    let cell = letterCells.get(value);
    if (cell === undefined) letterCells.set(value, (cell = letterCell(value)));
    return cell;
  };
  return {
    *rows() {
      for (let i = 0; i < table.count; i++) yield table.row(i).map((value, c): Cell => (letterCols.has(c) ? letters(value) : value));
    },
    widths(header, min) {
      const widest = header.map((h, c) => width(h, min(c)));
      for (let i = 0; i < table.count; i++) table.row(i).forEach((value, c) => (widest[c] = width(value, widest[c]!)));
      return widest.map((w) => Math.min(MAX_WIDTH, w));
    },
  };
}

/**
 * The account view: the keys, the letters each column holds (only those), #A and #R (red with a
 * note when they break a rule) and the rules; a row's cells are made as it is written.
 */
function accountRows(v: Matrix, lang: Lang, keys: number): Body {
  const tier = tierText(v, lang);
  const n = v.columns.length;
  const index = new Map(v.columns.map((c, i) => [c.key, i]));
  const letterCells = new Map<number, Cell>();
  const letters = (mask: number): Cell => {
    let cell = letterCells.get(mask);
    if (cell === undefined) letterCells.set(mask, (cell = letterCell(lettersText(mask))));
    return cell;
  };
  /** The held columns of a row (0-based, among the people) with their masks, in column order. */
  const held = (r: MatrixRow): [number, number][] => {
    const out: [number, number][] = [];
    r.cells.forEach((mask, key) => {
      if (mask !== 0) out.push([index.get(key)!, mask]);
    });
    return out.sort((a, b) => a[0] - b[0]);
  };
  return {
    *rows() {
      for (const r of v.rows) {
        const columns = [0, 1, 2, 3];
        const cells: Cell[] = [r.account, r.accountId ?? '', tier(r.tier), r.task];
        for (const [i, mask] of held(r)) {
          columns.push(keys + i);
          cells.push(letters(mask));
        }
        const flags = rowFlags(v, r);
        columns.push(keys + n, keys + n + 1, keys + n + 2);
        cells.push(
          flags.a ? { value: r.a, fill: FLAG_FILL, note: label(lang, 'matrix.note.a', { n: r.a, rule: r.a === 0 ? 'raci/no-accountable' : 'raci/multiple-accountable' }) } : r.a,
          flags.r ? { value: r.r, fill: FLAG_FILL, note: r.r === 0 ? label(lang, 'matrix.note.r0', { rule: 'raci/no-responsible' }) : label(lang, 'matrix.note.rmax', { n: r.r, max: v.maxResponsible, rule: 'raci/too-many-responsible' }) } : r.r,
          { value: r.rules.join(' '), wrap: true },
        );
        yield { columns, cells };
      }
    },
    widths(header, min) {
      const widest = header.map((h, c) => width(h, min(c)));
      const at = (c: number, value: Value): void => void (widest[c] = width(value, widest[c]!));
      for (const r of v.rows) {
        [r.account, r.accountId ?? '', tier(r.tier), r.task].forEach((value, c) => at(c, value));
        for (const [i, mask] of held(r)) at(keys + i, lettersText(mask));
        at(keys + n, r.a);
        at(keys + n + 1, r.r);
        at(keys + n + 2, r.rules.join(' '));
      }
      return widest.map((w) => Math.min(MAX_WIDTH, w));
    },
  };
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
  return Math.min(MAX_WIDTH, values.reduce<number>((w, v) => width(v, w), min));
}

/**
 * The wider of `w` and what `value` needs (its display width and a margin), as far as MAX_WIDTH
 * (the width is capped there). A text is measured only when it could be wider: no character takes
 * more than two columns, so a text of n UTF-16 units needs at most 2n + 2 (a whole book's person
 * view is 4.8 million cells, and nearly all are known without being measured).
 */
function width(value: Value, w: number): number {
  if (w >= MAX_WIDTH || value === null || value === undefined) return Math.max(w, 2);
  const text = typeof value === 'string' ? value : String(value);
  if (text.length * 2 + 2 <= w) return w;
  return Math.max(w, displayWidth(text) + 2);
}
