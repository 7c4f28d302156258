// Typed rows built in code: the core (book, rules, scoring, workload) and the renderers are
// tested without writing a workbook. Each builder lays its rows out as a sheet would (header in
// row 1, columns with letters), so that findings still point at cells.
import { indexBook, type IndexedBook } from '../../src/book/book.js';
import { resolveConfig, type ResolvedConfig } from '../../src/config/resolve.js';
import type { Account, AccountsTable } from '../../src/model/account.js';
import type { Assignment, AssignmentsTable } from '../../src/model/assignment.js';
import { PER_WEEK, RACI, type Frequency, type RaciLetter, type Status } from '../../src/model/codes.js';
import type { SheetRole } from '../../src/model/columns.js';
import type { Finding } from '../../src/model/finding.js';
import type { Severity } from '../../src/model/rules.js';
import type { Person, StaffTable } from '../../src/model/person.js';
import type { Column, Layout } from '../../src/model/table.js';
import { findingMessage } from '../../src/report/shared/findings.js';
import { exitCodeFor } from '../../src/cli/exit.js';
import { checkTables, type CheckReport } from '../../src/rules/check.js';
import { scoreAccounts, scoringColumns, type TierReport } from '../../src/scoring/score.js';
import { columnLetter } from '../../src/util/cellref.js';
import type { IsoDate } from '../../src/util/date.js';
import { fold } from '../../src/util/text.js';

export const AS_OF = '2025-11-15';

/** A column of a built sheet: its canonical key (or `period:2024`) and its header. */
export type ColumnSpec = [key: string, header: string];

function layoutOf(role: SheetRole, sheet: string, columns: readonly ColumnSpec[]): Layout {
  const layout: Layout = { role, file: 'book.xlsx', sheet, headerRow: 1, date1904: false, columns: [], byKey: new Map() };
  columns.forEach(([key, header], index) => {
    const col: Column = { index, letter: columnLetter(index), header, scale: 1 };
    if (key.startsWith('period:')) col.period = Number(key.slice(7)) * 10;
    else {
      col.key = key;
      layout.byKey.set(key, col);
    }
    layout.columns[index] = col;
  });
  return layout;
}

/** An account as a test writes it: the model's fields, without what the reader derives (row, key). */
export type AccountInput = Omit<Account, 'row' | 'key' | 'numbers' | 'periods' | 'extra'> & {
  /** annual_revenue, contract_value, years, strategic, satisfaction. */
  numbers?: Account['numbers'];
  /** Revenue per period, oldest first (one per `period:` column). */
  periods?: Account['periods'];
};

/** The clean book's Accounts columns. */
export const ACCOUNT_COLUMNS: ColumnSpec[] = [
  ['id', 'ID'],
  ['name', 'Name'],
  ['owner', 'Owner'],
  ['annual_revenue', 'Annual Revenue'],
  ['period:2023', 'Revenue 2023'],
  ['period:2024', 'Revenue 2024'],
  ['last_contact', 'Last Contact'],
  ['tier', 'Tier'],
];

/** An Accounts table of the given accounts, in rows 2, 3, … */
export function accountsTable(rows: readonly AccountInput[], columns: readonly ColumnSpec[] = ACCOUNT_COLUMNS, sheet = 'Accounts'): AccountsTable {
  const layout = layoutOf('accounts', sheet, columns);
  const periods = layout.columns.filter((c) => c.period !== undefined);
  const accounts = rows.map((r, i): Account => {
    const a: Account = { row: i + 2, name: r.name, key: fold(r.id ?? r.name), numbers: { ...r.numbers }, periods: r.periods ?? periods.map(() => undefined), extra: {} };
    for (const k of ['id', 'owner', 'industry', 'region', 'tier', 'tierOverride', 'lastContact', 'since'] as const) if (r[k] !== undefined) a[k] = r[k];
    return a;
  });
  const named = new Map<string, Column>();
  for (const name of scoringColumns(config())) {
    const c = layout.byKey.get(name);
    if (c) named.set(name, c);
  }
  return { layout, accounts, periods, named, findings: [] };
}

export interface PersonInput {
  name: string;
  role?: string;
  department?: string;
  active?: boolean;
  capacity?: number;
  maxAccounts?: number;
  id?: string;
  manager?: string;
}

/** The clean book's Staff columns. */
export const STAFF_COLUMNS: ColumnSpec[] = [
  ['name', 'Name'],
  ['role', 'Role'],
  ['department', 'Department'],
  ['active', 'Active'],
];

/** A Staff table of the given people, in rows 2, 3, … */
export function staffTable(rows: readonly PersonInput[], columns: readonly ColumnSpec[] = STAFF_COLUMNS, sheet = 'Staff'): StaffTable {
  const layout = layoutOf('staff', sheet, columns);
  const people = rows.map((r, i): Person => {
    const p: Person = { row: i + 2, name: r.name, key: fold(r.name), active: r.active ?? true };
    for (const k of ['role', 'department', 'capacity', 'maxAccounts', 'id', 'manager'] as const) if (r[k] !== undefined) (p as unknown as Record<string, unknown>)[k] = r[k];
    return p;
  });
  return { layout, people, findings: [] };
}

/** How often a task recurs, as a frequency word, a one-off, or occurrences per week. */
export type FrequencyInput = keyof typeof PER_WEEK | 'once' | number;

export interface AssignmentInput {
  account: string;
  task: string;
  person?: string;
  department?: string;
  /** Letters, e.g. `R`, `A`, `R/A`; R when absent (as an empty cell). */
  raci?: string;
  due?: IsoDate;
  frequency?: FrequencyInput;
  hours?: number;
  status?: Status;
  locked?: boolean;
}

/** The clean book's Assignments columns. */
export const ASSIGNMENT_COLUMNS: ColumnSpec[] = [
  ['account', 'Account'],
  ['task', 'Task'],
  ['person', 'Person'],
  ['department', 'Department'],
  ['raci', 'RACI'],
  ['due', 'Due'],
  ['frequency', 'Frequency'],
  ['status', 'Status'],
];

function frequencyOf(f: FrequencyInput): Frequency {
  if (f === 'once') return { kind: 'once' };
  if (typeof f === 'number') return { kind: 'recurring', perWeek: f, word: 'custom' };
  return { kind: 'recurring', perWeek: PER_WEEK[f], word: f };
}

/** The bit set of RACI letters written like `R`, `RA` or `R/A`. */
export function raciMask(letters: string): number {
  let mask = 0;
  for (const l of letters.replace(/[^RACI]/g, '')) mask |= RACI[l as RaciLetter];
  return mask;
}

/** One assignment row as the reader makes it. */
export function assignment(r: AssignmentInput, row: number): Assignment {
  return {
    row,
    account: r.account,
    accountKey: fold(r.account),
    task: r.task,
    taskKey: fold(r.task),
    person: r.person,
    personKey: r.person === undefined ? undefined : fold(r.person),
    department: r.department,
    departmentKey: r.department === undefined ? undefined : fold(r.department),
    raci: r.raci === undefined ? RACI.R : raciMask(r.raci),
    due: r.due,
    frequency: r.frequency === undefined ? undefined : frequencyOf(r.frequency),
    hours: r.hours,
    status: r.status,
    locked: r.locked ?? false,
  };
}

/** An Assignments table of the given rows, in rows 2, 3, … */
export function assignmentsTable(rows: readonly AssignmentInput[], columns: readonly ColumnSpec[] = ASSIGNMENT_COLUMNS, sheet = 'Assignments'): AssignmentsTable {
  return { layout: layoutOf('assignments', sheet, columns), assignments: rows.map((r, i) => assignment(r, i + 2)), findings: [] };
}

/** The config in force for a `kam.config.json` of this content (defaults merged). */
export function config(raw: Record<string, unknown> = {}): ResolvedConfig {
  return resolveConfig({ raw }, { lang: 'en' });
}

export interface Tables {
  accounts?: AccountsTable;
  staff?: StaffTable;
  assignments?: AssignmentsTable;
}

/** The tiers scoring computes for the accounts (undefined when they have no scoring column). */
export function tiersOf(accounts: AccountsTable | undefined, cfg: ResolvedConfig, asOf: IsoDate = AS_OF): TierReport | undefined {
  if (!accounts || scoringColumns(cfg).every((c) => !accounts.layout.byKey.has(c))) return undefined;
  return scoreAccounts(accounts, cfg, asOf, 'book.xlsx');
}

/** The indexed book of the tables, with the tiers scoring computes. */
export function bookOf(tables: Tables, cfg: ResolvedConfig = config(), asOf: IsoDate = AS_OF): IndexedBook {
  const tiers = tiersOf(tables.accounts, cfg, asOf);
  return indexBook({ config: cfg, asOf, ...tables, ...(tiers ? { tiers: tiers.accounts } : {}) });
}

/** `kam check` of the tables (every rule, configured severities), as of 2025-11-15 unless told. */
export function check(tables: Tables, raw: Record<string, unknown> = {}, asOf: IsoDate = AS_OF): CheckReport {
  const cfg = config(raw);
  const tiers = tiersOf(tables.accounts, cfg, asOf);
  const missingSheets = (['accounts', 'assignments'] as const).filter((r) => !tables[r]);
  return checkTables({ file: 'book.xlsx', asOf, config: cfg, sheetOrder: ['Accounts', 'Staff', 'Assignments'], ...tables, ...(tiers ? { tiers } : {}), missingSheets: [...missingSheets] });
}

/** The exit code `kam check` gives for the report, with `--fail-on` and `--max-warnings` as told. */
export function exitCode(report: Pick<CheckReport, 'findings'>, failOn: Severity = 'error', maxWarnings?: number): number {
  return exitCodeFor(report.findings, failOn, maxWarnings);
}

/** `rule severity cell` of each finding, for compact assertions. */
export function brief(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.rule} ${f.severity} ${f.sheet ? `${f.sheet}!${f.column ?? ''}${f.row ?? ''}` : '-'}`);
}

/** The rows of a book before they are laid out as tables: tests edit them, then build. */
export interface BookInputs {
  accounts: AccountInput[];
  staff: PersonInput[];
  assignments: AssignmentInput[];
}

/** The tables of the rows, with the clean book's columns unless told. */
export function tablesOf(rows: BookInputs, columns: { accounts?: ColumnSpec[]; staff?: ColumnSpec[]; assignments?: ColumnSpec[] } = {}): Required<Tables> {
  return {
    accounts: accountsTable(rows.accounts, columns.accounts),
    staff: staffTable(rows.staff, columns.staff),
    assignments: assignmentsTable(rows.assignments, columns.assignments),
  };
}

/** The input of a sheet row (rows start at 2, under the header), for editing a copy in place. */
export function atRow<T>(rows: T[], row: number): T {
  const r = rows[row - 2];
  if (r === undefined) throw new Error(`no row ${row}`);
  return r;
}

/** Removes `count` rows from sheet row `row` on: the rows below move up, as in the sheet. */
export function dropRows<T>(rows: T[], row: number, count = 1): void {
  rows.splice(row - 2, count);
}

/**
 * `check` with load/idle off unless `raw` turns it on: the small books' people are all lightly
 * loaded, and would each be reported idle.
 */
export function checkQuiet(tables: Tables, raw: { rules?: Record<string, unknown> } & Record<string, unknown> = {}, asOf: IsoDate = AS_OF): CheckReport {
  return check(tables, { ...raw, rules: { 'load/idle': 'off', ...raw.rules } }, asOf);
}

/** The findings with their English messages, as `kam check --format json` words them. */
export function described(report: Pick<CheckReport, 'findings' | 'tiers'>): (Finding & { message: string })[] {
  return report.findings.map((f) => ({ ...f, message: findingMessage(f, 'en', report.tiers) }));
}

/** The clean book's rows (test/helpers/clean-book.ts): no findings as of 2025-11-15; tests edit copies. */
export function cleanInputs(): BookInputs {
  const sales = (name: string): PersonInput => ({ name, role: 'Account Manager', department: 'Sales' });
  const row = (account: string, task: string, person: string, department: string, raci: string, frequency: FrequencyInput, status: Status): AssignmentInput => ({ account, task, person, department, raci, frequency, status });
  return {
    accounts: [
      { id: 'A1', name: 'Apex', owner: 'Alice', numbers: { annual_revenue: 300 }, periods: [100, 110], lastContact: '2025-11-10', tier: 'Strategic' },
      { id: 'A2', name: 'Bolt', owner: 'Bob', numbers: { annual_revenue: 200 }, periods: [100, 100], lastContact: '2025-11-01', tier: 'Important' },
      { id: 'A3', name: 'Cove', owner: 'Carol', numbers: { annual_revenue: 100 }, periods: [50, 50], lastContact: '2025-10-01', tier: 'Ordinary' },
    ],
    staff: [
      sales('Alice'),
      sales('Bob'),
      sales('Carol'),
      { name: 'Dave', role: 'Support Specialist', department: 'Service' },
      { name: 'Erin', role: 'Service Lead', department: 'Service' },
      { name: 'Finn', role: 'Technical Support', department: 'Engineering' },
      { name: 'Gina', role: 'Sales Director', department: 'Sales' },
      sales('Hank'),
    ],
    assignments: [
      row('Apex', 'Follow-up', 'Alice', 'Sales', 'R', 'weekly', 'doing'), // 2
      row('Apex', 'Follow-up', 'Gina', 'Sales', 'A', 'weekly', 'doing'), // 3
      row('Apex', 'Complaints', 'Dave', 'Service', 'R', 'monthly', 'doing'), // 4
      row('Apex', 'Complaints', 'Erin', 'Service', 'A', 'monthly', 'doing'), // 5
      row('Apex', 'Technical Support', 'Finn', 'Engineering', 'R', 'monthly', 'doing'), // 6
      row('Apex', 'Technical Support', 'Alice', 'Sales', 'A', 'monthly', 'doing'), // 7
      row('Apex', 'Business Review', 'Alice', 'Sales', 'R', 'quarterly', 'todo'), // 8
      row('Apex', 'Business Review', 'Gina', 'Sales', 'A', 'quarterly', 'todo'), // 9
      row('Bolt', 'Follow-up', 'Bob', 'Sales', 'R', 'biweekly', 'doing'), // 10
      row('Bolt', 'Follow-up', 'Gina', 'Sales', 'A', 'biweekly', 'doing'), // 11
      row('Bolt', 'Complaints', 'Dave', 'Service', 'R', 'monthly', 'doing'), // 12
      row('Bolt', 'Complaints', 'Erin', 'Service', 'A', 'monthly', 'doing'), // 13
      row('Cove', 'Follow-up', 'Carol', 'Sales', 'R', 'monthly', 'doing'), // 14
      row('Cove', 'Follow-up', 'Gina', 'Sales', 'A', 'monthly', 'doing'), // 15
    ],
  };
}

/** The clean book of test/helpers/clean-book.ts as typed tables: no findings as of 2025-11-15. */
export function cleanTables(): Required<Tables> {
  return tablesOf(cleanInputs());
}
