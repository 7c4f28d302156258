/**
 * `kam diff <old> <new>` (issue 13) and `kam textconv <book>`: each version read as `kam check`
 * reads it — the same tables, the same index, the same rules and load — with one config, the new
 * version's. The old version is read first and reduced to what the comparison needs, so that its
 * tables can go before the new one is read (the peak is one book, not two).
 */
import { diffSides, type DiffResult } from '../diff/compare.js';
import { packSide, sideOf, type FullSide, type Side } from '../diff/side.js';
import { applyRuleLevels } from '../model/rules.js';
import { missingKeyColumn } from '../model/columns.js';
import { computeLoad } from '../workload/load.js';
import { checkFromTables, linesOf, sheetFilesOf } from './check.js';
import { collectAfterPhase, DIFF_GC_MIN_ROWS } from './gc.js';
import { requireKeyColumns, requireSheet, type Session } from './session.js';
import { indexTables, readBookTables } from './tables.js';

export interface DiffOptions {
  /** A revenue change is reported above this fraction of the old revenue (default 0.1). */
  revenueThreshold?: number;
}

/** One version of the book read, checked and reduced to what a comparison needs. */
export async function readSide(session: Session): Promise<FullSide> {
  // A book of accounts alone (a single CSV) is compared too: its accounts and tiers.
  if (!session.sheets.accounts) requireSheet(session, 'assignments');
  const tables = await readBookTables(session);
  // A division of labour without its key columns (a header renamed in a pull request) is a part this version
  // cannot give: not compared, its schema/missing-column introduced, exit 1 — as kam check says it (found by a
  // new user: exit 2, and `git diff` through textconv aborted). A file with neither a division of labour nor an
  // Accounts sheet kam can read (a text file named .csv) is no version of a book: exit 2, rather than "every
  // account removed".
  const readable = (role: 'accounts' | 'assignments'): boolean => tables[role] !== undefined && missingKeyColumn(role, tables[role].layout.byKey) === undefined;
  const unreadable = tables.assignments !== undefined && !readable('assignments');
  if (tables.assignments && !(unreadable && readable('accounts'))) requireKeyColumns(session, 'assignments', tables.assignments.layout);
  else if (tables.accounts) requireKeyColumns(session, 'accounts', tables.accounts.layout);
  const book = indexTables(session, tables);
  // The load computed once: for the check's load rules and for the utilisation before → after.
  const load = computeLoad(book, { items: false });
  const check = checkFromTables(session, tables, book, undefined, load);
  const sheetFiles = sheetFilesOf(session);
  const lineOf = linesOf(session);
  const oneTable = session.book.kind === 'csv' && !sheetFiles;
  const side = sideOf({ file: session.path, ...(sheetFiles ? { sheetFiles } : {}), ...(lineOf ? { lineOf } : {}), book, findings: check.findings, load, ...(oneTable ? { oneTable } : {}) });
  if (unreadable) side.has.assignments = false;
  return side;
}

/**
 * One version read and its activities packed: ~125 MB less of a 100,000-account book kept while
 * the other version is read and while the two are compared. Its own function, so that no register
 * of the caller's frame still holds the whole side when the collector runs.
 */
async function readPacked(session: Session): Promise<{ side: Side; rows: number }> {
  const full = await readSide(session);
  const rows = full.accounts.length + full.people.length + full.rows.length;
  // The check's garbage first, on a large book: packing then reuses its room (the peak of kam diff
  // on the 100k book was here: 605–625 → 560–580 MiB).
  collectAfterPhase(rows);
  return { side: packSide(full), rows };
}

/**
 * The changes from the old version to the new. `openOld` opens the old version with the new one's
 * config (called after the new session is open, so both are scored alike).
 */
export async function diffBooks(now: Session, openOld: () => Promise<Session>, options: DiffOptions = {}): Promise<DiffResult> {
  const { side: old, rows: oldRows } = await readPacked(await openOld());
  // Annotations are on the new version: the old one's lines are not kept.
  delete old.lineOf;
  // The old version's tables are garbage now: collected before the new version is read (any book but a small one's).
  collectAfterPhase(oldRows, DIFF_GC_MIN_ROWS);
  const { side, rows } = await readPacked(now);
  // And the new version's garbage before the comparison: the peak stays that of reading (1.7 × kam check's, against 1.85 × without).
  collectAfterPhase(Math.max(rows, oldRows), DIFF_GC_MIN_ROWS);
  const result = diffSides(old, side, { asOf: now.asOf, tiers: now.config.tiers, revenueThreshold: options.revenueThreshold ?? 0.1 });
  result.duplicates = applyRuleLevels(result.duplicates, now.config.rules);
  // (The missing Staff sheet the comparison names is at the rule's own level until here.)
  result.introduced = applyRuleLevels(result.introduced, now.config.rules);
  result.summary.introduced = result.introduced.length;
  // Which parts could not be compared, said once.
  for (const [part, on] of Object.entries(result.compared)) if (!on) now.note(`note.diffPartSkipped.${part}`);
  // And the fields one version cannot hold (found by review: a column deleted hid its changes without a word).
  const fields = (Object.keys(side.fields) as (keyof typeof side.fields)[]).filter((f) => old.fields[f] !== side.fields[f]);
  if (fields.length > 0) now.note('note.diffFieldsSkipped', { fields: fields.join(', '), old: old.file, new: side.file });
  // A book against a RACI matrix: what its accounts are compared by.
  if (result.compared.accounts && old.accountsFromRows !== side.accountsFromRows) now.note('note.diffMatrixAccounts', { matrix: old.accountsFromRows ? old.file : side.file });
  return result;
}
