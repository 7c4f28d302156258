/** `kam load` as a result: everyone's load, fairness, totals, and the suggested moves. */
import type { ResolvedConfig } from '../config/resolve.js';
import type { IndexedBook } from '../book/book.js';
import type { TierDef } from '../model/tier.js';
import type { IsoDate } from '../util/date.js';
import { fold } from '../util/text.js';
import { fairnessByRole, totalsOf, type Fairness, type LoadResult, type PersonLoad } from './load.js';
import { suggestMoves, type Suggestion } from './suggest.js';
import { personNamer } from '../book/shared.js';
import type { Finding } from '../model/finding.js';

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
  /** Findings of the sheets read and of the load rules, for the exit code (SPEC §3). */
  findings: Finding[];
}

export interface LoadOptions {
  role?: string;
  department?: string;
  suggest?: boolean;
  /** Rows whose holder cell cannot be written alone (inside a merged range): never moved. */
  fixed?: (row: number) => boolean;
}

/** The load report of a computed load; the suggestion considers everyone, whatever the filters show. */
export function loadReport(book: IndexedBook, load: LoadResult, file: string, options: LoadOptions, findings: Finding[] = []): LoadReport {
  const match = (value: string | undefined, wanted: string | undefined): boolean => wanted === undefined || (value !== undefined && fold(value) === fold(wanted));
  // The rows each person holds are for the suggestion alone: the report shows the sums (and the
  // moves), and a person's rows held would keep every row of the book alive while it is written.
  // Each person is copied without them once, so that the moves name the people the list shows.
  const bare = new Map<PersonLoad, PersonLoad>();
  const strip = (p: PersonLoad): PersonLoad => {
    if (!p.held) return p;
    let b = bare.get(p);
    if (!b) bare.set(p, (b = { ...p, held: undefined }));
    return b;
  };
  const people = load.people.filter((p) => match(p.role, options.role) && match(p.department, options.department)).map(strip);
  const report: LoadReport = {
    kind: 'load',
    file,
    asOf: book.asOf,
    thresholds: book.config.load,
    tiers: book.config.tiers,
    people,
    // With --role or --department, the fairness and the team's sums are those of the people shown
    // (found by a new user: `--department 销售部` showed the whole team's totals under its people).
    ...(options.role === undefined && options.department === undefined
      ? { fairness: load.fairness, totals: load.totals }
      : (() => {
          const counted = people.filter((p) => p.status !== 'inactive' && p.status !== 'unknown');
          return { fairness: fairnessByRole(counted), totals: totalsOf(counted) };
        })()),
    findings,
  };
  if (options.suggest) {
    const { moves, unfixed } = suggestMoves(load.people, book.config.load, true, options.fixed, ownedAccounts(book));
    report.suggestion = { moves: moves.map((m) => ({ ...m, from: strip(m.from), to: strip(m.to) })), unfixed: unfixed.map((u) => ({ ...u, person: strip(u.person) })) };
  }
  // V8 may hold `strip` (and so this map of the people as computed) a while for its optimising compiler.
  bare.clear();
  return report;
}

/** The accounts each person manages (the Accounts sheet's owner, named as the rows name people), by folded name. */
function ownedAccounts(book: IndexedBook): (key: string) => readonly unknown[] {
  const owned = new Map<string, unknown[]>();
  const personOf = personNamer(book.people);
  for (const a of book.accounts?.accounts ?? []) {
    if (a.owner === undefined) continue;
    const key = personOf(a.owner).key;
    const list = owned.get(key);
    if (list) list.push(a);
    else owned.set(key, [a]);
  }
  return (key) => owned.get(key) ?? [];
}
