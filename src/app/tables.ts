/** Reading every sheet of a book the responsibility commands (check, gaps, load, report) need. */
import { indexBook, type IndexedBook } from '../book/book.js';
import { readAccounts } from '../io/sheets/accounts.js';
import { readAssignments } from '../io/sheets/assignments.js';
import { readStaff } from '../io/sheets/staff.js';
import type { SheetSource } from '../io/source.js';
import type { Params } from '../model/errors.js';
import { readBeside } from './beside.js';
import type { Account, AccountsTable } from '../model/account.js';
import { accountKey, fold } from '../util/text.js';
import { AssignmentRow, type AssignmentsTable } from '../model/assignment.js';
import { missingKeyColumn, type SheetRole } from '../model/columns.js';
import { InputError } from '../model/errors.js';
import { RULES } from '../model/rules.js';
import type { StaffTable } from '../model/person.js';
import type { Layout } from '../model/table.js';
import type { Finding } from '../model/finding.js';
import { scoreAccounts, scoringColumns, type TierReport } from '../scoring/score.js';
import type { Beside, Session } from './session.js';
import { collectAfterPhase } from './gc.js';
import { DEFAULT_ABC, DEFAULT_CRITERIA } from '../config/defaults.js';
import type { ResolvedConfig } from '../config/resolve.js';

export interface BookTables {
  accounts?: AccountsTable;
  staff?: StaffTable;
  assignments?: AssignmentsTable;
  /** Tiers computed from the scores; absent when the book has no scoring column. */
  tiers?: TierReport;
  missingSheets: SheetRole[];
  /**
   * Rows of the division of labour whose person or department cell lies in a merged range of
   * several cells (writing it would change every row of the range), or is a formula's result
   * (which --apply does not overwrite): no move takes them.
   */
  mergedHolders?: (row: number) => boolean;
}

/** The accounts an Assignments sheet names with id, name and tier, as an Accounts table at its cells. */
function accountsFrom(t: AssignmentsTable): AccountsTable {
  const accounts = t.accounts!.map((a): Account => ({ row: a.row, ...(a.id !== undefined ? { id: a.id } : {}), name: a.name, key: accountKey(a.id ?? a.name), ...(a.tier !== undefined ? { tier: a.tier } : {}), numbers: {}, periods: [], extra: {} }));
  // The sheet's columns under the names an Accounts sheet gives them: its id and name are the accounts' (found by a
  // new user: without a "name" column the accounts were dropped from the check, which named them by id, and gaps refused the book).
  const byKey = new Map(t.layout.byKey);
  const id = t.layout.byKey.get('account_id');
  const name = t.layout.byKey.get('account');
  if (id) byKey.set('id', id);
  if (name) byKey.set('name', name);
  return { layout: { ...t.layout, byKey }, accounts, periods: [], named: new Map(), findings: [], fromRows: true };
}

/**
 * A matrix and the long sheet beside it, read together (see beside.ts) and said in a note; when they
 * are not about the same work, the sheet found for the role is read alone (and becomes the
 * Assignments sheet, for `--apply`), said with --verbose.
 */
async function readBesideOrOne(session: Session, beside: Beside, accounts: AccountsTable | undefined, staff: StaffTable | undefined): Promise<AssignmentsTable> {
  // Each sheet's reading notes wait: a sheet that is not read in the end says nothing but why.
  const quiet = (sheet: SheetSource) => {
    const notes: [string, Params, boolean][] = [];
    return { options: { ...session.tableOptions(sheet), note: (code: string, params: Params, verbose: boolean) => void notes.push([code, params, verbose]) }, say: () => notes.forEach(([c, p, v]) => session.note(c, p, v)) };
  };
  const m = quiet(beside.matrix);
  const l = quiet(beside.long);
  const matrix = await readAssignments(beside.matrix, m.options);
  const long = await readAssignments(beside.long, l.options);
  const read = readBeside(matrix, long, accounts, staff);
  if ('table' in read) {
    m.say();
    l.say();
    session.sheets.assignments = beside.matrix;
    session.note('note.matrixBeside', { matrix: matrix.layout.sheet, long: long.layout.sheet, ...read.counts });
    return read.table;
  }
  // (A matrix by department over a long sheet of people is a summary of it: the long sheet is read, said by default.)
  const primary = read.not === 'departmentsOnly' ? beside.long : beside.primary;
  session.sheets.assignments = primary;
  (primary === beside.matrix ? m : l).say();
  session.note(`note.notBeside.${read.not}`, { matrix: matrix.layout.sheet, long: long.layout.sheet, read: primary.name }, read.not !== 'departmentsOnly');
  return primary === beside.matrix ? matrix : long;
}

/** Reads Accounts, Staff and Assignments (whichever the book has) and computes the tiers. */
export async function readBookTables(session: Session): Promise<BookTables> {
  const { config, sheets } = session;
  const out: BookTables = { missingSheets: [] };
  if (sheets.accounts) out.accounts = await readAccounts(sheets.accounts, { ...session.tableOptions(sheets.accounts), numberColumns: scoringColumns(config) });
  else out.missingSheets.push('accounts');
  if (sheets.staff) out.staff = await readStaff(sheets.staff, session.tableOptions(sheets.staff));
  // (With no division of labour either, there are no people to take: check reports the missing sheets.)
  else if (sheets.assignments) session.note('warn.staffMissing');
  const beside = await session.beside();
  await session.sayUnreadSheets();
  if (beside) out.assignments = await readBesideOrOne(session, beside, out.accounts, out.staff);
  else if (sheets.assignments) out.assignments = await readAssignments(sheets.assignments, session.tableOptions(sheets.assignments));
  if (!sheets.assignments) out.missingSheets.push('assignments');
  if (out.accounts && missingKeyColumn('accounts', out.accounts.layout.byKey) === undefined) noteNoRows(session, out.accounts.layout, out.accounts.accounts.length, out.accounts.findings);
  if (out.assignments && missingKeyColumn('assignments', out.assignments.layout.byKey) === undefined) noteNoRows(session, out.assignments.layout, out.assignments.assignments.length, out.assignments.findings);
  // A division of labour that names nobody — no person, no department column, no matrix — reads as work nobody
  // holds: said, with the headers not read (found by a new user: a Salesforce team's `Team Member` gave 32 errors and no word).
  const layout = out.assignments?.layout;
  if (layout && !layout.holders && !layout.letterColumns && !layout.byKey.has('person') && !layout.byKey.has('department') && missingKeyColumn('assignments', layout.byKey) === undefined) {
    const read = new Set([...layout.byKey.values()].map((c) => c.index));
    const others = layout.columns.flatMap((c) => (c && !read.has(c.index) ? [c.header] : []));
    session.note('note.noPersonColumn', { sheet: layout.sheet, headers: others.length > 0 ? others.join(' | ') : '—' });
  }
  if (out.accounts && out.assignments) byNameWithoutIds(out.accounts, out.assignments);
  if (out.assignments && sheets.assignments?.mergedRanges && !out.assignments.layout.holders && session.sheets.assignments === sheets.assignments) {
    const cols = (['person', 'department'] as const).flatMap((k) => {
      const c = out.assignments!.layout.byKey.get(k);
      return c ? [c.index] : [];
    });
    const ranges = (await sheets.assignments.mergedRanges()).filter((m) => (m.r2 > m.r1 || m.c2 > m.c1) && cols.some((c) => c >= m.c1 && c <= m.c2));
    if (ranges.length > 0) out.mergedHolders = (row) => ranges.some((m) => row >= m.r1 && row <= m.r2);
  }
  // And the rows whose person or department is a formula's result (`=人员!A2`): --apply refuses them too (found by a new user).
  const formulas = session.sheets.assignments === sheets.assignments ? out.assignments?.formulaHolders : undefined;
  if (formulas) {
    const merged = out.mergedHolders;
    out.mergedHolders = (row) => formulas.has(row) || (merged?.(row) ?? false);
  }
  // No Accounts sheet, but an Assignments sheet (a `kam matrix` workbook) naming accounts by id, name and tier.
  if (!out.accounts && out.assignments?.accounts) {
    out.accounts = accountsFrom(out.assignments);
    out.missingSheets = out.missingSheets.filter((r) => r !== 'accounts');
    session.note('note.accountsFromAssignments', { sheet: out.assignments.layout.sheet, n: out.accounts.accounts.length });
  }
  if (out.accounts && missingKeyColumn('accounts', out.accounts.layout.byKey) === undefined) {
    try {
      out.tiers = scoreAccounts(out.accounts, config, session.asOf, session.path, 'drop');
      for (const w of out.tiers.warnings) session.note(w.code, w.params, w.code !== 'warn.unreadableCriterion' && w.code !== 'warn.ambiguousCriterion');
    } catch (err) {
      // A book without any scoring column can still be checked: tiers then come from the sheet.
      // So can one whose scoring columns hold no readable value (`kam check` lists each cell).
      // (Or one whose scoring column shares its header with another: schema/ambiguous-column says so at the header.)
      if (!(err instanceof InputError && (err.code === 'input.missingColumn' || err.code === 'input.unreadableColumn' || err.code === 'input.unreadableValues' || err.code === 'input.emptyColumns' || err.code === 'input.ambiguousCriterion'))) throw err;
      // Criteria of the user's own config none of which the sheet has, and no tier written either: a mistake
      // of the config, as kam tier says (found by a new user: `ARR` for `Annual Revenue` left kam check at
      // exit 0 with one warning). With recorded tiers the checks run on them, as before (found by review).
      const recorded = out.accounts.accounts.some((a) => a.tier !== undefined || a.tierOverride !== undefined);
      if (err.code === 'input.missingColumn' && ownCriteria(config) && !recorded) throw err;
      if (err.code === 'input.missingColumn' || err.code === 'input.emptyColumns') noTiers(out.accounts, String(err.params.column ?? err.params.columns ?? ''));
    }
  }
  // What reading left behind (the sheets' text, the rows as read) goes before the book is indexed.
  collectAfterPhase(rowsOf(out));
  return out;
}

/**
 * A division of labour that names each account by an id and a name, beside an Accounts sheet with no
 * id column: its accounts are found by the name the sheet gives each id (found by a new user: a
 * Dynamics export's `Account ID | Account Name` rows were each `ref/unknown-account`, the name on the
 * same row matching). Ids the Accounts sheet would know are left as they are.
 */
function byNameWithoutIds(accounts: AccountsTable, table: AssignmentsTable): void {
  if (accounts.layout.byKey.has('id') || !table.layout.byKey.has('account_id') || !table.layout.byKey.has('account') || !table.accounts) return;
  const keys = new Set(accounts.accounts.map((a) => a.key));
  const nameOfId = new Map<string, string>();
  // (An id written with two names is no name's: its rows stay as they are, each ref/unknown-account.)
  for (const a of table.accounts) if (a.id !== undefined && !nameOfId.has(accountKey(a.id)) && !table.idsWithTwoNames?.has(accountKey(a.id))) nameOfId.set(accountKey(a.id), a.name);
  const texts = new Map<string, { value: string; key: string }>();
  const rows = table.assignments;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (!(r instanceof AssignmentRow) || keys.has(r.accountKey)) continue;
    const name = nameOfId.get(r.accountKey);
    if (name === undefined || !keys.has(fold(name))) continue;
    let text = texts.get(name);
    if (!text) texts.set(name, (text = { value: name, key: fold(name) }));
    rows[i] = r.withAccount(text);
  }
}

/** Whether the scoring columns are the config's own (a file, the Rules sheet, a flag), not the defaults. */
function ownCriteria(config: ResolvedConfig): boolean {
  if (config.scoring.method === 'abc') return config.scoring.abc.column !== DEFAULT_ABC.column;
  const columns = (list: readonly { column: string }[]): string => list.map((c) => c.column).sort().join('\n');
  return columns(config.scoring.criteria) !== columns(DEFAULT_CRITERIA);
}

/**
 * Accounts that cannot be scored (no scoring column, or only empty ones) and have no tier of their
 * own: every rule by tier is silent, so the check says why, at the header (found by a new user: a
 * CRM's `ARR` header, or a typo in scoring.criteria, left a strategic account's missing work
 * unreported, exit 0). Unreadable scoring cells are findings of their own already.
 */
function noTiers(accounts: AccountsTable, columns: string): void {
  if (accounts.accounts.length === 0 || accounts.accounts.some((a) => a.tier !== undefined || a.tierOverride !== undefined)) return;
  const { layout } = accounts;
  accounts.findings.push({ rule: 'schema/no-tiers', severity: RULES['schema/no-tiers'], args: { column: columns, role: 'accounts' }, sheet: layout.sheet, ...(layout.headerRow ? { row: layout.headerRow } : {}) });
}

/** The rows of the tables read: how large the book is. */
export function rowsOf(tables: BookTables): number {
  return (tables.accounts?.accounts.length ?? 0) + (tables.staff?.people.length ?? 0) + (tables.assignments?.assignments.length ?? 0);
}

/** The book indexed from tables already read: what the rules, the load and the matrix all look things up in. */
export function indexTables(session: Session, tables: BookTables): IndexedBook {
  const { accounts, staff, assignments, tiers } = tables;
  const book = indexBook({ config: session.config, asOf: session.asOf, ...(assignments ? { assignments } : {}), ...(staff ? { staff } : {}), ...(accounts ? { accounts } : {}), ...(tiers ? { tiers: tiers.accounts } : {}) });
  // And what indexing left behind, before the rules and the load run.
  collectAfterPhase(rowsOf(tables));
  return book;
}

/**
 * A division of labour without an hours column counts load.effort's hours (1 h an occurrence by
 * default): said, as a header kam does not know makes every load a guess (found by a new user: a
 * renamed `Effort (hrs)` column took utilisation from 93% to 34% without a word). Not for a matrix,
 * whose note says already where its hours come from.
 */
export function noteNoHours(session: Session, assignments: AssignmentsTable | undefined, staff?: StaffTable): void {
  if (assignments && !assignments.layout.holders && !assignments.layout.letterColumns && !assignments.layout.byKey.has('hours')) session.note('note.unchecked.hours', { sheet: assignments.layout.sheet });
  // A Staff sheet whose capacity column kam did not recognise (`Weekly Capacity` of a CRM, found by a new user: 2 h a week read as 40).
  if (staff && staff.people.length > 0 && !staff.layout.byKey.has('capacity_hours')) session.note('note.unchecked.capacity', { sheet: staff.layout.sheet, hours: session.config.load.defaultCapacity });
}

/**
 * A sheet with its header and no row under it that kam read (every row deleted, a template left empty): said,
 * since nothing in it is checked (found by a CI user: a book emptied of its rows passed kam check, "no problems").
 */
export function noteNoRows(session: Session, layout: Layout, rows: number, findings: readonly Finding[]): void {
  if (rows === 0 && !findings.some((f) => f.row !== undefined && f.row > layout.headerRow)) session.note('warn.noRows', { sheet: layout.sheet });
}
