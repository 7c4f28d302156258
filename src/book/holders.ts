/** Who holds which RACI letters on one activity (account × task). */
import type { Assignment } from '../model/assignment.js';
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
      out.set(key, h);
    }
    // The first of its rows that names a department, else the Staff sheet's (found by review: only the
    // first row was asked, and a conflict of departments came and went with the order of the rows).
    if (h.department === undefined && r.department !== undefined) h.department = r.department;
    h.letters |= r.raci;
  }
  for (const [key, h] of out) {
    if (h.department === undefined && h.kind === 'person') {
      const dept = book.people.get(key.slice(2))?.department;
      if (dept !== undefined) h.department = dept;
    }
  }
  return out;
}

/**
 * An activity's holders as {@link holders} keys them (a person, else a department), with the letters
 * each holds and the department its rows name first, in lists kept from one activity to the next: a book has
 * hundreds of thousands of activities of a few rows, and the rules and the matrix count their A and
 * R without building a map per activity. Past 32 rows a holder's place is looked up in a map.
 */
export class HolderLetters {
  readonly keys: string[] = [];
  readonly person: boolean[] = [];
  readonly letters: number[] = [];
  /** Each holder's department as {@link holders} takes it from its rows: the first that names one. */
  readonly department: (string | undefined)[] = [];

  /** Gathers the holders of `rows` into the lists; returns how many there are. */
  gather(rows: readonly Assignment[]): number {
    const { keys, person, letters, department } = this;
    const places = rows.length > 32 ? new Map<string, number>() : undefined;
    let n = 0;
    for (const r of rows) {
      const isPerson = r.personKey !== undefined;
      const key = isPerson ? r.personKey : r.departmentKey;
      if (key === undefined) continue;
      const place = places ? `${isPerson ? 'p' : 'd'}:${key}` : '';
      let j = 0;
      if (places) j = places.get(place) ?? n;
      else while (j < n && (keys[j] !== key || person[j] !== isPerson)) j++;
      if (j === n) {
        places?.set(place, n);
        keys[n] = key;
        person[n] = isPerson;
        letters[n] = 0;
        department[n] = r.department;
        n++;
      } else if (department[j] === undefined && r.department !== undefined) department[j] = r.department;
      letters[j]! |= r.raci;
    }
    return n;
  }
}
