// A matrix row's letters per column (RowCells) read as the Map they replaced would: the same
// masks, the same keys in the order first added, for rows of one to many columns.
import { describe, expect, it } from 'vitest';
import { RowCells } from '../../src/matrix/cells.js';
import { rng } from '../helpers/random.js';

describe('RowCells', () => {
  it('reads as a Map of the same additions, on random rows of 0–9 columns', () => {
    const rand = rng(11);
    for (let round = 0; round < 2_000; round++) {
      const cells = new RowCells();
      const map = new Map<string, number>();
      const adds = Math.floor(rand() * 12);
      for (let i = 0; i < adds; i++) {
        const key = `person:p${Math.floor(rand() * 9)}`;
        // Mask 0 too: a row whose letters could not be read still names its column.
        const mask = Math.floor(rand() * 16);
        cells.add(key, mask);
        map.set(key, (map.get(key) ?? 0) | mask);
      }
      expect(cells.size).toBe(map.size);
      expect([...cells]).toEqual([...map]);
      expect([...cells.keys()]).toEqual([...map.keys()]);
      const seen: [string, number][] = [];
      cells.forEach((mask, key) => seen.push([key, mask]));
      expect(seen).toEqual([...map]);
      for (let k = 0; k < 10; k++) {
        const key = `person:p${k}`;
        expect(cells.get(key)).toBe(map.get(key));
        expect(cells.has(key)).toBe(map.has(key));
      }
    }
  });

  it('joins the letters added at one column (R then A is A/R there)', () => {
    const cells = new RowCells();
    cells.add('person:张伟', 0b0001);
    cells.add('department:销售部', 0b0100);
    cells.add('person:张伟', 0b0010);
    expect([...cells]).toEqual([
      ['person:张伟', 0b0011],
      ['department:销售部', 0b0100],
    ]);
    expect(cells.get('person:李娜')).toBeUndefined();
  });
});
