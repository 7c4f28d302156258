// The readers of Accounts, Staff and Assignments on small books written with exceljs: the typed
// rows the core is tested with (test/helpers/rows.ts) are what they make of the cells, and the
// cells they cannot read are findings at those cells.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBook } from '../../src/io/open.js';
import { readAccounts } from '../../src/io/sheets/accounts.js';
import { readAssignments } from '../../src/io/sheets/assignments.js';
import { locateSheets } from '../../src/io/sheets/locate.js';
import { readStaff } from '../../src/io/sheets/staff.js';
import { RACI } from '../../src/model/codes.js';
import type { Layout } from '../../src/model/table.js';
import { scoringColumns } from '../../src/scoring/score.js';
import { tempDir, writeBook } from '../helpers/books.js';
import { cleanRows, type BookRows } from '../helpers/clean-book.js';
import { brief, checkQuiet, cleanTables, config, type Tables } from '../helpers/rows.js';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Writes the rows as a book (dates formatted as Excel would) and reads its three sheets. */
async function readRows(rows: BookRows): Promise<Tables> {
  const path = await writeBook(join(tempDir(), 'book.xlsx'), [
    { name: 'Accounts', rows: rows.accounts, formats: { G: 'yyyy-mm-dd' } },
    { name: 'Staff', rows: rows.staff },
    { name: 'Assignments', rows: rows.assignments, formats: { F: 'yyyy-mm-dd' } },
  ]);
  const book = await openBook(path);
  const sheets = await locateSheets(book, ['accounts', 'staff', 'assignments'], {});
  const options = { file: 'book.xlsx', date1904: book.date1904 };
  return {
    accounts: await readAccounts(sheets.accounts!, { ...options, numberColumns: scoringColumns(config()) }),
    staff: await readStaff(sheets.staff!, options),
    assignments: await readAssignments(sheets.assignments!, options),
  };
}

const columns = (layout: Layout) => layout.columns.map((c) => [c.letter, c.header, c.key ?? `period:${c.period}`]);

describe('the clean book', () => {
  it('is read as the typed clean tables, row for row and column for column', async () => {
    const read = await readRows(cleanRows());
    const typed = cleanTables();
    expect(read.accounts!.accounts).toEqual(typed.accounts.accounts);
    expect(read.staff!.people).toEqual(typed.staff.people);
    expect(read.assignments!.assignments).toEqual(typed.assignments.assignments);
    for (const role of ['accounts', 'staff', 'assignments'] as const) {
      expect(columns(read[role]!.layout)).toEqual(columns(typed[role].layout));
      expect(read[role]!.findings).toEqual([]);
    }
  });
});

describe('cells the rules depend on', () => {
  it('reads a combined letter cell (R/A) as two letters', async () => {
    const rows = cleanRows();
    rows.assignments[13]![4] = 'R/A';
    rows.assignments.splice(14, 1);
    const read = await readRows(rows);
    expect(read.assignments!.assignments.find((a) => a.row === 14)!.raci).toBe(RACI.R | RACI.A);
    expect(brief(checkQuiet(read).findings)).toEqual(['raci/role-conflict warn Assignments!E14']);
  });

  it('reads 否 in the Active column as inactive', async () => {
    const rows = cleanRows();
    rows.staff[4]![3] = '否';
    const read = await readRows(rows);
    expect(read.staff!.people.map((p) => p.active)).toEqual([true, true, true, false, true, true, true, true]);
    expect(brief(checkQuiet(read).findings)).toEqual(['ref/inactive-person error Assignments!C4', 'ref/inactive-person error Assignments!C12']);
  });

  it('reads date cells as dates, and 已完成 as done', async () => {
    const rows = cleanRows();
    const renewal = (status: string) => [
      ['Bolt', 'Renewal', 'Bob', 'Sales', 'R', d('2025-11-01'), 'once', status],
      ['Bolt', 'Renewal', 'Gina', 'Sales', 'A', d('2025-11-01'), 'once', status],
    ];
    rows.assignments.push(...renewal('doing'));
    const doing = await readRows(rows);
    expect(doing.assignments!.assignments.at(-1)).toMatchObject({ row: 17, due: '2025-11-01', frequency: { kind: 'once' }, status: 'doing' });
    expect(doing.accounts!.accounts.map((a) => a.lastContact)).toEqual(['2025-11-10', '2025-11-01', '2025-10-01']);
    expect(brief(checkQuiet(doing).findings)).toEqual(['time/overdue warn Assignments!F16']);
    rows.assignments.splice(15, 2, ...renewal('已完成'));
    const done = await readRows(rows);
    expect(done.assignments!.assignments.at(-1)!.status).toBe('done');
    expect(brief(checkQuiet(done).findings)).toEqual([]);
  });

  it('reads hours, 是 in the Locked column, capacities and account limits', async () => {
    const path = await writeBook(join(tempDir(), 'load.xlsx'), [
      { name: 'Staff', rows: [['Name', 'Role', 'Department', 'Capacity Hours', 'Max Accounts', 'Active'], ['Ann', 'AM', 'Sales', 40, 8, 'yes'], ['Old', 'AM', 'Sales', null, null, '否']] },
      { name: 'Assignments', rows: [['Account', 'Task', 'Person', 'Department', 'RACI', 'Frequency', 'Hours', 'Status', 'Locked'], ['X', 'Follow-up', 'Ann', 'Sales', 'R', 'weekly', 4, 'doing', '是'], ['X', 'Review', 'Carol / Hank', 'Sales', 'A', 'daily', 2.5, 'doing', 'no']] },
    ]);
    const book = await openBook(path);
    const options = { file: path, date1904: false };
    const staff = await readStaff(book.sheets[0]!, options);
    expect(staff.people.map((p) => [p.name, p.capacity, p.maxAccounts, p.active])).toEqual([
      ['Ann', 40, 8, true],
      ['Old', undefined, undefined, false],
    ]);
    const t = await readAssignments(book.sheets[1]!, options);
    expect(t.findings).toEqual([]);
    // A cell naming two people stays as written: the book splits it (test/rules/coverage.test.ts).
    expect(t.assignments.map((a) => [a.person, a.hours, a.locked, a.frequency])).toEqual([
      ['Ann', 4, true, { kind: 'recurring', perWeek: 1, word: 'weekly' }],
      ['Carol / Hank', 2.5, false, { kind: 'recurring', perWeek: 5, word: 'daily' }],
    ]);
  });
});

describe('structure', () => {
  it('schema/invalid-value, schema/empty-required and schema/duplicate-key at their cells', async () => {
    const rows = cleanRows();
    rows.assignments[9]![5] = 'soon';
    rows.assignments.push([null, 'Follow-up', 'Bob', 'Sales', 'R', null, 'weekly', 'doing']);
    rows.accounts.push(['A1', 'Apex again', 'Alice', 10, 1, 1, d('2025-11-10'), 'Ordinary']);
    const c = checkQuiet(await readRows(rows));
    // The second A1 is reported, and (serving nobody's tasks) lacks its follow-up.
    expect(brief(c.findings)).toEqual([
      'schema/duplicate-key error Accounts!A5',
      'coverage/required-task error Accounts!B5',
      'schema/invalid-value error Assignments!F10',
      'schema/empty-required error Assignments!A16',
    ]);
  });
});
