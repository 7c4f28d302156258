// SPEC §4, who serves each account, on typed rows: references (the accounts, people and departments
// assignments name exist and are active), RACI per activity (one A, at least one R, not too many R,
// no role conflict), coverage (an owner, someone responsible for each task type the tier requires,
// more than one person on an important account).
import { describe, expect, it } from 'vitest';
import { computeLoad } from '../../src/workload/load.js';
import { ASSIGNMENT_COLUMNS, type AssignmentInput, atRow, bookOf, brief, checkQuiet, cleanInputs, described, dropRows, exitCode, STAFF_COLUMNS, staffTable, tablesOf } from '../helpers/rows.js';

const row = (account: string, task: string, person: string | undefined, department: string, raci: string, frequency: AssignmentInput['frequency'], status: AssignmentInput['status']): AssignmentInput => ({
  account,
  task,
  ...(person !== undefined ? { person } : {}),
  department,
  raci,
  frequency,
  status,
});

describe('references', () => {
  it('ref/unknown-account', () => {
    const rows = cleanInputs();
    rows.assignments.push(
      { account: 'Nope Ltd', task: 'Follow-up', person: 'Alice', department: 'Sales', raci: 'R', frequency: 'weekly', status: 'doing' },
      { account: 'Nope Ltd', task: 'Follow-up', person: 'Gina', department: 'Sales', raci: 'A', frequency: 'weekly', status: 'doing' },
    );
    const c = checkQuiet(tablesOf(rows));
    expect(brief(c.findings)).toEqual(['ref/unknown-account error Assignments!A16', 'ref/unknown-account error Assignments!A17']);
    expect(c.findings[0]).toMatchObject({ account: 'Nope Ltd', task: 'Follow-up' });
    expect(exitCode(c)).toBe(1);
  });

  it('ref/unknown-person, for an assignment and for an owner', () => {
    const rows = cleanInputs();
    atRow(rows.assignments, 12).person = 'Zed';
    atRow(rows.accounts, 4).owner = 'Yvonne';
    const c = checkQuiet(tablesOf(rows));
    expect(brief(c.findings)).toEqual(['ref/unknown-person error Accounts!C4', 'ref/unknown-person error Assignments!C12']);
    expect(c.findings[1]).toMatchObject({ person: 'Zed', account: 'Bolt', task: 'Complaints' });
    expect(described(c)[0]!.message).toBe('Cove: account manager "Yvonne" is not in the staff sheet');
  });

  it('ref/inactive-person', () => {
    const rows = cleanInputs();
    atRow(rows.staff, 5).active = false; // Dave (the reader's 否: test/io/table.test.ts)
    expect(brief(checkQuiet(tablesOf(rows)).findings)).toEqual(['ref/inactive-person error Assignments!C4', 'ref/inactive-person error Assignments!C12']);
  });

  it('ref/unknown-department, only when the staff sheet names departments', () => {
    const rows = cleanInputs();
    atRow(rows.assignments, 4).department = 'Marketing';
    expect(brief(checkQuiet(tablesOf(rows)).findings)).toEqual(['ref/unknown-department warn Assignments!D4']);
    const noDepartments = staffTable(
      rows.staff.map(({ department: _d, ...p }) => p),
      STAFF_COLUMNS.filter(([key]) => key !== 'department'),
    );
    expect(brief(checkQuiet({ ...tablesOf(rows), staff: noDepartments }).findings)).toEqual([]);
  });
});

describe('RACI per activity', () => {
  it('raci/no-accountable at the first row of the group', () => {
    const rows = cleanInputs();
    dropRows(rows.assignments, 15); // Cove's A
    const c = checkQuiet(tablesOf(rows));
    expect(brief(c.findings)).toEqual(['raci/no-accountable error Assignments!E14']);
    expect(described(c)[0]).toMatchObject({ account: 'Cove', task: 'Follow-up', message: 'Cove · Follow-up: nobody is accountable (A)' });
  });

  it('raci/multiple-accountable', () => {
    const rows = cleanInputs();
    rows.assignments.push(row('Cove', 'Follow-up', 'Bob', 'Sales', 'A', 'monthly', 'doing'));
    expect(brief(checkQuiet(tablesOf(rows)).findings)).toEqual(['raci/multiple-accountable error Assignments!E14']);
  });

  it('raci/no-responsible (and the coverage it breaks)', () => {
    const rows = cleanInputs();
    atRow(rows.assignments, 14).raci = 'C';
    expect(brief(checkQuiet(tablesOf(rows)).findings)).toEqual(['coverage/required-task error Accounts!B4', 'raci/no-responsible error Assignments!E14']);
  });

  it('raci/too-many-responsible above max (3 by default, configurable)', () => {
    const rows = cleanInputs();
    rows.assignments.push(
      row('Apex', 'Follow-up', 'Bob', 'Sales', 'R', 'weekly', 'doing'),
      row('Apex', 'Follow-up', 'Carol', 'Sales', 'R', 'weekly', 'doing'),
      row('Apex', 'Follow-up', 'Hank', 'Sales', 'R', 'weekly', 'doing'),
    );
    expect(brief(checkQuiet(tablesOf(rows)).findings)).toEqual(['raci/too-many-responsible warn Assignments!E2']);
    expect(brief(checkQuiet(tablesOf(rows), { rules: { 'raci/too-many-responsible': ['warn', { max: 4 }] } }).findings)).toEqual([]);
    const three = cleanInputs();
    three.assignments.push(row('Apex', 'Follow-up', 'Bob', 'Sales', 'R', 'weekly', 'doing'), row('Apex', 'Follow-up', 'Carol', 'Sales', 'R', 'weekly', 'doing'));
    expect(brief(checkQuiet(tablesOf(three)).findings)).toEqual([]);
  });

  it('raci/role-conflict: one person with two letters on one task, except R+A (SPEC §4) unless the options say so', () => {
    const rows = cleanInputs();
    atRow(rows.assignments, 15).person = 'Carol';
    // Carol is R and A of Cove's follow-up: the "A/R" of a small team, no finding by default.
    expect(brief(checkQuiet(tablesOf(rows)).findings)).toEqual([]);
    const strict = checkQuiet(tablesOf(rows), { rules: { 'raci/role-conflict': ['warn', { allow: [] }] } });
    expect(brief(strict.findings)).toEqual(['raci/role-conflict warn Assignments!E14']);
    expect(described(strict)[0]).toMatchObject({ person: 'Carol', message: 'Cove · Follow-up: Carol holds R+A on one task' });
    // R and C held by one person is a conflict whatever R+A does; allowed, it is not.
    atRow(rows.assignments, 15).person = 'Dave';
    rows.assignments.push(row('Cove', 'Follow-up', 'Carol', 'Sales', 'C', 'weekly', 'doing'));
    const c = checkQuiet(tablesOf(rows));
    expect(brief(c.findings)).toEqual(['raci/role-conflict warn Assignments!E14']);
    expect(described(c)[0]!.message).toBe('Cove · Follow-up: Carol holds R+C on one task');
    expect(brief(checkQuiet(tablesOf(rows), { rules: { 'raci/role-conflict': ['warn', { allow: ['c + r'] }] } }).findings)).toEqual([]);
  });

  it('raci/role-conflict: two departments both responsible (推诿)', () => {
    const rows = cleanInputs();
    rows.assignments.push(row('Bolt', 'Complaints', undefined, 'Sales', 'R', 'monthly', 'doing'));
    const c = checkQuiet(tablesOf(rows));
    expect(brief(c.findings)).toEqual(['raci/role-conflict warn Assignments!E12']);
    expect(described(c)[0]!.message).toBe('Bolt · Complaints: departments Service, Sales are all responsible (R) — who really does it?');
  });

  it('a row holding two letters (a cell such as R/C) is a role conflict; R/A is not', () => {
    // Reading `R/A` as R and A is the reader's: test/io/table.test.ts.
    const rows = cleanInputs();
    atRow(rows.assignments, 14).raci = 'R/A';
    dropRows(rows.assignments, 15);
    expect(brief(checkQuiet(tablesOf(rows)).findings)).toEqual([]);
    atRow(rows.assignments, 14).raci = 'A/C';
    rows.assignments.push(row('Cove', 'Follow-up', 'Dave', 'Sales', 'R', 'weekly', 'doing'));
    expect(brief(checkQuiet(tablesOf(rows)).findings)).toEqual(['raci/role-conflict warn Assignments!E14']);
  });
});

describe('coverage', () => {
  it('coverage/no-owner: no owner and nobody accountable', () => {
    const rows = cleanInputs();
    delete atRow(rows.accounts, 4).owner;
    expect(brief(checkQuiet(tablesOf(rows)).findings)).toEqual([]);
    dropRows(rows.assignments, 15); // Cove's A
    expect(brief(checkQuiet(tablesOf(rows)).findings)).toEqual(['coverage/no-owner error Accounts!C4', 'raci/no-accountable error Assignments!E14']);
  });

  it('coverage/required-task: a task type the tier requires has no R', () => {
    const rows = cleanInputs();
    dropRows(rows.assignments, 6, 2); // Apex's technical support
    const c = checkQuiet(tablesOf(rows));
    expect(brief(c.findings)).toEqual(['coverage/required-task error Accounts!B2']);
    expect(described(c)[0]!.message).toBe('Apex (Strategic) needs technical support, but nobody is responsible (R) for it');
  });

  it('matches task names to types after folding case, width and spaces', () => {
    const rows = cleanInputs();
    atRow(rows.assignments, 6).task = 'ＴＥＣＨＮＩＣＡＬ  support';
    atRow(rows.assignments, 7).task = 'technical support';
    atRow(rows.assignments, 8).task = '季度业务回顾';
    atRow(rows.assignments, 9).task = '季度业务回顾';
    expect(brief(checkQuiet(tablesOf(rows)).findings)).toEqual([]);
  });

  it('matches Traditional task names (日常跟進, 技術支持, 投訴處理, 業務回顧) to the catalogue', () => {
    const rows = cleanInputs();
    const names: [number, string][] = [[2, '日常跟進'], [4, '投訴處理'], [6, '技術支持'], [8, '業務回顧'], [10, '日常跟進'], [12, '投訴處理'], [14, '日常跟進']];
    for (const [r, task] of names) {
      atRow(rows.assignments, r).task = task;
      atRow(rows.assignments, r + 1).task = task;
    }
    expect(brief(checkQuiet(tablesOf(rows)).findings)).toEqual([]);
    // A type the catalogue lacks is compared in simplified form too.
    atRow(rows.assignments, 14).task = '報價';
    atRow(rows.assignments, 15).task = '報價';
    const extra = { services: { strategic: { required: [] }, important: { required: [] }, normal: { required: ['报价'] } } };
    expect(brief(checkQuiet(tablesOf(rows), extra).findings)).toEqual([]);
  });

  it('cancelled work (已取消, 作废) covers no required task and is not checked for RACI', () => {
    const rows = cleanInputs();
    atRow(rows.assignments, 6).status = 'cancelled'; // Apex's technical support: its R (the A stays, with no R)
    let c = checkQuiet(tablesOf(rows));
    expect(brief(c.findings)).toEqual(['coverage/required-task error Accounts!B2', 'raci/no-responsible error Assignments!E7']);
    expect(described(c)[0]!.message).toBe('Apex (Strategic) needs technical support, but nobody is responsible (R) for it');
    // An activity whose rows are all cancelled: no raci/no-accountable, no raci/no-responsible.
    const bolt = cleanInputs();
    bolt.assignments.push(row('Bolt', 'Contract', 'Bob', 'Sales', 'R', 'once', 'cancelled'));
    bolt.assignments.push(row('Bolt', 'Renewal', 'Zed', 'Sales', 'C', 'once', 'cancelled'));
    c = checkQuiet(tablesOf(bolt));
    expect(brief(c.findings)).toEqual([]);
    // Done work still covers its task.
    const done = cleanInputs();
    atRow(done.assignments, 6).status = 'done';
    expect(brief(checkQuiet(tablesOf(done)).findings)).toEqual([]);
  });

  it('coverage/single-point: one person holds every R and A of an important account', () => {
    const rows = cleanInputs();
    for (const r of [10, 11, 12, 13]) atRow(rows.assignments, r).person = 'Bob';
    atRow(rows.assignments, 12).department = 'Sales';
    atRow(rows.assignments, 13).department = 'Sales';
    expect(brief(checkQuiet(tablesOf(rows)).findings)).toEqual(['coverage/single-point warn Accounts!B3']);
    const normal = cleanInputs();
    atRow(normal.assignments, 15).person = 'Carol'; // Cove is ordinary: not a single point by the rule
    expect(brief(checkQuiet(tablesOf(normal)).findings)).toEqual([]);
  });
});

describe('messy division-of-labour rows', () => {
  it('task names with numbering, notes or more words still map to their type', () => {
    const rows = cleanInputs();
    atRow(rows.assignments, 6).task = '3、Technical Support（每月）';
    atRow(rows.assignments, 7).task = '3、Technical Support（每月）';
    atRow(rows.assignments, 8).task = '(4) 重点客户季度业务回顾';
    atRow(rows.assignments, 9).task = '(4) 重点客户季度业务回顾';
    expect(brief(checkQuiet(tablesOf(rows)).findings)).toEqual([]);
  });

  it('a cell naming two staff members gives both the letters and half the hours', () => {
    const rows = cleanInputs();
    atRow(rows.assignments, 14).person = 'Carol、Hank';
    expect(brief(checkQuiet(tablesOf(rows)).findings)).toEqual([]);
    atRow(rows.assignments, 14).person = 'Carol、Zed';
    expect(brief(checkQuiet(tablesOf(rows)).findings)).toEqual(['ref/unknown-person error Assignments!C14']);
    const shared = cleanInputs();
    Object.assign(atRow(shared.assignments, 14), { person: 'Carol / Hank', frequency: 'weekly', hours: 20 });
    const people = computeLoad(bookOf(tablesOf(shared, { assignments: [...ASSIGNMENT_COLUMNS, ['hours', 'Hours']] }))).people;
    expect(people.find((p) => p.name === 'Hank')!.hours).toBe(10);
    expect(people.find((p) => p.name === 'Carol')!.hours).toBe(10);
  });
});
