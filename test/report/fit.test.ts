// Fitting text to a width (report/shared/fit.ts): which columns give way, in which order, how far;
// and the wrapped finding line, whose lead and tail are never cut.
import { describe, expect, it } from 'vitest';
import { alignedTable } from '../../src/report/shared/aligned.js';
import { cutKeepingLast, joinFitting, shrinkWidths, wrapAfter } from '../../src/report/shared/fit.js';
import { displayWidth } from '../../src/util/width.js';

describe('shrinkWidths', () => {
  it('cuts the columns that give way in their order, the widest first among equals, never below their minimum', () => {
    const gives = [{}, { give: 2 }, { give: 2 }, { give: 1, min: 8 }];
    expect(shrinkWidths([4, 20, 9, 19], gives, 52)).toEqual([4, 20, 9, 19]);
    expect(shrinkWidths([4, 20, 9, 19], gives, 45)).toEqual([4, 20, 9, 12]);
    expect(shrinkWidths([4, 20, 9, 19], gives, 33)).toEqual([4, 12, 9, 8]);
    expect(shrinkWidths([4, 20, 9, 19], gives, 30)).toEqual([4, 9, 9, 8]);
    // At every minimum the sum may exceed the room: the columns that never give way stay whole.
    expect(shrinkWidths([4, 20, 9, 19], gives, 10)).toEqual([4, 6, 6, 8]);
    expect(shrinkWidths([4, 3, 9, 5], gives, 10)).toEqual([4, 3, 6, 5]);
  });
});

describe('fitted lines', () => {
  it('alignedTable cuts the free-text column and its header, pads a cut CJK name, keeps numbers', () => {
    const table = alignedTable(['Rank', 'Account', 'Score'], [['1', '华东精密制造有限公司', '92.5'], ['2', 'Bolt', '8.0']], [{ align: 'right' }, { align: 'left', give: 1 }, { align: 'right' }], 21);
    // Eight columns for the name: three CJK characters and … take seven, a space fills the eighth.
    expect(table.split('\n')).toEqual(['Rank  Account   Score', '────  ────────  ─────', '   1  华东精…    92.5', '   2  Bolt        8.0']);
    expect(alignedTable(['Rank', 'Account'], [['1', 'Apex Manufacturing']], [{ align: 'right' }, { align: 'left', give: 1 }], 12)).toBe('Rank  Accou…\n────  ──────\n   1  Apex…');
  });

  it('cutKeepingLast keeps the points of the top factor', () => {
    expect(cutKeepingLast('年采购额(万元) 35.0', 8)).toBe('年… 35.0');
    expect(cutKeepingLast('Annual Revenue 63.6', 12)).toBe('Annual… 63.6');
    expect(cutKeepingLast('—', 1)).toBe('—');
  });

  it('joinFitting puts parts on as few lines as fit', () => {
    expect(joinFitting(['Account tiers', 'book.xlsx › Accounts', '4 accounts'], ' · ', 40)).toEqual(['Account tiers · book.xlsx › Accounts', '4 accounts']);
    expect(joinFitting(['a', 'b'], ' · ', undefined)).toEqual(['a · b']);
  });

  it('wrapAfter wraps the sentence under the lead, the rule code whole at the end or on a line of its own', () => {
    const lead = '  ✖ error  Assignments!E14  ';
    const text = 'Cove · Follow-up: nobody is accountable (A)';
    expect(wrapAfter(lead, text, 60, { indent: 11, tail: 'raci/no-accountable' })).toEqual([
      '  ✖ error  Assignments!E14  Cove · Follow-up: nobody is',
      '           accountable (A)  raci/no-accountable',
    ]);
    expect(wrapAfter(lead, text, 80, { indent: 11, tail: 'raci/no-accountable' })).toEqual([
      '  ✖ error  Assignments!E14  Cove · Follow-up: nobody is accountable (A)',
      '           raci/no-accountable',
    ]);
    // Too little room after the lead: the sentence starts on the next line.
    const narrow = wrapAfter(lead, text, 40, { indent: 11, tail: 'raci/no-accountable' });
    expect(narrow[0]).toBe('  ✖ error  Assignments!E14');
    for (const l of narrow) expect(displayWidth(l)).toBeLessThanOrEqual(40);
    expect(wrapAfter(lead, text, undefined, { indent: 11, tail: 'raci/no-accountable' })).toEqual([`${lead}${text}  raci/no-accountable`]);
  });
});
