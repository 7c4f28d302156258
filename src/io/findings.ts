/** Building findings that point at a cell of a table. */
import type { Finding } from '../model/finding.js';
import { RULES, type RuleId } from '../model/rules.js';
import type { Params } from '../model/errors.js';
import type { Column, Layout } from './table.js';
import type { Parsed } from './values.js';
import type { Cell } from '../model/cell.js';
import { formatNumber } from './values.js';

/** A finding at `layout.sheet!{column}{row}` with the rule's default severity. */
export function cellFinding(rule: RuleId, layout: Layout, row: number, column: Column | undefined, args: Params, about: Pick<Finding, 'account' | 'person' | 'task'> = {}): Finding {
  const f: Finding = { rule, severity: RULES[rule], args, sheet: layout.sheet, row };
  if (column) f.column = column.letter;
  if (about.account !== undefined) f.account = about.account;
  if (about.person !== undefined) f.person = about.person;
  if (about.task !== undefined) f.task = about.task;
  return f;
}

/** The finding for a value a normaliser could not read. */
export function invalidValue<T>(parsed: Extract<Parsed<T>, { ok: false }>, cell: Cell | undefined, layout: Layout, row: number, column: Column, about: Pick<Finding, 'account' | 'person' | 'task'> = {}): Finding {
  return cellFinding('schema/invalid-value', layout, row, column, { header: column.header, value: cellText(cell), expected: parsed.reason }, about);
}

/** How a cell looked, for messages. */
export function cellText(cell: Cell | undefined): string {
  if (cell === undefined) return '';
  switch (cell.t) {
    case 'n':
      return formatNumber(cell.v);
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE';
    case 'f':
      return `=${cell.v}`;
    default:
      return cell.v;
  }
}
