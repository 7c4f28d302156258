/**
 * Calendar dates as ISO strings (`2025-11-15`). They are computed with UTC arithmetic only, so no
 * time zone of the machine can move a date by a day.
 */

export type IsoDate = string;

const DAY_MS = 86_400_000;

/** A valid calendar date from its parts, or undefined (e.g. 2025-02-30). */
export function makeDate(year: number, month: number, day: number): IsoDate | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return undefined;
  const t = Date.UTC(year, month - 1, day);
  const d = new Date(t);
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return d.toISOString().slice(0, 10);
}

/** Days since 1970-01-01 of an ISO date. */
export function toDayNumber(date: IsoDate): number {
  return Math.round(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY_MS);
}

/** ISO date of a day number (civil-from-days arithmetic: no Date object, called per date cell). */
export function fromDayNumber(days: number): IsoDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

// Day number of 1899-12-30: serial 0 of the 1900 system once Excel's phantom 1900-02-29 is skipped.
const EPOCH_1900 = -25569;
// Day number of 1904-01-01: serial 0 of the 1904 system.
const EPOCH_1904 = -24107;

/** Excel serial → calendar date, in the 1900 or 1904 system; the time of day is dropped. */
export function fromExcelSerial(serial: number, date1904: boolean): IsoDate | undefined {
  if (!Number.isFinite(serial) || serial < 0 || serial >= 2958466) return undefined;
  const whole = Math.floor(serial + 1e-9);
  if (date1904) return fromDayNumber(EPOCH_1904 + whole);
  if (whole === 60) return undefined; // 1900-02-29 does not exist; Excel keeps it for Lotus 1-2-3
  if (whole === 0) return undefined;
  return fromDayNumber(EPOCH_1900 + whole + (whole < 60 ? 1 : 0));
}

/** Calendar date → Excel serial (1900 system). */
export function toExcelSerial(date: IsoDate): number {
  const n = toDayNumber(date) - EPOCH_1900;
  return n < 61 ? n - 1 : n;
}

/** Today's calendar date where the user is. */
export function localToday(now: Date = new Date()): IsoDate {
  return makeDate(now.getFullYear(), now.getMonth() + 1, now.getDate())!;
}

/** The time of day of an Excel serial (its fraction) as `HH:MM:SS`, rounded to the second; undefined at midnight. */
export function excelTimeOfDay(serial: number): string | undefined {
  const seconds = Math.round((serial - Math.floor(serial)) * 86400);
  if (seconds === 0 || seconds === 86400) return undefined;
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${two(Math.floor(seconds / 3600))}:${two(Math.floor((seconds % 3600) / 60))}:${two(seconds % 60)}`;
}
