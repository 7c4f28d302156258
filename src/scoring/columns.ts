/** The numbers scoring reads from the accounts: one column for every account. */
import type { Account, AccountsTable, NumberColumn } from '../model/account.js';
import { ACCOUNT_NUMBER_COLUMNS } from '../model/columns.js';
import type { Column } from '../model/table.js';
import { daysBetween, type IsoDate } from '../util/date.js';

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
  const column = table.named.get(name) ?? layout.byKey.get(name);
  if (column && !(column.key && (ACCOUNT_NUMBER_COLUMNS as readonly string[]).includes(column.key))) {
    return { column, values: accounts.map((a) => (Object.hasOwn(a.extra, name) ? a.extra[name] : undefined)) };
  }
  if (column) {
    // An empty 合作年限 cell is filled from 合作开始日期 where the sheet has both.
    const fill = column.key === 'years' && since !== undefined;
    return { column, values: accounts.map((a) => a.numbers[column.key as NumberColumn] ?? (fill ? yearsSince(a) : undefined)) };
  }
  if (name === 'years' && since) return { column: since, values: accounts.map(yearsSince) };
  if (name === 'annual_revenue' && table.revenueFrom) return { column: table.revenueFrom, values: accounts.map((a) => a.numbers.annual_revenue) };
  return undefined;
}
