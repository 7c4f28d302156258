/** `kam check` and `kam gaps` for the terminal. */
import type { CheckReport, GapsReport } from '../../rules/check.js';
import type { Finding } from '../../model/finding.js';
import type { ReportContext } from '../context.js';
import { findingHint, findingMessage, findingWhere } from '../shared/findings.js';
import { safeText } from '../../util/safe-text.js';
import { label } from '../../i18n/labels.js';
import { tierName } from '../../model/tier.js';

function mark(f: Finding, ctx: ReportContext): string {
  const c = ctx.color;
  return f.severity === 'error' ? c.red('✖ error') : f.severity === 'warn' ? c.yellow('⚠ warn ') : c.blue('ℹ info ');
}

function line(f: Finding, report: CheckReport | GapsReport, ctx: ReportContext, where: string): string[] {
  const c = ctx.color;
  const out = [`  ${mark(f, ctx)}  ${c.cyan(where)}  ${findingMessage(f, ctx.lang, report.tiers)}  ${c.dim(f.rule)}`];
  const hint = findingHint(f, ctx.lang, report.tiers);
  if (hint) out.push(`           ${c.dim(`↳ ${hint}`)}`);
  return out;
}

/** The closing line: counts per severity, or that all is well. */
export function summaryLine(report: CheckReport | GapsReport, ctx: ReportContext): string {
  const { error, warn, info } = report.summary;
  const c = ctx.color;
  if (error + warn + info === 0) return c.green(`✔ ${label(ctx.lang, report.kind === 'gaps' ? 'gaps.none' : 'check.clean')}`);
  const text = label(ctx.lang, 'findings.summary', { error, warn, info });
  return error > 0 ? c.red.bold(`✖ ${text}`) : c.yellow(`⚠ ${text}`);
}

/** Findings grouped by sheet, each with its cell, message, rule and hint. */
export function checkText(report: CheckReport, ctx: ReportContext): string {
  const c = ctx.color;
  const out = [c.bold(`${label(ctx.lang, 'check.title')} · ${safeText(report.file)} · ${label(ctx.lang, 'tier.asOf', { date: report.asOf })}`)];
  let sheet: string | undefined | null = null;
  for (const f of report.findings) {
    if (f.sheet !== sheet) {
      sheet = f.sheet;
      out.push('', c.bold.underline(safeText(sheet ?? report.file)));
    }
    const where = f.row === undefined ? '' : `${f.column ?? ''}${f.row}`;
    out.push(...line(f, report, ctx, where));
  }
  out.push('', summaryLine(report, ctx));
  return `${out.join('\n')}\n`;
}

/** The gap report: one block per account, most severe and highest tier first. */
export function gapsText(report: GapsReport, ctx: ReportContext): string {
  const c = ctx.color;
  const out = [c.bold(`${label(ctx.lang, 'gaps.title')} · ${safeText(report.file)} · ${label(ctx.lang, 'tier.asOf', { date: report.asOf })}`)];
  for (const g of report.groups) {
    const tier = g.tier ? ` · ${safeText(tierName(report.tiers, g.tier, ctx.lang))}` : '';
    const name = g.account === '' ? label(ctx.lang, 'gaps.other') : safeText(`${g.account}${g.id ? ` (${g.id})` : ''}`);
    out.push('', `${c.bold(name)}${tier} · ${label(ctx.lang, 'gaps.count', { n: g.findings.length })}`);
    for (const f of g.findings) out.push(...line(f, report, ctx, findingWhere(f) ?? ''));
  }
  out.push('', summaryLine(report, ctx));
  return `${out.join('\n')}\n`;
}
