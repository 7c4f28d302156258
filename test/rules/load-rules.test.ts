// SPEC §4 workload rules at the person's Staff row: over capacity, too many accounts, idle.
import { describe, expect, it } from 'vitest';
import { ASSIGNMENT_COLUMNS, atRow, brief, check, checkQuiet, cleanInputs, described, exitCode, STAFF_COLUMNS, tablesOf } from '../helpers/rows.js';

describe('load', () => {
  it("load/over-capacity at the person's Staff row", () => {
    const rows = cleanInputs();
    const withHours = { assignments: [...ASSIGNMENT_COLUMNS, ['hours', 'Hours'] as [string, string]] };
    atRow(rows.assignments, 2).hours = 40; // Alice: 40 h weekly follow-up, and a little more
    expect(brief(checkQuiet(tablesOf(rows, withHours)).findings)).toEqual(['load/over-capacity warn Staff!A2']);
    atRow(rows.assignments, 2).hours = 30;
    expect(brief(checkQuiet(tablesOf(rows, withHours)).findings)).toEqual([]);
  });

  it('load/max-accounts at the Max Accounts cell', () => {
    const rows = cleanInputs();
    const withMax = { staff: [...STAFF_COLUMNS, ['max_accounts', 'Max Accounts'] as [string, string]] };
    atRow(rows.staff, 8).maxAccounts = 2; // Gina is accountable on three accounts
    const c = checkQuiet(tablesOf(rows, withMax));
    expect(brief(c.findings)).toEqual(['load/max-accounts warn Staff!E8']);
    expect(described(c)[0]!.message).toBe('Gina holds 3 accounts, more than the limit of 2');
    atRow(rows.staff, 8).maxAccounts = 3;
    expect(brief(checkQuiet(tablesOf(rows, withMax)).findings)).toEqual([]);
  });

  it('load/idle (info) when turned on', () => {
    const c = check(tablesOf(cleanInputs()), { rules: { 'load/idle': 'info' } });
    expect(brief(c.findings)).toHaveLength(8);
    expect(brief(c.findings)[0]).toBe('load/idle info Staff!A2');
    expect(exitCode(c)).toBe(0);
  });
});
