/** `kam check` and `kam gaps` as a markdown summary and table (for $GITHUB_STEP_SUMMARY or a PR comment). */
import type { CheckReport, GapsReport } from '../../rules/check.js';
import { type Finding, findingCell } from '../../model/finding.js';
import type { ReportContext } from '../context.js';
import { findingMessage } from '../shared/findings.js';
import { label } from '../../i18n/labels.js';
import { mdCell, mdTable } from '../shared/markdown.js';
import { tierName } from '../../model/tier.js';

const ICON = { error: '❌', warn: '⚠️', info: 'ℹ️' } as const;

/** `check` and `gaps` as a markdown summary and table (for $GITHUB_STEP_SUMMARY or a PR comment). */
export function findingsMarkdown(report: CheckReport | GapsReport, ctx: ReportContext): string {
  const { lang } = ctx;
  const { error, warn, info } = report.summary;
  const title = label(lang, report.kind === 'gaps' ? 'gaps.title' : 'check.title');
  const out = [`## ${title}: ${mdCell(report.file)}`, ''];
  if (report.findings.length === 0) {
    out.push(`✅ ${label(lang, report.kind === 'gaps' ? 'gaps.none' : 'check.clean')} (${label(lang, 'tier.asOf', { date: report.asOf })})`);
    return `${out.join('\n')}\n`;
  }
  out.push(`**${label(lang, 'findings.summary', { error, warn, info })}** · ${label(lang, 'tier.asOf', { date: report.asOf })}`, '');
  const rows = (fs: readonly Finding[]) => fs.map((f) => [`${ICON[f.severity]} ${label(lang, `severity.${f.severity}`)}`, findingCell(f) ?? '', `\`${f.rule}\``, findingMessage(f, lang, report.tiers)]);
  const header = ['', label(lang, 'column.cell'), label(lang, 'column.rule'), label(lang, 'column.message')];
  if (report.kind === 'gaps') {
    for (const g of report.groups) {
      const tier = g.tier ? ` · ${mdCell(tierName(report.tiers, g.tier, lang))}` : '';
      out.push(`### ${mdCell(g.account === '' ? label(lang, 'gaps.other') : g.account)}${tier}`, '', mdTable({ header, rows: rows(g.findings) }), '');
    }
  } else {
    out.push(mdTable({ header, rows: rows(report.findings) }), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
