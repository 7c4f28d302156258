/** Header text → canonical column, unit scale and revenue period. */
import { toSimplified } from '../util/hant.js';
import type { Aliases } from '../model/aliases.js';
import { COLUMNS, type SheetRole } from '../model/columns.js';
import { foldKey } from '../util/text.js';

export interface HeaderMatch {
  /** Canonical column name, when the header is a known alias. */
  key?: string;
  /** Multiplier for plain numbers in this column (万元 → 10000, % → 0.01). */
  scale: number;
  /** For revenue-per-period columns (`2024年采购额`, `revenue_2024`): the period's sort key. */
  period?: number;
}

// Simplified and Traditional (萬, 億); amounts in US dollars (`USD k`) keep their number: kam
// converts no currency, it only needs the amounts of one column in one unit.
const UNIT_SCALES: [RegExp, number][] = [
  [/^(?:单位)?[:：]?\s*(?:人民币)?(?:亿元|亿|億元|億)$/, 1e8],
  [/^(?:单位)?[:：]?\s*(?:人民币)?(?:百万元|百万|百萬元|百萬)$/, 1e6],
  [/^(?:单位)?[:：]?\s*(?:人民币)?(?:万元|万|萬元|萬|w|10k|10,000|万人民币|rmb10k|cny10k|10kcny|10krmb)$/i, 1e4],
  [/^(?:单位)?[:：]?\s*(?:人民币)?(?:千元|千|仟元|仟|k|thousand|thousands|kcny|krmb|cnyk|rmbk|kusd|usdk|千美元)$/i, 1e3],
  [/^(?:单位)?[:：]?\s*(?:m|mn|million|millions|musd|usdm|mcny|cnym)$/i, 1e6],
  [/^(?:单位)?[:：]?\s*(?:%|百分比|percent|pct)$/i, 0.01],
];

/** A header's trailing unit, in brackets or after a slash: `年采购额(万元)`, `工时/h`. */
function unitPart(h: string): RegExpExecArray | undefined {
  const m = /^(.*?)[\s]*[([【{]([^)\]】}]*)[)\]】}]\s*$/.exec(h) ?? /^(.*?)\s*[/／]\s*([^/／]+)$/.exec(h);
  return m && m[1]!.trim() !== '' ? m : undefined;
}

/** The unit kam tier's points columns are headed with (src/report/tier/table.ts). */
const POINTS = /^(?:points|得分)$/i;

/** Splits `年采购额(万元)`, `年采购额（单位：万元）`, `年采购额/万元` into base text and scale. */
export function splitUnit(header: string): { base: string; scale: number } {
  const h = header.normalize('NFKC').trim();
  const m = unitPart(h);
  if (m) {
    const unit = m[2]!.replace(/\s+/g, '');
    // `年采购额 (points)`, `满意度（得分）`: the points kam tier gave a criterion are not the criterion's values.
    if (POINTS.test(unit)) return { base: h, scale: 1 };
    for (const [re, scale] of UNIT_SCALES) if (re.test(unit)) return { base: m[1]!, scale };
    // Brackets that are not a scaling unit (`(元)`, `(年)`, `(全称)`) are dropped for matching.
    if (m[0]!.includes('/') || m[0]!.includes('／')) return /^[a-z\u4e00-\u9fff%]{1,6}$/i.test(unit) ? { base: m[1]!, scale: 1 } : { base: h, scale: 1 };
    return { base: m[1]!, scale: 1 };
  }
  return { base: h, scale: 1 };
}

/** Time units of an hours column's header, in hours (a day is the config's working day). */
const HOURS_UNITS: [RegExp, (hoursPerDay: number) => number][] = [
  [/^(?:单位)?[:：]?(?:分钟|分|min|mins|minutes?)$/i, () => 1 / 60],
  [/^(?:单位)?[:：]?(?:小时|个小时|钟头|工时|h|hr|hrs|hours?)$/i, () => 1],
  [/^(?:单位)?[:：]?(?:天|日|人天|人日|工作日|d|days?|man-?days?|person-?days?)$/i, (day) => day],
];

/**
 * Hours per unit of the plain numbers under an hours column: `预计工时（分钟）` → 1/60,
 * `预计工时(天)` and `(人天)` → `hoursPerDay`, `(小时)` and `工时/h` → 1; undefined without a time unit.
 */
export function hoursUnitOf(header: string, hoursPerDay: number): number | undefined {
  const m = unitPart(toSimplified(header.normalize('NFKC').trim()));
  if (!m) return undefined;
  // `(小时/次)`, `(分钟/次)`: per occurrence is what the column means anyway.
  const unit = m[2]!.replace(/\s+/g, '').replace(/(?:\/次|每次|\/time|\/occurrence)$/i, '');
  return HOURS_UNITS.find(([re]) => re.test(unit))?.[1](hoursPerDay);
}

/** Builds the alias index of one sheet role, with extra aliases from the config. */
export function aliasIndex(role: SheetRole, extra: Aliases = {}): Map<string, string> {
  const index = new Map<string, string>();
  const specs = COLUMNS[role];
  // Config aliases first: a user's mapping wins over a built-in alias of another column.
  for (const [key, aliases] of Object.entries(extra)) {
    if (!aliases) continue;
    if (!Object.hasOwn(specs, key)) continue;
    for (const a of aliases) index.set(foldKey(splitUnit(a).base), key);
  }
  for (const [key, spec] of Object.entries(specs)) {
    index.set(foldKey(key), key);
    for (const a of [...spec.aliases, ...(spec.loose ?? [])]) if (!index.has(foldKey(a))) index.set(foldKey(a), key);
  }
  return index;
}

/** A period in a revenue header: `2024年`, `FY2022`, `2024Q1`, `2024上半年`, and two-digit `24年`, `FY24`. */
const YEAR = /(?:fy|财年)?\s*((?:19|20)\d{2}|\d{2}(?=\s*年)|(?<=fy\s*)\d{2}(?!\d))\s*(?:年度|年|fy)?\s*(?:(q[1-4])|([上下])半年|(h[12]))?/i;

/** Matches one header against a role's aliases; revenue headers with a year become periods. */
export function matchHeader(header: string, role: SheetRole, index: Map<string, string>): HeaderMatch {
  const { base, scale } = splitUnit(header);
  const key = index.get(foldKey(base));
  if (key) return { key, scale };
  if (role === 'accounts') {
    const y = YEAR.exec(base);
    if (y) {
      const rest = base.replace(y[0], ' ');
      const restYear = base.replace(y[1]!, ' ');
      const k = index.get(foldKey(rest)) ?? index.get(foldKey(restYear));
      if (k === 'annual_revenue') {
        const sub = y[2] ? Number(y[2][1]) : y[3] ? (y[3] === '上' ? 1 : 3) : y[4] ? (y[4][1] === '1' ? 1 : 3) : 0;
        // `24年采购额` is 2024's: two-digit years are this century's.
        const year = y[1]!.length === 2 ? 2000 + Number(y[1]) : Number(y[1]);
        return { scale, period: year * 10 + sub };
      }
    }
  }
  return { scale };
}
