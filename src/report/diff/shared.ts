/** The words of a diff, shared by its formats: a change as a sentence, values in the report's language, groups by account. */
import type { Change, ChangeValue, DiffResult } from '../../diff/compare.js';
import type { CellAt } from '../../diff/side.js';
import { label, type LabelKey } from '../../i18n/labels.js';
import type { Lang } from '../../model/lang.js';
import { tierName, type TierDef } from '../../model/tier.js';
import { fmtMoney, fmtValue } from '../shared/numbers.js';
import { safeText } from '../../util/safe-text.js';

/** `Sheet!D14` (or the row, `Sheet!14:14`, when the sheet lacks the column). */
export function cellText(c: CellAt | undefined): string {
  if (!c) return '';
  return safeText(c.column !== undefined ? `${c.sheet}!${c.column}${c.row}` : `${c.sheet}!${c.row}:${c.row}`);
}

/** A status code (`doing`) as people read it (`in progress`, 进行中). */
export function statusLabel(code: string, lang: Lang): string {
  return label(lang, `diff.status.${code}` as LabelKey);
}

/** A frequency code (`monthly`, `once`, `2/week`, `2/month`) as people read it (`monthly`, 每月, `2 times a week`, `2 times a month`). */
export function frequencyLabel(code: string, lang: Lang): string {
  const custom = /^([\d.]+)\/(week|month|quarter|year)$/.exec(code);
  if (!custom) return label(lang, `diff.freq.${code}` as LabelKey);
  const per = { week: 'diff.freq.custom', month: 'diff.freq.custom#month', quarter: 'diff.freq.custom#quarter', year: 'diff.freq.custom#year' } as const;
  return label(lang, per[custom[2] as keyof typeof per], { n: custom[1]! });
}

/** A changed value as people read it: tier labels, status and frequency words, money, hours, yes/no; '—' for none. */
export function valueText(c: Change, v: ChangeValue | undefined, lang: Lang, tiers: readonly TierDef[]): string {
  if (v === null || v === undefined || v === '') return '—';
  switch (c.kind) {
    case 'tier-changed':
    case 'tier-moved':
      return tiers.some((t) => t.id === v) ? tierName(tiers, String(v), lang) : String(v);
    case 'revenue-changed':
      return typeof v === 'number' ? fmtMoney(v) : String(v);
    case 'status-changed':
      return statusLabel(String(v), lang);
    case 'frequency-changed':
      return frequencyLabel(String(v), lang);
    case 'hours-changed':
      return label(lang, 'diff.hours', { n: fmtValue(Number(v)) });
    case 'person-changed':
      if (typeof v === 'boolean') return label(lang, v ? 'diff.yes' : 'diff.no');
      if (typeof v === 'number') return c.field === 'capacity' ? label(lang, 'diff.hours', { n: fmtValue(v) }) : fmtValue(v);
      return String(v);
    default:
      return typeof v === 'number' ? fmtValue(v) : String(v);
  }
}

/** The sentence of a change (without the account it is grouped under). */
export function changeSentence(c: Change, lang: Lang, tiers: readonly TierDef[]): string {
  const params = {
    task: c.task ?? '',
    letter: c.letter ?? '',
    person: c.person === '' ? '—' : (c.person ?? ''),
    from: valueText(c, c.from, lang, tiers),
    to: valueText(c, c.to, lang, tiers),
    field: c.field ? label(lang, `diff.field.${c.field}`) : '',
  };
  let s = label(lang, `diff.kind.${c.kind}`, params);
  if (c.kind === 'revenue-changed' && typeof c.from === 'number' && typeof c.to === 'number' && c.from !== 0) {
    const pct = ((c.to - c.from) / Math.abs(c.from)) * 100;
    s += ` (${pct > 0 ? '+' : '−'}${Math.abs(pct).toFixed(1)}%)`;
  }
  if (c.lostAccountable) s += lang === 'zh' ? `——${label(lang, 'diff.lostAccountable')}` : ` — ${label(lang, 'diff.lostAccountable')}`;
  if (c.holds !== undefined) s += lang === 'zh' ? `，${label(lang, 'diff.holds', { n: c.holds })}` : `, ${label(lang, 'diff.holds', { n: c.holds })}`;
  return s;
}

/** `+` for what appears, `−` for what goes, `→` for what changes. */
export function glyph(c: Change): '+' | '−' | '→' {
  if (c.kind === 'account-added' || c.kind === 'responsibility-added' || c.kind === 'person-joined') return '+';
  if (c.kind === 'account-removed' || c.kind === 'responsibility-removed' || c.kind === 'person-left') return '−';
  return '→';
}

/**
 * The cell a change is shown at in text and Markdown: what was removed at its row in the old version (as a
 * `−` line of a text diff is), anything else at its row in the new one, where it is now.
 */
export function shownCell(c: Change): string {
  return cellText(glyph(c) === '−' ? (c.oldCell ?? c.newCell) : (c.newCell ?? c.oldCell));
}

/** Changes of one account (or of the people) in the order of the result. */
export interface ChangeGroup {
  /** `战略 · 华为技术 (C001)`; the people's group: `人员`. */
  title: string;
  changes: Change[];
  people: boolean;
}

/** The changes grouped by account, in the result's order (the most important first), people last. */
export function changeGroups(result: Pick<DiffResult, 'changes' | 'tiers'>, lang: Lang): ChangeGroup[] {
  const groups: ChangeGroup[] = [];
  let key: string | undefined;
  for (const c of result.changes) {
    const people = c.account === undefined;
    const k = people ? '\u0000people' : `${c.accountId ?? ''}\u0000${c.account}`;
    if (k !== key) {
      key = k;
      groups.push({ title: people ? label(lang, 'diff.group.people') : accountTitle(c, result.tiers, lang), changes: [], people });
    }
    groups[groups.length - 1]!.changes.push(c);
  }
  return groups;
}

/** `战略 · 华为技术 (C001)`. */
export function accountTitle(c: Change, tiers: readonly TierDef[], lang: Lang): string {
  const tier = c.tier !== undefined ? `${tierName(tiers, c.tier, lang)} · ` : '';
  const name = c.account === '' ? label(lang, 'diff.group.noAccount') : (c.account ?? '');
  return safeText(`${tier}${name}${c.accountId !== undefined ? ` (${c.accountId})` : ''}`);
}

/** The headline counts, one line per part: accounts, responsibilities, people, findings; parts without a change left out. */
export function summaryLines(result: DiffResult, lang: Lang): string[] {
  const s = result.summary;
  const part = (title: LabelKey, counts: [LabelKey, number][]): string | undefined => {
    const shown = counts.filter(([, n]) => n > 0).map(([k, n]) => label(lang, k, { n }));
    return shown.length > 0 ? `${label(lang, title)}${lang === 'zh' ? '：' : ': '}${shown.join(lang === 'zh' ? '，' : ', ')}` : undefined;
  };
  const details = s['due-changed'] + s['status-changed'] + s['frequency-changed'] + s['hours-changed'];
  return [
    part('diff.accounts', [
      ['diff.count.added', s['account-added']],
      ['diff.count.removed', s['account-removed']],
      ['diff.count.renamed', s['account-renamed']],
      ['diff.count.owner', s['owner-changed']],
      ['diff.count.tier', s['tier-changed']],
      ['diff.count.moved', s['tier-moved']],
      ['diff.count.revenue', s['revenue-changed']],
    ]),
    part('diff.responsibilities', [
      ['diff.count.added', s['responsibility-added']],
      ['diff.count.removed', s['responsibility-removed']],
      ['diff.count.handover', s.handover],
      ['diff.count.letters', s['letter-changed']],
      ['diff.count.details', details],
    ]),
    part('diff.people', [
      ['diff.count.added', s['person-joined']],
      ['diff.count.removed', s['person-left']],
      ['diff.count.changed', s['person-changed']],
    ]),
    part('diff.findings', [
      ['diff.count.introduced', s.introduced],
      ['diff.count.resolved', s.resolved],
    ]),
  ].filter((l): l is string => l !== undefined);
}

/** Whether the result has any change (findings introduced or resolved count). */
export function hasChanges(result: DiffResult): boolean {
  return result.changes.length > 0 || result.introduced.length > 0 || result.resolved.length > 0;
}
