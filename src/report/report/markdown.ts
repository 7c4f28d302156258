/**
 * `kam report --format markdown` (issue 12): for a pull-request comment or `$GITHUB_STEP_SUMMARY`.
 * Headline counts first, then what needs action — errors by account, people over capacity, tier
 * moves — as tables GitHub renders, the rest in <details>; cell text escaped (`|`, `<`, backticks,
 * line breaks); kept under GitHub's 1 MiB step-summary limit, cut with a notice saying how much is
 * left out.
 */
import type { ReportResult } from '../../rules/report.js';
import { label } from '../../i18n/labels.js';
import { tierName } from '../../model/tier.js';
import type { ReportContext } from '../context.js';
import { findingMessage, findingWhere } from '../shared/findings.js';
import { mdCell, mdTable } from '../shared/markdown.js';
import { fmtPercent, fmtScore } from '../shared/numbers.js';
import { holderLines, unresolvedLines } from '../load/table.js';
import { FOLD_MAX } from './html.js';

/** GitHub's step summary takes 1 MiB; the report stays well under it. */
export const MARKDOWN_LIMIT = 1_000_000;

export function reportMarkdown(r: ReportResult, ctx: ReportContext): string {
  const { lang } = ctx;
  const L = (k: Parameters<typeof label>[1], p: Record<string, string | number> = {}): string => label(lang, k, p);
  const tierOf = (id: string | undefined): string => tierName(r.tiers, id, lang);
  const over = r.load.people.filter((p) => p.status === 'over');
  const overdue = r.gaps.findings.filter((f) => f.rule === 'time/overdue').length;
  // Sections, each whole: the first ones say what matters most; a section that would pass GitHub's
  // limit is left out with the others after it, and a last line says which.
  const sections: { title: string; text: string }[] = [];
  const head = [
    `## ${L('report.title')}`,
    '',
    `${mdCell(r.file)} · ${L('tier.asOf', { date: r.asOf })}`,
    '',
    mdTable({
      header: [L('report.summary'), ''],
      rows: [
        ...(r.tier ? r.tier.summary.map((s) => [`${tierOf(s.tier)} · ${L('report.accounts')}`, s.count]) : []),
        [L('report.errors'), r.findings.filter((f) => f.severity === 'error').length],
        [L('report.warnings'), r.findings.filter((f) => f.severity === 'warn').length],
        [L('report.overCapacity'), over.length],
        [L('report.overdue'), overdue],
      ],
    }, ['l', 'r']),
  ].join('\n');
  const gapRows = (severity: string) =>
    r.gaps.groups.flatMap((g) => g.findings.filter((f) => f.severity === severity).map((f) => [g.account ? g.account + (g.id ? ` (${g.id})` : '') : L('gaps.other'), g.tier ? tierOf(g.tier) : '', findingWhere(f) ?? '', findingMessage(f, lang, r.tiers), f.rule]));
  const gapHeader = [L('report.accounts'), L('tier'), L('report.cell'), L('report.problem'), L('report.rule')];
  // Errors: the gaps by account, then those of the book's sheets (a missing sheet, a cell that cannot be read).
  const gapRules = new Set(r.gaps.findings);
  const otherRows = (severity: string) => r.findings.filter((f) => f.severity === severity && !gapRules.has(f)).map((f) => [f.account ?? L('report.noAccount'), '', findingWhere(f) ?? '', findingMessage(f, lang, r.tiers), f.rule]);
  const errors = [...gapRows('error'), ...otherRows('error')];
  if (errors.length > 0) sections.push({ title: L('report.errors'), text: [`### ${L('report.errors')}`, '', ...folded(errors, r.top, gapHeader, L)].join('\n') });
  if (over.length > 0) {
    const lines = [`### ${L('report.overCapacity')}`, '', ...folded(over.map((p) => [p.name, p.role ?? '', p.hours.toFixed(2), fmtPercent(p.utilization, 0)]), r.top, [L('name.person'), L('role'), L('report.hours'), L('report.util')], L)];
    const moves = r.load.suggestion?.moves ?? [];
    const unresolved = unresolvedLines(r.load, lang);
    if (unresolved.length > 0) lines.push('', ...unresolved.map((line) => `- ${mdCell(line)}`));
    if (moves.length > 0) {
      lines.push('', `#### ${L('report.moves')}`, '');
      lines.push(...folded(moves.map((m) => [`${m.item.group.account?.name ?? m.item.group.accountText} · ${m.item.assignment.task}`, m.hours.toFixed(2), `${m.from.name} ${fmtPercent(m.fromBefore, 0)} → ${fmtPercent(m.fromAfter, 0)}`, `${m.to.name} ${fmtPercent(m.toBefore, 0)} → ${fmtPercent(m.toAfter, 0)}`]), r.top, [L('report.work'), L('report.hours'), L('report.from'), L('report.to')], L));
    }
    sections.push({ title: L('report.overCapacity'), text: lines.join('\n') });
  }
  // Work held by people no longer 在职, or not on the Staff sheet: hours on nobody's bar, named (as the HTML does).
  const holders = holderLines(r.load, lang);
  if (holders.length > 0) sections.push({ title: L('report.workload'), text: [`### ${L('report.workload')}`, '', ...holders.map((line) => `- ${mdCell(line)}`)].join('\n') });
  const moved = r.tier?.accounts.filter((a) => a.movement === '↑' || a.movement === '↓') ?? [];
  if (moved.length > 0) {
    sections.push({ title: L('report.tiers'), text: [`### ${L('report.tiers')}`, '', ...folded(moved.map((a) => [a.name, fmtScore(a.score), `${a.recordedTier ? tierOf(a.recordedTier) : ''} → ${tierOf(a.tier)}`, a.movement]), r.top, [L('name'), L('score'), L('tier'), L('movement')], L)].join('\n') });
  }
  // (As the errors: the headline counts every warning, and the list holds as many — found by a new user: 17 above, 15 listed.)
  const warnings = [...gapRows('warn'), ...otherRows('warn')];
  if (warnings.length > 0) {
    sections.push({ title: L('report.warnings'), text: ['<details><summary>' + mdCell(`${L('report.warnings')} (${warnings.length})`) + '</summary>', '', ...folded(warnings, r.top, gapHeader, L), '', '</details>'].join('\n') });
  }
  let text = `${head}\n`;
  for (const [i, s] of sections.entries()) {
    const next = `\n${s.text}\n`;
    if (Buffer.byteLength(text + next, 'utf8') > MARKDOWN_LIMIT - 1000) {
      return `${text}\n> ${L('report.cut', { sections: sections.slice(i).map((x) => x.title).join(', ') })}\n`;
    }
    text += next;
  }
  return text;
}

/** Rows folded like the HTML report's: `top` in a table, at most FOLD_MAX more in <details>, the rest counted. */
function folded(rows: (string | number)[][], top: number, header: string[], L: (k: 'report.more' | 'report.unlisted', p: Record<string, number>) => string): string[] {
  const out = [mdTable({ header, rows: rows.slice(0, top) })];
  const rest = rows.slice(top, top + FOLD_MAX);
  if (rest.length > 0) {
    out.push('', `<details><summary>${L('report.more', { n: rows.length - top })}</summary>`, '', mdTable({ header, rows: rest }));
    if (rows.length > top + rest.length) out.push('', L('report.unlisted', { n: rows.length - top - rest.length }));
    out.push('', '</details>');
  }
  return out;
}
