/** Findings as sentences: the one place a finding's code and arguments become words; and as short lines. */
import { own } from '../../util/own.js';
import { EXPECTED, FINDING_HINTS, FINDING_MESSAGES, INVALID_HINTS, TASK_TYPES } from '../../i18n/findings.js';
import { type Finding, findingCell, summarize } from '../../model/finding.js';
import { SHEET_ROLE_NAMES } from '../../model/columns.js';
import type { Lang } from '../../model/lang.js';
import type { ReportContext } from '../context.js';
import { type TierDef, tierLabel } from '../../model/tier.js';
import type { TierReport } from '../../scoring/score.js';
import { safeLines, safeParams, safeText } from '../../util/safe-text.js';
import { fill } from '../../util/template.js';
import { fmtPercent } from './numbers.js';
import { label } from '../../i18n/labels.js';
import { columnTitle } from '../../i18n/columns.js';
import { wrapAfter } from './fit.js';

/**
 * How a message shows user text: `line` made safe for one line of output (the default), `lines`
 * safe but with its line breaks (for formats that escape them: github, junit), `exact` as it is
 * (JSON: JSON.stringify escapes what it must).
 */
export type TextMode = 'line' | 'lines' | 'exact';

/** The finding's message in a language; tier ids and task types are shown by their labels; the arguments (cell values, names, config labels) shown as `mode` says. */
export function findingMessage(f: Finding, lang: Lang, tiers: readonly TierDef[] = [], mode: TextMode = 'line'): string {
  const args = { ...f.args };
  if (f.rule === 'schema/invalid-value' && typeof args.expected === 'string') {
    const [reason, detail] = String(args.expected).split(':');
    args.expected = fill(own(EXPECTED[lang], reason!) ?? reason!, { value: detail ?? '' });
  }
  for (const k of ['tier', 'recorded', 'computed'] as const) {
    if (typeof args[k] === 'string') {
      const def = tiers.find((t) => t.id === args[k]);
      if (def) args[k] = tierLabel(def, lang);
    }
  }
  if (typeof args.type === 'string') args.type = own(TASK_TYPES[lang], args.type) ?? args.type;
  // A sheet's role in the reader's words: `工作簿缺少分工工作表`, not `…缺少assignments工作表` (found by a new user).
  // (English keeps the role's own word, as `the book has no assignments sheet` has always said it.)
  if (f.rule === 'schema/missing-sheet' && lang === 'zh' && typeof args.role === 'string') args.role = own(SHEET_ROLE_NAMES, args.role)?.zh ?? args.role;
  // A column in the reader's words: `缺少必需列「工作内容」`, not `「task」` (found by a new user).
  if ((f.rule === 'schema/missing-column' || f.rule === 'schema/no-tiers') && typeof args.column === 'string') args.column = columnTitle(lang, typeof args.role === 'string' ? args.role : undefined, args.column);
  // (Each example quoted: a date such as `Monday, November 3, 2025` holds commas.)
  if (f.rule === 'schema/unread-column' && typeof args.examples === 'string') args.examples = args.examples.split('\u0000').map((e) => (lang === 'zh' ? `「${e}」` : `"${e}"`)).join(lang === 'zh' ? '、' : ', ');
  if (f.rule === 'schema/unread-column' && typeof args.field === 'string') args.field = lang === 'zh' ? columnTitle(lang, typeof args.role === 'string' ? args.role : undefined, args.field) : args.field === 'raci' ? 'RACI' : args.field.replace(/_/g, ' ');
  for (const k of ['change', 'threshold'] as const) if (typeof args[k] === 'number') args[k] = fmtPercent(Math.abs(args[k]));
  if (typeof args.utilization === 'number') args.utilization = fmtPercent(args.utilization, 0);
  // Chinese lists names with 、 (the arguments keep the ", " the JSON has always given).
  // (A name that holds a 、 itself, a department written `客服部、销售部`, is quoted, so that the list reads as its parts: found by a new user.)
  if (lang === 'zh') {
    for (const k of ['holders', 'departments'] as const) {
      if (typeof args[k] !== 'string') continue;
      const parts = args[k].split(args[k].includes('; ') ? '; ' : ', ');
      args[k] = (parts.some((p) => p.includes('、')) ? parts.map((p) => `「${p}」`) : parts).join('、');
    }
  }
  // One account is one account (`holds 1 account`), not `1 accounts`.
  const variant = typeof args.variant === 'string' ? args.variant : f.rule === 'load/max-accounts' && args.accounts === 1 ? 'one' : undefined;
  const key = variant !== undefined ? `${f.rule}#${variant}` : f.rule;
  const template = own(FINDING_MESSAGES[lang], key) ?? own(FINDING_MESSAGES.en, key) ?? own(FINDING_MESSAGES[lang], f.rule) ?? f.rule;
  return fill(template, mode === 'exact' ? args : safeParams(args, mode === 'lines' ? safeLines : safeText));
}


/** Where a finding is (`Sheet!D14`), made safe to print (`mode` as for {@link findingMessage}); undefined when it has no sheet. */
export function findingWhere(f: Finding, mode: Exclude<TextMode, 'exact'> = 'line'): string | undefined {
  const cell = findingCell(f);
  return cell === undefined ? undefined : mode === 'lines' ? safeLines(cell) : safeText(cell);
}

/**
 * The hint for a finding, if there is one: for a cell that could not be read, what to write in
 * that cell (the RACI words, the tier labels, a date quoting the cell); else the rule's hint.
 */
export function findingHint(f: Finding, lang: Lang, tiers: readonly TierDef[] = [], mode: TextMode = 'line'): string | undefined {
  if (f.rule === 'schema/invalid-value' && typeof f.args.expected === 'string') {
    const reason = f.args.expected.split(':')[0]!;
    // A date without its year (`12/31`, `11月1日`): the hint keeps its month and day (found by a new user:
    // `write it as 2025-11-15` was taken for the date to write).
    const monthDay = reason === 'date' ? monthDayOf(String(f.args.value ?? '')) : undefined;
    const template = own(INVALID_HINTS[lang], monthDay ? 'date#noYear' : reason);
    if (template) {
      const args = { cell: String(f.args.value ?? ''), tiers: tiers.map((t) => tierLabel(t, lang)).join(lang === 'zh' ? '、' : ', '), monthDay: monthDay ?? '' };
      return fill(template, mode === 'exact' ? args : safeParams(args, mode === 'lines' ? safeLines : safeText));
    }
  }
  // A name listed twice in Staff is a person's, not an account's.
  if (f.rule === 'schema/duplicate-key' && f.person !== undefined && f.account === undefined) return own(FINDING_HINTS[lang], 'schema/duplicate-key#person');
  // (Ids that differ only in case: the variant says why they are one.)
  // A staff member the name is likely meant as: named (found by a new user: "fix the spelling" named nobody).
  if (f.rule === 'ref/unknown-person' && typeof f.args.near === 'string') {
    const args = { near: f.args.near };
    const near = f.args.variant === 'twoStaff' || f.args.variant === 'twoStaffOwner' ? 'twoStaff' : 'near';
    return fill(own(FINDING_HINTS[lang], `${f.rule}#${near}`)!, mode === 'exact' ? args : safeParams(args, mode === 'lines' ? safeLines : safeText));
  }
  const variant = f.rule === 'schema/duplicate-key' && f.args.caseOf !== undefined ? 'case' : f.rule === 'ref/ambiguous-account' && f.args.variant === 'idName' ? 'idName' : f.rule === 'ref/unknown-person' && f.args.variant === 'severalOwners' ? 'severalOwners' : undefined;
  if (variant) return own(FINDING_HINTS[lang], `${f.rule}#${variant}`);
  return own(FINDING_HINTS[lang], f.rule);
}

/** `MM-DD` of a date written with a month and a day and no year (`12/31`, `31.12`, `11月1日`), when it is clear which is which. */
function monthDayOf(text: string): string | undefined {
  const m = /^\s*(\d{1,2})\s*[/.\-月]\s*(\d{1,2})\s*日?\s*$/.exec(text.normalize('NFKC'));
  if (!m) return undefined;
  const [a, b] = [Number(m[1]), Number(m[2])];
  const chinese = text.includes('月');
  const [month, day] = chinese || (a <= 12 && b > 12) ? [a, b] : b <= 12 && a > 12 ? [b, a] : [0, 0];
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const MAX_FINDINGS = 20;

/** Findings as `cell  message` lines, at most MAX_FINDINGS of them, with a count. */
export function findingLines(report: Pick<TierReport, 'findings'>, ctx: ReportContext): string[] {
  const { lang, color: c, width } = ctx;
  const out = [c.bold(label(lang, 'findings.title'))];
  for (const f of report.findings.slice(0, MAX_FINDINGS)) {
    const sev = f.severity === 'error' ? c.red('✖') : f.severity === 'warn' ? c.yellow('⚠') : c.blue('ℹ');
    out.push(...wrapAfter(`  ${sev} ${c.cyan(findingWhere(f) ?? '')}  `, findingMessage(f, lang), width, { indent: 4, tail: c.dim(f.rule) }));
  }
  const closing = (text: string): string[] => wrapAfter('  ', text, width, { indent: 2, paint: (s) => c.dim(s) });
  if (report.findings.length > MAX_FINDINGS) out.push(...closing(label(lang, 'findings.more', { n: report.findings.length - MAX_FINDINGS })));
  out.push(...closing(label(lang, 'findings.summary', summarize(report.findings))));
  return out;
}
