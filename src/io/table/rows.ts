/**
 * Rows that are no records: blank rows, totals rows (`合计`), and rows that label rather than
 * record (section labels, notes under a table, sign-off lines).
 */
import { isBlank, type Cell, type RawRow } from '../../model/cell.js';
import { fold, isPlaceholder } from '../../util/text.js';
import { toSimplified } from '../../util/hant.js';

/**
 * Totals rows: `合计`, `总计`, `小计`, `共计` alone or after a scope (`本页合计`, `华东区小计`, `华东区 小计`),
 * with a unit (`总计（万元）`), with what they count or sum (`合计3家`, `总计：3 家`, `合计金额`; found by
 * a new user: `合计3家` was read as an account, the largest, and took the strategic tier); `共3家`;
 * `汇总` and `总和` alone; `Total`, `Grand Total`, `Subtotal`, `Subtotal East`, `East Subtotal`, `Sum`,
 * `Total: 3`, `Total 3 accounts`; Hong Kong's and Taiwan's `合共`, `總數`, `小計：3間`, `合計 HK$`; the
 * rows of statistics under them, `平均`, `平均值`, `平均数`, `最大值`, `占比`, `其中：新客户`, `Average`, `Median` (found by a new user: `平均`
 * under `合计` was an account without a name; `Max` and `Min` alone can be people).
 * `Total SA`, `合计科技有限公司` and `共创科技` are accounts, not totals rows.
 * (Tested on the text folded, its spaces removed.)
 */
const COUNTED = String.raw`\d+(?:家|个|户|位|名|条|项|笔|行|间)(?:客户|记录|账户|公司|数据)?`;
/** A currency after the word (`合計 HK$`, `合計NT$`: Hong Kong's and Taiwan's; found by a new user). */
const CURRENCY = String.raw`(?:hk\$|nt\$|us\$|rmb|cny|hkd|twd|usd|港币|港元|台币|新台币|美元|人民币)?`;
const TOTALS = new RegExp(
  String.raw`^(?:.{0,12}?(?:合计|总计|小计|共计)${CURRENCY}(?:[:：]?${COUNTED}|[:：]\d+)?|合共${CURRENCY}(?:[:：]?${COUNTED}|[:：]\d+)?|共${COUNTED}|汇总|总和|总数|平均[值数]?|均值|最大值|最小值|中位数|占比|其中(?:[:：].{0,20})?|average|mean|median|(?:grand)?totals?(?:[:：]\d+|[:：]?\d+(?:accounts?|customers?|records?|rows?|items?|companies))?|sub-?totals?|.{1,20}sub-?totals?|sum|(?:record)?count(?:[:：]?\d+)?|records?[:：]\d+|avg|summary)(?:[(（][^)）]*[)）])?[:：]?$`,
);
/**
 * `累计` after what it sums (`1-10月累计`, `2025年累计`, `本年累计`): in a row's first filled cell only, as SUMMED — a
 * division of labour's second is its task, and `积分累计` is one (found by a new user: its rows were dropped).
 */
const SCOPED_SUM = new RegExp(String.raw`^.{0,12}?累计${CURRENCY}(?:[(（][^)）]*[)）])?[:：]?$`);
/**
 * `Subtotal East`, `Total - East`, `East Total`, `East Region Total`: a totals row's label with its group beside it,
 * but only in a row without another name or word beside it (found by a new user: `Subtotal Software | Lee, Ann | 40000`
 * is an account with its owner, and was dropped; `East Total` beside its sum was an account). Tested on the text
 * folded with its spaces: `Total - East` is a label, `Total-Care Pharmacy` and `Nutri Total` are names (found by review).
 */
const SUBTOTAL_OF = /^(?:sub-?totals?\s+.{1,20}|totals?\s+[-–—:：]\s*.{1,20}|(?:(?:north|south)[- ]?(?:east|west)|east|west|north|south|central|apac|emea|latam|americas|asia|europe|domestic|international|q[1-4]|h[12]|fy\s?\d{2,4}|\d{4})(?:\s+(?:region|area|territory|team|segment))?\s+totals?)$/;
/** The group a `Subtotal East` row sums (`east`), which the row may repeat in its own column (Region: East; found by review). */
function groupOf(label: string): string {
  return fold(label.replace(/^\s*(?:sub-?\s*)?totals?\s*[-–—:：]?\s*/i, '').replace(/\s*(?:region\s+|area\s+|territory\s+|team\s+|segment\s+)?(?:sub-?\s*)?totals?\s*$/i, ''));
}
/**
 * A text that names something: a run of two letters or more (Latin or Chinese) that is no amount, count, date,
 * placeholder or totals word (`-`, `N/A`, `All`, `$2.0M`, `12/31/2025`, `4 accounts` are not; `Lee, Ann` and `KA005` are).
 */
function namesSomething(text: string): boolean {
  const t = text.trim();
  if (t === '' || isPlaceholder(t) || !/[A-Za-z\u3400-\u9fff]{2,}/.test(t)) return false;
  if (/^(?:all|total|totals|subtotal|grand total|sum|n\/a|none)$/i.test(t)) return false;
  // An amount with its currency and magnitude (`USD 2,000,000.00`, `S$2.0M`, `1,200万元`), or a count (`4 accounts`).
  if (/^[\s(+\-−]*(?:[A-Za-z]{2,3}\$?|[A-Za-z]?\$|[¥￥€£₩₹])?\s*[\d.,]*\d[\d.,]*\s*(?:[kmb]|mm|mn|bn|万|亿|千|元|万元|亿元|[A-Za-z]{3})?\s*\)?\s*$/i.test(t)) return false;
  if (/^\s*[(（]?\s*\d+\s*(?:accounts?|records?|rows?|items?|companies|customers?)\s*[)）]?\s*$/i.test(t)) return false;
  return true;
}
/**
 * What a totals row sums, said after its word (`合计金额`, `本月合计数`): only in a row's first filled
 * cell, where a totals row's label goes — in a division of labour the second is the task, and
 * `核对合计金额` is one (found by review).
 */
const SUMMED = /^.{0,12}?(?:合计|总计|小计|共计)(?:金额|总额|数量|数|额)(?:[(（][^)）]*[)）])?[:：]?$/;

/** True for a row that holds a record: not blank, not a totals row, not a label row. */
export function isRecordRow(row: RawRow): boolean {
  return !isEmptyRow(row) && !isTotalsRow(row) && !isLabelRow(row);
}

export function isEmptyRow(row: RawRow): boolean {
  for (const c of row.cells) if (!isBlank(c)) return false;
  return true;
}

export function isTotalsRow(row: RawRow): boolean {
  let seen = 0;
  let totals = false;
  // The label of `Subtotal East`: a totals row only if no other name is in the row (see SUBTOTAL_OF).
  let label: string | undefined;
  for (const c of row.cells) {
    if (c === undefined) continue;
    // A SUBTOTAL's result anywhere in the row: Excel's Data › Subtotal row (`Alice Chen Count`, `Grand Total`).
    if ((c.t === 's' || c.t === 'n') && c.subtotal) return true;
    // (The words are looked for in the first two cells that hold something.)
    if (totals || label !== undefined || seen >= 2 || isBlank(c)) continue;
    const word = isTotalsCell(c, seen);
    if (word === 'of') label = (c as Extract<Cell, { t: 's' }>).v;
    else if (word) totals = true;
    else seen++;
  }
  if (totals || label === undefined) return totals;
  // (Any other name or word, before the label or after it — an owner — makes the row an account's: `Subtotal Software | Lee, Ann`.)
  const group = groupOf(label);
  for (const c of row.cells) if (c?.t === 's' && c.v !== label && fold(c.v) !== group && namesSomething(c.v)) return false;
  return true;
}

/**
 * The last cell looked at first and second in a row, and whether it is a totals word: the rows
 * of an account repeat its id and name, one cell object for one shared string (cells are never
 * changed), so most rows are known without a regular expression.
 */
const lastCells: (Cell | undefined)[] = [undefined, undefined];
const lastTotals: (boolean | 'of')[] = [false, false];

/** Whether a cell is a totals word; `of` for `Subtotal East`, a totals row only where no other text is in it. */
function isTotalsCell(c: Cell, at: number): boolean | 'of' {
  if (c === lastCells[at]) return lastTotals[at]!;
  const spaced = c.t === 's' && c.v.length <= 32 && TOTALS_WORD.test(c.v) ? toSimplified(fold(c.v)) : undefined;
  const text = spaced?.replace(/\s+/g, '');
  const totals = text !== undefined && (TOTALS.test(text) || (at === 0 && (SUMMED.test(text) || SCOPED_SUM.test(text)))) ? true : spaced !== undefined && SUBTOTAL_OF.test(spaced) ? 'of' : false;
  lastCells[at] = c;
  lastTotals[at] = totals;
  return totals;
}

/**
 * Section labels: `一、华东区`, `（二）华南`, `第三部分`, `二. 重点客户`, and numbered or bracketed
 * ones followed by Chinese: `1. 华东区`, `A. 西部`, `【华北区】`, `[华南区]`.
 */
const SECTION = /^(?:[一二三四五六七八九十百壹贰叁参肆伍陆柒捌玖拾佰]+\s*[、.．]|[（(][一二三四五六七八九十百壹贰叁参肆伍陆柒捌玖拾佰]+[)）]|第[一二三四五六七八九十百\d]+\s*[部分章节类组区]|(?:\d{1,2}|[A-Za-z])\s*[、.．]\s*[\u4e00-\u9fff]|[【[［][^】\]］]{1,20}[】\]］]$)/;
/** Notes under a table: `注：…`, `备注：…`, `说明：…`, `单位：万元`, `* …`, `Note: …`. */
const NOTE = /^(?:注\s*\d*|注释|附注|备注|说明|填表说明|单位|数据来源|资料来源|来源|notes?|remarks?|source)\s*[:：]|^[*※]|^[(（]?以下空白[)）]?$|^以上(?:金额|数据|资料|数字)(?:均|皆|全|都|为|系|已|仅|不|含|单位).{0,28}$|^(?:资料|数据)截至\s*(?:\d|[一二三四五六七八九十]|民国|本|今|目前|当前).{0,28}$|^机密(?:文件|资料)(?:\s*[，,。：:、!！—-]|\s*请勿|$)/i;
/** Sign-off lines: `制表人：王芳`, `审核：…`, `日期：2025-11-15`, `Prepared by: …`. */
const SIGN_OFF = /^(?:制表人?|填表人?|填报人|填报单位|编制人?|审核人?|复核人?|覆核人?|核准人?|批准人?|审批人?|经办人?|主管(?:签核)?|签核人?|.{0,4}签字|.{0,4}签名|.{0,4}盖章|日期|填表日期|填报日期|制表日期|编制日期|列印日期|打印日期|更新日期|prepared by|reviewed by|approved by|checked by|date)\s*[:：]/i;

/** A region's name as a row of its own in the name column (`华东区`, `华南大区`, `East Region`): a section label. */
const REGION = /^(?:(?:华东|华南|华北|华中|华西|西南|西北|东北|东南|东部|西部|南部|北部|中部|北方|南方|港澳台?|海外)(?:区|大区|地区|区域|片区|战区)|(?:east|west|north|south|central|north-?east|north-?west|south-?east|south-?west|apac|emea|latam|americas)\s+region)$/i;

/** What a section's row may hold beside its label: its count (`共2家`, `3家`). */
const COUNT_NOTE = new RegExp(String.raw`^\s*(?:共|合计)?\s*${COUNTED}\s*$`);

/**
 * A row that labels rather than records (issue 9): one text, alone or repeated across a merged
 * range, that is a section label, a note or a sign-off; or a row of sign-off texts only
 * (`制表人：王芳 | 审核人：李强 | 日期：…`). A section label may have its subtotals or its count beside
 * it (`一、华东区 | | | 2470`, found by a new user: read as an account, it took a real one's tier).
 * An account row with only its name filled is not one.
 */
function isLabelRow(row: RawRow): boolean {
  let first: string | undefined;
  let signOffs = false;
  let sums = false;
  let repeats = 0;
  // Whether the first text is a section's label that may have sums beside it: asked once, when it matters (no function made per row).
  let section: boolean | undefined;
  for (const c of row.cells) {
    if (isBlank(c)) continue;
    if (first === undefined) {
      if (c!.t !== 's') return false;
      first = c!.v;
    } else if (c!.v === first) repeats++;
    else if (c!.t !== 's') {
      // A number after the first text: a section's subtotal, or a record (one test of the label, then no more).
      if (!(section ??= sectionWithSums(simplified(first)))) return false;
      sums = true;
    } else {
      // A sign-off has its colon (a cheap look first: every record row with two texts comes here).
      if (!(c!.v.includes(':') || c!.v.includes('：')) || !SIGN_OFF.test(toSimplified(c!.v.trim()))) {
        // A section's count beside it (`共2家`), once the label is known to be one.
        // (Or anything beside a section's label merged across the table: a legend's cells beside it.)
        if ((repeats >= 2 || COUNT_NOTE.test(toSimplified(c!.v))) && (section ??= sectionWithSums(simplified(first)))) {
          sums = true;
          continue;
        }
        return false;
      }
      signOffs = true;
    }
  }
  if (first === undefined) return false;
  const text = simplified(first);
  if (sums) return !signOffs;
  if (signOffs) return SIGN_OFF.test(text);
  // One text merged across three columns or more, nothing else (`Figures unaudited` under the table): a note or a
  // title, never a record, whose name and numbers would all be that text (found by a new user: an account, and
  // kam tier --write wrote its tier there).
  if (repeats >= 2) return true;
  return SECTION.test(text) || NOTE.test(text) || SIGN_OFF.test(text) || isRegion(text);
}

/**
 * A section label that may have sums beside it: numbered in words or brackets (`一、华东区`, `（二）华南`,
 * `第三部分`, `【华北区】`), or a region (`1. 华东区`, `华南大区`); not `1. 华东精密` (an account's name
 * with its number, as some books write it, with its revenue beside).
 */
function sectionWithSums(text: string): boolean {
  if (!SECTION.test(text)) return isRegion(text);
  return !/^(?:\d{1,2}|[A-Za-z])\s*[、.．]/.test(text) || /(?:区|大区|地区|区域|片区|部分)$/.test(text);
}

function isRegion(text: string): boolean {
  return REGION.test(text.replace(/\s+/g, ' '));
}

/** Traditional forms read the same: 註：, 備註：, 說明：, 單位：, 製表人：, 審核人：. */
function simplified(text: string): string {
  return toSimplified(text.trim()).replace(/^製/, '制');
}

/**
 * What exports write under a table (found by a new user: read as accounts, they moved the tiers):
 * `Copyright (c) 2000-2025 salesforce.com…`, `Confidential Information - Do Not Distribute`,
 * `Generated By: …`, `Exported by: …`, `Report generated …`, `导出人：…`, `导出时间：…`, `打印时间：…`,
 * `共 3 条记录`, `Total records: 3`.
 */
const FOOTER = /^(?:copyright\b|©|\(c\)\s*\d{4}|confidential\b|all rights reserved|generated\s+(?:by|on|at)\b|report\s+generated\b|run\s+(?:by|on|at)\s*[:：]|exported?\s+(?:by|on|at|date|time)\b|printed\s+(?:by|on|at)\b|(?:导出|打印|生成|下载)(?:人|者|时间|日期|于)\s*[:：]|报表生成|数据截止|共\s*\d+\s*(?:条|行|个|家)(?:记录|数据|客户)?\s*$|total\s+records?\s*[:：]?\s*\d+\s*$)/i;

/**
 * Titles of a legend or a summary under a table (found by a new user: `等级说明` over `战略 | 前10%`
 * rows, `图例：` over `R | 负责：具体执行`, `按负责人汇总` over a table of people, each read as accounts
 * or activities): `…说明`, `图例`, `…释义`, `…对照表`, `按…汇总`, `…统计表`, `Legend`, `Notes`, `Summary by …`.
 */
const LEGEND = /^(?:.{0,10}(?:说明|图例|释义|注释|对照表?|定义)(?:表)?|.{1,10}(?:汇总|统计)表?|legend|raci legend|glossary|definitions?|notes|summary(?: by .{1,30})?)\s*[:：]?$/i;

/** A row whose one text (alone, or across a merged range) titles a legend or a summary: the table above it ends there. */
export function isLegendRow(row: RawRow): boolean {
  const text = onlyText(row);
  return text !== undefined && LEGEND.test(toSimplified(text.trim()));
}

/** A row of one text that exports write under a table: the rows of one text after it are the export's too (`Acme Demo Org`). */
export function isFooterRow(row: RawRow): boolean {
  const text = onlyText(row);
  return text !== undefined && FOOTER.test(toSimplified(text.trim()));
}

/** The text of a row whose filled cells are one text (alone, or repeated across a merged range); else undefined. */
export function onlyText(row: RawRow): string | undefined {
  let text: string | undefined;
  for (const c of row.cells) {
    if (isBlank(c)) continue;
    if (c!.t !== 's' || (text !== undefined && c!.v !== text)) return undefined;
    text = c!.v;
  }
  return text;
}

/** A cheap first look (every row is tested): the words of TOTALS hold one of these. */
const TOTALS_WORD = /[计計汇彙总總共均值位比其]|total|sum|average|mean|median|count|records?\b|avg/i;
