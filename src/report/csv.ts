/** `--format csv`: the result's main table, safe to open in Excel. */
import { toCsv } from './csv-text.js';
import type { ReportContext } from './context.js';
import type { Result } from './index.js';
import { tierTable } from './tier-table.js';
import { loadTable } from './load-table.js';

export function csv(result: Result, ctx: ReportContext): string {
  switch (result.kind) {
    case 'tier':
      return toCsv(tierTable(result, ctx.lang), ctx.raw).replace(/^\ufeff/, '');
    case 'load':
      return toCsv(loadTable(result, ctx.lang), ctx.raw).replace(/^\ufeff/, '');
    default:
      throw new Error(`csv is not a format of ${result.kind}`);
  }
}
