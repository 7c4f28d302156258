/** `kam check` and `kam gaps` over tables already read: reader findings plus every rule. */
import type { ResolvedConfig } from '../config/resolve.js';
import type { AccountsTable } from '../model/account.js';
import type { AssignmentsTable } from '../model/assignment.js';
import type { StaffTable } from '../model/person.js';
import { missingKeyColumn, type SheetRole } from '../model/columns.js';
import { severityRank, sortFindings, summarize, type Finding } from '../model/finding.js';
import { applyRuleLevels, RULE_IDS, RULES, ruleLevel, type Severity } from '../model/rules.js';
import { compareText } from '../util/compare.js';
import type { TierReport } from '../scoring/score.js';
import type { TierDef } from '../model/tier.js';
import type { LineOf } from '../model/table.js';
import type { IsoDate } from '../util/date.js';
import { indexBook, type IndexedBook } from '../book/book.js';
import { runRules, type RuleFamily } from './engine.js';
import type { LoadResult } from '../workload/load.js';

export interface CheckInput {
  file: string;
  asOf: IsoDate;
  config: ResolvedConfig;
  /** Sheet names in book order, for sorting findings. */
  sheetOrder: readonly string[];
  /** For a folder of CSV files: the file of each sheet (annotations point at it, not at the folder). */
  sheetFiles?: ReadonlyMap<string, string>;
  /** For a CSV: the line of its file on which a sheet's row starts (annotations name it). */
  lineOf?: LineOf;
  accounts?: AccountsTable;
  staff?: StaffTable;
  assignments?: AssignmentsTable;
  /** Tiers computed from the scores; absent when the book has no scoring column. */
  tiers?: TierReport;
  missingSheets: SheetRole[];
  /** The book already indexed from these tables (kam matrix indexes it once for both). */
  book?: IndexedBook;
  /** Only these rule families (kam matrix reports the RACI and reference rules); default every one. */
  families?: ReadonlySet<RuleFamily>;
  /** The load of `book`, already computed (kam diff and kam report need it too). */
  load?: LoadResult;
  /** Called when the book has been indexed here, before the rules run (kam collects indexing's garbage there). */
  afterIndex?: () => void;
}

/** An account of the Accounts sheet, as the gap report heads its group. */
export interface AccountInfo {
  id?: string;
  tier?: string;
  row: number;
}

export interface CheckReport {
  kind: 'check';
  file: string;
  /** For a folder of CSV files: the file of each sheet. */
  sheetFiles?: ReadonlyMap<string, string>;
  /** For a CSV: the line of a sheet's row in its file. */
  lineOf?: LineOf;
  asOf: IsoDate;
  tiers: TierDef[];
  findings: Finding[];
  summary: Record<Severity, number>;
  /** Per account name: the accounts of that name, their id, effective tier and row (for the gap report). */
  accounts: () => Map<string, AccountInfo[]>;
  /** The Accounts sheet's name, when the book has one. */
  accountsSheet?: string;
  /** The rules the config turns off (`"off"`): they did not run. */
  off: readonly string[];
}

/** Every finding of a book, sorted as the book is laid out. */
export function checkTables(input: CheckInput): CheckReport {
  const { config } = input;
  // A sheet without its key columns is reported (schema/missing-column) and not checked further:
  // every account would otherwise "lack" every task.
  const usable = { ...input };
  if (input.assignments && missingKeyColumn('assignments', input.assignments.layout.byKey)) delete usable.assignments;
  if (input.accounts && missingKeyColumn('accounts', input.accounts.layout.byKey)) delete usable.accounts;
  const { tiers, book: indexed, load: _load, afterIndex, ...tables } = usable;
  let book = indexed;
  if (!book) {
    book = indexBook({ ...tables, ...(tiers ? { tiers: tiers.accounts } : {}) });
    afterIndex?.();
  }
  const structural: Finding[] = [
    ...input.missingSheets.map((role): Finding => ({ rule: 'schema/missing-sheet', severity: RULES['schema/missing-sheet'], args: { role } })),
    // The tier report already carries the Accounts sheet's own findings.
    ...(input.tiers?.findings ?? input.accounts?.findings ?? []),
    ...(input.staff?.findings ?? []),
    ...(input.assignments?.findings ?? []),
  ];
  const findings = sortFindings([...applyRuleLevels(structural, config.rules), ...runRules(book, tiers, input.families, indexed ? input.load : undefined)], input.sheetOrder);
  // Only the gap report needs each account's id and tier: put together when asked for, from the
  // accounts and their tiers alone — a function that held the indexed book would keep every row
  // of the book (~300 MB of a 100,000-account book) alive while the report is written.
  // (A loop, not a map: a function given `book` here would put it in the context `accounts` keeps.)
  const list = usable.accounts?.accounts ?? [];
  const effective: (string | undefined)[] = [];
  for (const a of list) effective.push(book.effectiveTier(a));
  const accounts = (): Map<string, AccountInfo[]> => {
    const out = new Map<string, AccountInfo[]>();
    for (let i = 0; i < list.length; i++) {
      const a = list[i]!;
      const tier = effective[i];
      const info: AccountInfo = { row: a.row, ...(a.id !== undefined ? { id: a.id } : {}), ...(tier !== undefined ? { tier } : {}) };
      const same = out.get(a.name);
      if (same) same.push(info);
      else out.set(a.name, [info]);
    }
    return out;
  };
  const accountsSheet = usable.accounts?.layout.sheet;
  const off = RULE_IDS.filter((r) => ruleLevel(r, config.rules) === 'off');
  return { kind: 'check', file: input.file, ...(input.sheetFiles ? { sheetFiles: input.sheetFiles } : {}), ...(input.lineOf ? { lineOf: input.lineOf } : {}), asOf: input.asOf, tiers: config.tiers, findings, summary: summarize(findings), accounts, ...(accountsSheet !== undefined ? { accountsSheet } : {}), off };
}

/** Rules that describe a gap in who serves an account (the `kam gaps` report). */
export const GAP_RULES = new Set([
  // A cell that could not be read (a date, a letter, a person): the gaps it hides are not found, so
  // it is one (found by a new user: an unreadable last-contact date made gaps say "no gaps", exit 0).
  'schema/invalid-value',
  'schema/empty-required',
  'coverage/no-owner',
  'coverage/required-task',
  'coverage/single-point',
  'raci/no-accountable',
  'raci/multiple-accountable',
  'raci/no-responsible',
  'raci/too-many-responsible',
  'raci/role-conflict',
  'ref/unknown-person',
  'ref/inactive-person',
  // Rows that name an account by a name two accounts share serve neither: a gap of their own; and rows naming an
  // account the Accounts sheet lacks (a typo, `Apexx`) serve none (found by a new user: gaps left it out).
  'ref/ambiguous-account',
  'ref/unknown-account',
  'time/overdue',
  'time/missing-due',
  'time/cadence',
  'load/over-capacity',
  'load/max-accounts',
]);

export interface GapGroup {
  account: string;
  id?: string;
  /** The account's effective tier id, when known. */
  tier?: string;
  severity: Severity;
  findings: Finding[];
}

export interface GapsReport {
  kind: 'gaps';
  file: string;
  sheetFiles?: ReadonlyMap<string, string>;
  lineOf?: LineOf;
  asOf: IsoDate;
  tiers: TierDef[];
  groups: GapGroup[];
  /** The findings of all groups, in report order. */
  findings: Finding[];
  summary: Record<Severity, number>;
  /** The rules the config turns off. */
  off: readonly string[];
}

/**
 * The gap report: the responsibility findings grouped by account, the most severe account first,
 * then the highest tier, then by name; within an account the most severe first.
 */
export function gapsReport(check: CheckReport): GapsReport {
  const tierRank = new Map(check.tiers.map((t, i) => [t.id, i]));
  const byAccount = new Map<string, GapGroup>();
  const info = check.accounts();
  for (const f of check.findings) {
    if (!GAP_RULES.has(f.rule)) continue;
    const name = f.account ?? '';
    // Which account: the one whose row the finding points at, else the only one of that name. Two
    // accounts of one name (two ids) are two groups; a row naming the shared name is a group of its own.
    const same = info.get(name) ?? [];
    const about = (f.sheet === check.accountsSheet && same.find((a) => a.row === f.row)) || (same.length === 1 ? same[0] : undefined);
    const key = about ? `${name}\u0000${about.row}` : name;
    let g = byAccount.get(key);
    if (!g) {
      g = { account: name, severity: f.severity, findings: [] };
      if (about?.id !== undefined) g.id = about.id;
      if (about?.tier !== undefined) g.tier = about.tier;
      byAccount.set(key, g);
    }
    g.findings.push(f);
    if (severityRank(f.severity) > severityRank(g.severity)) g.severity = f.severity;
  }
  const groups = [...byAccount.values()].sort(
    (a, b) =>
      severityRank(b.severity) - severityRank(a.severity) ||
      (tierRank.get(a.tier ?? '') ?? 99) - (tierRank.get(b.tier ?? '') ?? 99) ||
      (a.account === '' ? 1 : 0) - (b.account === '' ? 1 : 0) ||
      compareText(a.account, b.account) ||
      compareText(a.id ?? '', b.id ?? ''),
  );
  // A stable sort: within a severity, findings keep the order of the book.
  for (const g of groups) g.findings.sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
  const findings = groups.flatMap((g) => g.findings);
  return { kind: 'gaps', file: check.file, ...(check.sheetFiles ? { sheetFiles: check.sheetFiles } : {}), ...(check.lineOf ? { lineOf: check.lineOf } : {}), asOf: check.asOf, tiers: check.tiers, groups, findings, summary: summarize(findings), off: check.off };
}
