// SPEC §4 time nodes against the as-of date: overdue tasks, one-off tasks without a due date,
// contact cadence by tier.
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/util/date.js';
import { atRow, brief, checkQuiet, cleanInputs, described, exitCode, tablesOf, type AssignmentInput } from '../helpers/rows.js';

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
