// kam check end to end on a small book: the exit code (errors, --fail-on, --max-warnings, levels
// set in the config) and a book missing a sheet or a column. The rules themselves are tested on
// typed rows in test/rules/, the reading of cells in test/io/sheets.test.ts.
import { describe, expect, it } from 'vitest';
import { tempDir, writeBook } from '../helpers/books.js';
import { brief, checkRows, cleanRows, type Row } from '../helpers/clean-book.js';
import { kam } from '../helpers/cli.js';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('the clean book', () => {
  it('has no findings and exits 0', async () => {
    const c = await checkRows(cleanRows());
    expect(brief(c)).toEqual([]);
    expect(c.json.summary).toEqual({ error: 0, warn: 0, info: 0 });
    expect(c.code).toBe(0);
  });
});

describe('exit code', () => {
  it('1 on an error (ref/unknown-account)', async () => {
    const rows = cleanRows();
    rows.assignments.push(['Nope Ltd', 'Follow-up', 'Alice', 'Sales', 'R', null, 'weekly', 'doing'], ['Nope Ltd', 'Follow-up', 'Gina', 'Sales', 'A', null, 'weekly', 'doing']);
    const c = await checkRows(rows);
    expect(brief(c)).toEqual(['ref/unknown-account error Assignments!A16', 'ref/unknown-account error Assignments!A17']);
    expect(c.json.findings[0]).toMatchObject({ account: 'Nope Ltd', task: 'Follow-up' });
    expect(c.code).toBe(1);
  });

  it('0 on a warning (time/overdue), 1 with --fail-on warn', async () => {
    const rows = cleanRows();
    const renewal: Row[] = [
      ['Bolt', 'Renewal', 'Bob', 'Sales', 'R', d('2025-11-01'), 'once', 'doing'],
      ['Bolt', 'Renewal', 'Gina', 'Sales', 'A', d('2025-11-01'), 'once', 'doing'],
    ];
    rows.assignments.push(...renewal);
    const c = await checkRows(rows);
    expect(brief(c)).toEqual(['time/overdue warn Assignments!F16']);
    expect(c.json.findings[0]!.message).toBe('Bolt · Renewal: due 2025-11-01, 14 days overdue');
    expect(c.code).toBe(0);
    expect((await checkRows(rows, ['--fail-on', 'warn'])).code).toBe(1);
  });

  it('0 on notes (load/idle turned on)', async () => {
    const c = await checkRows(cleanRows(), [], { rules: { 'load/idle': 'info' } });
    expect(brief(c)).toHaveLength(8);
    expect(brief(c)[0]).toBe('load/idle info Staff!A2');
    expect(c.code).toBe(0);
  });

  it('0 when the config sets an error rule to warn', async () => {
    const rows = cleanRows();
    rows.assignments.splice(14, 1); // Cove's A
    const c = await checkRows(rows, [], { rules: { 'raci/no-accountable': 'warn' } });
    expect(brief(c)).toEqual(['raci/no-accountable warn Assignments!E14']);
    expect(c.code).toBe(0);
  });

  it('--max-warnings', async () => {
    const rows = cleanRows();
    rows.accounts[3]![3] = null;
    expect((await checkRows(rows, ['--max-warnings', '0'])).code).toBe(1);
    expect((await checkRows(rows, ['--max-warnings', '1'])).code).toBe(0);
    expect((await checkRows(rows, ['--fail-on', 'info'])).code).toBe(1);
  });
});

describe('structure', () => {
  it('schema/missing-sheet and schema/missing-column', async () => {
    const path = await writeBook(`${tempDir()}/b.xlsx`, [
      { name: 'Accounts', rows: cleanRows().accounts },
      { name: 'Staff', rows: cleanRows().staff },
    ]);
    const r = await kam(['check', path, '--format', 'json', '--as-of', '2025-11-15']);
    expect((JSON.parse(r.stdout) as { findings: { rule: string }[] }).findings.map((f) => f.rule)).toEqual(['schema/missing-sheet']);
    expect(r.code).toBe(1);
    const noTask = await writeBook(`${tempDir()}/c.xlsx`, [
      { name: 'Accounts', rows: cleanRows().accounts },
      { name: 'Assignments', rows: [['Account', 'Person'], ['Apex', 'Alice']] },
    ]);
    const r2 = await kam(['check', noTask, '--format', 'json', '--as-of', '2025-11-15']);
    expect((JSON.parse(r2.stdout) as { findings: unknown[] }).findings).toEqual([
      { rule: 'schema/missing-column', severity: 'error', message: 'required column "task" is missing', sheet: 'Assignments', row: 1, cell: 'Assignments!1:1' },
    ]);
    expect(r2.stderr).toContain('no staff sheet');
  });
});
