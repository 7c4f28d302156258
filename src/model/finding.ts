/** Findings: what `check`, `gaps` and the readers report, as codes and arguments, never sentences. */
import type { Params } from './errors.js';

export const SEVERITIES = ['error', 'warn', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

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
