// What the sixteenth session's trials found (an English CRM/CI user, a Chinese ops lead's hand-kept books, a user of
// kam's writes and hostile files), each a test that fails without its fix.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { csvFolder, tempDir, writeBook, writeRawXlsx, writeZip } from '../helpers/books.js';
import { kam } from '../helpers/cli.js';
import { craftZip } from '../helpers/zip.js';
import { ZipArchive } from '../../src/io/xlsx/zip.js';

const asOf = ['--as-of', '2025-11-15'];

interface TierJson {
  accounts: { name: string; score: number; tier: string }[];
  summary: { tier: string; count: number; revenue: number }[];
}
interface CheckJson {
  findings: { rule: string; cell?: string; message: string; severity: string }[];
}

/** A one-sheet book of accounts written by hand: `rows` as `<row>` XML, inline strings. */
function rawAccounts(path: string, rows: string): string {
  return writeRawXlsx(path, [{ name: 'Accounts', data: rows }]);
}
const t = (ref: string, text: string): string => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const header = `<row r="1">${t('A1', 'Account Name')}${t('B1', 'Annual Revenue')}${t('C1', 'Strategic Importance')}</row>`;

describe('the sixteenth session', () => {
  it('kam tier --write stops, writing nothing, when two columns are both the accounts\' names (a Salesforce report with Parent Account)', async () => {
    const dir = tempDir();
    const csv = join(dir, 'w.csv');
    const text = 'Account Name,Account Name,Account Owner,Annual Revenue\n,Acme Group,"Smith, John",100\nAcme Group,Acme Europe,"Smith, John",200\n,Globex,"Lee, Ann",300\n';
    writeFileSync(csv, text);
    const r = await kam(['tier', csv, '--write', '--lang', 'en', ...asOf]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`kam: ${csv}: columns A ("Account Name") and B ("Account Name") are both read as the accounts' names, so which one names each account is ambiguous: rename or delete one (a parent account's name, say, as "Parent Account"); nothing was ranked or written\n`);
    expect(readFileSync(csv, 'utf8')).toBe(text);
    // kam check lists it, as before.
    const check = JSON.parse((await kam(['check', dir, '--format', 'json', '--lang', 'en', ...asOf])).stdout) as CheckJson;
    expect(check.findings.filter((f) => f.rule === 'schema/ambiguous-column').map((f) => f.cell)).toEqual(['w.csv!B1']);
  });

  it('rows of statistics in the name column are no accounts (其中：新客户, 累计, 平均数, 占比), and an account named Subtotal … with its owner is one', async () => {
    const dir = csvFolder({
      'accounts.csv': ['客户名称,客户经理,年采购额', '甲公司,张伟,500', '乙公司,李娜,300', '合计,,800', '其中：新客户,,300', '累计,,800', '平均数,,400', '占比,,1', '本年累计,,800', 'Subtotal Software,"Lee, Ann",400', 'Subtotal East,,999'].join('\n'),
    });
    const r = JSON.parse((await kam(['tier', join(dir, 'accounts.csv'), '--format', 'json', '--lang', 'en', ...asOf])).stdout) as TierJson;
    expect(r.accounts.map((a) => a.name).sort()).toEqual(['Subtotal Software', '乙公司', '甲公司']);
  });

  it('a table\'s unit stated once above it (单位：万元) is the unit of its amounts without one of their own, wherever it stands', async () => {
    const dir = tempDir();
    const revenues = async (rows: unknown[][], merges: string[] = []) => {
      const book = await writeBook(join(dir, `u${Math.random().toString(36).slice(2)}.xlsx`), [{ name: '客户信息', rows, merges }]);
      const r = await kam(['tier', book, '--format', 'json', '--lang', 'en', '--verbose', ...asOf]);
      return { summary: (JSON.parse(r.stdout) as TierJson).summary.reduce((s, x) => s + x.revenue, 0), stderr: r.stderr };
    };
    const data = [['甲公司', 1200, 80, 4], ['乙公司', 350, 120, 3]];
    const head = ['客户名称', '年采购额', '合同金额', '战略重要性'];
    // At the top right, over another column (it had been read as yuan: 1,550).
    const topRight = await revenues([['', '', '', '单位：万元'], head, ...data]);
    expect(topRight.summary).toBe(15_500_000);
    expect(topRight.stderr).toContain('客户信息: "单位：万元" (D1) is the unit of the amounts without one in their header: B 年采购额, C 合同金额');
    // Right over the revenue column, beside a sign-off, and under a title.
    expect((await revenues([['', '单位：万元'], head, ...data])).summary).toBe(15_500_000);
    const signed = await revenues([['2025年大客户名单'], ['单位：万元', '', '制表日期：2025年11月5日'], head, ...data], ['A1:D1']);
    expect(signed.summary).toBe(15_500_000);
    // (The note and the sign-off are no group headers over the columns.)
    expect(signed.stderr).not.toContain('header rows');
    expect((await revenues([['2025年大客户名单（单位：万元）'], head, ...data], ['A1:D1'])).summary).toBe(15_500_000);
    // Alone right under the header.
    expect((await revenues([head, ['单位：万元'], ...data])).summary).toBe(15_500_000);
    // A header's own unit wins: 年采购额（元） stays in yuan.
    expect((await revenues([['', '', '', '单位：万元'], ['客户名称', '年采购额（元）', '合同金额', '战略重要性'], ...data])).summary).toBe(1550);
    // A unit of something else is none of the amounts'.
    expect((await revenues([['', '', '', '单位：人'], head, ...data])).summary).toBe(1550);
  });

  it('a note above the table that gives units column by column (年采购额单位为万元，合同金额单位为元) scales each column, said', async () => {
    for (const note of ['说明：年采购额单位为万元，合同金额单位为元', '年采购额单位：万元；合同金额单位：元']) {
      const dir = csvFolder({ 'accounts.csv': `${note},,\n客户名称,年采购额,合同金额\n甲,1200,500000\n乙,300,200000\n` });
      const r = await kam(['tier', join(dir, 'accounts.csv'), '--format', 'json', '--lang', 'en', ...asOf]);
      expect((JSON.parse(r.stdout) as TierJson).summary.reduce((s, x) => s + x.revenue, 0)).toBe(15_000_000);
      expect(r.stderr).toContain('is the unit of column B 年采购额');
    }
  });

  it('a CSV row with more fields than the header (a comma not quoted: 1,200万) is an error at the row and not read; a column without a header in most rows is still schema/blank-header', async () => {
    const dir = csvFolder({ 'accounts.csv': '客户名称,年采购额,合同金额,战略重要性,满意度\n甲公司,1,200万,80万,4,90\n乙公司,350万,120万,3,70\n丙公司,80万,50万,2,60\n' });
    const r = await kam(['tier', join(dir, 'accounts.csv'), '--format', 'json', '--lang', 'en', ...asOf]);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as TierJson).accounts.map((a) => a.name)).toEqual(['乙公司', '丙公司']);
    const check = JSON.parse((await kam(['check', dir, '--format', 'json', '--lang', 'en', ...asOf])).stdout) as CheckJson;
    const shifted = check.findings.filter((f) => f.rule === 'schema/extra-fields');
    expect(shifted.map((f) => [f.cell, f.severity, f.message])).toEqual([
      ['accounts.csv!F2', 'error', 'row 2 has 6 fields where the header has 5: a value holding a comma is not quoted (as in "1,200万"), and every value after it is in the wrong column; the row is not read'],
    ]);
    // Two rows, one shifted (as the trial wrote it): still said.
    const two = csvFolder({ 'accounts.csv': '客户名称,年采购额,合同金额,战略重要性,满意度\n甲公司,1,200万,80万,4,90\n乙公司,350万,120万,3,70\n' });
    const t2 = JSON.parse((await kam(['check', two, '--format', 'json', '--lang', 'en', ...asOf])).stdout) as CheckJson;
    expect(t2.findings.filter((f) => f.rule === 'schema/extra-fields').map((f) => f.cell)).toEqual(['accounts.csv!F2']);
    const notes = csvFolder({ 'accounts.csv': '客户名称,年采购额\n甲,100,x\n乙,200,y\n丙,300,\n' });
    const read = await kam(['check', notes, '--format', 'json', '--lang', 'en', ...asOf]);
    expect((JSON.parse(read.stdout) as CheckJson).findings.filter((f) => f.rule.startsWith('schema/')).map((f) => [f.rule, f.cell])).toEqual([
      ['schema/missing-sheet', undefined],
      ['schema/blank-header', 'accounts.csv!C1'],
    ]);
  });

  it('dates with a two-digit year: 11/15/25 and 15/11/25 are 2025-11-15, 11/3/25 follows its column, and is said alone', async () => {
    const dir = csvFolder({
      'accounts.csv': 'Account Name,Annual Revenue\nAcme,100\n',
      'staff.csv': 'Name,Department\nAnn,Sales\n',
      'assignments.csv': 'Account,Task,Person,RACI,Due Date,Frequency\nAcme,Contract renewal,Ann,A/R,11/15/25,once\nAcme,Kick-off,Ann,A/R,11/3/25,once\n',
    });
    const r = JSON.parse((await kam(['check', dir, '--format', 'json', '--lang', 'en', ...asOf])).stdout) as CheckJson;
    // 2025-11-03 is before the day of the check, 2025-11-15 is not.
    expect(r.findings.filter((f) => f.rule === 'time/overdue' || f.rule === 'schema/invalid-value').map((f) => [f.rule, f.cell])).toEqual([['time/overdue', 'assignments.csv!E3']]);
    const uk = csvFolder({
      'accounts.csv': 'Account Name,Annual Revenue\nAcme,100\n',
      'staff.csv': 'Name,Department\nAnn,Sales\n',
      'assignments.csv': 'Account,Task,Person,RACI,Due Date,Frequency\nAcme,Contract renewal,Ann,A/R,15/11/25,once\nAcme,Kick-off,Ann,A/R,03/11/25,once\n',
    });
    const uks = JSON.parse((await kam(['check', uk, '--format', 'json', '--lang', 'en', ...asOf])).stdout) as CheckJson;
    // 2025-11-03 (day first, as the column shows) is overdue, 2025-11-15 is not.
    expect(uks.findings.filter((f) => f.rule === 'time/overdue' || f.rule === 'schema/invalid-value').map((f) => [f.rule, f.cell])).toEqual([['time/overdue', 'assignments.csv!E3']]);
    const alone = csvFolder({
      'accounts.csv': 'Account Name,Annual Revenue\nAcme,100\n',
      'staff.csv': 'Name,Department\nAnn,Sales\n',
      'assignments.csv': 'Account,Task,Person,RACI,Due Date,Frequency\nAcme,Contract renewal,Ann,A/R,11/3/25,once\n',
    });
    const said = JSON.parse((await kam(['check', alone, '--format', 'json', '--lang', 'en', ...asOf])).stdout) as CheckJson;
    expect(said.findings.filter((f) => f.rule === 'schema/invalid-value').map((f) => f.message)).toEqual([
      '"11/3/25" in column Due Date cannot be read: expected a date in one reading, but it could be 2025-11-03 / 2025-03-11',
    ]);
  });

  it('a date column that shows no order of day and month follows the sheet\'s other dates (Created Date of 12/30/2022), where they show one', async () => {
    const dir = csvFolder({
      'accounts.csv': 'Account Name,Annual Revenue,Created Date,Last Contact\nAcme,100,12/30/2022,11/3/2025\nGlobex,200,3/15/2021,10/7/2025\n',
      'staff.csv': 'Name,Department\nAnn,Sales\n',
      'assignments.csv': 'Account,Task,Person,RACI,Due Date,Created\nAcme,Renewal,Ann,A/R,12/1/2025,1/20/2025\n',
    });
    const r = JSON.parse((await kam(['check', dir, '--format', 'json', '--lang', 'en', ...asOf])).stdout) as CheckJson;
    expect(r.findings.filter((f) => f.rule === 'schema/invalid-value')).toEqual([]);
    // Other dates that show both orders settle nothing: the dates of no order of their own are still said.
    const both = csvFolder({ 'accounts.csv': 'Account Name,Annual Revenue,Created Date,Last Contact\nAcme,100,12/30/2022,11/3/2025\nGlobex,200,30/12/2022,10/7/2025\n' });
    const said = JSON.parse((await kam(['check', both, '--format', 'json', '--lang', 'en', ...asOf])).stdout) as CheckJson;
    expect(said.findings.filter((f) => f.rule === 'schema/invalid-value').map((f) => f.cell)).toEqual(['accounts.csv!D2', 'accounts.csv!D3']);
  });

  it('kam diff: a frequency written with its count (每周1次, 每月1次, 每3个月) is the word it equals, and a new count reads as one (2 times a month)', async () => {
    const book = (rows: string) => csvFolder({ 'accounts.csv': '客户名称,年采购额\n甲,100\n', 'staff.csv': '姓名,部门\n张三,销售部\n李四,销售部\n', 'assignments.csv': `客户名称,工作内容,负责人,角色,频率\n${rows}` });
    const old = book('甲,日常跟进,张三,A/R,每周\n甲,业务回顾,李四,A/R,每月\n甲,技术支持,张三,A/R,每季度\n甲,投诉处理,李四,A/R,每月\n');
    const now = book('甲,日常跟进,张三,A/R,每周1次\n甲,业务回顾,李四,A/R,每月1次\n甲,技术支持,张三,A/R,每3个月\n甲,投诉处理,李四,A/R,每月2次\n');
    const r = JSON.parse((await kam(['diff', old, now, '--format', 'json', '--lang', 'en', ...asOf])).stdout) as { changes: { kind: string; from?: unknown; to?: unknown }[] };
    expect(r.changes.filter((c) => c.kind === 'frequency-changed').map((c) => [c.from, c.to])).toEqual([['monthly', '2/month']]);
    const text = await kam(['diff', old, now, '--lang', 'zh', ...asOf]);
    expect(text.stdout).toContain('频率 每月 → 每月 2 次');
  });

  it('kam matrix by department or role counts, as kam load does, no one who has left: neither their hours nor their capacity', async () => {
    const dir = csvFolder({
      'accounts.csv': '客户名称,年采购额\n甲,100\n',
      'staff.csv': '姓名,部门,岗位,每周可用工时,在职\n张三,销售部,客户经理,40,是\n王五,销售部,客户经理,40,否\n',
      'assignments.csv': '客户名称,工作内容,负责人,角色,频率,预计工时\n甲,日常跟进,张三,A/R,每周,10\n甲,业务回顾,王五,A/R,每周,4\n',
    });
    for (const columns of ['department', 'role']) {
      const r = JSON.parse((await kam(['matrix', dir, '--columns', columns, '--format', 'json', '--lang', 'en', ...asOf])).stdout) as { totals: { key: string; hours: number; utilization?: number }[] };
      expect(r.totals.map((t) => [t.hours, t.utilization])).toEqual([[12, 0.3]]);
    }
  });

  it('kam diff against a returned matrix without hours compares no load: no workload section, no load finding introduced or resolved', async () => {
    const dir = csvFolder({
      'accounts.csv': '客户名称,年采购额\n甲,100\n乙,50\n',
      'staff.csv': '姓名,部门,每周可用工时\n张三,销售部,40\n李四,销售部,40\n王五,技术部,10\n',
      'assignments.csv': '客户名称,工作内容,负责人,角色,频率,预计工时\n甲,日常跟进,张三,A,每周,1\n甲,日常跟进,王五,R,每周,9\n乙,日常跟进,李四,A/R,每周,2\n',
    });
    const raci = join(tempDir(), 'raci.xlsx');
    expect((await kam(['matrix', dir, '-o', raci, '--lang', 'en', ...asOf])).code).toBe(0);
    // The manager moves 王五's R to 李四 in the matrix.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(raci);
    const ws = wb.worksheets[0]!;
    let header = 0;
    ws.eachRow((row, n) => {
      if (header === 0 && row.values && (row.values as unknown[]).includes('王五')) header = n;
    });
    const col = (name: string) => (ws.getRow(header).values as unknown[]).indexOf(name);
    let moved = false;
    ws.eachRow((row, n) => {
      if (n <= header || moved || row.getCell(col('王五')).value !== 'R') return;
      row.getCell(col('王五')).value = null;
      row.getCell(col('李四')).value = 'R';
      moved = true;
    });
    expect(moved).toBe(true);
    await wb.xlsx.writeFile(raci);
    const r = JSON.parse((await kam(['diff', dir, raci, '--format', 'json', '--lang', 'en', ...asOf])).stdout) as { changes: { kind: string }[]; introduced: { rule: string }[]; resolved: { rule: string }[]; load: unknown[] };
    expect(r.changes.map((c) => c.kind)).toEqual(['handover']);
    expect(r.load).toEqual([]);
    expect([...r.introduced, ...r.resolved].filter((f) => f.rule.startsWith('load/'))).toEqual([]);
  });

  it('kam diff: a matrix beside the long sheet where a holder\'s letter changed (C → I) keeps that holder\'s status and hours', async () => {
    const dir = tempDir();
    const sheets = (matrix?: unknown[][]) => [
      { name: '客户信息', rows: [['客户名称', '年采购额'], ['甲', 100]] },
      { name: '人员', rows: [['姓名', '部门'], ['张三', '销售部'], ['李四', '销售部']] },
      { name: '分工明细', rows: [['客户名称', '工作内容', '负责人', '角色', '频率', '预计工时', '状态'], ['甲', '业务回顾', '张三', 'A/R', '每月', 4, '进行中'], ['甲', '业务回顾', '李四', 'C', '每月', 8, '未开始']] },
      ...(matrix ? [{ name: 'RACI矩阵', rows: matrix }] : []),
    ];
    const old = await writeBook(join(dir, 'old.xlsx'), sheets());
    const now = await writeBook(join(dir, 'new.xlsx'), sheets([['客户名称', '工作内容', '张三', '李四'], ['甲', '业务回顾', 'A/R', 'I']]));
    const r = JSON.parse((await kam(['diff', old, now, '--format', 'json', '--lang', 'en', ...asOf])).stdout) as { changes: { kind: string }[] };
    expect(r.changes.map((c) => c.kind)).toEqual(['letter-changed']);
  });

  it('kam load --apply -o with an .xlsx book and another -o names the -o; kam report -o says no load finding again on stderr', async () => {
    const dir = tempDir();
    const book = await writeBook(join(dir, 'book.xlsx'), [
      { name: '客户信息', rows: [['客户名称', '年采购额'], ['甲', 100]] },
      { name: '人员', rows: [['姓名', '部门', '每周可用工时'], ['张三', '销售部', 40], ['李四', '销售部', 40]] },
      { name: '分工明细', rows: [['客户名称', '工作内容', '负责人', '角色', '频率', '预计工时'], ['甲', '日常跟进', '张三', 'A/R', '每周', 50]] },
    ]);
    const r = await kam(['load', book, '--apply', '-o', join(dir, 'out.csv'), '--lang', 'en', ...asOf]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`kam: --apply -o writes a changed copy of the book, as an .xlsx: name -o as one (new.xlsx), not ${join(dir, 'out.csv')}\n`);
    const report = await kam(['report', book, '-o', join(dir, 'r.html'), '--lang', 'en', ...asOf]);
    expect(report.stderr.split('\n').filter((l) => l.includes('load/'))).toEqual([]);
  });

  it('amounts in more than one currency in a column are said; the accounts without a readable revenue are said under the sums', async () => {
    const dir = csvFolder({ 'accounts.csv': 'Account Name,Annual Revenue\nAcme,"USD 1,200,000.00"\nGlobex,"EUR 900,000.00"\nInitech,"USD 300,000"\nUmbrella,n/a?\n' });
    const r = await kam(['tier', join(dir, 'accounts.csv'), '--lang', 'en', ...asOf]);
    expect(r.stderr).toContain('kam: accounts.csv: column B Annual Revenue holds amounts in USD, EUR (USD 1,200,000.00 (B2), EUR 900,000.00 (B3)): kam converts no currency, so they are compared and summed as if in one; write them in one currency\n');
    expect(r.stdout.replace(/\n(?!\n)/g, ' ')).toContain('1 of 4 accounts have no readable revenue (accounts.csv!B5 cannot be read, for one): not in the sums above');
    const one = csvFolder({ 'accounts.csv': 'Account Name,Annual Revenue\nAcme,"¥1,200,000"\nGlobex,120万元\n' });
    expect((await kam(['tier', join(one, 'accounts.csv'), '--lang', 'en', ...asOf])).stderr).not.toContain('currency');
  });

  it('kam tier --write of more than 125,000 accounts writes them (the widths of the new column overflowed the call stack: exit 3)', { timeout: 60_000 }, async () => {
    const dir = tempDir();
    const csv = join(dir, 'big.csv');
    const lines = ['客户编号,客户名称,年采购额'];
    for (let i = 1; i <= 130_000; i++) lines.push(`KA${i},客户${i},${(i * 7919) % 100_000}`);
    writeFileSync(csv, `${lines.join('\n')}\n`);
    const r = await kam(['tier', csv, '--write', '-q', '--lang', 'en', ...asOf]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const written = readFileSync(csv, 'utf8').split('\n');
    expect(written[0]).toBe('客户编号,客户名称,年采购额,计算等级,计算评分');
    expect(written.length).toBe(130_002);
  });

  it('a sheet part that is no well-formed XML is refused at its cell, never read as another value: <v> not closed, two <v>s, a wrong close, a bare &', async () => {
    const dir = tempDir();
    const row = (r: number, name: string, v: string) => `<row r="${r}">${t(`A${r}`, name)}<c r="B${r}">${v}</c><c r="C${r}"><v>3</v></c></row>`;
    const good = row(2, 'Apex', '<v>900000</v>') + row(4, 'Cobalt', '<v>100000</v>');
    const cases: [string, string][] = [
      ['<v>500000', 'B3'],
      ['<v>500000</w>', 'B3'],
      ['<v>1</v><v>500000</v>', 'B3'],
      // (An attribute twice, in a cell read the general way: `t` before `r`.)
      ['<v>500000</v></c><c t="n" r="C3" t="s"><v>3</v>', 'C3'],
    ];
    for (const [v, cell] of cases) {
      const book = rawAccounts(join(dir, `m${cases.findIndex((c) => c[0] === v)}.xlsx`), header + good.replace('</row>', `</row>${row(3, 'Bravo', v).replace(/<c r="C3"><v>3<\/v><\/c>/, v.includes('C3') ? '' : '<c r="C3"><v>3</v></c>')}`));
      const before = readFileSync(book);
      const r = await kam(['tier', book, '--write', '--lang', 'en', ...asOf]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`kam: ${book}: Accounts!${cell}: the workbook is corrupt (part xl/worksheets/sheet1.xml is not well-formed XML at cell ${cell}): nothing was read from it as it stands; open it in Excel, save it again as .xlsx and retry\n`);
      expect(readFileSync(book).equals(before)).toBe(true);
    }
    const amp = rawAccounts(join(dir, 'amp.xlsx'), header + good + `<row r="5">${t('A5', 'B&ravo')}<c r="B5"><v>5</v></c></row>`);
    expect((await kam(['tier', amp, '--lang', 'en', ...asOf])).stderr).toContain('Accounts!A5: the workbook is corrupt');
    // The same cells well-formed, with an entity and a comment between cells, read as before.
    const fine = rawAccounts(join(dir, 'fine.xlsx'), header + good + `<row r="5">${t('A5', 'B&amp;ravo')}<!-- note --><c r="B5"><v>5</v></c></row>`);
    const ok = await kam(['tier', fine, '--format', 'json', '--lang', 'en', ...asOf]);
    expect(ok.code).toBe(0);
    expect((JSON.parse(ok.stdout) as TierJson).accounts.map((a) => a.name)).toEqual(['Apex', 'Cobalt', 'B&ravo']);
  });

  it('a zip of more than 65,535 entries is written with ZIP64\'s counts, and reads back whole (kam tier --write stopped on ERR_OUT_OF_RANGE)', async () => {
    const dir = tempDir();
    const path = craftZip(join(dir, 'many.zip'), Array.from({ length: 70_000 }, (_, i) => ({ name: `x/${i}`, data: i % 1000 === 0 ? `part ${i}` : '' })));
    const zip = await ZipArchive.open(path);
    expect(zip.entries.size).toBe(70_000);
    expect((await zip.read(zip.find('x/69000')!, 100)).toString()).toBe('part 69000');
  });

  it('Salesforce ids of 15 characters that differ only in case are two accounts, each one with its 18-character id', async () => {
    const dir = csvFolder({
      'accounts.csv': 'Account ID,Account Name,Annual Revenue\n0015g00000AbCdE,Acme Corp,100\n0015g00000ABCDE,Acme Holdings,200\n',
      'staff.csv': 'Name,Department\nAnn,Sales\nBob,Sales\n',
      // The 18-character ids of the two (the last three letters spell the case of the first 15).
      'assignments.csv': 'Account ID,Task,Person,RACI\n0015g00000AbCdEAAV,Follow-up,Ann,A/R\n0015g00000ABCDEAA5,Follow-up,Bob,A/R\n0015g00000ABCDE,Complaints,Bob,A/R\n',
    });
    const r = JSON.parse((await kam(['check', dir, '--format', 'json', '--lang', 'en', ...asOf])).stdout) as CheckJson;
    expect(r.findings.filter((f) => f.rule.startsWith('schema/') || f.rule.startsWith('ref/') || f.rule.startsWith('raci/')).map((f) => f.rule)).toEqual([]);
    const load = JSON.parse((await kam(['load', dir, '--format', 'json', '--lang', 'en', ...asOf])).stdout) as { people: { name: string; accounts: number }[] };
    expect(load.people.map((p) => [p.name, p.accounts]).sort()).toEqual([['Ann', 1], ['Bob', 1]]);
  });

  it('a row whose id is one account and whose name is another\'s is said (ref/ambiguous-account), a short name is not', async () => {
    const dir = csvFolder({
      'accounts.csv': 'Account ID,Account Name,Annual Revenue\nKA1,Acme Corp,100\nKA2,Acme Holdings,200\n',
      'staff.csv': 'Name,Department\nAnn,Sales\n',
      'assignments.csv': 'Account ID,Account Name,Task,Person,RACI\nKA1,Acme Corp,Follow-up,Ann,A/R\nKA1,Acme Holdings,Complaints,Ann,A/R\nKA2,Acme,Follow-up,Ann,A/R\n',
    });
    const r = JSON.parse((await kam(['check', dir, '--format', 'json', '--lang', 'en', ...asOf])).stdout) as CheckJson;
    expect(r.findings.filter((f) => f.rule === 'ref/ambiguous-account').map((f) => [f.cell, f.message])).toEqual([
      ['assignments.csv!B3', 'Acme Corp · Complaints: the id KA1 is "Acme Corp" in the accounts sheet, but the row names "Acme Holdings", another account (KA2): which one is meant? The row is read as KA1\'s'],
    ]);
  });

  it('a Rules sheet that puts fewer accounts in a tier above the last (tiers.0.top = 0) is said as loosening the checks', async () => {
    const book = (rules: string) =>
      csvFolder({
        'accounts.csv': '客户名称,年采购额\n甲,100\n乙,50\n',
        'staff.csv': '姓名,部门\n张三,销售部\n',
        'assignments.csv': '客户名称,工作内容,负责人,角色\n甲,日常跟进,张三,A/R\n',
        'rules.csv': `Key,Value\n${rules}`,
      });
    const r = await kam(['check', book('tiers.0.top,0\n'), '-q', '--lang', 'en', ...asOf]);
    expect(r.stderr).toBe('kam: the book\'s own sheet "rules.csv" loosens the checks: tiers.0.top 10% → 0 (to check without it, as a CI job checking a change it does not trust should: --no-book-rules)\n');
    expect((await kam(['check', book('tiers.0.top,20%\n'), '-q', '--lang', 'en', ...asOf])).stderr).toBe('');
  });

  it('two staff members of one name, each with a 工号 of their own, are two people: by 工号 or 张伟(E009) each is theirs, the name alone is said', async () => {
    const dir = csvFolder({
      'accounts.csv': '客户名称,客户经理,年采购额\n甲公司,李娜,100\n乙公司,张伟,50\n',
      'staff.csv': '姓名,工号,岗位,部门\n张伟,E001,客户经理,销售部\n张伟,E009,技术支持,技术部\n李娜,E002,客户经理,销售部\n',
      'assignments.csv': '客户名称,工作内容,负责人,角色,频率,预计工时\n甲公司,技术支持,张伟(E009),R,每周,10\n甲公司,技术支持,李娜,A,每周,1\n乙公司,技术支持,E009,R,每周,10\n乙公司,技术支持,李娜,A,每周,1\n乙公司,日常跟进,张伟,R,每周,5\n乙公司,日常跟进,李娜,A,每周,1\n',
    });
    const check = JSON.parse((await kam(['check', dir, '--format', 'json', '--lang', 'en', ...asOf])).stdout) as CheckJson;
    expect(check.findings.filter((f) => f.rule === 'ref/unknown-person' || f.rule === 'schema/duplicate-key').map((f) => [f.cell, f.message])).toEqual([
      ['accounts.csv!B3', '乙公司: account manager "张伟" is the name of 2 staff members (张伟(E001), 张伟(E009)): which one is meant?'],
      ['assignments.csv!C6', '乙公司 · 日常跟进: "张伟" is the name of 2 staff members (张伟(E001), 张伟(E009)): which one is meant?'],
    ]);
    const load = JSON.parse((await kam(['load', dir, '--format', 'json', '--lang', 'en', ...asOf])).stdout) as { people: { name: string; hours: number; status: string }[] };
    expect(load.people.filter((p) => p.name.startsWith('张伟')).map((p) => [p.name, p.hours, p.status])).toEqual([
      ['张伟(E009)', 20, 'ok'],
      ['张伟(E001)', 0, 'idle'],
      ['张伟', 5, 'unknown'],
    ]);
    // Without a 工号 each, the name is still a duplicate of the staff sheet.
    const plain = csvFolder({ 'accounts.csv': '客户名称\n甲公司\n', 'staff.csv': '姓名,部门\n张伟,销售部\n张伟,技术部\n', 'assignments.csv': '客户名称,工作内容,负责人,角色\n甲公司,日常跟进,张伟,A/R\n' });
    const p = JSON.parse((await kam(['check', plain, '--format', 'json', '--lang', 'en', ...asOf])).stdout) as CheckJson;
    expect(p.findings.filter((f) => f.rule === 'schema/duplicate-key').map((f) => f.cell)).toEqual(['staff.csv!A3']);
  });

  it('an account manager written as two staff members is said as that, and a department holding a 、 is quoted in a list of departments', async () => {
    const dir = csvFolder({
      'accounts.csv': '客户名称,客户经理,年采购额\n甲公司,张伟/李娜,100\n',
      'staff.csv': '姓名,部门\n张伟,销售部\n李娜,客服部、销售部\n',
      'assignments.csv': '客户名称,工作内容,负责人,角色\n甲公司,日常跟进,张伟,A/R\n甲公司,日常跟进,李娜,R\n',
    });
    const en = JSON.parse((await kam(['check', dir, '--format', 'json', '--lang', 'en', ...asOf])).stdout) as CheckJson;
    expect(en.findings.filter((f) => f.rule === 'ref/unknown-person').map((f) => f.message)).toEqual(['甲公司: account manager "张伟/李娜" names 2 people of the staff sheet (张伟, 李娜), where an account has one']);
    const zh = JSON.parse((await kam(['check', dir, '--format', 'json', '--lang', 'zh', ...asOf])).stdout) as CheckJson;
    expect(zh.findings.filter((f) => f.rule === 'raci/role-conflict').map((f) => f.message)).toEqual(['甲公司 · 日常跟进：「销售部」、「客服部、销售部」 都是负责（R）部门，容易互相推诿']);
  });

  it('a sheet part written in UTF-16 with its byte-order mark is read (little- and big-endian); kam tier --write refuses it, writing nothing', async () => {
    const dir = tempDir();
    const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const sheetXml = `<?xml version="1.0" encoding="UTF-16"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${header}<row r="2">${t('A2', '华东精密')}<c r="B2"><v>900</v></c><c r="C2"><v>4</v></c></row><row r="3">${t('A3', 'Bravo')}<c r="B3"><v>500</v></c><c r="C3"><v>3</v></c></row></sheetData></worksheet>`;
    const book = (name: string, sheet: Buffer) =>
      writeZip(join(dir, name), {
        '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
        'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${rel}"><sheets><sheet name="Accounts" sheetId="1" r:id="rId1"/></sheets></workbook>`,
        'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
        'xl/worksheets/sheet1.xml': sheet,
      });
    const le = book('le.xlsx', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sheetXml, 'utf16le')]));
    const be = book('be.xlsx', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(sheetXml, 'utf16le').swap16()]));
    for (const file of [le, be]) {
      const r = await kam(['tier', file, '--format', 'json', '--lang', 'en', ...asOf]);
      expect(r.code).toBe(0);
      expect((JSON.parse(r.stdout) as TierJson).accounts.map((a) => a.name)).toEqual(['华东精密', 'Bravo']);
    }
    const before = readFileSync(le);
    const w = await kam(['tier', le, '--write', '-q', '--lang', 'en', ...asOf]);
    expect(w.code).toBe(2);
    expect(w.stderr).toBe(`kam: ${le}: part xl/worksheets/sheet1.xml is written in UTF-16, which kam reads but does not write into: open the book in Excel, save it again as .xlsx (its parts in UTF-8) and retry; nothing was written\n`);
    expect(readFileSync(le).equals(before)).toBe(true);
  });

  it('a note merged across the table under it (Figures unaudited) is no account', async () => {
    const dir = tempDir();
    const book = await writeBook(join(dir, 'note.xlsx'), [{ name: 'Accounts', rows: [['Account Name', 'Annual Revenue', 'Strategic Importance', 'Years'], ['Apex', 900, 4, 3], ['Bravo', 500, 3, 2], [], ['Figures unaudited']], merges: ['A5:D5'] }]);
    const r = await kam(['tier', book, '--format', 'json', '--lang', 'en', ...asOf]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as TierJson).accounts.map((a) => a.name)).toEqual(['Apex', 'Bravo']);
  });

  it('kam init does not read a kam.config.json beside the new book that links out of its folder', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'secret.json'), '{"mine": 1}');
    const folder = join(dir, 'team');
    mkdirSync(folder);
    symlinkSync('../secret.json', join(folder, 'kam.config.json'));
    const r = await kam(['init', join(folder, 'book.xlsx'), '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is a link to');
    expect(r.stderr).not.toContain('mine');
  });

  it('a 战略重要性 outside 1–5 is an unreadable value, not a rating that stretches the others', async () => {
    const dir = csvFolder({ 'accounts.csv': '客户名称,年采购额,战略重要性\n甲,100,8\n乙,200,0\n丙,300,4\n丁,400,5\n' });
    const r = JSON.parse((await kam(['check', dir, '--format', 'json', '--lang', 'en', ...asOf])).stdout) as CheckJson;
    expect(r.findings.filter((f) => f.rule === 'schema/invalid-value').map((f) => [f.cell, f.message])).toEqual([
      ['accounts.csv!C2', '"8" in column 战略重要性 cannot be read: expected a rating of 1–5 (战略重要性: the least first)'],
      ['accounts.csv!C3', '"0" in column 战略重要性 cannot be read: expected a rating of 1–5 (战略重要性: the least first)'],
    ]);
    // A scale its header states is the column's.
    const ten = csvFolder({ 'accounts.csv': 'Account Name,Annual Revenue,Strategic Importance (1-10)\nApex,100,9\nBravo,200,3\nCobalt,300,11\n' });
    const t10 = JSON.parse((await kam(['check', ten, '--format', 'json', '--lang', 'en', ...asOf])).stdout) as CheckJson;
    expect(t10.findings.filter((f) => f.rule === 'schema/invalid-value').map((f) => [f.cell, f.message])).toEqual([
      ['accounts.csv!C4', '"11" in column Strategic Importance (1-10) cannot be read: expected a rating of 1–10 (战略重要性: the least first)'],
    ]);
  });
  describe('found by a review of the session\'s change', () => {
    it('a note typed right of one CSV row (Excel\'s file, its header ending in a blank field, or not) is read as before: the row is an account, the note a column without a header', async () => {
      for (const header of ['Account ID,Account Name,Annual Revenue,Strategic Importance,', 'Account ID,Account Name,Annual Revenue,Strategic Importance']) {
        const dir = csvFolder({ 'accounts.csv': `${header}\nC-101,Apex,18500000,5\nC-103,Harbor Energy Group,12400000,5,check with finance\nC-104,Bluebird,3100000,2\n` });
        const r = await kam(['check', dir, '--format', 'json', '--lang', 'en', ...asOf]);
        const f = (JSON.parse(r.stdout) as CheckJson).findings;
        expect(f.filter((x) => x.rule.startsWith('schema/') && x.rule !== 'schema/missing-sheet').map((x) => x.rule)).toEqual(['schema/blank-header']);
        const tier = JSON.parse((await kam(['tier', join(dir, 'accounts.csv'), '--format', 'json', '--lang', 'en', ...asOf])).stdout) as TierJson;
        expect(tier.accounts.length).toBe(3);
      }
    });

    it('a Subtotal row that repeats its group in its own column (Region East) is a totals row', async () => {
      const dir = csvFolder({ 'accounts.csv': 'Account ID,Account Name,Region,Account Manager,Annual Revenue\nC-101,Apex,East,Alice Chen,185\nC-104,Bluebird,East,Carla Wang,31\n,Subtotal East,East,,216\n,Subtotal – Alice Chen,,Alice Chen,185\n' });
      const r = JSON.parse((await kam(['tier', join(dir, 'accounts.csv'), '--format', 'json', '--lang', 'en', ...asOf])).stdout) as TierJson;
      expect(r.accounts.map((a) => a.name).sort()).toEqual(['Apex', 'Bluebird']);
    });

    it('a unit said over another table above this one is not this table\'s; said, where it is, by default', async () => {
      const dir = csvFolder({ 'accounts.csv': '按区域汇总（单位：万元）,,,\n区域,客户数,采购额合计,\n华东,2,2160,\n,,,\n客户明细,,,\n客户编号,客户名称,年采购额,战略重要性\nKA1,甲公司,18500000,5\nKA2,乙公司,3100000,2\n' });
      const r = await kam(['tier', join(dir, 'accounts.csv'), '--format', 'json', '--lang', 'en', ...asOf]);
      expect((JSON.parse(r.stdout) as TierJson).summary.reduce((s, x) => s + x.revenue, 0)).toBe(21_600_000);
      expect(r.stderr).not.toContain('unit of the amounts');
      const own = csvFolder({ 'accounts.csv': ',,单位：万元\n客户名称,年采购额,战略重要性\n甲公司,1200,4\n' });
      expect((await kam(['tier', join(own, 'accounts.csv'), '--lang', 'en', ...asOf])).stderr).toContain('"单位：万元" (C1) is the unit of the amounts without one in their header: B 年采购额');
    });

    it('a group header with its unit in brackets (采购额（单位：万元） over 2024年 | 2025年) is a group, scaled', async () => {
      const book = await writeBook(join(tempDir(), 'g.xlsx'), [{ name: '客户', rows: [['客户名称', '采购额（单位：万元）', '', '战略重要性'], ['', '2024年', '2025年', ''], ['甲公司', 100, 120, 4], ['乙公司', 80, 60, 3]], merges: ['B1:C1'] }]);
      const r = await kam(['tier', book, '--format', 'json', '--lang', 'en', ...asOf]);
      expect(r.code).toBe(0);
      expect((JSON.parse(r.stdout) as TierJson).summary.reduce((s, x) => s + x.revenue, 0)).toBe(1_800_000);
    });

    it('ids of 15 characters that are no Salesforce ids (CUST00000000101) are compared without case; Salesforce ids keep theirs in --explain and --account', async () => {
      const dir = csvFolder({
        'accounts.csv': 'Account ID,Account Name,Annual Revenue\nCUST00000000101,Apex,100\n0015g00000AbCdE,Acme Corp,200\n0015g00000ABCDE,Acme Holdings,300\n',
        'staff.csv': 'Name,Department\nAnn,Sales\n',
        'assignments.csv': 'Account ID,Task,Person,RACI\ncust00000000101,Follow-up,Ann,A/R\n0015g00000AbCdE,Follow-up,Ann,A/R\n0015g00000ABCDE,Follow-up,Ann,A/R\n',
      });
      const r = JSON.parse((await kam(['check', dir, '--format', 'json', '--lang', 'en', ...asOf])).stdout) as CheckJson;
      expect(r.findings.filter((f) => f.rule === 'ref/unknown-account')).toEqual([]);
      const explain = await kam(['tier', dir, '--explain', '0015g00000AbCdE', '--format', 'json', '--lang', 'en', ...asOf]);
      expect((JSON.parse(explain.stdout) as { account: { name: string } }).account.name).toBe('Acme Corp');
      const matrix = JSON.parse((await kam(['matrix', dir, '--account', '0015g00000ABCDE', '--format', 'json', '--lang', 'en', ...asOf])).stdout) as { rows: { account?: string }[] };
      expect([...new Set(matrix.rows.map((x) => x.account))]).toEqual(['Acme Holdings']);
    });

    it('a quota changed from a percentage to a count is not said to loosen the checks (how many it takes depends on the book)', async () => {
      const dir = csvFolder({ 'accounts.csv': '客户名称,年采购额\n甲,100\n乙,50\n', 'staff.csv': '姓名,部门\n张三,销售部\n', 'assignments.csv': '客户名称,工作内容,负责人,角色\n甲,日常跟进,张三,A/R\n', 'rules.csv': 'Key,Value\ntiers.0.top,5\n' });
      expect((await kam(['check', dir, '-q', '--lang', 'en', ...asOf])).stderr).toBe('');
    });

    it('a cell closed by </c > (white space before its >, as XML allows) is read; USD1200 (no space) is dollars beside ¥', async () => {
      const dir = tempDir();
      const book = rawAccounts(join(dir, 'ws.xlsx'), `${header}<row r="2">${t('A2', 'Apex')}<c r="B2"><v>900</v></c ><c r="C2"><v>4</v></c></row><row r="3">${t('A3', 'Bravo')}<c r="B3" ><v>500</v></c><c r="C3"><v>3</v></c></row>`);
      const r = await kam(['tier', book, '--format', 'json', '--lang', 'en', ...asOf]);
      expect(r.code).toBe(0);
      expect((JSON.parse(r.stdout) as TierJson).accounts.map((a) => [a.name, a.tier])).toEqual([['Apex', 'strategic'], ['Bravo', 'important']]);
      const cur = csvFolder({ 'accounts.csv': 'Account Name,Annual Revenue\nA,¥500\nB,USD1200\n' });
      expect((await kam(['tier', join(cur, 'accounts.csv'), '--lang', 'en', ...asOf])).stderr).toContain('holds amounts in CNY, USD');
    });
  });
  describe('found by the second round of trials', () => {
    it('English totals rows with their amounts written as the export writes them (USD 2,000,000.00, S$, $2.0M, -) are totals: Subtotal East, East Total, Total - East, a Subtotal beside its region; Total-Care Pharmacy and Nutri Total are accounts', async () => {
      const dir = csvFolder({
        'accounts.csv': 'Account ID,Account Name,Region,Account Owner,Annual Revenue,Notes\nSG001,Marina Bay,East,Jenny Chen,"USD 1,200,000.00",ok\nSG002,Jurong,East,David Tan,"USD 800,000.00",\n,Subtotal East,,,"USD 2,000,000.00",-\n,Subtotal,East,,"$2.0M",N/A\n,East Total,,,"2,000,000",\n,Total - West,,,"S$2,750,000",\n,East Region Total,,,2000000,\nSG005,Total-Care Pharmacy,West,Ann Lee,"SGD 250,000",\nSG006,Nutri Total,West,Ann Lee,"HK$300,000",\n,Grand Total (4 records),,,"USD 4,750,000.00",\n',
      });
      const r = JSON.parse((await kam(['tier', join(dir, 'accounts.csv'), '--format', 'json', '--lang', 'en', ...asOf])).stdout) as TierJson;
      expect(r.accounts.map((a) => a.name).sort()).toEqual(['Jurong', 'Marina Bay', 'Nutri Total', 'Total-Care Pharmacy']);
    });

    it('a running 序号 of SUBTOTAL(103,B$2:B2) is no totals row; a task named 积分累计 is a task', async () => {
      const dir = tempDir();
      const book = writeRawXlsx(join(dir, 'seq.xlsx'), [
        { name: '客户信息', data: `<row r="1">${t('A1', '序号')}${t('B1', '客户名称')}${t('C1', '年采购额')}</row><row r="2"><c r="A2"><f>SUBTOTAL(103,B$2:B2)</f><v>1</v></c>${t('B2', '华东精密')}<c r="C2"><v>1200</v></c></row><row r="3"><c r="A3"><f>SUBTOTAL(103,B$2:B3)</f><v>2</v></c>${t('B3', '北方物流')}<c r="C3"><v>640</v></c></row>` },
      ]);
      const r = JSON.parse((await kam(['tier', book, '--format', 'json', '--lang', 'en', ...asOf])).stdout) as TierJson;
      expect(r.accounts.map((a) => a.name)).toEqual(['华东精密', '北方物流']);
      const tasks = csvFolder({ 'accounts.csv': '客户名称,年采购额\n甲,100\n乙,200\n1-10月累计,300\n2025年累计,300\n', 'staff.csv': '姓名,部门\n张三,销售部\n', 'assignments.csv': '客户名称,工作内容,负责人,角色\n甲,积分累计,张三,A/R\n甲,本年累计,张三,A/R\n' });
      const load = JSON.parse((await kam(['load', tasks, '--format', 'json', '--lang', 'en', ...asOf])).stdout) as { people: { name: string; accountable: number }[] };
      expect(load.people.map((p) => [p.name, p.accountable])).toEqual([['张三', 2]]);
      const accts = JSON.parse((await kam(['tier', join(tasks, 'accounts.csv'), '--format', 'json', '--lang', 'en', ...asOf])).stdout) as TierJson;
      expect(accts.accounts.map((a) => a.name).sort()).toEqual(['乙', '甲']);
    });

    it('a note typed past one CSV row beside numbers that look split (3,450) is a column without a header; a strategic scale stated as 满分10分, 10分制, out of 10 is the column\'s', async () => {
      const dir = csvFolder({ 'accounts.csv': 'Account Name,Years,Annual Revenue (万元),Strategic Importance (out of 10)\nAcme Ltd,5,310,4\nBeta Co,8,1200,9\nGamma Inc,2,85,2\nDelta LLC,3,450,5,call back in Dec\n' });
      const r = JSON.parse((await kam(['check', dir, '--format', 'json', '--lang', 'en', ...asOf])).stdout) as CheckJson;
      expect(r.findings.filter((f) => f.rule.startsWith('schema/') && f.rule !== 'schema/missing-sheet').map((f) => [f.rule, f.cell])).toEqual([['schema/blank-header', 'accounts.csv!E1']]);
      // (A year range is no scale: FY24-25, 2024-2025年度.)
      const fy = csvFolder({ 'accounts.csv': 'Account Name,Annual Revenue,Strategic Importance (FY24-25)\nAcme,100,4\nBeta,200,2\n' });
      expect((JSON.parse((await kam(['check', fy, '--format', 'json', '--lang', 'en', ...asOf])).stdout) as CheckJson).findings.filter((f) => f.rule === 'schema/invalid-value')).toEqual([]);
      for (const header of ['战略重要性（满分10分）', '战略重要性(10分制)', '战略重要性（评分1-10）']) {
        const zh = csvFolder({ 'accounts.csv': `客户名称,年采购额,${header}\n甲,100,9\n乙,200,6\n` });
        const z = JSON.parse((await kam(['check', zh, '--format', 'json', '--lang', 'en', ...asOf])).stdout) as CheckJson;
        expect(z.findings.filter((f) => f.rule === 'schema/invalid-value')).toEqual([]);
      }
    });

    it('XML allows white space before an end tag\'s > (</v >, </t >) and CDATA sections in a text: read as their values', async () => {
      const dir = tempDir();
      const book = writeRawXlsx(
        join(dir, 'x.xlsx'),
        [{ name: 'Accounts', data: `<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[Account Name]]></t></is></c>${t('B1', 'Annual Revenue')}</row><row r="2"><c r="A2" t="inlineStr"><is><t>Acme</t ></is></c><c r="B2"><v>800000</v ></c></row><row r="3"><c r="A3" t="s"><v>0</v></c><c r="B3"><v>500000</v></c></row>` }],
        { sharedStrings: ['<t><![CDATA[AT&T Inc]]></t>'] },
      );
      const r = await kam(['tier', book, '--format', 'json', '--lang', 'en', ...asOf]);
      expect(r.code).toBe(0);
      expect((JSON.parse(r.stdout) as TierJson).summary.reduce((s, x) => s + x.revenue, 0)).toBe(1_300_000);
      expect((JSON.parse(r.stdout) as TierJson).accounts.map((a) => a.name)).toEqual(['Acme', 'AT&T Inc']);
    });

    it('kam diff: an owner written another way (E001 for 张伟(E001), Jenny Chen for 陈静 (Jenny Chen)) is no owner change; amounts in HK$, 港元, S$ are read', async () => {
      const book = (owner: string) => csvFolder({ 'accounts.csv': `客户名称,客户经理,年采购额\n甲,${owner},"HK$1,200,000"\n乙,李娜,500000港元\n`, 'staff.csv': '姓名,工号,部门\n张伟,E001,销售部\n陈静 (Jenny Chen),E003,销售部\n李娜,E002,销售部\n', 'assignments.csv': '客户名称,工作内容,负责人,角色\n甲,日常跟进,李娜,A/R\n乙,日常跟进,李娜,A/R\n' });
      for (const [a, b] of [['E001', '张伟(E001)'], ['陈静 (Jenny Chen)', 'Jenny Chen']] as const) {
        const r = JSON.parse((await kam(['diff', book(a), book(b), '--format', 'json', '--lang', 'en', ...asOf])).stdout) as { changes: { kind: string }[] };
        expect(r.changes).toEqual([]);
      }
      const moved = JSON.parse((await kam(['diff', book('E001'), book('李娜'), '--format', 'json', '--lang', 'en', ...asOf])).stdout) as { changes: { kind: string; from?: unknown; to?: unknown }[] };
      expect(moved.changes.map((c) => [c.kind, c.from, c.to])).toEqual([['owner-changed', '张伟', '李娜']]);
    });

    it('a comma-separated CSV whose quoted amounts show the comma mark ("1.200.000", "900.000,50") reads that column so', async () => {
      const dir = csvFolder({ 'accounts.csv': 'Account Name,Annual Revenue,Years\nAcme,"1.200.000",1.5\nBeta,"800.000",2\nGamma,"900.000,50",3\n' });
      const r = JSON.parse((await kam(['tier', join(dir, 'accounts.csv'), '--format', 'json', '--lang', 'en', ...asOf])).stdout) as TierJson;
      expect(r.summary.reduce((s, x) => s + x.revenue, 0)).toBe(2_900_000.5);
    });

    it('a Rules sheet takes a threshold as a percentage (load.over 120%) and a setting with its unit (cadenceDays 30天)', async () => {
      const dir = csvFolder({
        'accounts.csv': '客户名称,年采购额,最近联系日期\n甲,100,2025-10-01\n',
        'staff.csv': '姓名,部门\n张三,销售部\n',
        'assignments.csv': '客户名称,工作内容,负责人,角色\n甲,日常跟进,张三,A/R\n',
        'rules.csv': 'Key,Value\nload.over,120%\nservices.strategic.cadenceDays,30天\n',
      });
      const r = await kam(['check', dir, '--format', 'json', '--lang', 'en', ...asOf]);
      expect(r.stderr).not.toContain('expected');
      const f = (JSON.parse(r.stdout) as CheckJson).findings;
      // 甲 (strategic, the only account) last contacted 45 days before: past the sheet's 30.
      expect(f.filter((x) => x.rule === 'time/cadence').map((x) => x.cell)).toEqual(['accounts.csv!C2']);
    });

    it('a date column of m/d/yy takes no order from dd/mm/yyyy dates beside it; one that follows dates written alike says so', async () => {
      const dir = csvFolder({ 'accounts.csv': 'Account Name,Annual Revenue,Customer Since,Last Activity\nA,100,15/11/2019,11/3/25\nB,200,20/03/2023,10/5/25\n' });
      const r = JSON.parse((await kam(['check', dir, '--format', 'json', '--lang', 'en', ...asOf])).stdout) as CheckJson;
      expect(r.findings.filter((f) => f.rule === 'schema/invalid-value').map((f) => f.cell)).toEqual(['accounts.csv!D2', 'accounts.csv!D3']);
      const alike = csvFolder({ 'accounts.csv': 'Account Name,Annual Revenue,Created Date,Last Contact\nAcme,100,12/30/2022,11/3/2025\n' });
      const said = await kam(['check', alike, '--lang', 'en', ...asOf]);
      expect(said.stderr).toContain('Last Contact');
      expect(said.stderr).toContain('12/30/2022');
    });
  });
  describe('found by a trial of Taiwan and Hong Kong books', () => {
    it('units HK$\'000, NT$萬, 新台幣萬元, 萬港元 scale their column; Taiwan headers (合約金額, 最近聯絡日期, 合作年資; 職稱 where no 岗位) are read', async () => {
      const dir = csvFolder({
        'accounts.csv': '\ufeff客戶名稱,"年採購額(HK$\'000)","合約金額(新台幣萬元)",合作年資,戰略重要性,客戶經理,最近聯絡日期\n甲公司,"12,000",100,3,4,陳大文,2025-09-01\n乙公司,"8,000",50,2,3,李嘉欣,2025-09-15\n',
        'staff.csv': '姓名,職稱,部門\n陳大文,客戶經理,業務部\n李嘉欣,客戶經理,業務部\n',
        'assignments.csv': '客戶名稱,工作內容,負責人,角色\n甲公司,日常跟進,陳大文,當責\n甲公司,日常跟進,李嘉欣,R\n乙公司,日常跟進,李嘉欣,A/R\n',
      });
      const tier = await kam(['tier', join(dir, 'accounts.csv'), '--format', 'json', '--lang', 'en', ...asOf]);
      // (Only satisfaction, which the book has not, is dropped.)
      expect(tier.stderr.split('\n').filter((l) => l.includes('has no column'))).toEqual(['kam: criterion "satisfaction" has no column in accounts.csv: dropped, the other weights re-normalised']);
      expect((JSON.parse(tier.stdout) as TierJson).summary.reduce((s, x) => s + x.revenue, 0)).toBe(20_000_000);
      const load = JSON.parse((await kam(['load', dir, '--format', 'json', '--lang', 'en', ...asOf])).stdout) as { people: { name: string; role?: string }[] };
      expect(load.people.map((p) => p.role)).toEqual(['客戶經理', '客戶經理']);
      const check = JSON.parse((await kam(['check', dir, '--format', 'json', '--lang', 'en', ...asOf])).stdout) as CheckJson;
      expect(check.findings.filter((f) => f.rule.startsWith('schema/') || f.rule.startsWith('raci/'))).toEqual([]);
    });

    it('Taiwan form markers, sign-offs and formal section labels are no accounts: （以下空白）, 經辦人：, 核准：, 覆核：, 資料來源：, 機密文件, 壹、台灣區', async () => {
      const rows = ['客戶名稱,年採購額', '壹、台灣區,', '甲公司,100', '乙公司,50', '貳、香港區,', '丙公司,80', '（以下空白）,', '經辦人：林美玲,', '核准：王經理,', '覆核：李嘉欣,', '主管簽核：,', '列印日期：114/10/01,', '資料來源：CRM系統,', '機密文件，請勿外流,', '資料截至114年9月30日,', '以上金額均為未稅,'];
      const dir = csvFolder({ 'accounts.csv': `${rows.join('\n')}\n` });
      const r = JSON.parse((await kam(['tier', join(dir, 'accounts.csv'), '--format', 'json', '--lang', 'en', ...asOf])).stdout) as TierJson;
      expect(r.accounts.map((a) => a.name).sort()).toEqual(['丙公司', '乙公司', '甲公司']);
    });

    it('another currency\'s amount under a column of 萬元 is as written (NT$1,200,000 is 1.2 million), a $ keeps the column\'s unit', async () => {
      const dir = csvFolder({ 'accounts.csv': '客戶名稱,年採購額(萬元)\n甲,"NT$1,200,000"\n乙,300\n丙,"HK$500,000"\n丁,"$800"\n' });
      const r = JSON.parse((await kam(['tier', join(dir, 'accounts.csv'), '--format', 'json', '--lang', 'en', ...asOf])).stdout) as TierJson;
      expect(r.summary.reduce((s, x) => s + x.revenue, 0)).toBe(12_700_000);
    });

    it('(review) the column\'s own currency under 万美元 or 萬港元 keeps its unit; 负责业务, 年营业额, 重要程度 and 职称 beside 岗位 are no columns of kam\'s; a name-only row 机密文件管理有限公司 is an account', async () => {
      const own = csvFolder({ 'accounts.csv': '客户名称,年采购额(万美元)\n甲公司,USD 120\n丙公司,120美元\n丁公司,US$50\n戊公司,"NT$1,000,000"\n' });
      const r = JSON.parse((await kam(['tier', join(own, 'accounts.csv'), '--format', 'json', '--lang', 'en', ...asOf])).stdout) as TierJson;
      expect(r.summary.reduce((s, x) => s + x.revenue, 0)).toBe(3_900_000);
      const mainland = csvFolder({
        'accounts.csv': '客户名称,客户经理,负责业务,年采购额,年营业额,重要程度\n甲公司,张伟,云服务,500,80000,高\n机密文件管理有限公司,,,,,\n',
        'staff.csv': '姓名,工号,岗位,职称,部门\n张伟,S01,客户经理,高级工程师,销售部\n',
        'assignments.csv': '客户名称,工作内容,负责人,角色\n甲公司,日常跟进,张伟,A/R\n机密文件管理有限公司,日常跟进,张伟,A/R\n',
      });
      const tier = await kam(['tier', join(mainland, 'accounts.csv'), '--format', 'json', '--lang', 'en', ...asOf]);
      expect(tier.code).toBe(0);
      expect((JSON.parse(tier.stdout) as TierJson).accounts.map((a) => a.name).sort()).toEqual(['机密文件管理有限公司', '甲公司']);
      const check = JSON.parse((await kam(['check', mainland, '--format', 'json', '--lang', 'en', ...asOf])).stdout) as CheckJson;
      expect(check.findings.filter((f) => f.rule === 'schema/ambiguous-column' || f.rule === 'ref/unknown-person')).toEqual([]);
    });

    it('an overdue task of a matrix names the one who does it (R), not the first holder in the columns (a C)', async () => {
      const book = await writeBook(join(tempDir(), 'm.xlsx'), [
        { name: '客戶資料', rows: [['客戶名稱', '年採購額'], ['新界建材', 100]] },
        { name: '人員', rows: [['姓名', '部門'], ['陳大文', '業務部'], ['李嘉欣', '業務部']] },
        { name: '分工明細', rows: [['客戶名稱', '工作內容', '截止日期', '陳大文', '李嘉欣'], ['新界建材', '日常跟進', '2025-10-01', 'C', 'A/R']] },
      ]);
      const r = JSON.parse((await kam(['check', book, '--format', 'json', '--lang', 'en', ...asOf])).stdout) as { findings: { rule: string; person?: string }[] };
      expect(r.findings.filter((f) => f.rule === 'time/overdue').map((f) => f.person)).toEqual(['李嘉欣']);
    });

    it('民國 dates as Taiwan\'s Excel writes them (中華民國114年9月1日, 114/9/1, 114.09.01, 1140901) are read; 在職中, 留職停薪 are employed, 調職 is not; 已結案 is done', async () => {
      const dir = csvFolder({
        'accounts.csv': '客戶名稱,年採購額\n甲公司,100\n',
        'staff.csv': '姓名,部門,在職\n張三,業務部,在職中\n李四,業務部,留職停薪\n王五,業務部,調職\n',
        'assignments.csv': '客戶名稱,工作內容,負責人,角色,截止日期,頻率,狀態\n甲公司,合約續簽,張三,A/R,中華民國114年9月1日,一次,已結案\n甲公司,報價,李四,A/R,114/9/1,一次,進行中\n甲公司,回訪,張三,A/R,114.09.01,一次,進行中\n甲公司,簡報,李四,A/R,1140901,一次,進行中\n甲公司,日常跟進,王五,A/R,,週一,進行中\n',
      });
      const r = JSON.parse((await kam(['check', dir, '--format', 'json', '--lang', 'en', ...asOf])).stdout) as CheckJson;
      expect(r.findings.filter((f) => f.rule === 'schema/invalid-value')).toEqual([]);
      expect(r.findings.filter((f) => f.rule === 'time/overdue').map((f) => f.cell)).toEqual(['assignments.csv!E3', 'assignments.csv!E4', 'assignments.csv!E5']);
      expect(r.findings.filter((f) => f.rule === 'ref/inactive-person').map((f) => f.cell)).toEqual(['assignments.csv!C6']);
    });
  });
});
