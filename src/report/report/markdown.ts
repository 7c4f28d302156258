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

/** GitHub's step summary takes 1 MiB; the report stays well under it. */
export const MARKDOWN_LIMIT = 1_000_000;

export function reportMarkdown(r: ReportResult, ctx: ReportContext): string {
  const { lang } = ctx;
  const L = (k: Parameters<typeof label>[1], p: Record<string, string | number> = {}): string => label(lang, k, p);
  const tierOf = (id: string | undefined): string => tierName(r.tiers, id, lang);
  const over = r.load.people.filter((p) => p.status === 'over');
  const overdue = r.gaps.findings.filter((f) => f.rule === 'time/overdue').length;
  const parts: string[] = [
    `## ${L('report.title')}`,
    '',
    `${mdCell(r.file)} · ${L('tier.asOf', { date: r.asOf })}`,
    '',
    mdTable({
      header: [L('report.summary'), ''],
      rows: [
        ...(r.tier ? r.tier.summary.map((s) => [`${tierOf(s.tier)} · ${L('report.accounts')}`, s.count]) : []),
        [L('report.errors'), r.gaps.summary.error],
        [L('report.warnings'), r.gaps.summary.warn],
        [L('report.overCapacity'), over.length],
        [L('report.overdue'), overdue],
      ],
    }, ['l', 'r']),
  ];
  const errorGroups = r.gaps.groups.filter((g) => g.severity === 'error');
  if (errorGroups.length > 0) {
    parts.push('', `### ${L('report.errors')}`, '');
    const rows = errorGroups.flatMap((g) => g.findings.filter((f) => f.severity === 'error').map((f) => [g.account + (g.id ? ` (${g.id})` : ''), g.tier ? tierOf(g.tier) : '', findingWhere(f) ?? '', findingMessage(f, lang, r.tiers), f.rule]));
    parts.push(...folded(rows, r.top, [L('report.accounts'), L('tier'), L('report.cell'), L('report.problem'), 'rule'], L));
  }
  if (over.length > 0) {
    parts.push('', `### ${L('report.overCapacity')}`, '');
    parts.push(...folded(over.map((p) => [p.name, p.role ?? '', p.hours.toFixed(2), fmtPercent(p.utilization, 0)]), r.top, [L('name.person'), L('role'), L('report.hours'), L('report.utilization')], L));
    const moves = r.load.suggestion?.moves ?? [];
    if (moves.length > 0) {
      parts.push('', `#### ${L('report.moves')}`, '');
      parts.push(...folded(moves.map((m) => [`${m.item.group.account?.name ?? m.item.group.accountText} · ${m.item.assignment.task}`, m.hours.toFixed(2), `${m.from.name} ${fmtPercent(m.fromBefore, 0)} → ${fmtPercent(m.fromAfter, 0)}`, `${m.to.name} ${fmtPercent(m.toBefore, 0)} → ${fmtPercent(m.toAfter, 0)}`]), r.top, [L('report.accounts'), L('report.hours'), L('report.from'), L('report.to')], L));
    }
  }
  const moved = r.tier?.accounts.filter((a) => a.movement === '↑' || a.movement === '↓') ?? [];
  if (moved.length > 0) {
    parts.push('', `### ${L('report.tiers')}`, '');
    parts.push(...folded(moved.map((a) => [a.name, fmtScore(a.score), `${a.recordedTier ? tierOf(a.recordedTier) : ''} → ${tierOf(a.tier)}`, a.movement]), r.top, [L('name'), L('score'), L('tier'), L('movement')], L));
  }
  const text = parts.join('\n') + '\n';
  if (Buffer.byteLength(text, 'utf8') <= MARKDOWN_LIMIT) return text;
  // Cut at a line under the limit, and say so.
  const lines = text.split('\n');
  let size = 0;
  let keep = 0;
  while (keep < lines.length && size + Buffer.byteLength(lines[keep]!, 'utf8') + 1 < MARKDOWN_LIMIT - 200) size += Buffer.byteLength(lines[keep++]!, 'utf8') + 1;
  return `${lines.slice(0, keep).join('\n')}\n\n> ${L('report.more', { n: lines.length - keep })} (GitHub: 1 MiB)\n`;
}

/** The first `top` rows as a table, the rest in a <details> block. */
function folded(rows: (string | number)[][], top: number, header: string[], L: (k: 'report.more', p: Record<string, number>) => string): string[] {
  const out = [mdTable({ header, rows: rows.slice(0, top) })];
  if (rows.length > top) out.push('', `<details><summary>${L('report.more', { n: rows.length - top })}</summary>`, '', mdTable({ header, rows: rows.slice(top) }), '', '</details>');
  return out;
}
