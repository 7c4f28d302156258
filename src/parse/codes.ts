/** Normalisers for the coded columns of the Assignments sheet: RACI letters, frequency, status. */
import { own } from '../util/own.js';
import { toSimplified } from '../util/hant.js';
import type { Cell } from '../model/cell.js';
import { fold } from '../util/text.js';
import type { Parsed } from './values.js';
import { cnNumber } from './numerals.js';
import { PER_WEEK, RACI, type Frequency, type FrequencyWord, type RaciLetter, type Status } from '../model/codes.js';


const RACI_WORDS: Record<string, RaciLetter> = {
  r: 'R', responsible: 'R', responsibility: 'R', 负责: 'R', 执行: 'R', 主责: 'R', 负责人: 'R', 责任人: 'R', 执行人: 'R', 主办: 'R', 承办: 'R',
  a: 'A', accountable: 'A', approver: 'A', approve: 'A', 批准: 'A', 核准: 'A', 核准人: 'A', 审批: 'A', 审核: 'A', 决策: 'A', 问责: 'A', 签批: 'A', 审批人: 'A', 批准人: 'A', 审核人: 'A', 当责: 'A', 当责人: 'A',
  c: 'C', consulted: 'C', consult: 'C', 咨询: 'C', 协助: 'C', 协作: 'C', 配合: 'C', 征询: 'C',
  i: 'I', informed: 'I', inform: 'I', 知会: 'I', 通知: 'I', 知悉: 'I', 告知: 'I', 抄送: 'I', 知情: 'I', 知情人: 'I', 被告知: 'I', 抄送人: 'I',
  咨询人: 'C', 协助人: 'C', 配合人: 'C',
  // `cc` is English for 抄送, kept informed (found by a new user: read as the letters C and C, consulted).
  cc: 'I',
};

/** Reads `R`, `A`, `负责`, `审批`, `知会`, `Accountable`, or several (`R/A`, `R、A`, `RA`). */
export function parseRaci(cell: Cell | undefined): Parsed<number> | undefined {
  if (cell === undefined) return undefined;
  if (cell.t !== 's') return cell.t === 'e' ? { ok: false, reason: `error:${cell.v}` } : { ok: false, reason: 'raci' };
  // `(A)`, `[R]`, `【A】`: the letters in brackets, not a gloss (found by a new user: `(A)` read as no letter, its row's R).
  const folded = toSimplified(fold(cell.v)).trim();
  const bracketed = /^(?:\(([^()]+)\)|\[([^[\]]+)\]|【([^【】]+)】)$/.exec(folded);
  if (bracketed) {
    // (Only letters: `(无)`, `(空)` stay what they were, nobody's; found by review.)
    const inner = parseRaci({ t: 's', v: (bracketed[1] ?? bracketed[2] ?? bracketed[3])! });
    if (inner?.ok) return inner;
  }
  // `R（负责）`, `A-审批`, `R: 执行`: the letter and its gloss say the same; drop the gloss in brackets.
  const f = folded.replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】/g, ' ').trim();
  if (f === '') return undefined;
  const whole = own(RACI_WORDS, f);
  if (whole) return { ok: true, value: RACI[whole] };
  const run = /^[raci]{2,4}$/.test(f);
  // (Letters run together each once, `RA`, `ARC`: a letter twice, `RR`, is no reading of anything.)
  if (run && new Set(f).size < f.length) return { ok: false, reason: 'raci' };
  const parts = run ? f.split('') : f.split(/[\s/,，、;；:+&|\-和与及]+/).filter((p) => p !== '');
  let mask = 0;
  for (const p of parts) {
    const letter = own(RACI_WORDS, p);
    if (!letter) return glossed(f) ?? { ok: false, reason: 'raci' };
    mask |= RACI[letter];
  }
  return mask === 0 ? { ok: false, reason: 'raci' } : { ok: true, value: mask };
}

/**
 * A matrix cell that says nobody holds a letter there: `-`, `—`, `/`, `.`, `N/A`, `0` (found by a new user: a column of
 * a person's few letters among dashes was no person's, and their R were lost). Read as an empty cell.
 */
export function isNoLetter(cell: Cell | undefined): boolean {
  if (cell === undefined) return false;
  if (cell.t === 'n') return cell.v === 0 && !cell.date;
  return cell.t === 's' && NO_LETTER.has(fold(cell.v).trim());
}

const NO_LETTER = new Set(['-', '--', '---', '—', '——', '–', '/', '.', '0', 'n/a', 'na', '#n/a', '无']);

/**
 * Letters with a gloss in words after a dash or a colon (`R - does the work`, `A: signs off`; found by a new user):
 * the letters, when no word of the gloss is another letter's.
 */
function glossed(f: string): Parsed<number> | undefined {
  // (The gloss in English words, two or more: not a name `R - 张三`, a number `C: 3`, a letter `A - B` or a placeholder.)
  const m = /^([raci](?:\s*[/,、]\s*[raci])*)\s*[-–—:：]\s*([a-z][a-z'’]*(?:\s+[a-z][a-z'’]*)+)$/.exec(f);
  if (!m) return undefined;
  let mask = 0;
  for (const l of m[1]!.replace(/[\s/,、]/g, '')) mask |= RACI[RACI_WORDS[l]!];
  for (const word of m[2]!.split(/\s+/)) {
    if (NOT_GLOSS.has(word)) return undefined;
    // (One-letter words are English, not letters: `R - does a review`.)
    const letter = word.length === 1 ? undefined : own(RACI_WORDS, word);
    if (letter && (RACI[letter] & mask) === 0) return undefined;
  }
  return { ok: true, value: mask };
}

/** Words that say a gloss is no gloss: nobody holds the letter (`R - not needed`, `A - to be decided`). */
const NOT_GLOSS = new Set(['not', 'no', 'none', 'nobody', 'tbd', 'tba', 'decided', 'unknown', 'unassigned', 'vacant', 'n/a', 'na']);

const FREQUENCY_WORDS: Record<string, Exclude<FrequencyWord, 'custom'> | 'once'> = {
  每天: 'daily', 每日: 'daily', 天: 'daily', 日: 'daily', 每个工作日: 'daily', 工作日: 'daily', daily: 'daily', 'every day': 'daily', day: 'daily',
  每周: 'weekly', 每星期: 'weekly', 每周一: 'weekly', 每周二: 'weekly', 每周三: 'weekly', 每周四: 'weekly', 每周五: 'weekly', 每周六: 'weekly', 每周日: 'weekly', 每周天: 'weekly', 周一: 'weekly', 周二: 'weekly', 周三: 'weekly', 周四: 'weekly', 周五: 'weekly', 周: 'weekly', 每礼拜: 'weekly', 周度: 'weekly', weekly: 'weekly', 'every week': 'weekly', week: 'weekly',
  每两周: 'biweekly', 每2周: 'biweekly', 双周: 'biweekly', 隔周: 'biweekly', 半月: 'biweekly', 每半月: 'biweekly', biweekly: 'biweekly', 'bi-weekly': 'biweekly', fortnightly: 'biweekly', 'every two weeks': 'biweekly', 'every 2 weeks': 'biweekly',
  每月: 'monthly', 每个月: 'monthly', 月: 'monthly', 月度: 'monthly', monthly: 'monthly', 'every month': 'monthly', month: 'monthly',
  每季度: 'quarterly', 每季: 'quarterly', 季度: 'quarterly', 季: 'quarterly', quarterly: 'quarterly', 'every quarter': 'quarterly', quarter: 'quarterly',
  每半年: 'half-yearly', 半年: 'half-yearly', 半年度: 'half-yearly', 'half-yearly': 'half-yearly', semiannual: 'half-yearly', 'semi-annual': 'half-yearly', semiannually: 'half-yearly', biannual: 'half-yearly', 'twice a year': 'half-yearly',
  每年: 'yearly', 年度: 'yearly', 每年度: 'yearly', 年: 'yearly', yearly: 'yearly', annual: 'yearly', annually: 'yearly', 'every year': 'yearly', year: 'yearly',
  一次: 'once', 一次性: 'once', 单次: 'once', 临时: 'once', 不定期一次: 'once', once: 'once', 'one-off': 'once', 'one off': 'once', oneoff: 'once', 'one time': 'once', 'one-time': 'once', adhoc: 'once', 'ad hoc': 'once', 'ad-hoc': 'once',
};

const UNIT_WEEKS: Record<string, number> = {
  天: 1 / 5, 日: 1 / 5, 工作日: 1 / 5, day: 1 / 5,
  周: 1, 星期: 1, week: 1,
  月: 52 / 12, month: 52 / 12,
  季度: 13, 季: 13, quarter: 13,
  年: 52, year: 52,
};

/** Reads 每周, 每两周, 每季度, 一次, weekly, once, and counts such as 每周2次, 2次/月, 3 times a week. */
export function parseFrequency(cell: Cell | undefined): Parsed<Frequency> | undefined {
  if (cell === undefined) return undefined;
  if (cell.t !== 's') return cell.t === 'e' ? { ok: false, reason: `error:${cell.v}` } : { ok: false, reason: 'frequency' };
  const f = toSimplified(fold(cell.v)).replace(/\s+/g, ' ');
  if (f === '') return undefined;
  const word = own(FREQUENCY_WORDS, f) ?? own(FREQUENCY_WORDS, f.replace(/\s/g, ''));
  if (word === 'once') return { ok: true, value: { kind: 'once' } };
  if (word) return { ok: true, value: { kind: 'recurring', perWeek: PER_WEEK[word], word } };
  let count: number | undefined;
  let unit: string | undefined;
  let every = 1;
  const n = '(\\d+(?:\\.\\d+)?|[一二两三四五六七八九十半]+)';
  const u = '(个工作日|工作日|天|日|个星期|星期|周|个月|月|个季度|季度|季|年)';
  // 每周一次, 每周2次, 每两周一次, 每3个月1次, 一周两次, 2次/月, 每季度一次, 每年两次; 2周1次; every 3 weeks
  let m = new RegExp(`^(?:每|一)\\s*${n}?\\s*${u}\\s*(?:${n}\\s*次)?$`).exec(f);
  if (m) [every, unit, count] = [m[1] ? cnNumber(m[1]) : 1, m[2], m[3] ? cnNumber(m[3]) : 1];
  else if ((m = new RegExp(`^${n}\\s*次\\s*[/每]\\s*${u}$`).exec(f))) [count, unit] = [cnNumber(m[1]!), m[2]];
  // 2周1次, 两周一次, 3个月1次, 周2次 (no 每: found by a new user)
  else if ((m = new RegExp(`^${n}?\\s*${u}\\s*${n}\\s*次$`).exec(f))) [every, unit, count] = [m[1] ? cnNumber(m[1]) : 1, m[2], cnNumber(m[3]!)];
  // every 3 weeks, every other month
  else if ((m = /^every\s*(\d+|other)\s*(day|week|month|quarter|year)s?$/.exec(f))) [every, unit, count] = [m[1] === 'other' ? 2 : Number(m[1]), m[2], 1];
  else if ((m = /^(\d+(?:\.\d+)?|once|twice)\s*(?:times?|x)?\s*(?:a|per|\/|every)\s*(day|week|month|quarter|year)$/.exec(f))) {
    [count, unit] = [m[1] === 'once' ? 1 : m[1] === 'twice' ? 2 : Number(m[1]), m[2]];
  }
  const weeks = unit === undefined ? undefined : own(UNIT_WEEKS, unit.replace(/^个/, ''));
  if (count !== undefined && weeks !== undefined && count > 0 && every > 0) {
    return { ok: true, value: { kind: 'recurring', perWeek: count / (every * weeks), word: 'custom' } };
  }
  return { ok: false, reason: 'frequency' };
}

const STATUS_WORDS: Record<string, Status> = {
  未开始: 'todo', 待办: 'todo', 待开始: 'todo', 计划中: 'todo', 未启动: 'todo', 待处理: 'todo', todo: 'todo', 'to do': 'todo', 'not started': 'todo', planned: 'todo', open: 'todo', new: 'todo',
  进行中: 'doing', 处理中: 'doing', 执行中: 'doing', 跟进中: 'doing', 持续: 'doing', 持续进行: 'doing', 正常: 'doing', doing: 'doing', 'in progress': 'doing', ongoing: 'doing', active: 'doing', wip: 'doing',
  已完成: 'done', 完成: 'done', 已结束: 'done', 结束: 'done', 已结案: 'done', 结案: 'done', 已关闭: 'done', 关闭: 'done', done: 'done', completed: 'done', complete: 'done', finished: 'done', closed: 'done',
  // Delayed work is still to be done (its due date says how late): in progress.
  延期: 'doing', 已延期: 'doing', 延迟: 'doing', 已延迟: 'doing', 延期中: 'doing', 推迟: 'doing', 已推迟: 'doing', 延后: 'doing', 逾期: 'doing', 已逾期: 'doing', delayed: 'doing', postponed: 'doing', overdue: 'doing', late: 'doing',
  已取消: 'cancelled', 取消: 'cancelled', 作废: 'cancelled', 已作废: 'cancelled', 撤销: 'cancelled', 已撤销: 'cancelled', 终止: 'cancelled', 已终止: 'cancelled', cancelled: 'cancelled', canceled: 'cancelled', dropped: 'cancelled', void: 'cancelled',
  暂停: 'paused', 已暂停: 'paused', 暂缓: 'paused', 搁置: 'paused', 已搁置: 'paused', 挂起: 'paused', 中止: 'paused', paused: 'paused', 'on hold': 'paused', hold: 'paused', suspended: 'paused',
};

/** Reads 未开始 / 进行中 / 已完成 / 暂停 and todo / doing / done / paused (and common synonyms). */
export function parseStatus(cell: Cell | undefined): Parsed<Status> | undefined {
  if (cell === undefined) return undefined;
  if (cell.t === 'b') return { ok: true, value: cell.v ? 'done' : 'todo' };
  if (cell.t !== 's') return cell.t === 'e' ? { ok: false, reason: `error:${cell.v}` } : { ok: false, reason: 'status' };
  const f = toSimplified(fold(cell.v)).replace(/\s+/g, ' ');
  if (f === '') return undefined;
  const s = own(STATUS_WORDS, f) ?? own(STATUS_WORDS, f.replace(/[\s_-]/g, ' '));
  return s ? { ok: true, value: s } : { ok: false, reason: 'status' };
}
