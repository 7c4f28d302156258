/** The Accounts sheet as typed accounts, with a finding for every cell that cannot be read. */
import type { Account, AccountsTable } from '../../model/account.js';
import type { Cell } from '../../model/cell.js';
import { ACCOUNT_NUMBER_COLUMNS } from '../../model/columns.js';
import type { Finding } from '../../model/finding.js';
import { accountKey, isPlaceholder } from '../../util/text.js';
import { findColumn } from '../table/columns.js';
import { cellText, invalidValue } from '../table/findings.js';
import type { SheetSource } from '../source.js';
import { scanTable, type TableOptions } from '../table/scan.js';
import { currencyOf, formatNumber, parseNumber, parseText, type NumberUnits, type Parsed } from '../../parse/values.js';
import { contradiction, DateColumn, followed, SheetDates } from '../table/dates.js';
import { textMemo } from '../table/memo.js';
import type { Column, Layout } from '../../model/table.js';
import { byCell, cellFinding } from '../../model/finding.js';

export interface AccountsOptions extends TableOptions {
  /** Columns to read as numbers besides the canonical ones: criteria and promotion columns. */
  numberColumns?: readonly string[];
}

const TEXT_COLUMNS = ['owner', 'industry', 'region', 'tier', 'tier_override'] as const;

/** Reads the Accounts sheet row by row: names required, keys unique, numbers and dates normalised. */
export async function readAccounts(source: SheetSource, options: AccountsOptions): Promise<AccountsTable> {
  const accounts: Account[] = [];
  const rowFindings: Finding[] = [];
  const seen = new Map<string, { row: number; text: string }>();
  let mapper: ((row: number, cells: (Cell | undefined)[]) => void) | undefined;
  let periods: Column[] = [];
  const named = new Map<string, Column>();
  const extraColumns = new Map<string, Column>();
  let resolved = false;
  const finish: (() => Finding[])[] = [];
  // The columns asked for by name; those that are not canonical number columns are read into `extra`.
  const resolveNamed = (layout: Layout): void => {
    resolved = true;
    for (const name of options.numberColumns ?? []) {
      const c = findColumn(layout, name, options.aliases);
      if (!c) continue;
      named.set(name, c);
      if (!(c.key && (ACCOUNT_NUMBER_COLUMNS as readonly string[]).includes(c.key))) extraColumns.set(name, c);
    }
  };
  const { layout, findings } = await scanTable(source, 'accounts', options, ({ row, cells }, layout) => {
    if (!mapper) {
      periods = layout.columns.filter((c) => c?.period !== undefined).sort((a, b) => a.period! - b.period! || a.index - b.index);
      resolveNamed(layout);
      mapper = accountMapper(layout, periods, extraColumns, accounts, rowFindings, seen, finish, options.dateOrder, options.note);
    }
    mapper(row, cells);
  });
  if (!resolved) resolveNamed(layout);
  for (const f of finish) for (const x of f()) rowFindings.push(x);
  // Dates that waited for their column's order are reported in row order with the rest.
  // (A loop, not push(...): a sheet can have a finding on each of a million rows.)
  for (const f of rowFindings.sort(byCell)) findings.push(f);
  // Only 2023年采购额 … 2025年采购额: the latest period is the annual revenue (scored, and summed by tier).
  const latest = layout.byKey.has('annual_revenue') ? undefined : periods.length - 1;
  if (latest !== undefined && latest >= 0) {
    for (const a of accounts) {
      const v = a.periods[latest];
      if (v !== undefined) a.numbers.annual_revenue = v;
    }
    return { layout, accounts, periods, named, revenueFrom: periods[latest]!, findings };
  }
  return { layout, accounts, periods, named, findings };
}

function accountMapper(
  layout: Layout,
  periods: Column[],
  extraColumns: Map<string, Column>,
  accounts: Account[],
  findings: Finding[],
  seen: Map<string, { row: number; text: string }>,
  finish: (() => Finding[])[],
  dateOrder?: 'month-first' | 'day-first',
  note?: TableOptions['note'],
): (row: number, cells: (Cell | undefined)[]) => void {
  const col = (key: string): Column | undefined => layout.byKey.get(key);
  const nameCol = col('name');
  const sheetDates = new SheetDates();
  const dates = {
    last_contact: new DateColumn(layout.date1904, dateOrder, contradiction(layout, col('last_contact'), dateOrder, note), sheetDates, followed(layout, col('last_contact'), note)),
    since: new DateColumn(layout.date1904, dateOrder, contradiction(layout, col('since'), dateOrder, note), sheetDates, followed(layout, col('since'), note)),
  };
  // Columns kam does not read whose header names a date: their dates tell the sheet's order (see SheetDates).
  const otherDates = SheetDates.unreadColumns(layout, dateOrder);
  finish.push(() => [...dates.last_contact.finish(), ...dates.since.finish()]);
  const idCol = col('id');
  // The columns looked up once, not per row; a text column's words (an owner, a region, a tier)
  // repeat down the column: each text read once (parseText of a text cell depends on its text alone).
  const texts = TEXT_COLUMNS.flatMap((key) => {
    const c = col(key);
    return c ? [{ field: key === 'tier_override' ? ('tierOverride' as const) : key, c, read: textReader(layout.date1904) }] : [];
  });
  const commaOf = (c: Column): { decimalComma?: true } => (layout.decimalComma?.(c.index) ? { decimalComma: true } : {});
  // Each column's way of reading its numbers made once, not once a cell.
  // (A money column's currency, as its header names it: an amount in another under a column of 万 is as written.)
  const currencyOfHeader = (c: Column): { currency?: string } => {
    const code = currencyOf(c.header);
    return code !== undefined ? { currency: code } : {};
  };
  const periodContexts = periods.map((p) => ({ scale: p.scale, units: 'money' as const, ...commaOf(p), ...currencyOfHeader(p) }));
  const extras = [...extraColumns].map(([name, c]) => ({ name, c, ctx: { scale: c.scale, ...commaOf(c) } }));
  const numbers = ACCOUNT_NUMBER_COLUMNS.flatMap((key) => {
    const c = col(key);
    return c ? [{ key, c, ctx: { scale: c.scale, units: NUMBER_UNITS[key], ...commaOf(c), ...(NUMBER_UNITS[key] === 'money' ? currencyOfHeader(c) : {}) }, mixed: { percent: undefined as string | undefined, plain: undefined as string | undefined, unit: undefined as string | undefined, bare: undefined as string | undefined, negative: undefined as string | undefined, low: undefined as string | undefined, high: undefined as string | undefined } }] : [];
  });
  // A column of plain numbers with a percentage among them (`92%` beside `85`, a CSAT export): 0.92 against 85,
  // read as written but said (found by a new user: the account with 92% scored as the least satisfied).
  finish.push(() => {
    for (const { c, mixed } of numbers) {
      if (mixed.percent !== undefined && mixed.plain !== undefined) note?.('note.mixedPercent', { sheet: layout.sheet, column: `${c.letter} ${c.header}`, percent: mixed.percent, plain: mixed.plain }, false);
      // An amount with its unit among amounts without one (`450万` beside `3000`, under a header with no unit): those
      // without are yuan, and if the book meant 万 they are 10,000 times too small (found by a new user: one cell of 450万
      // in a column of 万 figures took 99.9% of the revenue and the top tier).
      if (mixed.unit !== undefined && mixed.bare !== undefined) note?.('note.mixedUnit', { sheet: layout.sheet, column: `${c.letter} ${c.header}`, unit: mixed.unit, bare: mixed.bare }, false);
      // A negative amount (a refund, a correction): read as written, but the tiers' shares of revenue count it so (found
      // by a hostile-file trial: shares of 150% and −100%, without a word).
      if (mixed.negative !== undefined) note?.('note.negativeAmount', { sheet: layout.sheet, column: `${c.letter} ${c.header}`, value: mixed.negative }, false);
      // Ratings on two scales (`4.8` of 5 beside `60` of 100): 4.8 ranks below 60 (found by a new user).
      if (mixed.low !== undefined && mixed.high !== undefined) note?.('note.mixedScale', { sheet: layout.sheet, column: `${c.letter} ${c.header}`, low: mixed.low, high: mixed.high }, false);
    }
    return [];
  });
  // Amounts in more than one currency in one column (`USD 1,200,000.00` beside `EUR 900,000.00`, `¥` beside `$`):
  // compared as written, no rate known to kam, but said, with the first of each (found by a new user: GBP was summed with USD).
  const currencies = new Map<Column, Map<string, string>>();
  const currencyIn = (c: Column, cell: Cell | undefined, row: number): void => {
    if (cell?.t !== 's') return;
    const code = currencyOf(cell.v);
    if (code === undefined) return;
    let seen = currencies.get(c);
    if (!seen) currencies.set(c, (seen = new Map()));
    if (!seen.has(code)) seen.set(code, `${cell.v.trim()} (${c.letter}${row})`);
  };
  finish.push(() => {
    for (const [c, seen] of currencies) {
      if (seen.size > 1) note?.('note.mixedCurrency', { sheet: layout.sheet, column: `${c.letter} ${c.header}`, codes: [...seen.keys()].join(', '), examples: [...seen.values()].join(', ') }, false);
    }
    return [];
  });
  const strategicScale = scaleOf(col('strategic')?.header ?? '');
  const dated = (['last_contact', 'since'] as const).flatMap((key) => {
    const c = col(key);
    return c ? [{ c, field: key === 'last_contact' ? ('lastContact' as const) : ('since' as const), column: dates[key] }] : [];
  });
  return (row, cells) => {
    if (!nameCol) return;
    for (const c of otherDates) sheetDates.see(cells[c.index]);
    const name = parseText(cells[nameCol.index], layout.date1904);
    const id = idCol ? parseText(cells[idCol.index], layout.date1904) : undefined;
    if (!name?.ok) {
      findings.push(name ? invalidValue(name, cells[nameCol.index], layout, row, nameCol) : cellFinding('schema/empty-required', layout, row, nameCol, { header: nameCol.header }, id?.ok ? { account: id.value } : {}));
      return;
    }
    // The periods' list made at its size (an array grown by push keeps room for 17: 100,000 accounts).
    const account: Account = { row, name: name.value, key: '', numbers: {}, periods: new Array<number | undefined>(periods.length), extra: {} };
    const about = { account: name.value };
    if (id?.ok) account.id = id.value;
    else if (id && !id.ok) findings.push(invalidValue(id, cells[idCol!.index], layout, row, idCol!, about));
    account.key = accountKey(account.id ?? account.name);
    const first = seen.get(account.key);
    const keyText = account.id ?? account.name;
    if (first !== undefined) {
      // Ids that differ only in case are one to kam (found by a new user: Salesforce's 15-character ids, which are
      // not): said, with what to export instead.
      const caseOnly = account.id !== undefined && first.text !== keyText && first.text.toLowerCase() === keyText.toLowerCase();
      findings.push(cellFinding('schema/duplicate-key', layout, row, account.id !== undefined ? idCol! : nameCol, { key: keyText, first: first.row, ...(caseOnly ? { caseOf: first.text } : {}) }, about));
    } else {
      seen.set(account.key, { row, text: keyText });
    }
    for (const { field, c, read } of texts) {
      const t = read(cells[c.index]);
      if (!t) continue;
      if (!t.parsed.ok) findings.push(invalidValue(t.parsed, cells[c.index], layout, row, c, about));
      else if (t.value !== undefined) account[field] = t.value;
    }
    for (const { key, c, ctx, mixed } of numbers) {
      const cell = cells[c.index];
      let n = parseNumber(cell, ctx);
      // 战略重要性 is rated 1–5 (SPEC §1), or on the scale its header states (`(1-10)`): an 8, a 0 or a -2 is a slip, not a
      // rating that would stretch every other account's points (found by a new user: no finding, and the min-max scale
      // of the column moved).
      if (key === 'strategic' && n?.ok && (n.value < strategicScale.min || n.value > strategicScale.max)) n = { ok: false, reason: `strategic:${strategicScale.min}–${strategicScale.max}` };
      // Years of working together are 0–100: `2018` is the year it began (found by a new user: read as 2,018 years, the
      // account took every point of the criterion and a tier it had no claim to).
      else if (key === 'years' && n?.ok && (n.value < 0 || n.value > 100)) n = { ok: false, reason: 'years-range' };
      // An amount is below 10¹⁸ either way (found by a hostile-file trial: two of 1E+308 summed to Infinity, and the
      // report's charts to NaN); a negative one, an accounting `(1,000)`, is read as written and said below.
      else if (ctx.units === 'money' && n?.ok && !(Math.abs(n.value) < MAX_AMOUNT)) n = { ok: false, reason: 'amount' };
      // (A value as the notes below quote it: as written, and where.)
      const quoted = (): string => `${cellText(cell).trim()} (${c.letter}${row})`;
      if (ctx.units === 'money' && n?.ok && n.value < 0) mixed.negative ??= quoted();
      if (n?.ok && (c.scale ?? 1) === 1) {
        // A cell formatted as a percentage is one, as typed `92%` is (found by a new user: an xlsx said nothing where its CSV warned).
        const typedPercent = cell!.t === 's' && /[%％]\s*$/.test(cell!.v);
        const formattedPercent = cell!.t === 'n' && cell!.percent === true;
        if (typedPercent) mixed.percent ??= (cell as { v: string }).v;
        else if (formattedPercent) mixed.percent ??= `${formatNumber((cell as { v: number }).v * 100)}%`;
        else if (n.value > 1) mixed.plain ??= cell!.t === 's' ? cell!.v : String(n.value);
        if (ctx.units === 'money') {
          if (cell!.t === 's' && MAGNITUDE.test(cell!.v)) mixed.unit ??= quoted();
          else if (cell!.t === 'n' || (cell!.t === 's' && !/[^\d.,\s]/.test(cell!.v))) mixed.bare ??= quoted();
        } else if (key === 'satisfaction' && !typedPercent && !formattedPercent) {
          if (n.value > 0 && n.value <= 5) mixed.low ??= quoted();
          else if (n.value > 10) mixed.high ??= quoted();
        }
      }
      if (n?.ok) {
        account.numbers[key] = n.value;
        if (NUMBER_UNITS[key] === 'money') currencyIn(c, cell, row);
      } else if (n) findings.push(invalidValue(n, cells[c.index], layout, row, c, about));
    }
    for (const { c, field, column } of dated) {
      const d = column.read(cells[c.index]);
      if (d?.ok) account[field] = d.value;
      else if (d && DateColumn.ambiguous(d)) column.defer(cells[c.index]!, (v) => void (account[field] = v), invalidValue(d, cells[c.index], layout, row, c, about));
      else if (d) findings.push(invalidValue(d, cells[c.index], layout, row, c, about));
    }
    for (let k = 0; k < periods.length; k++) {
      const p = periods[k]!;
      let n = parseNumber(cells[p.index], periodContexts[k]);
      if (n?.ok && !(Math.abs(n.value) < MAX_AMOUNT)) n = { ok: false, reason: 'amount' };
      if (n && !n.ok) findings.push(invalidValue(n, cells[p.index], layout, row, p, about));
      else if (n) currencyIn(p, cells[p.index], row);
      account.periods[k] = n?.ok ? n.value : undefined;
    }
    for (const { name, c, ctx } of extras) {
      const n = parseNumber(cells[c.index], ctx);
      if (n && !n.ok) findings.push(invalidValue(n, cells[c.index], layout, row, c, about));
      // defineProperty: a column headed `__proto__` is data like any other.
      Object.defineProperty(account.extra, name, { value: n?.ok ? n.value : undefined, enumerable: true, writable: true, configurable: true });
    }
    accounts.push(account);
  };
}

/** The scale a rating's header states (`战略重要性（1-10分）`, `Strategic Importance (1~10)`), else SPEC §1's 1–5. */
function scaleOf(header: string): { min: number; max: number } {
  const h = header.normalize('NFKC');
  // `(1-10)`, `（评分1-10）`, `1至10`; `（满分10分）`, `(10分制)`, `(out of 10)`, `/10` (found by a new user: refused as 1–5).
  // (A rating starts at 0 or 1 and reaches at most 100: `FY24-25`, `2024-2025年度` are years; found by review.)
  const range = /[(（]\s*(?:评分|得分|分值|打分|rating|scale|score)?\s*([01])\s*[-~～—–至到]\s*(\d{1,3})\s*分?\s*[)）]|\s([01])\s*[-~～—–至到]\s*(\d{1,3})\s*分?\s*$/i.exec(h);
  const [lo, hi] = range ? [Number(range[1] ?? range[3]), Number(range[2] ?? range[4])] : [0, 0];
  if (range && lo < hi && hi <= 100) return { min: lo, max: hi };
  const top = /满分\s*(\d{1,3})|(\d{1,3})\s*分制|out\s+of\s+(\d{1,3})|[/／]\s*(\d{1,3})\s*(?:分|points?|pts)?\s*[)）]?\s*$/i.exec(h);
  const max = top ? Number(top[1] ?? top[2] ?? top[3] ?? top[4]) : 5;
  return top && max > 1 && max <= 100 ? { min: 0, max } : { min: 1, max: 5 };
}

/** An amount written with a magnitude of its own: `450万`, `1.2亿`, `450万元`, `3千`, `1.2 million`, `800k`. */
const MAGNITUDE = /\d\s*(?:万|萬|亿|億|千|仟|百万|百萬|千万|千萬)\s*(?:元|圆|人民币)?\s*$|\d\s*(?:k|m|mn|bn|million|billion|thousand)\s*$/i;

/** Amounts from 10¹⁸ up are no account's revenue in any currency, and their sums could overflow. */
const MAX_AMOUNT = 1e18;

/** The words each number column takes after its numbers (`18个月` of 合作年限 is 1.5 years, `100天` of 年采购额 no number). */
const NUMBER_UNITS: Record<(typeof ACCOUNT_NUMBER_COLUMNS)[number], NumberUnits> = {
  annual_revenue: 'money',
  contract_value: 'money',
  years: 'years',
  strategic: 'score',
  satisfaction: 'score',
};

/** A text cell read: what parseText gives, and the value kept (none for a placeholder such as `-` or `待定`). */
interface TextRead {
  parsed: Parsed<string>;
  value: string | undefined;
}

/** parseText and the placeholder test of a column's cells, each text cell's text once (a column of distinct texts, notes or addresses, is not remembered past 4,096). */
function textReader(date1904: boolean): (cell: Cell | undefined) => TextRead | undefined {
  return textMemo((cell) => {
    const parsed = parseText(cell, date1904);
    return parsed && { parsed, value: parsed.ok && !isPlaceholder(parsed.value) ? parsed.value : undefined };
  }, 4096);
}
