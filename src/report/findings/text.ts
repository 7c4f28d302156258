/** `kam check` and `kam gaps` for the terminal. */
import type { CheckReport, GapsReport } from '../../rules/check.js';
import type { Finding } from '../../model/finding.js';
import type { ReportContext } from '../context.js';
import { findingHint, findingMessage, findingWhere } from '../shared/findings.js';
import { cutTo, joinFitting, wrapAfter } from '../shared/fit.js';
import { safeText } from '../../util/safe-text.js';
import { displayWidth } from '../../util/width.js';
import { label } from '../../i18n/labels.js';
import { tierName } from '../../model/tier.js';

/** The severity as a sign and a word in the report's language (`✖ error`, `⚠ 警告`), padded to one width. */
function mark(f: Finding, ctx: ReportContext): string {
  const c = ctx.color;
  const word = label(ctx.lang, `severity.${f.severity}`);
  const text = `${f.severity === 'error' ? '✖' : f.severity === 'warn' ? '⚠' : 'ℹ'} ${word}${' '.repeat(Math.max(0, 5 - displayWidth(word)))}`;
  return f.severity === 'error' ? c.red(text) : f.severity === 'warn' ? c.yellow(text) : c.blue(text);
}

// Continuation lines start under the cell: `  ✖ error  `.
const INDENT = 11;

/** A finding: mark, cell, message and rule, the message wrapped to the width (cell and rule never cut); its hint below. */
function line(f: Finding, report: CheckReport | GapsReport, ctx: ReportContext, where: string): string[] {
  const c = ctx.color;
  const out = wrapAfter(`  ${mark(f, ctx)}  ${c.cyan(where)}  `, findingMessage(f, ctx.lang, report.tiers), ctx.width, { indent: INDENT, tail: c.dim(f.rule) });
  const hint = findingHint(f, ctx.lang, report.tiers);
  if (hint) out.push(...wrapAfter(`${' '.repeat(INDENT)}${c.dim('↳')} `, hint, ctx.width, { indent: INDENT + 2, paint: (s) => c.dim(s) }));
  return out;
}

/** The title line(s): the report, the file, the date. */
function title(key: 'check.title' | 'gaps.title', report: CheckReport | GapsReport, ctx: ReportContext): string[] {
  const parts = [label(ctx.lang, key), safeText(report.file), label(ctx.lang, 'tier.asOf', { date: report.asOf })];
  return joinFitting(parts, ' · ', ctx.width).map((l) => ctx.color.bold(l));
}

/** The closing line: counts per severity, or that all is well. */
export function summaryLine(report: CheckReport | GapsReport, ctx: ReportContext): string {
  const { error, warn, info } = report.summary;
  const c = ctx.color;
  if (error + warn + info === 0) return c.green(`✔ ${label(ctx.lang, report.kind === 'gaps' ? 'gaps.none' : 'check.clean')}`);
  const text = label(ctx.lang, 'findings.summary', { error, warn, info });
  return error > 0 ? c.red.bold(`✖ ${text}`) : warn > 0 ? c.yellow(`⚠ ${text}`) : c.blue(`ℹ ${text}`);
}

/** Lines as text, each ended by a line break. */
function lines(out: readonly string[]): string {
  let text = '';
  for (const l of out) text += `${l}\n`;
  return text;
}

/** Findings grouped by sheet, each with its cell, message, rule and hint; given finding by finding (a million findings are never one string). */
export function* checkText(report: CheckReport, ctx: ReportContext): Generator<string> {
  const c = ctx.color;
  yield lines(title('check.title', report, ctx));
  let sheet: string | undefined | null = null;
  for (const f of report.findings) {
    const out: string[] = [];
    if (f.sheet !== sheet) {
      sheet = f.sheet;
      const name = safeText(sheet ?? report.file);
      out.push('', c.bold.underline(cutTo(name, ctx.width)));
    }
    const where = f.row === undefined ? '' : `${f.column ?? ''}${f.row}`;
    out.push(...line(f, report, ctx, where));
    yield lines(out);
  }
  yield lines(['', summaryLine(report, ctx)]);
}

/** The gap report: one block per account, most severe and highest tier first; a long account name is cut to fit the line. Given account by account. */
export function* gapsText(report: GapsReport, ctx: ReportContext): Generator<string> {
  const c = ctx.color;
  yield lines(title('gaps.title', report, ctx));
  for (const g of report.groups) {
    const tier = g.tier ? ` · ${safeText(tierName(report.tiers, g.tier, ctx.lang))}` : '';
    const other = g.account === '';
    const id = !other && g.id ? ` (${safeText(g.id)})` : '';
    const rest = `${id}${tier} · ${label(ctx.lang, 'gaps.count', { n: g.findings.length })}`;
    const account = other ? label(ctx.lang, 'gaps.other') : safeText(g.account);
    const out = ['', `${c.bold(cutTo(account, ctx.width, displayWidth(rest)) + id)}${rest.slice(id.length)}`];
    for (const f of g.findings) out.push(...line(f, report, ctx, findingWhere(f) ?? ''));
    yield lines(out);
  }
  yield lines(['', summaryLine(report, ctx)]);
}
