// SPEC §4, the rules that measure, on typed rows: time against the as-of date (overdue tasks,
// one-off tasks without a due date, contact cadence by tier), accounts (declining revenue, recorded
// against scored tier, a missing scoring input), load at the person's Staff row (over capacity, too
// many accounts, idle).
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/util/date.js';
import { ASSIGNMENT_COLUMNS, type AssignmentInput, atRow, brief, check, checkQuiet, cleanInputs, described, exitCode, STAFF_COLUMNS, tablesOf } from '../helpers/rows.js';

describe('time', () => {
  const renewal = (due: IsoDate | undefined, status: AssignmentInput['status']): AssignmentInput[] => [
    { account: 'Bolt', task: 'Renewal', person: 'Bob', department: 'Sales', raci: 'R', ...(due ? { due } : {}), frequency: 'once', status },
    { account: 'Bolt', task: 'Renewal', person: 'Gina', department: 'Sales', raci: 'A', ...(due ? { due } : {}), frequency: 'once', status },
  ];
  it('time/overdue once per task, at its due cell', () => {
    const rows = cleanInputs();
    rows.assignments.push(...renewal('2025-11-01', 'doing'));
    const c = checkQuiet(tablesOf(rows));
    expect(brief(c.findings)).toEqual(['time/overdue warn Assignments!F16']);
    expect(described(c)[0]!.message).toBe('Bolt · Renewal: due 2025-11-01, 14 days overdue');
    expect(exitCode(c)).toBe(0);
    expect(exitCode(c, 'warn')).toBe(1); // --fail-on warn
  });
  it('not overdue when done or due later', () => {
    const done = cleanInputs();
    done.assignments.push(...renewal('2025-11-01', 'done')); // 已完成 is read as done: test/io/table.test.ts
    expect(brief(checkQuiet(tablesOf(done)).findings)).toEqual([]);
    const later = cleanInputs();
    later.assignments.push(...renewal('2025-11-15', 'doing'));
    expect(brief(checkQuiet(tablesOf(later)).findings)).toEqual([]);
  });
  it('time/missing-due for a one-off task without a date', () => {
    const rows = cleanInputs();
    rows.assignments.push(...renewal(undefined, 'todo'));
    expect(brief(checkQuiet(tablesOf(rows)).findings)).toEqual(['time/missing-due warn Assignments!F16']);
  });
  it('time/cadence by the tier (30 / 60 / 90 days)', () => {
    const rows = cleanInputs();
    atRow(rows.accounts, 4).lastContact = '2025-08-17'; // 90 days: fine
    expect(brief(checkQuiet(tablesOf(rows)).findings)).toEqual([]);
    atRow(rows.accounts, 4).lastContact = '2025-08-16'; // 91 days
    atRow(rows.accounts, 2).lastContact = '2025-10-15'; // 31 days for a strategic account
    const c = checkQuiet(tablesOf(rows));
    expect(brief(c.findings)).toEqual(['time/cadence warn Accounts!G2', 'time/cadence warn Accounts!G4']);
    expect(described(c)[0]!.message).toBe('Apex: last contact 2025-10-15, 31 days ago (Strategic accounts are contacted every 30 days)');
  });
  it('does not measure an empty last-contact cell', () => {
    const rows = cleanInputs();
    delete atRow(rows.accounts, 4).lastContact;
    expect(brief(checkQuiet(tablesOf(rows)).findings)).toEqual([]);
  });
  it('follows the as-of date', () => {
    expect(brief(checkQuiet(tablesOf(cleanInputs()), {}, '2026-03-01').findings).filter((f) => f.startsWith('time/cadence'))).toHaveLength(3);
  });
});

describe('accounts', () => {
  it('account/declining-revenue when the last period is down more than 20%', () => {
    const rows = cleanInputs();
    atRow(rows.accounts, 3).periods = [100, 80]; // exactly −20%: not more than 20%
    expect(brief(checkQuiet(tablesOf(rows)).findings)).toEqual([]);
    atRow(rows.accounts, 3).periods = [100, 79];
    const c = checkQuiet(tablesOf(rows));
    expect(brief(c.findings)).toEqual(['account/declining-revenue warn Accounts!F3']);
    expect(described(c)[0]!.message).toBe('Bolt: revenue down 21.0% on the previous period (more than 20.0%)');
    expect(brief(checkQuiet(tablesOf(rows), { rules: { 'account/declining-revenue': ['warn', { threshold: 0.25 }] } }).findings)).toEqual([]);
  });

  it('account/tier-mismatch (info), and the recorded tier decides the service catalogue', () => {
    const rows = cleanInputs();
    atRow(rows.accounts, 3).tier = 'A类客户';
    const c = checkQuiet(tablesOf(rows));
    expect(brief(c.findings)).toEqual(['coverage/required-task error Accounts!B3', 'coverage/required-task error Accounts!B3', 'account/tier-mismatch info Accounts!H3']);
    expect(described(c)[2]!.message).toBe('Bolt: recorded as Strategic, scored as Important');
  });

  it('data/missing-value for an empty scoring input', () => {
    const rows = cleanInputs();
    atRow(rows.accounts, 4).numbers = {};
    expect(brief(checkQuiet(tablesOf(rows)).findings)).toEqual(['data/missing-value warn Accounts!D4']);
  });
});

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
