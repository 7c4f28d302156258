// The matrix workbook opens in LibreOffice (issue 10): converted headless to CSV, sheet by sheet,
// it gives the values kam wrote; re-saved as .xlsx, it keeps the filters, the conditional formats,
// the drop-downs' source and the print titles. Never skipped: .ci/run installs LibreOffice.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cellValue, sheetRows } from '../../src/model/styled-sheet.js';
import type { Lang } from '../../src/model/lang.js';
import { reportContext } from '../../src/report/context.js';
import { renderSheets } from '../../src/report/index.js';
import { tempDir } from '../helpers/books.js';
import { soffice } from '../helpers/soffice.js';
import { writeMatrixXlsx } from '../helpers/matrix-book.js';
import { matrixSample } from './samples.js';

const LANGS = ['zh', 'en'] as const;
const CSV_ALL_SHEETS = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

/** A value as CSV shows it: numbers as numbers (LibreOffice writes a percentage with its %), the rest as text. */
function norm(v: unknown): string | number {
  const s = v === null || v === undefined ? '' : String(v);
  if (/^-?\d+(\.\d+)?%$/.test(s)) return Number((Number(s.slice(0, -1)) / 100).toFixed(6));
  if (/^-?\d+(\.\d+)?$/.test(s)) return Number(Number(s).toFixed(6));
  return s;
}
const trimRow = (row: (string | number)[]): (string | number)[] => {
  const out = [...row];
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
};

describe('the matrix workbook in LibreOffice', () => {
  const dir = tempDir('kam-lo-');
  const m = matrixSample({ allViews: true });
  const files: Record<Lang, string> = { zh: join(dir, 'raci-zh.xlsx'), en: join(dir, 'raci-en.xlsx') };

  beforeAll(async () => {
    for (const lang of LANGS) await writeMatrixXlsx(m, lang, files[lang]);
    mkdirSync(join(dir, 'csv'));
    mkdirSync(join(dir, 'xlsx'));
    soffice(dir, CSV_ALL_SHEETS, join(dir, 'csv'), Object.values(files));
    soffice(dir, 'xlsx:Calc MS Excel 2007 XML', join(dir, 'xlsx'), Object.values(files));
  }, 240_000);

  it.each(LANGS)('gives, sheet by sheet, the values kam wrote (%s)', (lang) => {
    const sheets = renderSheets('matrix', m, reportContext(lang, false));
    expect(sheets).toHaveLength(5);
    for (const sheet of sheets) {
      const csv = join(dir, 'csv', `raci-${lang}-${sheet.name}.csv`);
      expect(existsSync(csv), csv).toBe(true);
      const got = (parse(readFileSync(csv, 'utf8'), { relaxColumnCount: true }) as string[][]).map((r) => trimRow(r.map(norm)));
      const rows = 'kind' in sheet ? sheetRows(sheet).map((r) => Array.from(r, (c) => cellValue(c))) : [sheet.header, ...sheet.rows];
      expect(got, sheet.name).toEqual(rows.map((r) => trimRow(r.map(norm))));
    }
  });

  it.each(LANGS)('keeps the filters, conditional formats, drop-downs and print titles when it re-saves the workbook (%s)', async (lang) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'xlsx', `raci-${lang}.xlsx`));
    const legend = lang === 'zh' ? '说明' : 'Legend';
    const account = wb.worksheets[0]!;
    expect(account.name).toBe(lang === 'zh' ? '按客户' : 'By account');
    expect(account.getCell('F6').value).toBe('A/R');
    expect(account.autoFilter).toBe('A2:K6');
    const cf = (account as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
    expect(cf.map((c) => [c.ref, c.rules.map((r) => (r as ExcelJS.ExpressionRuleType).formulae?.[0])])).toEqual([
      ['E3:H6', ['ISNUMBER(SEARCH("A",E3))', 'ISNUMBER(SEARCH("R",E3))', 'ISNUMBER(SEARCH("C",E3))', 'ISNUMBER(SEARCH("I",E3))', 'LEN(E3)=0']],
    ]);
    const dv = (account as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
    expect(dv.E3?.type).toBe('list');
    // LibreOffice quotes a sheet name only where it must.
    expect(String(dv.H6?.formulae[0]).replace(/'/g, '')).toBe(`${legend}!$A$2:$A$7`);
    expect(account.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2' });
    expect(wb.worksheets[4]!.getCell('A6').value).toBe('A/R');
  });
});
