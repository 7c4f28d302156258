// What the twelfth session's trials and leftovers found, each a test that fails without its fix.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tempDir, writeBook } from '../helpers/books.js';
import { EXAMPLES, kam } from '../helpers/cli.js';

const asOf = ['--as-of', '2025-11-15'];

interface Json {
  findings: { rule: string; severity: string; cell?: string; message: string; person?: string }[];
}

describe('an account manager written as the rows write people (left from the eleventh session: an unknown person)', () => {
  const book = () =>
    writeBook(join(tempDir(), 'owners.xlsx'), [
      {
        name: '客户',
        rows: [
          ['客户名称', '客户经理', '年采购额'],
          ['甲公司', 'Mary Lee', 100],
          ['乙公司', '张伟（客户经理）', 80],
          ['丙公司', '王小明', 60],
        ],
      },
      { name: '人员', rows: [['姓名', '岗位'], ['李美玲 (Mary Lee)', '客户经理'], ['张伟', '客户经理']] },
      {
        name: '分工表',
        rows: [
          ['客户名称', '工作内容', '负责人', '角色'],
          ['甲公司', '日常跟进', '李美玲', 'A'],
          ['乙公司', '日常跟进', '张伟', 'A'],
          ['丙公司', '日常跟进', '张伟', 'A'],
        ],
      },
    ]);

  it('`Mary Lee` is 李美玲 (Mary Lee), `张伟（客户经理）` is 张伟; a name nobody has is still unknown', async () => {
    const r = await kam(['check', await book(), '--format', 'json', ...asOf]);
    const unknown = (JSON.parse(r.stdout) as Json).findings.filter((f) => f.rule === 'ref/unknown-person');
    expect(unknown.map((f) => [f.cell, f.person])).toEqual([['客户!B4', '王小明']]);
  });

  it('kam load counts the account for the staff member, not for a second person of that name', async () => {
    const r = await kam(['load', await book(), '--format', 'json', ...asOf]);
    const people = (JSON.parse(r.stdout) as { people: { name: string; accounts: number }[] }).people;
    expect(Object.fromEntries(people.map((p) => [p.name, p.accounts]))).toEqual({ '李美玲 (Mary Lee)': 1, 张伟: 2, 王小明: 1 });
  });
});

describe('a book in both scripts (left from the eleventh session: 陳大文 and 陈大文 two people)', () => {
  it('Staff and Accounts in Traditional, rows typed in Simplified: one person, one account, no unknown', async () => {
    const book = await writeBook(join(tempDir(), 'scripts.xlsx'), [
      { name: '客戶資料', rows: [['客戶名稱', '年採購額'], ['九龍電訊', 900], ['長江實業', 500]] },
      { name: '人員資料', rows: [['姓名', '每週工時'], ['陳大文', 40], ['鍾美玲', 40]] },
      {
        name: '分工表',
        rows: [
          ['客户名称', '工作内容', '负责人', '角色'],
          ['九龙电讯', '日常跟进', '陈大文', 'A'],
          ['九龙电讯', '日常跟进', '钟美玲', 'R'],
          ['长江实业', '日常跟进', '陳大文', 'A'],
          ['长江实业', '日常跟进', '鍾美玲', 'R'],
        ],
      },
    ]);
    const r = await kam(['check', book, '--format', 'json', ...asOf]);
    const rules = (JSON.parse(r.stdout) as Json).findings.map((f) => f.rule);
    expect(rules.filter((x) => x.startsWith('ref/'))).toEqual([]);
    const load = await kam(['load', book, '--format', 'json', ...asOf]);
    const people = (JSON.parse(load.stdout) as { people: { name: string; accounts: number }[] }).people;
    // The Staff sheet's names, each holding both accounts.
    expect(Object.fromEntries(people.map((p) => [p.name, p.accounts]))).toEqual({ 陳大文: 2, 鍾美玲: 2 });
  });
});

describe('a department written as its path (left from the eleventh session: 销售部/华东组 was said to name several)', () => {
  const book = (departments: string[]) =>
    writeBook(join(tempDir(), 'paths.xlsx'), [
      { name: '客户', rows: [['客户名称', '年采购额'], ['甲公司', 100]] },
      { name: '人员', rows: [['姓名', '部门'], ...departments.map((d, i) => [`人员${i + 1}`, d])] },
      { name: '分工', rows: [['客户名称', '工作内容', '负责人', '角色'], ['甲公司', '日常跟进', '人员1', 'R'], ['甲公司', '日常跟进', '人员2', 'A']] },
    ]);
  const noted = async (departments: string[]) => (await kam(['load', await book(departments), '--lang', 'en', ...asOf])).stderr.split('\n').filter((l) => l.includes('read as one department'));

  it('a department and its team (销售部/华东组, Sales/EMEA) is one team: nothing said', async () => {
    expect(await noted(['销售部/华东组', 'Sales/EMEA', '客服部'])).toEqual([]);
  });

  it('parts of one level (销售部/客服部), each another person\'s department (Sales/Support), or a list: said', async () => {
    expect(await noted(['人事部', '销售部/客服部'])).toHaveLength(1);
    expect((await noted(['Sales/Support', 'Sales', 'Support']))[0]).toContain('人员!B2: 人员1\'s department "Sales/Support"');
    expect((await noted(['Sales; EMEA', 'Support']))[0]).toContain('"Sales; EMEA"');
  });
});

describe('kam diff of a book against its returned RACI matrix (left from the eleventh session: 28 findings resolved, a Staff sheet lost)', () => {
  const book = join(EXAMPLES, 'accounts-zh.xlsx');
  const matrixOf = async () => {
    const matrix = join(tempDir(), 'm.xlsx');
    expect((await kam(['matrix', book, '-o', matrix, '-q', ...asOf])).code).toBeLessThan(2);
    return matrix;
  };
  interface Diff {
    summary: Record<string, number>;
    changes: { kind: string; account?: string; from?: unknown; to?: unknown }[];
    introduced: { rule: string }[];
    resolved: { rule: string }[];
  }

  it('as handed out: no change, no finding introduced or resolved, exit 0, and stderr says how accounts were compared', async () => {
    const matrix = await matrixOf();
    for (const [a, b] of [[book, matrix], [matrix, book]]) {
      const r = await kam(['diff', a!, b!, '--format', 'json', '--lang', 'en', ...asOf]);
      const d = JSON.parse(r.stdout) as Diff;
      expect([d.changes, d.introduced, d.resolved, r.code]).toEqual([[], [], [], 0]);
      expect(r.stderr).toContain('m.xlsx has no Accounts sheet (its accounts are those it names with their tier, as a RACI matrix does)');
    }
  });

  it('returned with a letter taken away and a tier changed: those, and the finding the letter makes', async () => {
    const matrix = await matrixOf();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(matrix);
    const sheet = wb.getWorksheet('By account')!;
    // 华东精密制造有限公司 · 日常跟进: 张伟's R; 南方电网物资公司's tier (pinned Strategic in the book).
    expect([sheet.getCell('A3').value, sheet.getCell('D3').value, sheet.getCell('E2').value, sheet.getCell('E3').value]).toEqual(['华东精密制造有限公司', '日常跟进', '张伟', 'R']);
    expect([sheet.getCell('A11').value, sheet.getCell('C11').value]).toEqual(['南方电网物资公司', 'Strategic']);
    sheet.getCell('E3').value = null;
    sheet.getCell('C11').value = 'Important';
    await wb.xlsx.writeFile(matrix);
    const d = JSON.parse((await kam(['diff', book, matrix, '--format', 'json', '--lang', 'en', ...asOf])).stdout) as Diff;
    expect(d.changes.map((c) => [c.kind, c.account, c.from ?? null, c.to ?? null])).toEqual([
      ['responsibility-removed', '华东精密制造有限公司', null, null],
      ['tier-changed', '南方电网物资公司', 'strategic', 'important'],
    ]);
    expect(d.introduced.map((f) => f.rule)).toContain('raci/no-responsible');
    expect(d.resolved).toEqual([]);
  });
});
