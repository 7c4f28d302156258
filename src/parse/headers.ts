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
  /** A unit with a scale kam cannot read (`万美刀`): the numbers are read as written. */
  unread?: string;
}

// Simplified and Traditional (萬, 億); amounts in US dollars (`USD k`) keep their number: kam
// converts no currency, it only needs the amounts of one column in one unit. Each is matched
// against one word of the unit, its currency and tax words taken off (`含税，万元`, `$K`, `CNY, 10k`).
const UNIT_SCALES: [RegExp, number][] = [
  [/^(?:亿|億)$/, 1e8],
  [/^(?:billion|billions|bn)$/, 1e9],
  [/^(?:千万|千萬)$/, 1e7],
  [/^(?:十万|十萬)$/, 1e5],
  [/^(?:百万|百萬|m|mn|mm|million|millions)$/, 1e6],
  [/^(?:万|萬|w|10k|10,000|10000)$/, 1e4],
  [/^(?:千|仟|k|thousand|thousands|000|000s|'000|'000s)$/, 1e3],
  [/^(?:%|百分比|percent|pct)$/, 0.01],
];

/** Words of a unit that name a currency or the tax, not a scale. */
const CURRENCY = /新台币|新臺幣|新台幣|台币|台幣|臺幣|人民币|人民幣|美元|港币|港幣|港元|欧元|歐元|rmb|cny|usd|hkd|twd|ntd|sgd|eur|hk\$|nt\$|us\$|s\$|a\$|[元¥￥$€]/g;
const NOT_SCALE = /^(?:含税|不含税|含稅|不含稅|税前|税后|稅前|稅後|未税|未稅|金额|金額|in|of|unit|单位|單位)?$/;
/** Scales written as a letter or two, which a list split by slashes uses for other things. */
const LETTER_SCALE = /^(?:k|m|w|mm|mn)$/;
/** A word that looks like a scale: a unit holding one kam could not read is said, not taken as 1. */
const SCALE_LIKE = /万|萬|千|仟|亿|億|thousand|million|billion|lakh|crore|^(?:bn|mil|mln|kk|\d+k|\d+m)$/;

/** The scale of a unit (`万元`, `含税，万元`, `$K`, `in thousands`, `CNY, 10k`): 1 for none, undefined for one that is not read. */
function unitScale(unit: string): number | undefined {
  // (`10,000` is one number, not two words.)
  // (`HK$’000`: a typographic apostrophe is the plain one; found by a new user, Hong Kong's unit read as none.)
  const u = unit.toLowerCase().replace(/[’‘`]/g, "'").replace(/^(?:单位|單位|unit|in)\s*[:：]?/, '').replace(/(\d),(?=\d{3}\b)/g, '$1');
  const scales = new Set<number>();
  let unread = false;
  const words = u.split(/[\s,，、;；:：/／|]+/);
  // Among several words split by a slash, a letter is no scale (`h/w`, `S/M/L`, `YYYY/MM/DD`, `D/W/M`).
  const slashed = /[/／]/.test(u) && words.length > 1;
  for (const raw of words) {
    const word = raw.replace(CURRENCY, '').replace(/^(?:in|of)(?=[a-z'0-9])/, '');
    if (NOT_SCALE.test(word) || (slashed && LETTER_SCALE.test(word))) continue;
    const found = UNIT_SCALES.find(([re]) => re.test(word));
    if (found) scales.add(found[1]);
    else if (SCALE_LIKE.test(word)) unread = true;
  }
  if (scales.size > 1 || (unread && scales.size === 0)) return undefined;
  return scales.size === 1 ? [...scales][0]! : 1;
}

/**
 * A table's unit of amounts stated once above it (`单位：万元`, `金额单位：万元`, a title's `（单位：万元）`,
 * `Unit: USD thousands`, `Amounts in thousands`, `(in millions)`): its scale, when it is a scale of money
 * (`单位：人` is none); undefined for none.
 */
export function tableUnitOf(text: string): { scale: number; unit: string } | undefined {
  const t = toSimplified(text.normalize('NFKC')).trim();
  const m = /(?:^|[（(\s:：,，;；])(?:金额|金額|货币|貨幣)?(?:单位|單位)\s*[:：]\s*([^\s)）,，;；。]{1,12})/.exec(t) ?? /^(?:[(]\s*)?(?:(?:all\s+)?(?:amounts?|figures|values|revenue|numbers)\s+(?:are\s+)?in|in|unit\s*:)\s+((?:[a-z]{3}|\$|¥)?\s*(?:thousands?|millions?|billions?|'000s?|k|mn|m))\s*(?:[a-z]{3})?\s*[)]?\.?$/i.exec(t);
  if (!m) return undefined;
  const unit = m[1]!.trim();
  // (A unit of money: a currency or a magnitude, `万元`, `千元`, `万`, `USD thousands`; not `人`, `小时`.)
  if (!/[元万萬千亿億]|thousand|million|billion|'000|^(?:[a-z]{3}|\$|¥)?\s*(?:k|mn|m)$/i.test(unit)) return undefined;
  const scale = unitScale(unit);
  return scale !== undefined && scale >= 1 ? { scale, unit } : undefined;
}

/** Whether a header carries a unit of its own (`年采购额(元)`, `合同金额（万元）`), which a table's unit does not change. */
export function hasOwnUnit(header: string): boolean {
  return unitPart(header.normalize('NFKC').trim()) !== undefined;
}

/** A header's trailing unit, in brackets or after a slash (`slash`): `年采购额(万元)`, `工时/h`. */
function unitPart(h: string): { base: string; unit: string; slash: boolean } | undefined {
  const bracket = /^(.*?)[\s]*[([【{]([^)\]】}]*)[)\]】}]\s*$/.exec(h);
  const m = bracket ?? /^(.*?)\s*[/／]\s*([^/／]+)$/.exec(h);
  return m && m[1]!.trim() !== '' ? { base: m[1]!, unit: m[2]!, slash: !bracket } : undefined;
}

/**
 * Whether a header's brackets make it another quantity than its column's own — a forecast, a target, a budget, last
 * year's, a change: `年采购额（预测）`, `Annual Revenue (forecast)` beside the revenue (found by a new user: the column was
 * ambiguous, and kam tier stopped). Asked only of two headers of one column (found by review: alone, `工时（预计）`,
 * `Due (target)`, `客户名称（目标客户）` are the column).
 */
export function isQualified(header: string): boolean {
  const m = /[（(]([^()（）]*)[)）]\s*$/.exec(header.normalize('NFKC').trim());
  return m !== null && QUALIFIER.test(m[1]!);
}

const QUALIFIER =
  /预测|预计|预估|估计|目标|计划|预算|上年|去年|上一年|前年|往年|同比|环比|增长|增幅|增量|变化|变动|差额|差异|forecast|projected|projection|estimated?|target|planned|plan\b|budget|last year|prior year|previous year|\bly\b|growth|change|delta|variance|\byoy\b/i;

/** The unit kam tier's points columns are headed with (src/report/tier/table.ts). */
const POINTS = /^(?:points|得分)$/i;

/**
 * Splits `年采购额(万元)`, `年采购额（单位：万元）`, `年采购额/万元`, `Revenue ($K)` into base text and
 * scale. A unit with a word of scale kam cannot read (`(万美刀)`, `(lakh)`… or two scales) gives
 * `unread`: its numbers are read as written, and the reader says so.
 */
export function splitUnit(header: string): { base: string; scale: number; unread?: string } {
  const h = header.normalize('NFKC').trim();
  const p = unitPart(h);
  if (p) {
    const unit = p.unit.replace(/\s+/g, ' ').trim();
    // `年采购额 (points)`, `满意度（得分）`: the points kam tier gave a criterion are not the criterion's values.
    if (POINTS.test(unit)) return { base: h, scale: 1 };
    const scale = unitScale(unit);
    if (scale === undefined) return { base: p.base, scale: 1, unread: unit };
    if (scale !== 1) return { base: p.base, scale };
    // After a slash, a short word is a unit (`工时/h`); more is part of the name (`A/B 测试`). Brackets
    // that are not a scaling unit (`(元)`, `(年)`, `(全称)`, `(Y/N)`, `(是/否)`) are dropped for matching.
    if (p.slash) return /^[a-z\u4e00-\u9fff%]{1,6}$/i.test(unit) ? { base: p.base, scale: 1 } : { base: h, scale: 1 };
    return { base: p.base, scale: 1 };
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
  const unit = m.unit.replace(/\s+/g, '').replace(/(?:\/次|每次|\/time|\/occurrence)$/i, '');
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
  const whole = matchOne(header, role, index);
  if (whole.key !== undefined || whole.period !== undefined) return whole;
  // A header in two languages, marked as required or with a footnote (found by a new user: each made a book
  // of `Sheet1` exit 2): read by its names, which must agree.
  return otherReading(header, role, index) ?? whole;
}

/** Marks before or after a header's name: required (`★客户名称`, `客户名称*`), a footnote (`年采购额¹`, `年采购额※`). */
const LEAD_MARKS = /^[\s★☆*※●◆■▲►▶✱✳#＃]+/;
const TRAIL_MARKS = /[\s*※✱✳\u00b9\u00b2\u00b3\u2070-\u2079]+$/;
/** A line or a part that is the unit of the name above or before it: `单位：万元`, `Unit: 10k`. */
const UNIT_LINE = /^(?:单位|單位|unit)\s*[:：]\s*(.+)$/i;
/**
 * A name in Chinese and one in English side by side: `客户名称 Account Name`, `客户名称/Account`, `Account Name 客户名称`.
 * (Neither part in brackets: `销售部 (department)` is one name with a note, as kam's own matrix writes it.)
 */
const TWO_NAMES = /^([^A-Za-z()（）[\]【】]*[\u4e00-\u9fff][^A-Za-z()（）[\]【】]*?)\s*[/／|｜]?\s*([A-Za-z][A-Za-z0-9 .&'’_-]*[A-Za-z0-9.])$|^([A-Za-z][A-Za-z0-9 .&'’_-]*[A-Za-z0-9.])\s*[/／|｜]?\s*([^A-Za-z()（）[\]【】]*[\u4e00-\u9fff][^A-Za-z()（）[\]【】]*)$/;

/** Whether a text is a unit alone: a scale or a currency (`万元`, `USD k`, `RMB 10k`, `元`). */
function isUnit(text: string): boolean {
  const t = text.trim();
  if (t === '') return false;
  const scale = unitScale(t);
  return (scale !== undefined && scale !== 1) || t.toLowerCase().replace(/\s+/g, '').replace(CURRENCY, '') === '' || HOURS_UNITS.some(([re]) => re.test(t));
}

/**
 * A header that is no name as it stands, read another way: without its marks; by its lines, a line that
 * is a unit joined to the name (`年采购额⏎单位：万元` is `年采购额（万元）`); by its names in two languages,
 * which must not name different columns (`客户名称 Account Name`); and a unit beside a name stays its unit
 * (`Revenue 万元` is `Revenue（万元）`, found by review: read in yuan).
 */
function otherReading(header: string, role: SheetRole, index: Map<string, string>): HeaderMatch | undefined {
  const named = (m: HeaderMatch): boolean => m.key !== undefined || m.period !== undefined;
  const same = (a: HeaderMatch, b: HeaderMatch): boolean => a.key === b.key && a.period === b.period;
  const bare = header.replace(LEAD_MARKS, '').replace(TRAIL_MARKS, '').trim();
  if (bare !== header && bare !== '') {
    const m = matchOne(bare, role, index);
    if (named(m)) return m;
  }
  const lines = bare.split(/\r\n|\n|\r/).map((l) => l.replace(LEAD_MARKS, '').replace(TRAIL_MARKS, '').trim()).filter((l) => l !== '');
  let unit = lines.map((l) => UNIT_LINE.exec(l)?.[1]).find((u) => u !== undefined);
  let names = lines.filter((l) => !UNIT_LINE.test(l));
  // (On one line, where a reader joined the lines: `年采购额 单位：万元`.)
  const after = lines.length === 1 ? /^(.*\S)\s*(?:单位|單位|unit)\s*[:：]\s*(.+)$/i.exec(lines[0]!) : null;
  if (after) [names, unit] = [[after[1]!], after[2]!];
  // Each name as two names side by side where it is one (`客户名称 Account Name`); a unit among them joins the others.
  // A part that names nothing may be passed over only where it is a line of its own (a hint, `YYYY-MM-DD`) or a phrase
  // of two words or more beside a name (`工作内容 Work Content`); one word beside a name is part of one header kam does not
  // know (`IT负责人`, `KA客户`, `客户经理 Tel`). Two parts that name different columns are never one.
  const parts: { text: string; optional: boolean }[] = names.flatMap((name) => {
    const two = TWO_NAMES.exec(name);
    if (!two) return [{ text: name, optional: names.length > 1 }];
    const [zh, en] = two[1] !== undefined ? [two[1].trim(), two[2]!.trim()] : [two[4]!.trim(), two[3]!.trim()];
    return [
      { text: zh, optional: false },
      { text: en, optional: en.split(/\s+/).length >= 2 },
    ];
  });
  // (A part that names a column is a name, though it is a unit's word too: `Hours 小时`.)
  const unitOnly = (p: { text: string }): boolean => isUnit(p.text) && !named(matchOne(p.text, role, index));
  const units = parts.filter(unitOnly);
  if (unit === undefined && units.length === 1) unit = units[0]!.text;
  const words = parts.filter((p) => !unitOnly(p));
  // (Minutes or days beside a name are a scale the hours column reads from its header's brackets only: not guessed here.)
  if (unit !== undefined && HOURS_UNITS.some(([re, perUnit]) => re.test(unit!.trim()) && perUnit(8) !== 1)) return undefined;
  if (words.length === 0 || (words.length === 1 && unit === undefined && words[0]!.text === bare)) return undefined;
  const matches = words.map((w) => ({ m: matchOne(unit !== undefined ? `${w.text}（${unit}）` : w.text, role, index), optional: w.optional }));
  const found = matches.filter((x) => named(x.m));
  if (found.length === 0 || !found.every((x) => same(x.m, found[0]!.m))) return undefined;
  return matches.every((x) => named(x.m) || x.optional) ? found[0]!.m : undefined;
}

function matchOne(header: string, role: SheetRole, index: Map<string, string>): HeaderMatch {
  const { base, scale, unread } = splitUnit(header);
  const key = index.get(foldKey(base));
  if (key) return unread !== undefined ? { key, scale, unread } : { key, scale };
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
        return unread !== undefined ? { scale, period: year * 10 + sub, unread } : { scale, period: year * 10 + sub };
      }
    }
  }
  return { scale };
}
