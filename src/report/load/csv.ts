/** `kam load --format csv`: one row per person, safe to open in Excel. */
import type { LoadReport } from '../../workload/report.js';
import type { ReportContext } from '../context.js';
import { loadTable } from './table.js';
import { toCsv } from '../shared/csv.js';

/** The people table as CSV (no BOM on stdout; files get one). */
export function loadCsv(report: LoadReport, ctx: ReportContext): string {
  return toCsv(loadTable(report, ctx.lang), ctx.raw).replace(/^\ufeff/, '');
}
