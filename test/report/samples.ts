// Small results of every kind, built in code (test/helpers/rows.ts and the core functions), for
// the renderer tests; and what those tests share to read a rendering.
import type { ReportResult } from '../../src/rules/report.js';
import { stripVTControlCharacters } from 'node:util';
import type { IsoDate } from '../../src/util/date.js';
import { expect } from 'vitest';
import type { ConfigResult } from '../../src/config/resolve.js';
import type { Rendered } from '../../src/report/index.js';
import { gapsReport, type CheckReport, type GapsReport } from '../../src/rules/check.js';
import { scoreAccounts, type TierReport } from '../../src/scoring/score.js';
import { computeLoad } from '../../src/workload/load.js';
import { buildMatrix, type Matrix, type MatrixOptions } from '../../src/matrix/build.js';
import { loadReport, type LoadReport } from '../../src/workload/report.js';
import { diffSides, type DiffResult } from '../../src/diff/compare.js';
import { sideOf, type FullSide, type TextconvResult } from '../../src/diff/side.js';
import { accountsTable, AS_OF, assignmentsTable, bookOf, check, cleanTables, config, staffTable, type AssignmentInput, type ColumnSpec } from '../helpers/rows.js';

/** Accounts with two scoring criteria, two revenue periods, a recorded tier and an override. */
export const TIER_COLUMNS: ColumnSpec[] = [
  ['id', 'ID'],
  ['name', 'Name'],
  ['annual_revenue', 'Annual Revenue'],
  ['contract_value', 'Contract Value'],
  ['period:2023', 'Revenue 2023'],
  ['period:2024', 'Revenue 2024'],
  ['tier', 'Tier'],
  ['tier_override', 'Override'],
];

/**
 * Four accounts scored by the default weights (annual_revenue 0.35 and contract_value 0.20 kept,
 * so 7/11 and 4/11): Apex 81.8 (strategic, trend +10%), Bolt 78.8 (important, recorded "Gold" —
 * not a tier —, trend −20%), "Cove | Pipe" 21.2 (pinned strategic, no trend), "=Evil" 0 (normal,
 * contract value missing). Findings: Accounts!G3 schema/invalid-value, Accounts!D5 data/missing-value.
 */
export function tierSample(file = 'book.xlsx'): TierReport {
  const table = accountsTable(
    [
      { id: 'A1', name: 'Apex', numbers: { annual_revenue: 300, contract_value: 50 }, periods: [100, 110], tier: 'Strategic' },
      { id: 'A2', name: 'Bolt', numbers: { annual_revenue: 200, contract_value: 100 }, periods: [100, 80], tier: 'Gold' },
      { id: 'A3', name: 'Cove | Pipe', numbers: { annual_revenue: 100, contract_value: 0 }, tierOverride: 'Strategic' },
      { id: 'A4', name: '=Evil', numbers: { annual_revenue: 0 }, periods: [10, 10], tier: 'Ordinary' },
    ],
    TIER_COLUMNS,
  );
  return scoreAccounts(table, config(), AS_OF, file);
}

/** The clean book's Staff, with Finn's capacity 0.1 h a week (he is over capacity). */
function sampleStaff() {
  const sales = (name: string) => ({ name, role: 'Account Manager', department: 'Sales' });
  return staffTable([
    sales('Alice'),
    sales('Bob'),
    sales('Carol'),
    { name: 'Dave', role: 'Support Specialist', department: 'Service' },
    { name: 'Erin', role: 'Service Lead', department: 'Service' },
    { name: 'Finn', role: 'Technical Support', department: 'Engineering', capacity: 0.1 },
    { name: 'Gina', role: 'Sales Director', department: 'Sales' },
    sales('Hank'),
  ]);
}

/**
 * The clean book with planted problems (load/idle off):
 * - Accounts!H3 account/tier-mismatch (info): Bolt recorded Ordinary, scored Important;
 * - Staff!A7 load/over-capacity (warn): Finn;
 * - Assignments!C14 ref/unknown-person (error): "Zed | 50%" on Cove · Follow-up;
 * - Assignments!E14 and E15 raci/no-accountable (error): Cove · Follow-up, Cove · Audit, Q4;
 * - Assignments!F15 time/overdue (warn): Cove · Audit, Q4, due 2025-10-01.
 */
export function checkSample(): CheckReport {
  const accounts = accountsTable([
    { id: 'A1', name: 'Apex', owner: 'Alice', numbers: { annual_revenue: 300 }, periods: [100, 110], lastContact: '2025-11-10', tier: 'Strategic' },
    { id: 'A2', name: 'Bolt', owner: 'Bob', numbers: { annual_revenue: 200 }, periods: [100, 100], lastContact: '2025-11-01', tier: 'Ordinary' },
    { id: 'A3', name: 'Cove', owner: 'Carol', numbers: { annual_revenue: 100 }, periods: [50, 50], lastContact: '2025-10-01', tier: 'Ordinary' },
  ]);
  const row = (account: string, task: string, person: string, department: string, raci: string): AssignmentInput => ({ account, task, person, department, raci, frequency: 'monthly', status: 'doing' });
  const rows: AssignmentInput[] = [
    row('Apex', 'Follow-up', 'Alice', 'Sales', 'R'), // 2
    row('Apex', 'Follow-up', 'Gina', 'Sales', 'A'), // 3
    row('Apex', 'Complaints', 'Dave', 'Service', 'R'), // 4
    row('Apex', 'Complaints', 'Erin', 'Service', 'A'), // 5
    row('Apex', 'Technical Support', 'Finn', 'Engineering', 'R'), // 6
    row('Apex', 'Technical Support', 'Alice', 'Sales', 'A'), // 7
    row('Apex', 'Business Review', 'Alice', 'Sales', 'R'), // 8
    row('Apex', 'Business Review', 'Gina', 'Sales', 'A'), // 9
    row('Bolt', 'Follow-up', 'Bob', 'Sales', 'R'), // 10
    row('Bolt', 'Follow-up', 'Gina', 'Sales', 'A'), // 11
    row('Bolt', 'Complaints', 'Dave', 'Service', 'R'), // 12
    row('Bolt', 'Complaints', 'Erin', 'Service', 'A'), // 13
    row('Cove', 'Follow-up', 'Zed | 50%', 'Sales', 'R'), // 14
    { account: 'Cove', task: 'Audit, Q4', person: 'Carol', department: 'Sales', raci: 'R', frequency: 'once', due: '2025-10-01', status: 'todo' }, // 15
  ];
  return check({ accounts, staff: sampleStaff(), assignments: assignmentsTable(rows) }, { rules: { 'load/idle': 'off' } });
}

/** The gap report of checkSample: Cove (4 findings), then Other (Finn over capacity). */
export function gapsSample(): GapsReport {
  return gapsReport(checkSample());
}

/** A book with no assignments sheet: one finding without sheet, row or cell. */
export function missingSheetSample(): CheckReport {
  const { accounts, staff } = cleanTables();
  return check({ accounts, staff });
}

/** The clean book, with load/idle off: no findings at all. */
export function cleanSample(): CheckReport {
  return check(cleanTables(), { rules: { 'load/idle': 'off' } });
}

/**
 * Hours a week: Alice 12 of 10 (over; R on Apex 8 h and Bolt 4 h), Bob 8.6 of 10 (high; A on Apex
 * 8 h → 1.6, R on Bolt 7 h), "=Carol" 0 of 20 (idle; department `East | "HQ", Sales`), Erin (no
 * role, capacity 0, idle), Dave inactive (2 h monthly: 24/52), Zed not in the staff sheet (1 h).
 * `--suggest` moves Bolt · Follow-up (4 h) from Alice to =Carol.
 */
export function loadSample(options: { suggest?: boolean } = { suggest: true }): LoadReport {
  const accounts = accountsTable([
    { id: 'A1', name: 'Apex', owner: 'Alice', numbers: { annual_revenue: 300 } },
    { id: 'A2', name: 'Bolt', owner: 'Alice', numbers: { annual_revenue: 100 } },
  ]);
  const staff = staffTable([
    { name: 'Alice', role: 'Account Manager', department: 'Sales', capacity: 10 },
    { name: 'Bob', role: 'Account Manager', department: 'Sales', capacity: 10 },
    { name: '=Carol', role: 'Account Manager', department: 'East | "HQ", Sales', capacity: 20 },
    { name: 'Dave', role: 'Support', department: 'Service', active: false },
    { name: 'Erin', capacity: 0 },
  ]);
  const assignments = assignmentsTable([
    { account: 'Apex', task: 'Follow-up', person: 'Alice', raci: 'R', frequency: 'weekly', hours: 8 },
    { account: 'Bolt', task: 'Follow-up', person: 'Alice', raci: 'R', frequency: 'weekly', hours: 4 },
    { account: 'Apex', task: 'Follow-up', person: 'Bob', raci: 'A', frequency: 'weekly', hours: 8 },
    { account: 'Bolt', task: 'Complaints', person: 'Bob', raci: 'R', frequency: 'weekly', hours: 7 },
    { account: 'Bolt', task: 'Review', person: 'Dave', raci: 'R', frequency: 'monthly', hours: 2 },
    { account: 'Bolt', task: 'Review', person: 'Zed', raci: 'R', frequency: 'weekly', hours: 1 },
  ]);
  const book = bookOf({ accounts, staff, assignments });
  const findings = check({ accounts, staff, assignments }).findings;
  return loadReport(book, computeLoad(book), 'book.xlsx', options, findings);
}

/**
 * `kam matrix` of a small book: Apex (strategic) with Follow-up (Alice R, Bob A) and Support held by
 * the Service department (R) with Alice A/R-less C; Bolt with Follow-up where nobody is A (Alice R,
 * =Carol R) — raci/no-accountable — and Complaints where Bob holds A/R.
 */
export function matrixSample(options: MatrixOptions = {}): Matrix {
  const accounts = accountsTable([
    { id: 'A1', name: 'Apex', owner: 'Alice', numbers: { annual_revenue: 300 }, tier: 'strategic' },
    { id: 'A2', name: 'Bolt', owner: 'Bob', numbers: { annual_revenue: 100 }, tier: 'normal' },
  ]);
  const staff = staffTable([
    { name: 'Alice', role: 'Account Manager', department: 'Sales', capacity: 10 },
    { name: 'Bob', role: 'Director', department: 'Sales', capacity: 20 },
    { name: '=Carol', role: 'Account Manager', department: 'Service', capacity: 20 },
  ]);
  const assignments = assignmentsTable([
    { account: 'Apex', task: 'Follow-up', person: 'Alice', raci: 'R', frequency: 'weekly', hours: 4 },
    { account: 'Apex', task: 'Follow-up', person: 'Bob', raci: 'A', frequency: 'weekly', hours: 4 },
    { account: 'Apex', task: 'Support', department: 'Service', raci: 'R', frequency: 'monthly', hours: 6 },
    { account: 'Apex', task: 'Support', person: 'Alice', raci: 'C', frequency: 'monthly', hours: 6 },
    { account: 'Bolt', task: 'Follow-up', person: 'Alice', raci: 'R', frequency: 'weekly', hours: 2 },
    { account: 'Bolt', task: 'Follow-up', person: '=Carol', raci: 'R', frequency: 'weekly', hours: 2 },
    { account: 'Bolt', task: 'Complaints', person: 'Bob', raci: 'R/A', frequency: 'monthly', hours: 3 },
  ]);
  const book = bookOf({ accounts, staff, assignments });
  const findings = check({ accounts, staff, assignments }).findings;
  return buildMatrix(book, computeLoad(book), findings, 'book.xlsx', options);
}

/** `kam report`: the samples of tier, gaps and load, and the matrix sample's tasks × roles. */
export function reportSample(top = 20): ReportResult {
  const tier = tierSample();
  const check = checkSample();
  return { kind: 'report', file: 'book.xlsx', asOf: '2025-11-15' as IsoDate, tiers: tier.tiers, tier, gaps: gapsReport(check), load: loadSample(), heat: matrixSample({ view: 'task', columns: 'role' }), top, cutoffs: [0.8, 0.95], findings: check.findings };
}

/** `kam config`: the defaults in force. */
export function configSample(): ConfigResult {
  return { kind: 'config', value: config() };
}

/** A rendering without its ANSI colour codes. */
export const plain = (s: string): string => stripVTControlCharacters(s);

/** The pieces of a rendering (a string is one piece). */
export function pieces(out: Rendered): string[] {
  return typeof out === 'string' ? [out] : [...out];
}

/**
 * The parsed value of a JSON rendering, after checking that its pieces join to exactly what
 * JSON.stringify(…, null, 2) gives for that value, with a final newline.
 */
export function parseJson(out: Rendered): unknown {
  const text = pieces(out).join('');
  const value: unknown = JSON.parse(text);
  expect(text).toBe(`${JSON.stringify(value, null, 2)}\n`);
  return value;
}

/** The lines of a text, without the empty line after the final newline. */
export function lines(text: string): string[] {
  const out = text.split(/\r?\n/);
  expect(out.pop()).toBe('');
  return out;
}

/** The cells of a markdown table line (an escaped `\|` is not a separator). */
export function mdCells(line: string): string[] {
  expect(line.startsWith('| ') && line.endsWith(' |')).toBe(true);
  return line
    .slice(2, -2)
    .split(' | ')
    .map((c) => c.trim());
}

/** One version of a small book as kam diff reads it. */
function sampleSide(file: string, rows: AssignmentInput[], owner: string): FullSide {
  const tables = {
    accounts: accountsTable([
      { id: 'A1', name: 'Apex', owner, numbers: { annual_revenue: 300 }, tier: 'Strategic' },
      { id: 'A2', name: 'Bolt', owner: 'Bob', numbers: { annual_revenue: 200 }, tier: 'Ordinary' },
    ]),
    staff: sampleStaff(),
    assignments: assignmentsTable(rows),
  };
  const book = bookOf(tables);
  return sideOf({ file, book, findings: check(tables).findings, load: computeLoad(book, { items: false }) });
}

const diffRows = (holder: string, letter: string): AssignmentInput[] => [
  { account: 'Apex', task: 'Follow-up', person: holder, department: 'Sales', raci: 'R', frequency: 'monthly', status: 'doing' },
  { account: 'Apex', task: 'Follow-up', person: 'Gina', department: 'Sales', raci: letter, frequency: 'monthly', status: 'doing' },
  { account: 'Bolt', task: 'Follow-up', person: 'Bob', department: 'Sales', raci: 'R', frequency: 'weekly', status: 'doing', hours: 2 },
];

/** kam diff of two small versions: a handover, a lost A, an owner change, findings introduced. */
export function diffSample(): DiffResult {
  const old = sampleSide('old.xlsx', diffRows('Alice', 'A'), 'Alice');
  const now = sampleSide('new.xlsx', diffRows('Bob', 'C'), 'Bob');
  return diffSides(old, now, { asOf: AS_OF, tiers: config().tiers, revenueThreshold: 0.1 });
}

/** kam textconv of a small book. */
export function textconvSample(): TextconvResult {
  return { kind: 'textconv', side: sampleSide('book.xlsx', diffRows('Alice', 'A'), 'Alice'), tiers: config().tiers };
}

