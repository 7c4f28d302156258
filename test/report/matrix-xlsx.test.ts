// `kam matrix -o raci.xlsx` (issue 10): the styled workbook written the way `-o` writes it, then
// read back with exceljs (fills, conditional formats, drop-downs, panes, filter, print setup,
// notes) and with kam's own reader (the values), in Chinese and in English.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { label } from '../../src/i18n/labels.js';
import type { Lang } from '../../src/model/lang.js';
import { cellValue, sheetRows, type StyledCell } from '../../src/model/styled-sheet.js';
import { reportContext } from '../../src/report/context.js';
import { matrixTable } from '../../src/report/matrix/table.js';
import { BLANK_FILL, FLAG_FILL, LETTER_FILLS, matrixSheets } from '../../src/report/matrix/xlsx.js';
import { tempDir } from '../helpers/books.js';
import { EXAMPLES, kam } from '../helpers/cli.js';
import { writeMatrixXlsx } from '../helpers/matrix-book.js';
import { readBook } from '../helpers/read.js';
import { matrixSample } from './samples.js';

async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** exceljs's reading of a range-wide validation: one entry per cell. */
const validation = (ws: ExcelJS.Worksheet, ref: string): unknown => (ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model[ref];
/** The conditional formats exceljs read (a property its typings leave out). */
const formats = (ws: ExcelJS.Worksheet): ExcelJS.ConditionalFormattingOptions[] => (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
const fillOf = (ws: ExcelJS.Worksheet, ref: string): string | undefined => {
  const fill = ws.getCell(ref).fill as ExcelJS.FillPattern | undefined;
  return fill?.fgColor?.argb;
};

const NAMES: Record<Lang, string[]> = {
  zh: ['按客户', '按工作', '按人员', '人员合计', '说明'],
  en: ['By account', 'By task', 'By person', 'Totals', 'Legend'],
};
const TIERS = { zh: { strategic: '战略客户', normal: '普通客户' }, en: { strategic: 'Strategic', normal: 'Ordinary' } } as const;
const LEGEND_REF: Record<Lang, string> = { zh: "'说明'!$A$2:$A$7", en: "'Legend'!$A$2:$A$7" };

describe.each(['zh', 'en'] as const)('the matrix workbook in %s', (lang) => {
  const m = matrixSample({ allViews: true });
  const file = join(tempDir(), `raci-${lang}.xlsx`);
  const written = writeMatrixXlsx(m, lang, file);

  it('has a sheet per view, the totals and the legend', async () => {
    await written;
    expect((await readWorkbook(file)).worksheets.map((ws) => ws.name)).toEqual(NAMES[lang]);
  });

  it('writes the account view: departments over people, the header, letters, checks and rules', async () => {
    const ws = (await readWorkbook(await written)).getWorksheet(NAMES[lang][0])!;
    const values = (r: number): unknown[] => Array.from({ length: 11 }, (_, c) => ws.getRow(r).getCell(c + 1).value ?? null);
    expect(values(1)).toEqual([null, null, null, null, 'Sales', 'Sales', 'Service', 'Service', null, null, null]);
    expect(ws.model.merges.sort()).toEqual(['E1:F1', 'G1:H1']);
    const tier = (id: 'strategic' | 'normal'): string => TIERS[lang][id];
    expect(values(2)).toEqual([label(lang, 'matrix.account'), label(lang, 'matrix.accountId'), label(lang, 'matrix.tier'), label(lang, 'matrix.task'), 'Alice', 'Bob', '=Carol', label(lang, 'matrix.departmentColumn', { name: 'Service' }), '#A', '#R', label(lang, 'matrix.rules')]);
    expect(values(3)).toEqual(['Apex', 'A1', tier('strategic'), 'Follow-up', 'R', 'A', null, null, 1, 1, null]);
    expect(values(5)).toEqual(['Bolt', 'A2', tier('normal'), 'Follow-up', 'R', null, 'R', null, 0, 2, 'raci/no-accountable raci/role-conflict']);
    expect(values(6)).toEqual(['Bolt', 'A2', tier('normal'), 'Complaints', null, 'A/R', null, null, 1, 1, null]);
    expect(ws.getCell('A2').font?.bold).toBe(true);
  });

  it('fills letters by their first letter in A, R, C, I order, and leaves empty cells unfilled', async () => {
    const ws = (await readWorkbook(await written)).getWorksheet(NAMES[lang][0])!;
    expect(fillOf(ws, 'E3')).toBe(LETTER_FILLS.R);
    expect(fillOf(ws, 'F3')).toBe(LETTER_FILLS.A);
    expect(fillOf(ws, 'E4')).toBe(LETTER_FILLS.C);
    expect(fillOf(ws, 'F6')).toBe(LETTER_FILLS.A); // A/R
    expect(fillOf(ws, 'G3')).toBeUndefined();
    // An empty cell has no style of its own (a wide matrix is mostly empty); a filled one its grid line.
    expect(ws.getCell('G3').border?.top).toBeUndefined();
    expect(ws.getCell('E3').border?.top?.style).toBe('thin');
  });

  it('colours the letters cells by conditional formats too, so that colours follow an edit', async () => {
    const ws = (await readWorkbook(await written)).getWorksheet(NAMES[lang][0])!;
    const cf = formats(ws);
    expect(cf.map((c) => c.ref)).toEqual(['E3:H6']);
    const rules = cf[0]!.rules.map((r) => {
      const fill = (r.style?.fill as ExcelJS.FillPattern | undefined)?.bgColor?.argb;
      return [r.type, r.priority, (r as ExcelJS.ExpressionRuleType).formulae?.[0], fill];
    });
    expect(rules).toEqual([
      ['expression', 1, 'ISNUMBER(SEARCH("A",E3))', LETTER_FILLS.A],
      ['expression', 2, 'ISNUMBER(SEARCH("R",E3))', LETTER_FILLS.R],
      ['expression', 3, 'ISNUMBER(SEARCH("C",E3))', LETTER_FILLS.C],
      ['expression', 4, 'ISNUMBER(SEARCH("I",E3))', LETTER_FILLS.I],
      ['expression', 5, 'LEN(E3)=0', BLANK_FILL],
    ]);
  });

  it('offers the codes of the legend as a drop-down on every letters cell, and nowhere else', async () => {
    const ws = (await readWorkbook(await written)).getWorksheet(NAMES[lang][0])!;
    const dv = { type: 'list', formulae: [LEGEND_REF[lang]], allowBlank: true, showErrorMessage: true, errorStyle: 'stop' };
    for (const ref of ['E3', 'H3', 'E6', 'H6', 'G4']) expect(validation(ws, ref), ref).toEqual(dv);
    for (const ref of ['D3', 'I3', 'E2', 'E7']) expect(validation(ws, ref), ref).toBeUndefined();
  });

  it('freezes the header rows and key columns, filters the header row and prints landscape on one page wide', async () => {
    const ws = (await readWorkbook(await written)).getWorksheet(NAMES[lang][0])!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 4, ySplit: 2, topLeftCell: 'E3' });
    expect(ws.autoFilter).toBe('A2:K6');
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2' });
    expect(ws.getColumn(2).width).toBe((lang === 'zh' ? 8 : 10) + 2); // 客户编号 / Account ID by display width
    expect(ws.getColumn(11).width).toBe(40); // the rules, cut to 40 and wrapped
    expect(ws.getCell('K5').alignment?.wrapText).toBe(true);
  });

  it('marks a check cell that breaks a rule red, with a note naming the rule', async () => {
    const ws = (await readWorkbook(await written)).getWorksheet(NAMES[lang][0])!;
    expect(ws.getCell('I4').value).toBe(0);
    expect(fillOf(ws, 'I4')).toBe(FLAG_FILL);
    expect(ws.getCell('I4').note).toBe(label(lang, 'matrix.note.a', { n: 0, rule: 'raci/no-accountable' }));
    expect(ws.getCell('I4').note).toContain('raci/no-accountable');
    expect(fillOf(ws, 'I3')).toBeUndefined();
    expect(ws.getCell('I3').note).toBeUndefined();
    expect(ws.getCell('J5').note).toBeUndefined(); // #R = 2 is within the default max of 3
  });

  it('writes the person view with drop-downs and colours on its letters column; the task view counts, unstyled', async () => {
    const wb = await readWorkbook(await written);
    const person = wb.getWorksheet(NAMES[lang][2])!;
    expect(person.getRow(2).values).toEqual([undefined, 'Alice', 'Apex', 'A1', lang === 'zh' ? '战略客户' : 'Strategic', 'Follow-up', 'R', 4]);
    expect(formats(person).map((c) => [c.ref, (c.rules[0] as ExcelJS.ExpressionRuleType).formulae?.[0]])).toEqual([['F2:F8', 'ISNUMBER(SEARCH("A",F2))']]);
    expect(validation(person, 'F7')).toMatchObject({ type: 'list', formulae: [LEGEND_REF[lang]] });
    expect(validation(person, 'G7')).toBeUndefined();
    expect(person.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
    const task = wb.getWorksheet(NAMES[lang][1])!;
    expect(task.getRow(3).values).toEqual([undefined, 'Follow-up', 2, 'R 2', 'A 1', 'R 1']);
    expect(formats(task)).toEqual([]);
    expect(validation(task, 'C3')).toBeUndefined();
    expect(task.autoFilter).toBe('A2:F5');
  });

  it('explains the codes in both languages, the check columns, the source file and the date in the legend', async () => {
    const ws = (await readWorkbook(await written)).getWorksheet(NAMES[lang][4])!;
    const col = (c: string, from: number, to: number): unknown[] => Array.from({ length: to - from + 1 }, (_, i) => ws.getCell(`${c}${from + i}`).value ?? null);
    expect(col('A', 1, 7)).toEqual([label(lang, 'matrix.legend.code'), 'R', 'A', 'C', 'I', 'A/R', null]);
    expect(col('B', 2, 7)).toEqual(['负责：执行这项工作', '批准：对结果最终负责，每项工作恰好一人', '咨询：事前征求意见', '知会：事后通知', '批准并负责：同一人既批准又执行', '（空）不参与']);
    expect(col('C', 2, 3)).toEqual(['Responsible: does the work', 'Accountable: answers for the result; exactly one per task']);
    expect(fillOf(ws, 'A3')).toBe(LETTER_FILLS.A);
    expect(col('A', 10, 12)).toEqual(['#A', '#R', label(lang, 'matrix.rules')]);
    expect(ws.getCell('B11').value).toBe(label(lang, 'matrix.legend.r', { max: 3 }));
    expect(col('A', 15, 16)).toEqual([label(lang, 'matrix.legend.source'), label(lang, 'matrix.legend.asOf')]);
    expect(col('B', 15, 16)).toEqual(['book.xlsx', m.asOf]);
  });

  it("reads back with kam's own reader as the values of the CSV", async () => {
    const book = await readBook(await written);
    expect(book.map((s) => s.name)).toEqual(NAMES[lang]);
    const text = (v: unknown): string | number | undefined => (v === '' || v === null || v === undefined ? undefined : (v as string | number));
    for (const [i, view] of (['account', 'task', 'person'] as const).entries()) {
      const table = matrixTable(m.views![view], lang);
      const head = view === 'person' ? 1 : 2;
      const rows = book[i]!.rows.filter((r) => r.row >= head).map((r) => [r.row, ...table.header.map((_, c) => r.cells[c]?.v)]);
      expect(rows, view).toEqual([table.header, ...table.rows].map((values, r) => [head + r, ...values.map(text)]));
    }
  });
});

describe('the matrix sheets', () => {
  it('flag #R above the maximum with a note naming raci/too-many-responsible', () => {
    const m = matrixSample();
    const [account] = matrixSheets({ ...m, maxResponsible: 1 }, reportContext('en', false));
    const bolt = sheetRows(account!)[4]!; // Bolt · Follow-up: Alice and =Carol are R
    expect(cellValue(bolt[3]!)).toBe('Follow-up');
    expect(bolt[9]).toEqual({ value: 2, fill: FLAG_FILL, note: '#R = 2, more than 1 (raci/too-many-responsible)' });
    expect(sheetRows(account!)[2]![9]).toBe(1);
  });

  it('are only the matrix view, the totals and the legend when the matrix carries no other view', () => {
    const sheets = matrixSheets(matrixSample({ view: 'task' }), reportContext('en', false));
    expect(sheets.map((s) => s.name)).toEqual(['By task', 'Totals', 'Legend']);
    const legend = sheetRows(sheets[2]!)[1]![0] as StyledCell;
    expect(legend).toMatchObject({ value: 'R', fill: LETTER_FILLS.R });
  });
});

describe('kam matrix -o raci.xlsx', () => {
  it('writes every view whatever --view says', async () => {
    const out = join(tempDir(), 'raci.xlsx');
    const r = await kam(['matrix', join(EXAMPLES, 'accounts-zh.xlsx'), '--view', 'person', '--lang', 'zh', '-o', out]);
    expect(r.stdout).toBe('');
    const book = await readBook(out);
    expect(book.map((s) => s.name)).toEqual(NAMES.zh);
    // The same rows as the CSV of each view.
    for (const [i, view] of (['account', 'task', 'person'] as const).entries()) {
      const csv = await kam(['matrix', join(EXAMPLES, 'accounts-zh.xlsx'), '--view', view, '--lang', 'zh', '--format', 'csv', '--quiet']);
      const lines = csv.stdout.trimEnd().split('\n');
      expect(book[i]!.rows.length, view).toBe(lines.length + (view === 'person' ? 0 : 1));
    }
  });
});
