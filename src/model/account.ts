/** An account (客户) of the Accounts sheet, and the sheet read as a table. */
import type { ACCOUNT_NUMBER_COLUMNS } from './columns.js';
import type { Finding } from './finding.js';
import type { Column, Layout } from './table.js';
import type { IsoDate } from '../util/date.js';

export type NumberColumn = (typeof ACCOUNT_NUMBER_COLUMNS)[number];

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
  /**
   * The columns asked for by name when reading (criteria, promotion columns), where the sheet has
   * them; the values of those that are not canonical number columns are in `Account.extra`.
   */
  named: Map<string, Column>;
  /**
   * When the sheet has no annual-revenue column but revenue per period: the latest period's
   * column, whose values stand in as the annual revenue (`Account.numbers.annual_revenue`).
   */
  revenueFrom?: Column;
  findings: Finding[];
  /** The accounts a division of labour names with their tier (a RACI matrix, a sheet of id, name and tier): no Accounts sheet. */
  fromRows?: true;
}
