/**
 * A date column read in one order (issue 9): CSV exports from US-locale tools write `11/15/2025`;
 * once a column's unambiguous values show month-first (or day-first), its ambiguous ones
 * (`11/3/2025`) follow them. Ambiguous values wait until the column has been read; a column that
 * shows both orders, or neither, leaves them as findings naming both readings.
 */
import type { Cell } from '../../model/cell.js';
import type { Finding } from '../../model/finding.js';
import type { IsoDate } from '../../util/date.js';
import { dateOrderOf, dateShape, parseDate, type DayMonthOrder, type Parsed } from '../../parse/values.js';
import { textMemo } from './memo.js';
import type { Column, Layout } from '../../model/table.js';
import type { TableOptions } from './options.js';

/** The note a column whose dates contradict `dateOrder` gives (see {@link DateColumn}). */
export function contradiction(layout: Layout, column: Column | undefined, given: DayMonthOrder | undefined, note: TableOptions['note']): ((shown: DayMonthOrder, example: string) => void) | undefined {
  if (!column || !given || !note) return undefined;
  return (shown, example) => note('note.dateOrderContradicted', { sheet: layout.sheet, column: `${column.letter} ${column.header}`, example, shown, given }, false);
}

/** The note a column of no order of its own gives when it follows the sheet's dates written alike (see {@link SheetDates}). */
export function followed(layout: Layout, column: Column | undefined, note: TableOptions['note']): ((order: DayMonthOrder, example: string) => void) | undefined {
  if (!column || !note) return undefined;
  return (order, example) => note('note.dateOrderFromSheet', { sheet: layout.sheet, column: `${column.letter} ${column.header}`, order, example }, false);
}

interface Pending {
  cell: Cell;
  set: (date: IsoDate) => void;
  finding: Finding;
}

/**
 * The order a sheet's dates show across its columns: those kam reads, and the columns it does not read whose header
 * names a date (`Created Date`, `创建日期`). A column of dates none of which shows an order (`Last Activity` of
 * `11/3/2025`, `10/7/2025`) follows the sheet's, where the sheet shows one only (found by a CRM user: every date of such
 * a column was refused though `Created Date` beside it had `12/30/2022`).
 */
export class SheetDates {
  /** By how dates are written (`yyyy`, `yy`: see dateShape), the orders they show and the first text that showed each. */
  private readonly shapes = new Map<string, { monthFirst: number; dayFirst: number; example: string }>();
  /** The order a text cell shows, and how it is written (each text read once, at most SEEN_TEXTS of them remembered). */
  private readonly shown = textMemo((cell) => orderShown(cell), SEEN_TEXTS);

  /**
   * The columns of a sheet kam does not read whose header names a date (`Created Date`, `创建日期`): their dates tell the
   * sheet's order. None where the config gives the order.
   */
  static unreadColumns(layout: Layout, given: DayMonthOrder | undefined): Column[] {
    return given ? [] : layout.columns.filter((c): c is Column => c !== undefined && c.key === undefined && DATE_HEADER.test(c.header));
  }

  /** Counts the order one cell of a column kam does not read shows. */
  see(cell: Cell | undefined): void {
    if (cell?.t === 's') this.count(this.shown(cell));
  }

  /** Counts the order a date shows, as written (a column's own dates tell the sheet's too). */
  count(shown: { order?: DayMonthOrder; shape?: string; text: string }): void {
    if (shown.order === undefined || shown.shape === undefined) return;
    let s = this.shapes.get(shown.shape);
    if (!s) this.shapes.set(shown.shape, (s = { monthFirst: 0, dayFirst: 0, example: shown.text.trim() }));
    if (shown.order === 'month-first') s.monthFirst++;
    else s.dayFirst++;
  }

  /**
   * The order the sheet's dates written as `text` is show, where they show one only, with a text that showed it: a
   * column of `m/d/yy` (a CRM's) takes no order from `dd/mm/yyyy` dates beside it (another system's; found by a new user).
   */
  orderFor(text: string): { order: DayMonthOrder; example: string } | undefined {
    const shape = dateShape(text);
    const s = shape === undefined ? undefined : this.shapes.get(shape);
    if (!s) return undefined;
    if (s.monthFirst > 0 && s.dayFirst === 0) return { order: 'month-first', example: s.example };
    if (s.dayFirst > 0 && s.monthFirst === 0) return { order: 'day-first', example: s.example };
    return undefined;
  }
}

/** A header of a column kam does not read that names a date (its values show the sheet's order of day and month). */
const DATE_HEADER = /date|日期|时间|時間|created|modified|activity/i;

const NONE_SHOWN = { text: '' };

/** The order a date written as text shows by itself, and how it is written (see dateShape). */
function orderShown(cell: Cell | undefined): { order?: DayMonthOrder; shape?: string; text: string } {
  if (cell?.t !== 's') return { text: '' };
  const order = dateOrderOf(cell);
  return order ? { order, shape: dateShape(cell.v), text: cell.v } : { text: cell.v };
}

/** The most texts a column remembers (dates with times are mostly distinct). */
const SEEN_TEXTS = 4096;

export class DateColumn {
  private monthFirst = 0;
  private dayFirst = 0;
  /** The first text that showed each order (for a message). */
  private readonly shown: Partial<Record<DayMonthOrder, string>> = {};
  private readonly pending: Pending[] = [];
  /** Number cells read, by value: date-styled, and plain (see {@link serial}). */
  private readonly dated = new Map<number, Parsed<IsoDate>>();
  private readonly plain = new Map<number, Parsed<IsoDate>>();
  /** A text cell read, and the order it shows (each text read once, at most SEEN_TEXTS of them remembered). */
  private readonly text: (cell: Cell | undefined) => { p: Parsed<IsoDate> | undefined; shown: ReturnType<typeof orderShown> };

  constructor(
    private readonly date1904: boolean,
    /** The order of the book's dates (`dateOrder` in the config), for the ambiguous ones whatever the column shows. */
    private readonly given?: DayMonthOrder,
    /**
     * Told once, when the column's unambiguous dates show only the order `dateOrder` does not say
     * (`12/15/2025` under day-first): its ambiguous ones are read as configured, maybe wrongly.
     */
    private readonly contradicted?: (shown: DayMonthOrder, example: string) => void,
    /** The sheet's dates, which this column's tell and which tell a column of no order of its own. */
    private readonly sheet?: SheetDates,
    /** Told once, when the column's dates are read in an order the sheet's other dates show (with one that showed it). */
    private readonly borrowed?: (order: DayMonthOrder, example: string) => void,
  ) {
    this.text = textMemo((cell) => {
      const p = parseDate(cell, this.date1904);
      return { p, shown: p?.ok ? orderShown(cell) : NONE_SHOWN };
    }, SEEN_TEXTS);
  }

  /**
   * Reads one cell. An ambiguous date (`11/3/2025`) comes back as a failure whose reason starts
   * with `ambiguous-date`: hand it to {@link defer} rather than report it.
   */
  read(cell: Cell | undefined): Parsed<IsoDate> | undefined {
    if (cell?.t === 'n') return this.serial(cell);
    if (cell?.t !== 's') return parseDate(cell, this.date1904);
    // A column of dates as text (a CSV) repeats a few hundred days: each text read once.
    const known = this.text(cell);
    if (known.shown.order === 'month-first') {
      if (this.monthFirst++ === 0) this.shown['month-first'] = cell.v;
    } else if (known.shown.order === 'day-first') {
      if (this.dayFirst++ === 0) this.shown['day-first'] = cell.v;
    }
    this.sheet?.count(known.shown);
    return known.p;
  }

  /**
   * A number cell read once per value (and date style): a column of day serials repeats a few
   * hundred days, and one string per day is kept, not one per row. At most SEEN_TEXTS per style.
   */
  private serial(cell: Extract<Cell, { t: 'n' }>): Parsed<IsoDate> | undefined {
    const seen = cell.date ? this.dated : this.plain;
    let p = seen.get(cell.v);
    if (p === undefined) {
      p = parseDate(cell, this.date1904);
      if (p !== undefined && seen.size < SEEN_TEXTS) seen.set(cell.v, p);
    }
    return p;
  }

  /** True for the failure {@link read} gives an ambiguous date. */
  static ambiguous(p: Extract<Parsed<IsoDate>, { ok: false }>): boolean {
    return p.reason.startsWith('ambiguous-date');
  }

  /**
   * Keeps an ambiguous date until the column is read: `set` receives it in the column's order,
   * or `finding` (made now) is reported.
   */
  defer(cell: Cell, set: (date: IsoDate) => void, finding: Finding): void {
    this.pending.push({ cell, set, finding });
  }

  /** The order the column settled on, if its unambiguous values agree. */
  get order(): DayMonthOrder | undefined {
    if (this.given) return this.given;
    if (this.monthFirst > 0 && this.dayFirst === 0) return 'month-first';
    if (this.dayFirst > 0 && this.monthFirst === 0) return 'day-first';
    return undefined;
  }

  /** Settles the waiting values in the column's order, or reports them; returns the findings. */
  finish(): Finding[] {
    const order = this.order;
    // (A column that shows both orders is left as it is: only one that shows none follows the sheet's dates written alike.)
    const follows = order === undefined && this.monthFirst === 0 && this.dayFirst === 0 && this.sheet !== undefined;
    let told = false;
    const own = this.monthFirst > 0 && this.dayFirst === 0 ? 'month-first' : this.dayFirst > 0 && this.monthFirst === 0 ? 'day-first' : undefined;
    if (this.given && own && own !== this.given) this.contradicted?.(own, this.shown[own]!);
    const out: Finding[] = [];
    for (const p of this.pending) {
      const sheet = follows && p.cell.t === 's' ? this.sheet!.orderFor(p.cell.v) : undefined;
      const use = order ?? sheet?.order;
      const d = use ? parseDate(p.cell, this.date1904, use) : undefined;
      if (d?.ok) {
        p.set(d.value);
        if (sheet && !told) {
          told = true;
          this.borrowed?.(sheet.order, sheet.example);
        }
      } else out.push(p.finding);
    }
    this.pending.length = 0;
    return out;
  }
}
