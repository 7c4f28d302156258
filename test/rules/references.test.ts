// SPEC §4 references: the accounts, people and departments assignments name must exist and be active.
import { describe, expect, it } from 'vitest';
import { atRow, brief, checkQuiet, cleanInputs, described, exitCode, STAFF_COLUMNS, staffTable, tablesOf } from '../helpers/rows.js';

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
