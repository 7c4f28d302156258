/** From a read Accounts table and the config to a tier report: the whole of `kam tier` but reading and printing. */
import type { ResolvedConfig } from '../config/resolve.js';
import { columnValues } from './columns.js';
import { cellFinding, findingCell, sortFindings } from '../model/finding.js';
import type { Column } from '../model/table.js';
import { InputError, type Params } from '../model/errors.js';
import type { Finding } from '../model/finding.js';
import type { IsoDate } from '../util/date.js';
import { type CriterionInput } from './methods.js';
import { computeTiers, normalizeWeights, type TierAccountInput, type TieredAccount, type TierSummary } from './tier.js';
import type { MethodResult } from './methods.js';
import { tierRecognizer, type TierDef } from '../model/tier.js';
import type { AccountsTable } from '../model/account.js';
import { ruleLevel } from '../model/rules.js';

export interface TierCriterion {
  column: string;
  /** The header the values came from. */
  header: string;
  weight: number;
  direction: 'benefit' | 'cost';
}

export interface TierRow extends TieredAccount {
  row: number;
  /** The recorded tier as written in the sheet. */
  recordedText?: string;
  revenue?: number;
}

export interface TierReport {
  kind: 'tier';
  file: string;
  sheet: string;
  asOf: IsoDate;
  method: ResolvedConfig['scoring']['method'];
  normalize: ResolvedConfig['scoring']['normalize'];
  criteria: TierCriterion[];
  tiers: TierDef[];
  accounts: TierRow[];
  summary: TierSummary[];
  /** Every criterion's values and points per account (for `--explain`). */
  scored: MethodResult;
  findings: Finding[];
  /** The account `--explain` asks about: its index in the input accounts. */
  explain?: number;
  /** Notes for stderr (a criterion dropped, …), as message codes. */
  warnings: { code: string; params: Params }[];
  /**
   * Accounts of a sheet with a revenue column that have no revenue read (empty, or a cell that cannot be read: the
   * first such cell), left out of the per-tier sums: said under them, not counted as 0 without a word.
   */
  revenueMissing?: { count: number; unreadable?: string };
}

/** The columns scoring reads besides the canonical ones, to ask for when reading the sheet. */
export function scoringColumns(config: ResolvedConfig): string[] {
  return [...config.scoring.criteria.map((c) => c.column), config.scoring.abc.column, ...config.promote.map((p) => p.column)];
}

/** Scores and tiers the accounts of a table under a config. */
export function scoreAccounts(table: AccountsTable, config: ResolvedConfig, asOf: IsoDate, file: string, unreadable: 'stop' | 'drop' = 'stop'): TierReport {
  const { layout, accounts } = table;
  const method = config.scoring.method;
  const findings: Finding[] = [...table.findings];
  const warnings: TierReport['warnings'] = [];
  const invalid = new Set(findings.filter((f) => f.rule === 'schema/invalid-value').map((f) => `${f.row}:${f.column}`));
  const wanted =
    method === 'abc'
      ? [{ column: config.scoring.abc.column, weight: 1, direction: 'benefit' as const, bands: undefined }]
      : config.scoring.criteria;
  if (table.revenueFrom) warnings.push({ code: 'warn.revenueFromPeriod', params: { header: table.revenueFrom.header, sheet: layout.sheet } });
  const kept: (CriterionInput & { source: Column })[] = [];
  // The headers of criteria whose column is there with no value at all, to say so if no criterion is left.
  const empty: string[] = [];
  // In 'drop' (the checks, which list every unreadable cell): the first such cell, if no criterion is left.
  let dropped: Finding | undefined;
  // A criterion's column that another column shares its header with (schema/ambiguous-column, the second of them):
  // which one holds the truth is anybody's guess, so neither is scored (found by a new user: a hidden stale
  // 年采购额 column ranked the accounts, and kam tier --write stored them). kam tier stops; the checks drop it, said.
  let twoColumns: InputError | undefined;
  const ambiguous = (criterion: string, column: Column): boolean => {
    const f = table.findings.find((x) => x.rule === 'schema/ambiguous-column' && x.args.first === column.letter);
    // (The rule turned off: the first column is read, as the finding says it is; found by review.)
    if (!f || ruleLevel('schema/ambiguous-column', config.rules) === 'off') return false;
    const other = String(f.args.column ?? f.column);
    const params = { criterion, column: column.header, first: column.letter, other, otherHeader: String(f.args.header ?? column.header) };
    const err = new InputError('input.ambiguousCriterion', params, { file, sheet: layout.sheet });
    if (unreadable === 'stop') throw err;
    twoColumns ??= err;
    warnings.push({ code: 'warn.ambiguousCriterion', params: { ...params, sheet: layout.sheet } });
    return true;
  };
  // The accounts' own name or id column shared with another (a Salesforce report with Parent Account's `Account Name`
  // beside the account's): which one names the accounts is anybody's guess, so kam tier stops before it ranks or
  // writes anything (found by a new user: `kam tier --write` stored tiers in the wrong rows). The checks list the finding.
  if (unreadable === 'stop' && ruleLevel('schema/ambiguous-column', config.rules) !== 'off') {
    for (const key of ['name', 'id'] as const) {
      const column = layout.byKey.get(key);
      // (Two headers alike only: `客户名称` beside `客户全称` reads the first, as before, the same accounts either way; found by review.)
      const f = column && table.findings.find((x) => x.rule === 'schema/ambiguous-column' && x.args.first === column.letter && x.args.variant === undefined);
      if (!column || !f) continue;
      const params = { field: key, column: column.header, first: column.letter, other: String(f.args.column ?? f.column), otherHeader: String(f.args.header ?? column.header) };
      throw new InputError(key === 'name' ? 'input.ambiguousKey' : 'input.ambiguousKey#id', params, { file, sheet: layout.sheet });
    }
  }
  for (const c of wanted) {
    const cv = columnValues(table, c.column, asOf);
    if (!cv) {
      warnings.push({ code: 'warn.droppedCriterion', params: { column: c.column, sheet: layout.sheet } });
      continue;
    }
    if (ambiguous(c.column, cv.column)) continue;
    if (accounts.length > 0 && cv.values.every((v) => v === undefined)) {
      // Cells there but none readable (formulas never calculated, text): stop, whatever else is left —
      // scoring without the column would tier every account on the others without a word (found by a
      // new user: `kam tier --write` stored them). A column that is only empty is dropped, as said.
      const first = table.findings.find((f) => f.rule === 'schema/invalid-value' && f.column === cv.column.letter);
      if (first && unreadable === 'stop') throw unreadableColumn(first, file, layout.sheet);
      if (first) {
        // kam check, gaps, report: the tiers of the other criteria, said, rather than none at all (found by review:
        // every tier rule fell silent for a 战略重要性 column of 高/中/低).
        warnings.push({ code: 'warn.unreadableCriterion', params: { column: c.column, sheet: layout.sheet, cell: findingCell(first)! } });
        dropped ??= first;
        continue;
      }
      warnings.push({ code: 'warn.emptyCriterion', params: { column: c.column, sheet: layout.sheet } });
      empty.push(cv.column.header);
      continue;
    }
    kept.push({ column: c.column, weight: c.weight, direction: c.direction, bands: c.bands, values: cv.values, source: cv.column });
  }
  if (kept.length === 0 && accounts.length > 0) {
    if (dropped) throw unreadableColumn(dropped, file, layout.sheet);
    if (twoColumns) throw twoColumns;
    if (empty.length > 0) throw new InputError('input.emptyColumns', { columns: empty.join(', ') }, { file, sheet: layout.sheet });
    throw new InputError('input.missingColumn', { role: 'accounts', column: wanted.map((c) => c.column).join(' / ') }, { file, sheet: layout.sheet });
  }
  const criteria = method === 'abc' ? kept : normalizeWeights(kept);
  for (const c of criteria) {
    c.values.forEach((v, i) => {
      const a = accounts[i]!;
      if (v === undefined && !invalid.has(`${a.row}:${c.source.letter}`)) {
        findings.push(cellFinding('data/missing-value', layout, a.row, c.source, { header: c.source.header, column: c.column }, { account: a.name }));
      }
    });
  }
  const recognize = tierRecognizer(config.tiers);
  const tierCol = layout.byKey.get('tier');
  const overrideCol = layout.byKey.get('tier_override');
  const read = (a: (typeof accounts)[number], text: string | undefined, col: Column | undefined): string | undefined => {
    if (text === undefined || !col) return undefined;
    const id = recognize(text);
    if (id === undefined) {
      findings.push(cellFinding('schema/invalid-value', layout, a.row, col, { header: col.header, value: text, expected: 'tier' }, { account: a.name }));
    }
    return id;
  };
  const recognized = accounts.map((a) => ({ recorded: read(a, a.tier, tierCol), pinned: read(a, a.tierOverride, overrideCol) }));
  const promote = config.promote.flatMap((p) => {
    const cv = columnValues(table, p.column, asOf);
    if (!cv) {
      warnings.push({ code: 'warn.droppedCriterion', params: { column: p.column, sheet: layout.sheet } });
      return [];
    }
    if (ambiguous(p.column, cv.column)) return [];
    return [{ tier: p.tier, min: p.min, values: cv.values }];
  });
  const outcome = computeTiers(
    accounts.map((a, i): TierAccountInput => {
      const input: TierAccountInput = { name: a.name, periods: a.periods };
      if (a.id !== undefined) input.id = a.id;
      if (recognized[i]!.recorded !== undefined) input.recordedTier = recognized[i]!.recorded;
      if (recognized[i]!.pinned !== undefined) input.pinnedTier = recognized[i]!.pinned;
      if (a.numbers.annual_revenue !== undefined) input.revenue = a.numbers.annual_revenue;
      return input;
    }),
    { method, normalize: config.scoring.normalize, tiers: config.tiers, criteria, cutoffs: config.scoring.abc.cutoffs, promote },
  );
  // (Said, not changed: the quota is the contract. Found by a new user: accounts of one revenue in two tiers by their names.)
  for (const t of outcome.splitTies) warnings.push({ code: 'warn.tieSplit', params: { tied: t.counts.reduce((a, b) => a + b, 0), score: Math.round(t.score * 10) / 10, counts: t.counts.join(' / ') } });
  return {
    kind: 'tier',
    file,
    sheet: layout.sheet,
    asOf,
    method,
    normalize: config.scoring.normalize,
    criteria: criteria.map((c) => ({ column: c.column, header: c.source.header, weight: c.weight, direction: c.direction })),
    tiers: config.tiers,
    accounts: outcome.accounts.map((t) => {
      const a = accounts[t.index]!;
      // Extended in place: a copy per account costs real memory on a 100,000-account book.
      const row = t as TierRow;
      row.row = a.row;
      if (a.tier !== undefined) row.recordedText = a.tier;
      if (a.numbers.annual_revenue !== undefined) row.revenue = a.numbers.annual_revenue;
      return row;
    }),
    summary: outcome.summary,
    scored: outcome.scored,
    findings: sortFindings(findings),
    warnings,
    ...revenueGap(table, findings),
  };
}

/** How many accounts the per-tier revenue leaves out, where the sheet has a revenue column (see TierReport.revenueMissing). */
function revenueGap(table: AccountsTable, findings: readonly Finding[]): Pick<TierReport, 'revenueMissing'> {
  const column = table.layout.byKey.get('annual_revenue') ?? table.revenueFrom;
  if (!column) return {};
  let count = 0;
  for (const a of table.accounts) if (a.numbers.annual_revenue === undefined) count++;
  if (count === 0) return {};
  const first = findings.find((f) => f.rule === 'schema/invalid-value' && f.column === column.letter && f.sheet === table.layout.sheet);
  return { revenueMissing: { count, ...(first ? { unreadable: findingCell(first)! } : {}) } };
}

/**
 * A scoring column none of whose values can be read, at its first such cell. A formula without its
 * result says why; any other cell is quoted (found by a new user: a CSV's `18.500.000,00` was told
 * about formulas).
 */
function unreadableColumn(first: Finding, file: string, sheet: string): InputError {
  const formula = String(first.args.expected ?? '') === 'formula';
  return new InputError(formula ? 'input.unreadableColumn' : 'input.unreadableValues', { column: String(first.args.header), cell: findingCell(first)!, value: String(first.args.value ?? '') }, { file, sheet });
}
