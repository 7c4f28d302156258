// Rule configuration (SPEC §4): a rule's level set in the config, a rule turned off, options; and
// the clean book every rule test starts from.
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/model/errors.js';
import { brief, checkQuiet, cleanInputs, cleanTables, dropRows, exitCode, tablesOf } from '../helpers/rows.js';

describe('the clean book', () => {
  it('has no findings at the default levels (load/idle off)', () => {
    const c = checkQuiet(cleanTables());
    expect(brief(c.findings)).toEqual([]);
    expect(c.summary).toEqual({ error: 0, warn: 0, info: 0 });
  });
});

describe('rule configuration', () => {
  it('sets severities, turns rules off, and validates options', () => {
    const rows = cleanInputs();
    dropRows(rows.assignments, 15); // Cove's A
    const warned = checkQuiet(tablesOf(rows), { rules: { 'raci/no-accountable': 'warn' } });
    expect(brief(warned.findings)).toEqual(['raci/no-accountable warn Assignments!E14']);
    expect(exitCode(warned)).toBe(0);
    expect(brief(checkQuiet(tablesOf(rows), { rules: { 'raci/no-accountable': 'off' } }).findings)).toEqual([]);
    // Options are checked with the config (their effect: responsibility.test.ts, time-accounts-load.test.ts).
    expect(() => checkQuiet(tablesOf(rows), { rules: { 'raci/too-many-responsible': ['warn', { max: 'four' }] } })).toThrow(ConfigError);
    expect(() => checkQuiet(tablesOf(rows), { rules: { 'raci/too-many-responsible': ['warn', { max: 'four' }] } })).toThrow('rules.raci/too-many-responsible[1].max: expected a number');
  });
});
