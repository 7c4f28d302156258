/** Coverage: every account has an owner, and every task type its tier requires has someone responsible. */
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
    const required = tier !== undefined ? (book.config.services[tier]?.required ?? []) : [];
    for (const type of required) {
      const key = typeKey(type, book.config.tasks);
      if (!groups.some((g) => g.type === key && held(g, RACI.R))) {
        out.push(cellFinding('coverage/required-task', layout, a.row, nameCol, { account: a.name, type, tier: tier! }, { account: a.name }));
      }
    }
  }
  return out;
}
