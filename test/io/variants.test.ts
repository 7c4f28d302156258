// The other layouts of issue 9 in one Traditional-Chinese book, written by openpyxl, xlsxwriter
// and re-saved by LibreOffice (scripts/fixtures/layouts.py): two columns that could be one field
// (客戶等級 beside Segment, RACI beside 角色 holding job titles), hours with units, US month-first
// dates, a name two accounts share; and two columns headed 年采购额. Each tool's file gives the
// same answers.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kam, ROOT } from '../helpers/cli.js';

const DIR = join(ROOT, 'test', 'fixtures', 'layouts');
const TOOLS = ['openpyxl', 'xlsxwriter', 'libreoffice'];
const asOf = ['--as-of', '2025-11-10'];

interface Finding {
  rule: string;
  severity: string;
  cell?: string;
  message: string;
}

for (const tool of TOOLS) {
  describe(`variants written by ${tool}`, () => {
    const book = join(DIR, `variants-${tool}.xlsx`);
    it('reads 客戶等級 (not Segment) as the recorded tier and Traditional headers, sheets and codes', async () => {
      const r = await kam(['tier', book, '--format', 'json', '--verbose']);
      const tiers = (JSON.parse(r.stdout) as { accounts: { id: string; recordedTier: string }[] }).accounts.map((a) => [a.id, a.recordedTier]).sort();
      expect(tiers).toEqual([['KA1', 'strategic'], ['KA2', 'important'], ['KA3', 'normal']]);
      // Segment holds Retail and Government, no tier words: the values decide.
      expect(r.stderr).toContain('客戶: column D 客戶等級 is read as tier; E Segment is left as an unknown column (its values do not read as tier)');
    });

    it('takes RACI over 角色 by its values, reads hours with units and US dates, and flags the shared name', async () => {
      const r = await kam(['check', book, '--format', 'json', ...asOf, '--verbose']);
      expect(r.stderr).toContain('分工: column E RACI is read as raci; D 角色 is left as an unknown column (its values do not read as raci)');
      const findings = (JSON.parse(r.stdout) as { findings: Finding[] }).findings.filter((f) => !f.rule.startsWith('coverage/') && !f.rule.startsWith('load/') && f.rule !== 'raci/no-accountable');
      expect(findings.map((f) => [f.rule, f.cell])).toEqual([
        ['schema/invalid-value', '分工!G16'],
        ['time/overdue', '分工!H19'],
        ['ref/ambiguous-account', '分工!A20'],
      ]);
      expect(findings[0]!.message).toContain('"2周" in column 預計工時 cannot be read');
      // 11/3/2025 in a column where 12/20/2025 shows month-first: 3 November, a week before --as-of.
      expect(findings[1]!.message).toContain('due 2025-11-03, 7 days overdue');
      expect(findings[2]!.message).toContain('"華東精密" is the name of 2 accounts (KA1, KA2)');
    });

    it('weekly hours from 30分钟, 0.5小时, 90min, 1.5h, 2天, 半天 and 1人天 add up to 32; 崗位 is the role', async () => {
      const r = await kam(['load', book, '--format', 'json', ...asOf]);
      const people = (JSON.parse(r.stdout) as { people: { name: string; role: string; hours: number }[] }).people;
      const lina = people.find((p) => p.name === '李娜')!;
      // 32 h + 1 h for the unreadable 2周 (the default effort, reported above) + the two R/A one-offs
      // (4 h × 1.2 over the 40 days to 20 December, and over one week once overdue) + 1 h weekly.
      expect(lina.hours).toBeCloseTo(32 + 1 + (4 * 1.2) / (40 / 7) + 4 * 1.2 + 1, 2);
      expect(lina.role).toBe('客戶經理');
      expect(people.find((p) => p.name === '張偉')!.role).toBe('銷售總監');
    });
  });

  describe(`two columns headed 年采购额, written by ${tool}`, () => {
    it('is an error naming both cells (exit 1); two columns headed 备注, which kam does not read, a warning', async () => {
      const r = await kam(['check', join(DIR, `duplicates-${tool}.xlsx`), '--format', 'json']);
      expect(r.code).toBe(1);
      const findings = (JSON.parse(r.stdout) as { findings: Finding[] }).findings.filter((f) => f.rule !== 'schema/missing-sheet');
      expect(findings.map((f) => [f.rule, f.severity, f.cell])).toEqual([
        ['schema/ambiguous-column', 'error', '客户!D1'],
        ['schema/duplicate-header', 'warn', '客户!E1'],
      ]);
      expect(findings[0]!.message).toBe('two columns are headed "年采购额" (B and D): which one to read is ambiguous; rename or delete one');
    });
  });
}
