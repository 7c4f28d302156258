/** `--format github`: one GitHub Actions workflow command per finding, so that each shows as an annotation: `::error file=book.xlsx,title=raci/no-accountable::分工明细!D14 …`. */
import type { CheckReport, GapsReport } from '../../rules/check.js';
import type { ReportContext } from '../context.js';
import { findingCell } from '../../model/finding.js';
import { findingMessage } from '../shared/findings.js';

/** Escapes the message of a workflow command (%, CR, LF). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value of a workflow command (also `:` and `,`). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const COMMAND = { error: 'error', warn: 'warning', info: 'notice' } as const;

/** One workflow command per finding, then a summary line. */
export function githubAnnotations(report: CheckReport | GapsReport, ctx: ReportContext): string {
  const lines = report.findings.map((f) => {
    const cell = findingCell(f);
    const message = `${cell ? `${cell} ` : ''}${findingMessage(f, ctx.lang, report.tiers)}`;
    return `::${COMMAND[f.severity]} file=${escapeProperty(report.file)},title=${escapeProperty(f.rule)}::${escapeData(message)}`;
  });
  const { error, warn, info } = report.summary;
  lines.push(`kam ${report.kind}: ${error} error(s), ${warn} warning(s), ${info} note(s)`);
  return `${lines.join('\n')}\n`;
}
