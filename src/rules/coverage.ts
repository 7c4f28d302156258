/** Coverage: every account has an owner, every task type its tier requires has someone responsible, and no top account rests on one person. */
import { own } from '../util/own.js';
import { RACI } from '../model/codes.js';
import { cellFinding } from '../model/finding.js';
import type { Finding } from '../model/finding.js';
import type { IndexedBook } from '../book/book.js';
import { typeKey } from '../book/tasks.js';

/** coverage/no-owner, coverage/required-task. */
export function coverageRules(book: IndexedBook): Finding[] {
  const t = book.accounts;
  if (!t || !book.assignments) return [];
  const { layout } = t;
  const nameCol = layout.byKey.get('name');
  const ownerCol = layout.byKey.get('owner');
  const out: Finding[] = [];
  for (const a of t.accounts) {
    const groups = book.groupsByAccount.get(a) ?? [];
    const held = (g: (typeof groups)[number], letter: number): boolean => g.rows.some((r) => r.raci & letter && (r.personKey !== undefined || r.departmentKey !== undefined));
    if (a.owner === undefined && !groups.some((g) => held(g, RACI.A))) {
      out.push(cellFinding('coverage/no-owner', layout, a.row, ownerCol ?? nameCol, { account: a.name }, { account: a.name }));
    }
    const tier = book.effectiveTier(a);
    const required = (tier !== undefined ? own(book.config.services, tier)?.required : undefined) ?? [];
    for (const type of required) {
      const key = typeKey(type, book.config.tasks);
      if (!groups.some((g) => g.type === key && held(g, RACI.R))) {
        out.push(cellFinding('coverage/required-task', layout, a.row, nameCol, { account: a.name, type, tier: tier! }, { account: a.name }));
      }
    }
  }
  return out;
}

/** coverage/single-point: one person holds every R and A of a strategic or important account. */
export function singlePointRules(book: IndexedBook): Finding[] {
  const t = book.accounts;
  if (!t || !book.assignments) return [];
  const top = new Set(book.config.tiers.slice(0, 2).map((x) => x.id));
  const nameCol = t.layout.byKey.get('name');
  const out: Finding[] = [];
  for (const a of t.accounts) {
    const tier = book.effectiveTier(a);
    if (tier === undefined || !top.has(tier)) continue;
    let holder: string | undefined;
    let name = '';
    let single = true;
    for (const g of book.groupsByAccount.get(a) ?? []) {
      for (const r of g.rows) {
        if (!(r.raci & (RACI.R | RACI.A))) continue;
        // A letter nobody holds (`待定`, an empty cell) is no second holder (found by a new user: one such row hid the
        // single point; the rules for a missing R or A say what it lacks).
        if (r.personKey === undefined && r.departmentKey === undefined) continue;
        const key = r.personKey ?? `dept:${r.departmentKey}`;
        if (holder === undefined) [holder, name] = [key, r.person ?? r.department ?? ''];
        else if (key !== holder) single = false;
      }
    }
    if (holder !== undefined && single && !holder.startsWith('dept:')) {
      out.push(cellFinding('coverage/single-point', t.layout, a.row, nameCol, { account: a.name, person: name, tier }, { account: a.name, person: name }));
    }
  }
  return out;
}
