/** The filters of `kam matrix` and `kam load` checked against the book they filter. */
import type { IndexedBook } from '../book/book.js';
import { nearest } from '../util/near.js';
import { UsageError } from '../model/errors.js';
import { tierLabel, tierRecognizer } from '../model/tier.js';
import { accountKey, fold } from '../util/text.js';

/** What a command's filters name (each optional). */
export interface Filters {
  tier?: string;
  accounts?: readonly string[];
  person?: string;
  department?: string;
  role?: string;
}

/**
 * Each filter names something the book has (exit 2 otherwise): `--tier XYZ` or a misspelt
 * `--person` would give an empty matrix (or load report) that reads as "this person holds
 * nothing". Filters that each name something may still leave nothing together: that result is
 * empty, and says so.
 */
export function requireFilterMatches(book: IndexedBook, options: Filters): void {
  const { config } = book;
  if (options.tier !== undefined && tierRecognizer(config.tiers)(options.tier) === undefined) {
    throw new UsageError('usage.unknownTier', { tier: options.tier, tiers: config.tiers.map((t) => tierLabel(t, config.lang)).join(config.lang === 'zh' ? '、' : ', ') });
  }
  const accounts = book.accounts?.accounts ?? [];
  for (const wanted of options.accounts ?? []) {
    const k = fold(wanted);
    const id = accountKey(wanted);
    const named = book.accountIndex.has(k) || book.accountIndex.has(id) || accounts.some((a) => fold(a.name) === k || (a.id !== undefined && fold(a.id) === k)) || book.rows.some((r) => r.accountKey === k || r.accountKey === id);
    if (!named) {
      const near = nearest(wanted, accounts.flatMap((a) => (a.id !== undefined ? [a.name, a.id] : [a.name])), fold);
      throw near === undefined ? new UsageError('usage.unknownAccount', { name: wanted }) : new UsageError('usage.unknownAccountNear', { name: wanted, near });
    }
  }
  const people = [...book.people.values()];
  if (options.person !== undefined) {
    const k = fold(options.person);
    if (!book.people.has(k) && !book.rows.some((r) => r.personKey === k)) {
      // (Found by a new user: `--person 何莉` for 何丽 offered no name to try.)
      const near = nearest(options.person, people.map((p) => p.name), fold);
      throw near === undefined ? new UsageError('usage.unknownPerson', { name: options.person }) : new UsageError('usage.unknownPersonNear', { name: options.person, near });
    }
  }
  if (options.department !== undefined) {
    const k = fold(options.department);
    if (!people.some((p) => p.department !== undefined && fold(p.department) === k) && !book.rows.some((r) => r.departmentKey === k)) throw new UsageError('usage.unknownDepartment', { name: options.department });
  }
  if (options.role !== undefined) {
    const k = fold(options.role);
    if (!people.some((p) => p.role !== undefined && fold(p.role) === k)) throw new UsageError('usage.unknownRole', { name: options.role });
  }
}
