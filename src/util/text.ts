/** Text folding used for every comparison of names, headers and codes. */

import { toSimplified, toSimplifiedIfAny } from './hant.js';

const SPACES = /[\s\u00a0\u3000\u2000-\u200b\u202f\u205f\ufeff]+/g;
const PUNCT = /[\s\u00a0\u3000_\-–—.,:;：；，。、·•*#'"`’‘“”()（）[\]【】{}<>《》!！?？/\\|]+/g;

/** Printable ASCII and CJK ideographs: text NFKC leaves as it is (the common case, made fast). */
const PLAIN = /^[\x20-\x7e\u3400-\u4dbf\u4e00-\u9fff]*$/;
const ASCII_SPACES = / {2,}/g;
/** A typographic apostrophe is the typed one (`O’Brien` is `O'Brien`: found by a new user, Word and Outlook write it so). */
const APOSTROPHES = /[\u2018\u2019\u02bc\uff07]/g;

/** A space between two CJK characters: padding (`王\u3000芳`, `张 伟`), not a word break. */
const CJK_SPACE = /(?<=[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]) (?=[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])/g;

/**
 * Folds width, case and runs of spaces: `Ｈｕａ  Wei` and `hua wei` compare equal; a name padded
 * to align, `王\u3000芳` or `张 伟`, compares equal to `王芳` and `张伟` (but `Anna Smith` ≠ `AnnaSmith`);
 * the Traditional characters of kam's vocabulary compare equal to their simplified forms; `’` is `'`.
 */
export function fold(value: string): string {
  let out = PLAIN.test(value) ? value.replace(ASCII_SPACES, ' ').trim().toLowerCase() : value.normalize('NFKC').replace(SPACES, ' ').replace(APOSTROPHES, "'").trim().toLowerCase();
  if (out.includes(' ')) out = out.replace(CJK_SPACE, '');
  // Traditional characters of kam's vocabulary as their simplified forms: 日常跟進 and 日常跟进 are one task,
  // 銷售部 and 销售部 one department (found by a new user: a book in both split an activity in two).
  return toSimplifiedIfAny(out);
}

/**
 * {@link fold} with each text folded once: names repeat down a sheet (an account's rows, a task's
 * activities), and a text seen again is one lookup. Unbounded: for the texts of one book.
 */
export function folder(by: (value: string) => string = fold): (value: string) => string {
  const folded = new Map<string, string>();
  return (value) => {
    let k = folded.get(value);
    if (k === undefined) folded.set(value, (k = by(value)));
    return k;
  };
}

/**
 * A Salesforce record id of 15 characters (`0015g00000AbCdE`): case-sensitive; its key prefix starts with 0 (a standard
 * object's: 001 an account) or a (a custom object's), its sixth character is a 0. (`CUST00000000101` is no such id,
 * and is compared without case: found by review.)
 */
const SALESFORCE_15 = /^[0a][A-Za-z0-9]{4}0[A-Za-z0-9]{9}$/;
const SALESFORCE_SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/**
 * The key of an account's id or name: {@link fold}, but a Salesforce id of 15 characters, whose case tells records
 * apart (`0015g00000AbCdE` and `0015g00000ABCDE` are two accounts), first as its 18-character form, whose last three
 * characters spell the case of the others — so that the two stay two, and each is one with its 18-character id
 * (found by a new user: two accounts of such ids were one, and their rows went to the first).
 */
export function accountKey(value: string): string {
  const text = value.trim();
  if (text.length !== 15 || !SALESFORCE_15.test(text) || !/[A-Za-z]/.test(text)) return fold(value);
  let suffix = '';
  for (let i = 0; i < 3; i++) {
    let flags = 0;
    for (let j = 0; j < 5; j++) {
      const c = text.charCodeAt(i * 5 + j);
      if (c >= 65 && c <= 90) flags |= 1 << j;
    }
    suffix += SALESFORCE_SUFFIX[flags];
  }
  return fold(text + suffix);
}

/** {@link accountKey}, each text folded once. */
export function accountKeyer(): (value: string) => string {
  return folder(accountKey);
}

/** Folds like {@link fold} and drops spaces and punctuation: for headers, sheet names and codes. */
export function foldKey(value: string): string {
  return toSimplified(value.normalize('NFKC').toLowerCase().replace(PUNCT, ''));
}

/** Trims and collapses inner whitespace, keeping the original characters for display. */
export function clean(value: string): string {
  return value.replace(SPACES, ' ').trim();
}

/** True for the placeholders people type into a cell that has no value. */
export function isPlaceholder(value: string): boolean {
  return PLACEHOLDERS.has(fold(value));
}

const PLACEHOLDERS = new Set(['', '-', '--', '---', '—', '——', '/', 'n/a', 'na', '#n/a', 'none', 'null', 'nil', '无', '暂无', '空', '未知', '不详', '待定', 'tbd']);
