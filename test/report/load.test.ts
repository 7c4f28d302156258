// The load renderers (report/load/*) on a result built in code: JSON in the shape of SPEC §8b,
// terminal text (plain, coloured, Chinese), markdown and CSV.
import { describe, expect, it } from 'vitest';
import { reportContext } from '../../src/report/context.js';
import { render, renderText } from '../../src/report/index.js';
import { computeLoad } from '../../src/workload/load.js';
import { loadReport } from '../../src/workload/report.js';
import { accountsTable, assignmentsTable, bookOf, staffTable } from '../helpers/rows.js';
import { lines, loadSample, mdCells, parseJson, plain } from './samples.js';

const en = reportContext('en', false);
const zh = reportContext('zh', false);
const report = loadSample();
const CAROL_DEPT = 'East | "HQ", Sales';

/** Ann at half her capacity, with --suggest: nothing to move. */
function calm() {
  const accounts = accountsTable([{ id: 'A1', name: 'Apex', numbers: { annual_revenue: 1 } }]);
  const staff = staffTable([{ name: 'Ann', role: 'AM', capacity: 10 }]);
  const assignments = assignmentsTable([{ account: 'Apex', task: 'Follow-up', person: 'Ann', raci: 'R', frequency: 'weekly', hours: 5 }]);
  const book = bookOf({ accounts, staff, assignments });
  return loadReport(book, computeLoad(book), 'book.xlsx', { suggest: true });
}

describe('load json', () => {
  it('has the §8b fields, people busiest first and those listed apart last, unrounded numbers', () => {
    const value = parseJson(render('load', report, 'json', en)) as { people: Record<string, unknown>[]; suggestions: Record<string, unknown>[] };
    // (`unresolved`: who stays over after the moves, and why — with --suggest.)
    expect(Object.keys(value)).toEqual(['asOf', 'people', 'suggestions', 'unresolved']);
    for (const p of value.people) expect(Object.keys(p)).toEqual(['name', 'role', 'department', 'hours', 'capacity', 'utilization', 'status', 'accounts', 'accountable']);
    for (const s of value.suggestions) expect(Object.keys(s)).toEqual(['account', 'task', 'from', 'to', 'hours']);
    const person = (name: string, role: string | null, department: string | null, hours: number, capacity: number, utilization: number | null, status: string, accounts: number, accountable: number) => ({
      name,
      role,
      department,
      hours: expect.closeTo(hours, 12),
      capacity,
      utilization: utilization === null ? null : expect.closeTo(utilization, 12),
      status,
      accounts,
      accountable,
    });
    expect(value).toEqual({
      asOf: '2025-11-15',
      people: [
        person('Alice', 'Account Manager', 'Sales', 12, 10, 1.2, 'over', 2, 0),
        person('Bob', 'Account Manager', 'Sales', 0.2 * 8 + 7, 10, 0.86, 'high', 2, 1),
        person('=Carol', 'Account Manager', CAROL_DEPT, 0, 20, 0, 'idle', 0, 0),
        person('Erin', null, null, 0, 0, 0, 'idle', 0, 0),
        person('Dave', 'Support', 'Service', (2 * 12) / 52, 40, (2 * 12) / 52 / 40, 'inactive', 1, 0),
        person('Zed', null, null, 1, 40, 1 / 40, 'unknown', 1, 0),
      ],
      suggestions: [{ account: 'Bolt', task: 'Follow-up', from: 'Alice', to: '=Carol', hours: 4 }],
      unresolved: [],
    });
    // Exactly the computed numbers.
    value.people.forEach((p, i) => {
      expect(p.hours).toBe(report.people[i]!.hours);
      expect(p.utilization).toBe(report.people[i]!.utilization);
    });
    expect(value.people[4]!.hours).toBe(0.46153846153846156);
  });

  it('has no suggestions without --suggest, and is the same in every language', () => {
    const value = parseJson(render('load', loadSample({}), 'json', en)) as { suggestions: unknown[] };
    expect(value.suggestions).toEqual([]);
    expect(renderText('load', report, 'json', zh)).toBe(renderText('load', report, 'json', en));
  });

  it('writes utilization null for someone with work and no capacity', () => {
    const accounts = accountsTable([{ id: 'A1', name: 'Apex', numbers: { annual_revenue: 1 } }]);
    const staff = staffTable([{ name: 'Nil', role: 'AM', capacity: 0 }]);
    const assignments = assignmentsTable([{ account: 'Apex', task: 'Follow-up', person: 'Nil', raci: 'R', frequency: 'weekly', hours: 2 }]);
    const book = bookOf({ accounts, staff, assignments });
    const value = parseJson(render('load', loadReport(book, computeLoad(book), 'book.xlsx', {}), 'json', en)) as { people: Record<string, unknown>[] };
    expect(value.people).toEqual([{ name: 'Nil', role: 'AM', department: null, hours: 2, capacity: 0, utilization: null, status: 'over', accounts: 1, accountable: 0 }]);
    const empty = loadReport(bookOf({ accounts, staff: staffTable([]) }), computeLoad(bookOf({ accounts, staff: staffTable([]) })), 'book.xlsx', {});
    expect(parseJson(render('load', empty, 'json', en))).toEqual({ asOf: '2025-11-15', people: [], suggestions: [] });
  });
});

describe('load text', () => {
  it('shows the header, a line per person with a bar, those listed apart, fairness, totals and moves', () => {
    expect(renderText('load', report, 'text', en)).toMatchInlineSnapshot(`
      "Workload · book.xlsx · as of 2025-11-15
      over >100% · high >85% · idle <40% · target ≤85%

      Name    Role             Department          Hours/wk  Capacity  Utilisation                          Accounts  A
      ──────  ───────────────  ──────────────────  ────────  ────────  ───────────────────────────────────  ────────  ─
      Alice   Account Manager  Sales                  12.00        10  ████████████████████████  120% over         2  0
      Bob     Account Manager  Sales                   8.60        10  █████████████████▎         86% high         2  1
      =Carol  Account Manager  East | "HQ", Sales      0.00        20                              0% idle         0  0
      Erin                                             0.00         0                              0% idle         0  0

      Listed apart: inactive people and people missing from the staff sheet (their work needs handing over)
        inactive  Dave  0.46 h/week
        not in staff  Zed  1.00 h/week

      Fairness per role
      ┌─────────────────┬────────┬──────┬─────────┬─────────┐
      │ Role            │ People │ Mean │ Std dev │ Max/min │
      ├─────────────────┼────────┼──────┼─────────┼─────────┤
      │ Account Manager │      3 │  69% │     50% │       ∞ │
      └─────────────────┴────────┴──────┴─────────┴─────────┘

      Team: 4 people, 20.60 h a week of 40 h (52%)

      Suggested moves
        1. Bolt · Follow-up (Important, 4.00 h/week, row 3)
           Alice 120% → 80%   =Carol 0% → 20%
      "
    `);
  });

  it('is coloured on request, and is the plain text without the colours', () => {
    const coloured = renderText('load', report, 'text', reportContext('en', true));
    expect(coloured).toContain('\u001b[');
    expect(plain(coloured)).toBe(renderText('load', report, 'text', en));
  });

  it('speaks Chinese', () => {
    const out = lines(renderText('load', report, 'text', zh));
    expect(out[0]).toBe('工作负荷 · book.xlsx · 截至 2025-11-15');
    expect(out[1]).toBe('超载 >100% · 偏高 >85% · 空闲 <40% · 调整目标 ≤85%');
    expect(out[3]!.split(/\s+/)).toEqual(['姓名', '岗位', '部门', '每周工时', '可用工时', '负荷', '客户数', '审批']);
    expect(out[5]).toMatch(/^Alice +Account Manager +Sales +12\.00 +10 +█+ +120% 超载 +2 +0$/);
    expect(out[6]).toMatch(/ 8\.60 +10 +█+. +86% 偏高 /);
    expect(out[7]).toMatch(/ 0% 空闲 /);
    const text = out.join('\n');
    for (const s of ['另列：不在职或不在人员表的人', '  不在职  Dave  0.46 小时/周', '  不在人员表  Zed  1.00 小时/周', '按岗位的公平性', '团队合计：4 人，每周 20.60 小时 / 可用 40 小时（52%）', '调整建议', '  1. Bolt · Follow-up（重要客户，4.00 小时/周，第 3 行）']) {
      expect(text).toContain(s);
    }
  });

  it('says when nothing needs moving, and shows no moves without --suggest', () => {
    expect(lines(renderText('load', calm(), 'text', en)).slice(-2)).toEqual(['Suggested moves', '  ✔ nobody is over capacity: nothing to move']);
    expect(renderText('load', loadSample({}), 'text', en)).not.toContain('Suggested moves');
  });
});

describe('load markdown', () => {
  it('is the people table with a header row and a separator, | escaped, then the moves', () => {
    const out = lines(renderText('load', report, 'markdown', en));
    expect(out.slice(0, 4)).toEqual([
      '## Workload: book.xlsx',
      '',
      '| Name | Role | Department | Hours/wk | Capacity | Utilisation | Status | Accounts | A |',
      '| --- | --- | --- | ---: | ---: | ---: | --- | ---: | ---: |',
    ]);
    expect(out.slice(4, 10).map(mdCells)).toEqual([
      ['Alice', 'Account Manager', 'Sales', '12', '10', '120%', 'over', '2', '0'],
      ['Bob', 'Account Manager', 'Sales', '8.6', '10', '86%', 'high', '2', '1'],
      ['=Carol', 'Account Manager', 'East \\| "HQ", Sales', '0', '20', '0%', 'idle', '0', '0'],
      ['Erin', '', '', '0', '0', '0%', 'idle', '0', '0'],
      ['Dave', 'Support', 'Service', '0.46', '40', '1%', 'inactive', '1', '0'],
      ['Zed', '', '', '1', '40', '3%', 'not in staff', '1', '0'],
    ]);
    expect(out.slice(10)).toEqual(['', '### Suggested moves', '', '| # | Account · task | Hours/wk | From | To |', '| --- | --- | --- | --- | --- |', '| 1 | Bolt · Follow-up | 4.00 | Alice 120% → 80% | =Carol 0% → 20% |']);
  });

  it('says when nothing needs moving; no section without --suggest', () => {
    expect(lines(renderText('load', calm(), 'markdown', en)).slice(-3)).toEqual(['### Suggested moves', '', 'nobody is over capacity: nothing to move']);
    expect(renderText('load', loadSample({}), 'markdown', en)).not.toContain('###');
  });

  it('speaks Chinese', () => {
    const out = lines(renderText('load', report, 'markdown', zh));
    expect(out[0]).toBe('## 工作负荷: book.xlsx');
    expect(mdCells(out[2]!)).toEqual(['姓名', '岗位', '部门', '每周工时', '可用工时', '负荷', '状态', '客户数', '审批']);
    expect(out.slice(4, 10).map((l) => mdCells(l)[6])).toEqual(['超载', '偏高', '空闲', '空闲', '不在职', '不在人员表']);
    expect(out).toContain('### 调整建议');
  });
});

describe('load csv', () => {
  it('is a header and one row per person, CRLF, no BOM on stdout, formula-like text neutralised', () => {
    const text = renderText('load', report, 'csv', en);
    expect(text.startsWith('\ufeff')).toBe(false);
    expect(text.split('\r\n')).toEqual([
      'Name,Role,Department,Hours/wk,Capacity,Utilisation,Status,Accounts,A',
      'Alice,Account Manager,Sales,12,10,1.2,over,2,0',
      `Bob,Account Manager,Sales,${report.people[1]!.hours},10,${report.people[1]!.utilization},high,2,1`,
      `'=Carol,Account Manager,"East | ""HQ"", Sales",0,20,0,idle,0,0`,
      'Erin,,,0,0,0,idle,0,0',
      'Dave,Support,Service,0.46153846153846156,40,0.011538461538461539,inactive,1,0',
      'Zed,,,1,40,0.025,not in staff,1,0',
      '',
    ]);
  });

  it('leaves text as it is with raw; an unknown utilization is an empty cell', () => {
    expect(renderText('load', report, 'csv', reportContext('en', false, { raw: true })).split('\r\n')[3]).toBe('=Carol,Account Manager,"East | ""HQ"", Sales",0,20,0,idle,0,0');
    const accounts = accountsTable([{ id: 'A1', name: 'Apex', numbers: { annual_revenue: 1 } }]);
    const staff = staffTable([{ name: 'Nil', capacity: 0 }]);
    const assignments = assignmentsTable([{ account: 'Apex', task: 'Follow-up', person: 'Nil', raci: 'R', frequency: 'weekly', hours: 2 }]);
    const book = bookOf({ accounts, staff, assignments });
    expect(renderText('load', loadReport(book, computeLoad(book), 'book.xlsx', {}), 'csv', en).split('\r\n')[1]).toBe('Nil,,,2,0,,over,1,0');
  });

  it('speaks Chinese in its header and statuses', () => {
    const out = renderText('load', report, 'csv', zh).split('\r\n');
    expect(out[0]).toBe('姓名,岗位,部门,每周工时,可用工时,负荷,状态,客户数,审批');
    expect(out.slice(1, -1).map((l) => l.split(',').at(-3))).toEqual(['超载', '偏高', '空闲', '空闲', '不在职', '不在人员表']);
  });
});
