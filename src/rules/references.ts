/** References: accounts, people and departments the assignments name must exist (and be active). */
import { cellFinding } from '../model/finding.js';
import type { Finding } from '../model/finding.js';
import { fold } from '../util/text.js';
import type { RuleContext } from '../book/book.js';

/** ref/unknown-account, ref/unknown-person, ref/inactive-person, ref/unknown-department. */
export function referenceRules(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const t = ctx.assignments;
  if (t) {
    const { layout } = t;
    const accountCol = layout.byKey.get('account_id') ?? layout.byKey.get('account');
    const personCol = layout.byKey.get('person');
    const deptCol = layout.byKey.get('department');
    for (const a of ctx.rows) {
      const account = ctx.accountIndex.get(a.accountKey);
      const about = { account: account?.name ?? a.account, task: a.task };
      if (ctx.accounts && !account) out.push(cellFinding('ref/unknown-account', layout, a.row, accountCol, { ...about, account: a.account }, about));
      if (ctx.staff && a.person !== undefined && a.personKey !== undefined) {
        const p = ctx.people.get(a.personKey);
        if (!p) out.push(cellFinding('ref/unknown-person', layout, a.row, personCol, { ...about, person: a.person }, { ...about, person: a.person }));
        else if (!p.active) out.push(cellFinding('ref/inactive-person', layout, a.row, personCol, { ...about, person: p.name }, { ...about, person: p.name }));
      }
      if (ctx.departments && a.department !== undefined && !ctx.departments.has(a.departmentKey!)) {
        out.push(cellFinding('ref/unknown-department', layout, a.row, deptCol, { ...about, department: a.department }, about));
      }
    }
  }
  // An account's owner (客户经理) is a person too: one who left, or whom nobody knows, is a gap.
  if (ctx.accounts && ctx.staff) {
    const { layout } = ctx.accounts;
    const ownerCol = layout.byKey.get('owner');
    for (const acc of ctx.accounts.accounts) {
      if (acc.owner === undefined) continue;
      const p = ctx.people.get(fold(acc.owner));
      const about = { account: acc.name, person: acc.owner };
      if (!p) out.push(cellFinding('ref/unknown-person', layout, acc.row, ownerCol, { variant: 'owner', account: acc.name, person: acc.owner }, about));
      else if (!p.active) out.push(cellFinding('ref/inactive-person', layout, acc.row, ownerCol, { variant: 'owner', account: acc.name, person: p.name }, about));
    }
  }
  return out;
}
