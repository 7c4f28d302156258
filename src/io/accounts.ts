/** The Accounts sheet as typed accounts, with a finding for every cell that cannot be read. */
import type { Aliases } from '../model/aliases.js';
import { ACCOUNT_NUMBER_COLUMNS } from '../model/columns.js';
import type { Cell } from '../model/cell.js';
import type { Finding } from '../model/finding.js';
import { daysBetween, type IsoDate } from '../util/date.js';
import { fold, foldKey } from '../util/text.js';
import { cellFinding, invalidValue } from './findings.js';
import { aliasIndex, splitUnit } from './headers.js';
import type { SheetSource } from './source.js';
import { readTable, type Column, type Layout, type TableOptions } from './table.js';
import { parseDate, parseNumber, parseText } from './values.js';

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
  /** The recorded tier and the pinned tier, as written. */
  tier?: string;
  tierOverride?: string;
  lastContact?: IsoDate;
  since?: IsoDate;
  /** Numbers of the canonical numeric columns, in yuan where they are amounts. */
  numbers: Partial<Record<(typeof ACCOUNT_NUMBER_COLUMNS)[number], number>>;
  /** Revenue per period, aligned with `AccountsTable.periods`. */
  periods: (number | undefined)[];
  cells: (Cell | undefined)[];
}

export interface AccountsTable {
  layout: Layout;
  accounts: Account[];
  /** Revenue-per-period columns, oldest first. */
  periods: Column[];
  findings: Finding[];
}

const TEXT_COLUMNS = ['owner', 'industry', 'region', 'tier', 'tier_override'] as const;

/** Reads the Accounts sheet: names required, keys unique, numbers and dates normalised. */
export async function readAccounts(source: SheetSource, options: TableOptions): Promise<AccountsTable> {
  const { layout, rows, findings } = await readTable(source, 'accounts', options);
  const periods = layout.columns.filter((c) => c?.period !== undefined).sort((a, b) => a.period! - b.period! || a.index - b.index);
  const accounts: Account[] = [];
  const seen = new Map<string, number>();
  const col = (key: string): Column | undefined => layout.byKey.get(key);
  const nameCol = col('name');
  if (!nameCol) return { layout, accounts, periods, findings };
  const idCol = col('id');
  for (const { row, cells } of rows) {
    const name = parseText(cells[nameCol.index], layout.date1904);
    const id = idCol ? parseText(cells[idCol.index], layout.date1904) : undefined;
    if (!name?.ok) {
      findings.push(name ? invalidValue(name, cells[nameCol.index], layout, row, nameCol) : cellFinding('schema/empty-required', layout, row, nameCol, { header: nameCol.header }, id?.ok ? { account: id.value } : {}));
      continue;
    }
    const account: Account = { row, name: name.value, key: '', numbers: {}, periods: [], cells };
    const about = { account: name.value };
    if (id?.ok) account.id = id.value;
    else if (id && !id.ok) findings.push(invalidValue(id, cells[idCol!.index], layout, row, idCol!, about));
    account.key = accountKey(account.id ?? account.name);
    const keyCol = account.id !== undefined ? idCol! : nameCol;
    const first = seen.get(account.key);
    if (first !== undefined) {
      findings.push(cellFinding('schema/duplicate-key', layout, row, keyCol, { key: account.id ?? account.name, first }, about));
    } else {
      seen.set(account.key, row);
    }
    for (const key of TEXT_COLUMNS) {
      const c = col(key);
      if (!c) continue;
      const t = parseText(cells[c.index], layout.date1904);
      if (!t) continue;
      if (!t.ok) {
        findings.push(invalidValue(t, cells[c.index], layout, row, c, about));
        continue;
      }
      if (key === 'tier_override') account.tierOverride = t.value;
      else account[key] = t.value;
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
    accounts.push(account);
  }
  return { layout, accounts, periods, findings };
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
  findings: Finding[];
}

/** The numbers of one column for every account; `years` falls back to years since `since`. */
export function columnValues(table: AccountsTable, name: string, asOf: IsoDate, aliases: Aliases = {}): ColumnValues | undefined {
  const { layout, accounts } = table;
  const key = name as (typeof ACCOUNT_NUMBER_COLUMNS)[number];
  const column = findColumn(layout, name, aliases);
  const since = layout.byKey.get('since');
  const yearsSince = (a: Account): number | undefined => (a.since === undefined ? undefined : Math.max(0, daysBetween(a.since, asOf) / 365.25));
  if (column?.key && (ACCOUNT_NUMBER_COLUMNS as readonly string[]).includes(column.key)) {
    // An empty 合作年限 cell is filled from 合作开始日期 where the sheet has both.
    const fill = column.key === 'years' && since !== undefined;
    return { column, values: accounts.map((a) => a.numbers[column.key as typeof key] ?? (fill ? yearsSince(a) : undefined)), findings: [] };
  }
  if (column) {
    const findings: Finding[] = [];
    const values = accounts.map((a) => {
      const n = parseNumber(a.cells[column.index], { scale: column.scale });
      if (n && !n.ok) findings.push(invalidValue(n, a.cells[column.index], layout, a.row, column, { account: a.name }));
      return n?.ok ? n.value : undefined;
    });
    return { column, values, findings };
  }
  if (name === 'years' && since) return { column: since, values: accounts.map(yearsSince), findings: [] };
  return undefined;
}
