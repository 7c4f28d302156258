/** `--format markdown`: tables for a pull-request comment or $GITHUB_STEP_SUMMARY. */
import { label } from '../i18n/labels.js';
import type { SheetData, Value } from '../model/sheet-data.js';
import { findingCell, type Finding } from '../model/finding.js';
import type { CheckReport, GapsReport } from '../rules/check.js';
import type { LoadReport } from '../workload/report.js';
import { loadTable } from './load-table.js';
import type { TierReport } from '../scoring/score.js';
import type { ReportContext } from './context.js';
import { findingMessage } from './findings.js';
import type { Result } from './index.js';
import { fmtMoney, fmtPercent, fmtScore, fmtTrend } from './numbers.js';
import { topFactor } from './tier-text.js';
import { tierLabel } from '../model/tier.js';

/** Escapes a value for a markdown table cell. */
export function mdCell(v: Value): string {
  if (v === null || v === undefined) return '';
  return String(v).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

/** A markdown table. */
export function mdTable(data: Pick<SheetData, 'header' | 'rows'>, align?: ('l' | 'r')[]): string {
  const line = (r: readonly Value[]): string => `| ${r.map(mdCell).join(' | ')} |`;
  const sep = `| ${data.header.map((_h, i) => (align?.[i] === 'r' ? '---:' : '---')).join(' | ')} |`;
  return [line(data.header), sep, ...data.rows.map(line)].join('\n');
}

function tierMarkdown(report: TierReport, ctx: ReportContext): string {
  const { lang } = ctx;
  const name = (id: string | undefined): string => (id ? tierLabel(report.tiers.find((t) => t.id === id), lang) : '');
  const rows = ctx.limit !== undefined ? report.accounts.slice(0, ctx.limit) : report.accounts;
  const out = [`## ${label(lang, 'tier.title')}: ${mdCell(report.file)}`, ''];
  out.push(
    mdTable(
      {
        header: ['rank', 'name', 'score', 'tier', 'recorded', 'movement', 'trend', 'factor'].map((k) => label(lang, k as 'rank')),
        rows: rows.map((a) => [
          a.rank,
          a.name,
          fmtScore(a.score),
          name(a.tier) + (a.pinned ? ` (${label(lang, 'pinned')})` : a.promoted ? ` (${label(lang, 'promoted')})` : ''),
          a.recordedTier ? name(a.recordedTier) : (a.recordedText ?? ''),
          a.movement === 'new' ? label(lang, 'new') : a.movement,
          fmtTrend(a.trend),
          topFactor(report, a),
        ]),
      },
      ['r', 'l', 'r', 'l', 'l', 'l', 'r', 'l'],
    ),
  );
  if (rows.length < report.accounts.length) out.push('', `_${label(lang, 'limit', { n: rows.length, total: report.accounts.length })}_`);
  out.push('', `### ${label(lang, 'summary.title')}`, '');
  out.push(
    mdTable(
      {
        header: ['tier', 'count', 'revenue', 'share'].map((k) => label(lang, k as 'tier')),
        rows: report.summary.map((s) => [name(s.tier), s.count, fmtMoney(s.revenue), fmtPercent(s.revenueShare)]),
      },
      ['l', 'r', 'r', 'r'],
    ),
  );
  if (report.findings.length > 0) {
    out.push('', `### ${label(lang, 'findings.title')}`, '');
    out.push(mdTable({ header: ['', 'cell', 'rule', 'message'], rows: report.findings.slice(0, 50).map((f) => [f.severity, findingCell(f) ?? '', f.rule, findingMessage(f, lang)]) }));
  }
  return `${out.join('\n')}\n`;
}

const ICON = { error: '❌', warn: '⚠️', info: 'ℹ️' } as const;

/** `load` as markdown: the people table, then the suggested moves. */
function loadMarkdown(report: LoadReport, ctx: ReportContext): string {
  const { lang } = ctx;
  const data = loadTable(report, lang);
  const out = [`## ${label(lang, 'load.title')}: ${mdCell(report.file)}`, '', mdTable({ header: data.header, rows: data.rows.map((r) => r.map((v, i) => (i === 5 && typeof v === 'number' ? fmtPercent(v, 0) : typeof v === 'number' ? Number(v.toFixed(2)) : v))) }, ['l', 'l', 'l', 'r', 'r', 'r', 'l', 'r', 'r'])];
  const moves = report.suggestion?.moves ?? [];
  if (report.suggestion) {
    out.push('', `### ${label(lang, 'load.suggestions')}`, '');
    if (moves.length === 0) out.push(label(lang, 'load.balanced'));
    else out.push(mdTable({ header: ['#', label(lang, 'name'), label(lang, 'load.hours'), 'from', 'to'], rows: moves.map((m, i) => [i + 1, `${m.item.group.account?.name ?? m.item.group.accountText} · ${m.item.assignment.task}`, m.hours.toFixed(2), `${m.from.name} ${fmtPercent(m.fromBefore, 0)} → ${fmtPercent(m.fromAfter, 0)}`, `${m.to.name} ${fmtPercent(m.toBefore, 0)} → ${fmtPercent(m.toAfter, 0)}`]) }));
  }
  return `${out.join('\n')}\n`;
}

/** `check` and `gaps` as a markdown summary and table (for $GITHUB_STEP_SUMMARY or a PR comment). */
function findingsMarkdown(report: CheckReport | GapsReport, ctx: ReportContext): string {
  const { lang } = ctx;
  const { error, warn, info } = report.summary;
  const title = label(lang, report.kind === 'gaps' ? 'gaps.title' : 'check.title');
  const out = [`## ${title}: ${mdCell(report.file)}`, ''];
  if (report.findings.length === 0) {
    out.push(`✅ ${label(lang, report.kind === 'gaps' ? 'gaps.none' : 'check.clean')} (${label(lang, 'tier.asOf', { date: report.asOf })})`);
    return `${out.join('\n')}\n`;
  }
  out.push(`**${label(lang, 'findings.summary', { error, warn, info })}** · ${label(lang, 'tier.asOf', { date: report.asOf })}`, '');
  const rows = (fs: readonly Finding[]) => fs.map((f) => [`${ICON[f.severity]} ${f.severity}`, findingCell(f) ?? '', `\`${f.rule}\``, findingMessage(f, lang, report.tiers)]);
  const header = ['', 'cell', 'rule', 'message'];
  if (report.kind === 'gaps') {
    for (const g of report.groups) {
      const tier = g.tier ? ` · ${tierLabel(report.tiers.find((t) => t.id === g.tier), lang)}` : '';
      out.push(`### ${mdCell(g.account === '' ? label(lang, 'gaps.other') : g.account)}${tier}`, '', mdTable({ header, rows: rows(g.findings) }), '');
    }
  } else {
    out.push(mdTable({ header, rows: rows(report.findings) }), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

export function markdown(result: Result, ctx: ReportContext): string {
  switch (result.kind) {
    case 'tier':
      return tierMarkdown(result, ctx);
    case 'check':
    case 'gaps':
      return findingsMarkdown(result, ctx);
    case 'load':
      return loadMarkdown(result, ctx);
    case 'config':
      return `\`\`\`json\n${JSON.stringify(result.value, null, 2)}\n\`\`\`\n`;
  }
}
