import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { readAssignments } from '../../src/io/sheets/assignments.js';
import { openBook } from '../../src/io/open.js';
import { readStaff } from '../../src/io/sheets/staff.js';
import { indexBook } from '../../src/book/book.js';
import { computeLoad, type PersonLoad } from '../../src/workload/load.js';
import { suggestMoves } from '../../src/workload/suggest.js';
import { tempDir, writeBook } from '../helpers/books.js';

type Row = (string | number | null)[];

/** Builds a book of staff and assignments and computes everyone's load as of 2025-11-15. */
async function load(staff: Row[], assignments: Row[], config: Record<string, unknown> = {}) {
  const path = await writeBook(join(tempDir(), 'b.xlsx'), [
    { name: 'Staff', rows: [['Name', 'Role', 'Department', 'Capacity Hours', 'Active'], ...staff] },
    { name: 'Assignments', rows: [['Account', 'Task', 'Person', 'Department', 'RACI', 'Frequency', 'Hours', 'Status', 'Locked', 'Due'], ...assignments] },
  ]);
  const book = await openBook(path);
  const opts = { file: path, date1904: false };
  const s = await readStaff(book.sheets[0]!, opts);
  const a = await readAssignments(book.sheets[1]!, opts);
  const resolved = resolveConfig({ raw: config }, { lang: 'en' });
  const ctx = indexBook({ config: resolved, asOf: '2025-11-15', staff: s, assignments: a });
  return { result: computeLoad(ctx), config: resolved };
}
const by = (people: PersonLoad[]) => Object.fromEntries(people.map((p) => [p.name, p]));

describe('computeLoad', () => {
  it('sums weekly hours × RACI share per person, with capacity and status', async () => {
    const { result } = await load(
      [
        ['Ann', 'AM', 'Sales', 40, 'yes'],
        ['Bo', 'AM', 'Sales', 20, 'yes'],
        ['Cy', 'Lead', 'Sales', null, 'yes'],
      ],
      [
        ['X', 'Follow-up', 'Ann', 'Sales', 'R', 'weekly', 10, 'doing'],
        ['X', 'Follow-up', 'Cy', 'Sales', 'A', 'weekly', 10, 'doing'],
        ['X', 'Review', 'Ann', 'Sales', 'C', 'monthly', 26, 'todo'],
        ['Y', 'Follow-up', 'Bo', 'Sales', 'R', 'daily', 2, 'doing'],
        ['Y', 'Follow-up', 'Cy', 'Sales', 'I', 'daily', 2, 'doing'],
        ['Y', 'Report', null, 'Sales', 'R', 'weekly', 40, 'doing'],
      ],
    );
    const p = by(result.people);
    expect(p.Ann!.hours).toBeCloseTo(10 + 0.1 * 26 * (12 / 52), 12);
    expect(p.Bo!.hours).toBe(10);
    expect(p.Bo!.utilization).toBe(0.5);
    expect(p.Cy!.hours).toBeCloseTo(2, 12); // A share 0.2 of 10; I counts 0
    expect(p.Cy!.capacity).toBe(40); // default capacity
    expect(p.Cy!.accountable).toBe(1);
    expect(p.Ann!.accounts).toBe(1);
    expect(p.Cy!.accounts).toBe(1); // A on X; I on Y does not hold it
    // The department-only row adds no personal load.
    expect(result.totals.hours).toBeCloseTo(p.Ann!.hours + 10 + 2, 12);
  });

  it('lists inactive and unknown people apart, with their load', async () => {
    const { result } = await load(
      [
        ['Ann', 'AM', 'Sales', 40, 'yes'],
        ['Old', 'AM', 'Sales', 40, '否'],
      ],
      [
        ['X', 'Follow-up', 'Old', 'Sales', 'R', 'weekly', 3, 'doing'],
        ['X', 'Follow-up', 'Ghost', 'Sales', 'A', 'weekly', 5, 'doing'],
      ],
    );
    expect(result.people.map((p) => [p.name, p.status, p.hours])).toEqual([
      ['Ann', 'idle', 0],
      ['Old', 'inactive', 3],
      ['Ghost', 'unknown', 1],
    ]);
    expect(result.totals).toEqual({ people: 1, hours: 0, capacity: 40, utilization: 0 });
  });

  it('measures fairness per role', async () => {
    const { result } = await load(
      [
        ['Ann', 'AM', 'Sales', 40, 'yes'],
        ['Bo', 'AM', 'Sales', 40, 'yes'],
      ],
      [
        ['X', 'Follow-up', 'Ann', 'Sales', 'R', 'weekly', 30, 'doing'],
        ['Y', 'Follow-up', 'Bo', 'Sales', 'R', 'weekly', 10, 'doing'],
      ],
    );
    expect(result.fairness).toEqual([{ role: 'AM', people: 2, mean: 0.5, stdDev: 0.25, maxMinRatio: 3 }]);
  });
});

describe('suggestMoves', () => {
  const staff: Row[] = [
    ['Ann', 'AM', 'Sales', 40, 'yes'],
    ['Bo', 'AM', 'Sales', 40, 'yes'],
    ['Cat', 'AM', 'Sales', 20, 'yes'],
    ['Dee', 'Support', 'Service', 40, 'yes'],
    ['Lead', 'Director', 'Sales', 40, 'yes'],
  ];
  const work: Row[] = [
    ['Big', 'Follow-up', 'Ann', 'Sales', 'R', 'weekly', 20, 'doing'],
    ['Big', 'Follow-up', 'Lead', 'Sales', 'A', 'weekly', 20, 'doing'],
    ['Mid', 'Follow-up', 'Ann', 'Sales', 'R', 'weekly', 12, 'doing'],
    ['Small', 'Follow-up', 'Ann', 'Sales', 'R', 'weekly', 6, 'doing'],
    ['Tiny', 'Follow-up', 'Ann', 'Sales', 'R', 'weekly', 4, 'doing', '是'],
    ['Tiny', 'Review', 'Ann', 'Sales', 'A', 'weekly', 10, 'doing'],
    ['Mid', 'Follow-up', 'Bo', 'Sales', 'C', 'weekly', 12, 'doing'],
    ['Other', 'Follow-up', 'Bo', 'Sales', 'R', 'weekly', 16, 'doing'],
    ['Other', 'Support', 'Dee', 'Service', 'R', 'weekly', 2, 'doing'],
  ];

  it('moves the smallest movable R work to the least-utilised colleague of the role, within the target', async () => {
    const { result, config } = await load(staff, work);
    const ann = by(result.people).Ann!;
    expect(ann.utilization).toBeCloseTo((20 + 12 + 6 + 4 + 2) / 40, 12); // 110%
    const { moves, unfixed } = suggestMoves(result.people, config.load);
    expect(moves.map((m) => [m.item.group.accountText, m.from.name, m.to.name, m.hours])).toEqual([
      ['Small', 'Ann', 'Cat', 6], // Cat 0% is least utilised; 6/20 = 30% ≤ 85%
    ]);
    expect(moves[0]!.fromAfter).toBeCloseTo(38 / 40, 12);
    // Ann is at 95%: Mid (12 h) would fit Cat (90%: no) nor Bo (who is C on Mid: holds a letter), Big (20 h) fits no one.
    expect(unfixed).toEqual([]);
  });

  it('respects its invariants', async () => {
    const heavy: Row[] = [...work, ['Extra', 'Follow-up', 'Ann', 'Sales', 'R', 'weekly', 8, 'doing'], ['Extra2', 'Follow-up', 'Ann', 'Sales', 'R', 'weekly', 3, 'doing']];
    const { result, config } = await load(staff, heavy);
    const first = suggestMoves(result.people, config.load);
    const again = suggestMoves(result.people, config.load);
    expect(again.moves.map((m) => [m.item.assignment.row, m.to.name])).toEqual(first.moves.map((m) => [m.item.assignment.row, m.to.name]));
    expect(first.moves.length).toBeGreaterThan(1);
    for (const m of first.moves) {
      expect(m.to.role).toBe(m.from.role); // no cross-role move
      expect(m.toAfter).toBeLessThanOrEqual(config.load.target + 1e-9); // no receiver above target
      expect(m.item.assignment.locked).toBe(false); // no locked row moved
      expect(m.item.assignment.raci).toBe(1); // only R work moves
    }
    const finalAnn = first.moves.filter((m) => m.from.name === 'Ann').at(-1)!.fromAfter;
    expect(finalAnn).toBeLessThanOrEqual(1); // the over-capacity person is fixed
  });

  it('says why someone cannot be fixed', async () => {
    const lonely = await load([['Solo', 'Unique', 'Nowhere', 10, 'yes']], [['X', 'Follow-up', 'Solo', 'Nowhere', 'R', 'weekly', 20, 'doing']]);
    expect(suggestMoves(lonely.result.people, lonely.config.load).unfixed.map((u) => [u.person.name, u.reason])).toEqual([['Solo', 'no-receiver']]);
    const locked = await load(staff, [['X', 'Follow-up', 'Ann', 'Sales', 'R', 'weekly', 50, 'doing', 'yes']]);
    expect(suggestMoves(locked.result.people, locked.config.load).unfixed.map((u) => u.reason)).toEqual(['no-movable']);
    const full = await load(staff, [['X', 'Follow-up', 'Ann', 'Sales', 'R', 'weekly', 45, 'doing']]);
    expect(suggestMoves(full.result.people, full.config.load).unfixed.map((u) => u.reason)).toEqual(['no-room']);
  });
});
