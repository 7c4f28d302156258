import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAssignments } from '../../src/io/sheets/assignments.js';
import { parseFrequency, parseRaci, parseStatus } from '../../src/parse/codes.js';
import { openBook } from '../../src/io/open.js';
import { locateSheets } from '../../src/io/sheets/locate.js';
import { readStaff } from '../../src/io/sheets/staff.js';
import { tempDir, writeBook } from '../helpers/books.js';
import { EXAMPLES } from '../helpers/cli.js';
import { PER_WEEK, raciLetters } from '../../src/model/codes.js';

const s = (v: string) => ({ t: 's' as const, v });

describe('RACI', () => {
  it.each([
    ['R', ['R']],
    ['a', ['A']],
    ['负责', ['R']],
    ['执行', ['R']],
    ['批准', ['A']],
    ['审批', ['A']],
    ['咨询', ['C']],
    ['知会', ['I']],
    ['通知', ['I']],
    // (Found by a new user: 知情, the common word for I, was refused.)
    ['知情', ['I']],
    // A letter glossed in English words after a dash or a colon (found by a new user: refused).
    ['R - does the work', ['R']],
    ['A: signs off', ['A']],
    ['R/A - owns it', ['R', 'A']],
    ['知情人', ['I']],
    ['协助人', ['C']],
    ['Accountable', ['A']],
    ['R/A', ['R', 'A']],
    ['RA', ['R', 'A']],
    ['负责、审批', ['R', 'A']],
    ['Ｃ', ['C']],
  ])('%s → %j', (text, letters) => {
    const p = parseRaci(s(text));
    expect(p?.ok && raciLetters(p.value)).toEqual(letters);
  });
  it('refuses other text and reports empty as empty', () => {
    expect(parseRaci(s('boss'))).toEqual({ ok: false, reason: 'raci' });
    expect(parseRaci(s('  '))).toBeUndefined();
  });
});

describe('frequency', () => {
  const pw = (text: string) => {
    const p = parseFrequency(s(text));
    return p?.ok ? (p.value.kind === 'once' ? 'once' : p.value.perWeek) : 'bad';
  };
  it('has the occurrences per week of SPEC §6', () => {
    expect(PER_WEEK).toEqual({ daily: 5, weekly: 1, biweekly: 0.5, monthly: 12 / 52, quarterly: 4 / 52, 'half-yearly': 2 / 52, yearly: 1 / 52 });
  });
  it.each([
    ['每天', 5],
    ['每日', 5],
    ['每周', 1],
    ['每两周', 0.5],
    ['双周', 0.5],
    ['每月', 12 / 52],
    ['每季度', 4 / 52],
    ['每半年', 2 / 52],
    ['每年', 1 / 52],
    ['daily', 5],
    ['Weekly', 1],
    ['bi-weekly', 0.5],
    ['monthly', 12 / 52],
    ['Quarterly', 4 / 52],
    ['half-yearly', 2 / 52],
    ['annually', 1 / 52],
    ['每周2次', 2],
    ['2次/月', 24 / 52],
    ['3 times a week', 3],
    ['twice a month', 24 / 52],
  ])('%s → %d per week', (text, n) => expect(pw(text)).toBeCloseTo(n, 12));
  it('knows one-off tasks and refuses nonsense', () => {
    expect(pw('一次')).toBe('once');
    expect(pw('once')).toBe('once');
    expect(pw('One-off')).toBe('once');
    expect(pw('sometimes')).toBe('bad');
  });
});

describe('status', () => {
  it.each([
    ['未开始', 'todo'],
    ['进行中', 'doing'],
    ['已完成', 'done'],
    ['暂停', 'paused'],
    ['todo', 'todo'],
    ['In Progress', 'doing'],
    ['DONE', 'done'],
    ['on hold', 'paused'],
    ['暂缓', 'paused'],
    ['延期中', 'doing'],
  ])('%s → %s', (text, status) => expect(parseStatus(s(text))).toEqual({ ok: true, value: status }));
  it('refuses unknown words', () => expect(parseStatus(s('maybe'))).toEqual({ ok: false, reason: 'status' }));
});

describe('staff and assignments of the Chinese example', () => {
  it('reads people with capacity, limits and 在职', async () => {
    const path = join(EXAMPLES, 'accounts-zh.xlsx');
    const book = await openBook(path);
    const sheets = await locateSheets(book, ['staff', 'assignments'], {});
    const staff = await readStaff(sheets.staff!, { file: path, date1904: false });
    expect(staff.findings).toEqual([]);
    expect(staff.people).toHaveLength(13);
    expect(staff.people[0]).toEqual({ row: 2, name: '张伟', key: '张伟', id: 'E1001', role: '客户经理', department: '销售部', capacity: 40, maxAccounts: 8, manager: '赵敏', active: true });
    expect(staff.people.find((p) => p.name === '郑浩')!.active).toBe(false);
    expect(staff.people.find((p) => p.name === '吴婷')!.capacity).toBe(20);
  });

  it('reads assignments with the account from merged cells, RACI words, dates and frequencies', async () => {
    const path = join(EXAMPLES, 'accounts-zh.xlsx');
    const book = await openBook(path);
    const sheets = await locateSheets(book, ['staff', 'assignments'], {});
    const t = await readAssignments(sheets.assignments!, { file: path, date1904: false });
    expect(t.findings).toEqual([]);
    expect(t.layout.headerRow).toBe(2);
    const first = t.assignments.filter((a) => a.account === '华东精密制造有限公司');
    expect(first.map((a) => [a.row, a.task, a.person, raciLetters(a.raci).join('')])).toEqual([
      [3, '日常跟进', '张伟', 'R'],
      [4, '日常跟进', '赵敏', 'A'],
      [5, '投诉处理', '杨磊', 'R'],
      [6, '投诉处理', '黄强', 'A'],
      [7, '技术支持', '周杰', 'R'],
      [8, '技术支持', '张伟', 'A'],
      [9, '季度业务回顾', '张伟', 'R'],
      [10, '季度业务回顾', '赵敏', 'A'],
      [11, '季度业务回顾', '孙丽', 'C'],
    ]);
    expect(first[0]!.frequency).toEqual({ kind: 'recurring', perWeek: 1, word: 'weekly' });
    expect(first.map((a) => a.locked)).toEqual([false, false, false, false, false, false, true, false, false]);
    const renewal = t.assignments.find((a) => a.task === '续约')!;
    expect(renewal).toMatchObject({ due: '2025-10-31', frequency: { kind: 'once' }, hours: 6, status: 'doing' });
    const negotiation = t.assignments.filter((a) => a.task === '合同谈判').map((a) => a.due);
    expect(negotiation).toEqual(['2025-12-20', '2025-12-20']);
    const report = t.assignments.filter((a) => a.task === '客户分析报告');
    expect(report.map((a) => [a.person, a.department])).toEqual([
      [undefined, '市场部'],
      [undefined, '销售部'],
      ['孙丽', '市场部'],
    ]);
  });

  it('reports unreadable coded values and missing account or task at their cells', async () => {
    const path = await writeBook(join(tempDir(), 'a.xlsx'), [
      {
        name: 'Assignments',
        rows: [
          ['Account', 'Task', 'Person', 'RACI', 'Frequency', 'Status', 'Due', 'Hours'],
          ['Apex', 'Follow-up', 'Alice', 'boss', 'sometimes', 'maybe', '2025-02-30', 'two'],
          [null, 'Follow-up', 'Bob', 'R'],
          ['Apex', null, 'Carol', 'A'],
          ['Apex', 'Review', 'Dan', null, 'monthly', 'done', 45976, '1.5h'],
        ],
      },
    ]);
    const book = await openBook(path);
    const t = await readAssignments(book.sheets[0]!, { file: path, date1904: false });
    expect(t.findings.map((f) => [f.rule, `${f.column}${f.row}`, f.args.expected ?? ''])).toEqual([
      ['schema/invalid-value', 'D2', 'raci'],
      ['schema/invalid-value', 'G2', 'date'],
      ['schema/invalid-value', 'E2', 'frequency'],
      ['schema/invalid-value', 'H2', 'hours'],
      ['schema/invalid-value', 'F2', 'status'],
      ['schema/empty-required', 'A3', ''],
      ['schema/empty-required', 'B4', ''],
    ]);
    expect(t.assignments.map((a) => [a.row, a.raci, a.due, a.hours, a.status])).toEqual([
      [2, 0, undefined, undefined, undefined],
      [5, 1, '2025-11-15', 1.5, 'done'],
    ]);
  });
});

describe('messier codes', () => {
  it('reads RACI letters with a gloss', () => {
    for (const [text, letters] of [['R（负责）', 'R'], ['A-审批', 'A'], ['R: 执行', 'R'], ['C [consulted]', 'C'], ['负责/审批', 'RA']] as const) {
      const p = parseRaci(s(text));
      expect(p?.ok && raciLetters(p.value).join(''), text).toBe(letters);
    }
  });
  it('reads Chinese counts of occurrences', () => {
    const pw = (text: string) => {
      const p = parseFrequency(s(text));
      return p?.ok && p.value.kind === 'recurring' ? p.value.perWeek : 'bad';
    };
    expect(pw('每周一次')).toBeCloseTo(1, 12);
    expect(pw('每周两次')).toBeCloseTo(2, 12);
    expect(pw('每两周一次')).toBeCloseTo(0.5, 12);
    expect(pw('每月2次')).toBeCloseTo(24 / 52, 12);
    expect(pw('每3个月1次')).toBeCloseTo(4 / 52, 12);
    expect(pw('一周三次')).toBeCloseTo(3, 12);
    expect(pw('每季度一次')).toBeCloseTo(4 / 52, 12);
    expect(pw('每年两次')).toBeCloseTo(2 / 52, 12);
    expect(pw('每个工作日')).toBeCloseTo(5, 12);
    expect(pw('每十天')).toBeCloseTo(0.5, 12); // days are working days, as daily = 5 a week
    expect(pw('不定期')).toBe('bad');
    // Without 每 (found by a new user), and English counts of weeks.
    expect(pw('2周1次')).toBeCloseTo(0.5, 12);
    expect(pw('两周一次')).toBeCloseTo(0.5, 12);
    expect(pw('3个月1次')).toBeCloseTo(4 / 52, 12);
    expect(pw('周2次')).toBeCloseTo(2, 12);
    expect(pw('every 3 weeks')).toBeCloseTo(1 / 3, 12);
    expect(pw('every other month')).toBeCloseTo(6 / 52, 12);
    expect(pw('2周')).toBe('bad');
  });
});

describe('names of object properties (issue 8)', () => {
  const HOSTILE = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
  it('are not codes: RACI, frequency and status refuse them', () => {
    for (const text of HOSTILE) {
      expect(parseRaci(s(text)), text).toEqual({ ok: false, reason: 'raci' });
      expect(parseRaci(s(`R/${text}`)), text).toEqual({ ok: false, reason: 'raci' });
      expect(parseFrequency(s(text)), text).toEqual({ ok: false, reason: 'frequency' });
      expect(parseStatus(s(text)), text).toEqual({ ok: false, reason: 'status' });
    }
  });

  it('are schema/invalid-value at their cells when read', async () => {
    const path = await writeBook(join(tempDir(), 'a.xlsx'), [
      {
        name: 'Assignments',
        rows: [
          ['Account', 'Task', 'Person', 'RACI', 'Frequency', 'Status'],
          ['Apex', 'Follow-up', 'Alice', '__proto__', 'constructor', 'toString'],
          ['Apex', 'Follow-up', 'Bob', 'toString', '__proto__', 'constructor'],
          ['Apex', 'Review', 'Carol', 'A', 'weekly', '__proto__'],
        ],
      },
    ]);
    const book = await openBook(path);
    const t = await readAssignments(book.sheets[0]!, { file: path, date1904: false });
    expect(t.findings.map((f) => [f.rule, `${f.sheet}!${f.column}${f.row}`, f.args.expected ?? ''])).toEqual([
      ['schema/invalid-value', 'Assignments!D2', 'raci'],
      ['schema/invalid-value', 'Assignments!E2', 'frequency'],
      ['schema/invalid-value', 'Assignments!F2', 'status'],
      ['schema/invalid-value', 'Assignments!D3', 'raci'],
      ['schema/invalid-value', 'Assignments!E3', 'frequency'],
      ['schema/invalid-value', 'Assignments!F3', 'status'],
      ['schema/invalid-value', 'Assignments!F4', 'status'],
    ]);
    expect(t.assignments.map((a) => [a.row, a.raci, a.frequency, a.status])).toEqual([
      [2, 0, undefined, undefined],
      [3, 0, undefined, undefined],
      [4, 2, { kind: 'recurring', perWeek: 1, word: 'weekly' }, undefined],
    ]);
  });
});
