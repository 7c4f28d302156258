/**
 * `kam textconv <book>`: the book as stable, sorted lines, for git's textconv diff driver — one
 * line per account, one per responsibility (under its account), one per person and one per finding
 * of `kam check`, each naming what it is about and never a row number. Sorted by key, values read
 * (numbers as numbers, text NFKC-folded and trimmed), so that re-ordering rows, re-formatting cells,
 * full-width letters or moving a column change no line; a line changes when its meaning does.
 */
import { frequencyText, findingDetail, findingKey, findingPerson } from '../../diff/compare.js';
import type { Finding } from '../../model/finding.js';
import { lettersText } from '../../model/codes.js';
import type { ComparedAccount, TextconvResult } from '../../diff/side.js';
import { label, type LabelKey } from '../../i18n/labels.js';
import type { Assignment } from '../../model/assignment.js';
import { tierName } from '../../model/tier.js';
import { compareText } from '../../util/compare.js';
import { safeText } from '../../util/safe-text.js';
import { clean, fold } from '../../util/text.js';
import type { ReportContext } from '../context.js';
import { fmtValue } from '../shared/numbers.js';
import { frequencyLabel, statusLabel } from './shared.js';

/** Text as one line shows it: NFKC (full-width letters as half-width), spaces collapsed, control characters escaped. */
function show(v: string): string {
  return safeText(clean(v.normalize('NFKC')));
}

/** The sorted lines of a book. */
export function* textconvText(result: TextconvResult, ctx: ReportContext): Generator<string> {
  const { side, tiers } = result;
  const { lang } = ctx;
  const L = (k: LabelKey, p: Record<string, string | number> = {}) => label(lang, k, p);
  const keyOf = (a: ComparedAccount) => (side.ids && a.id !== undefined ? fold(a.id) : fold(a.name));
  const accountName = (a: ComparedAccount) => (a.id !== undefined ? `${show(a.id)} ${show(a.name)}` : show(a.name));
  // A holder by the Staff sheet's spelling of the name (`张 伟` in a cell is 张伟).
  const staffName = new Map(side.people.map((p) => [p.key, p.name]));
  const spelling = spellings(side.rows, staffName, (key) => side.accountOf(key)?.name);
  // Responsibilities by the account they belong to (unknown accounts by the text written, one spelling of it).
  const byAccount = new Map<string, { name: string; rows: Assignment[] }>();
  let lastText: string | undefined;
  let entry: { name: string; rows: Assignment[] } | undefined;
  for (const r of side.rows) {
    if (r.accountKey !== lastText) {
      lastText = r.accountKey;
      const a = side.accountOf(r.accountKey);
      const key = a ? `a:${keyOf(a)}` : `?:${r.accountKey}`;
      entry = byAccount.get(key);
      if (!entry) {
        entry = { name: a ? accountName(a) : show(spelling('account', r.account)), rows: [] };
        byAccount.set(key, entry);
      }
    }
    entry!.rows.push(r);
  }
  const holder = (r: Assignment) => show((r.personKey !== undefined ? staffName.get(r.personKey) : undefined) ?? r.person ?? r.department ?? '-');
  const taskLine = (name: string, r: Assignment): [string, string] => {
    const parts = [`${L('textconv.task')} ${name}`, show(r.task), `${lettersText(r.raci) || '-'} ${holder(r)}`];
    if (r.due !== undefined) parts.push(`${L('textconv.due')} ${r.due}`);
    if (r.status !== undefined) parts.push(`${L('textconv.status')} ${statusLabel(r.status, lang)}`);
    const f = frequencyText(r.frequency);
    if (f !== undefined) parts.push(`${L('textconv.frequency')} ${frequencyLabel(f, lang)}`);
    if (r.hours !== undefined) parts.push(`${L('textconv.hours')} ${fmtValue(r.hours)}`);
    return [`${r.taskKey}\u0000${r.personKey ?? r.departmentKey ?? ''}\u0000${lettersText(r.raci)}`, `  ${parts.join(' | ')}`];
  };
  const emitTasks = function* (key: string): Generator<string> {
    const e = byAccount.get(key);
    if (!e) return;
    byAccount.delete(key);
    const lines = e.rows.map((r) => taskLine(e.name, r));
    lines.sort((x, y) => compareText(x[0], y[0]) || compareText(x[1], y[1]));
    for (const [, l] of lines) yield `${l}\n`;
  };
  const accounts = side.accounts.map((sa) => ({ sa, key: keyOf(sa.account) })).sort((x, y) => compareText(x.key, y.key) || x.sa.account.row - y.sa.account.row);
  for (const { sa, key } of accounts) {
    const a = sa.account;
    const parts = [`${L('textconv.account')} ${accountName(a)}`];
    if (a.owner !== undefined) parts.push(`${L('textconv.owner')} ${show(a.owner)}`);
    if (sa.recorded !== undefined || a.tier !== undefined) parts.push(`${L('textconv.tier')} ${sa.recorded !== undefined ? tierName(tiers, sa.recorded, lang) : show(a.tier!)}`);
    if (sa.computed !== undefined) parts.push(`${L('textconv.computed')} ${tierName(tiers, sa.computed, lang)}`);
    if (a.numbers.annual_revenue !== undefined) parts.push(`${L('textconv.revenue')} ${fmtValue(a.numbers.annual_revenue)}`);
    yield `${parts.join(' | ')}\n`;
    yield* emitTasks(`a:${key}`);
  }
  for (const key of [...byAccount.keys()].sort(compareText)) yield* emitTasks(key);
  const people = [...side.people].sort((x, y) => compareText(x.key, y.key) || x.row - y.row);
  for (const p of people) {
    const parts = [`${L('textconv.person')} ${show(p.name)}`];
    if (p.role !== undefined) parts.push(show(p.role));
    if (p.department !== undefined) parts.push(show(p.department));
    if (p.capacity !== undefined) parts.push(L('textconv.capacity', { n: fmtValue(p.capacity) }));
    if (!p.active) parts.push(L('textconv.inactive'));
    yield `${parts.join(' | ')}\n`;
  }
  const findings = side.findings.map((f) => `${L('textconv.finding')} ${f.severity} ${findingParts(f, spelling).map(show).join(' | ')}`).sort(compareText);
  for (const f of findings) yield `${f}\n`;
}

/**
 * One spelling per folded name, whatever the order of the rows (a finding about an activity names it
 * as its first row does): an account's as the Accounts sheet writes it, a person's as the Staff
 * sheet does, else the least of the spellings the rows use.
 */
function spellings(rows: readonly Assignment[], staff: ReadonlyMap<string, string>, accountName: (key: string) => string | undefined): (kind: 'account' | 'task' | 'person', text: string) => string {
  const least = { account: new Map<string, string>(), task: new Map<string, string>(), person: new Map<string, string>() };
  const keep = (m: Map<string, string>, key: string, text: string): void => {
    const now = m.get(key);
    if (now === undefined || compareText(text, now) < 0) m.set(key, text);
  };
  for (const r of rows) {
    keep(least.account, r.accountKey, r.account);
    keep(least.task, r.taskKey, r.task);
    if (r.person !== undefined && r.personKey !== undefined) keep(least.person, r.personKey, r.person);
  }
  return (kind, text) => {
    const key = fold(text);
    if (kind === 'account') return accountName(key) ?? least.account.get(key) ?? text;
    if (kind === 'person') return staff.get(key) ?? least.person.get(key) ?? text;
    return least.task.get(key) ?? text;
  };
}

/**
 * What a finding is about, as findingKey takes it (rule, account, task, person; else its arguments,
 * no row), with the names as the book writes them (found by a new user: `apex manufacturing ltd`
 * under the account line's `Apex Manufacturing Ltd`), one spelling whatever the order of the rows.
 */
function findingParts(f: Finding, spelling: ReturnType<typeof spellings>): string[] {
  const person = findingPerson(f) ?? findingDetail(f);
  const about: string[] = [];
  if (f.account !== undefined && fold(f.account) !== '') about.push(spelling('account', f.account));
  if (f.task !== undefined && fold(f.task) !== '') about.push(spelling('task', f.task));
  if (person !== undefined && fold(person) !== '') about.push(spelling('person', person));
  return about.length > 0 ? [f.rule, ...about] : findingKey(f).split('\u0000').filter((x) => x !== '');
}
