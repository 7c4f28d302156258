// SPEC §4 account rules: declining revenue, recorded tier against scored tier, missing scoring input.
import { describe, expect, it } from 'vitest';
import { atRow, brief, checkQuiet, cleanInputs, described, tablesOf } from '../helpers/rows.js';

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
