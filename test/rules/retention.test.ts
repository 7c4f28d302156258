// A check report keeps what its output needs, not the book it was made from: while `kam check`
// writes its findings (126,633 of them for a 100,000-account book), the division-of-labour rows
// and the index (~300 MB there) can be collected. Found when the gap report's account lookup, a
// function made in the same scope as a function given the indexed book, kept the whole book alive.
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/app/gc.js';
import { gapsReport } from '../../src/rules/check.js';
import { check, cleanInputs, tablesOf } from '../helpers/rows.js';

/** Lets the current job end (a WeakRef's target lives until then), then collects everything. */
async function collected(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  collectGarbage();
  await new Promise((resolve) => setTimeout(resolve, 0));
  collectGarbage();
}

describe('a check report', () => {
  it('lets the rows and the index go, and still gives the gap report', async () => {
    let row: WeakRef<object> | undefined;
    let table: WeakRef<object> | undefined;
    const make = () => {
      const tables = tablesOf(cleanInputs());
      row = new WeakRef(tables.assignments.assignments[0]!);
      table = new WeakRef(tables.assignments);
      return check(tables);
    };
    const report = make();
    const expected = gapsReport(report);
    await collected();
    expect(row!.deref()).toBeUndefined();
    expect(table!.deref()).toBeUndefined();
    // What the report was made to give, it gives after: the same gaps, accounts with their ids and tiers.
    expect(gapsReport(report)).toEqual(expected);
    expect(report.accounts().size).toBeGreaterThan(0);
    expect([...report.accounts().values()].flat().some((a) => a.tier !== undefined)).toBe(true);
  });
});
