/**
 * `--format github`: one GitHub Actions workflow command per finding, so that each shows as an
 * annotation: `::error file=book.xlsx,title=raci/no-accountable::分工明细!D14 …`; for a CSV with
 * the line its row starts on, `::error file=dol.csv,line=14,title=…`.
 */
import type { CheckReport, GapsReport } from '../../rules/check.js';
import type { ReportContext } from '../context.js';
import { findingMessage, findingWhere } from '../shared/findings.js';
import { safeLines } from '../../util/safe-text.js';
import { label } from '../../i18n/labels.js';

/** Escapes the message of a workflow command (%, CR, LF), as the runner unescapes it. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value of a workflow command (also `:` and `,`). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const COMMAND = { error: 'error', warn: 'warning', info: 'notice' } as const;

/**
 * One workflow command per finding, then a summary line. User text is first made safe to print
 * (control characters and escape sequences shown as `\x1b`, `\u202e`; line breaks kept), then
 * escaped by GitHub's rules: a line break is `%0A`, so no text can start a command of its own.
 */
export function githubAnnotations(report: CheckReport | GapsReport, ctx: ReportContext): string {
  const lines = report.findings.map((f) => {
    const cell = findingWhere(f, 'lines');
    const message = `${cell ? `${cell} ` : ''}${findingMessage(f, ctx.lang, report.tiers, 'lines')}`;
    const file = (f.sheet !== undefined ? report.sheetFiles?.get(f.sheet) : undefined) ?? report.file;
    // A CSV's row is a line of the file: GitHub shows the annotation there in a pull request's diff.
    const line = f.sheet !== undefined && f.row !== undefined ? report.lineOf?.(f.sheet, f.row) : undefined;
    return `::${COMMAND[f.severity]} file=${escapeProperty(safeLines(file))}${line !== undefined ? `,line=${line}` : ''},title=${escapeProperty(f.rule)}::${escapeData(message)}`;
  });
  const { error, warn, info } = report.summary;
  lines.push(`kam ${report.kind}: ${label(ctx.lang, 'findings.summary', { error, warn, info })}`);
  return `${lines.join('\n')}\n`;
}
