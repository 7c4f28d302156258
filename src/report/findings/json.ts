/** `kam check` and `kam gaps` as JSON: the stable shape of SPEC §8b. */
import type { CheckReport, GapsReport } from '../../rules/check.js';
import { type Finding, findingCell } from '../../model/finding.js';
import type { Lang } from '../../model/lang.js';
import type { ReportContext } from '../context.js';
import { findingMessage } from '../shared/findings.js';

/** A finding in the §8b shape, values exact (the message too); absent fields are left out. */
export function findingJson(f: Finding, lang: Lang, tiers: CheckReport['tiers']): Record<string, unknown> {
  const out: Record<string, unknown> = { rule: f.rule, severity: f.severity, message: findingMessage(f, lang, tiers, 'exact') };
  if (f.sheet !== undefined) out.sheet = f.sheet;
  if (f.row !== undefined) out.row = f.row;
  if (f.column !== undefined) out.column = f.column;
  const cell = findingCell(f);
  if (cell !== undefined && f.row !== undefined) out.cell = cell;
  if (f.account !== undefined) out.account = f.account;
  if (f.person !== undefined) out.person = f.person;
  if (f.task !== undefined) out.task = f.task;
  return out;
}

/** `check` and `gaps` in the §8b shape. */
export function* findingsJson(report: CheckReport | GapsReport, ctx: ReportContext): Generator<string> {
  const { lang } = ctx;
  yield `{\n  "file": ${JSON.stringify(report.file)},\n  "asOf": ${JSON.stringify(report.asOf)},\n  "summary": ${JSON.stringify(report.summary, null, 2).replace(/\n/g, '\n  ')},\n  "findings": [`;
  for (let i = 0; i < report.findings.length; i++) yield `${i === 0 ? '' : ','}\n    ${findingText(report.findings[i]!, lang, report.tiers)}`;
  yield `${report.findings.length > 0 ? '\n  ' : ''}]\n}\n`;
}

/**
 * A finding as {@link findingJson} indented by JSON.stringify(…, null, 2) inside the findings list,
 * written field by field (no object per finding; the same text, in the same key order).
 */
function findingText(f: Finding, lang: Lang, tiers: CheckReport['tiers']): string {
  const q = JSON.stringify;
  const field = (k: string, v: unknown): string => `,\n      "${k}": ${q(v)}`;
  let s = `{\n      "rule": ${q(f.rule)},\n      "severity": ${q(f.severity)}${field('message', findingMessage(f, lang, tiers, 'exact'))}`;
  if (f.sheet !== undefined) s += field('sheet', f.sheet);
  // A row number as JSON.stringify writes a whole number (no call for it).
  if (f.row !== undefined) s += Number.isInteger(f.row) ? `,\n      "row": ${f.row}` : field('row', f.row);
  if (f.column !== undefined) s += field('column', f.column);
  const cell = findingCell(f);
  if (cell !== undefined && f.row !== undefined) s += field('cell', cell);
  if (f.account !== undefined) s += field('account', f.account);
  if (f.person !== undefined) s += field('person', f.person);
  if (f.task !== undefined) s += field('task', f.task);
  return `${s}\n    }`;
}
