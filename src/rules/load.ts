/** Workload rules: over capacity, too many accounts, idle. */
import { cellFinding } from '../model/finding.js';
import type { Finding } from '../model/finding.js';
import { computeLoad, type LoadResult } from '../workload/load.js';
import type { IndexedBook } from '../book/book.js';

/** load/over-capacity, load/max-accounts, load/idle at the person's Staff row. */
export function loadRules(book: IndexedBook, load?: LoadResult): Finding[] {
  if (!book.staff || !book.assignments) return [];
  return loadFindings(book, load ?? computeLoad(book, { items: false }));
}

/** The load rules' findings for a load already computed. */
export function loadFindings(book: IndexedBook, load: LoadResult): Finding[] {
  const staff = book.staff;
  if (!staff || !book.assignments) return [];
  const { layout } = staff;
  const nameCol = layout.byKey.get('name');
  const maxCol = layout.byKey.get('max_accounts');
  const out: Finding[] = [];
  for (const p of load.people) {
    if (!p.person || !p.person.active) continue;
    const row = p.person.row;
    const about = { person: p.name };
    const args = { person: p.name, hours: Math.round(p.hours * 100) / 100, capacity: p.capacity, utilization: p.utilization };
    if (p.status === 'over') out.push(cellFinding('load/over-capacity', layout, row, nameCol, args, about));
    if (p.status === 'idle') out.push(cellFinding('load/idle', layout, row, nameCol, args, about));
    if (p.maxAccounts !== undefined && p.accounts > p.maxAccounts) {
      out.push(cellFinding('load/max-accounts', layout, row, maxCol ?? nameCol, { person: p.name, accounts: p.accounts, max: p.maxAccounts }, about));
    }
  }
  return out;
}
