/** `kam matrix`: the responsibility matrix of a book, with the findings of the activities it shows. */
import { buildMatrix, type Matrix, type MatrixOptions } from '../matrix/build.js';
import { fold } from '../util/text.js';
import { computeLoad } from '../workload/load.js';
import { checkFromTables } from './check.js';
import type { RuleFamily } from '../rules/engine.js';
import { indexTables, readBookTables } from './tables.js';
import { requireKeyColumns, requireSheet, type Session } from './session.js';

const MATRIX_RULES: ReadonlySet<RuleFamily> = new Set(['raci', 'ref']);

/**
 * The matrix. Its findings — for stderr and the exit code — are `kam check`'s, as it reports them
 * (source cells), for the activities the matrix shows: the RACI and reference rules, and every
 * cell of the sheets that could not be read.
 */
export async function matrixBook(session: Session, options: MatrixOptions = {}): Promise<Matrix> {
  requireSheet(session, 'assignments');
  const tables = await readBookTables(session);
  requireKeyColumns(session, 'assignments', tables.assignments!.layout);
  // The book indexed once, for the rules and the matrix alike.
  const book = indexTables(session, tables);
  // Only the rules the matrix reports: the others' findings would be dropped below.
  const check = checkFromTables(session, tables, book, MATRIX_RULES);
  const matrix = buildMatrix(book, computeLoad(book), check.findings, session.path, options);
  const shown = new Set(matrix.rows.map((r) => `${fold(r.account)}\u0000${fold(r.task)}`));
  matrix.findings = check.findings.filter((f) => {
    if (f.rule.startsWith('schema/')) return true;
    if (!f.rule.startsWith('raci/') && !f.rule.startsWith('ref/')) return false;
    return f.account === undefined || f.task === undefined || shown.has(`${fold(f.account)}\u0000${fold(f.task)}`);
  });
  return matrix;
}
