// holderRows gives the rows as their holders hold them: cancelled rows left out (unless asked), a
// matrix column headed by a department moved to the department (and a person's cell naming a
// department and nobody, in a row without a department of its own), a cell naming several people once
// per person. It hands back the sheet's own list when no row changes (a 690,000-row list is not
// copied for nothing) and copies it from the first row that does: against the plain way (filter,
// map, flatMap) on random rows, the same rows, the same objects where a row is unchanged, and the
// input list untouched.
import { describe, expect, it } from 'vitest';
import { holderRows } from '../../src/book/book.js';
import { expandShared } from '../../src/book/shared.js';
import type { Assignment } from '../../src/model/assignment.js';
import type { Person } from '../../src/model/person.js';
import { fold } from '../../src/util/text.js';
import { pick, rng } from '../helpers/random.js';
import { assignment } from '../helpers/rows.js';

const person = (name: string): Person => ({ row: 2, name, key: fold(name), active: true });
const people = new Map(['张伟', '李娜', 'Alice', 'Bob'].map((n) => [fold(n), person(n)]));
const departments = new Set([fold('销售部'), fold('Marketing')]);

/** The plain way, as it was written before the shortcut. */
function plain(rows: readonly Assignment[], haveStaff: boolean, cancelled: boolean): Assignment[] {
  const read = rows
    .filter((r) => !(r.status === 'cancelled' && !cancelled))
    .map((r) => ((r.column !== undefined || r.departmentKey === undefined) && departments.has(r.personKey!) && !people.has(r.personKey!) ? { ...r, person: undefined, personKey: undefined, department: r.person!, departmentKey: r.personKey! } : r));
  return [...expandSharedPlain(read, haveStaff)];
}

function expandSharedPlain(rows: readonly Assignment[], haveStaff: boolean): Assignment[] {
  return rows.flatMap((r) => {
    if (r.person === undefined || (haveStaff && people.has(r.personKey!))) return [r];
    const parts = r.person.split(haveStaff ? /\s*(?:[、,，;；/&+]|和|及|与)\s*/ : /\s*[、，；/]\s*/).filter((p) => p !== '');
    const keys = parts.map(fold);
    if (parts.length < 2 || (haveStaff && !keys.every((k) => people.has(k)))) return [r];
    return parts.map((name, i) => ({ ...r, person: name, personKey: keys[i]!, portion: 1 / parts.length }));
  });
}

function randomRows(seed: number, changes: boolean): Assignment[] {
  const rand = rng(seed);
  const names = changes ? ['张伟', '李娜', 'Alice', '张伟、李娜', 'Alice / Bob', '销售部', 'Marketing', 'Carol'] : ['张伟', '李娜', 'Alice', 'Bob', 'Carol'];
  return Array.from({ length: 400 }, (_, i) => {
    const a = assignment({ account: `KA${i % 37}`, task: pick(rand, ['跟进', 'Renewal']), person: pick(rand, names), raci: 'R', status: changes && rand() < 0.1 ? 'cancelled' : 'doing' }, i + 2);
    if (rand() < 0.3) a.column = 4 + (i % 5);
    return a;
  });
}

describe('holderRows', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    for (const haveStaff of [true, false]) {
      for (const cancelled of [false, true]) {
        it(`seed ${seed}, staff ${haveStaff}, cancelled kept ${cancelled}: the rows of the plain way`, () => {
          const rows = randomRows(seed, seed % 3 !== 0);
          const before = rows.slice();
          const got = holderRows(rows, people, departments, haveStaff, cancelled);
          const want = plain(rows, haveStaff, cancelled);
          expect(got).toEqual(want);
          // An unchanged row is the sheet's own object, a changed one a copy.
          got.forEach((r, i) => expect(r === want[i]).toBe(rows.includes(want[i]!)));
          expect(rows).toEqual(before);
          expect(rows.every((r, i) => r === before[i])).toBe(true);
        });
      }
    }
  }

  it('hands back the list itself when no row changes, and a new list from the first that does', () => {
    const rows = randomRows(7, false).map((r) => ({ ...r, column: undefined }));
    expect(holderRows(rows, people, departments, true, false)).toBe(rows);
    expect(expandShared(rows, people, true)).toBe(rows);
    const withCancelled = rows.map((r, i) => (i === 200 ? { ...r, status: 'cancelled' as const } : r));
    const got = holderRows(withCancelled, people, departments, true, false);
    expect(got).not.toBe(withCancelled);
    expect(got).toHaveLength(399);
    expect(got.slice(0, 200).every((r, i) => r === withCancelled[i])).toBe(true);
    expect(holderRows(withCancelled, people, departments, true, true)).toBe(withCancelled);
    const shared = rows.map((r, i) => (i === 0 ? { ...r, person: '张伟、李娜', personKey: fold('张伟、李娜') } : r));
    const split = expandShared(shared, people, true);
    expect(split).toHaveLength(401);
    expect(split.slice(0, 2).map((r) => [r.person, r.portion])).toEqual([
      ['张伟', 0.5],
      ['李娜', 0.5],
    ]);
  });
});
