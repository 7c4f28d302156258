/**
 * Rows that are no records: blank rows, totals rows (`合计`), and rows that label rather than
 * record (section labels, notes under a table, sign-off lines).
 */
import { isBlank, type Cell, type RawRow } from '../../model/cell.js';
import { fold } from '../../util/text.js';
import { toSimplified } from '../../util/hant.js';

/**
 * Totals rows: `合计`, `总计`, `小计`, `共计` alone or after a scope (`本页合计`, `华东区小计`, `华东区 小计`)
 * and with a unit (`总计（万元）`); `汇总` and `总和` alone; `Total`, `Grand Total`, `Subtotal`,
 * `Subtotal East`, `East Subtotal`, `Sum`. `Total SA` is an account, not a totals row.
 */
const TOTALS = /^(?:.{0,12}?(?:合计|总计|小计|共计)|汇总|总和|(?:grand)?totals?|sub-?totals?(?:.{0,20})?|.{1,20}sub-?totals?|sum)(?:[(（][^)）]*[)）])?[:：]?$/;

/** True for a row that holds a record: not blank, not a totals row, not a label row. */
export function isRecordRow(row: RawRow): boolean {
  return !isEmptyRow(row) && !isTotalsRow(row) && !isLabelRow(row);
}

export function isEmptyRow(row: RawRow): boolean {
  for (const c of row.cells) if (!isBlank(c)) return false;
  return true;
}

function isTotalsRow(row: RawRow): boolean {
  let seen = 0;
  for (const c of row.cells) {
    if (isBlank(c)) continue;
    if (isTotalsCell(c!, seen)) return true;
    if (++seen >= 2) return false;
  }
  return false;
}

/**
 * The last cell looked at first and second in a row, and whether it is a totals word: the rows
 * of an account repeat its id and name, one cell object for one shared string (cells are never
 * changed), so most rows are known without a regular expression.
 */
const lastCells: (Cell | undefined)[] = [undefined, undefined];
const lastTotals = [false, false];

function isTotalsCell(c: Cell, at: number): boolean {
  if (c === lastCells[at]) return lastTotals[at]!;
  const totals = c.t === 's' && c.v.length <= 32 && TOTALS_WORD.test(c.v) && TOTALS.test(toSimplified(fold(c.v)).replace(/\s+/g, ''));
  lastCells[at] = c;
  lastTotals[at] = totals;
  return totals;
}

/**
 * Section labels: `一、华东区`, `（二）华南`, `第三部分`, `二. 重点客户`, and numbered or bracketed
 * ones followed by Chinese: `1. 华东区`, `A. 西部`, `【华北区】`, `[华南区]`.
 */
const SECTION = /^(?:[一二三四五六七八九十百]+\s*[、.．]|[（(][一二三四五六七八九十百]+[)）]|第[一二三四五六七八九十百\d]+\s*[部分章节类组区]|(?:\d{1,2}|[A-Za-z])\s*[、.．]\s*[\u4e00-\u9fff]|[【[［][^】\]］]{1,20}[】\]］]$)/;
/** Notes under a table: `注：…`, `备注：…`, `说明：…`, `单位：万元`, `* …`, `Note: …`. */
const NOTE = /^(?:注\s*\d*|注释|附注|备注|说明|填表说明|单位|数据来源|来源|notes?|remarks?|source)\s*[:：]|^[*※]/i;
/** Sign-off lines: `制表人：王芳`, `审核：…`, `日期：2025-11-15`, `Prepared by: …`. */
const SIGN_OFF = /^(?:制表人?|填表人?|填报人|填报单位|编制人?|审核人?|复核人?|批准人?|审批人?|.{0,4}签字|.{0,4}签名|.{0,4}盖章|日期|填表日期|填报日期|制表日期|编制日期|prepared by|reviewed by|approved by|checked by|date)\s*[:：]/i;

/**
 * A row that labels rather than records (issue 9): one text, alone or repeated across a merged
 * range, that is a section label, a note or a sign-off; or a row of sign-off texts only
 * (`制表人：王芳 | 审核人：李强 | 日期：…`). An account row with only its name filled is not one.
 */
function isLabelRow(row: RawRow): boolean {
  let first: string | undefined;
  let signOffs = false;
  for (const c of row.cells) {
    if (isBlank(c)) continue;
    if (c!.t !== 's') return false;
    if (first === undefined) first = c!.v;
    else if (c!.v !== first) {
      // A sign-off has its colon (a cheap look first: every record row with two texts comes here).
      if (!(c!.v.includes(':') || c!.v.includes('：')) || !SIGN_OFF.test(toSimplified(c!.v.trim()))) return false;
      signOffs = true;
    }
  }
  if (first === undefined) return false;
  // Traditional forms read the same: 註：, 備註：, 說明：, 單位：, 製表人：, 審核人：.
  const text = toSimplified(first.trim()).replace(/^製/, '制');
  if (signOffs) return SIGN_OFF.test(text);
  return SECTION.test(text) || NOTE.test(text) || SIGN_OFF.test(text);
}

/** A cheap first look (every row is tested): the words of TOTALS hold one of these. */
const TOTALS_WORD = /[计計汇彙总總]|total|sum/i;
