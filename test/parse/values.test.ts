import { describe, expect, it } from 'vitest';
import { dateOrderOf, parseBoolean, parseDate, parseDateText, parseHours, parseNumber, parseNumberText, parseText, type NumberUnits } from '../../src/parse/values.js';
import { hoursUnitOf } from '../../src/parse/headers.js';
import { decimalMarkOf } from '../../src/io/csv/read.js';

const num = (text: string, scale?: number) => {
  const r = parseNumberText(text, { scale });
  return r?.ok ? r.value : r === undefined ? 'empty' : `bad:${r.reason}`;
};

describe('parseNumberText', () => {
  it.each([
    ['1200000', 1200000],
    ['1,200,000', 1200000],
    ['¥1,200,000', 1200000],
    ['￥120万', 1200000],
    ['120万元', 1200000],
    ['1.2亿', 120000000],
    ['1.2亿元', 120000000],
    ['１２０万', 1200000],
    ['120萬元', 1200000],
    ['1.2億', 120000000],
    ['3百万元', 3000000],
    ['3百萬', 3000000],
    ['5仟元', 5000],
    ['１，２００，０００', 1200000],
    ['12%', 0.12],
    ['12.5％', 0.125],
    ['(1,000)', -1000],
    ['（1,000）', -1000],
    ['-1,000', -1000],
    ['¥-500', -500],
    ['5年', 5],
    ['8小时', 8],
    ['8h', 8],
    ['3次', 3],
    ['4.5 分', 4.5],
    ['10k', 10000],
    ['1.5M', 1500000],
    ['30w', 300000],
    ['1 200 000', 1200000],
    ['1.2E+06', 1200000],
    ['RMB 88,000', 88000],
    ['0.5', 0.5],
  ])('%s → %d', (text, expected) => {
    expect(num(text)).toBeCloseTo(expected as number, 9);
  });

  it.each([
    // Excel's accounting format as text, SAP's minus after the amount, finance's shorthands (found by a new user).
    [' $ (1,000.00)', -1000],
    [' $ -   ', 0],
    ['1,200,000.00-', -1200000],
    ['$1.2m', 1200000],
    ['1.2MM', 1200000],
    ['€3mn', 3000000],
    ['1.5B', 1500000000],
    ['1.2bn', 1200000000],
  ])('money: %s → %d', (text, expected) => {
    expect(parseNumberText(text, { units: 'money' })).toEqual({ ok: true, value: expected });
  });

  it('reads finance’s m and bn only where money is counted, and a dash alone stays an empty cell', () => {
    expect(parseNumberText('18m', { units: 'years' })?.ok).toBe(false);
    expect(parseNumberText('1.5b', { units: 'score' })?.ok).toBe(false);
    expect(parseNumberText('-', { units: 'money' })).toBeUndefined();
    expect(parseNumberText('1-2', { units: 'money' })?.ok).toBe(false);
  });

  it('scales plain numbers by the header unit but not numbers with their own unit', () => {
    expect(num('120', 1e4)).toBe(1200000);
    expect(num('1,850', 1e4)).toBe(18500000);
    expect(num('310万', 1e4)).toBe(3100000);
    expect(num('¥50000元', 1e4)).toBe(50000);
    // A yuan sign is yuan as written, as 元 is (found by a new user: ￥9,600,000 under 万元 was 96 billion).
    expect(num('￥9,600,000', 1e4)).toBe(9600000);
    expect(num('RMB 3,000,000', 1e4)).toBe(3000000);
    expect(num('人民币120万', 1e4)).toBe(1200000);
    // A dollar sign says no unit: `$1,200` under `($K)` is 1.2 million.
    expect(num('$1,200', 1e3)).toBe(1200000);
    expect(num('95%', 0.01)).toBeCloseTo(0.95);
    expect(num('95', 0.01)).toBeCloseTo(0.95);
  });

  it('takes after a number only the words its kind of column counts in (found by a new user: 18个月 was 18 years, 100天 100万元)', () => {
    const read = (text: string, units: NumberUnits) => parseNumber({ t: 's', v: text }, { units });
    // Years: years, months as twelfths, both; no days or weeks.
    for (const [text, value] of [['3', 3], ['3年', 3], ['5 years', 5], ['18个月', 1.5], ['6 months', 0.5], ['3年6个月', 3.5], ['3年零6个月', 3.5], ['1 year 3 months', 1.25]] as const) expect(read(text, 'years'), text).toEqual({ ok: true, value });
    for (const text of ['500天', '2周', '100 days', '3岁', '18次']) expect(read(text, 'years'), text).toEqual({ ok: false, reason: 'years' });
    // Money: a currency and a magnitude, no unit of time or count.
    for (const [text, value] of [['120万', 1.2e6], ['¥1,200', 1200], ['1.2亿元', 1.2e8]] as const) expect(read(text, 'money'), text).toEqual({ ok: true, value });
    for (const text of ['100天', '100个月', '100 days', '100家', '100h', '2年']) expect(read(text, 'money'), text).toEqual({ ok: false, reason: 'number' });
    // Scores: stars and points; a count: its counting words.
    for (const [text, value] of [['4星', 4], ['90分', 90], ['4.5 points', 4.5]] as const) expect(read(text, 'score'), text).toEqual({ ok: true, value });
    expect(read('3天', 'score')).toEqual({ ok: false, reason: 'number' });
    for (const [text, value] of [['20家', 20], ['15个', 15]] as const) expect(read(text, 'count'), text).toEqual({ ok: true, value });
    expect(read('20小时', 'count')).toEqual({ ok: false, reason: 'number' });
    // A column the config names, of no known kind, takes any of them, as before.
    expect(parseNumber({ t: 's', v: '500人' })).toEqual({ ok: true, value: 500 });
  });

  it('reads digits grouped by spaces or apostrophes only as thousands (found by a new user: 4 2 was 42, 1 2345 12345)', () => {
    for (const [text, value] of [['1 200 000', 1200000], ['1  200', 1200], ["1'200'000", 1200000], ['12 345.50', 12345.5], ['1 200万', 12000000], ['1\u00a0200', 1200], ['１ ２００', 1200]] as const) expect(num(text), text).toBe(value);
    for (const text of ['4 2', '12 5', '1 2345', '1 23', '1234 567']) expect(parseNumberText(text), text).toEqual({ ok: false, reason: 'number' });
  });

  it('reads a percent as the number a cell holding the fraction reads as, to the last bit (found by a new user)', () => {
    // 95 × 0.01 is 0.9500000000000001: a tie broken by the last bit, and a CSV unlike its xlsx twin.
    for (const [text, value] of [['95%', 0.95], ['7%', 0.07], ['92%', 0.92], ['12.5％', 0.125], ['3‰', 0.003], ['57%', 0.57]] as const) expect(num(text)).toBe(value);
    expect(num('95', 0.01)).toBe(0.95);
    expect(parseNumber({ t: 'n', v: 95 }, { scale: 0.01 })).toEqual({ ok: true, value: 0.95 });
    expect(parseNumber({ t: 'n', v: 57 }, { scale: 0.01 })).toEqual({ ok: true, value: 0.57 });
    // Decimal percents too: the point moved, not a division (0.47 / 100 is 0.004699999999999999; found by review).
    for (const [text, value] of [['0.47%', 0.0047], ['16.7%', 0.167], ['33.3%', 0.333], ['95.2%', 0.952], ['-12.5%', -0.125]] as const) expect(num(text), text).toBe(value);
    for (let i = 0; i <= 10000; i++) {
      const text = String(i / 100);
      expect(num(`${text}%`), text).toBe(Number(`${text}e-2`));
    }
    expect(parseNumber({ t: 'n', v: 16.7 }, { scale: 0.01 })).toEqual({ ok: true, value: 0.167 });
    // Scales of 1 and above still multiply; minutes still divide.
    expect(num('1.2', 1e4)).toBe(12000);
    expect(num('90', 1 / 60)).toBe(1.5);
  });

  it('treats placeholders as empty, never as zero', () => {
    for (const t of ['', '  ', '-', '—', 'N/A', '无', '暂无', '/']) expect(num(t)).toBe('empty');
  });

  it('refuses what it cannot read instead of guessing', () => {
    for (const t of ['abc', '1.200.000', '1,5', '12万3', 'about 5', '#VALUE!']) expect(num(t)).toBe('bad:number');
  });
});

describe('parseNumber on cells', () => {
  it('reads numeric cells with the header scale', () => {
    expect(parseNumber({ t: 'n', v: 120 }, { scale: 1e4 })).toEqual({ ok: true, value: 1200000 });
  });
  it('reports error cells, formulas without a result, booleans and dates', () => {
    expect(parseNumber({ t: 'e', v: '#N/A' })).toEqual({ ok: false, reason: 'error:#N/A' });
    expect(parseNumber({ t: 'f', v: 'SUM(A1:A3)' })).toEqual({ ok: false, reason: 'formula' });
    // TRUE in a number column: what is expected is a number (issue 9).
    expect(parseNumber({ t: 'b', v: true })).toEqual({ ok: false, reason: 'number' });
    // (A date where a number goes: a number is what is expected, and the message says so.)
    expect(parseNumber({ t: 'n', v: 45976, date: true })).toEqual({ ok: false, reason: 'number' });
  });
  it('returns undefined for an empty cell', () => {
    expect(parseNumber(undefined)).toBeUndefined();
  });
});

describe('parseDate', () => {
  const d = (text: string) => {
    const r = parseDateText(text);
    return r?.ok ? r.value : r === undefined ? 'empty' : `bad:${r.reason}`;
  };
  it.each([
    ['2025-11-15', '2025-11-15'],
    ['2025/11/15', '2025-11-15'],
    ['2025.11.15', '2025-11-15'],
    ['2025年11月15日', '2025-11-15'],
    ['2025 年 11 月 5 日', '2025-11-05'],
    ['2025-1-5', '2025-01-05'],
    ['2025-11-15 14:30:00', '2025-11-15'],
    ['2025-11-15T23:59:59-08:00', '2025-11-15'],
    ['２０２５－１１－１５', '2025-11-15'],
    ['20251115', '2025-11-15'],
    ['15/11/2025', '2025-11-15'],
    ['11/15/2025', '2025-11-15'],
    ['15-Nov-2025', '2025-11-15'],
    // Excel's d-mmm-yy as a CSV holds it, its two-digit year as Excel reads one (found by a new user).
    ['5-Nov-25', '2025-11-05'],
    ['14-oct-25', '2025-10-14'],
    ['1-Jan-99', '1999-01-01'],
    ['1-Jan-29', '2029-01-01'],
    // The weekday alone in brackets, as Excel's yyyy/mm/dd（aaa） shows it (found by a new user).
    ['2025/11/05（三）', '2025-11-05'],
    ['2025-11-05(三)', '2025-11-05'],
    ['2025/11/05（周三）', '2025-11-05'],
    ['Nov 15, 2025', '2025-11-15'],
    ['7/7/2025', '2025-07-07'],
  ])('%s → %s', (text, iso) => expect(d(text)).toBe(iso));

  it('reads a five-digit serial written as text as the same number in a cell reads (a CSV of General-formatted dates; found by a new user)', () => {
    const text = (v: string) => parseDate({ t: 's', v }, false);
    for (const v of ['45870', '45870.75', '４５８７０', ' 45870 ']) expect(text(v), v).toEqual(parseDate({ t: 'n', v: 45870 }, false));
    expect(text('45870')).toEqual({ ok: true, value: '2025-08-01' });
    expect(parseDate({ t: 's', v: '45870' }, true)).toEqual(parseDate({ t: 'n', v: 45870 }, true));
    // Not five digits: a year alone, a compact date, a count — as before.
    expect(text('2025')).toEqual(parseDateText('2025'));
    expect(text('20251115')).toEqual({ ok: true, value: '2025-11-15' });
    expect(text('4587')).toEqual(parseDateText('4587'));
    expect(text('458701')).toEqual(parseDateText('458701'));
    expect(text('45870x')?.ok).toBe(false);
    // A code with a leading zero and a typo outside 1982–2119 are no serials (found by review).
    expect(text('00123')).toEqual(parseDateText('00123'));
    expect(text('00123')?.ok).toBe(false);
    expect(text('20251')?.ok).toBe(false);
    expect(text('29999')?.ok).toBe(false);
    expect(text('30000')).toEqual(parseDate({ t: 'n', v: 30000 }, false));
    expect(text('79999')).toEqual(parseDate({ t: 'n', v: 79999 }, false));
  });

  it('refuses ambiguous and impossible dates', () => {
    // Both readings are named, for the message.
    expect(d('05/06/2025')).toBe('bad:ambiguous-date:2025-05-06 / 2025-06-05');
    expect(d('2025-02-30')).toBe('bad:date');
    expect(d('2025-13-01')).toBe('bad:date');
    expect(d('next week')).toBe('bad:date');
  });

  it('reads an ambiguous date in the order its column settled on, and tells the order a date shows (issue 9)', () => {
    expect(parseDateText('11/3/2025', 'month-first')).toEqual({ ok: true, value: '2025-11-03' });
    expect(parseDateText('11/3/2025', 'day-first')).toEqual({ ok: true, value: '2025-03-11' });
    // An order never overrides what a date shows by itself.
    expect(parseDateText('11/15/2025', 'day-first')).toEqual({ ok: true, value: '2025-11-15' });
    expect(dateOrderOf({ t: 's', v: '11/15/2025' })).toBe('month-first');
    expect(dateOrderOf({ t: 's', v: '15.11.2025' })).toBe('day-first');
    expect(dateOrderOf({ t: 's', v: '11/3/2025' })).toBeUndefined();
    expect(dateOrderOf({ t: 's', v: '2025-11-15' })).toBeUndefined();
    expect(dateOrderOf({ t: 'n', v: 45976 })).toBeUndefined();
  });

  it('reads Excel serials in the 1900 and 1904 systems', () => {
    expect(parseDate({ t: 'n', v: 45976, date: true }, false)).toEqual({ ok: true, value: '2025-11-15' });
    expect(parseDate({ t: 'n', v: 45976 }, false)).toEqual({ ok: true, value: '2025-11-15' });
    expect(parseDate({ t: 'n', v: 44514, date: true }, true)).toEqual({ ok: true, value: '2025-11-15' });
    expect(parseDate({ t: 'n', v: 45976.99 }, false)).toEqual({ ok: true, value: '2025-11-15' });
    // Excel's first day (and its day 0) is what a sheet holds where no date was known: refused, with why.
    expect(parseDate({ t: 'n', v: 1 }, false)).toEqual({ ok: false, reason: 'date-placeholder' });
    expect(parseDate({ t: 'n', v: 0, date: true }, false)).toEqual({ ok: false, reason: 'date-placeholder' });
    expect(parseDate({ t: 's', v: '1900/1/1' }, false)).toEqual({ ok: false, reason: 'date-placeholder' });
    expect(parseDate({ t: 'n', v: 2 }, false)).toEqual({ ok: true, value: '1900-01-02' });
    expect(parseDate({ t: 'n', v: 59 }, false)).toEqual({ ok: true, value: '1900-02-28' });
    expect(parseDate({ t: 'n', v: 61 }, false)).toEqual({ ok: true, value: '1900-03-01' });
    // The 1904 system's day 0 (1904-01-01, shown so by Excel for Mac) is its first day; a plain 0 is no date in either system.
    expect(parseDate({ t: 'n', v: 0, date: true }, true)).toEqual({ ok: false, reason: 'date-placeholder' });
    expect(parseDate({ t: 'n', v: 0 }, true)).toEqual({ ok: false, reason: 'date' });
    expect(parseDate({ t: 'n', v: 1, date: true }, true)).toEqual({ ok: true, value: '1904-01-02' });
  });

  it('reads yyyymmdd numbers, refuses a bare year', () => {
    expect(parseDate({ t: 'n', v: 20251115 }, false)).toEqual({ ok: true, value: '2025-11-15' });
    expect(parseDate({ t: 'n', v: 2025 }, false)).toEqual({ ok: false, reason: 'date' });
  });

  it('reads t="d" cells and reports error cells', () => {
    expect(parseDate({ t: 'd', v: '2025-11-15T00:00:00Z' }, false)).toEqual({ ok: true, value: '2025-11-15' });
    expect(parseDate({ t: 'e', v: '#REF!' }, false)).toEqual({ ok: false, reason: 'error:#REF!' });
  });
});

describe('parseBoolean', () => {
  it.each([
    ['是', true],
    ['否', false],
    ['yes', true],
    ['No', false],
    ['TRUE', true],
    ['在职', true],
    ['离职', false],
    ['Y', true],
    ['√', true],
    ['×', false],
  ])('%s → %s', (text, value) => expect(parseBoolean({ t: 's', v: text })).toEqual({ ok: true, value }));
  it('reads boolean and 1/0 cells, refuses other text', () => {
    expect(parseBoolean({ t: 'b', v: false })).toEqual({ ok: true, value: false });
    expect(parseBoolean({ t: 'n', v: 1 })).toEqual({ ok: true, value: true });
    expect(parseBoolean({ t: 's', v: 'maybe' })).toEqual({ ok: false, reason: 'boolean' });
  });
});

describe('parseText', () => {
  it('trims and collapses spaces, keeps full-width characters for display', () => {
    expect(parseText({ t: 's', v: '  华东　精密  ' })).toEqual({ ok: true, value: '华东 精密' });
    expect(parseText({ t: 's', v: 'ＡＢＣ' })).toEqual({ ok: true, value: 'ＡＢＣ' });
  });
  it('shows numbers without float noise and date cells as ISO dates', () => {
    expect(parseText({ t: 'n', v: 1001 })).toEqual({ ok: true, value: '1001' });
    expect(parseText({ t: 'n', v: 0.1 + 0.2 })).toEqual({ ok: true, value: '0.3' });
    expect(parseText({ t: 'n', v: 45976, date: true })).toEqual({ ok: true, value: '2025-11-15' });
  });
  it('reports error cells', () => {
    expect(parseText({ t: 'e', v: '#N/A' })).toEqual({ ok: false, reason: 'error:#N/A' });
  });
});

describe('parseHours (issue 9)', () => {
  const s = (v: string) => ({ t: 's', v }) as const;
  it.each([
    ['2', 2],
    ['1.5h', 1.5],
    ['0.5小时', 0.5],
    ['8 小时', 8],
    ['30分钟', 0.5],
    ['90min', 1.5],
    ['1小时30分钟', 1.5],
    ['1h30m', 1.5],
    ['2天', 16],
    ['1人天', 8],
    ['半天', 4],
    ['半小时', 0.5],
    ['2小时/次', 2],
    ['３０分钟', 0.5],
    ['4工时', 4],
    ['两小时', 2],
    ['三天', 24],
    ['十五分钟', 0.25],
    ['一个半小时', 1.5],
    ['两个小时', 2],
    ['半个钟头', 0.5],
    ['1:30', 1.5],
    // As kam convert writes a duration, hours not wrapped at a day (found by a new user).
    ['01:30:00', 1.5],
    ['26:00', 26],
    ['26:00:00', 26],
    ['00:45:00', 0.75],
    ['100分钟', 1.66666666667],
    // Traditional forms (found by a new user).
    ['30分鐘', 0.5],
    ['兩小時', 2],
    ['一個半小時', 1.5],
    ['半個鐘頭', 0.5],
  ])('%s → %s hours', (text, hours) => {
    expect(parseHours(s(text))).toEqual({ ok: true, value: hours });
  });

  it('reads a time cell as a duration: under a day by any time or date format, a day or more only by a time format (`[h]:mm`)', () => {
    expect(parseHours({ t: 'n', v: 0.0625, date: true })).toEqual({ ok: true, value: 1.5 });
    expect(parseHours({ t: 'n', v: 26 / 24, date: true, elapsed: true })).toEqual({ ok: true, value: 26 });
    // A date with its time shown as h:mm is no duration (found by review: 96,560 h a week).
    expect(parseHours({ t: 'n', v: 45981 + 2 / 24, date: true })?.ok).toBe(false);
    // A date's serial is no number of hours: refused as a date in an hours column.
    expect(parseHours({ t: 'n', v: 45976, date: true })?.ok).toBe(false);
  });

  it('counts a day with the configured working day, reads numbers as before, refuses the rest', () => {
    expect(parseHours(s('2天'), { hoursPerDay: 7.5 })).toEqual({ ok: true, value: 15 });
    expect(parseHours({ t: 'n', v: 3 })).toEqual({ ok: true, value: 3 });
    expect(parseHours(s('-'))).toBeUndefined();
    for (const v of ['lots', '2周', '3次', '2h 或 3h', 'abc30分钟', '两', '两周', '1:75', '1:30:75', '12345:00']) expect(parseHours(s(v)), v).toEqual({ ok: false, reason: 'hours' });
  });

  it('reads a Traditional header\'s unit as its Simplified form', () => {
    expect(hoursUnitOf('預計工時（分鐘）', 8)).toBe(hoursUnitOf('预计工时（分钟）', 8));
    expect(hoursUnitOf('工時(小時)', 8)).toBe(1);
  });

  it('reads plain numbers in the header\'s unit, never a cell with its own unit twice', () => {
    const minutes = { unit: 1 / 60 };
    expect(parseHours({ t: 'n', v: 30 }, minutes)).toEqual({ ok: true, value: 0.5 });
    expect(parseHours(s('90'), minutes)).toEqual({ ok: true, value: 1.5 });
    expect(parseHours(s('30分钟'), minutes)).toEqual({ ok: true, value: 0.5 });
    expect(parseHours({ t: 'n', v: 2 }, { unit: 8 })).toEqual({ ok: true, value: 16 });
    expect(parseHours(s('2天'), { unit: 1, hoursPerDay: 8 })).toEqual({ ok: true, value: 16 });
  });

  it('reads an Excel time cell (h:mm) as a duration; a date is refused, hours expected', () => {
    expect(parseHours({ t: 'n', v: 0.0625, date: true })).toEqual({ ok: true, value: 1.5 });
    expect(parseHours({ t: 'n', v: 0.5 / 24, date: true }, { unit: 1 / 60 })).toEqual({ ok: true, value: 0.5 });
    expect(parseHours({ t: 'n', v: 45931, date: true })).toEqual({ ok: false, reason: 'hours' });
  });
});

describe('hoursUnitOf: the unit of an hours column\'s header', () => {
  it.each([
    ['预计工时（分钟）', 1 / 60],
    ['预计工时(min)', 1 / 60],
    ['预计工时(天)', 8],
    ['预计工时（人天）', 8],
    ['预计工时(小时)', 1],
    ['预计工时（小时/次）', 1],
    ['工时/h', 1],
    ['Hours (h)', 1],
    ['Effort (days)', 8],
    ['预计工时', undefined],
    ['预计工时(估算)', undefined],
  ])('%s → %s', (header, unit) => expect(hoursUnitOf(header, 8)).toBe(unit));

  it('counts a day with the configured working day', () => expect(hoursUnitOf('预计工时(天)', 7.5)).toBe(7.5));
});

describe('numbers with a decimal comma (a `;`-separated CSV, as Excel writes one where the mark is a comma)', () => {
  const eu = (text: string, scale?: number) => {
    const r = parseNumberText(text, { scale, decimalComma: true });
    return r?.ok ? r.value : `bad:${r?.reason}`;
  };
  it.each([
    ['5.000', 5000],
    ['1.250', 1250],
    ['1.234.567,50', 1234567.5],
    ['2,5', 2.5],
    ['-2,5', -2.5],
    ['(1.000)', -1000],
    ['12.5', 12.5],
    ['950', 950],
    ['92,5%', 0.925],
    ['€1.250', 1250],
  ])('%s is %s', (text, value) => expect(eu(text)).toBe(value));

  it('grouping that is not in threes is no number; a plain file reads the same texts as before', () => {
    expect(eu('1.25.000')).toBe('bad:number');
    expect(eu('1,2,3')).toBe('bad:number');
    expect(num('5.000')).toBe(5);
    expect(num('1,250')).toBe(1250);
    expect(num('2,5')).toBe('bad:number');
  });

  it('hours: 2,5 and 2,5h are two and a half; in a plain file 2,5 stays unreadable', () => {
    expect(parseHours({ t: 's', v: '2,5' }, { decimalComma: true })).toEqual({ ok: true, value: 2.5 });
    expect(parseHours({ t: 's', v: '2,5h' }, { decimalComma: true })).toEqual({ ok: true, value: 2.5 });
    expect(parseHours({ t: 's', v: '2,5' }, { unit: 0.5, decimalComma: true })).toEqual({ ok: true, value: 1.25 });
    expect(parseHours({ t: 's', v: '2,5' })?.ok).toBe(false);
  });
});

describe('dates as people write them (the eleventh session\'s trials)', () => {
  it.each([
    ['2025年3月1号', '2025-03-01'],
    ['2025年03月01日 星期六', '2025-03-01'],
    ['2025年3月1日（周六）', '2025-03-01'],
    ['2025-03-01 周六', '2025-03-01'],
    ['2025年3月2日 星期天', '2025-03-02'],
    ['Nov 3, 2025 9:00 AM', '2025-11-03'],
    ['03-Nov-2025 09:00', '2025-11-03'],
  ])('%s is %s', (text, iso) => expect(parseDateText(text)).toEqual({ ok: true, value: iso }));

  it('a weekday that is not the date\'s is refused, not guessed', () => {
    expect(parseDateText('2025年03月01日 星期五')?.ok).toBe(false);
    expect(parseDateText('2025/11/05（四）')?.ok).toBe(false);
    // A bracket without a weekday's character, and a month name that is none: no date.
    expect(parseDateText('2025/11/05（X）')?.ok).toBe(false);
    expect(parseDateText('5-Nox-25')?.ok).toBe(false);
  });
});

describe('decimal comma: what review found', () => {
  const eu = (text: string) => {
    const r = parseNumberText(text, { decimalComma: true });
    return r?.ok ? r.value : `bad:${r?.reason}`;
  };
  it('0.125 has no thousands (it was read as 125); a currency after the amount is dropped', () => {
    expect(eu('0.125')).toBe(0.125);
    expect(eu('0,125')).toBe(0.125);
    expect(eu('1.250,50 €')).toBe(1250.5);
    expect(eu('1,200 USD')).toBe(1.2);
    expect(parseNumberText('1,200 USD')).toEqual({ ok: true, value: 1200 });
  });
  it('hours with a unit read their number as the plain ones do: 1.250h is 1250 h, 0.750 is 0.75 h', () => {
    expect(parseHours({ t: 's', v: '1.250h' }, { decimalComma: true })).toEqual({ ok: true, value: 1250 });
    expect(parseHours({ t: 's', v: '0.750' }, { decimalComma: true })).toEqual({ ok: true, value: 0.75 });
    expect(parseHours({ t: 's', v: '1,5小时' }, { decimalComma: true })).toEqual({ ok: true, value: 1.5 });
  });
});

describe('decimalMarkOf: a CSV\'s decimal mark, column by column', () => {
  // [body, delimiter, comma in column 1, comma by default, the value guessed]
  it.each([
    ['a;b\nx;2,5\ny;1.250\n', ';', true, true, undefined],
    ['a;b\nx;12.5\ny;1,250\n', ';', false, true, undefined],
    ['a;b\nx;1.234.567\n', ';', true, true, undefined],
    // Thousands grouped by commas: the file's mark is the point (found by a new user: a column of 1,200 alone read as 1.2).
    ['a;b\nx;1,234,567\n', ';', undefined, undefined, undefined],
    ['a;b;c\nx;1,500,000;1,200\n', ';', undefined, undefined, undefined],
    ['a;b\nx;1.250\ny;800\n', ';', true, true, '1.250'],
    ['a;b\nx;800\ny;2025-11-15\n', ';', true, true, undefined],
    ['a;b\nx;2,5\ny;12.5\n', ';', true, true, undefined],
    // Ids of 1.1 in column 0 say nothing of column 1 (found by review: 1.250 was read as 1.25).
    ['id;b\n1.1;1.250\n1.2;800\n', ';', true, true, '1.250'],
    ['a\tb\nx\t2,5\n', '\t', true, true, undefined],
    ['a\tb\tc\nx\t1.250\t2,5\n', '\t', true, true, undefined],
    ['a\tb\nx\t1.250\n', '\t', undefined, undefined, undefined],
    ['a,b\nx,"2,5"\n', ',', undefined, undefined, undefined],
  ] as const)('%j (%s)', (body, delimiter, column, byDefault, guessed) => {
    const mark = decimalMarkOf(body, delimiter);
    expect(mark.decimalComma?.(1)).toBe(column);
    expect(mark.decimalComma?.(-1)).toBe(byDefault);
    expect(mark.decimalCommaGuessed).toBe(guessed);
  });
});

describe('Hong Kong and Taiwan forms (the eleventh session)', () => {
  it.each([
    ['民國114年9月1日', '2025-09-01'],
    ['民国114年3月1日', '2025-03-01'],
    ['民國 114/10/01', '2025-10-01'],
  ])('%s is %s', (text, iso) => expect(parseDateText(text)).toEqual({ ok: true, value: iso }));
  it('a bare 114/10/01 is 民國 114 (since the sixteenth session: a year of three digits is no other calendar\'s); 1.5個鐘 is 1.5 h', () => {
    expect(parseDateText('114/10/01')).toEqual({ ok: true, value: '2025-10-01' });
    expect(parseDateText('1140901')).toEqual({ ok: true, value: '2025-09-01' });
    expect(parseHours({ t: 's', v: '1.5個鐘' })).toEqual({ ok: true, value: 1.5 });
  });
});
