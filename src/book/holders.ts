/** Who holds which RACI letters on one activity (account × task). */
import type { IndexedBook, TaskGroup } from './book.js';

/** Who holds letters on an activity: a person, or a department where a row names no person. */
export interface Holder {
  name: string;
  kind: 'person' | 'department';
  letters: number;
  department?: string;
}

/** Who holds which letters in a group: a row names a person, or else a department. */
export function holders(book: IndexedBook, g: TaskGroup): Map<string, Holder> {
  const out = new Map<string, Holder>();
  for (const r of g.rows) {
    const key = r.personKey !== undefined ? `p:${r.personKey}` : r.departmentKey !== undefined ? `d:${r.departmentKey}` : undefined;
    if (key === undefined) continue;
    let h = out.get(key);
    if (!h) {
      // A person on the staff list is named as the list spells them (`张伟`, not a padded `张 伟`).
      h = r.personKey !== undefined ? { name: book.people.get(r.personKey)?.name ?? r.person!, kind: 'person', letters: 0 } : { name: r.department!, kind: 'department', letters: 0 };
      const dept = r.department ?? (r.personKey !== undefined ? book.people.get(r.personKey)?.department : undefined);
      if (dept !== undefined) h.department = dept;
      out.set(key, h);
    }
    h.letters |= r.raci;
  }
  return out;
}
