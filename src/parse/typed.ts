/**
 * What a CSV field becomes in a typed sheet (`kam convert x.csv x.xlsx`): a number, a date (with a
 * time of day where it has one), or text. Conservative: a value is a number or a date only when no
 * reader could take it for anything else — codes with leading zeros (`007`), ids and phone numbers
 * of 11 digits or more, `+86 …`, and ambiguous dates (`03/04/2025`) stay text, as written.
 */
import { makeDate, type IsoDate } from '../util/date.js';
import { fromDecimalComma } from './values.js';

/** `e`: one of Excel's error values (`#N/A`), as a CSV field holds it and Excel reads it. */
export type TypedValue = { t: 'n'; v: number } | { t: 'd'; date: IsoDate; time?: string } | { t: 's'; v: string } | { t: 'e'; v: string };

const NUMBER = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$/;
const ISO_DATE = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const CN_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;

/**
 * The type of a field's text. In a file whose decimal mark is a comma (`;`-separated), `1.250` is
 * 1250 and `2,5` is 2.5, as kam's readers take them.
 */
export function typeField(text: string, decimalComma = false): TypedValue {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed !== text) return { t: 's', v: text };
  // Full-width digits (`１２０`, `２０２５年１０月１日`), as every reader takes them (found by a new user: left as text).
  const s = /[\uff0c-\uff19]/.test(trimmed) ? trimmed.normalize('NFKC') : trimmed;
  if (decimalComma) {
    const unsigned = s.replace(/^-/, '');
    const dot = fromDecimalComma(unsigned);
    if (dot !== undefined && !/^0\d/.test(unsigned)) return { t: 'n', v: Number((s.startsWith('-') ? '-' : '') + dot) };
    // `1,250` there is one and a quarter (taken above), never twelve hundred and fifty.
    if (/,/.test(s)) return { t: 's', v: text };
  }
  if (NUMBER.test(s) && /\d/.test(s)) {
    const digits = s.replace(/^-/, '');
    // 007, 0123: codes; 13800138000, 110101199003074512: ids. 0 and 0.5 are numbers.
    if (/^0\d/.test(digits)) return { t: 's', v: text };
    const whole = digits.split('.')[0]!.replace(/,/g, '');
    if (!digits.includes('.') && whole.length >= 11) return { t: 's', v: text };
    const v = Number(s.replace(/,/g, ''));
    // Beyond 15 significant digits a double no longer holds the number as written: keep the text.
    if (!Number.isFinite(v) || digits.replace(/[,.]/g, '').replace(/^0+/, '').length > 15) return { t: 's', v: text };
    return { t: 'n', v };
  }
  const iso = ISO_DATE.exec(s) ?? CN_DATE.exec(s);
  if (iso) {
    const cn = iso.length === 4;
    const date = makeDate(Number(iso[1]), Number(cn ? iso[2] : iso[3]), Number(cn ? iso[3] : iso[4]));
    if (!date) return { t: 's', v: text };
    if (!cn && iso[5] !== undefined) {
      const [h, m, sec] = [Number(iso[5]), Number(iso[6]), Number(iso[7] ?? 0)];
      if (h > 23 || m > 59 || sec > 59) return { t: 's', v: text };
      return { t: 'd', date, time: `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}` };
    }
    return { t: 'd', date };
  }
  return { t: 's', v: text };
}
