/** The Accounts sheet as typed accounts, with a finding for every cell that cannot be read. */
import type { Aliases } from '../model/aliases.js';
import type { Cell } from '../model/cell.js';
import { ACCOUNT_NUMBER_COLUMNS } from '../model/columns.js';
import type { Finding } from '../model/finding.js';
import { daysBetween, type IsoDate } from '../util/date.js';
import { fold, foldKey, isPlaceholder } from '../util/text.js';
import { cellFinding, invalidValue } from './findings.js';
import { aliasIndex, splitUnit } from './headers.js';
import type { SheetSource } from './source.js';
import { scanTable, type Column, type Layout, type TableOptions } from './table.js';
import { parseDate, parseNumber, parseText } from './values.js';

type NumberColumn = (typeof ACCOUNT_NUMBER_COLUMNS)[number];

export interface Account {
  /** The row in the sheet (1-based, title rows counted). */
  row: number;
  id?: string;
  name: string;
  /** What assignments and lookups match: the folded id, else the folded name. */
  key: string;
  owner?: string;
  industry?: string;
  region?: string;
  /** The recorded tier and the pinned tier, as written (placeholders such as "-" count as empty). */
  tier?: string;
  tierOverride?: string;
  lastContact?: IsoDate;
  since?: IsoDate;
  /** Numbers of the canonical numeric columns, in yuan where they are amounts. */
  numbers: Partial<Record<NumberColumn, number>>;
  /** Revenue per period, aligned with `AccountsTable.periods`. */
  periods: (number | undefined)[];
  /** Numbers of other columns asked for by name (criteria on headers as written). */
  extra: Record<string, number | undefined>;
}

export interface AccountsTable {
  layout: Layout;
  accounts: Account[];
  /** Revenue-per-period columns, oldest first. */
  periods: Column[];
  /** The columns behind `Account.extra`, by the name they were asked for. */
  extraColumns: Map<string, Column>;
  findings: Finding[];
}

export interface AccountsOptions extends TableOptions {
  /** Columns to read as numbers besides the canonical ones: criteria and promotion columns. */
  numberColumns?: readonly string[];
}

const TEXT_COLUMNS = ['owner', 'industry', 'region', 'tier', 'tier_override'] as const;

/** Reads the Accounts sheet row by row: names required, keys unique, numbers and dates normalised. */
export async function readAccounts(source: SheetSource, options: AccountsOptions): Promise<AccountsTable> {
  const accounts: Account[] = [];
  const rowFindings: Finding[] = [];
  const seen = new Map<string, number>();
  let mapper: ((row: number, cells: (Cell | undefined)[]) => void) | undefined;
  let periods: Column[] = [];
  const extraColumns = new Map<string, Column>();
  const { layout, findings } = await scanTable(source, 'accounts', options, ({ row, cells }, layout) => {
    if (!mapper) {
      periods = layout.columns.filter((c) => c?.period !== undefined).sort((a, b) => a.period! - b.period! || a.index - b.index);
      for (const name of options.numberColumns ?? []) {
        const c = findColumn(layout, name, options.aliases);
        if (c && !(c.key && (ACCOUNT_NUMBER_COLUMNS as readonly string[]).includes(c.key))) extraColumns.set(name, c);
      }
      mapper = accountMapper(layout, periods, extraColumns, accounts, rowFindings, seen);
    }
    mapper(row, cells);
  });
  findings.push(...rowFindings);
  return { layout, accounts, periods, extraColumns, findings };
}

function accountMapper(
  layout: Layout,
  periods: Column[],
  extraColumns: Map<string, Column>,
  accounts: Account[],
  findings: Finding[],
  seen: Map<string, number>,
): (row: number, cells: (Cell | undefined)[]) => void {
  const col = (key: string): Column | undefined => layout.byKey.get(key);
  const nameCol = col('name');
  const idCol = col('id');
  return (row, cells) => {
    if (!nameCol) return;
    const name = parseText(cells[nameCol.index], layout.date1904);
    const id = idCol ? parseText(cells[idCol.index], layout.date1904) : undefined;
    if (!name?.ok) {
      findings.push(name ? invalidValue(name, cells[nameCol.index], layout, row, nameCol) : cellFinding('schema/empty-required', layout, row, nameCol, { header: nameCol.header }, id?.ok ? { account: id.value } : {}));
      return;
    }
    const account: Account = { row, name: name.value, key: '', numbers: {}, periods: [], extra: {} };
    const about = { account: name.value };
    if (id?.ok) account.id = id.value;
    else if (id && !id.ok) findings.push(invalidValue(id, cells[idCol!.index], layout, row, idCol!, about));
    account.key = accountKey(account.id ?? account.name);
    const first = seen.get(account.key);
    if (first !== undefined) {
      findings.push(cellFinding('schema/duplicate-key', layout, row, account.id !== undefined ? idCol! : nameCol, { key: account.id ?? account.name, first }, about));
    } else {
      seen.set(account.key, row);
    }
    for (const key of TEXT_COLUMNS) {
      const c = col(key);
      if (!c) continue;
      const t = parseText(cells[c.index], layout.date1904);
      if (!t) continue;
      if (!t.ok) findings.push(invalidValue(t, cells[c.index], layout, row, c, about));
      else if (!isPlaceholder(t.value)) account[key === 'tier_override' ? 'tierOverride' : key] = t.value;
    }
    for (const key of ACCOUNT_NUMBER_COLUMNS) {
      const c = col(key);
      if (!c) continue;
      const n = parseNumber(cells[c.index], { scale: c.scale });
      if (n?.ok) account.numbers[key] = n.value;
      else if (n) findings.push(invalidValue(n, cells[c.index], layout, row, c, about));
    }
    for (const key of ['last_contact', 'since'] as const) {
      const c = col(key);
      if (!c) continue;
      const d = parseDate(cells[c.index], layout.date1904);
      if (d?.ok) account[key === 'last_contact' ? 'lastContact' : 'since'] = d.value;
      else if (d) findings.push(invalidValue(d, cells[c.index], layout, row, c, about));
    }
    for (const p of periods) {
      const n = parseNumber(cells[p.index], { scale: p.scale });
      if (n && !n.ok) findings.push(invalidValue(n, cells[p.index], layout, row, p, about));
      account.periods.push(n?.ok ? n.value : undefined);
    }
    for (const [name, c] of extraColumns) {
      const n = parseNumber(cells[c.index], { scale: c.scale });
      if (n && !n.ok) findings.push(invalidValue(n, cells[c.index], layout, row, c, about));
      account.extra[name] = n?.ok ? n.value : undefined;
    }
    accounts.push(account);
  };
}

/** The folded form under which an account is looked up (by id or name). */
export function accountKey(text: string): string {
  return fold(text);
}

/**
 * Finds the column a criterion or rule names: a canonical column (`annual_revenue`), an alias
 * (`年采购额`), or a header as written (`服务评分`, with or without its unit).
 */
export function findColumn(layout: Layout, name: string, aliases: Aliases = {}): Column | undefined {
  const direct = layout.byKey.get(name);
  if (direct) return direct;
  const wanted = foldKey(splitUnit(name).base);
  for (const c of layout.columns) {
    if (c && (fold(c.header) === fold(name) || foldKey(splitUnit(c.header).base) === wanted)) return c;
  }
  const key = aliasIndex('accounts', aliases).get(wanted);
  return key ? layout.byKey.get(key) : undefined;
}

export interface ColumnValues {
  /** The column scored, or the derivation used (`since` for years). */
  column: Column;
  values: (number | undefined)[];
}

/**
 * The numbers of one column for every account; `years` falls back to years since `since`. Only
 * canonical numeric columns and those asked for when reading (`numberColumns`) are available.
 */
export function columnValues(table: AccountsTable, name: string, asOf: IsoDate): ColumnValues | undefined {
  const { layout, accounts } = table;
  const since = layout.byKey.get('since');
  const yearsSince = (a: Account): number | undefined => (a.since === undefined ? undefined : Math.max(0, daysBetween(a.since, asOf) / 365.25));
  const extra = table.extraColumns.get(name);
  if (extra) return { column: extra, values: accounts.map((a) => a.extra[name]) };
  const column = layout.byKey.get(name) ?? findColumn(layout, name);
  if (column?.key && (ACCOUNT_NUMBER_COLUMNS as readonly string[]).includes(column.key)) {
    // An empty 合作年限 cell is filled from 合作开始日期 where the sheet has both.
    const fill = column.key === 'years' && since !== undefined;
    return { column, values: accounts.map((a) => a.numbers[column.key as NumberColumn] ?? (fill ? yearsSince(a) : undefined)) };
  }
  if (name === 'years' && since) return { column: since, values: accounts.map(yearsSince) };
  return undefined;
}
