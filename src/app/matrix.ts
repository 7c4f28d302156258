/** `kam matrix`: the responsibility matrix of a book, with the findings of the activities it shows. */
import { buildMatrix, type Matrix, type MatrixOptions } from '../matrix/build.js';
import type { Finding } from '../model/finding.js';
import { fold, folder } from '../util/text.js';
import { computeLoad } from '../workload/load.js';
import { checkFromTables } from './check.js';
import type { RuleFamily } from '../rules/engine.js';
import { collectAfterPhase } from './gc.js';
import { requireFilterMatches } from './filters.js';
import { indexTables, readBookTables, rowsOf } from './tables.js';
import { requireKeyColumns, requireSheet, type Session } from './session.js';

const MATRIX_RULES: ReadonlySet<RuleFamily> = new Set(['raci', 'ref']);

/**
 * The matrix. Its findings — for stderr and the exit code — are `kam check`'s, as it reports them
 * (source cells), for the activities the matrix shows: the RACI and reference rules, and every
 * cell of the sheets that could not be read.
 */
export async function matrixBook(session: Session, options: MatrixOptions = {}): Promise<Matrix> {
  requireSheet(session, 'assignments');
  const { matrix, rows } = await matrixOnly(session, options);
  // The book is garbage once the matrix is made: collected before the matrix is written (a whole
  // book's matrix is written for seconds, and nothing else would collect it by then).
  collectAfterPhase(rows);
  return matrix;
}

/** The read and the matrix of matrixBook, in a function of their own: its frame, which holds the tables, is gone when it returns. */
async function matrixOnly(session: Session, options: MatrixOptions): Promise<{ matrix: Matrix; rows: number }> {
  const tables = await readBookTables(session);
  requireKeyColumns(session, 'assignments', tables.assignments!.layout);
  // The book indexed once, for the rules and the matrix alike.
  const book = indexTables(session, tables);
  requireFilterMatches(book, options);
  // Only the rules the matrix reports: the others' findings would be dropped below.
  const check = checkFromTables(session, tables, book, MATRIX_RULES);
  // The rows each person holds are read only by the person view (its weekly hours per activity).
  const load = computeLoad(book, { items: options.view === 'person' || options.allViews === true });
  const matrix = buildMatrix(book, load, check.findings, session.path, options);
  const shown = shownActivities(matrix, check.findings);
  // With a filter, a cell of another account is no finding of this matrix (found by a new user:
  // `--account KA003` listed the unreadable cells of all eight accounts and exited 1).
  // (A reader's finding names the account as its cell does: by id or by name.)
  const accounts = matrix.filtered ? new Set(matrix.rows.flatMap((r) => (r.accountId !== undefined ? [fold(r.account), fold(r.accountId)] : [fold(r.account)]))) : undefined;
  matrix.findings = check.findings.filter((f) => {
    const schema = f.rule.startsWith('schema/');
    if (!schema && !f.rule.startsWith('raci/') && !f.rule.startsWith('ref/')) return false;
    if (f.account === undefined) return true;
    if (f.task === undefined) return !accounts || accounts.has(fold(f.account));
    // Without a filter every account is shown: a reader's finding is the matrix's.
    return (schema && !accounts) || shown.get(fold(f.account))?.has(fold(f.task)) === true;
  });
  return { matrix, rows: rowsOf(tables) };
}

/**
 * The activities (folded account → folded tasks) the matrix shows, among those the findings name:
 * a whole book's 300,000 rows are looked up, not each made into a key (that took ~0.9 s and 50 MB).
 */
function shownActivities(matrix: Matrix, findings: readonly Finding[]): Map<string, Set<string>> {
  const named = new Map<string, Set<string>>();
  for (const f of findings) {
    if (f.account === undefined || f.task === undefined) continue;
    const a = fold(f.account);
    const tasks = named.get(a);
    if (tasks) tasks.add(fold(f.task));
    else named.set(a, new Set([fold(f.task)]));
  }
  const shown = new Map<string, Set<string>>();
  if (named.size === 0) return shown;
  // A row's account and task texts repeat (an account's activities follow each other): folded once each.
  const foldOnce = folder();
  const mark = (a: string, task: string): void => {
    const tasks = named.get(a);
    if (!tasks) return;
    const t = foldOnce(task);
    if (!tasks.has(t)) return;
    const seen = shown.get(a);
    if (seen) seen.add(t);
    else shown.set(a, new Set([t]));
  };
  for (const r of matrix.rows) {
    // By name and by id: a rule's finding names the account by name, a reader's as its cell does.
    mark(foldOnce(r.account), r.task);
    if (r.accountId !== undefined) mark(fold(r.accountId), r.task);
  }
  return shown;
}
