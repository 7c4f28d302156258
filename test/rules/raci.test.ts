// SPEC §4 RACI per activity (account × task): one A, at least one R, not too many R, no role conflict.
import { describe, expect, it } from 'vitest';
import { atRow, brief, checkQuiet, cleanInputs, described, dropRows, tablesOf, type AssignmentInput } from '../helpers/rows.js';

const row = (account: string, task: string, person: string | undefined, department: string, raci: string, frequency: AssignmentInput['frequency'], status: AssignmentInput['status']): AssignmentInput => ({
  account,
  task,
  ...(person !== undefined ? { person } : {}),
  department,
  raci,
  frequency,
  status,
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

  it('raci/role-conflict: one person with two letters on one task', () => {
    const rows = cleanInputs();
    atRow(rows.assignments, 15).person = 'Carol';
    const c = checkQuiet(tablesOf(rows));
    expect(brief(c.findings)).toEqual(['raci/role-conflict warn Assignments!E14']);
    expect(described(c)[0]).toMatchObject({ person: 'Carol', message: 'Cove · Follow-up: Carol holds R+A on one task' });
  });

  it('raci/role-conflict: two departments both responsible (推诿)', () => {
    const rows = cleanInputs();
    rows.assignments.push(row('Bolt', 'Complaints', undefined, 'Sales', 'R', 'monthly', 'doing'));
    const c = checkQuiet(tablesOf(rows));
    expect(brief(c.findings)).toEqual(['raci/role-conflict warn Assignments!E12']);
    expect(described(c)[0]!.message).toBe('Bolt · Complaints: departments Service, Sales are all responsible (R) — who really does it?');
  });

  it('a row holding two letters (a cell such as R/A) is a role conflict', () => {
    // Reading `R/A` as R and A is the reader's: test/io/table.test.ts.
    const rows = cleanInputs();
    atRow(rows.assignments, 14).raci = 'R/A';
    dropRows(rows.assignments, 15);
    expect(brief(checkQuiet(tablesOf(rows)).findings)).toEqual(['raci/role-conflict warn Assignments!E14']);
  });
});
