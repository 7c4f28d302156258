/**
 * `kam diff --format github`: GitHub Actions annotations on the **new** file at the changed cells —
 * a warning where a task lost its accountable person (`strategic account X lost its accountable
 * person (A) for …`), where an account was removed, or where someone who left still holds work; a
 * notice for every other change; the findings the change introduces at their own severity.
 */
import type { Change, DiffResult } from '../../diff/compare.js';
import { label } from '../../i18n/labels.js';
import { tierName } from '../../model/tier.js';
import { safeLines } from '../../util/safe-text.js';
import type { ReportContext } from '../context.js';
import { findingMessage, findingWhere } from '../shared/findings.js';
import { escapeData, escapeProperty } from '../findings/github.js';
import { accountTitle, cellText, changeSentence, summaryLines } from './shared.js';

const COMMAND = { error: 'error', warn: 'warning', info: 'notice' } as const;

function serious(c: Change): boolean {
  return Boolean(c.lostAccountable) || c.kind === 'account-removed' || c.holds !== undefined;
}

/** The account's kind in a title: `战略客户` as its tier says it (`战略` takes 客户; no tier is 客户), the English label as it is. */
function accountKind(tier: string, lang: ReportContext['lang']): string {
  if (lang !== 'zh') return tier;
  return tier.endsWith('客户') ? tier : `${tier}客户`;
}

/** One workflow command per change and per finding introduced, then the counts. */
export function diffGithub(result: DiffResult, ctx: ReportContext): string {
  const { lang } = ctx;
  const fileOf = (sheet: string | undefined) => (sheet !== undefined ? result.newSheetFiles?.get(sheet) : undefined) ?? result.new;
  // A CSV's row is a line of the file: GitHub shows the annotation there in a pull request's diff.
  const lineOf = (sheet: string | undefined, row: number | undefined): string => {
    const line = sheet !== undefined && row !== undefined ? result.newLineOf?.(sheet, row) : undefined;
    return line !== undefined ? `,line=${line}` : '';
  };
  const lines: string[] = [];
  for (const c of result.changes) {
    const where = cellText(c.newCell);
    const about = c.account !== undefined ? `${accountTitle(c, result.tiers, lang)}: ` : '';
    const message = `${where ? `${where} ` : ''}${about}${changeSentence(c, lang, result.tiers)}`;
    const title = c.lostAccountable
      ? label(lang, 'diff.lostAccountable.title', { tier: accountKind(c.tier !== undefined ? tierName(result.tiers, c.tier, lang) : '', lang), account: c.account ?? '', task: c.task ?? '' }).trim()
      : `kam diff: ${c.kind}`;
    // (A change with no cell in the new version — an account removed — is on the new version's file of the sheet it was in,
    // not the folder: found by a new user, GitHub could not place `file=folder`.)
    lines.push(`::${serious(c) ? 'warning' : 'notice'} file=${escapeProperty(safeLines(fileOf(c.newCell?.sheet ?? c.oldCell?.sheet)))}${lineOf(c.newCell?.sheet, c.newCell?.row)},title=${escapeProperty(safeLines(title))}::${escapeData(safeLines(message))}`);
  }
  for (const f of result.introduced) {
    const cell = findingWhere(f, 'lines');
    const message = `${cell ? `${cell} ` : ''}${findingMessage(f, lang, result.tiers, 'lines')}`;
    lines.push(`::${COMMAND[f.severity]} file=${escapeProperty(safeLines(fileOf(f.sheet)))}${lineOf(f.sheet, f.row)},title=${escapeProperty(f.rule)}::${escapeData(message)}`);
  }
  const summary = summaryLines(result, lang);
  lines.push(`kam diff: ${summary.length > 0 ? summary.join('; ') : label(lang, 'diff.none')}`);
  return `${lines.join('\n')}\n`;
}
