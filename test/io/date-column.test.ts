// A date column remembers what each text gave (a CSV repeats a few hundred days): the order it
// settles on, the dates and the findings are those of reading every cell afresh.
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/model/cell.js';
import { parseDate } from '../../src/parse/values.js';
import { DateColumn } from '../../src/io/table/dates.js';

const text = (v: string): Cell => ({ t: 's', v });

describe('DateColumn', () => {
  it('settles on month-first from a text seen again, and reads the ambiguous ones so', () => {
    const column = new DateColumn(false);
    const cells = ['11/3/2025', '12/20/2025', '11/3/2025', '12/20/2025', '2025-11-15', '11/3/2025'].map(text);
    const read = cells.map((c) => column.read(c));
    expect(read.map((p) => (p?.ok ? p.value : p?.reason.split(':')[0]))).toEqual(['ambiguous-date', '2025-12-20', 'ambiguous-date', '2025-12-20', '2025-11-15', 'ambiguous-date']);
    // The same object for the same text: read once.
    expect(read[1]).toBe(read[3]);
    expect(column.order).toBe('month-first');
  });

  it('sees both orders when a day-first text follows month-first ones, however often each comes', () => {
    const column = new DateColumn(false);
    for (const v of ['12/20/2025', '12/20/2025', '12/20/2025', '20/12/2025']) column.read(text(v));
    expect(column.order).toBeUndefined();
    const other = new DateColumn(false);
    for (const v of ['20/12/2025', '20/12/2025']) other.read(text(v));
    expect(other.order).toBe('day-first');
  });

  it('gives what parseDate gives, for text and for numbers, past the texts it remembers', () => {
    const column = new DateColumn(false);
    const cells: Cell[] = [];
    for (let i = 0; i < 5000; i++) cells.push(text(`2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')} ${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`));
    cells.push({ t: 'n', v: 45976, date: true }, text('not a date'), text('—'));
    for (const c of [...cells, ...cells]) expect(column.read(c)).toEqual(parseDate(c, false));
  });

  it('reads a number once per value and style: a plain 20251115 is a compact date, a date-styled one a serial past any calendar', () => {
    const column = new DateColumn(false);
    const cells: Cell[] = [
      { t: 'n', v: 45976, date: true },
      { t: 'n', v: 45976 },
      { t: 'n', v: 20251115 },
      { t: 'n', v: 20251115, date: true },
      { t: 'n', v: 1950 },
      { t: 'n', v: 1950, date: true },
      { t: 'n', v: 45976.75, date: true },
      { t: 'n', v: -0, date: true },
      { t: 'n', v: 0, date: true },
    ];
    // Twice each, in both orders of style: each read as parseDate reads it afresh.
    for (const c of [...cells, ...cells.slice().reverse()]) expect(column.read(c)).toEqual(parseDate(c, false));
    expect(column.read({ t: 'n', v: 20251115 })).toEqual({ ok: true, value: '2025-11-15' });
    expect(column.read({ t: 'n', v: 1950 })?.ok).toBe(false);
    expect(column.read({ t: 'n', v: 1950, date: true })).toEqual({ ok: true, value: '1905-05-03' });
    // One result (and one date string) per day, however many rows hold it.
    expect(column.read({ t: 'n', v: 45976, date: true })).toBe(column.read({ t: 'n', v: 45976, date: true }));
    // A 1904 book reads the same serial four years and a day later.
    expect(new DateColumn(true).read({ t: 'n', v: 45976, date: true })).toEqual(parseDate({ t: 'n', v: 45976, date: true }, true));
  });
});
