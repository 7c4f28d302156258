/** `kam diff` for the terminal: the counts, then each account's changes (+ − →), the findings introduced and resolved, the load moves. */
import type { DiffResult } from '../../diff/compare.js';
import { label } from '../../i18n/labels.js';
import type { Finding } from '../../model/finding.js';
import { safeText } from '../../util/safe-text.js';
import type { ReportContext } from '../context.js';
import { findingMessage, findingWhere } from '../shared/findings.js';
import { wrapAfter } from '../shared/fit.js';
import { fmtPercent } from '../shared/numbers.js';
import { changeGroups, changeSentence, glyph, hasChanges, shownCell, summaryLines } from './shared.js';

/** The diff as coloured text: green +, red −, yellow →. */
export function* diffText(result: DiffResult, ctx: ReportContext): Generator<string> {
  const { lang, color: c, width } = ctx;
  yield `${c.bold(label(lang, 'diff.title', { old: result.old, new: result.new }))}\n`;
  if (!hasChanges(result) && result.duplicates.length === 0) {
    yield `${c.green(label(lang, 'diff.none'))}\n`;
    return;
  }
  for (const l of summaryLines(result, lang)) yield `${l}\n`;
  for (const g of changeGroups(result, lang)) {
    yield `\n${c.bold(g.title)}\n`;
    for (const ch of g.changes) {
      const mark = glyph(ch);
      const paint = mark === '+' ? c.green : mark === '−' ? c.red : c.yellow;
      const where = shownCell(ch);
      const text = changeSentence(ch, lang, result.tiers);
      yield `${wrapAfter(`  ${paint(mark)} `, ch.lostAccountable ? c.red(text) : text, width, { indent: 4, ...(where ? { tail: c.dim(where) } : {}) }).join('\n')}\n`;
    }
  }
  const findings = (title: string, list: readonly Finding[], mark: string) => {
    const out = [`\n${c.bold(title)}`];
    for (const f of list) out.push(...wrapAfter(`  ${mark} ${c.cyan(findingWhere(f) ?? '')}  `, findingMessage(f, lang, result.tiers), width, { indent: 4, tail: c.dim(f.rule) }));
    return `${out.join('\n')}\n`;
  };
  if (result.introduced.length > 0) yield findings(label(lang, 'diff.introduced', { n: result.introduced.length }), result.introduced, c.red('+'));
  if (result.resolved.length > 0) yield findings(label(lang, 'diff.resolved', { n: result.resolved.length }), result.resolved, c.green('−'));
  if (result.duplicates.length > 0) yield findings(label(lang, 'diff.duplicates', { n: result.duplicates.length }), result.duplicates, c.yellow('⚠'));
  if (result.load.length > 0) {
    yield `\n${c.bold(label(lang, 'diff.load'))}\n`;
    for (const l of result.load) {
      const pct = (u: { utilization: number } | undefined) => (u && Number.isFinite(u.utilization) ? fmtPercent(u.utilization, 0) : '—');
      yield `  ${safeText(l.person)}  ${pct(l.before)} → ${pct(l.after)}\n`;
    }
  }
}
