// An Accounts sheet kept as an Excel table with a Total Row (scripts/fixtures/tables.py): a count of
// the names and a sum of the revenue under the table, by openpyxl (formulas without results),
// xlsxwriter (a `Total` label) and a LibreOffice re-save (results calculated: the count is 3).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kam, ROOT } from '../helpers/cli.js';

const DIR = join(ROOT, 'test', 'fixtures', 'tables');

for (const tool of ['openpyxl', 'xlsxwriter', 'libreoffice']) {
  describe(`an Excel table's Total Row, written by ${tool}`, () => {
    const book = join(DIR, `totals-${tool}.xlsx`);
    it('is never an account: three accounts tiered, no finding at the Total Row', async () => {
      const tier = await kam(['tier', book, '--format', 'json', '-q']);
      expect(tier.code).toBe(0);
      const accounts = (JSON.parse(tier.stdout) as { accounts: { name: string; score: number; tier: string }[] }).accounts;
      // (Read as an account, the LibreOffice book's count `3` scored 100 and took the strategic tier.)
      expect(accounts.map((a) => [a.name, a.score])).toEqual([
        ['Globex', 100],
        ['Acme', 33.33333333333333],
        ['Initech', 0],
      ]);
      const check = await kam(['check', book, '--format', 'json', '-q']);
      const findings = (JSON.parse(check.stdout) as { findings: { rule: string; cell?: string }[] }).findings;
      expect(findings.map((f) => [f.rule, f.cell ?? null])).toEqual([['schema/missing-sheet', null]]);
    });
  });
}
