/** `kam load` as a result: everyone's load, fairness, totals, and the suggested moves. */
import type { ResolvedConfig } from '../config/resolve.js';
import type { IndexedBook } from '../book/book.js';
import type { TierDef } from '../model/tier.js';
import type { IsoDate } from '../util/date.js';
import { fold } from '../util/text.js';
import { computeLoad, type Fairness, type LoadResult, type PersonLoad } from './load.js';
import { suggestMoves, type Suggestion } from './suggest.js';

export interface LoadReport {
  kind: 'load';
  file: string;
  asOf: IsoDate;
  thresholds: ResolvedConfig['load'];
  tiers: TierDef[];
  /** People shown (after --role / --department), busiest first; inactive and unknown last. */
  people: PersonLoad[];
  fairness: Fairness[];
  totals: LoadResult['totals'];
  suggestion?: Suggestion;
}

export interface LoadOptions {
  role?: string;
  department?: string;
  suggest?: boolean;
}

/** Computes the load report; the suggestion considers everyone, whatever the filters show. */
export function loadReport(book: IndexedBook, file: string, options: LoadOptions): LoadReport {
  const load = computeLoad(book);
  const match = (value: string | undefined, wanted: string | undefined): boolean => wanted === undefined || (value !== undefined && fold(value) === fold(wanted));
  const people = load.people.filter((p) => match(p.role, options.role) && match(p.department, options.department));
  const report: LoadReport = {
    kind: 'load',
    file,
    asOf: book.asOf,
    thresholds: book.config.load,
    tiers: book.config.tiers,
    people,
    fairness: options.role === undefined ? load.fairness : load.fairness.filter((f) => match(f.role, options.role)),
    totals: load.totals,
  };
  if (options.suggest) report.suggestion = suggestMoves(load.people, book.config.load);
  return report;
}
