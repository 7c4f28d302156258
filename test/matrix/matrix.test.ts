// kam matrix (issue 10): the long rows pivoted into activities × people, the canonical letters,
// the check columns and the totals, the filters and views, and the JSON contract.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tempDir, writeBook } from '../helpers/books.js';
import { EXAMPLES, kam } from '../helpers/cli.js';
import { lettersText, RACI } from '../../src/model/codes.js';
import { reportContext } from '../../src/report/context.js';
import { renderText } from '../../src/report/index.js';
import { matrixSample, plain } from '../report/samples.js';
import { buildMatrix } from '../../src/matrix/build.js';
import { displayWidth } from '../../src/util/width.js';
import { computeLoad } from '../../src/workload/load.js';
import { accountsTable, assignmentsTable, bookOf, raciMask, staffTable, type AssignmentInput } from '../helpers/rows.js';

const en = reportContext('en', false);
const ZH_BOOK = join(EXAMPLES, 'accounts-zh.xlsx');
const zh = reportContext('zh', true, { width: 80 });

describe('letters', () => {
  it('are written in one canonical order and form: A, R, C, I joined by /', () => {
    expect(lettersText(RACI.R | RACI.A)).toBe('A/R');
    expect(lettersText(RACI.C | RACI.R)).toBe('R/C');
    expect(lettersText(RACI.I)).toBe('I');
    expect(lettersText(RACI.I | RACI.C | RACI.A | RACI.R)).toBe('A/R/C/I');
    expect(lettersText(0)).toBe('');
  });
});

describe('#A and #R', () => {
  // Holders counted once each, people and departments apart (a person named like a department is
  // another holder); an activity of more than 32 rows looks its holders up in a map.
  for (const size of [6, 80]) {
    it(`count each holder once, in an activity of ${size} rows`, () => {
      const accounts = accountsTable([{ name: 'Apex', numbers: { annual_revenue: 300 } }]);
      const staff = staffTable([{ name: 'Sales', department: 'Service' }, ...Array.from({ length: size }, (_, i) => ({ name: `P${i}`, department: 'Sales' }))]);
      const rows: AssignmentInput[] = [];
      for (let i = 0; i < size; i++) rows.push({ account: 'Apex', task: 'Follow-up', person: `P${i % (size / 2)}`, raci: i % 3 === 0 ? 'A' : 'R' });
      rows.push({ account: 'Apex', task: 'Follow-up', department: 'Sales', raci: 'R' }, { account: 'Apex', task: 'Follow-up', person: 'Sales', raci: 'A/R' });
      const book = bookOf({ accounts, staff, assignments: assignmentsTable(rows) });
      const m = buildMatrix(book, computeLoad(book), [], 'book.xlsx');
      const holders = new Map<string, number>();
      for (const r of rows) holders.set(r.person !== undefined ? `p${r.person}` : `d${r.department}`, (holders.get(r.person !== undefined ? `p${r.person}` : `d${r.department}`) ?? 0) | raciMask(r.raci!));
      const count = (bit: number) => [...holders.values()].filter((mask) => mask & bit).length;
      expect(m.rows).toHaveLength(1);
      expect([m.rows[0]!.a, m.rows[0]!.r]).toEqual([count(RACI.A), count(RACI.R)]);
      expect(m.rows[0]!.a).toBeGreaterThanOrEqual(2);
    });
  }
});

describe('totals', () => {
  // Letters and accounts per column counted as the rows are made; an account's activities need not
  // follow each other (rows of accounts interleaved, an account back after others), an account
  // named by id or by name alone.
  it('count each column\'s letters and distinct accounts held (R or A, as kam load counts them), on random books', async () => {
    const { rng } = await import('../helpers/random.js');
    for (let seed = 1; seed <= 30; seed++) {
      const rand = rng(seed);
      const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
      const names = Array.from({ length: 2 + Math.floor(rand() * 8) }, (_, i) => `Acct${i}`);
      const accounts = accountsTable(names.map((name, i) => ({ name, ...(i % 2 ? { id: `X${i}` } : {}), numbers: { annual_revenue: 100 * (i + 1) } })));
      const people = Array.from({ length: 1 + Math.floor(rand() * 6) }, (_, i) => `P${i}`);
      const staff = staffTable(people.map((name) => ({ name, department: 'Sales' })));
      const rows: AssignmentInput[] = Array.from({ length: 1 + Math.floor(rand() * 60) }, () => ({ account: pick(names), task: pick(['Follow-up', 'Support', 'Renewal']), person: pick(people), raci: pick(['A', 'R', 'C', 'I', 'A/R', 'R/C']) }));
      const book = bookOf({ accounts, staff, assignments: assignmentsTable(rows) });
      const m = buildMatrix(book, computeLoad(book), [], 'book.xlsx');
      for (const t of m.totals) {
        const mine = rows.filter((r) => `person:${r.person!.toLowerCase()}` === t.key);
        const letters = (bit: number) => {
          // Per activity, a person's letters joined once.
          const held = new Map<string, number>();
          for (const r of mine) held.set(`${r.account}|${r.task}`, (held.get(`${r.account}|${r.task}`) ?? 0) | raciMask(r.raci!));
          return [...held.values()].filter((mask) => mask & bit).length;
        };
        // Accounts held: those with an R or an A, as kam load counts them.
        const held = new Set(mine.filter((r) => raciMask(r.raci!) & (RACI.R | RACI.A)).map((r) => r.account)).size;
        expect([t.A, t.R, t.C, t.I, t.accounts]).toEqual([letters(RACI.A), letters(RACI.R), letters(RACI.C), letters(RACI.I), held]);
        const p = computeLoad(book).people.find((x) => `person:${x.key}` === t.key);
        if (p) expect(t.accounts).toBe(p.accounts);
      }
    }
  });
});

describe('the account view', () => {
  const m = matrixSample();
  it('has a column per person grouped by department, and one for the department-held row', () => {
    expect(m.columns.map((c) => [c.key, c.kind, c.department])).toEqual([
      ['person:alice', 'person', 'Sales'],
      ['person:bob', 'person', 'Sales'],
      ['person:=carol', 'person', 'Service'],
      ['department:service', 'department', 'Service'],
    ]);
  });
  it('a row per activity, its cells the letters each column holds, #A, #R and the rules that fire', () => {
    expect(m.rows.map((r) => [r.account, r.task, Object.fromEntries([...r.cells].map(([k, v]) => [k, lettersText(v)])), r.a, r.r, r.rules])).toEqual([
      ['Apex', 'Follow-up', { 'person:alice': 'R', 'person:bob': 'A' }, 1, 1, []],
      ['Apex', 'Support', { 'department:service': 'R', 'person:alice': 'C' }, 0, 1, ['raci/no-accountable']],
      // Alice (Sales) and =Carol (Service) both R: two departments responsible, as kam check says.
      ['Bolt', 'Follow-up', { 'person:alice': 'R', 'person:=carol': 'R' }, 0, 2, ['raci/no-accountable', 'raci/role-conflict']],
      ['Bolt', 'Complaints', { 'person:bob': 'A/R' }, 1, 1, []],
    ]);
  });
  it('totals per column: letters held, accounts, weekly hours and utilisation from the load', () => {
    const alice = m.totals.find((t) => t.key === 'person:alice')!;
    expect([alice.R, alice.A, alice.C, alice.I, alice.accounts]).toEqual([2, 0, 1, 0, 2]);
    // 4 h weekly (R) + 2 h weekly (R) + 6 h monthly as C (share 0.1 by default: 6 × 12/52 × 0.1).
    expect(alice.hours).toBeCloseTo(4 + 2 + 6 * (12 / 52) * 0.1, 10);
    expect(alice.utilization).toBeCloseTo(alice.hours / 10, 10);
    expect(m.totals.find((t) => t.key === 'department:service')!.utilization).toBeUndefined();
  });
  it('JSON: the documented shape', () => {
    const j = JSON.parse(renderText('matrix', m, 'json', en)) as Record<string, unknown>;
    expect(Object.keys(j)).toEqual(['view', 'asOf', 'file', 'columns', 'rows', 'totals']);
    expect((j.columns as unknown[])[0]).toEqual({ key: 'person:alice', label: 'Alice', kind: 'person', department: 'Sales', role: 'Account Manager' });
    expect((j.rows as unknown[])[1]).toEqual({ account: 'Apex', accountId: 'A1', tier: 'strategic', task: 'Support', cells: { 'person:alice': 'C', 'department:service': 'R' }, a: 0, r: 1, rules: ['raci/no-accountable'] });
    expect((j.totals as { key: string; utilization: unknown }[]).map((t) => [t.key, t.utilization === null])).toEqual([
      ['person:alice', false],
      ['person:bob', false],
      ['person:=carol', false],
      ['department:service', true],
    ]);
  });
  it('text: accounts with their tasks, letters, flagged checks with the rule, totals', () => {
    const out = plain(renderText('matrix', m, 'text', en)).split('\n');
    expect(out[0]).toBe('Responsibility matrix · book.xlsx · as of 2025-11-15 · 4 activities × 4 columns');
    expect(out).toContain('Apex (A1) · Strategic');
    expect(out.find((l) => l.startsWith('  Support'))).toMatch(/^ {2}Support +C +R +0✖ +1 +raci\/no-accountable$/);
    expect(out.find((l) => l.startsWith('  Complaints'))).toMatch(/^ {2}Complaints +A\/R +1 +1$/);
    expect(out).toContain('Totals');
  });
  it('text wider than the terminal: pages of columns, each with the row labels, said in a note', () => {
    const out = plain(renderText('matrix', m, 'text', reportContext('en', false, { width: 44 }))).split('\n');
    expect(out.filter((l) => /^columns \d–\d of 4 \(page \d\/\d\)$/.test(l)).length).toBeGreaterThan(1);
    expect(out.filter((l) => l.startsWith('  Complaints')).length).toBeGreaterThan(1);
  });
  it('speaks Chinese: 责任矩阵, tier labels, 人员合计', () => {
    const out = plain(renderText('matrix', m, 'text', zh));
    expect(out).toContain('责任矩阵 · book.xlsx · 截至 2025-11-15');
    expect(out).toContain('Apex (A1) · 战略客户');
    expect(out).toContain('人员合计');
  });
  it('text: a department\'s name over one person\'s narrow column is shown whole, the column widened (found by a new user: 技…)', async () => {
    const r = await kam(['matrix', ZH_BOOK, '--as-of', '2025-11-15', '--lang', 'zh', '--account', 'KA001', '--wide']);
    const lines = r.stdout.split('\n');
    const depts = lines.find((l) => l.includes('销售部'))!;
    expect(depts.trim().split(/\s+/)).toEqual(['销售部', '客服部', '技术部', '市场部']);
    // Each name over its people: as far left of its first person as the first department is of 张伟.
    const header = lines[lines.indexOf(depts) + 1]!;
    const offset = (dept: string, person: string) => displayWidth(header.slice(0, header.indexOf(person))) - displayWidth(depts.slice(0, depts.indexOf(dept)));
    expect([offset('技术部', '周杰'), offset('市场部', '孙丽')]).toEqual([offset('销售部', '张伟'), offset('销售部', '张伟')]);
  });

  it('text: the totals under the grid keep to their columns when a number is wider than the name (found by a new user)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'staff.csv'), 'Name,Department\nBob,Sales\nAl,Sales\n');
    writeFileSync(join(dir, 'assignments.csv'), 'Account,Task,Person,RACI,Frequency,Hours\nAcme,Follow-up,Bob,R,weekly,10.7\nAcme,Follow-up,Al,A,weekly,1\n');
    const r = await kam(['matrix', dir, '--as-of', '2025-11-15', '--lang', 'en', '--wide']);
    const lines = r.stdout.split('\n');
    const header = lines.find((l) => l.startsWith('Account'))!;
    const hours = lines.find((l) => l.trimStart().startsWith('Hours'))!;
    // Bob's and Al's hours start where their names do.
    expect(hours.indexOf('10.7')).toBe(header.indexOf('Bob'));
    expect(hours.indexOf(' 0.2') + 1).toBe(header.indexOf('Al'));
  });

  it('text: every line fits 80 columns when piped — long names cut, the rules that fire under their row when they do not fit after it (found by a new user)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'staff.csv'), 'Name,Department\nAlexander Christopher Wellington-Smythe,Sales & Business Development Department\n欧阳·娜娜,华东区大客户销售事业部\n');
    writeFileSync(join(dir, 'assignments.csv'), 'Account,Task,Person,RACI\nShenzhen Huaqiang Electronics International Trading Co. Ltd.,关于客户年度战略合作框架协议的续签与谈判,Alexander Christopher Wellington-Smythe,R\n');
    for (const book of [dir, ZH_BOOK]) {
      const r = await kam(['matrix', book, '--as-of', '2025-11-15', '--lang', 'zh']);
      const widest = Math.max(...r.stdout.split('\n').map((l) => displayWidth(l)));
      expect(widest).toBeLessThanOrEqual(80);
      expect(r.stdout).toMatch(/\n {4}raci\/no-accountable/);
    }
  });

  it('CSV and markdown: the same table; CSV is injection-safe', () => {
    const csv = renderText('matrix', m, 'csv', en).split('\r\n');
    // A department's own column says so, for reading the matrix back.
    expect(csv[0]).toBe("Account,Account ID,Tier,Task,Alice,Bob,'=Carol,Service (department),#A,#R,Problems");
    expect(csv[2]).toBe('Apex,A1,Strategic,Support,C,,,R,0,1,raci/no-accountable');
    const md = renderText('matrix', m, 'markdown', en);
    expect(md).toContain('| Bolt | A2 | Ordinary | Complaints |  | A/R |');
  });
});

describe('filters and views', () => {
  it('--account by id or name, --tier by label, --person keeps the activities they hold', () => {
    expect(matrixSample({ accounts: ['a2'] }).rows.map((r) => r.task)).toEqual(['Follow-up', 'Complaints']);
    expect(matrixSample({ accounts: ['Apex'] }).rows.map((r) => r.account)).toEqual(['Apex', 'Apex']);
    expect(matrixSample({ tier: '战略客户' }).rows.map((r) => r.account)).toEqual(['Apex', 'Apex']);
    const bob = matrixSample({ person: 'bob' });
    expect(bob.columns.map((c) => c.key)).toEqual(['person:bob']);
    expect(bob.rows.map((r) => [r.account, r.task, r.a])).toEqual([['Apex', 'Follow-up', 1], ['Bolt', 'Complaints', 1]]);
  });
  it('a filter that names nothing in the book is refused, exit 2, naming it; filters that leave nothing together are not (found by a new user)', async () => {
    const zh = join(EXAMPLES, 'accounts-zh.xlsx');
    const refused = async (args: string[], message: string) => {
      const r = await kam(['matrix', zh, '--as-of', '2025-11-15', '--lang', 'en', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr, args.join(' ')).toBe(`kam: ${message}\n`);
    };
    await refused(['--tier', 'XYZ'], 'no tier "XYZ": use one of Strategic, Important, Ordinary (an id, a label or an alias)');
    await refused(['--account', 'KA001', '--account', 'KA999'], 'no account "KA999" in the book: give its id or name as written in the Accounts sheet');
    await refused(['--person', '不存在'], 'nobody named "不存在" in the book: give the name as written in the Staff sheet or the division of labour');
    await refused(['--department', '财务部'], 'no department "财务部" in the book: give it as written in the Staff sheet or the division of labour');
    await refused(['--role', '外星人'], 'no role "外星人" in the Staff sheet: give it as written there');
    for (const ok of [['--tier', '战略'], ['--account', 'KA001'], ['--department', '销售部'], ['--person', '张伟']]) expect((await kam(['matrix', zh, '--as-of', '2025-11-15', '-q', ...ok])).code, ok.join(' ')).toBeLessThan(2);
    // Each names something, together nothing: an empty matrix, not an error.
    const none = await kam(['matrix', zh, '--as-of', '2025-11-15', '--lang', 'en', '--account', 'KA001', '--tier', 'Ordinary', '--format', 'json']);
    expect(none.code).toBeLessThan(2);
    expect((JSON.parse(none.stdout) as { rows: unknown[] }).rows).toEqual([]);
  });

  it('shows an account\'s activities together when the division of labour comes back to it further down (found by a new user)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'accounts.csv'), 'ID,Name,Owner\nK1,Acme,Al\nK2,Bolt,Al\n');
    writeFileSync(join(dir, 'staff.csv'), 'Name\nAl\nBo\n');
    writeFileSync(join(dir, 'assignments.csv'), 'Account,Task,Person,RACI\nAcme,Follow-up,Al,A\nAcme,Follow-up,Bo,R\nBolt,Follow-up,Al,A\nBolt,Follow-up,Bo,R\nAcme,Renewal,Al,A\nK1,Renewal,Bo,R\nK2,Audit,Bo,A/R\n');
    const r = await kam(['matrix', dir, '--as-of', '2025-11-15', '--format', 'json', '-q']);
    const rows = (JSON.parse(r.stdout) as { rows: { account: string; task: string }[] }).rows.map((x) => `${x.account} ${x.task}`);
    expect(rows).toEqual(['Acme Follow-up', 'Acme Renewal', 'Bolt Follow-up', 'Bolt Audit']);
    const person = await kam(['matrix', dir, '--as-of', '2025-11-15', '--view', 'person', '--person', 'Bo', '--format', 'json', '-q']);
    expect((JSON.parse(person.stdout) as { rows: { account: string; task: string }[] }).rows.map((x) => `${x.account} ${x.task}`)).toEqual(rows);
  });

  it('kam\'s own matrix of a book with no problems, read back: its check columns are no people (found by a new user)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'accounts.csv'), 'ID,Name,Owner\nK1,Acme,Al\n');
    writeFileSync(join(dir, 'staff.csv'), 'Name,Department\nAl,Sales\nBo,Sales\nCy,Support\n');
    writeFileSync(join(dir, 'assignments.csv'), 'Account,Task,Person,RACI\nAcme,Follow-up,Al,A\nAcme,Follow-up,Bo,R\nAcme,Complaints,Al,A\nAcme,Complaints,Cy,R\n');
    const out = join(dir, 'm.xlsx');
    expect((await kam(['matrix', dir, '--as-of', '2025-11-15', '-o', out, '-q'])).code).toBe(0);
    const back = await kam(['matrix', out, '--as-of', '2025-11-15', '--format', 'json', '--verbose', '--lang', 'en']);
    expect((JSON.parse(back.stdout) as { columns: { key: string }[] }).columns.map((c) => c.key)).toEqual(['person:al', 'person:bo', 'person:cy']);
    expect(back.stderr).toContain('(3 columns of letters: Al, Bo, Cy)');
    // Its check says nothing of columns a matrix does not hold (found by review).
    expect((await kam(['check', out, '--as-of', '2025-11-15', '--lang', 'en'])).stderr).not.toContain('is not checked');
  });

  it('text of a matrix of 1,500 accounts × 200 people (found by a new user: the call stack overflowed, exit 3)', async () => {
    const dir = tempDir();
    const people = Array.from({ length: 200 }, (_v, i) => `P${i}`);
    writeFileSync(join(dir, 'staff.csv'), `Name\n${people.join('\n')}\n`);
    const rows: string[] = [];
    for (let a = 0; a < 1500; a++) for (let t = 0; t < 4; t++) rows.push(`C${a},Task ${t},${people[(a * 7 + t * 13) % 200]},${t % 2 === 0 ? 'A' : 'R'}`);
    writeFileSync(join(dir, 'assignments.csv'), `Account,Task,Person,RACI\n${rows.join('\n')}\n`);
    const r = await kam(['matrix', dir, '--as-of', '2025-11-15', '-q']);
    expect(r.stderr).toBe('');
    expect(r.code).toBeLessThan(2);
    // Pages of columns, each with every account: more lines than a call takes arguments.
    const lines = r.stdout.split('\n');
    expect(lines.length).toBeGreaterThan(130000);
    expect(lines.filter((l) => l.startsWith("C1499")).length).toBe(lines.filter((l) => l.startsWith('C0')).length);
  });

  it('--columns department and role: letters of the people of each, unioned', () => {
    const d = matrixSample({ columns: 'department' });
    expect(d.columns.map((c) => c.key)).toEqual(['department:sales', 'department:service']);
    expect(lettersText(d.rows[3]!.cells.get('department:sales')!)).toBe('A/R');
    const r = matrixSample({ columns: 'role' });
    expect(r.columns.map((c) => c.label)).toEqual(['Account Manager', 'Director', 'Service']);
  });
  it('--view task: letters counted per task across accounts', () => {
    const t = matrixSample({ view: 'task' });
    // In the order of the task catalogue (Follow-up, …, Complaints); tasks it lacks (Support) after.
    expect(t.taskRows.map((x) => [x.task, x.activities, x.cells.get('person:alice')])).toEqual([
      ['Follow-up', 2, { R: 2, A: 0, C: 0, I: 0 }],
      ['Complaints', 1, undefined],
      ['Support', 1, { R: 0, A: 0, C: 1, I: 0 }],
    ]);
    const j = JSON.parse(renderText('matrix', t, 'json', en)) as { rows: unknown[] };
    expect(j.rows[0]).toEqual({ task: 'Follow-up', activities: 2, R: 3, A: 1, C: 0, I: 0, cells: { 'person:alice': { R: 2, A: 0, C: 0, I: 0 }, 'person:bob': { R: 0, A: 1, C: 0, I: 0 }, 'person:=carol': { R: 1, A: 0, C: 0, I: 0 } } });
  });
  it('counts the same task rows and totals when the rows are not kept (kam report), for each column mode', () => {
    for (const columns of ['person', 'department', 'role'] as const) {
      const kept = matrixSample({ view: 'task', columns });
      const counted = matrixSample({ view: 'task', columns, keepRows: false });
      expect(kept.rows.length).toBeGreaterThan(0);
      expect(counted.rows).toEqual([]);
      expect(counted.taskRows).toEqual(kept.taskRows);
      expect(counted.totals).toEqual(kept.totals);
      expect(counted.columns).toEqual(kept.columns);
      // And as the account view counts them: the totals depend on the rows alone, not on the view.
      expect(matrixSample({ columns }).totals).toEqual(kept.totals);
    }
    // Account managers (Alice, =Carol): R on Apex and Bolt follow-up (both of them on Bolt's: one
    // holder's column), C on Apex support; the director (Bob): A on Apex follow-up, R/A on Bolt
    // complaints; the Service department's own column: R on Apex support.
    expect(matrixSample({ view: 'task', columns: 'role', keepRows: false }).totals.map((t) => [t.key, t.R, t.A, t.C, t.accounts])).toEqual([
      ['role:account manager', 2, 0, 1, 2],
      ['role:director', 1, 2, 0, 2],
      ['department:service', 1, 0, 0, 1],
    ]);
  });
  it('--view person: a block per person with letters and weekly hours', () => {
    const p = matrixSample({ view: 'person' });
    expect(p.rows.filter((r) => r.person === 'Bob').map((r) => [r.account, r.task, lettersText(r.letters!), r.hours])).toEqual([
      ['Apex', 'Follow-up', 'A', 4 * 0.2],
      ['Bolt', 'Complaints', 'A/R', 3 * (12 / 52) * 1.2],
    ]);
    const out = plain(renderText('matrix', p, 'text', en));
    expect(out).toContain('Bob · Sales · Director');
  });
});

describe('reading a matrix back (issue 10)', () => {
  it('a hand-made matrix: one column per person or department, findings at the matrix cells', async () => {
    const dir = tempDir();
    const book = await writeBook(join(dir, 'hand.xlsx'), [
      { name: '客户', rows: [['客户名称', '客户编号'], ['华东精密', 'KA1'], ['北方重工', 'KA2']] },
      { name: '人员', rows: [['姓名', '部门', '岗位'], ['张伟', '销售部', '客户经理'], ['李娜', '客服部', '客服']] },
      {
        name: '分工',
        rows: [
          ['客户名称', '工作内容', '张伟', '李娜', '销售部', '备注'],
          ['华东精密', '日常跟进', 'R', 'A', null, null],
          ['华东精密', '投诉处理', null, '负责', 'C', '急'],
          ['北方重工', '日常跟进', 'A/R', null, null, null],
          ['北方重工', '技术支持', 'X', null, 'R', null],
        ],
      },
    ]);
    const r = await kam(['check', book, '--format', 'json', '--as-of', '2025-11-15']);
    expect(r.stderr).toContain('分工 is read as a RACI matrix (3 columns of letters: 张伟, 李娜, 销售部)');
    const findings = (JSON.parse(r.stdout) as { findings: { rule: string; cell: string }[] }).findings.filter((f) => !f.rule.startsWith('load/') && !f.rule.startsWith('coverage/'));
    expect(findings.map((f) => [f.rule, f.cell])).toEqual([
      // No scoring column and no tier: the rules by tier cannot run, said at the accounts' header.
      ['schema/no-tiers', '客户!1:1'],
      // 投诉处理: 李娜 负责 (R), 销售部 C — nobody accountable, at the row's first cell of letters.
      ['raci/no-accountable', '分工!D3'],
      ['schema/invalid-value', '分工!C5'],
      ['raci/no-accountable', '分工!E5'],
    ]);
    const m = JSON.parse((await kam(['matrix', book, '--format', 'json', '--as-of', '2025-11-15'])).stdout) as { rows: { task: string; cells: Record<string, string> }[] };
    expect(m.rows.map((x) => x.cells)).toEqual([
      { 'person:张伟': 'R', 'person:李娜': 'A' },
      { 'person:李娜': 'R', 'department:销售部': 'C' },
      { 'person:张伟': 'A/R' },
      { 'department:销售部': 'R' },
    ]);
  });

  it('kam\'s own matrix workbook: gaps reads it as check does, and findings name accounts by name, not id (found by a new user)', async () => {
    const book = join(EXAMPLES, 'raci-zh.xlsx');
    const g = await kam(['gaps', book, '--format', 'json', '--as-of', '2025-11-15']);
    expect(g.code).toBe(1);
    const gaps = JSON.parse(g.stdout) as { findings: { rule: string; cell: string; account: string }[] };
    const c = JSON.parse((await kam(['check', book, '--format', 'json', '--as-of', '2025-11-15'])).stdout) as typeof gaps;
    const seen = (r: typeof gaps) => r.findings.filter((f) => !f.rule.startsWith('load/')).map((f) => [f.rule, f.account]);
    expect(seen(c)).toEqual([
      ['raci/role-conflict', '蓝海零售连锁'],
      ['coverage/required-task', '天成建设集团'],
      ['raci/no-accountable', '云帆教育科技'],
    ]);
    expect(new Set(seen(gaps).map(String))).toEqual(new Set(seen(c).map(String)));
  });

  it('ticks where the letters should be are said at the column, not dropped without a word; one column of ticks is a flag (found by a new user)', async () => {
    const dir = tempDir();
    const staff = { name: '人员', rows: [['姓名', '部门'], ['张伟', '销售部'], ['王芳', '销售部'], ['李娜', '客服部']] };
    const findingsOf = async (rows: unknown[][], lang = 'en') => {
      const book = await writeBook(join(dir, `ticks-${rows.length}-${String(rows[1]![2])}.xlsx`), [staff, { name: '分工', rows }]);
      const r = await kam(['check', book, '--format', 'json', '--as-of', '2025-11-15', '--lang', lang]);
      return (JSON.parse(r.stdout) as { findings: { rule: string; cell: string; message: string }[] }).findings.filter((f) => f.rule === 'schema/check-marks');
    };
    // A matrix ticked throughout: every ticked column, at its header.
    const ticked = await findingsOf([
      ['客户名称', '工作事项', '张伟', '王芳', '李娜'],
      ['华东精密', '日常跟进', '√', null, '✓'],
      ['华东精密', '投诉处理', null, '√', null],
    ]);
    expect(ticked.map((f) => f.cell)).toEqual(['分工!C1', '分工!D1', '分工!E1']);
    expect(ticked[0]!.message).toBe('column C "张伟" holds check marks (√) where a responsibility matrix has letters: it is not read as anyone\'s column');
    // Letters and ticks in one column: said; a column of letters with one tick is a person's, the tick reported at its cell.
    const mixed = await findingsOf([
      ['客户名称', '工作事项', '张伟', '王芳', '重点'],
      ['华东精密', '日常跟进', 'R', 'A', '√'],
      ['华东精密', '投诉处理', null, '√', null],
      ['北方重工', '日常跟进', '√', '√', '√'],
      ['北方重工', '技术支持', 'R', null, null],
    ]);
    // 重点, a column of ticks alone beside people's letters, is a flag: nothing said of it.
    expect(mixed.map((f) => f.cell)).toEqual(['分工!D1']);
    expect((await findingsOf([['客户名称', '工作事项', '张伟', '王芳'], ['华东精密', '日常跟进', '√', '√'], ['北方重工', '日常跟进', null, '√']], 'zh'))[0]!.message).toBe('C 列「张伟」填的是勾选符号（√），责任矩阵要填字母：该列没有按人员列读取');
    // Two flag columns of ticks beside people's letters: flags, no finding (found by review).
    expect(
      await findingsOf([
        ['客户名称', '工作事项', '张伟', '王芳', '重点', '已确认'],
        ['华东精密', '日常跟进', 'R', 'A', '√', '√'],
        ['北方重工', '日常跟进', 'A/R', null, null, '√'],
      ]),
    ).toEqual([]);
    // One column of ticks in a sheet of no letters: a flag column, no finding.
    expect(await findingsOf([['客户名称', '工作事项', '重点'], ['华东精密', '日常跟进', '√'], ['北方重工', '日常跟进', null]])).toEqual([]);
  });

  it('round trip: kam matrix -o m.csv, then kam matrix m.csv gives the same matrix; an edit shows at its cell', async () => {
    const dir = tempDir();
    for (const lang of ['en', 'zh']) {
      const csv = join(dir, `m-${lang}.csv`);
      const args = ['--as-of', '2025-11-15', '--lang', lang];
      expect((await kam(['matrix', ZH_BOOK, ...args, '-o', csv])).code).toBe(1);
      const before = JSON.parse((await kam(['matrix', ZH_BOOK, ...args, '--format', 'json'])).stdout) as { columns: unknown[]; rows: { account: string; accountId: string; tier: string; task: string; cells: unknown; a: number; r: number }[] };
      const after = JSON.parse((await kam(['matrix', csv, ...args, '--format', 'json'])).stdout) as typeof before;
      const core = (m: typeof before) => ({ columns: m.columns.map((c) => (c as { key: string }).key), rows: m.rows.map((r) => [r.account, r.accountId, r.tier, r.task, r.cells, r.a, r.r]) });
      expect(core(after)).toEqual(core(before));
      // A manager clears the A of 华东精密制造有限公司 · 日常跟进 (赵敏's cell): kam check reports it there.
      const lines = readFileSync(csv, 'utf8').split('\r\n');
      const header = lines[0]!.replace(/^\ufeff/, '').split(',');
      const row = lines.findIndex((l) => l.startsWith('华东精密制造有限公司,KA001,') && l.split(',')[3] === '日常跟进');
      const col = header.indexOf('赵敏');
      const cells = lines[row]!.split(',');
      expect(cells[col]).toBe('A');
      cells[col] = '';
      lines[row] = cells.join(',');
      writeFileSync(csv, lines.join('\r\n'));
      const check = JSON.parse((await kam(['check', csv, '--format', 'json', ...args])).stdout) as { findings: { rule: string; cell: string }[] };
      expect(check.findings.filter((f) => f.rule === 'raci/no-accountable').map((f) => f.cell)).toContain(`m-${lang}.csv!${String.fromCharCode(65 + header.indexOf('张伟'))}${row + 1}`);
    }
  });
});

describe('a matrix beside the long sheet (issue 10)', () => {
  // The manager's edited 责任矩阵 pasted next to 分工明细: who holds which letters from the matrix,
  // frequency, hours, due dates and status from the long rows; activities the matrix does not show as they are.
  const build = (dir: string) =>
    writeBook(join(dir, 'beside.xlsx'), [
      { name: '客户', rows: [['客户名称', '客户编号', '客户等级'], ['华东精密', 'KA1', '战略'], ['北方重工', 'KA2', '重要'], ['南方电气', 'KA3', '普通']] },
      { name: '人员', rows: [['姓名', '部门', '岗位', '每周可用工时'], ['张伟', '销售部', '客户经理', 40], ['李娜', '客服部', '客服', 40], ['王芳', '销售部', '客户经理', 40]] },
      {
        name: '分工明细',
        rows: [
          ['客户名称', '工作内容', '负责人', '角色', '频率', '预计工时', '截止日期', '状态'],
          ['华东精密', '日常跟进', '张伟', 'R', '每周', 4, null, null],
          ['华东精密', '日常跟进', '李娜', 'A', '每周', 1, null, null],
          ['华东精密', '合同续签', '张伟', 'A/R', '一次性', 8, new Date(Date.UTC(2025, 9, 1)), '进行中'],
          ['北方重工', '日常跟进', '王芳', 'R', '每周', 3, null, null],
          ['北方重工', '日常跟进', '李娜', 'A', '每周', 1, null, null],
          ['南方电气', '日常跟进', '王芳', 'A/R', '每周', 2, null, null],
          ['南方电气', '投诉处理', '王芳', 'R', '每周', 1, null, null],
        ],
      },
      {
        // By id where the long sheet names accounts by name; 北方重工's R handed over from 王芳 to 张伟.
        name: '责任矩阵',
        rows: [
          ['客户编号', '工作内容', '张伟', '李娜', '王芳'],
          ['KA1', '日常跟进', 'R', 'A', null],
          ['KA1', '合同续签', 'A/R', null, null],
          ['KA2', '日常跟进', 'R', 'A', null],
          ['KA2', '技术支持', null, null, 'R'],
        ],
      },
    ]);

  it('letters from the matrix, dates and hours from the long rows, findings at the sheet each fact came from', async () => {
    const book = await build(tempDir());
    const r = await kam(['check', book, '--format', 'json', '--as-of', '2025-11-15', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "责任矩阵 is read with 分工明细 beside it: who holds which letters from the matrix; due dates, frequency, hours and status from 分工明细 (cells from the holder's own row: 4; handed over, from a row of the same letters: 1; the task's dates only: 0). Activities that differ between the two, read from the matrix: 1; rows of 分工明细 for activities the matrix does not show, read as they are: 2; activities only the matrix shows: 1",
    );
    const findings = (JSON.parse(r.stdout) as { findings: { rule: string; cell: string }[] }).findings.filter((f) => f.rule.startsWith('raci/') || f.rule.startsWith('time/'));
    expect(findings.map((f) => [f.rule, f.cell])).toEqual([
      // The due date a matrix cannot hold is reported where it is written…
      ['time/overdue', '分工明细!G4'],
      // …a long row the matrix does not show at its own letters, and the matrix's own row at its first letter.
      ['raci/no-accountable', '分工明细!D8'],
      ['raci/no-accountable', '责任矩阵!E5'],
    ]);
    // Hours from the long rows: 李娜's two A rows of 1 h at the A share 0.2; 王芳 南方电气 2 h + 1 h, and
    // 技术支持 (in the matrix only) at the norm, not the 3 h she handed over — those are 张伟's now (4 + 3 + 合同续签).
    const load = JSON.parse((await kam(['load', book, '--format', 'json', '--as-of', '2025-11-15'])).stdout) as { people: { name: string; hours: number }[] };
    const hours = Object.fromEntries(load.people.map((p) => [p.name, p.hours]));
    expect(hours).toEqual({ 李娜: 0.4, 王芳: 4.4, 张伟: 16.6 });
  });

  it('kam matrix shows the matrix\'s activities and the long sheet\'s others; --apply refuses a matrix', async () => {
    const dir = tempDir();
    const book = await build(dir);
    const m = JSON.parse((await kam(['matrix', book, '--format', 'json', '--as-of', '2025-11-15'])).stdout) as { rows: { accountId: string; task: string; cells: Record<string, string> }[] };
    expect(m.rows.map((x) => [x.accountId, x.task, x.cells])).toEqual([
      ['KA1', '日常跟进', { 'person:张伟': 'R', 'person:李娜': 'A' }],
      ['KA1', '合同续签', { 'person:张伟': 'A/R' }],
      ['KA2', '日常跟进', { 'person:张伟': 'R', 'person:李娜': 'A' }],
      ['KA2', '技术支持', { 'person:王芳': 'R' }],
      ['KA3', '日常跟进', { 'person:王芳': 'A/R' }],
      ['KA3', '投诉处理', { 'person:王芳': 'R' }],
    ]);
    const target = join(dir, 'moved.xlsx');
    const r = await kam(['load', book, '--suggest', '--apply', '-o', target, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^kam: .*beside\.xlsx: 责任矩阵: this sheet is a RACI matrix: --apply writes the moves into long division-of-labour rows/m);
    expect(existsSync(target)).toBe(false);
  });

  it('a sheet with account and task columns but no letters is no matrix: the long sheet is read', async () => {
    const dir = tempDir();
    const book = await writeBook(join(dir, 'plan.xlsx'), [
      { name: '分工明细', rows: [['客户名称', '工作内容', '负责人', '角色'], ['华东精密', '日常跟进', '张伟', 'A/R']] },
      { name: '计划', rows: [['客户名称', '工作内容', '备注'], ['华东精密', '日常跟进', '每月一次拜访']] },
    ]);
    const r = await kam(['matrix', book, '--format', 'json', '--verbose', '--lang', 'en']);
    expect(r.stderr).toContain('计划 holds no letters under its columns, so it is no matrix: 分工明细 is read as the division of labour');
    expect((JSON.parse(r.stdout) as { rows: { cells: unknown }[] }).rows.map((x) => x.cells)).toEqual([{ 'person:张伟': 'A/R' }]);
  });
});

describe('a matrix beside the long sheet: only when both are about the same work (review of issue 10)', () => {
  const STAFF = { name: '人员', rows: [['姓名', '部门', '岗位', '每周可用工时'], ['张伟', '销售部', '客户经理', 40], ['李娜', '客服部', '客服', 40], ['王芳', '销售部', '客户经理', 40]] };
  const LONG = (rows: unknown[][]) => ({ name: '分工明细', rows: [['客户名称', '工作内容', '负责人', '角色', '频率', '预计工时', '状态'], ...rows] });
  const hours = async (book: string): Promise<Record<string, number>> =>
    Object.fromEntries((JSON.parse((await kam(['load', book, '--format', 'json', '--as-of', '2025-11-15'])).stdout) as { people: { name: string; hours: number }[] }).people.map((p) => [p.name, p.hours]));

  it('a plan sheet whose priority column reads A/B/C is no matrix: check and load read the long sheet alone', async () => {
    const dir = tempDir();
    const long = LONG([['华东精密', '日常跟进', '张伟', 'A/R', '每周', 4, null]]);
    const alone = await writeBook(join(dir, 'alone.xlsx'), [STAFF, long]);
    const book = await writeBook(join(dir, 'plan.xlsx'), [STAFF, long, { name: '服务计划', rows: [['客户名称', '工作内容', '优先级'], ['华东精密', '日常跟进', 'A'], ['华东精密', '日常跟进', 'C']] }]);
    const r = await kam(['check', book, '--format', 'json', '--as-of', '2025-11-15', '--verbose', '--lang', 'en']);
    expect(r.stderr).toContain("服务计划's columns name nobody of the staff or of 分工明细, so it is no matrix: 分工明细 is read as the division of labour");
    expect(r.stderr).not.toContain('read as a RACI matrix');
    const rules = (out: string) => (JSON.parse(out) as { findings: { rule: string; cell: string }[] }).findings.map((f) => [f.rule, f.cell]);
    expect(rules(r.stdout)).toEqual(rules((await kam(['check', alone, '--format', 'json', '--as-of', '2025-11-15'])).stdout));
    expect(await hours(book)).toEqual(await hours(alone));
  });

  it('a work log beside a matrix is no long sheet (no RACI column): the matrix is read alone', async () => {
    const dir = tempDir();
    const matrix = { name: '责任矩阵', rows: [['客户名称', '工作内容', '张伟', '李娜'], ['华东精密', '日常跟进', 'R', 'A']] };
    const alone = await writeBook(join(dir, 'alone.xlsx'), [STAFF, matrix]);
    const book = await writeBook(join(dir, 'log.xlsx'), [STAFF, matrix, { name: '工作日志', rows: [['日期', '客户名称', '工作内容', '执行人', '工时'], ['2025-11-01', '华东精密', '客户拜访', '张伟', 5], ['2025-11-02', '华东精密', '日常跟进', '张伟', 2]] }]);
    expect(await hours(book)).toEqual(await hours(alone));
  });

  it('a co-responsible added beside the old holder gets the norms, not a copy of the old row\'s hours; another holder\'s cancelled row cancels nothing', async () => {
    const dir = tempDir();
    const long = LONG([
      ['华东精密', '日常跟进', '王芳', 'R', '每周', 3, null],
      ['华东精密', '日常跟进', '李娜', 'A', '每周', 1, '已取消'],
      ['华东精密', '日常跟进', '张伟', 'A', '每周', 1, null],
    ]);
    const alone = await writeBook(join(dir, 'alone.xlsx'), [STAFF, LONG([['华东精密', '日常跟进', '王芳', 'R', '每周', 3, null], ['华东精密', '日常跟进', '张伟', 'A', '每周', 1, null], ['华东精密', '日常跟进', '张伟', 'R', null, null, null]])]);
    const book = await writeBook(join(dir, 'cor.xlsx'), [STAFF, long, { name: '责任矩阵', rows: [['客户名称', '工作内容', '张伟', '王芳'], ['华东精密', '日常跟进', 'A/R', 'R']] }]);
    const r = await kam(['matrix', book, '--format', 'json', '--as-of', '2025-11-15', '--lang', 'en']);
    expect((JSON.parse(r.stdout) as { rows: { cells: unknown }[] }).rows.map((x) => x.cells)).toEqual([{ 'person:张伟': 'A/R', 'person:王芳': 'R' }]);
    expect(r.stderr).toContain("(cells from the holder's own row: 1; handed over, from a row of the same letters: 0; the task's dates only: 1)");
    // 张伟: his own A row (1 h) and an R at the norms — as if the long sheet had said so; 王芳 keeps her 3 h.
    expect(await hours(book)).toEqual(await hours(alone));
  });

  it('kam load --apply with a plan sheet beside the long one writes the moves into the long sheet', async () => {
    const dir = tempDir();
    const rows = [['华东精密', '日常跟进', '张伟', 'A/R', '每周', 30, null], ['北方重工', '日常跟进', '张伟', 'R', '每周', 20, null], ['北方重工', '日常跟进', '李娜', 'A', '每周', 1, null]];
    const book = await writeBook(join(dir, 'apply.xlsx'), [STAFF, LONG(rows), { name: '服务计划', rows: [['客户名称', '工作内容', '备注'], ['华东精密', '日常跟进', '季度拜访'], ['北方重工', '日常跟进', '月度报告']] }]);
    const target = join(dir, 'moved.xlsx');
    expect((await kam(['load', book, '--suggest', '--apply', '-o', target, '--as-of', '2025-11-15'])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(target);
    expect(wb.getWorksheet('分工明细')!.getCell('C3').value).toBe('王芳');
    expect(wb.getWorksheet('服务计划')!.getCell('C3').value).toBe('月度报告');
  });
});

describe('round trip through the workbook (issue 10)', () => {
  it('kam matrix -o m.xlsx, edit one cell, kam check m.xlsx reports it at the cell; kam matrix m.xlsx gives the rest back', async () => {
    const dir = tempDir();
    const xlsx = join(dir, 'm.xlsx');
    const args = ['--as-of', '2025-11-15', '--lang', 'zh'];
    await kam(['matrix', ZH_BOOK, ...args, '-o', xlsx]);
    const before = JSON.parse((await kam(['matrix', ZH_BOOK, ...args, '--format', 'json'])).stdout) as { rows: { account: string; task: string; cells: Record<string, string> }[] };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.getWorksheet('按客户')!;
    // The header row is row 2 (departments merged over the people in row 1).
    const header = (ws.getRow(2).values as unknown[]).map((v) => (v === undefined ? '' : String(v)));
    const col = header.indexOf('赵敏');
    let row = 0;
    ws.eachRow((r, n) => {
      if (r.getCell(1).value === '华东精密制造有限公司' && r.getCell(4).value === '日常跟进') row = n;
    });
    expect(ws.getRow(row).getCell(col).value).toBe('A');
    ws.getRow(row).getCell(col).value = null;
    await wb.xlsx.writeFile(xlsx);
    const check = JSON.parse((await kam(['check', xlsx, '--format', 'json', ...args])).stdout) as { findings: { rule: string; cell: string }[] };
    const zhang = String.fromCharCode(64 + header.indexOf('张伟'));
    expect(check.findings.filter((f) => f.rule === 'raci/no-accountable').map((f) => f.cell)).toContain(`按客户!${zhang}${row}`);
    const after = JSON.parse((await kam(['matrix', xlsx, ...args, '--format', 'json'])).stdout) as typeof before;
    const edited = (r: { account: string; task: string }) => r.account === '华东精密制造有限公司' && r.task === '日常跟进';
    expect(after.rows.filter((r) => !edited(r))).toEqual(before.rows.filter((r) => !edited(r)).map((r) => expect.objectContaining({ account: r.account, task: r.task, cells: r.cells })));
    expect(after.rows.find(edited)!.cells).toEqual({ 'person:张伟': 'R' });
  });
});

describe('HTML (issue 10)', () => {
  it('one self-contained page: a CSP that fetches nothing, no script, coloured letter cells, flagged checks, the legend', () => {
    const m = matrixSample();
    m.rows[0]!.account = '<img src=x onerror=alert(1)> & "Co"';
    const html = renderText('matrix', m, 'html', en);
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
    expect(html).not.toMatch(/<script|https?:|@import|url\(/i);
    expect(html).toContain('<th scope="row">&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Co&quot;</th>');
    expect(html).not.toContain('<img');
    // Apex · Support: Alice C, the Service department R; nobody accountable: #A flagged, with the rule.
    expect(html).toContain('<td class="L C">C</td>');
    expect(html).toContain('<td class="n bad" title="raci/no-accountable">0</td>');
    expect(html).toContain('<td class="L A">A/R</td>');
    expect(html).toContain('thead th { position: sticky; top: 0;');
    expect(html).toContain('<td class="L A">A/R</td><td>Accountable and responsible');
    const zh = renderText('matrix', matrixSample(), 'html', reportContext('zh', false));
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain('<title>责任矩阵 · book.xlsx</title>');
  });
  it('kam matrix -o raci.html writes it; every command lists .html only where it writes it', async () => {
    const dir = tempDir();
    const r = await kam(['matrix', ZH_BOOK, '--as-of', '2025-11-15', '-o', join(dir, 'raci.html')]);
    expect(r.code).toBe(1);
    expect(readFileSync(join(dir, 'raci.html'), 'utf8')).toContain('<h1>Responsibility matrix</h1>');
    const bad = await kam(['matrix', ZH_BOOK, '-o', join(dir, 'raci.pdf')]);
    expect(bad.stderr).toBe(`kam: cannot tell the format of -o ${join(dir, 'raci.pdf')}: this command writes .csv, .json, .xlsx, .md, .txt, .html files\n`);
  });
});
