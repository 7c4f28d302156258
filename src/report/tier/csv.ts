/** `kam tier --format csv`: one row per account, safe to open in Excel. */
import type { ReportContext } from '../context.js';
import type { TierReport } from '../../scoring/score.js';
import { tierTable } from './table.js';
import { toCsv } from '../shared/csv.js';

/** The ranked table as CSV (no BOM on stdout; files get one). */
export function tierCsv(report: TierReport, ctx: ReportContext): string {
  return toCsv(tierTable(report, ctx.lang), ctx.raw).replace(/^\ufeff/, '');
}
