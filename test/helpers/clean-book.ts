// A small clean book (no findings as of 2025-11-15) written as a workbook, for the end-to-end and
// reader tests; test/helpers/rows.ts has the same book as typed tables for the core tests.
import { join } from 'node:path';
import { tempDir, writeBook } from './books.js';

export type Row = (string | number | Date | null)[];

export interface BookRows {
  accounts: Row[];
  staff: Row[];
  assignments: Row[];
}

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The clean book's rows (header first); tests edit copies. */
export function cleanRows(): BookRows {
  return {
    accounts: [
      ['ID', 'Name', 'Owner', 'Annual Revenue', 'Revenue 2023', 'Revenue 2024', 'Last Contact', 'Tier'],
      ['A1', 'Apex', 'Alice', 300, 100, 110, d('2025-11-10'), 'Strategic'],
      ['A2', 'Bolt', 'Bob', 200, 100, 100, d('2025-11-01'), 'Important'],
      ['A3', 'Cove', 'Carol', 100, 50, 50, d('2025-10-01'), 'Ordinary'],
    ],
    staff: [
      ['Name', 'Role', 'Department', 'Active'],
      ['Alice', 'Account Manager', 'Sales', 'yes'],
      ['Bob', 'Account Manager', 'Sales', 'yes'],
      ['Carol', 'Account Manager', 'Sales', 'yes'],
      ['Dave', 'Support Specialist', 'Service', 'yes'],
      ['Erin', 'Service Lead', 'Service', 'yes'],
      ['Finn', 'Technical Support', 'Engineering', 'yes'],
      ['Gina', 'Sales Director', 'Sales', 'yes'],
      ['Hank', 'Account Manager', 'Sales', 'yes'],
    ],
    assignments: [
      ['Account', 'Task', 'Person', 'Department', 'RACI', 'Due', 'Frequency', 'Status'],
      ['Apex', 'Follow-up', 'Alice', 'Sales', 'R', null, 'weekly', 'doing'], // 2
      ['Apex', 'Follow-up', 'Gina', 'Sales', 'A', null, 'weekly', 'doing'], // 3
      ['Apex', 'Complaints', 'Dave', 'Service', 'R', null, 'monthly', 'doing'], // 4
      ['Apex', 'Complaints', 'Erin', 'Service', 'A', null, 'monthly', 'doing'], // 5
      ['Apex', 'Technical Support', 'Finn', 'Engineering', 'R', null, 'monthly', 'doing'], // 6
      ['Apex', 'Technical Support', 'Alice', 'Sales', 'A', null, 'monthly', 'doing'], // 7
      ['Apex', 'Business Review', 'Alice', 'Sales', 'R', null, 'quarterly', 'todo'], // 8
      ['Apex', 'Business Review', 'Gina', 'Sales', 'A', null, 'quarterly', 'todo'], // 9
      ['Bolt', 'Follow-up', 'Bob', 'Sales', 'R', null, 'biweekly', 'doing'], // 10
      ['Bolt', 'Follow-up', 'Gina', 'Sales', 'A', null, 'biweekly', 'doing'], // 11
      ['Bolt', 'Complaints', 'Dave', 'Service', 'R', null, 'monthly', 'doing'], // 12
      ['Bolt', 'Complaints', 'Erin', 'Service', 'A', null, 'monthly', 'doing'], // 13
      ['Cove', 'Follow-up', 'Carol', 'Sales', 'R', null, 'monthly', 'doing'], // 14
      ['Cove', 'Follow-up', 'Gina', 'Sales', 'A', null, 'monthly', 'doing'], // 15
    ],
  };
}

export interface Check {
  code: number;
  stderr: string;
  json: { summary: Record<string, number>; findings: { rule: string; severity: string; cell?: string; account?: string; person?: string; task?: string; message: string }[] };
}

/** Writes the rows as a book and runs `kam check --format json` on it (as of 2025-11-15). */
export async function checkRows(rows: BookRows, extra: string[] = [], config: { rules?: Record<string, unknown> } & Record<string, unknown> = {}): Promise<Check> {
  const dir = tempDir();
  // The small book's people are all lightly loaded: load/idle is off unless a test turns it on.
  const withDefaults = { ...config, rules: { 'load/idle': 'off', ...config.rules } };
  (await import('node:fs')).writeFileSync(join(dir, 'kam.config.json'), JSON.stringify(withDefaults));
  const path = await writeBook(join(dir, 'book.xlsx'), [
    { name: 'Accounts', rows: rows.accounts, formats: { G: 'yyyy-mm-dd' } },
    { name: 'Staff', rows: rows.staff },
    { name: 'Assignments', rows: rows.assignments, formats: { F: 'yyyy-mm-dd' } },
  ]);
  // Imported here: the reader tests use the rows without loading the whole CLI.
  const { kam } = await import('./cli.js');
  const r = await kam(['check', path, '--format', 'json', '--as-of', '2025-11-15', ...extra]);
  return { code: r.code, stderr: r.stderr, json: JSON.parse(r.stdout) as Check['json'] };
}

/** `rule severity cell` of each finding, for compact assertions. */
export function brief(c: Check): string[] {
  return c.json.findings.map((f) => `${f.rule} ${f.severity} ${f.cell ?? '-'}`);
}
