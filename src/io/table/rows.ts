/**
 * Rows that are no records: blank rows, totals rows (`合计`), and rows that label rather than
 * record (section labels, notes under a table, sign-off lines).
 */
import { isBlank, type RawRow } from '../../model/cell.js';
import { fold } from '../../util/text.js';

const TOTALS = /^(?:合计|总计|小计|共计|汇总|总和|total|totals|grand total|subtotal|sum)[:：]?$/;

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
    if (c!.t === 's' && c!.v.length <= 24 && TOTALS_FIRST.test(c!.v) && TOTALS.test(fold(c!.v).replace(/\s+/g, ''))) return true;
    if (++seen >= 2) return false;
  }
  return false;
}

/** Section labels: `一、华东区`, `（二）华南`, `第三部分`, `二. 重点客户`. */
const SECTION = /^(?:[一二三四五六七八九十百]+\s*[、.．]|[（(][一二三四五六七八九十百]+[)）]|第[一二三四五六七八九十百\d]+\s*[部分章节类组区])/;
/** Notes under a table: `注：…`, `备注：…`, `说明：…`, `单位：万元`, `* …`, `Note: …`. */
const NOTE = /^(?:注\s*\d*|注释|附注|备注|说明|填表说明|单位|数据来源|来源|notes?|remarks?|source)\s*[:：]|^[*※]/i;
/** Sign-off lines: `制表人：王芳`, `审核：…`, `日期：2025-11-15`, `Prepared by: …`. */
const SIGN_OFF = /^(?:制表人?|填表人?|编制人?|审核人?|复核人?|批准人?|审批人?|签字|日期|填表日期|制表日期|编制日期|prepared by|reviewed by|approved by|checked by|date)\s*[:：]/i;

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
      if (!SIGN_OFF.test(c!.v.trim())) return false;
      signOffs = true;
    }
  }
  if (first === undefined) return false;
  const text = first.trim();
  if (signOffs) return SIGN_OFF.test(text);
  return SECTION.test(text) || NOTE.test(text) || SIGN_OFF.test(text);
}

/** A cheap first look (every row is tested): the words of TOTALS start with one of these. */
const TOTALS_FIRST = /^[\s\u3000]*[合总小共汇TtSsＴｔＳｓ]/;
