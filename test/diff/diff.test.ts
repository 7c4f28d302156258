// kam diff (issue 13): pairs of books by several writers (scripts/fixtures/diff.py), every change
// kind, noise that is no change, duplicates, the formats, the exit codes, and git's drivers.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, writeBook } from '../helpers/books.js';
import { BIN, EXAMPLES, kam, ROOT } from '../helpers/cli.js';

const OLD = join(EXAMPLES, 'accounts-zh.xlsx');
const FIX = join(ROOT, 'test', 'fixtures', 'diff');
const AS_OF = ['--as-of', '2025-11-15'];

interface Change {
  kind: string;
  account?: string;
  accountId?: string;
  task?: string;
  letter?: string;
  person?: string;
  field?: string;
  from?: unknown;
  to?: unknown;
  oldCell?: string;
  newCell?: string;
  lostAccountable?: boolean;
  holds?: number;
}
interface Finding {
  rule: string;
  cell?: string;
  account?: string;
  task?: string;
  person?: string;
}
interface DiffJson {
  old: string;
  new: string;
  summary: Record<string, number>;
  changes: Change[];
  introduced: Finding[];
  resolved: Finding[];
  duplicates: Finding[];
  load: { person: string; before: { utilization: number } | null; after: { utilization: number } | null }[];
}

async function diffJson(old: string, now: string, extra: string[] = []): Promise<{ code: number; json: DiffJson; stderr: string }> {
  const r = await kam(['diff', old, now, '--format', 'json', ...AS_OF, ...extra]);
  return { code: r.code, json: JSON.parse(r.stdout) as DiffJson, stderr: r.stderr };
}

/** The changes as short strings, for exact comparison. */
const brief = (c: Change) => [c.kind, c.accountId ?? c.account ?? '', c.task ?? '', c.letter ?? '', c.person ?? '', c.field ?? '', JSON.stringify(c.from ?? null), JSON.stringify(c.to ?? null)].filter((p) => p !== '').join(' ');

describe('kam diff: noise is no change', () => {
  const NOISE = [
    ['the same book', OLD],
    ['another writer (xlsxwriter): rows shuffled, sheets renamed, columns moved, 元 with separators, text dates, words for codes, full-width ids, padded names', join(FIX, 'noise-xlsxwriter.xlsx')],
    ['re-saved by LibreOffice', join(FIX, 'noise-libreoffice.xlsx')],
  ];
  it.each(NOISE)('%s → no changes, exit 0', async (_what, book) => {
    const { code, json } = await diffJson(OLD, book!);
    expect(code).toBe(0);
    expect(json.changes).toEqual([]);
    expect(json.introduced).toEqual([]);
    expect(json.resolved).toEqual([]);
    expect(Object.values(json.summary).every((n) => n === 0)).toBe(true);
    const text = await kam(['diff', OLD, book!, ...AS_OF, '--fail-on-change']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('no changes');
  });

  it('says a part is not compared when not both versions have its sheet, true when neither has it (found by a new user)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a1.csv'), 'ID,Name,Owner\nK1,Acme,Al\n');
    writeFileSync(join(dir, 'a2.csv'), 'ID,Name,Owner\nK1,Acme,Bo\n');
    const r = await kam(['diff', join(dir, 'a1.csv'), join(dir, 'a2.csv'), '--as-of', '2025-11-15', '--lang', 'en']);
    expect(r.stderr).toContain('responsibilities not compared: not both versions have a division-of-labour sheet');
    expect(r.stderr).toContain('people not compared: not both versions have a Staff sheet');
    expect(r.stdout).toContain('owner');
  });

  it('leaves out the findings of a part not compared: a book against its lone accounts CSV has no findings introduced or resolved (found by a new user)', async () => {
    const dir = join(tempDir(), 'book');
    expect((await kam(['convert', OLD, dir, '--all'])).code).toBe(0);
    const accounts = readdirSync(dir).find((f) => /^(accounts|客户)/i.test(f))!;
    const { code, json } = await diffJson(dir, join(dir, accounts));
    expect(json.introduced).toEqual([]);
    expect(json.resolved).toEqual([]);
    expect(code).toBe(0);
  });

  it('a CSV folder (kam convert --all) against the workbook it came from: no changes', async () => {
    const dir = join(tempDir(), 'book');
    expect((await kam(['convert', OLD, dir, '--all'])).code).toBe(0);
    const { code, json } = await diffJson(OLD, dir);
    expect(code).toBe(0);
    expect(json.changes).toEqual([]);
    expect(json.introduced).toEqual([]);
    // And the other way round, the CSV folder as the old version.
    expect((await diffJson(dir, OLD)).json.changes).toEqual([]);
  });
});

describe('kam diff: every change kind', async () => {
  const { code, json } = await diffJson(OLD, join(FIX, 'changes.xlsx'));

  it('reports exactly the changes made, grouped by account, most important first', () => {
    expect(json.changes.map(brief)).toEqual([
 'owner-changed KA002 "王芳" "李娜"',
 'responsibility-added KA002 技术支持 C 孙丽 null null',
 'responsibility-removed KA002 投诉处理 A 黄强 null null',
 'letter-changed KA001 季度业务回顾 I 孙丽 "C" "I"',
 'status-changed KA001 技术支持 R 周杰 "doing" "done"',
 'hours-changed KA001 投诉处理 R 杨磊 3 5',
 'handover KA001 日常跟进 R 李娜 "张伟" "李娜"',
 'due-changed KA003 季度业务回顾 A 赵敏 null "2026-01-15"',
 'frequency-changed KA003 日常跟进 R 张伟 "weekly" "biweekly"',
 'tier-changed KA005 "important" "strategic"',
 'account-renamed KA004 "蓝海零售连锁" "蓝海零售集团"',
 'tier-moved KA021 "important" "normal"',
 'account-added KA099 null null',
 'responsibility-added KA099 日常跟进 A 赵敏 null null',
 'responsibility-added KA099 日常跟进 R 李娜 null null',
 'tier-moved KA006 "normal" "important"',
 'revenue-changed KA006 4300000 34400000',
 'account-removed KA030 null null',
 'responsibility-removed KA030 投诉处理 A 黄强 null null',
 'responsibility-removed KA030 投诉处理 R 吴婷 null null',
 'responsibility-removed KA030 日常跟进 A 赵敏 null null',
 'responsibility-removed KA030 日常跟进 R 陈静 null null',
 'person-joined 陈晨 null null',
 'person-left 郑浩 null null',
 'person-changed 吴婷 capacity 20 30',
 'person-changed 周杰 active true false',
 'person-changed 徐明 department "技术部" "客服部"',
    ]);
  });

  it('counts every kind in the summary', () => {
    expect(json.summary).toMatchObject({ 'account-added': 1, 'account-removed': 1, 'account-renamed': 1, 'owner-changed': 1, 'tier-changed': 1, 'tier-moved': 2, 'revenue-changed': 1, 'responsibility-added': 3, 'responsibility-removed': 5, handover: 1, 'letter-changed': 1, 'due-changed': 1, 'status-changed': 1, 'frequency-changed': 1, 'hours-changed': 1, 'person-joined': 1, 'person-left': 1, 'person-changed': 3 });
  });

  it('points at the cells of each version, and marks the lost accountable person', () => {
    const at = (kind: string, task?: string) => json.changes.find((c) => c.kind === kind && (task === undefined || c.task === task))!;
    expect(at('owner-changed')).toMatchObject({ oldCell: '客户信息!E6', newCell: '客户信息!E6' });
    expect(at('handover')).toMatchObject({ letter: 'R', from: '张伟', to: '李娜', oldCell: '分工明细!C3', newCell: '分工明细!C33' });
    expect(at('responsibility-removed', '投诉处理')).toMatchObject({ person: '黄强', lostAccountable: true, oldCell: '分工明细!C15' });
    expect(at('due-changed').newCell).toBe('分工明细!F168');
    expect(at('person-changed').newCell).toBe('人员!E12');
    expect(json.changes.find((c) => c.kind === 'person-changed' && c.field === 'active')).toMatchObject({ holds: 9 });
  });

  it('the findings the change introduces and resolves, matched by what they are about (a renamed account keeps its own)', () => {
    expect(json.introduced).toContainEqual(expect.objectContaining({ rule: 'raci/no-accountable', account: '北方重工集团', task: '投诉处理', cell: '分工明细!E145' }));
    expect(json.introduced.filter((f) => f.rule === 'ref/inactive-person' && f.person === '周杰')).toHaveLength(9);
    expect(json.resolved).toContainEqual(expect.objectContaining({ rule: 'load/over-capacity', person: '张伟' }));
    // 蓝海零售连锁 → 蓝海零售集团 (same id): its cadence and tier findings are neither introduced nor resolved.
    expect([...json.introduced, ...json.resolved].filter((f) => f.account?.startsWith('蓝海') && f.rule !== 'raci/role-conflict')).toEqual([]);
    expect(json.summary.introduced).toBe(json.introduced.length);
  });

  it('the load of the people touched, before → after', () => {
    const zhang = json.load.find((l) => l.person === '张伟')!;
    expect(zhang.before!.utilization).toBeGreaterThan(1);
    expect(zhang.after!.utilization).toBeLessThan(zhang.before!.utilization);
    expect(json.load.find((l) => l.person === '陈晨')).toMatchObject({ before: null });
  });

  it('exit 1 for an introduced error (--fail-on error), 0 when the change makes nothing worse', async () => {
    expect(code).toBe(1);
    // The reverse change resolves the no-accountable error instead: exit 0 although the book keeps old problems.
    const back = await kam(['diff', join(FIX, 'changes.xlsx'), OLD, ...AS_OF, '--format', 'json']);
    expect((JSON.parse(back.stdout) as DiffJson).introduced.some((f) => f.rule === 'raci/no-accountable')).toBe(false);
    expect((await kam(['check', OLD, ...AS_OF, '-q'])).code).toBe(1);
  });
});

describe('kam diff: duplicates are findings, never paired', () => {
  it('an account id and a person written twice are reported, not removed', async () => {
    const { json } = await diffJson(OLD, join(FIX, 'duplicates.xlsx'));
    expect(json.duplicates.map((f) => [f.rule, f.cell])).toEqual([
      ['diff/duplicate-account', '客户信息!B37'],
      ['diff/duplicate-person', '人员!A15'],
    ]);
    expect(json.changes.filter((c) => c.kind === 'account-removed' || c.kind === 'person-left')).toEqual([]);
  });

  it('one holder with two rows of the same letters: letters compared, details not paired', async () => {
    const dir = tempDir();
    const book = (rows: unknown[][]) => [
      { name: 'Accounts', rows: [['id', 'name', 'owner'], ['C1', 'Acme', 'Ann']] },
      { name: 'Staff', rows: [['name', 'role'], ['Ann', 'AM'], ['Bob', 'AM']] },
      { name: 'Assignments', rows: [['account', 'task', 'person', 'RACI', 'hours'], ...rows] },
    ];
    const a = await writeBook(join(dir, 'a.xlsx'), book([['C1', 'Review', 'Ann', 'A', 1], ['C1', 'Review', 'Bob', 'R', 2], ['C1', 'Review', 'Bob', 'R', 3]]));
    const b = await writeBook(join(dir, 'b.xlsx'), book([['C1', 'Review', 'Ann', 'A', 1], ['C1', 'Review', 'Bob', 'R', 5], ['C1', 'Review', 'Bob', 'R', 3]]));
    const { json } = await diffJson(a, b);
    expect(json.changes).toEqual([]);
    expect(json.duplicates).toEqual([expect.objectContaining({ rule: 'diff/duplicate-responsibility', cell: 'Assignments!C4', person: 'Bob', task: 'Review' })]);
  });
});

describe('kam diff: built pairs', () => {
  const staff = { name: 'Staff', rows: [['name', 'role', 'department'], ['Ann', 'AM', 'Sales'], ['Bob', 'AM', 'Sales'], ['Cai', 'Support', 'Service']] };
  const accounts = { name: 'Accounts', rows: [['id', 'name', 'owner', 'tier'], ['C1', 'Acme', 'Ann', 'strategic'], ['C2', 'Beta', 'Bob', 'normal']] };

  it('A/R split to two people: the A handed over, R kept; a handover keeps the task accountable', async () => {
    const dir = tempDir();
    const a = await writeBook(join(dir, 'a.xlsx'), [accounts, staff, { name: 'Assignments', rows: [['account', 'task', 'person', 'RACI'], ['C1', 'Review', 'Ann', 'A/R'], ['C1', 'Review', 'Cai', 'C']] }]);
    const b = await writeBook(join(dir, 'b.xlsx'), [accounts, staff, { name: 'Assignments', rows: [['account', 'task', 'person', 'RACI'], ['C1', 'Review', 'Cai', 'C'], ['C1', 'Review', 'Ann', 'R'], ['C1', 'Review', 'Bob', 'A']] }]);
    const { json, code } = await diffJson(a, b);
    expect(json.changes.map(brief)).toEqual(['handover C1 Review A Bob "Ann" "Bob"']);
    expect(json.changes[0]!.lostAccountable).toBeUndefined();
    expect(code).toBe(0);
  });

  it('a row cancelled is a status change; accounts named by name in one version and by id in the other are the same', async () => {
    const dir = tempDir();
    const a = await writeBook(join(dir, 'a.xlsx'), [accounts, staff, { name: 'Assignments', rows: [['account', 'task', 'person', 'RACI', 'status'], ['Acme', 'Review', 'Ann', 'A', '进行中'], ['Acme', 'Review', 'Bob', 'R', '进行中']] }]);
    const b = await writeBook(join(dir, 'b.xlsx'), [accounts, staff, { name: 'Assignments', rows: [['account', 'task', 'person', 'RACI', 'status'], ['C1', 'review', 'Ann', 'A', 'in progress'], ['C1', 'ＲＥＶＩＥＷ', 'Bob', 'R', '已取消']] }]);
    const { json } = await diffJson(a, b);
    expect(json.changes.map(brief)).toEqual(['status-changed C1 review R Bob "doing" "cancelled"']);
    expect(json.introduced.map((f) => f.rule)).toContain('raci/no-responsible');
  });

  it("rows of an account one version's Accounts sheet lacks keep their key; a holder who handed over R and took C has C added", async () => {
    const dir = tempDir();
    const rows = [['account', 'task', 'person', 'RACI'], ['Beta', 'Review', 'Ann', 'A'], ['Beta', 'Review', 'Bob', 'R']];
    const a = await writeBook(join(dir, 'a.xlsx'), [accounts, staff, { name: 'Assignments', rows }]);
    const onlyC1 = { name: 'Accounts', rows: accounts.rows.slice(0, 2) };
    const b = await writeBook(join(dir, 'b.xlsx'), [onlyC1, staff, { name: 'Assignments', rows: [...rows.slice(0, 2), ['Beta', 'Review', 'Cai', 'R'], ['Beta', 'Review', 'Bob', 'C']] }]);
    const { json } = await diffJson(a, b);
    expect(json.changes.map(brief)).toEqual(['account-removed C2 null null', 'handover C2 Review R Cai "Bob" "Cai"', 'responsibility-added C2 Review C Bob null null']);
    // Only the division of labour on one side (a single CSV): the rows are the same rows.
    const csv = join(dir, 'assignments.csv');
    writeFileSync(csv, 'account,task,person,RACI\nBeta,Review,Ann,A\nBeta,Review,Bob,R\n');
    expect((await diffJson(csv, a)).json.changes).toEqual([]);
  });

  it('an account of many tasks (shuffled): a change in its twelfth task, a task added and one gone', async () => {
    const dir = tempDir();
    const tasks = Array.from({ length: 12 }, (_v, i) => `Task ${i + 1}`);
    const rows = tasks.flatMap((t) => [['C1', t, 'Ann', 'A'], ['C1', t, 'Bob', 'R']]);
    const head = ['account', 'task', 'person', 'RACI'];
    const a = await writeBook(join(dir, 'a.xlsx'), [accounts, staff, { name: 'Assignments', rows: [head, ...rows] }]);
    // Reversed, Task 12's R handed to Cai, Task 1 gone, Task 13 new.
    const changed = rows.filter((r) => r[1] !== 'Task 1').map((r) => (r[1] === 'Task 12' && r[2] === 'Bob' ? ['C1', 'Task 12', 'Cai', 'R'] : r));
    const b = await writeBook(join(dir, 'b.xlsx'), [accounts, staff, { name: 'Assignments', rows: [head, ...changed.reverse(), ['C1', 'Task 13', 'Ann', 'A/R']] }]);
    const { json } = await diffJson(a, b);
    expect(json.changes.map(brief).sort()).toEqual([
      'handover C1 Task 12 R Cai "Bob" "Cai"',
      'responsibility-added C1 Task 13 A/R Ann null null',
      'responsibility-removed C1 Task 1 A Ann null null',
      'responsibility-removed C1 Task 1 R Bob null null',
    ]);
  });

  it('two accounts written with one id: reported as a duplicate, their rows compared together', async () => {
    const dir = tempDir();
    const twice = { name: 'Accounts', rows: [...accounts.rows, ['C1', 'Acme Copy', 'Bob', 'normal']] };
    const rows = [['account', 'task', 'person', 'RACI'], ['Acme', 'Review', 'Ann', 'A'], ['Acme Copy', 'Visit', 'Bob', 'R']];
    const a = await writeBook(join(dir, 'a.xlsx'), [twice, staff, { name: 'Assignments', rows }]);
    const b = await writeBook(join(dir, 'b.xlsx'), [twice, staff, { name: 'Assignments', rows: [rows[0]!, rows[2]!, ['Acme', 'Review', 'Cai', 'A']] }]);
    const { json } = await diffJson(a, b);
    expect(json.duplicates.map((f) => f.rule)).toEqual(['diff/duplicate-account', 'diff/duplicate-account']);
    expect(json.changes.map(brief)).toEqual(['handover C1 Review A Cai "Ann" "Cai"']);
  });

  it('merged rows read as the sheet has them: a cancelled first row gives the task its text; the account a row names keeps its change', async () => {
    const dir = tempDir();
    const head = ['account', 'task', 'person', 'RACI', 'status'];
    const a = await writeBook(join(dir, 'a.xlsx'), [accounts, staff, { name: 'Assignments', rows: [head, ['Acme', 'Weekly report', 'Bob', 'R', '进行中']] }]);
    const b = await writeBook(join(dir, 'b.xlsx'), [accounts, staff, { name: 'Assignments', rows: [head, ['Acme', 'WEEKLY REPORT', 'Ann', 'R', '已取消'], ['Acme', 'Weekly report', 'Bob', 'A', '进行中']] }]);
    const first = (await diffJson(a, b)).json.changes;
    expect(first.map(brief)).toEqual(['letter-changed C1 WEEKLY REPORT A Bob "R" "A"']);
    expect(first[0]!.newCell).toBe('Assignments!D3');
    // Two accounts of one id: the hours change belongs to the account its row names.
    const twice = { name: 'Accounts', rows: [accounts.rows[0]!, ['C1', 'Acme', 'Ann', 'strategic'], ['C1', 'Beta', 'Bob', 'normal']] };
    const rows = (h: number) => [['account', 'task', 'person', 'RACI', 'hours'], ['Beta', 'Report', 'Bob', 'R', h], ['C1', 'Report', 'Ann', 'A', 1]];
    const c = await writeBook(join(dir, 'c.xlsx'), [twice, staff, { name: 'Assignments', rows: rows(1) }]);
    const d = await writeBook(join(dir, 'd.xlsx'), [twice, staff, { name: 'Assignments', rows: rows(3) }]);
    const second = (await diffJson(c, d)).json.changes;
    expect(second.map((x) => `${x.kind} ${x.account} ${x.from}→${x.to}`)).toEqual(['hours-changed Beta 1→3']);
  });

  it('one more row of the same letters for a holder is a responsibility added (its hours count)', async () => {
    const dir = tempDir();
    const rows = [['account', 'task', 'person', 'RACI', 'hours'], ['C1', 'Review', 'Ann', 'A', 1], ['C1', 'Review', 'Bob', 'R', 2]];
    const a = await writeBook(join(dir, 'a.xlsx'), [accounts, staff, { name: 'Assignments', rows }]);
    const b = await writeBook(join(dir, 'b.xlsx'), [accounts, staff, { name: 'Assignments', rows: [...rows, ['C1', 'Review', 'Bob', 'R', 6]] }]);
    const r = await kam(['diff', a, b, '--format', 'json', '--fail-on-change']);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as DiffJson).changes.map(brief)).toEqual(['responsibility-added C1 Review R Bob null null']);
  });

  it('a file that is no book (a text file named .csv) is exit 2, not "every account removed"; as the driver of git it is one line and exit 0', async () => {
    const dir = tempDir();
    const a = await writeBook(join(dir, 'a.xlsx'), [accounts, staff]);
    writeFileSync(join(dir, 'notes.csv'), 'just some notes\nabout nothing\n');
    const r = await kam(['diff', a, join(dir, 'notes.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(/^kam: .*notes\.csv: no "name" column/);
    const g = await kam(['diff', 'notes.csv', a, '0000', '100644', join(dir, 'notes.csv'), '1111', '100644']);
    expect(g.code).toBe(0);
    expect(g.stdout).toMatch(/^kam diff: notes\.csv: .*no "name" column/);
  });

  it('revenue under the threshold is no change; --revenue-threshold lowers it', async () => {
    const dir = tempDir();
    const rev = (n: number) => ({ name: 'Accounts', rows: [['id', 'name', 'owner', 'annual revenue'], ['C1', 'Acme', 'Ann', n], ['C2', 'Beta', 'Bob', 100]] });
    const a = await writeBook(join(dir, 'a.xlsx'), [rev(1000), staff]);
    const b = await writeBook(join(dir, 'b.xlsx'), [rev(1080), staff]);
    expect((await diffJson(a, b)).json.summary['revenue-changed']).toBe(0);
    expect((await diffJson(a, b, ['--revenue-threshold', '5%'])).json.changes.map(brief)).toContain('revenue-changed C1 1000 1080');
    expect((await kam(['diff', a, b, '--revenue-threshold', 'lots'])).code).toBe(2);
  });
});

describe('kam diff: formats and exit codes', async () => {
  const NEW = join(FIX, 'changes.xlsx');
  it('markdown: counts first, accounts as headings, the lost A in bold, findings tables', async () => {
    const r = await kam(['diff', OLD, NEW, ...AS_OF, '--format', 'markdown']);
    const md = r.stdout;
    expect(md.startsWith('### kam diff: ')).toBe(true);
    expect(md).toContain('- Accounts: added 1, removed 1, renamed 1');
    expect(md).toContain('#### Strategic · 北方重工集团 (KA002)');
    expect(md).toContain('**投诉处理: A 黄强 removed — the task has no accountable person (A) now**');
    expect(md).toContain('#### Findings introduced (20)');
    expect(md.indexOf('#### Findings introduced')).toBeLessThan(md.indexOf('#### Strategic'));
  });

  it('github: annotations on the new file at the changed cells; a warning where a strategic account lost its A', async () => {
    const r = await kam(['diff', OLD, NEW, ...AS_OF, '--format', 'github']);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toContain(`::warning file=${NEW.replace(/:/g, '%3A').replace(/,/g, '%2C')},title=Strategic account 北方重工集团 lost its accountable person (A) for 投诉处理::分工明细!C145 Strategic · 北方重工集团 (KA002): 投诉处理: A 黄强 removed — the task has no accountable person (A) now`);
    expect(lines.some((l) => l.startsWith('::notice ') && l.includes('title=kam diff%3A handover::分工明细!C33'))).toBe(true);
    expect(lines.some((l) => l.startsWith('::error ') && l.includes('title=raci/no-accountable::分工明细!E145'))).toBe(true);
    expect(lines.at(-1)).toMatch(/^kam diff: Accounts: added 1/);
    // In Chinese the tier's label says 客户 once (found by a new user: 战略客户客户).
    const zh = await kam(['diff', OLD, NEW, ...AS_OF, '--format', 'github', '--lang', 'zh']);
    expect(zh.stdout).toContain(',title=战略客户 北方重工集团 的「投诉处理」失去了审批人（A）::');
    expect(zh.stdout).not.toContain('客户客户');
  });

  it('csv: one row per change, then one per finding introduced or resolved', async () => {
    const r = await kam(['diff', OLD, NEW, ...AS_OF, '--format', 'csv']);
    const rows = r.stdout.trim().split('\r\n');
    expect(rows[0]).toBe('kind,account,accountId,task,letter,person,from,to,oldCell,newCell,change,rule,severity');
    expect(rows).toContain('handover,华东精密制造有限公司,KA001,日常跟进,R,李娜,张伟,李娜,分工明细!C3,分工明细!C33,日常跟进: R 张伟 → 李娜 (handover),,');
    expect(rows.length).toBe(1 + 27 + 20 + 5);
    expect(rows.filter((l) => l.startsWith('finding-introduced,'))).toHaveLength(20);
  });

  it('text in Chinese with + − →; -o writes the format of its extension', async () => {
    const dir = tempDir();
    const r = await kam(['diff', OLD, NEW, ...AS_OF, '--lang', 'zh', '-o', join(dir, 'changes.json'), '--format', 'text']);
    expect(r.stdout).toContain('  → 日常跟进：R 张伟 → 李娜（交接）');
    expect(r.stdout).toContain('  − 投诉处理：移除 A 黄强——该任务已没有审批人（A）');
    expect(r.stdout).toContain('  + 陈晨 加入');
    const written = JSON.parse((await import('node:fs')).readFileSync(join(dir, 'changes.json'), 'utf8')) as DiffJson;
    expect(written.summary.handover).toBe(1);
  });

  it('--fail-on applies to the introduced findings only; --fail-on-change fails on any change; 2 for unreadable input', async () => {
    expect((await kam(['diff', OLD, NEW, ...AS_OF, '-q', '--format', 'json'])).code).toBe(1);
    expect((await kam(['diff', OLD, OLD, ...AS_OF, '-q', '--format', 'json'])).code).toBe(0);
    const dir = tempDir();
    const a = await writeBook(join(dir, 'a.xlsx'), [{ name: 'Accounts', rows: [['id', 'name', 'owner'], ['C1', 'Acme', 'Ann']] }]);
    const b = await writeBook(join(dir, 'b.xlsx'), [{ name: 'Accounts', rows: [['id', 'name', 'owner'], ['C1', 'Acme', 'Bob']] }]);
    expect((await kam(['diff', a, b, '-q'])).code).toBe(0);
    expect((await kam(['diff', a, b, '-q', '--fail-on-change'])).code).toBe(1);
    writeFileSync(join(dir, 'bad.xlsx'), 'name,owner\nAcme,Ann\n');
    const bad = await kam(['diff', a, join(dir, 'bad.xlsx')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect((await kam(['diff', a, join(dir, 'missing.xlsx')])).code).toBe(2);
    expect((await kam(['diff', a])).code).toBe(2);
    // -o may not name either book.
    expect((await kam(['diff', a, b, '-o', a.replace(/\.xlsx$/, '.csv')])).code).toBe(0);
    expect((await kam(['diff', a, b, '-o', join(dir, 'x.csv'), '--format', 'json'])).code).toBe(0);
  });
});

describe('kam textconv and git', () => {
  it('textconv: sorted lines that do not change with noise', async () => {
    const one = await kam(['textconv', OLD, ...AS_OF]);
    expect(one.code).toBe(0);
    expect(one.stdout.split('\n')[0]).toBe('account KA001 华东精密制造有限公司 | owner 张伟 | tier Strategic | computed Strategic | revenue 18,500,000');
    expect(one.stdout).toContain('  task KA001 华东精密制造有限公司 | 日常跟进 | R 张伟 | status in progress | frequency weekly | hours 8\n');
    // The fixtures have no kam.config.json beside them: the example's is named.
    const config = ['-c', join(EXAMPLES, 'kam.config.json')];
    expect((await kam(['textconv', join(FIX, 'noise-xlsxwriter.xlsx'), ...AS_OF, ...config])).stdout).toBe(one.stdout);
    expect((await kam(['textconv', join(FIX, 'noise-libreoffice.xlsx'), ...AS_OF, ...config])).stdout).toBe(one.stdout);
  });

  it('a real repository: git diff and git log -p print the responsibility view through the drivers', () => {
    const repo = tempDir('kam-git-');
    const gitEnv = { ...process.env, NO_COLOR: '1', LANG: 'en_US.UTF-8', GIT_CONFIG_NOSYSTEM: '1', HOME: repo };
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: gitEnv });
    git('init', '-q');
    git('config', 'user.email', 'ci@example.com');
    git('config', 'user.name', 'CI');
    writeFileSync(join(repo, '.gitattributes'), '*.xlsx diff=kam\n');
    git('config', 'diff.kam.textconv', `"${process.execPath}" "${BIN}" textconv --as-of 2025-11-15`);
    copyFileSync(OLD, join(repo, 'book.xlsx'));
    git('add', '.');
    git('commit', '-qm', 'one');
    copyFileSync(join(FIX, 'changes.xlsx'), join(repo, 'book.xlsx'));
    git('commit', '-qam', 'two');
    const diff = git('diff', 'HEAD~1', 'HEAD');
    expect(diff).toContain('-  task KA001 华东精密制造有限公司 | 日常跟进 | R 张伟 | status in progress | frequency weekly | hours 8\n+  task KA001 华东精密制造有限公司 | 日常跟进 | R 李娜 | status in progress | frequency weekly | hours 8');
    expect(diff).toContain('-account KA002 北方重工集团 | owner 王芳 |');
    expect(diff).not.toContain('Binary files');
    expect(git('log', '-p', '--format=%s')).toContain('+person 陈晨 | 客服专员 | 客服部 | 40 h/week');
    // A re-saved book with shuffled rows is no change to git either.
    copyFileSync(join(FIX, 'noise-xlsxwriter.xlsx'), join(repo, 'book.xlsx'));
    copyFileSync(OLD, join(repo, 'old.xlsx'));
    // (git exits 1 on any difference of bytes; what it prints through the driver is nothing.)
    const noise = spawnSync('git', ['diff', '--no-index', 'old.xlsx', 'book.xlsx'], { cwd: repo, encoding: 'utf8', env: gitEnv });
    expect(noise.stderr).toBe('');
    expect(noise.stdout).toBe('');
    // As the external diff command: kam diff with git's seven arguments.
    copyFileSync(join(FIX, 'changes.xlsx'), join(repo, 'book.xlsx'));
    git('config', 'diff.kam.command', `"${process.execPath}" "${BIN}" diff --as-of 2025-11-15 --no-color`);
    const external = git('show', '--ext-diff', 'HEAD');
    expect(git('diff', 'HEAD~1', 'HEAD')).toContain('kam diff: a/book.xlsx → b/book.xlsx');
    expect(external).toContain('kam diff: a/book.xlsx → b/book.xlsx');
    expect(external).toContain('  → 日常跟进: R 张伟 → 李娜 (handover)');
  });
});
