// Reading tables from real files: headers and their units, the header row under title rows, sheets
// found by role, and the Accounts, Staff and Assignments readers, down to the cells the rules
// depend on (R/A, 是/否, 已完成, dates) and the findings for cells they cannot read.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readAccounts } from '../../src/io/sheets/accounts.js';
import { splitUnit, matchHeader, aliasIndex } from '../../src/parse/headers.js';
import { openBook } from '../../src/io/open.js';
import { locateSheets } from '../../src/io/sheets/locate.js';
import { readTable } from '../../src/io/table/scan.js';
import { tempDir, writeBook, writeRawXlsx } from '../helpers/books.js';
import { readAssignments } from '../../src/io/sheets/assignments.js';
import { readStaff } from '../../src/io/sheets/staff.js';
import { fieldsOf } from '../../src/model/assignment.js';
import { RACI } from '../../src/model/codes.js';
import { tierRecognizer } from '../../src/model/tier.js';
import type { Layout } from '../../src/model/table.js';
import { scoringColumns } from '../../src/scoring/score.js';
import { cleanRows, type BookRows } from '../helpers/clean-book.js';
import { brief, checkQuiet, cleanTables, config, type Tables } from '../helpers/rows.js';

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
    ['年採購額（萬元）', 'annual_revenue', 1e4],
    ['年采购额(億元)', 'annual_revenue', 1e8],
    ['年采购额(百万元)', 'annual_revenue', 1e6],
    ['年採購額(百萬元)', 'annual_revenue', 1e6],
    ['合同金额(仟元)', 'contract_value', 1e3],
    ['Annual Revenue (USD k)', 'annual_revenue', 1e3],
    ['Annual Revenue (k USD)', 'annual_revenue', 1e3],
    // Units written with their tax and currency words, as real books write them (found by a new user: read as yuan).
    ['年采购额（万元，含税）', 'annual_revenue', 1e4],
    ['年采购额（含税，万元）', 'annual_revenue', 1e4],
    ['年采购额(万元人民币)', 'annual_revenue', 1e4],
    ['年采购额(人民币:万元)', 'annual_revenue', 1e4],
    ['年采购额（￥万）', 'annual_revenue', 1e4],
    ['年采购额（千万元）', 'annual_revenue', 1e7],
    ['Annual Revenue ($K)', 'annual_revenue', 1e3],
    ['Annual Revenue (in thousands)', 'annual_revenue', 1e3],
    ['Annual Revenue (000s)', 'annual_revenue', 1e3],
    ["Annual Revenue ('000)", 'annual_revenue', 1e3],
    ['Annual Revenue (USD thousands)', 'annual_revenue', 1e3],
    ['Annual Revenue (CNY, 10k)', 'annual_revenue', 1e4],
    ['Annual Revenue (10,000)', 'annual_revenue', 1e4],
    ['Annual Revenue (in USD)', 'annual_revenue', 1],
    ['Annual Revenue (millions of USD)', 'annual_revenue', 1e6],
    ['Annual Revenue (gross, $k)', 'annual_revenue', 1e3],
    ['年采购额(万元/年)', 'annual_revenue', 1e4],
    ['年采购额(十万元)', 'annual_revenue', 1e5],
    ['Annual Revenue (bn)', 'annual_revenue', 1e9],
    // A list split by slashes holds letters that are no scale (found by review: `(h/w)` was ×10,000).
    ['Tier (A/B/C)', 'tier', 1],
    ['客户等级(A/B/C)', 'tier', 1],
  ])('%s → %s ×%d', (header, key, scale) => {
    expect(matchHeader(header, 'accounts', index)).toMatchObject({ key, scale });
  });
  it('recognises revenue per period', () => {
    expect(matchHeader('2024年采购额(万元)', 'accounts', index)).toEqual({ scale: 1e4, period: 20240 });
    expect(matchHeader('revenue_2023', 'accounts', index)).toEqual({ scale: 1, period: 20230 });
    expect(matchHeader('FY2022 Revenue', 'accounts', index)).toEqual({ scale: 1, period: 20220 });
    expect(matchHeader('2024年度采购额', 'accounts', index)).toMatchObject({ period: 20240 });
    expect(matchHeader('2024 Notes', 'accounts', index)).toEqual({ scale: 1 });
    // Two-digit years, with 年 or after FY.
    expect(matchHeader('24年采购额', 'accounts', index)).toEqual({ scale: 1, period: 20240 });
    expect(matchHeader('25年采购额（万元）', 'accounts', index)).toEqual({ scale: 1e4, period: 20250 });
    expect(matchHeader('FY24 Revenue', 'accounts', index)).toEqual({ scale: 1, period: 20240 });
    expect(matchHeader('24 Notes', 'accounts', index)).toEqual({ scale: 1 });
  });
  it('keeps __proto__ and constructor as plain headers', () => {
    expect(matchHeader('__proto__', 'accounts', index)).toEqual({ scale: 1 });
    expect(matchHeader('constructor', 'accounts', index)).toEqual({ scale: 1 });
    expect(splitUnit('x(万)')).toEqual({ base: 'x', scale: 1e4 });
  });
  it('reads letters in a list split by slashes as no scale, and the header before the brackets as the name', () => {
    const staff = aliasIndex('staff');
    const assignments = aliasIndex('assignments');
    expect(matchHeader('Capacity (h/w)', 'staff', staff)).toEqual({ key: 'capacity_hours', scale: 1 });
    expect(matchHeader('周工时(h/w)', 'staff', staff)).toEqual({ key: 'capacity_hours', scale: 1 });
    expect(matchHeader('Hours (h/m)', 'assignments', assignments)).toEqual({ key: 'hours', scale: 1 });
    expect(matchHeader('是否锁定(是/否)', 'assignments', assignments)).toMatchObject({ scale: 1 });
    expect(matchHeader('截止日期(YYYY/MM/DD)', 'assignments', assignments)).toEqual({ key: 'due', scale: 1 });
    expect(matchHeader('Frequency (D/W/M)', 'assignments', assignments)).toEqual({ key: 'frequency', scale: 1 });
    expect(splitUnit('Size (S/M/L)')).toEqual({ base: 'Size', scale: 1 });
  });

  it('says which unit it cannot read, rather than take it for none', () => {
    expect(matchHeader('年采购额（万美刀）', 'accounts', index)).toEqual({ key: 'annual_revenue', scale: 1, unread: '万美刀' });
    expect(matchHeader('Annual Revenue (lakh)', 'accounts', index)).toEqual({ key: 'annual_revenue', scale: 1, unread: 'lakh' });
    // Two scales at once: which one is meant is anybody's guess.
    expect(matchHeader('年采购额(万元/千元)', 'accounts', index)).toEqual({ key: 'annual_revenue', scale: 1, unread: '万元/千元' });
    for (const h of ['客户名称(全称)', '满意度(1-10)', '预计工时（分钟）', '频率(week)', '合同金额(元)']) expect(matchHeader(h, 'accounts', index).unread).toBeUndefined();
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

  it('skips section, note and sign-off rows, merged or not, whoever wrote the file (issue 9)', async () => {
    const header = ['序号', '客户名称', '区域', '年采购额(万元)'];
    const table: unknown[][] = [
      header,
      ['一、华东区', '一、华东区', '一、华东区', '一、华东区'], // a label merged across the row (the merge copies it)
      [1, '华东精密', '华东', 120],
      [2, '注塑机械厂', '华东', 30], // a name that begins like a note is an account
      ['（二）华南区'],
      [3, '南方电网物资', '华南', 80],
      ['第三部分 其他'],
      [4, '独立客户'], // only a name: still an account
      ['注：1. 年采购额单位为万元；2. 数据截至 2025-11-15'],
      ['* 战略客户由总监审批'],
      ['制表人：王芳', null, '审核人：李强', '日期：2025-11-15'],
      ['Prepared by: Wang Fang'],
    ];
    const names = async (path: string): Promise<string[]> => {
      const book = await openBook(path);
      const { rows, layout } = await readTable(book.sheets[0]!, 'accounts', { file: path, date1904: false });
      return rows.map((r) => String(r.cells[layout.byKey.get('name')!.index]?.v));
    };
    const expected = ['华东精密', '注塑机械厂', '南方电网物资', '独立客户'];
    // exceljs, the section label merged over A:D as Excel would.
    const viaExcelJs = await writeBook(join(dir, 'sections.xlsx'), [{ name: '客户', rows: table.map((r, i) => (i === 1 ? ['一、华东区'] : r)), merges: ['A2:D2'] }]);
    expect(await names(viaExcelJs)).toEqual(expected);
    // Hand-written XML with inline strings and a <mergeCells> part, as other writers emit.
    const cell = (ref: string, v: unknown) => (typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${String(v)}</t></is></c>`);
    const rowsXml = table
      .map((r, i) => (i === 1 ? ['一、华东区'] : r))
      .map((r, i) => `<row r="${i + 1}">${r.map((v, c) => (v === null || v === undefined ? '' : cell(`${'ABCD'[c]}${i + 1}`, v))).join('')}</row>`)
      .join('');
    const viaXml = writeRawXlsx(join(dir, 'sections-raw.xlsx'), [{ name: '客户', data: rowsXml, after: '<mergeCells count="1"><mergeCell ref="A2:D2"/></mergeCells>' }]);
    expect(await names(viaXml)).toEqual(expected);
    // A GBK CSV export: no merges, the label in its first cell.
    const csv = join(dir, 'sections.csv');
    writeFileSync(csv, iconv.encode(table.map((r, i) => (i === 1 ? ['一、华东区'] : r)).map((r) => r.map((v) => (v === null || v === undefined ? '' : String(v))).join(',')).join('\r\n'), 'gbk'));
    expect(await names(csv)).toEqual(expected);
  });

  it('reads two header rows as one: a group over sub-labels, headers merged down, never a header row as data (issue 9)', async () => {
    const top = ['客户编号', '客户名称', '采购额（万元）', null, '合作年限'];
    const sub = [null, null, '2024年', '2025年', null];
    const data = [
      ['KA1', '华东精密', 100, 120, 3],
      ['KA2', '北方重工', 80, 60, 5],
    ];
    const read = async (path: string) => {
      const book = await openBook(path);
      const { layout, rows, findings } = await readTable(book.sheets[0]!, 'accounts', { file: path, date1904: false });
      return {
        headerRow: layout.headerRow,
        columns: layout.columns.map((c) => [c?.letter, c?.header, c?.key ?? c?.period, c?.scale]),
        names: rows.map((r) => r.cells[1]?.v),
        findings,
      };
    };
    const expected = {
      headerRow: 2,
      columns: [
        ['A', '客户编号', 'id', 1],
        ['B', '客户名称', 'name', 1],
        ['C', '2024年采购额（万元）', 20240, 1e4],
        ['D', '2025年采购额（万元）', 20250, 1e4],
        ['E', '合作年限', 'years', 1],
      ],
      names: ['华东精密', '北方重工'],
      findings: [],
    };
    // exceljs: a title merged over the table, the group merged across, the others merged down.
    const merged = await writeBook(join(dir, 'two-rows.xlsx'), [
      { name: '客户', rows: [['2025年客户表'], top, sub, ...data], merges: ['A1:E1', 'C2:D2', 'A2:A3', 'B2:B3', 'E2:E3'] },
    ]);
    expect(await read(merged)).toEqual(expected);
    // A CSV export: no merges, the group's text once, its other cells blank.
    const csv = join(dir, 'two-rows.csv');
    writeFileSync(csv, [['2025年客户表'], top, sub, ...data].map((r) => r.map((v) => (v === null || v === undefined ? '' : String(v))).join(',')).join('\n'));
    expect(await read(csv)).toEqual(expected);
    // English, years typed as numbers, the group in thousands; `Name` merged down.
    const en = await writeBook(join(dir, 'two-rows-en.xlsx'), [
      { name: 'Accounts', rows: [['Name', 'Revenue (k)', null, 'Owner'], [null, 2024, 2025, null], ['Acme', 5, 7, 'Ann']], merges: ['A1:A2', 'B1:C1', 'D1:D2'] },
    ]);
    const r = await read(en);
    expect(r.columns).toEqual([
      ['A', 'Name', 'name', 1],
      ['B', '2024 Revenue (k)', 20240, 1e3],
      ['C', '2025 Revenue (k)', 20250, 1e3],
      ['D', 'Owner', 'owner', 1],
    ]);
    expect(r.names).toEqual([5]); // one data row (Acme), its 2024 revenue in B
  });

  it('a group over sub-labels that name nothing (签约 | 执行, 2024年 under 客户等级) is still a header row, never an account', async () => {
    const path = await writeBook(join(dir, 'two-rows-other.xlsx'), [
      {
        name: '客户',
        rows: [
          ['客户名称', '合同金额（万元）', null, '客户等级', null],
          [null, '签约', '执行', '2024年', '2025年'],
          ['华东精密', 100, 80, '重要', '战略'],
        ],
        merges: ['A1:A2', 'B1:C1', 'D1:E1'],
      },
    ]);
    const { layout, rows, findings } = await readTable((await openBook(path)).sheets[0]!, 'accounts', { file: path, date1904: false });
    expect(layout.columns.map((c) => c?.header)).toEqual(['客户名称', '合同金额（万元） 签约', '合同金额（万元） 执行', '客户等级 2024年', '客户等级 2025年']);
    expect(rows.map((r) => r.cells[0]?.v)).toEqual(['华东精密']);
    expect(findings).toEqual([]);
  });

  it('a person\'s role over the parts of a person (客户经理 over 姓名 | 电话): the name is that column (found by a new user)', async () => {
    for (const group of ['客户经理', '负责人', 'Account Manager']) {
      const path = await writeBook(join(dir, `owner-${group}.xlsx`), [
        { name: '客户', rows: [['客户名称', group, null], [null, group === 'Account Manager' ? 'Name' : '姓名', '电话'], ['华东精密', '张伟', '138']], merges: ['A1:A2', 'B1:C1'] },
      ]);
      const { layout, rows, findings } = await readTable((await openBook(path)).sheets[0]!, 'accounts', { file: path, date1904: false });
      expect(layout.byKey.get('owner')?.letter).toBe('B');
      expect(rows.map((r) => r.cells[1]?.v)).toEqual(['张伟']);
      expect(findings).toEqual([]);
    }
  });

  it('a note merged down a whole column (openpyxl writes every cell of D3:D1048576) adds no rows', async () => {
    const cell = (ref: string, v: string | number) => (typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`);
    const empty = Array.from({ length: 300_000 }, (_, i) => `<row r="${i + 4}"><c r="D${i + 4}"/></row>`).join('');
    const path = writeRawXlsx(join(dir, 'merge-col.xlsx'), [
      {
        name: '客户',
        data: `<row r="1">${cell('A1', '客户名称')}${cell('B1', '年采购额')}${cell('D1', '备注')}</row><row r="2">${cell('A2', '华东精密')}${cell('B2', 120)}${cell('D2', '重点')}</row><row r="3">${cell('A3', '北方重工')}${cell('B3', 80)}${cell('D3', '见附件')}</row>${empty}`,
        after: '<mergeCells count="1"><mergeCell ref="D3:D300003"/></mergeCells>',
      },
    ]);
    const { accounts, findings } = await readAccounts((await openBook(path)).sheets[0]!, { file: path, date1904: false });
    expect(accounts.map((a) => a.name)).toEqual(['华东精密', '北方重工']);
    expect(findings).toEqual([]);
  });

  it('does not take a first data row for sub-labels, nor a title over every column for a group', async () => {
    // A header with a blank cell, then data: the data row is no second header row.
    const csv = join(dir, 'not-two-rows.csv');
    writeFileSync(csv, '客户名称,年采购额（万元）,\n华东精密,120,备用\n北方重工,80,\n');
    const book = await openBook(csv);
    const { layout, rows } = await readTable(book.sheets[0]!, 'accounts', { file: csv, date1904: false });
    expect(layout.headerRow).toBe(1);
    expect(rows.map((x) => x.cells[0]?.v)).toEqual(['华东精密', '北方重工']);
    // A title merged over all columns right above the header stays a title; the unit it states is the amounts'.
    const titled = await writeBook(join(dir, 'titled.xlsx'), [{ name: '客户', rows: [['2025年客户表（单位：万元）'], ['客户名称', '年采购额'], ['华东精密', 120]], merges: ['A1:B1'] }]);
    const t = await readTable((await openBook(titled)).sheets[0]!, 'accounts', { file: titled, date1904: false });
    expect(t.layout.columns.map((c) => [c?.header, c?.scale])).toEqual([['客户名称', 1], ['年采购额', 10000]]);
    expect(t.rows.map((x) => x.cells[0]?.v)).toEqual(['华东精密']);
  });

  it('of two columns that could be one field, takes the one whose values read as it, then the closer name (issue 9)', async () => {
    const notes: string[] = [];
    const read = async (name: string, rows: unknown[][], role: 'assignments' | 'accounts') => {
      const path = await writeBook(join(dir, name), [{ name: 'S', rows }]);
      const { layout, findings } = await readTable((await openBook(path)).sheets[0]!, role, {
        file: path,
        date1904: false,
        note: (code, params) => notes.push(`${code} ${params.chosen} | ${params.other}`),
      });
      return { chosen: layout.byKey, findings };
    };
    // 角色 holds job titles, RACI holds letters: RACI is read, whichever comes first.
    const asg = await read('raci.xlsx', [['客户名称', '工作内容', '负责人', '角色', 'RACI'], ['华东精密', '日常跟进', '张伟', '客户经理', 'R'], ['华东精密', '日常跟进', '赵敏', '销售总监', 'A']], 'assignments');
    expect(asg.chosen.get('raci')?.letter).toBe('E');
    expect(asg.findings).toEqual([]);
    // Here 角色 holds the letters and the second column titles: values win over the name.
    const swapped = await read('raci2.xlsx', [['Account', 'Task', 'Person', 'RACI', '角色'], ['Acme', 'Support', 'Ann', 'Sales lead', 'R'], ['Acme', 'Support', 'Bob', 'Director', 'A']], 'assignments');
    expect(swapped.chosen.get('raci')?.letter).toBe('E');
    // Tier and Segment, both holding words: the closer name wins; Segment is a plain unknown column.
    const acc = await read('tier.xlsx', [['Name', 'Segment', 'Tier'], ['Acme', 'Retail', 'Strategic']], 'accounts');
    expect(acc.chosen.get('tier')?.letter).toBe('C');
    expect(acc.findings).toEqual([]);
    expect(notes).toEqual([
      'note.columnByValues E RACI | D 角色',
      'note.columnByValues E 角色 | D RACI',
      'note.columnByName C Tier | B Segment',
    ]);
  });

  it('skips totals, notes and sign-offs however they are written: scoped, with units, Traditional, English (issue 9)', async () => {
    // Totals carry their sums; notes, section labels and sign-offs stand alone in their row.
    const totals = ['本页合计', '华东区小计', '华东区 小计', '总计（万元）', 'Grand Total', 'Subtotal East', 'East Subtotal', 'Total (CNY)', '合計', '總計', '小計', '共計', '合计3家', '总计：3 家', '共3家', '合计金额', 'Total 3 accounts', 'Grand total: 3'];
    const labels = ['註：1. 單位萬元', '備註：見附件', '說明：略', '單位：萬元', '製表人：王芳', '審核人：李強', '1. 华东区', 'A. 西部', '【华北区】', '填报单位：销售部', '负责人签字：'];
    const accounts = ['华东精密', 'Total SA', '合计科技有限公司', '北方重工', '共创科技'];
    const rows: unknown[][] = [['客户名称', '年采购额'], [accounts[0], 120], ...totals.map((l) => [l, 999]), ...labels.map((l) => [l]), [accounts[1], 80], [accounts[2], 60], [accounts[3], 50], [accounts[4], 40]];
    const names = async (path: string) => (await readAccounts((await openBook(path)).sheets[0]!, { file: path, date1904: false })).accounts.map((a) => a.name);
    expect(await names(await writeBook(join(dir, 'labels.xlsx'), [{ name: '客户', rows }]))).toEqual(accounts);
    const csv = join(dir, 'labels.csv');
    writeFileSync(csv, rows.map((r) => [...r, ...Array(2 - r.length).fill('')].join(',')).join('\n'));
    expect(await names(csv)).toEqual(accounts);
  });

  it('a loose name whose values are not the field is not read as it; a column of letters under any name is the RACI column (issue 9)', async () => {
    const warnings: string[] = [];
    const read = async (name: string, rows: unknown[][]) => {
      const path = await writeBook(join(dir, name), [{ name: '分工', rows }]);
      return readTable((await openBook(path)).sheets[0]!, 'assignments', { file: path, date1904: false, note: (code, p) => warnings.push(`${code} ${p.column}`) });
    };
    // 角色 holds job titles and there is no RACI column: not read as RACI, a finding at its header.
    const titles = await read('titles.xlsx', [['客户名称', '工作内容', '负责人', '角色'], ['甲', '日常跟进', '张伟', '客户经理'], ['甲', '日常跟进', '赵敏', '销售总监']]);
    expect(titles.layout.byKey.has('raci')).toBe(false);
    expect(titles.findings.map((f) => [f.rule, f.row, f.column, f.args.examples, f.args.unread, f.args.filled])).toEqual([['schema/unread-column', 1, 'D', '客户经理\u0000销售总监', 2, 2]]);
    // Letters under a header kam does not know (分工角色): read as RACI.
    const letters = await read('letters.xlsx', [['客户名称', '工作内容', '负责人', '分工角色'], ['甲', '日常跟进', '张伟', 'R'], ['甲', '日常跟进', '赵敏', 'A']]);
    expect(letters.layout.byKey.get('raci')?.letter).toBe('D');
    expect(warnings).toEqual(['warn.looseNotRead D 角色', 'note.raciByValues D 分工角色']);
  });

  it('tier columns are told apart by their values when the tier words are known: 级别 (A/B/C) over 客户等级 (金牌/银牌)', async () => {
    const path = await writeBook(join(dir, 'tiers.xlsx'), [{ name: '客户', rows: [['客户名称', '客户等级', '级别'], ['甲', '金牌', 'A'], ['乙', '银牌', 'B']] }]);
    const recognize = tierRecognizer(config().tiers);
    const { layout } = await readTable((await openBook(path)).sheets[0]!, 'accounts', { file: path, date1904: false, tierWords: (t) => recognize(t) !== undefined });
    expect(layout.byKey.get('tier')?.header).toBe('级别');
  });

  it('reports duplicate and blank headers instead of merging them', async () => {
    const path = await writeBook(join(dir, 'dup.xlsx'), [
      { name: 'Accounts', rows: [['Name', 'Revenue', 'Revenue', null, 'Company Name', 'Memo', 'Memo'], ['A', 1, 2, 'orphan', 'A Ltd', 'x', 'y']] },
    ]);
    const book = await openBook(path);
    const { findings, layout } = await readTable(book.sheets[0]!, 'accounts', { file: path, date1904: false });
    // Name and Company Name are equally good names for the account: ambiguous (an error), the first read.
    expect(layout.byKey.get('name')?.letter).toBe('A');
    expect(findings.map((f) => [f.rule, `${f.column}${f.row}`])).toEqual([
      ['schema/ambiguous-column', 'C1'],
      ['schema/ambiguous-column', 'E1'],
      ['schema/duplicate-header', 'G1'],
      ['schema/blank-header', 'D1'],
    ]);
  });

  it('skips a header row repeated under a section label and an English header row under the Chinese one; ends the table where another one starts (found by a new user)', async () => {
    const H = ['客户名称', '客户经理', '年采购额（万元）', '客户等级'];
    const path = await writeBook(join(dir, 'stacked.xlsx'), [
      { name: '分区', rows: [['一、华东区'], H, ['甲公司', '张伟', 500, '战略客户'], ['乙公司', '张伟', 300, '重要客户'], ['二、华南区'], H, ['丙公司', '王芳', 200, '普通客户']] },
      { name: '双语', rows: [H, ['Account Name', 'Account Manager', 'Annual Revenue (10k CNY)', 'Tier'], ['甲公司', '张伟', 500, 'A'], ['乙公司', '张伟', 300, 'B']] },
      {
        name: '两张表',
        rows: [['客户编号', '客户名称', '客户经理', '年采购额'], ['KA1', '甲公司', '张伟', 5], ['KA2', '乙公司', '王芳', 3], [], ['重点关注客户'], ['客户名称', '关注原因', '跟进人'], ['甲公司', '新产品线', '王芳']],
      },
    ]);
    const book = await openBook(path);
    const read = async (i: number) => {
      const notes: string[] = [];
      const t = await readTable(book.sheets[i]!, 'accounts', { file: path, date1904: false, note: (code, params) => notes.push(`${code} ${JSON.stringify(params)}`) });
      return { names: t.rows.map((r) => [r.row, r.cells[t.layout.byKey.get('name')!.index] && (r.cells[t.layout.byKey.get('name')!.index] as { v: unknown }).v]), notes: notes.filter((n) => n.startsWith('note.otherTable')) };
    };
    // The section labels are no records either.
    expect((await read(0)).names).toEqual([[3, '甲公司'], [4, '乙公司'], [7, '丙公司']]);
    expect((await read(1)).names).toEqual([[3, '甲公司'], [4, '乙公司']]);
    const two = await read(2);
    expect(two.names).toEqual([[2, '甲公司'], [3, '乙公司']]);
    expect(two.notes).toEqual(['note.otherTable {"sheet":"两张表","row":5,"headers":"客户名称 | 关注原因 | 跟进人"}']);
  });

  it('a data row after a blank is no header, though its values name columns (主管, 在职); a plain title over the header repeated is no record (found by review)', async () => {
    const staffCsv = join(dir, 'staff-blank.csv');
    writeFileSync(staffCsv, '姓名,岗位,部门,状态\n张伟,客户经理,销售部,在职\n李娜,主管,销售部,在职\n\n王芳,主管,服务部,在职\nDavid Zhou,Manager,Sales,Active\n');
    const staff = await readTable((await openBook(staffCsv)).sheets[0]!, 'staff', { file: staffCsv, date1904: false });
    expect(staff.rows.map((r) => (r.cells[0] as { v: string }).v)).toEqual(['张伟', '李娜', '王芳', 'David Zhou']);
    const accountsCsv = join(dir, 'accounts-title.csv');
    writeFileSync(accountsCsv, '客户编号,客户名称,年采购额\nKA1,甲公司,100\nKA2,乙公司,200\n\n华南区\n客户编号,客户名称,年采购额\nKA3,丙公司,300\n');
    const t = await readTable((await openBook(accountsCsv)).sheets[0]!, 'accounts', { file: accountsCsv, date1904: false });
    expect(t.rows.map((r) => [r.row, (r.cells[1] as { v: string }).v])).toEqual([[2, '甲公司'], [3, '乙公司'], [7, '丙公司']]);
    // A one-text row that titles nothing is read as before (an account with its name alone), the last row of a sheet too.
    const lastCsv = join(dir, 'accounts-last.csv');
    writeFileSync(lastCsv, '客户名称,年采购额\n甲公司,100\n\n乙公司\n');
    const last = await readTable((await openBook(lastCsv)).sheets[0]!, 'accounts', { file: lastCsv, date1904: false });
    expect(last.rows.map((r) => [r.row, (r.cells[0] as { v: string }).v])).toEqual([[2, '甲公司'], [4, '乙公司']]);
  });

  it('skips what exports write under a table, and the rows of one text after it (found by a new user: they were accounts)', async () => {
    const sf = join(dir, 'sf-footer.csv');
    writeFileSync(sf, ['"Account Name","Annual Revenue"', '"Acme","$100"', '"Globex","$200"', '"Grand Totals (2 records)","$300"', '""', '"Copyright (c) 2000-2025 salesforce.com, inc. All rights reserved."', '"Confidential Information - Do Not Distribute"', '"Generated By:  Alice Chen  11/15/2025 10:23 AM"', '"Acme Demo Org"', ''].join('\n'));
    const zh = join(dir, 'zh-footer.csv');
    writeFileSync(zh, '客户名称,年采购额\n甲,100\n乙,200\n导出人：张伟\n导出时间：2025-11-15 10:00\n打印时间：2025-11-15\n共 2 条记录\n');
    const en = join(dir, 'en-footer.csv');
    writeFileSync(en, 'Name,Revenue\nA,1\nB,2\nExported by: Bob\nReport generated 11/15/2025\nTotal records: 2\n');
    for (const [file, names] of [[sf, ['Acme', 'Globex']], [zh, ['甲', '乙']], [en, ['A', 'B']]] as const) {
      const t = await readTable((await openBook(file)).sheets[0]!, 'accounts', { file, date1904: false });
      expect(t.rows.map((r) => (r.cells[0] as { v: string }).v)).toEqual(names);
    }
  });

  it('takes a CRM\'s Last Activity in US dates for the last contact: dates either way round are dates (found by a new user)', async () => {
    const file = join(dir, 'last-activity.csv');
    writeFileSync(file, 'Account Name,Annual Revenue,Last Activity\nA,100,11/3/2025\nB,200,10/28/2025\nC,300,9/15/2025\nD,1,11/12/2025\nE,3,8/1/2025\n');
    const { layout } = await readTable((await openBook(file)).sheets[0]!, 'accounts', { file, date1904: false });
    expect(layout.byKey.get('last_contact')?.header).toBe('Last Activity');
  });

  it('says that a division of labour\'s 每周工时 column (a person\'s weekly capacity) is not read as the hours of each task (found by a new user)', async () => {
    const file = join(dir, 'weekly-hours.csv');
    writeFileSync(file, '客户名称,工作内容,负责人,角色,频率,每周工时\n甲,跟进,王芳,A/R,每周,20\n');
    const notes: string[] = [];
    const t = await readTable((await openBook(file)).sheets[0]!, 'assignments', { file, date1904: false, note: (code, params) => notes.push(`${code} ${String(params.column)}`) });
    expect(t.layout.byKey.has('hours')).toBe(false);
    expect(notes.filter((n) => n.startsWith('note.weeklyHoursColumn'))).toEqual(['note.weeklyHoursColumn F 每周工时']);
    const read = join(dir, 'hours.csv');
    writeFileSync(read, '客户名称,工作内容,负责人,角色,频率,预计工时,每周工时\n甲,跟进,王芳,A/R,每周,2,20\n');
    const quiet: string[] = [];
    await readTable((await openBook(read)).sheets[0]!, 'assignments', { file: read, date1904: false, note: (code) => quiet.push(code) });
    expect(quiet).not.toContain('note.weeklyHoursColumn');
  });

  it('reports a missing required column', async () => {
    const path = await writeBook(join(dir, 'noname.xlsx'), [{ name: 'Accounts', rows: [['Revenue'], [1]] }]);
    const book = await openBook(path);
    const { findings } = await readTable(book.sheets[0]!, 'accounts', { file: path, date1904: false });
    expect(findings).toEqual([expect.objectContaining({ rule: 'schema/missing-column', args: { column: 'name', role: 'accounts' }, sheet: 'Accounts', row: 1 })]);
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
      ['schema/invalid-value', '客户信息!D4', 'ambiguous-date:2025-05-06 / 2025-06-05'],
      ['schema/invalid-value', '客户信息!F4', 'error:#DIV/0!'],
      ['schema/duplicate-key', '客户信息!A5', ''],
    ]);
  });
});

// Accounts, Staff and Assignments of one book: the typed rows the core is tested with
// (test/helpers/rows.ts) are what the readers make of the cells; a test changes the cells, reads
// them, and checks the tables as test/rules/ checks typed ones.
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Writes the rows as a book (dates formatted as Excel would) and reads its three sheets. */
async function readRows(rows: BookRows): Promise<Tables> {
  const path = await writeBook(join(tempDir(), 'book.xlsx'), [
    { name: 'Accounts', rows: rows.accounts, formats: { G: 'yyyy-mm-dd' } },
    { name: 'Staff', rows: rows.staff },
    { name: 'Assignments', rows: rows.assignments, formats: { F: 'yyyy-mm-dd' } },
  ]);
  const book = await openBook(path);
  const sheets = await locateSheets(book, ['accounts', 'staff', 'assignments'], {});
  const options = { file: 'book.xlsx', date1904: book.date1904 };
  return {
    accounts: await readAccounts(sheets.accounts!, { ...options, numberColumns: scoringColumns(config()) }),
    staff: await readStaff(sheets.staff!, options),
    assignments: await readAssignments(sheets.assignments!, options),
  };
}

const columns = (layout: Layout) => layout.columns.map((c) => [c.letter, c.header, c.key ?? `period:${c.period}`]);

describe('the three sheets of the clean book', () => {
  it('is read as the typed clean tables, row for row and column for column', async () => {
    const read = await readRows(cleanRows());
    const typed = cleanTables();
    expect(read.accounts!.accounts).toEqual(typed.accounts.accounts);
    expect(read.staff!.people).toEqual(typed.staff.people);
    // Rows as read keep their texts in pairs (AssignmentRow): compared field by field.
    expect(read.assignments!.assignments.map(fieldsOf)).toEqual(typed.assignments.assignments);
    for (const role of ['accounts', 'staff', 'assignments'] as const) {
      expect(columns(read[role]!.layout)).toEqual(columns(typed[role].layout));
      expect(read[role]!.findings).toEqual([]);
    }
  });
});

describe('cells the rules depend on', () => {
  it('reads a combined letter cell (R/A) as two letters', async () => {
    const rows = cleanRows();
    rows.assignments[13]![4] = 'R/A';
    rows.assignments.splice(14, 1);
    const read = await readRows(rows);
    expect(read.assignments!.assignments.find((a) => a.row === 14)!.raci).toBe(RACI.R | RACI.A);
    // R+A on one task is the "A/R" of a small team: no finding (SPEC §4).
    expect(brief(checkQuiet(read).findings)).toEqual([]);
  });

  it('reads 否 in the Active column as inactive', async () => {
    const rows = cleanRows();
    rows.staff[4]![3] = '否';
    const read = await readRows(rows);
    expect(read.staff!.people.map((p) => p.active)).toEqual([true, true, true, false, true, true, true, true]);
    expect(brief(checkQuiet(read).findings)).toEqual(['ref/inactive-person error Assignments!C4', 'ref/inactive-person error Assignments!C12']);
  });

  it('reads date cells as dates, and 已完成 as done', async () => {
    const rows = cleanRows();
    const renewal = (status: string) => [
      ['Bolt', 'Renewal', 'Bob', 'Sales', 'R', d('2025-11-01'), 'once', status],
      ['Bolt', 'Renewal', 'Gina', 'Sales', 'A', d('2025-11-01'), 'once', status],
    ];
    rows.assignments.push(...renewal('doing'));
    const doing = await readRows(rows);
    expect(doing.assignments!.assignments.at(-1)).toMatchObject({ row: 17, due: '2025-11-01', frequency: { kind: 'once' }, status: 'doing' });
    expect(doing.accounts!.accounts.map((a) => a.lastContact)).toEqual(['2025-11-10', '2025-11-01', '2025-10-01']);
    expect(brief(checkQuiet(doing).findings)).toEqual(['time/overdue warn Assignments!F16']);
    rows.assignments.splice(15, 2, ...renewal('已完成'));
    const done = await readRows(rows);
    expect(done.assignments!.assignments.at(-1)!.status).toBe('done');
    expect(brief(checkQuiet(done).findings)).toEqual([]);
  });

  it('reads hours, 是 in the Locked column, capacities and account limits', async () => {
    const path = await writeBook(join(tempDir(), 'load.xlsx'), [
      { name: 'Staff', rows: [['Name', 'Role', 'Department', 'Capacity Hours', 'Max Accounts', 'Active'], ['Ann', 'AM', 'Sales', 40, 8, 'yes'], ['Old', 'AM', 'Sales', null, null, '否']] },
      { name: 'Assignments', rows: [['Account', 'Task', 'Person', 'Department', 'RACI', 'Frequency', 'Hours', 'Status', 'Locked'], ['X', 'Follow-up', 'Ann', 'Sales', 'R', 'weekly', 4, 'doing', '是'], ['X', 'Review', 'Carol / Hank', 'Sales', 'A', 'daily', 2.5, 'doing', 'no']] },
    ]);
    const book = await openBook(path);
    const options = { file: path, date1904: false };
    const staff = await readStaff(book.sheets[0]!, options);
    expect(staff.people.map((p) => [p.name, p.capacity, p.maxAccounts, p.active])).toEqual([
      ['Ann', 40, 8, true],
      ['Old', undefined, undefined, false],
    ]);
    const t = await readAssignments(book.sheets[1]!, options);
    expect(t.findings).toEqual([]);
    // A cell naming two people stays as written: the book splits it (test/rules/responsibility.test.ts).
    expect(t.assignments.map((a) => [a.person, a.hours, a.locked, a.frequency])).toEqual([
      ['Ann', 4, true, { kind: 'recurring', perWeek: 1, word: 'weekly' }],
      ['Carol / Hank', 2.5, false, { kind: 'recurring', perWeek: 5, word: 'daily' }],
    ]);
  });
});

describe('hours in the unit of their header (issue 9 user test)', () => {
  const read = async (header: string, values: unknown[], formats: Record<string, string> = {}, hoursPerDay?: number) => {
    const path = await writeBook(join(tempDir(), 'hours.xlsx'), [
      { name: '分工明细', rows: [['客户名称', '工作内容', '负责人', '角色', '频率', header], ...values.map((v, i) => [`客户${i}`, '日常跟进', '张伟', 'R', '每周', v])], formats },
    ]);
    const book = await openBook(path);
    const t = await readAssignments(book.sheets[0]!, { file: path, date1904: false, ...(hoursPerDay !== undefined ? { hoursPerDay } : {}) });
    return { hours: t.assignments.map((a) => a.hours), findings: t.findings.map((f) => `${f.rule} ${f.column}${f.row}`) };
  };

  it('minutes, days and hours in the header scale plain numbers, not cells with their own unit', async () => {
    expect(await read('预计工时（分钟）', [30, 90, '45', '30分钟'])).toEqual({ hours: [0.5, 1.5, 0.75, 0.5], findings: [] });
    expect(await read('预计工时(天)', [2, 0.5, '2小时'])).toEqual({ hours: [16, 4, 2], findings: [] });
    expect(await read('预计工时(人天)', [2], {}, 7.5)).toEqual({ hours: [15], findings: [] });
    expect(await read('预计工时（小时）', [2, '30分钟', '2天'])).toEqual({ hours: [2, 0.5, 16], findings: [] });
    expect(await read('工时/h', [2, 3])).toEqual({ hours: [2, 3], findings: [] });
  });

  it('an Excel time cell (h:mm) is a duration, not a date error', async () => {
    expect(await read('预计工时', [0.0625, 0.5 / 24], { F: 'h:mm' })).toEqual({ hours: [1.5, 0.5], findings: [] });
    expect(await read('预计工时', [45931], { F: 'yyyy-mm-dd' })).toEqual({ hours: [undefined], findings: ['schema/invalid-value F2'] });
  });
});

describe('unreadable cells of the three sheets', () => {
  it('schema/invalid-value, schema/empty-required and schema/duplicate-key at their cells', async () => {
    const rows = cleanRows();
    rows.assignments[9]![5] = 'soon';
    rows.assignments.push([null, 'Follow-up', 'Bob', 'Sales', 'R', null, 'weekly', 'doing']);
    rows.accounts.push(['A1', 'Apex again', 'Alice', 10, 1, 1, d('2025-11-10'), 'Ordinary']);
    const c = checkQuiet(await readRows(rows));
    // The second A1 is reported, and (serving nobody's tasks) lacks its follow-up.
    expect(brief(c.findings)).toEqual([
      'schema/duplicate-key error Accounts!A5',
      'coverage/required-task error Accounts!B5',
      'schema/invalid-value error Assignments!F10',
      'schema/empty-required error Assignments!A16',
    ]);
  });
});
