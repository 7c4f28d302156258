import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAccounts } from '../../src/io/sheets/accounts.js';
import { splitUnit, matchHeader, aliasIndex } from '../../src/parse/headers.js';
import { openBook } from '../../src/io/open.js';
import { locateSheets } from '../../src/io/sheets/locate.js';
import { readTable } from '../../src/io/table/scan.js';
import { tempDir, writeBook } from '../helpers/books.js';

const dir = tempDir();

describe('headers', () => {
  const index = aliasIndex('accounts');
  it.each([
    ['年采购额(万元)', 'annual_revenue', 1e4],
    ['年采购额（万元）', 'annual_revenue', 1e4],
    ['年采购额（单位：万元）', 'annual_revenue', 1e4],
    ['年采购额/万元', 'annual_revenue', 1e4],
    ['合同金额(元)', 'contract_value', 1],
    ['合同金额(千元)', 'contract_value', 1e3],
    ['Annual Revenue (CNY 10k)', 'annual_revenue', 1e4],
    ['Annual Revenue (10k)', 'annual_revenue', 1e4],
    ['Annual_Revenue', 'annual_revenue', 1],
    ['*客户名称', 'name', 1],
    ['客户名称（全称）', 'name', 1],
    ['满意度(%)', 'satisfaction', 0.01],
    ['ＡＣＣＯＵＮＴ　ＮＡＭＥ', 'name', 1],
  ])('%s → %s ×%d', (header, key, scale) => {
    expect(matchHeader(header, 'accounts', index)).toMatchObject({ key, scale });
  });
  it('recognises revenue per period', () => {
    expect(matchHeader('2024年采购额(万元)', 'accounts', index)).toEqual({ scale: 1e4, period: 20240 });
    expect(matchHeader('revenue_2023', 'accounts', index)).toEqual({ scale: 1, period: 20230 });
    expect(matchHeader('FY2022 Revenue', 'accounts', index)).toEqual({ scale: 1, period: 20220 });
    expect(matchHeader('2024年度采购额', 'accounts', index)).toMatchObject({ period: 20240 });
    expect(matchHeader('2024 Notes', 'accounts', index)).toEqual({ scale: 1 });
  });
  it('keeps __proto__ and constructor as plain headers', () => {
    expect(matchHeader('__proto__', 'accounts', index)).toEqual({ scale: 1 });
    expect(matchHeader('constructor', 'accounts', index)).toEqual({ scale: 1 });
    expect(splitUnit('x(万)')).toEqual({ base: 'x', scale: 1e4 });
  });
  it('takes extra aliases from the config', () => {
    const custom = aliasIndex('accounts', { annual_revenue: ['年度采购总额'] });
    expect(matchHeader('年度采购总额(万元)', 'accounts', custom)).toMatchObject({ key: 'annual_revenue', scale: 1e4 });
  });
});

describe('tables', () => {
  it('finds the header under title rows, skips blank and totals rows, keeps unknown columns', async () => {
    const path = await writeBook(join(dir, 't.xlsx'), [
      {
        name: '大客户名单',
        rows: [
          ['2025年大客户管理分工明确表'],
          ['说明：单位万元'],
          [],
          ['序号', '客户名称', '年采购额(万元)', '内部代码', '__proto__'],
          [1, '华东精密', 120, 'X1', 'p'],
          [],
          [2, '北方重工', 80, 'X2', 'q'],
          ['合计', null, 200],
          [null, '总计', 200],
        ],
      },
    ]);
    const book = await openBook(path);
    const { layout, rows, findings } = await readTable(book.sheets[0]!, 'accounts', { file: path, date1904: false });
    expect(layout.headerRow).toBe(4);
    expect(layout.byKey.get('name')?.letter).toBe('B');
    expect(layout.byKey.get('annual_revenue')).toMatchObject({ letter: 'C', scale: 1e4 });
    expect(layout.columns.map((c) => c?.header)).toEqual(['序号', '客户名称', '年采购额(万元)', '内部代码', '__proto__']);
    expect(rows.map((r) => r.row)).toEqual([5, 7]);
    expect(findings).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports duplicate and blank headers instead of merging them', async () => {
    const path = await writeBook(join(dir, 'dup.xlsx'), [
      { name: 'Accounts', rows: [['Name', 'Revenue', 'Revenue', null, 'Company Name'], ['A', 1, 2, 'orphan', 'A Ltd']] },
    ]);
    const book = await openBook(path);
    const { findings } = await readTable(book.sheets[0]!, 'accounts', { file: path, date1904: false });
    expect(findings.map((f) => [f.rule, `${f.column}${f.row}`])).toEqual([
      ['schema/duplicate-header', 'C1'],
      ['schema/duplicate-header', 'E1'],
      ['schema/blank-header', 'D1'],
    ]);
  });

  it('reports a missing required column', async () => {
    const path = await writeBook(join(dir, 'noname.xlsx'), [{ name: 'Accounts', rows: [['Revenue'], [1]] }]);
    const book = await openBook(path);
    const { findings } = await readTable(book.sheets[0]!, 'accounts', { file: path, date1904: false });
    expect(findings).toEqual([expect.objectContaining({ rule: 'schema/missing-column', args: { column: 'name' }, sheet: 'Accounts', row: 1 })]);
  });
});

describe('sheets by role', () => {
  it('matches names in English and Chinese, case- and width-insensitively, and by content', async () => {
    const path = await writeBook(join(dir, 'roles.xlsx'), [
      { name: 'ＡＣＣＯＵＮＴＳ', rows: [['Name']] },
      { name: '分工明细', rows: [['客户', '工作内容']] },
      { name: 'Sheet3', rows: [['姓名', '岗位', '部门']] },
      { name: '规则', rows: [['键', '值']] },
    ]);
    const book = await openBook(path);
    const found = await locateSheets(book, ['accounts', 'staff', 'assignments'], {});
    expect(found.accounts?.name).toBe('ＡＣＣＯＵＮＴＳ');
    expect(found.assignments?.name).toBe('分工明细');
    expect(found.staff?.name).toBe('Sheet3');
    expect(found.rules?.name).toBe('规则');
  });
  it('uses config sheet aliases', async () => {
    const path = await writeBook(join(dir, 'alias.xlsx'), [{ name: '重点客户表', rows: [['x']] }]);
    const found = await locateSheets(await openBook(path), ['accounts'], { sheets: { accounts: ['重点客户表'] } });
    expect(found.accounts?.name).toBe('重点客户表');
  });
});

describe('accounts', () => {
  it('reads typed accounts and reports each unreadable cell with its reference', async () => {
    const path = await writeBook(join(dir, 'acc.xlsx'), [
      {
        name: '客户信息',
        rows: [
          ['客户编号', '客户名称', '年采购额(万元)', '最近联系日期', '2023年采购额', '2024年采购额'],
          ['KA1', '华东精密', '１２０', '2025年11月1日', 100, 110],
          ['KA2', null, 50],
          ['KA3', '北方重工', 'lots', '05/06/2025', 1, { error: '#DIV/0!' }],
          ['ka1', '华东精密二部', 10],
        ],
      },
    ]);
    const book = await openBook(path);
    const table = await readAccounts(book.sheets[0]!, { file: path, date1904: false });
    expect(table.accounts.map((a) => [a.row, a.id, a.name, a.numbers.annual_revenue, a.lastContact, a.periods])).toEqual([
      [2, 'KA1', '华东精密', 1200000, '2025-11-01', [100, 110]],
      [4, 'KA3', '北方重工', undefined, undefined, [1, undefined]],
      [5, 'ka1', '华东精密二部', 100000, undefined, []],
    ].map((r, i) => (i === 2 ? [...r.slice(0, 5), [undefined, undefined]] : r)));
    expect(table.findings.map((f) => [f.rule, `${f.sheet}!${f.column}${f.row}`, f.args.expected ?? ''])).toEqual([
      ['schema/empty-required', '客户信息!B3', ''],
      ['schema/invalid-value', '客户信息!C4', 'number'],
      ['schema/invalid-value', '客户信息!D4', 'ambiguous-date'],
      ['schema/invalid-value', '客户信息!F4', 'error:#DIV/0!'],
      ['schema/duplicate-key', '客户信息!A5', ''],
    ]);
  });
});
