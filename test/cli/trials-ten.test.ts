// What the tenth session's new users found (real-world layouts; a CI pipeline and write faults),
// each a test that fails without its fix.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, writeBook } from '../helpers/books.js';
import { EXAMPLES, kam } from '../helpers/cli.js';

const asOf = ['--as-of', '2025-11-15'];

interface Json {
  findings: { rule: string; severity: string; cell?: string; message: string }[];
}

const rulesOf = (stdout: string) => (JSON.parse(stdout) as Json).findings.map((f) => [f.rule, f.cell ?? '']);

describe('who holds a row when the person cell does not name a person (found by a new user)', () => {
  const rows = (holder: string) => [
    ['客户名称', '工作内容', '负责人', '角色'],
    ['甲公司', '日常跟进', '张伟', 'R'],
    ['甲公司', '日常跟进', holder, 'A'],
    ['甲公司', '投诉处理', '客服部', 'R'],
    ['甲公司', '投诉处理', '张伟', 'A'],
  ];

  it('a placeholder (`-`, 待定, TBD) is nobody: the row holds no letter, with or without a Staff sheet', async () => {
    const dir = tempDir();
    for (const holder of ['-', '待定', 'TBD']) {
      for (const staff of [true, false]) {
        const book = await writeBook(join(dir, `${staff ? 's' : 'n'}-${holder === '-' ? 'dash' : holder}.xlsx`), [
          { name: '客户', rows: [['客户名称', '年采购额'], ['甲公司', 100]] },
          ...(staff ? [{ name: '人员', rows: [['姓名', '部门'], ['张伟', '销售部'], ['杨磊', '客服部']] }] : []),
          { name: '分工', rows: rows(holder) },
        ]);
        const r = await kam(['check', book, '--format', 'json', ...asOf]);
        const found = rulesOf(r.stdout);
        // (Read as a person, `-` was the A of 日常跟进: no raci/no-accountable without a Staff sheet.)
        expect(found).toContainEqual(['raci/no-accountable', '分工!D2']);
        expect(found.filter(([rule]) => rule === 'ref/unknown-person')).toEqual([]);
        const matrix = await kam(['matrix', book, '--format', 'json', ...asOf]);
        const columns = (JSON.parse(matrix.stdout) as { columns: { label: string }[] }).columns.map((c) => c.label);
        expect(columns).not.toContain(holder);
      }
    }
  });

  it('a department of the Staff sheet named where a person goes is that department, not an unknown person', async () => {
    const book = await writeBook(join(tempDir(), 'dept.xlsx'), [
      { name: '客户', rows: [['客户名称', '年采购额'], ['甲公司', 100]] },
      { name: '人员', rows: [['姓名', '部门'], ['张伟', '销售部'], ['杨磊', '客服部']] },
      { name: '分工', rows: rows('杨磊') },
    ]);
    const r = await kam(['check', book, '--format', 'json', ...asOf]);
    // (It was `"客服部" is not in the staff sheet`, an error.)
    expect(rulesOf(r.stdout).filter(([rule]) => /^(ref|raci)\//.test(rule!))).toEqual([]);
    const matrix = JSON.parse((await kam(['matrix', book, '--format', 'json', ...asOf])).stdout) as { columns: { label: string; kind: string }[] };
    expect(matrix.columns.find((c) => c.label === '客服部')?.kind).toBe('department');
  });
});

describe('a CI pipeline (found by a new user)', () => {
  const book = join(EXAMPLES, 'accounts-en.xlsx');

  it('a failure for the number of warnings alone says so on stderr, in the language asked for', async () => {
    const r = await kam(['check', book, '--as-of', '2026-06-01', '--max-warnings', '3', '--format', 'github']);
    expect(r.code).toBe(1);
    const warnings = (r.stdout.match(/^::warning /gm) ?? []).length;
    expect(warnings).toBeGreaterThan(3);
    expect(r.stderr).toContain(`kam: ${warnings} warnings, more than --max-warnings 3 allows: exit 1\n`);
    const zh = await kam(['check', book, '--as-of', '2026-06-01', '--max-warnings', '3', '-q', '--lang', 'zh']);
    expect(zh.stderr).toContain(`kam: ${warnings} 条警告，超过 --max-warnings 3 的上限：退出码 1\n`);
    // An error's exit needs no such line.
    const errors = await kam(['check', join(EXAMPLES, 'accounts-zh.xlsx'), ...asOf, '--max-warnings', '0', '-q']);
    expect(errors.code).toBe(1);
    expect(errors.stderr).not.toContain('--max-warnings');
  });

  it('JUnit leaves out the rules the config turns off (they did not run)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'kam.config.json'), JSON.stringify({ rules: { 'load/idle': 'off', 'time/cadence': 'off' } }));
    const r = await kam(['check', book, ...asOf, '--format', 'junit', '-c', join(dir, 'kam.config.json')]);
    expect(r.stdout).not.toContain('name="load/idle"');
    expect(r.stdout).not.toContain('name="time/cadence"');
    expect(r.stdout).toContain('<testsuite name="raci/no-accountable"');
    const all = await kam(['check', book, ...asOf, '--format', 'junit']);
    expect(all.stdout).toContain('<testsuite name="time/cadence"');
  });

  it('textconv names accounts in its finding lines as the book writes them; the diff driver says a new file in Chinese', async () => {
    const r = await kam(['textconv', book, '--as-of', '2026-06-01']);
    expect(r.stdout).toContain('| Apex Manufacturing Ltd');
    expect(r.stdout).not.toMatch(/^finding .*\| apex manufacturing ltd/m);
    // One spelling whatever the order of the rows (found by review: the first row's spelling named the activity).
    const dir = tempDir();
    const rows = [['Acme Ltd', 'Daily follow-up', 'Ann', 'R'], ['ACME LTD', 'daily follow-up', 'Bob', 'C']];
    const books = await Promise.all([rows, [...rows].reverse()].map((r, i) => writeBook(join(dir, `o${i}.xlsx`), [{ name: 'Assignments', rows: [['Account', 'Task', 'Person', 'RACI'], ...r] }])));
    const [a, b] = await Promise.all(books.map(async (book) => (await kam(['textconv', book, ...asOf])).stdout));
    expect(a).toBe(b);
    expect(a).toContain('finding error raci/no-accountable | ACME LTD | Daily follow-up\n');
    const added = await kam(['diff', 'new book.xlsx', '/dev/null', '0000000', '100644', '/dev/null', '0000000', '100644', '--lang', 'zh']);
    expect(added.stdout).toBe('kam diff: new book.xlsx: 新文件\n');
  });
});

describe('a hand-made RACI matrix and kam matrix -o read back (found by a new user)', () => {
  /** 客户名称 | 客户等级 | 工作内容 | people under a department row (销售部 over three, 技术部 and 客服部 over one each). */
  async function handMade(path: string, staff: boolean): Promise<string> {
    return writeBook(path, [
      {
        name: '分工表',
        rows: [
          ['大客户服务RACI矩阵（2025版）'],
          [null, null, null, '销售部', null, null, '技术部', '客服部'],
          ['客户名称', '客户等级', '工作内容', '张伟', '王芳', '赵敏', '周杰', '杨磊'],
          ['华东精密', '战略客户', '日常跟进', 'R', null, 'A', null, null],
          ['华东精密', '战略客户', '技术支持', null, null, 'A', 'R', 'I'],
          ['北方重工', '重要客户', '日常跟进', null, 'R', 'A', null, null],
          ['北方重工', '重要客户', '投诉处理', null, null, null, null, 'R'],
        ],
        merges: ['A1:H1', 'D2:F2'],
      },
      ...(staff ? [{ name: '人员', rows: [['姓名', '岗位', '部门'], ['张伟', '客户经理', '大客户部'], ['王芳', '客户经理', '销售部'], ['赵敏', '销售经理', '销售部'], ['周杰', '技术支持', '技术部'], ['杨磊', '客服专员', '客服部']] }] : []),
    ]);
  }

  it('the department row over the people gives their departments; the Staff sheet, where it has one, wins', async () => {
    const dir = tempDir();
    const bare = await handMade(join(dir, 'bare.xlsx'), false);
    const load = JSON.parse((await kam(['load', bare, '--format', 'json', ...asOf])).stdout) as { people: { name: string; department: string | null }[] };
    expect(Object.fromEntries(load.people.map((p) => [p.name, p.department]))).toEqual({ 张伟: '销售部', 王芳: '销售部', 赵敏: '销售部', 周杰: '技术部', 杨磊: '客服部' });
    const filtered = await kam(['matrix', bare, '--department', '客服部', '--format', 'json', ...asOf]);
    // (Exit 1: 北方重工 · 投诉处理 has no A; 2 was "no department 客服部 in the book".)
    expect(filtered.code).toBe(1);
    const staffed = await handMade(join(dir, 'staff.xlsx'), true);
    const withStaff = JSON.parse((await kam(['load', staffed, '--format', 'json', ...asOf])).stdout) as { people: { name: string; department: string | null }[] };
    expect(withStaff.people.find((p) => p.name === '张伟')?.department).toBe('大客户部');
    // The group over a person's column is not looked up as a department the row names.
    const check = await kam(['check', staffed, '--format', 'json', ...asOf]);
    expect(rulesOf(check.stdout).filter(([rule]) => rule === 'ref/unknown-department')).toEqual([]);
  });

  it('kam matrix -o of a book without ids reads back as the same matrix, departments included', async () => {
    const dir = tempDir();
    const book = await handMade(join(dir, 'm.xlsx'), false);
    const out = join(dir, 'raci.xlsx');
    expect((await kam(['matrix', book, '-o', out, ...asOf, '-q'])).code).toBe(1);
    const again = await kam(['check', out, '--format', 'json', ...asOf]);
    // (Its empty Account ID column made every row `schema/empty-required`.)
    const rules = (stdout: string) => rulesOf(stdout).map(([rule]) => rule);
    expect(rules(again.stdout)).toEqual(rules((await kam(['check', book, '--format', 'json', ...asOf])).stdout));
    expect(rulesOf(again.stdout)).toContainEqual(['raci/no-accountable', 'By account!I6']);
    type M = { columns: { label: string; department?: string }[]; rows: unknown[] };
    const first = JSON.parse((await kam(['matrix', book, '--format', 'json', ...asOf])).stdout) as M;
    const second = JSON.parse((await kam(['matrix', out, '--format', 'json', ...asOf])).stdout) as M;
    expect(second.columns).toEqual(first.columns);
    expect(second.rows.length).toBe(first.rows.length);
    expect((await kam(['matrix', out, '--department', '销售部', ...asOf, '-q'])).code).toBe(0);
  });

  it('a title, a role row, a note or one group over everyone is no department (found by review)', async () => {
    const dir = tempDir();
    for (const [name, above, merges] of [
      ['title', ['分工表', null, null, null, null], []],
      ['title-c1', [null, null, '2025年大客户分工表', null, null], []],
      ['legend', [null, null, 'R=负责 A=批准', null, null], []],
      ['people', [null, null, '人员', '人员', '人员'], []],
      ['team', [null, null, 'Account team', null, null], ['C1:E1']],
      ['one-dept', [null, null, '销售部', null, null], ['C1:E1']],
      ['roles', [null, null, '客户经理', '技术支持', '客服专员'], []],
      ['note', [null, null, null, null, '更新：11月'], []],
    ] as const) {
      const book = await writeBook(join(dir, `${name}.xlsx`), [{ name: '分工', rows: [[...above], ['客户名称', '工作内容', '张伟', '王芳', '李娜'], ['甲', '日常跟进', 'R', 'A', null], ['乙', '日常跟进', null, 'A', 'R']], merges: [...merges] }]);
      const load = JSON.parse((await kam(['load', book, '--format', 'json', ...asOf])).stdout) as { people: { name: string; department: string | null }[] };
      expect(load.people.map((p) => [p.name, p.department]), name).toEqual([['张伟', null], ['王芳', null], ['李娜', null]].sort());
    }
  });
});

describe('hours written as Excel durations (found by a new user)', () => {
  it('a [h]:mm cell of 26:00 is 26 hours, and kam convert writes durations that read back as the same hours', async () => {
    const dir = tempDir();
    const book = await writeBook(join(dir, 'hours.xlsx'), [
      { name: '客户信息', rows: [['客户名称', '年采购额'], ['甲公司', 100]] },
      { name: '人员', rows: [['姓名'], ['张伟']] },
      { name: '分工明细', rows: [['客户名称', '工作内容', '负责人', '角色', '频率', '预计工时'], ['甲公司', '日常跟进', '张伟', 'R', '每周', 1.5 / 24], ['甲公司', '技术支持', '张伟', 'R', '每周', 26 / 24], ['甲公司', '投诉处理', '张伟', 'R', '每周', 0.75 / 24]], formats: { F: '[h]:mm' } },
    ]);
    const hours = async (path: string) => (JSON.parse((await kam(['load', path, '--format', 'json', ...asOf])).stdout) as { people: { name: string; hours: number }[] }).people[0]!.hours;
    // (26:00 was "1.08333333333333 … expected a date", and counted the default 1 h.)
    expect(await hours(book)).toBeCloseTo(1.5 + 26 + 0.75, 9);
    const csv = join(dir, 'csv');
    expect((await kam(['convert', book, csv, '--all', '-q'])).code).toBe(0);
    expect((await kam(['check', csv, '--format', 'json', ...asOf])).stdout).not.toContain('schema/invalid-value');
    expect(await hours(csv)).toBeCloseTo(1.5 + 26 + 0.75, 9);
    const diff = await kam(['diff', book, csv, ...asOf]);
    expect(diff.stdout).toContain('no changes');
  });
});

describe('a person named with a gloss (found by a new user)', () => {
  it('张伟（客户经理） over a matrix column, or in a person cell, is the staff\'s 张伟; 王芳(大) beside 王芳(小) stays herself', async () => {
    const book = await writeBook(join(tempDir(), 'gloss.xlsx'), [
      { name: '客户', rows: [['客户名称', '年采购额'], ['甲公司', 100], ['乙公司', 50]] },
      { name: '人员', rows: [['姓名', '岗位', '部门'], ['张伟', '客户经理', '销售部'], ['赵敏', '销售经理', '销售部'], ['王芳(大)', '客服', '客服部'], ['王芳(小)', '客服', '客服部']] },
      { name: '分工', rows: [['客户名称', '工作内容', '张伟（客户经理）', '赵敏(销售经理)', '王芳(大)', '王芳(小)'], ['甲公司', '日常跟进', 'R', 'A', null, 'C'], ['乙公司', '日常跟进', 'A', null, 'R', null]] },
    ]);
    const check = await kam(['check', book, '--format', 'json', ...asOf]);
    expect(rulesOf(check.stdout).filter(([rule]) => /^(ref|raci)\//.test(rule!))).toEqual([]);
    const load = JSON.parse((await kam(['load', book, '--format', 'json', ...asOf])).stdout) as { people: { name: string; hours: number; status: string }[] };
    expect(load.people.map((p) => p.name).sort()).toEqual(['张伟', '王芳(大)', '王芳(小)', '赵敏']);
    expect(load.people.every((p) => p.status !== 'unknown')).toBe(true);
    expect(load.people.find((p) => p.name === '张伟')!.hours).toBeGreaterThan(0);
    const matrix = JSON.parse((await kam(['matrix', book, '--format', 'json', ...asOf])).stdout) as { columns: { label: string }[] };
    expect(matrix.columns.map((c) => c.label)).toEqual(['张伟', '赵敏', '王芳(大)', '王芳(小)']);
  });
});

describe('due and frequency cells as people write them (found by a new user)', () => {
  it('长期 / 持续 / 按需 / ongoing in 时间节点 is no deadline, not an unreadable date; 2周1次 is every two weeks', async () => {
    const book = await writeBook(join(tempDir(), 'due.xlsx'), [
      { name: '客户', rows: [['客户名称', '年采购额'], ['甲公司', 100]] },
      { name: '分工', rows: [['客户名称', '工作内容', '负责人', '角色', '频率', '时间节点'], ['甲公司', '日常跟进', '张伟', 'A/R', '2周1次', '长期'], ['甲公司', '投诉处理', '张伟', 'A/R', '每月', '持续'], ['甲公司', '技术支持', '张伟', 'A/R', '每月', '按需'], ['甲公司', '业务回顾', '张伟', 'A/R', '每季度', 'ongoing'], ['甲公司', '合同续签', '张伟', 'A/R', '一次', '2025年12月']] },
    ]);
    const r = await kam(['check', book, '--format', 'json', ...asOf]);
    expect(rulesOf(r.stdout).filter(([rule]) => rule === 'schema/invalid-value')).toEqual([['schema/invalid-value', '分工!F6']]);
    const load = JSON.parse((await kam(['load', book, '--format', 'json', ...asOf])).stdout) as { people: { hours: number }[] };
    // 2周1次 at the default hour (1 h): half an hour a week, and no unreadable frequency.
    expect(load.people[0]!.hours).toBeGreaterThan(0.5);
  });
});

describe('messages that name what they are about (found by a new user)', () => {
  it('kam convert between two files of one kind names both', async () => {
    const out = join(tempDir(), 'copy.xlsx');
    const r = await kam(['convert', join(EXAMPLES, 'accounts-zh.xlsx'), out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`kam: nothing to convert: ${join(EXAMPLES, 'accounts-zh.xlsx')} and ${out} are of one kind (convert between CSV and XLSX)\n`);
  });
});

describe('what a review of the fixes above found', () => {
  it('a task that says 合计 (核对合计金额) is a task; a staff member named Na keeps her rows; 张伟（已离职） is no staff 张伟', async () => {
    const book = await writeBook(join(tempDir(), 'review.xlsx'), [
      { name: '客户', rows: [['客户名称', '年采购额'], ['甲公司', 100]] },
      { name: '人员', rows: [['姓名', '部门'], ['张伟', '销售部'], ['Na', '销售部']] },
      { name: '分工', rows: [['客户名称', '工作内容', '负责人', '角色'], ['甲公司', '核对合计金额', 'Na', 'R'], ['甲公司', '核对合计金额', '张伟', 'A'], ['甲公司', '月度订单合计数', '张伟（已离职）', 'A/R']] },
    ]);
    const matrix = JSON.parse((await kam(['matrix', book, '--format', 'json', ...asOf])).stdout) as { rows: { task: string }[] };
    expect(matrix.rows.map((r) => r.task)).toEqual(['核对合计金额', '月度订单合计数']);
    const load = JSON.parse((await kam(['load', book, '--format', 'json', ...asOf])).stdout) as { people: { name: string; hours: number; status: string }[] };
    expect(load.people.find((p) => p.name === 'Na')!.hours).toBeGreaterThan(0);
    const check = await kam(['check', book, '--format', 'json', ...asOf]);
    expect(rulesOf(check.stdout)).toContainEqual(['ref/unknown-person', '分工!C4']);
  });

  it('an empty Account ID is the id the sheet gives that name elsewhere, not another account of the same name', async () => {
    const book = await writeBook(join(tempDir(), 'ids.xlsx'), [{ name: 'Assignments', rows: [['Account ID', 'Account', 'Task', 'Person', 'RACI'], ['KA1', 'Acme Ltd', 'Follow-up', 'Ann', 'R'], [null, 'Acme Ltd', 'Follow-up', 'Bob', 'A']] }]);
    const check = await kam(['check', book, '--format', 'json', ...asOf]);
    const rules = rulesOf(check.stdout).map(([rule]) => rule);
    expect(rules).not.toContain('ref/ambiguous-account');
    expect(rules).not.toContain('raci/no-accountable');
    expect(rules).not.toContain('raci/no-responsible');
  });
});

describe('kam diff of a handover (found by a new user)', () => {
  it('one row held A/R handed to another person is one handover of A/R, not two', async () => {
    const dir = tempDir();
    const book = (name: string, holder: string) =>
      writeBook(join(dir, name), [
        { name: 'Accounts', rows: [['Account', 'Annual Revenue'], ['Globex', 100]] },
        { name: 'Staff', rows: [['Name'], ['Bob'], ['Carol']] },
        { name: 'Assignments', rows: [['Account', 'Task', 'Person', 'RACI'], ['Globex', 'Follow-up', holder, 'A/R']] },
      ]);
    const [v1, v2] = await Promise.all([book('v1.xlsx', 'Bob'), book('v2.xlsx', 'Carol')]);
    const r = await kam(['diff', v1, v2, '--format', 'json', ...asOf]);
    const changes = (JSON.parse(r.stdout) as { changes: { kind: string; letter?: string; from?: string; to?: string }[] }).changes.filter((c) => c.kind === 'handover');
    expect(changes).toEqual([expect.objectContaining({ kind: 'handover', letter: 'A/R', from: 'Bob', to: 'Carol' })]);
  });
});

describe('a division of labour without an hours column (found by a new user)', () => {
  it('is said once on stderr by check, load and report: each task counts load.effort\'s hours', async () => {
    const dir = tempDir();
    const book = await writeBook(join(dir, 'nohours.xlsx'), [
      { name: 'Accounts', rows: [['Account', 'Annual Revenue'], ['Acme', 100]] },
      { name: 'Staff', rows: [['Name'], ['Ann']] },
      { name: 'Assignments', rows: [['Account', 'Task', 'Person', 'RACI', 'Time needed'], ['Acme', 'Follow-up', 'Ann', 'A/R', 3]] },
    ]);
    for (const args of [['check'], ['load'], ['report', '-o', join(dir, 'r.html')]]) {
      const r = await kam([...args, book, ...asOf, '--lang', 'en']);
      expect(r.stderr.split('\n').filter((l) => l.includes('Assignments has no hours column: each task counts the hours of load.effort'))).toHaveLength(1);
    }
  });
});
