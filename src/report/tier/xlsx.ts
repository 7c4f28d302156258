/** `kam tier -o tiers.xlsx`: the ranked table and the per-tier summary as two sheets. */
import type { ReportContext } from '../context.js';
import type { SheetData } from '../../model/sheet-data.js';
import type { TierReport } from '../../scoring/score.js';
import { tierSummaryTable, tierTable } from './table.js';

/** The sheets of `-o tiers.xlsx`. */
export function tierSheets(report: TierReport, ctx: ReportContext): SheetData[] {
  return [tierTable(report, ctx.lang), tierSummaryTable(report, ctx.lang)];
}
