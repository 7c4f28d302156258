// kam matrix (issue 10): the long rows pivoted into activities × people, the canonical letters,
// the check columns and the totals, the filters and views, and the JSON contract.
import { describe, expect, it } from 'vitest';
import { lettersText } from '../../src/matrix/build.js';
import { RACI } from '../../src/model/codes.js';
import { reportContext } from '../../src/report/context.js';
import { renderText } from '../../src/report/index.js';
import { matrixSample, plain } from '../report/samples.js';

const en = reportContext('en', false);
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
  it('CSV and markdown: the same table; CSV is injection-safe', () => {
    const csv = renderText('matrix', m, 'csv', en).split('\r\n');
    expect(csv[0]).toBe("Account,Account ID,Tier,Task,Alice,Bob,'=Carol,Service,#A,#R,Problems");
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
