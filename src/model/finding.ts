/** Findings: what `check`, `gaps` and the readers report, as codes and arguments, never sentences. */
import type { Params } from './errors.js';
import { RULES, type RuleId, type Severity } from './rules.js';
import type { Column, Layout } from './table.js';
import { compareText } from '../util/compare.js';
import { columnIndex } from '../util/cellref.js';

export interface Finding {
  rule: string;
  severity: Severity;
  args: Params;
  sheet?: string;
  row?: number;
  column?: string;
  account?: string;
  person?: string;
  task?: string;
}

/** Orders severities: error 3, warn 2, info 1. */
export function severityRank(s: Severity): number {
  return s === 'error' ? 3 : s === 'warn' ? 2 : 1;
}

/** `Sheet!D14`; a whole row as Excel writes it (`Sheet!1:1`); the sheet alone; or undefined. */
export function findingCell(f: Finding): string | undefined {
  if (!f.sheet) return undefined;
  if (f.row === undefined) return f.sheet;
  return f.column === undefined ? `${f.sheet}!${f.row}:${f.row}` : `${f.sheet}!${f.column}${f.row}`;
}

/** Counts findings per severity. */
export function summarize(findings: readonly Finding[]): Record<Severity, number> {
  const out = { error: 0, warn: 0, info: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}

/** A finding at `layout.sheet!{column}{row}` with the rule's default severity. */
export function cellFinding(rule: RuleId, layout: Layout, row: number, column: Column | undefined, args: Params, about: Pick<Finding, 'account' | 'person' | 'task'> = {}): Finding {
  const f: Finding = { rule, severity: RULES[rule], args, sheet: layout.sheet, row };
  if (column) f.column = column.letter;
  if (about.account !== undefined) f.account = about.account;
  if (about.person !== undefined) f.person = about.person;
  if (about.task !== undefined) f.task = about.task;
  return f;
}

/**
 * Orders findings as the book is laid out: by sheet (in book order when `sheetOrder` is given,
 * else by name), row, column, then the most severe first, then by rule.
 */
/** Findings of one sheet in reading order: by row, then by column. */
export function byCell(a: Finding, b: Finding): number {
  return (a.row ?? 0) - (b.row ?? 0) || (a.column === undefined ? -1 : b.column === undefined ? 1 : columnIndex(a.column) - columnIndex(b.column));
}

export function sortFindings<T extends Finding>(findings: T[], sheetOrder?: readonly string[]): T[] {
  const order = sheetOrder ? new Map(sheetOrder.map((s, i) => [s, i])) : undefined;
  const bySheet = (a: Finding, b: Finding): number =>
    order ? (order.get(a.sheet ?? '') ?? -1) - (order.get(b.sheet ?? '') ?? -1) : compareText(a.sheet ?? '', b.sheet ?? '');
  return findings.sort(
    (a, b) =>
      bySheet(a, b) ||
      (a.row ?? 0) - (b.row ?? 0) ||
      (a.column?.length ?? 0) - (b.column?.length ?? 0) ||
      compareText(a.column ?? '', b.column ?? '') ||
      severityRank(b.severity) - severityRank(a.severity) ||
      compareText(a.rule, b.rule),
  );
}
