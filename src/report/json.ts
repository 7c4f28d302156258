/** `--format json`: the documented, stable interface of SPEC §8b. Numbers are not rounded. */
import type { Lang } from '../model/lang.js';
import { findingCell, type Finding } from '../model/finding.js';
import type { CheckReport, GapsReport } from '../rules/check.js';
import type { TierReport } from '../scoring/score.js';
import type { LoadReport } from '../workload/report.js';
import type { ReportContext } from './context.js';
import { findingMessage } from './findings.js';
import type { Result } from './index.js';

/** One account of a tier report in the §8b shape, indented for its place in the array. */
function tierAccountJson(a: TierReport['accounts'][number], criteria: TierReport['criteria']): string {
  const head = JSON.stringify({ rank: a.rank, id: a.id ?? null, name: a.name, score: a.score, tier: a.tier, recordedTier: a.recordedTier ?? null, pinned: a.pinned, trend: a.trend }, null, 2);
  // Contributions are written key by key: a criterion named "__proto__" stays a plain key.
  const contributions = criteria.map((c, j) => `        ${JSON.stringify(c.column)}: ${JSON.stringify(a.points[j] ?? 0)}`).join(',\n');
  return `${head.slice(0, -2).replace(/\n/g, '\n    ')},\n      "contributions": {${contributions ? `\n${contributions}\n      ` : ''}}\n    }`;
}

/**
 * The §8b shape of a tier report, account by account: a 100,000-account report never has to be
 * one string in memory. The text is what JSON.stringify(…, null, 2) would give.
 */
export function* tierJson(report: TierReport): Generator<string> {
  const indent = (value: unknown, depth: number): string => JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);
  yield `{\n  "method": ${JSON.stringify(report.method)},\n  "accounts": [`;
  for (let i = 0; i < report.accounts.length; i++) {
    yield `${i === 0 ? '' : ','}\n    ${tierAccountJson(report.accounts[i]!, report.criteria)}`;
  }
  yield `${report.accounts.length > 0 ? '\n  ' : ''}],\n  "summary": ${indent(report.summary.map((s) => ({ tier: s.tier, count: s.count, revenue: s.revenue, revenueShare: s.revenueShare })), 1)}\n}\n`;
}

/** A finding in the §8b shape; absent fields are left out. */
export function findingJson(f: Finding, lang: Lang, tiers: CheckReport['tiers']): Record<string, unknown> {
  const out: Record<string, unknown> = { rule: f.rule, severity: f.severity, message: findingMessage(f, lang, tiers) };
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
export function* findingsJson(report: CheckReport | GapsReport, lang: Lang): Generator<string> {
  // Written key by key: the same text as JSON.stringify(…, null, 2), at a fraction of the cost.
  const indent = (value: Record<string, unknown>): string => `{\n${Object.entries(value).map(([k, v]) => `      ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n')}\n    }`;
  yield `{\n  "file": ${JSON.stringify(report.file)},\n  "asOf": ${JSON.stringify(report.asOf)},\n  "summary": ${JSON.stringify(report.summary, null, 2).replace(/\n/g, '\n  ')},\n  "findings": [`;
  for (let i = 0; i < report.findings.length; i++) yield `${i === 0 ? '' : ','}\n    ${indent(findingJson(report.findings[i]!, lang, report.tiers))}`;
  yield `${report.findings.length > 0 ? '\n  ' : ''}]\n}\n`;
}

/** `load` in the §8b shape; `utilization` a fraction (null when capacity is 0). */
export function loadJson(report: LoadReport): unknown {
  return {
    asOf: report.asOf,
    people: report.people.map((p) => ({
      name: p.name,
      role: p.role ?? null,
      department: p.department ?? null,
      hours: p.hours,
      capacity: p.capacity,
      utilization: Number.isFinite(p.utilization) ? p.utilization : null,
      status: p.status,
      accounts: p.accounts,
      accountable: p.accountable,
    })),
    suggestions: (report.suggestion?.moves ?? []).map((m) => ({
      account: m.item.group.account?.name ?? m.item.group.accountText,
      task: m.item.assignment.task,
      from: m.from.name,
      to: m.to.name,
      hours: m.hours,
    })),
  };
}

/** Any result as JSON text. */
export function json(result: Result, ctx: ReportContext): string | Iterable<string> {
  switch (result.kind) {
    case 'tier':
      return tierJson(result);
    case 'check':
    case 'gaps':
      return findingsJson(result, ctx.lang);
    case 'load':
      return `${JSON.stringify(loadJson(result), null, 2)}\n`;
    case 'config':
      return `${JSON.stringify(result.value, null, 2)}\n`;
  }
}
