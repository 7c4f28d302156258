/**
 * `kam diff --format markdown`: a pull-request comment. The counts first, then each account's
 * changes (most important first), the findings the change introduces and resolves, and the load
 * moves. A comment holds at most 65,536 characters: accounts past 60,000 are left out whole and
 * counted on the last line.
 */
import type { DiffResult } from '../../diff/compare.js';
import { label } from '../../i18n/labels.js';
import { findingCell, type Finding } from '../../model/finding.js';
import type { ReportContext } from '../context.js';
import { findingMessage } from '../shared/findings.js';
import { mdCell, mdTable } from '../shared/markdown.js';
import { fmtPercent } from '../shared/numbers.js';
import { changeGroups, changeSentence, glyph, hasChanges, shownCell, summaryLines } from './shared.js';

/** Characters the comment may use (GitHub refuses a comment over 65,536). */
export const MARKDOWN_BUDGET = 60_000;

const ICON = { error: '❌', warn: '⚠️', info: 'ℹ️' } as const;
const MARK = { '+': '➕', '−': '➖', '→': '🔁' } as const;

/** The diff as markdown. */
export function diffMarkdown(result: DiffResult, ctx: ReportContext): string {
  const { lang } = ctx;
  const head = [`### ${label(lang, 'diff.title', { old: mdCell(result.old), new: mdCell(result.new) })}`, ''];
  if (!hasChanges(result) && result.duplicates.length === 0) return `${[...head, `✅ ${label(lang, 'diff.none')}`].join('\n')}\n`;
  for (const l of summaryLines(result, lang)) head.push(`- ${mdCell(l)}`);
  head.push('');
  const findingsTable = (title: string, list: readonly Finding[]): string =>
    list.length === 0
      ? ''
      : [`#### ${title}`, '', mdTable({ header: ['', label(lang, 'column.cell'), label(lang, 'column.rule'), label(lang, 'column.message')], rows: list.map((f) => [`${ICON[f.severity]} ${label(lang, `severity.${f.severity}`)}`, findingCell(f) ?? '', `\`${f.rule}\``, findingMessage(f, lang, result.tiers)]) }), ''].join('\n');
  // The findings and the load come before the account details: a cut comment still shows what got worse.
  const tail: string[] = [];
  const introduced = findingsTable(label(lang, 'diff.introduced', { n: result.introduced.length }), result.introduced);
  const resolved = findingsTable(label(lang, 'diff.resolved', { n: result.resolved.length }), result.resolved);
  const duplicates = findingsTable(label(lang, 'diff.duplicates', { n: result.duplicates.length }), result.duplicates);
  const pct = (u: { utilization: number } | undefined) => (u && Number.isFinite(u.utilization) ? fmtPercent(u.utilization, 0) : '—');
  const load = result.load.length === 0 ? '' : [`#### ${label(lang, 'diff.load')}`, '', mdTable({ header: [label(lang, 'name.person'), label(lang, 'diff.load.before'), label(lang, 'diff.load.after')], rows: result.load.map((l) => [l.person, pct(l.before), pct(l.after)]) }, ['l', 'r', 'r']), ''].join('\n');
  const out = [head.join('\n')];
  let used = out[0]!.length;
  for (const part of [introduced, resolved, duplicates]) {
    if (part === '' || used + part.length > MARKDOWN_BUDGET) continue;
    out.push(part);
    used += part.length;
  }
  const groups = changeGroups(result, lang);
  let left = 0;
  for (const g of groups) {
    const lines = [`#### ${mdCell(g.title)}`, ''];
    for (const c of g.changes) {
      const where = shownCell(c);
      const text = mdCell(changeSentence(c, lang, result.tiers));
      lines.push(`- ${MARK[glyph(c)]} ${c.lostAccountable ? `**${text}**` : text}${where ? ` · \`${where.replace(/`/g, "'")}\`` : ''}`);
    }
    lines.push('');
    const part = lines.join('\n');
    if (left > 0 || used + part.length + load.length > MARKDOWN_BUDGET) {
      if (!g.people) left++;
      continue;
    }
    out.push(part);
    used += part.length;
  }
  if (load !== '' && used + load.length <= MARKDOWN_BUDGET) out.push(load);
  if (left > 0) tail.push(`_${label(lang, 'diff.more', { n: left })}_`);
  return `${[...out, ...tail].join('\n').trimEnd()}\n`;
}
