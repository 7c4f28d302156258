// The rows each person holds are kept in one store, column by column, each person's linked in the
// order they were met: the items the suggestion reads are those rows, in that order, with their
// group, tier and load — also when more rows are added than the store was made for.
import { describe, expect, it } from 'vitest';
import type { TaskGroup } from '../../src/book/book.js';
import { computeLoad, HeldRows, itemsOf, type Held, type PersonLoad } from '../../src/workload/load.js';
import { pick, rng } from '../helpers/random.js';
import { assignment, assignmentsTable, bookOf, staffTable } from '../helpers/rows.js';

const person = (held: Held | undefined): PersonLoad => ({ name: 'x', key: 'x', status: 'ok', hours: 0, capacity: 0, utilization: 0, accounts: 0, accountable: 0, letters: 0, held });

describe('HeldRows', () => {
  it('links each person’s rows in order, past the size it was made at', () => {
    const rand = rng(5);
    const store = new HeldRows(3, new Map([['strategic', 0], ['important', 1], ['normal', 2]]));
    const people = [0, 1, 2].map(() => ({ store, first: -1, last: -1 }));
    const group = { accountText: 'Apex', taskKey: 'follow-up', type: 'follow-up', rows: [] } as unknown as TaskGroup;
    const want: { row: number; tier: string | undefined; load: number }[][] = [[], [], []];
    for (let i = 0; i < 200; i++) {
      const who = pick(rand, [0, 1, 2]);
      const tier = pick(rand, ['strategic', undefined]);
      const load = rand() * 10;
      store.add(people[who]!, assignment({ account: 'Apex', task: 'Follow-up', person: `P${who}` }, i + 2), group, tier, load);
      want[who]!.push({ row: i + 2, tier, load });
    }
    expect(store.size).toBe(200);
    for (const who of [0, 1, 2]) {
      const items = itemsOf(person(people[who]));
      expect(items.map((it) => ({ row: it.assignment.row, tier: it.tier, load: it.load }))).toEqual(want[who]);
      expect(items.every((it) => it.group === group && it.tierRank === (it.tier ? 0 : 3))).toBe(true);
    }
    expect(itemsOf(person(undefined))).toEqual([]);
  });

  it('holds each row of the book its holder holds, once, with its hours', () => {
    const staff = staffTable([{ name: 'Alice' }, { name: 'Bob' }]);
    const rows = [
      { account: 'Apex', task: 'Follow-up', person: 'Alice', raci: 'R', frequency: 'weekly' as const, hours: 2 },
      { account: 'Apex', task: 'Follow-up', person: 'Bob', raci: 'A', frequency: 'weekly' as const, hours: 2 },
      { account: 'Bolt', task: 'Support', person: 'Alice', raci: 'R', frequency: 'monthly' as const, hours: 6 },
      { account: 'Bolt', task: 'Support', department: 'Service', raci: 'R', frequency: 'monthly' as const, hours: 6 },
    ];
    const book = bookOf({ staff, assignments: assignmentsTable(rows) });
    const load = computeLoad(book);
    const alice = load.people.find((p) => p.name === 'Alice')!;
    const items = itemsOf(alice);
    expect(items.map((it) => it.assignment.row)).toEqual([2, 4]);
    expect(items.reduce((s, it) => s + it.load, 0)).toBeCloseTo(alice.hours, 12);
    expect(itemsOf(load.people.find((p) => p.name === 'Bob')!).map((it) => it.assignment.row)).toEqual([3]);
    expect(computeLoad(book, { items: false }).people.every((p) => p.held === undefined && itemsOf(p).length === 0)).toBe(true);
  });
});
