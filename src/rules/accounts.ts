/** Account rules: declining revenue, recorded tier against computed tier. */
import { cellFinding } from '../model/finding.js';
import type { Finding } from '../model/finding.js';
import type { TierReport } from '../scoring/score.js';
import type { IndexedBook } from '../book/book.js';

/** account/declining-revenue (last period down more than `threshold`), account/tier-mismatch. */
export function accountRules(book: IndexedBook, tiers: TierReport | undefined, threshold: number): Finding[] {
  const t = book.accounts;
  if (!t || !tiers) return [];
  const { layout } = t;
  const lastPeriod = t.periods[t.periods.length - 1];
  const tierCol = layout.byKey.get('tier');
  const byRow = new Map(t.accounts.map((a) => [a.row, a]));
  const out: Finding[] = [];
  for (const r of tiers.accounts) {
    const acc = byRow.get(r.row);
    if (!acc) continue;
    const about = { account: acc.name };
    if (r.trend !== null && r.trend < -threshold && lastPeriod) {
      out.push(cellFinding('account/declining-revenue', layout, acc.row, lastPeriod, { account: acc.name, change: r.trend, threshold }, about));
    }
    const recorded = book.recordedTier(acc);
    if (recorded !== undefined && recorded !== r.tier) {
      out.push(cellFinding('account/tier-mismatch', layout, acc.row, tierCol, { account: acc.name, recorded, computed: r.tier }, about));
    }
  }
  return out;
}
