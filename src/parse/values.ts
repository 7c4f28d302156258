/**
 * Normalisers from what people type into cells to typed values. Each returns `undefined` for an
 * empty cell, `{ ok: true, value }` for a value it read, and `{ ok: false, reason }` for one it
 * could not read, which becomes a finding at that cell: never a silent zero.
 */
import { toSimplified } from '../util/hant.js';
import type { Cell } from '../model/cell.js';
import { fromExcelSerial, makeDate, type IsoDate } from '../util/date.js';
import { clean, fold, isPlaceholder } from '../util/text.js';
import { CN_NUMERAL, cnNumber } from './numerals.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(reason: string): Parsed<T> => ({ ok: false, reason });

/** How a column header scales the plain numbers below it (`年采购额(万元)` → 10000). */
export interface NumberContext {
  scale?: number;
  /** Numbers written with a decimal comma and `.` between thousands (a `;`-separated CSV). */
  decimalComma?: boolean;
  /**
   * What the column counts, and so which words may follow a number in it: `money` none but a
   * currency and a magnitude (`120万元`), `years` years or months (`18个月` is 1.5, `3年6个月` 3.5),
   * `score` stars and points (`4星`, `90分`), `count` a counting word (`20家`). Without it (a column
   * the config names), any of the words of UNIT_WORD. A word the column's kind does not take (`500天`
   * of 合作年限, `100天` of 年采购额) is no number of it: found by a new user, each read as the bare number.
   */
  units?: NumberUnits;
  /** The currency the column's header names (`USD` of `(万美元)`), by its code; CNY where it names none. */
  currency?: string;
}

export type NumberUnits = 'money' | 'years' | 'score' | 'count';

/**
 * A number written with a decimal comma, in the usual form: `1.250` (1250), `1.234.567,50`,
 * `2,5`; undefined for any other text (`12.5` has no other reading and is read as it is).
 */
export function fromDecimalComma(s: string): string | undefined {
  // (`0.125` has no thousands: it is no such number, and read as written.)
  if (/^[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?$/.test(s)) return s.replace(/\./g, '').replace(',', '.');
  if (/^\d+,\d+$/.test(s)) return s.replace(',', '.');
  return undefined;
}

const MAGNITUDE: [RegExp, number][] = [
  [/(?:亿元|亿|億元|億)$/, 1e8],
  [/(?:百万元|百万|百萬元|百萬)$/, 1e6],
  [/(?:万元|万|萬元|萬|w)$/i, 1e4],
  [/(?:千元|千|仟元|仟|k)$/i, 1e3],
  [/M$/, 1e6],
  [/(?:元|rmb|cny|yuan)$/i, 1],
];
/** Whether a word alone is a magnitude or the yuan (`万`, `万元`, `亿`, `K`, `M`, `元`): what a number format may show after its digits. */
export function isMagnitudeWord(word: string): boolean {
  return MAGNITUDE.some(([re]) => re.test(word) && word.replace(re, '') === '');
}
/** Where an amount of money is read, finance's shorthands: `1.2m`, `1.2MM`, `€3mn`, `1.5bn`, `1.5B` (found by a new user). */
const MONEY_MAGNITUDE: [RegExp, number][] = [
  [/(?:bn|b)$/i, 1e9],
  [/(?:mm|mn|mio|m)$/i, 1e6],
];
/**
 * A currency before the amount, dropped (no currency is converted): `¥`, `$`, `US$`, and Asia's and others' signs and
 * codes — `S$`, `HK$`, `NT$`, `A$`, `C$`, `RM`, `₩`, `₹`, `SGD`, `HKD`, `JPY`… (found by a new user: a Singapore team's
 * every `S$450,000` was unreadable, and kam tier stopped on the column).
 */
const CURRENCY_PREFIX = /^(?:us\$|s\$|hk\$|nt\$|a\$|ca?\$|¥|\$|€|£|₩|₹|rmb|cny|usd|eur|gbp|sgd|hkd|twd|aud|cad|jpy|krw|inr|myr|chf|nzd|thb|rm(?=\d)|人民币|港币|港幣|港元|美元|美金|欧元|歐元|英镑|英鎊|日元|新币|新加坡元|澳元|加元|新台币|台币)/i;
/** A currency after the amount: `1.250,50 €`, `1,200 USD`, `450,000 SGD`, `500,000港元`, `50万港币`. */
const CURRENCY_SUFFIX = /(?:€|£|eur|usd|gbp|sgd|hkd|twd|aud|cad|jpy|krw|inr|myr|chf|nzd|thb|港币|港幣|港元|美元|美金|欧元|歐元|英镑|英鎊|日元|新币|新加坡元|澳元|加元|新台币|台币)$/i;
const YUAN_PREFIX = /^(?:¥|rmb|cny|人民币)/i;
/** Currencies as amounts write them, by the code each stands for (the first that matches: `美元` before `元`). */
const CODE = (code: string): string => String.raw`(?<![a-z])${code}(?![a-z])`;
const CURRENCIES: [RegExp, string][] = [
  [new RegExp(`(?<![a-z])hk\\$|${CODE('hkd')}|港币|港幣|港元`, 'i'), 'HKD'],
  [new RegExp(`(?<![a-z])nt\\$|${CODE('twd')}|新台币|新台幣|台币|台幣`, 'i'), 'TWD'],
  [new RegExp(`(?<![a-z])us\\$|${CODE('usd')}|美元|美金`, 'i'), 'USD'],
  [new RegExp(`(?<![a-z])s\\$|${CODE('sgd')}|新加坡元|新元|新币|新幣`, 'i'), 'SGD'],
  [new RegExp(`(?<![a-z])a\\$|${CODE('aud')}|澳元|澳币|澳幣`, 'i'), 'AUD'],
  [new RegExp(`(?<![a-z])ca?\\$|${CODE('cad')}|加元|加币|加幣`, 'i'), 'CAD'],
  [new RegExp(`₩|${CODE('krw')}|韩元|韓元`, 'i'), 'KRW'],
  [new RegExp(`€|${CODE('eur')}|欧元|歐元`, 'i'), 'EUR'],
  [new RegExp(`£|${CODE('gbp')}|英镑|英鎊`, 'i'), 'GBP'],
  [new RegExp(`${CODE('jpy')}|日元|円`, 'i'), 'JPY'],
  [new RegExp(`¥|${CODE('rmb')}|${CODE('cny')}|人民币|人民幣|元`, 'i'), 'CNY'],
  [/\$/, 'USD'],
];

/** The currency an amount written as text names (`USD 1,200,000.00`, `€900,000`, `120万元`), by its code; undefined for none. */
export function currencyOf(text: string): string | undefined {
  const t = text.normalize('NFKC');
  if (!/[^\d\s.,()+\-−–%]/.test(t)) return undefined;
  for (const [re, code] of CURRENCIES) if (re.test(t)) return code;
  return undefined;
}
const UNIT_WORD =
  /(?:年|岁|个月|月|周|天|日|小时|时|分钟|次|分|个|人|家|项|件|星|hours?|hrs?|h|days?|d|years?|yrs?|yr|times?|x|pts?|points?)$/i;
/** The words each kind of column takes after its numbers (money none: its magnitudes and currencies are read below). */
const UNIT_WORDS: Record<NumberUnits, RegExp | undefined> = {
  money: undefined,
  years: /(?:年|years?|yrs?|yr)$/i,
  score: /(?:星|颗星|分|pts?|points?)$/i,
  count: /(?:个|家|户|位|名|项|件)$/,
};
/** Months where years are counted: `18个月`, `18 months`. */
const MONTHS_WORD = /(?:个月|months?)$/i;
/** Years and months: `3年6个月`, `3年零6个月`, `3 years 6 months`. */
const YEARS_MONTHS = /^(\d+(?:\.\d+)?)(?:年|years?|yrs?)(?:零|又|and)?(\d+(?:\.\d+)?)(?:个月|months?)$/i;

/** Reads an amount, count, score or percentage. */
export function parseNumber(cell: Cell | undefined, ctx: NumberContext = {}): Parsed<number> | undefined {
  const p = readNumber(cell, ctx);
  // (What a column of years expects is said as years: `18个月`, `3年6个月` read there, and its examples show them.)
  return ctx.units === 'years' && p?.ok === false && p.reason === 'number' ? bad('years') : p;
}

function readNumber(cell: Cell | undefined, ctx: NumberContext): Parsed<number> | undefined {
  if (cell === undefined) return undefined;
  switch (cell.t) {
    case 'n':
      // A date in a number column: a number is what is expected (the message said "expected a date", found by a new user).
      if (cell.date) return bad('number');
      return ok(scaled(cell.v, ctx.scale ?? 1));
    case 'b':
      // TRUE/FALSE (a checkbox) in a number column: a number is what is expected.
      return bad('number');
    case 'e':
      return bad(`error:${cell.v}`);
    case 'f':
      return bad('formula');
    case 'd':
      return bad('number');
    case 's':
      return parseNumberText(cell.v, ctx);
  }
}

/**
 * A number in a unit: times the scale; for a unit that is a power of ten below 1 (a percent, a per
 * mille) the decimal point moved, and for another whole fraction (a minute) divided by it. `95%`
 * and `0.47%` are 0.95 and 0.0047, the numbers cells holding 0.95 and 0.0047 read as, where
 * 95 × 0.01 is 0.9500000000000001 and 0.47 / 100 is 0.004699999999999999 (a last bit that broke
 * ties between equal scores and made a CSV's scores differ from its xlsx twin's).
 */
function scaled(n: number, scale: number): number {
  if (scale >= 1 || scale <= 0) return n * scale;
  const inverse = Math.round(1 / scale);
  if (Math.abs(1 / scale - inverse) >= 1e-9 * inverse) return n * scale;
  const digits = Math.round(Math.log10(inverse));
  if (10 ** digits === inverse) {
    // The shortest text of the number, its point moved: the decimal a person wrote, read once.
    const text = String(n);
    if (!/e/i.test(text)) return Number(`${text}e-${digits}`);
  }
  return n / inverse;
}

/** Digits with spaces or apostrophes between them, and how thousands are grouped so. */
const SPACE_OR_APOSTROPHE = /[\s\u00a0\u3000']/;
const SPACED_DIGITS = /\d+(?:[\s\u00a0\u3000']+\d+)+/g;
const GROUPED = /^\d{1,3}(?:(?:[\s\u00a0\u3000]+|')\d{3})+$/;

/**
 * Whether digits are spaced apart otherwise than in thousands (`4 2`, `1 2345`; `1 200 000`, `1'200` are
 * thousands): found by a new user, glued into 42 and 12345 where `1,23` is refused.
 */
function spacedApart(text: string): boolean {
  if (!SPACE_OR_APOSTROPHE.test(text)) return false;
  for (const m of text.matchAll(SPACED_DIGITS)) if (!GROUPED.test(m[0])) return true;
  return false;
}

/** Reads a number from text such as `¥1,200,000`, `１２０万`, `(1,000)`, `12%` or `8小时`. */
export function parseNumberText(text: string, ctx: NumberContext = {}): Parsed<number> | undefined {
  if (isPlaceholder(text)) return undefined;
  const norm = text.normalize('NFKC');
  if (spacedApart(norm)) return bad('number');
  let s = norm.replace(/[\s\u00a0\u3000']/g, '');
  let sign = 1;
  if (/^\(.*\)$/.test(s)) {
    sign = -1;
    s = s.slice(1, -1);
  }
  if (/^[-−–]/.test(s)) {
    sign *= -1;
    s = s.slice(1);
  } else if (s.startsWith('+')) {
    s = s.slice(1);
  }
  // A yuan sign says the amount is in yuan as written, as a `元` after it does: `￥9,600,000` under
  // `年采购额（万元）` is 9.6 million yuan, not 96 billion (found by a new user).
  // So does another currency's sign or code than the column's under a column of 万 or 亿 (`NT$1,200,000` under `年採購額(萬元)`
  // is 1.2 million as written, not 12 billion; found by a new user); the column's own (`USD 120` under `(万美元)`) keeps its
  // unit (found by review), and so does a `$` alone (`$1,200` under `($K)`).
  const currency = CURRENCY_PREFIX.test(s) || CURRENCY_SUFFIX.test(s);
  const yuan = YUAN_PREFIX.test(s) || (currency && (ctx.scale ?? 1) >= 10000 && !s.startsWith('$') && currencyOf(s) !== (ctx.currency ?? 'CNY'));
  s = s.replace(CURRENCY_PREFIX, '').replace(CURRENCY_SUFFIX, '');
  // Excel's accounting format as text (found by a new user): `$ (1,000.00)` is -1000, `$ -` is 0; and SAP's
  // minus after the amount, `1,200,000.00-`.
  if (currency && /^[-−–]$/.test(s)) return ok(0);
  if (/^\(.*\)$/.test(s)) {
    sign *= -1;
    s = s.slice(1, -1);
  }
  if (/^[-−–]/.test(s)) {
    sign *= -1;
    s = s.slice(1);
  } else if (/^\d[\d,.]*[-−–]$/.test(s)) {
    sign *= -1;
    s = s.slice(0, -1);
  }
  let scale: number | undefined;
  if (s.endsWith('%')) {
    scale = 0.01;
    s = s.slice(0, -1);
  } else if (s.endsWith('‰')) {
    scale = 0.001;
    s = s.slice(0, -1);
  } else {
    if (ctx.units === 'years') {
      const both = YEARS_MONTHS.exec(s);
      if (both) {
        const n = Number(both[1]) + Number(both[2]) / 12;
        return Number.isFinite(n) ? ok(sign * n) : bad('number');
      }
      if (MONTHS_WORD.test(s)) {
        s = s.replace(MONTHS_WORD, '');
        scale = (ctx.scale ?? 1) / 12;
      }
    }
    const words = ctx.units === undefined ? UNIT_WORD : UNIT_WORDS[ctx.units];
    if (words) s = s.replace(words, '');
    let m = 1;
    for (const [re, factor] of ctx.units === 'money' ? [...MONEY_MAGNITUDE, ...MAGNITUDE] : MAGNITUDE) {
      if (re.test(s)) {
        s = s.replace(re, '');
        m = factor;
        // `120万元`: the 元 is dropped with the 万; `1.2亿元` likewise.
        scale = m;
        break;
      }
    }
  }
  if (ctx.decimalComma) s = fromDecimalComma(s) ?? s;
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  if (!/^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return bad('number');
  const n = scaled(Number(s) * sign, scale ?? (yuan ? 1 : (ctx.scale ?? 1)));
  return Number.isFinite(n) ? ok(n) : bad('number');
}

/** Reads a calendar date: serials (1900 or 1904 system), date cells and the usual written forms. */
export function parseDate(cell: Cell | undefined, date1904: boolean, order?: DayMonthOrder): Parsed<IsoDate> | undefined {
  if (cell === undefined) return undefined;
  switch (cell.t) {
    case 'n': {
      if (!cell.date && Number.isInteger(cell.v) && cell.v >= 19000101 && cell.v <= 29991231) {
        const compact = parseDateText(String(cell.v));
        if (compact?.ok) return compact;
      }
      if (!cell.date && Number.isInteger(cell.v) && cell.v >= 1900 && cell.v <= 2100) return bad('date');
      // (Day 0, 1900-01-00 as Excel shows it, or 1904-01-01 in a book of the 1904 system: an empty date, as day one
      // is; a plain 0, or a time of day alone, is no date at all.)
      if (cell.v === 0) return bad(cell.date ? 'date-placeholder' : 'date');
      const d = fromExcelSerial(cell.v, date1904);
      return d ? dayOne(ok(d)) : bad('date');
    }
    case 's': {
      // A serial written as text — a CSV of dates Excel showed as General numbers, as Excel and
      // `kam convert` write them — reads as the same number in an xlsx cell (SERIAL_TEXT).
      const text = cell.v.normalize('NFKC').trim();
      if (SERIAL_TEXT.test(text)) return parseDate({ t: 'n', v: Number(text) }, date1904);
      return dayOne(parseDateText(cell.v, order));
    }
    case 'd':
      return dayOne(parseDateText(cell.v));
    case 'e':
      return bad(`error:${cell.v}`);
    case 'f':
      return bad('formula');
    case 'b':
      return bad('date');
  }
}

/**
 * A date serial as text: five digits (no leading zero: `00123` is a code, not a General number)
 * within 1982–2119 (30000–79999: `20251`, a typo of a date, is no 1955 serial), perhaps with a
 * time of day after the point.
 */
const SERIAL_TEXT = /^[3-7]\d{4}(?:\.\d+)?$/;

/** English weekdays as Excel's long date writes them (`Saturday`, `Sat`), Sunday first as `getUTCDay` counts. */
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const WEEKDAY_WORD = /^(?:sun|mon|tue|tues|wed|thu|thur|thurs|fri|sat)(?:day|nesday|rsday|urday|sday)?$/i;

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

/** `11/15/2025`, `15.11.2025`: day and month in either order before a four-digit year. */
const SLASHED = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ T]\d{1,2}:.*)?$/;

/**
 * `11/15/25`, `15.11.25`: day and month in either order before a two-digit year, as Excel shows a short date in the
 * United States (`m/d/yy`) and Germany (`dd.mm.yy`); the year as Excel reads one (00–29 are 2000–2029, 30–99 1930–1999).
 */
const SLASHED_YY = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{2})(?:[ T]\d{1,2}:.*)?$/;

/** Which comes first in `d/m/yyyy` dates, once a column's unambiguous values have shown it. */
export type DayMonthOrder = 'month-first' | 'day-first';

/**
 * How a date of day and month in either order is written: its year's digits (`yyyy` for `11/15/2025`, `yy` for
 * `11/15/25`): dates written alike come from one system, and show one order.
 */
export function dateShape(text: string): string | undefined {
  const t = text.normalize('NFKC').trim();
  // (By the year's digits only: `15/10/2024` beside `03-11-2025` is one hand-kept book's; found by review.)
  if (SLASHED_YY.test(t)) return 'yy';
  return /^\d{1,2}[-/.]\d{1,2}[-/.]\d{4}/.test(t) ? 'yyyy' : undefined;
}

/** The order a written date shows by itself (`11/15/2025` month-first, `15/11/2025` day-first), if any. */
export function dateOrderOf(cell: Cell | undefined): DayMonthOrder | undefined {
  if (cell?.t !== 's') return undefined;
  const text = cell.v.normalize('NFKC').trim();
  const yy = SLASHED_YY.exec(text);
  if (yy) {
    if (yy[2] === '.') return undefined;
    const a = +yy[1]!;
    const b = +yy[3]!;
    return a <= 12 && b > 12 && b <= 31 ? 'month-first' : a > 12 && a <= 31 && b <= 12 ? 'day-first' : undefined;
  }
  const m = SLASHED.exec(text);
  if (!m) return undefined;
  const a = +m[1]!;
  const b = +m[2]!;
  return a > 12 && b <= 12 ? 'day-first' : b > 12 && a <= 12 ? 'month-first' : undefined;
}

/**
 * Excel's first day (1900-01-01, or its day 0 shown as 1900-01-00): what a sheet holds where no date was
 * known (found by a new user: a due date of 1900-01-01 was "45,974 days overdue"). Refused as a date, with why.
 */
function dayOne(p: Parsed<IsoDate> | undefined): Parsed<IsoDate> | undefined {
  return p?.ok && p.value <= '1900-01-01' ? bad('date-placeholder') : p;
}

/**
 * Reads `2025-11-15`, `2025/11/15`, `2025.11.15`, `2025年11月15日`, `20251115`, `15/11/2025`,
 * `15-Nov-2025`, `5-Nov-25`. `11/3/2025` is ambiguous unless `order` says which comes first.
 */
export function parseDateText(text: string, order?: DayMonthOrder): Parsed<IsoDate> | undefined {
  if (isPlaceholder(text)) return undefined;
  const s = text.normalize('NFKC').trim().replace(/\s+/g, ' ');
  // `2025年3月1号`, and Excel's long date pasted as text with its weekday: `2025年03月01日 星期六`, `2025-03-01（周六）`.
  // (In brackets the weekday may stand alone, as Excel's `yyyy/mm/dd（aaa）` shows it: `2025/11/05（三）`; found by a new user.)
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号號]?(?:\s*(?:[(（](?:星期|周|週|礼拜|禮拜)?([一二三四五六日天])[)）]|(?:星期|周|週|礼拜|禮拜)([一二三四五六日天])))?(?:(?:[ T]|\s*)\d{1,2}[:时].*)?$/.exec(s);
  if (m) {
    const date = ymd(+m[1]!, +m[2]!, +m[3]!);
    const weekday = m[4] ?? m[5];
    // A weekday that is not the date's says the date is mistyped: not guessed either way.
    if (weekday !== undefined && date.ok && new Date(`${date.value}T00:00:00Z`).getUTCDay() !== '日一二三四五六'.indexOf(weekday === '天' ? '日' : weekday)) return bad('date');
    return date;
  }
  // Taiwan's 民國 years (民國114年9月1日 is 2025-09-01): with the era named, never a bare 114/9/1.
  m = /^(?:中[華华])?民[國国]\s*(\d{1,3})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号號]?$/.exec(s);
  if (m) return ymd(+m[1]! + 1911, +m[2]!, +m[3]!);
  // A year of three digits is 民國's, no other calendar's (`114/9/1`, `114年9月1日`, `114.09.01`, `1140901`: Taiwan's Excel
  // and its CSV export; found by a new user, each refused): 100–199 are 2011–2110.
  m = /^(1\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号號]?$/.exec(s) ?? /^(1\d{2})(\d{2})(\d{2})$/.exec(s);
  if (m) return ymd(+m[1]! + 1911, +m[2]!, +m[3]!);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return ymd(+m[1]!, +m[2]!, +m[3]!);
  m = SLASHED.exec(s);
  if (m) {
    const a = +m[1]!;
    const b = +m[2]!;
    const y = +m[3]!;
    if (a === b) return ymd(y, a, b);
    if (a > 12 && b <= 12) return ymd(y, b, a);
    if (b > 12 && a <= 12) return ymd(y, a, b);
    if (a > 12 && b > 12) return bad('date');
    if (order) return order === 'month-first' ? ymd(y, a, b) : ymd(y, b, a);
    // `01.10.2025`, points between day, month and year: Germany's, Russia's, most of Europe's way, always the day
    // first (found by a new user: a European export's dates were each refused as ambiguous).
    if (/^\d{1,2}\.\d{1,2}\.\d{4}/.test(s)) return ymd(y, b, a);
    // Both readings, for the message: `11/3/2025` is 2025-11-03 or 2025-03-11.
    const both = [makeDate(y, a, b), makeDate(y, b, a)].filter((d) => d !== undefined);
    return both.length === 2 ? bad(`ambiguous-date:${both.join(' / ')}`) : both.length === 1 ? ok(both[0]!) : bad('date');
  }
  m = SLASHED_YY.exec(s);
  if (m) {
    const a = +m[1]!;
    const b = +m[3]!;
    const y = +m[4]! + (+m[4]! < 30 ? 2000 : 1900);
    // Points: Europe's `dd.mm.yy`, the day first as in `01.10.2025`.
    if (m[2] === '.') return ymd(y, b, a);
    // A day past 12 shows the order, as in `15/11/2025` (the United Kingdom's and Hong Kong's `dd/mm/yy`; found by review:
    // a column of them was refused whole).
    if (a <= 12 && b > 12) return ymd(y, a, b);
    if (a > 12 && b <= 12) return ymd(y, b, a);
    if (order) return order === 'month-first' ? ymd(y, a, b) : ymd(y, b, a);
    if (a === b) return ymd(y, a, b);
    // `11/3/25`: month or day first, said, not guessed.
    const both = [makeDate(y, a, b), makeDate(y, b, a)].filter((d) => d !== undefined);
    return both.length === 2 ? bad(`ambiguous-date:${both.join(' / ')}`) : both.length === 1 ? ok(both[0]!) : bad('date');
  }
  // `15-Nov-2025`, and Excel's `d-mmm-yy` as a CSV holds it, `5-Nov-25`: a two-digit year as Excel reads one (00–29 are 2000–2029, 30–99 1930–1999).
  m = /^(\d{1,2})[- ]([a-z]{3,9})\.?(?:[- ,]+(\d{4})|-(\d{2}))(?: \d{1,2}:\d{2}(?::\d{2})?(?: ?[ap]\.?m\.?)?)?$/i.exec(s);
  const year = m ? (m[3] !== undefined ? +m[3] : +m[4]! + (+m[4]! < 30 ? 2000 : 1900)) : 0;
  if (m && MONTHS[m[2]!.toLowerCase().slice(0, 4)] !== undefined) return ymd(year, MONTHS[m[2]!.toLowerCase().slice(0, 4)]!, +m[1]!);
  if (m && MONTHS[m[2]!.toLowerCase().slice(0, 3)] !== undefined) return ymd(year, MONTHS[m[2]!.toLowerCase().slice(0, 3)]!, +m[1]!);
  // `Nov 15, 2025`, and Excel's long date in English with its weekday, `Saturday, November 15, 2025` (found by a new
  // user: a CRM's Last Activity column of them was refused).
  m = /^(?:([a-z]{3,9})\.?,? )?([a-z]{3,9})\.? (\d{1,2}),? (\d{4})(?:,? \d{1,2}:\d{2}(?::\d{2})?(?: ?[ap]\.?m\.?)?)?$/i.exec(s);
  if (m) {
    const mo = MONTHS[m[2]!.toLowerCase().slice(0, 4)] ?? MONTHS[m[2]!.toLowerCase().slice(0, 3)];
    const date = mo !== undefined ? ymd(+m[4]!, mo, +m[3]!) : undefined;
    if (date && m[1] === undefined) return date;
    // A weekday that is not the date's says the date is mistyped: not guessed either way.
    const day = m[1] === undefined ? -1 : WEEKDAYS.indexOf(m[1].toLowerCase().slice(0, 3));
    if (date?.ok && day >= 0 && new Date(`${date.value}T00:00:00Z`).getUTCDay() === day && WEEKDAY_WORD.test(m[1]!)) return date;
  }
  return bad('date');
}

function ymd(y: number, m: number, d: number): Parsed<IsoDate> {
  const date = makeDate(y, m, d);
  return date ? ok(date) : bad('date');
}

// An employee's status in a 在职 / 状态 column (found by a new user): on probation, an intern, on leave, away on business are
// employed (on leave was read as gone: "no longer active"); retired, dismissed, moved elsewhere are not, nor is a CRM user
// frozen or suspended (Salesforce's Frozen: found by a new user, whose User Status column was then dropped).
const TRUE_WORDS = new Set(['yes', 'y', 'true', 't', '1', 'on', '是', '对', '在职', '在职中', '留职停薪', '育婴假', '育婴留停', '有效', '启用', '激活', '正常', '正式', '正式员工', '试用', '试用期', '实习', '实习期', '实习生', '兼职', '返聘', '休假', '请假', '病假', '产假', '出差', 'active', 'enabled', 'employed', 'probation', 'intern', 'on leave', 'full-time', 'part-time', '✓', '✔', '√']);
const FALSE_WORDS = new Set(['no', 'n', 'false', 'f', '0', 'off', '否', '不', '不是', '离职', '已离职', '无效', '停用', '已停用', '禁用', '已禁用', '退休', '已退休', '辞职', '已辞职', '辞退', '已辞退', '调离', '已调离', '调职', '已调职', '离岗', 'inactive', 'left', 'disabled', 'deactivated', 'terminated', 'resigned', 'retired', 'dismissed', 'former', 'offboarded', 'departed', 'separated', '✗', '✘', '×']);

/**
 * A person's account as a CRM keeps it: frozen, suspended, deleted or archived is no longer working — but only in a
 * 在职 / Active column: in a 锁定 (locked) column `冻结` says the opposite of no (found by review).
 */
const INACTIVE_ACCOUNT = new Set(['frozen', 'suspended', 'deleted', 'archived', '冻结', '已冻结', '注销', '已注销']);

/** Reads a 在职 / Active cell: as `parseBoolean`, and a CRM user's account frozen or suspended is not active. */
export function parseActive(cell: Cell | undefined): Parsed<boolean> | undefined {
  if (cell?.t === 's' && INACTIVE_ACCOUNT.has(fold(cell.v))) return ok(false);
  return parseBoolean(cell);
}

/** Reads yes/no, 是/否, 在职/离职, TRUE/FALSE, 1/0 and ticks. */
export function parseBoolean(cell: Cell | undefined): Parsed<boolean> | undefined {
  if (cell === undefined) return undefined;
  switch (cell.t) {
    case 'b':
      return ok(cell.v);
    case 'n':
      return cell.v === 1 ? ok(true) : cell.v === 0 ? ok(false) : bad('boolean');
    case 's': {
      if (isPlaceholder(cell.v) && fold(cell.v) !== '') return undefined;
      const f = fold(cell.v);
      if (f === '') return undefined;
      if (TRUE_WORDS.has(f)) return ok(true);
      if (FALSE_WORDS.has(f)) return ok(false);
      return bad('boolean');
    }
    case 'e':
      return bad(`error:${cell.v}`);
    default:
      return bad('boolean');
  }
}

/** Reads text for display: trimmed, numbers without float noise, dates as ISO. */
export function parseText(cell: Cell | undefined, date1904 = false): Parsed<string> | undefined {
  if (cell === undefined) return undefined;
  switch (cell.t) {
    case 's': {
      const s = clean(cell.v);
      return s === '' ? undefined : ok(s);
    }
    case 'n':
      if (cell.date) {
        const d = fromExcelSerial(cell.v, date1904);
        if (d) return ok(d);
      }
      return ok(formatNumber(cell.v));
    case 'b':
      return ok(cell.v ? 'TRUE' : 'FALSE');
    case 'd':
      return ok(cell.v.slice(0, 10));
    case 'e':
      return bad(`error:${cell.v}`);
    case 'f':
      return bad('formula');
  }
}

/** A number as text, without binary float noise (0.1 + 0.2 → "0.3"). */
export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(15)));
}

/** Time units of an effort cell, in hours (a day is the config's working day). */
const HOUR_UNITS: readonly [RegExp, (hoursPerDay: number) => number][] = [
  [/^(?:小时|个小时|钟头|个钟头|个钟|钟|时|工时|h|hr|hrs|hours?)$/i, () => 1],
  [/^(?:分钟|分|min|mins|minutes?|m)$/i, () => 1 / 60],
  [/^(?:天|日|工作日|人天|人日|d|days?|man-?days?|person-?days?)$/i, (day) => day],
];

/** `两小时`, `十分钟`, `一个半小时`: a count in Chinese numerals before its unit, as digits. */
const CN_COUNT = new RegExp(`^(${CN_NUMERAL}+?)(个半|个)?(?=[^\\d.一二两三四五六七八九十半])`);

/**
 * Hours to 12 significant digits: `100` minutes are 1.66666666667 h, not a float's tail. Quarter
 * hours (`1.5`, `0.25`, most cells) are exact as they are: no digits to drop.
 */
const round = (h: number): number => (Number.isInteger(h * 4) && Math.abs(h) < 1e9 ? h : Number(h.toPrecision(12)));

/**
 * Reads hours per occurrence: a number (in the column's unit: `unit` hours, 1 unless the header
 * says `（分钟）` or `(天)`), or text with units — `30分钟`, `0.5小时`, `90min`, `1.5h`, `4工时`,
 * `1小时30分钟`, `1h30m`, `2天`, `1人天` (a day is `hoursPerDay`), `半天`, `半小时`, `两小时`,
 * `1:30`, and an Excel time cell (h:mm, 0.0625 is 1.5 h). Anything else is unreadable: never a
 * number without its unit.
 */
export function parseHours(cell: Cell | undefined, ctx: NumberContext & { hoursPerDay?: number; unit?: number } = {}): Parsed<number> | undefined {
  // A time of day (`1:30` shown h:mm) is a duration here: the fraction of a day, in hours; a cell shown
  // as elapsed time (`[h]:mm`), however long (`26:00`, found by a new user: read as a date, refused).
  // A date with its time shown as a clock (`h:mm`) stays a date: refused (found by review: 96,560 h a week).
  if (cell?.t === 'n' && cell.date && cell.v >= 0 && (cell.v < 1 || cell.elapsed)) return ok(round(cell.v * 24));
  const plain = ctx.unit !== undefined ? { scale: ctx.unit, ...(ctx.decimalComma ? { decimalComma: true } : {}) } : ctx;
  if (cell?.t !== 's') {
    const n = parseNumber(cell, plain);
    // (No work takes less than no time: -3 h made a person's load negative, found by a new user. Hours are what is expected.)
    return n?.ok ? (n.value < 0 ? bad('hours') : ok(round(n.value))) : n?.reason === 'number' ? bad('hours') : n;
  }
  const day = ctx.hoursPerDay ?? 8;
  if (isPlaceholder(cell.v)) return undefined;
  // Digits spaced apart are no number here either (`4 0` is no 40, found by review); `2,400` (minutes) is 2400, below.
  const norm = cell.v.normalize('NFKC');
  if (spacedApart(norm)) return bad('hours');
  // Traditional forms read the same: 30分鐘, 兩小時, 一個半鐘頭.
  let s = toSimplified(norm).replace(/[\s\u3000]/g, '').toLowerCase().replace(/(?:\/次|每次|\/time|\/occurrence)$/, '');
  // `2,5`, `2,5h`, `1.250h` where the decimal mark is a comma.
  if (ctx.decimalComma) s = s.replace(/^\d[\d.,]*/, (n) => fromDecimalComma(n) ?? n);
  else s = s.replace(/^\d{1,3}(?:,\d{3})+(?=\.\d|[^\d,]|$)/, (n) => n.replace(/,/g, ''));
  if (s === '半天' || s === '半日') return ok(day / 2);
  if (s === '半小时' || s === '半个小时' || s === '半个钟头') return ok(0.5);
  if (/^[\d.]+$/.test(s)) {
    const n = parseNumberText(s, plain);
    return n?.ok ? ok(round(n.value)) : n;
  }
  // `1:30`, `26:00`, `01:30:00` (as kam convert writes a duration).
  const clock = /^(\d{1,4}):([0-5]\d)(?::([0-5]\d))?$/.exec(s);
  if (clock) return ok(round(Number(clock[1]) + Number(clock[2]) / 60 + Number(clock[3] ?? 0) / 3600));
  const cn = CN_COUNT.exec(s);
  if (cn) {
    const n = cnNumber(cn[1]!) + (cn[2] === '个半' ? 0.5 : 0);
    if (Number.isNaN(n)) return bad('hours');
    s = `${n}${s.slice(cn[0].length)}`;
  }
  // One or more `number unit` parts: 1小时30分钟, 1h30m, 2天.
  const parts = [...s.matchAll(/(\d+(?:\.\d+)?|\.\d+)([^\d.]+)/g)];
  if (parts.length === 0 || parts.map((m) => m[0]).join('') !== s) return bad('hours');
  let hours = 0;
  for (const [, n, unit] of parts) {
    const u = HOUR_UNITS.find(([re]) => re.test(unit!));
    if (!u) return bad('hours');
    hours += Number(n) * u[1](day);
  }
  return ok(round(hours));
}
