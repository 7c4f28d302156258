/**
 * The result of `kam report` (issue 12): the results of `kam tier`, `kam gaps` and `kam load
 * --suggest` and the tasks × roles heat map, composed by app/report.ts from one reading of the
 * book and rendered by report/report/.
 */
import type { TierDef } from '../model/tier.js';
import type { Finding } from '../model/finding.js';
import type { RaciLetter } from '../model/codes.js';
import type { TierReport } from '../scoring/score.js';
import type { IsoDate } from '../util/date.js';
import type { LoadReport } from '../workload/report.js';
import type { GapsReport } from './check.js';

/** Letters counted per task type and role across accounts (the matrix's task view by role). */
export interface HeatMap {
  columns: { key: string; label: string }[];
  taskRows: { task: string; cells: Map<string, Record<RaciLetter, number>>; activities: number }[];
}

export interface ReportResult {
  kind: 'report';
  file: string;
  asOf: IsoDate;
  tiers: TierDef[];
  /** The tier report; absent when the book has no scoring column. */
  tier?: TierReport;
  gaps: GapsReport;
  load: LoadReport;
  heat: HeatMap;
  /** Rows shown per section before the rest is folded. */
  top: number;
  /** The ABC cut-offs of cumulative revenue (the Pareto chart's lines). */
  cutoffs: number[];
  /** Every finding of `kam check`, for the exit code (the report shows the gaps among them). */
  findings: Finding[];
}
