// What the twelfth session's trials and leftovers found, each a test that fails without its fix.
import { chmodSync, chownSync, copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { csvFolder, tempDir, writeBook, writeRawXlsx } from '../helpers/books.js';
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

describe('layouts of real books (found by a new user: rows of labels, legends and summaries read as accounts)', () => {
  const H = ['序号', '客户名称', '客户经理', '年采购额(万元)', '客户等级'];
  const accounts = (rows: unknown[][], merges: string[] = []) => writeBook(join(tempDir(), 'layout.xlsx'), [{ name: '客户信息', rows: [H, ...rows], merges }]);
  const tier = async (book: string) => {
    const r = await kam(['tier', book, '--format', 'json', '--lang', 'en', ...asOf]);
    return { names: (JSON.parse(r.stdout) as { accounts: { name: string }[] }).accounts.map((a) => a.name).sort(), stderr: r.stderr, code: r.code };
  };
  const four = ['云帆科技', '华东精密', '白云物流', '联华超市'].sort();

  it('a section row with its subtotal (一、华东区 merged over three columns, 2470 beside) is no account; nor 华东区 alone, nor its count 共2家', async () => {
    const book = await accounts(
      [
        ['一、华东区', null, null, 2470],
        [1, '华东精密', '张伟', 1850, '战略'],
        [2, '联华超市', '王芳', 620, '重要'],
        [null, '华南区'],
        [3, '云帆科技', '李娜', 150, '普通'],
        ['（三）西部', null, null, 980, '共1家'],
        [4, '白云物流', '张伟', 980, '重要'],
      ],
      ['A2:C2'],
    );
    const r = await tier(book);
    expect([r.names, r.code]).toEqual([four, 0]);
  });

  it('an account written with its number (`1. 华东精密`) and its revenue is still an account', async () => {
    const r = await tier(await accounts([[null, '1. 华东精密', '张伟', 1850, '战略'], [null, '2. 联华超市', '王芳', 620, '重要']]));
    expect(r.names).toEqual(['1. 华东精密', '2. 联华超市']);
  });

  it('a legend titled under the table (等级说明 over 战略 | 前10%) ends it, and stderr says so', async () => {
    const book = await accounts([[1, '华东精密', '张伟', 1850, '战略'], [2, '联华超市', '王芳', 620, '重要'], [3, '云帆科技', '李娜', 150, '普通'], [4, '白云物流', '张伟', 980, '重要'], [], ['等级说明'], ['战略', '前10%'], ['重要', '前30%']]);
    const r = await tier(book);
    expect(r.names).toEqual(four);
    expect(r.stderr).toContain('kam: 客户信息: row 7 ("等级说明") titles a legend or a summary under the table: kam reads the rows above it only');
  });

  it('a legend beside the table past a blank column (等级 | 说明) is not read: no ambiguous column, its cells not the rows\'', async () => {
    const book = await writeBook(join(tempDir(), 'beside.xlsx'), [
      {
        name: '客户信息',
        rows: [
          [...H, null, '等级', '说明'],
          ['一、华东区', null, null, null, null, null, '战略', '前10%'],
          [1, '华东精密', '张伟', 1850, '战略', null, '重要', '前30%'],
          [2, '联华超市', '王芳', 620, '重要', null, '普通', '其余'],
          [3, '云帆科技', '李娜', 150, '普通'],
          [4, '白云物流', '张伟', 980, '重要'],
        ],
        merges: ['A2:E2'],
      },
    ]);
    const r = await kam(['check', book, '--format', 'json', '--lang', 'en', ...asOf]);
    const rules = (JSON.parse(r.stdout) as Json).findings.map((f) => f.rule);
    expect(rules.filter((x) => x.startsWith('schema/') && x !== 'schema/missing-sheet')).toEqual([]);
    expect(r.stderr).toContain('kam: 客户信息: another table stands beside this one from column G on (等级 | 说明): kam reads the columns before it only');
    expect((await tier(book)).names).toEqual(four);
  });

  it('a summary of people under the division of labour (按负责人汇总 over 负责人 | 客户数 | 合计工时) is not read as rows', async () => {
    const book = await writeBook(join(tempDir(), 'summary.xlsx'), [
      { name: '客户', rows: [['客户名称', '年采购额(万元)'], ['华东精密', 1850]] },
      { name: '人员', rows: [['姓名'], ['张伟'], ['赵敏']] },
      { name: '分工明细', rows: [['客户名称', '工作内容', '负责人', '角色'], ['华东精密', '日常跟进', '张伟', 'R'], ['华东精密', '日常跟进', '赵敏', 'A'], [], ['按负责人汇总'], ['负责人', '客户数', '合计工时'], ['张伟', 1, 2], ['赵敏', 1, 0]] },
    ]);
    const r = await kam(['check', book, '--format', 'json', '--lang', 'en', ...asOf]);
    expect((JSON.parse(r.stdout) as Json).findings.filter((f) => /^(?:ref|raci|schema)\//.test(f.rule))).toEqual([]);
    expect(r.stderr).toContain('row 5 ("按负责人汇总") titles a legend or a summary');
  });

  it.each(['below', 'above'])('a row of units %s the header (（万元） under 年采购额) joins it: 1850 is 18,500,000, 8 years stay 8', async (where) => {
    const header = ['客户编号', '客户名称', '年采购额', '合同金额', '合作年限'];
    const units = [null, null, '（万元）', '（万元）', null];
    const book = await writeBook(join(tempDir(), 'units.xlsx'), [
      { name: '客户信息', rows: [...(where === 'below' ? [header, units] : [units, header]), ['KA1', '华东精密', 1850, 2200, 8], ['KA2', '联华超市', 620, 800, 5], ['KA3', '云帆科技', 150, 120, 2]] },
    ]);
    const r = await kam(['tier', book, '--format', 'json', '--explain', '华东精密', '--lang', 'en', ...asOf]);
    expect(r.code).toBe(0);
    const criteria = (JSON.parse(r.stdout) as { criteria: { header: string; raw: number }[] }).criteria;
    expect(criteria.map((c) => [c.header, c.raw])).toEqual([
      ['年采购额（万元）', 18_500_000],
      ['合同金额（万元）', 22_000_000],
      ['合作年限', 8],
    ]);
  });

  it('an averages row under the totals row (平均) is skipped as the totals row is', async () => {
    const r = await tier(await accounts([[1, '华东精密', '张伟', 1850, '战略'], [2, '联华超市', '王芳', 620, '重要'], ['合计', null, null, 2470], ['平均', null, null, 1235]]));
    expect([r.names, r.code]).toEqual([['华东精密', '联华超市'], 0]);
  });

  it('a sign-off line above the header (制表：刘洋 | 日期：) is no header, and no Traditional book: --write writes 计算等级', async () => {
    const book = await writeBook(join(tempDir(), 'signed.xlsx'), [
      { name: '客户清单', rows: [['制表：刘洋', null, null, '日期：'], ['序号', '客户名称', '客户经理', '区域', '年采购额（万元）'], [1, '上海浦江汽配', '王芳', '上海', 880], [2, '宁波港联物流', '李娜', '浙江', 210]] },
    ]);
    const r = await kam(['tier', book, '--write', '--verbose', ...asOf]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('制表：刘洋 序号');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    expect(wb.getWorksheet('客户清单')!.getRow(2).values).toEqual([undefined, '序号', '客户名称', '客户经理', '区域', '年采购额（万元）', '计算等级', '计算评分']);
  });
});

describe('a name with a separator left beside it (found by a new user: `张三、` an unknown person)', () => {
  it('is that name, with a Staff sheet and without; 和平 and 张和 stay as written', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'accounts.csv'), '客户名称,年采购额\n甲,1\n');
    writeFileSync(join(dir, 'staff.csv'), '姓名\n张三\n李四\n和平\n');
    writeFileSync(join(dir, 'assignments.csv'), '客户名称,工作内容,负责人,角色\n甲,日常跟进,张三、,R\n甲,日常跟进,、李四,A\n甲,投诉处理,和平,R\n甲,投诉处理,张和,A\n');
    const r = await kam(['check', dir, '--format', 'json', '--lang', 'en', ...asOf]);
    expect((JSON.parse(r.stdout) as Json).findings.filter((f) => f.rule === 'ref/unknown-person').map((f) => f.person)).toEqual(['张和']);
    const load = await kam(['load', dir, '--format', 'json', ...asOf]);
    expect((JSON.parse(load.stdout) as { people: { name: string }[] }).people.map((p) => p.name).sort()).toEqual(['张三', '张和', '李四', '和平'].sort());
  });
});

describe('hostile config and numbers (found by a new user)', () => {
  it('a config nested 2,000 deep: exit 2 naming the file, not an internal error', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'deep.json'), `${'{"x":'.repeat(2000)}1${'}'.repeat(2000)}`);
    const r = await kam(['config', '-c', join(dir, 'deep.json'), '--lang', 'en']);
    expect([r.code, r.stderr.trim()]).toEqual([2, `kam: ${join(dir, 'deep.json')}: the config nests deeper than 32 levels: kam's settings go a few levels deep; check the file for a stray bracket`]);
  });

  it('a Rules-sheet key with an index far past any list (tiers.99999999.top): exit 2 at its cell, at once', async () => {
    const book = await writeBook(join(tempDir(), 'rules.xlsx'), [
      { name: '客户', rows: [['客户名称', '年采购额'], ['甲', 1]] },
      { name: 'Rules', rows: [['Key', 'Value'], ['tiers.99999999.top', '5']] },
    ]);
    const started = Date.now();
    const r = await kam(['check', book, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Rules!B2: tiers.99999999.top: an index past 999');
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('weights past 1e9 are refused; values near the largest double score as their order says, never NaN', async () => {
    const dir = tempDir();
    // (Amounts are below 10¹⁵ since the seventeenth session: such a revenue is refused at its cell. A rating is not bounded.)
    writeFileSync(join(dir, 'a.csv'), 'Account ID,Account Name,Annual Revenue,Satisfaction\nA,Apex,5,1.7e308\nB,Bee,5,-1.7e308\nC,Cee,5,3\n');
    const scores = async (file: string, ...args: string[]) =>
      (JSON.parse((await kam(['tier', join(dir, file), '--format', 'json', '-q', ...args, ...asOf])).stdout) as { accounts: { name: string; score: number }[] }).accounts.map((a) => [a.name, a.score] as const);
    const weighted = await scores('a.csv');
    expect(weighted.map(([n]) => n)).toEqual(['Apex', 'Cee', 'Bee']);
    expect(weighted.every(([, v]) => Number.isFinite(v))).toBe(true);
    writeFileSync(join(dir, 'huge.csv'), 'Account ID,Account Name,Annual Revenue\nA,Apex,1.7e308\nB,Bee,-1.7e308\nC,Cee,5\n');
    const huge = JSON.parse((await kam(['check', join(dir, 'huge.csv'), '--format', 'json', '-q', ...asOf])).stdout) as { findings: { rule: string; cell?: string }[] };
    expect(huge.findings.filter((f) => f.rule === 'schema/invalid-value').map((f) => f.cell)).toEqual(['huge.csv!C2', 'huge.csv!C3']);
    writeFileSync(join(dir, 't.csv'), 'Account ID,Account Name,Annual Revenue,Satisfaction\nA,a,5,1e160\nB,b,5,2\nC,c,5,3\n');
    const topsis = JSON.parse((await kam(['tier', join(dir, 't.csv'), '--method', 'topsis', '--format', 'json', '-q', ...asOf])).stdout) as { accounts: { name: string }[] };
    expect(topsis.accounts[0]!.name).toBe('a');
    writeFileSync(join(dir, 'kam.config.json'), '{"scoring":{"criteria":[{"column":"annual_revenue","weight":1e308},{"column":"years","weight":1e308}]}}');
    const r = await kam(['tier', join(dir, 't.csv'), '--lang', 'en', ...asOf]);
    expect([r.code, r.stderr]).toEqual([2, expect.stringContaining('scoring.criteria[0].weight: expected a number ≤ 1000000000, got 1e+308')]);
  });
});

describe('--write keeps the book its owner\'s (found by a new user: the renamed book and its backup became the writer\'s)', () => {
  // Giving a file to another owner takes root (CI runs as root); a user keeps the group where a member of it.
  it.runIf(process.getuid?.() === 0)('a book of 65534:50 written by root stays 65534:50, and so does its backup', async () => {
    const dir = tempDir();
    const book = join(dir, 'b.xlsx');
    copyFileSync(join(EXAMPLES, 'accounts-en.xlsx'), book);
    chownSync(book, 65534, 50);
    expect((await kam(['tier', book, '--write', '-q', ...asOf])).code).toBe(0);
    for (const f of [book, `${book}.bak`]) expect([statSync(f).uid, statSync(f).gid], f).toEqual([65534, 50]);
  });
});

describe('kam convert --all writes all its files or none (found by a new user: a full disk left two files new, one old)', () => {
  it('a file it may not replace: every file of the folder as it was, exit 2', async () => {
    const dir = join(tempDir(), 'out');
    mkdirSync(dir);
    for (const f of ['accounts.csv', 'staff.csv', 'assignments.csv']) writeFileSync(join(dir, f), 'old\n');
    // The last file written is read-only: refused only once the others are written.
    chmodSync(join(dir, 'assignments.csv'), 0o444);
    const r = await kam(['convert', join(EXAMPLES, 'accounts-zh.xlsx'), dir, '--all', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('assignments.csv');
    for (const f of ['accounts.csv', 'staff.csv', 'assignments.csv']) expect(readFileSync(join(dir, f), 'utf8'), f).toBe('old\n');
  });
});

describe('kam load --suggest against an independent implementation (found by review)', () => {
  const suggest = async (dir: string) => {
    const j = JSON.parse((await kam(['load', dir, '--suggest', '--format', 'json', '-q', ...asOf])).stdout) as { suggestions: { account: string; from: string; to: string }[]; unresolved: { person: string; reason: string }[] };
    return { moves: j.suggestions.map((m) => [m.account, m.from, m.to]), unresolved: j.unresolved.map((u) => [u.person, u.reason]) };
  };
  const staff = 'Name,Role,Capacity Hours,Max Accounts\nGus Wu,Account Manager,10,\nXu Li,Account Manager,40,1\n';

  it('an account a receiver manages is one they hold: the move to them is made within their limit of 1', async () => {
    const dir = csvFolder({ 'accounts.csv': 'Account Name,Account Manager\nAcme,Xu Li\n', 'staff.csv': staff, 'assignments.csv': 'Account,Task,Person,RACI,Hours\nAcme,follow-up,Gus Wu,R,12\n' });
    expect(await suggest(dir)).toEqual({ moves: [['Acme', 'Gus Wu', 'Xu Li']], unresolved: [] });
  });

  it('an account a receiver holds only a C on is not one they hold: no move past their limit', async () => {
    const dir = csvFolder({ 'accounts.csv': 'Account Name\nAcme\nBeta\n', 'staff.csv': staff, 'assignments.csv': 'Account,Task,Person,RACI,Hours\nAcme,follow-up,Gus Wu,R,12\nAcme,complaints,Xu Li,C,1\nBeta,follow-up,Xu Li,R,1\n' });
    expect(await suggest(dir)).toEqual({ moves: [], unresolved: [['Gus Wu', 'max-accounts']] });
  });

  it('a receiver filled through the department\'s pool is no longer the least utilised of the role\'s', async () => {
    const dir = csvFolder({
      'accounts.csv': 'Account Name\nA\nB\nC\nE\nF\nG\nH\n',
      'staff.csv': 'Name,Role,Department,Capacity Hours\nRon Ma,Account Manager,Sales,10\nDan Wu,,Sales,10\nRay Ho,Account Manager,Sales,10\nXu Li,Account Manager,Sales,10\nYan Bo,Account Manager,Sales,10\n',
      'assignments.csv': 'Account,Task,Person,RACI,Hours\nA,follow-up,Ron Ma,R,1\nB,follow-up,Ron Ma,R,10\nC,follow-up,Dan Wu,R,1\nE,follow-up,Dan Wu,R,9.5\nF,follow-up,Ray Ho,R,1\nG,follow-up,Ray Ho,R,9.3\nH,follow-up,Yan Bo,R,1.5\n',
    });
    expect((await suggest(dir)).moves).toEqual([
      ['A', 'Ron Ma', 'Xu Li'],
      ['C', 'Dan Wu', 'Xu Li'],
      ['F', 'Ray Ho', 'Yan Bo'],
    ]);
  });
});

describe('matrix and RACI rules against an independent implementation (found by review)', () => {

  it('kam matrix --columns role: a department\'s own column has no hours (its people\'s are their roles\')', async () => {
    const dir = csvFolder({
      'accounts.csv': 'Account Name\nAcme\n',
      'staff.csv': 'Name,Role,Department,Capacity Hours\nAnn Lee,Account Manager,Sales,40\n',
      'assignments.csv': 'Account,Task,Person,Department,RACI,Hours\nAcme,follow-up,Ann Lee,,A/R,10\nAcme,complaints,,Sales,R,2\n',
    });
    const totals = async (mode: string) =>
      (JSON.parse((await kam(['matrix', dir, '--columns', mode, '--format', 'json', '-q', ...asOf])).stdout) as { totals: { key: string; hours: number; utilization: number | null }[] }).totals.map((t) => [t.key, t.hours, t.utilization]);
    expect(await totals('role')).toEqual([
      ['role:account manager', 12, 0.3],
      ['department:sales', 0, null],
    ]);
    expect(await totals('department')).toEqual([['department:sales', 12, 0.3]]);
  });

  it('raci/role-conflict does not depend on the order of a holder\'s rows: the first that names a department counts', async () => {
    const rows = ['Acme,follow-up,Paul Wu,,R', 'Acme,follow-up,Ola Ng,,A', 'Acme,follow-up,Bo Ma,,R', 'Acme,follow-up,Bo Ma,Sales,R'];
    const conflicts = async (order: string[]) => {
      const dir = csvFolder({
        'accounts.csv': 'Account Name,Account Manager\nAcme,Paul Wu\n',
        'staff.csv': 'Name,Role,Department,Capacity Hours\nPaul Wu,AM,Engineering,40\nOla Ng,AM,Engineering,40\nSue Li,AM,Sales,40\n',
        'assignments.csv': `Account,Task,Person,Department,RACI\n${order.join('\n')}\n`,
      });
      return (JSON.parse((await kam(['check', dir, '--format', 'json', '-q', ...asOf])).stdout) as Json).findings.filter((f) => f.rule === 'raci/role-conflict').map((f) => f.message);
    };
    const expected = ['Acme · follow-up: departments Engineering, Sales are all responsible (R) — who really does it?'];
    expect(await conflicts(rows)).toEqual(expected);
    expect(await conflicts([rows[0]!, rows[1]!, rows[3]!, rows[2]!])).toEqual(expected);
  });
});

describe('kam diff of a row naming nobody (found by review: a responsibility added for "")', () => {
  it('is no responsibility, as check and matrix read it', async () => {
    const root = tempDir();
    for (const [side, rows] of [['old', 'Acme,follow-up,Ann Lee,A/R\nAcme,follow-up,,R\n'], ['new', 'Acme,follow-up,Ann Lee,A/R\nAcme,follow-up,,C\nAcme,complaints,,R\n']] as const) {
      mkdirSync(join(root, side));
      writeFileSync(join(root, side, 'accounts.csv'), 'Account Name\nAcme\n');
      writeFileSync(join(root, side, 'staff.csv'), 'Name,Department\nAnn Lee,Sales\n');
      writeFileSync(join(root, side, 'assignments.csv'), `Account,Task,Person,RACI\n${rows}`);
    }
    const r = await kam(['diff', join(root, 'old'), join(root, 'new'), '--format', 'json', '-q', ...asOf]);
    expect((JSON.parse(r.stdout) as { changes: unknown[] }).changes).toEqual([]);
  });
});

describe('kam tier --write of a sheet with a huge head (found by a new user: 512 MiB of spaces before the rows ran minutes, still going)', () => {
  const cell = (ref: string, v: string | number) => (typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`);
  const book = (spaces: number) =>
    writeRawXlsx(join(tempDir(), 'head.xlsx'), [
      {
        name: '客户信息',
        head: `<dimension ref="A1:B3"/>${' '.repeat(spaces)}`,
        data: `<row r="1">${cell('A1', '客户名称')}${cell('B1', '年采购额')}</row><row r="2">${cell('A2', '华东精密')}${cell('B2', 1850)}</row><row r="3">${cell('A3', '北方重工')}${cell('B3', 1320)}</row>`,
      },
    ]);

  it('8 MiB before the rows: written, at once', async () => {
    const path = book(8 << 20);
    const started = Date.now();
    expect((await kam(['tier', path, '--write', '-q', ...asOf])).code).toBe(0);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('past 64 MiB: refused, exit 2, the book as it was', async () => {
    const path = book(70 << 20);
    const bytes = readFileSync(path);
    const started = Date.now();
    const r = await kam(['tier', path, '--write', '--lang', 'en', ...asOf]);
    expect([r.code, r.stderr]).toEqual([2, expect.stringContaining('the workbook is corrupt')]);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
