/** Reading every sheet of a book the responsibility commands (check, gaps, load, report) need. */
import { readAccounts } from '../io/sheets/accounts.js';
import { readAssignments } from '../io/sheets/assignments.js';
import { readStaff } from '../io/sheets/staff.js';
import type { SheetSource } from '../io/source.js';
import { readBeside } from './beside.js';
import type { Account, AccountsTable } from '../model/account.js';
import { fold } from '../util/text.js';
import type { AssignmentsTable } from '../model/assignment.js';
import { missingKeyColumn, type SheetRole } from '../model/columns.js';
import { InputError } from '../model/errors.js';
import type { StaffTable } from '../model/person.js';
import { scoreAccounts, scoringColumns, type TierReport } from '../scoring/score.js';
import type { Session } from './session.js';

export interface BookTables {
  accounts?: AccountsTable;
  staff?: StaffTable;
  assignments?: AssignmentsTable;
  /** Tiers computed from the scores; absent when the book has no scoring column. */
  tiers?: TierReport;
  missingSheets: SheetRole[];
}

/** The accounts an Assignments sheet names with id, name and tier, as an Accounts table at its cells. */
function accountsFrom(t: AssignmentsTable): AccountsTable {
  const accounts = t.accounts!.map((a): Account => ({ row: a.row, id: a.id, name: a.name, key: fold(a.id), ...(a.tier !== undefined ? { tier: a.tier } : {}), numbers: {}, periods: [], extra: {} }));
  return { layout: t.layout, accounts, periods: [], named: new Map(), findings: [] };
}

/**
 * The matrix taken as Assignments with the long sheet beside it: read together (see beside.ts), said
 * in a note. A sheet that looked like a matrix but holds no letters yields to the long sheet.
 */
async function besideMatrix(session: Session, matrix: AssignmentsTable, sheet: SheetSource, accounts: AccountsTable | undefined): Promise<AssignmentsTable> {
  const long = await readAssignments(sheet, session.tableOptions(sheet));
  if (!matrix.layout.holders) {
    session.note('note.notMatrix', { sheet: matrix.layout.sheet, long: long.layout.sheet }, true);
    return long;
  }
  const { table, counts } = readBeside(matrix, long, accounts);
  session.note('note.matrixBeside', { matrix: matrix.layout.sheet, long: long.layout.sheet, ...counts });
  return table;
}

/** Reads Accounts, Staff and Assignments (whichever the book has) and computes the tiers. */
export async function readBookTables(session: Session): Promise<BookTables> {
  const { config, sheets } = session;
  const out: BookTables = { missingSheets: [] };
  if (sheets.accounts) out.accounts = await readAccounts(sheets.accounts, { ...session.tableOptions(sheets.accounts), numberColumns: scoringColumns(config) });
  else out.missingSheets.push('accounts');
  if (sheets.staff) out.staff = await readStaff(sheets.staff, session.tableOptions(sheets.staff));
  else session.note('warn.staffMissing');
  if (sheets.assignments) out.assignments = await readAssignments(sheets.assignments, session.tableOptions(sheets.assignments));
  if (out.assignments && session.longBeside) out.assignments = await besideMatrix(session, out.assignments, session.longBeside, out.accounts);
  if (!sheets.assignments) out.missingSheets.push('assignments');
  // No Accounts sheet, but an Assignments sheet (a `kam matrix` workbook) naming accounts by id, name and tier.
  if (!out.accounts && out.assignments?.accounts) {
    out.accounts = accountsFrom(out.assignments);
    out.missingSheets = out.missingSheets.filter((r) => r !== 'accounts');
    session.note('note.accountsFromAssignments', { sheet: out.assignments.layout.sheet, n: out.accounts.accounts.length });
  }
  if (out.accounts && missingKeyColumn('accounts', out.accounts.layout.byKey) === undefined) {
    try {
      out.tiers = scoreAccounts(out.accounts, config, session.asOf, session.path);
      for (const w of out.tiers.warnings) session.note(w.code, w.params, true);
    } catch (err) {
      // A book without any scoring column can still be checked: tiers then come from the sheet.
      // So can one whose scoring columns hold no readable value (`kam check` lists each cell).
      if (!(err instanceof InputError && (err.code === 'input.missingColumn' || err.code === 'input.unreadableColumn'))) throw err;
    }
  }
  return out;
}
