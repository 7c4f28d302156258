/** `kam matrix --format csv`: the view as one table, safe to open in Excel. */
import type { Matrix } from '../../matrix/build.js';
import type { ReportContext } from '../context.js';
import { toCsv } from '../shared/csv.js';
import { matrixTable } from './table.js';

/** The view as CSV (no BOM on stdout; files get one). */
export function matrixCsv(m: Matrix, ctx: ReportContext): string {
  return toCsv(matrixTable(m, ctx.lang), ctx.raw).replace(/^\ufeff/, '');
}
