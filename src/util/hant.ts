/**
 * Traditional Chinese and its simplified forms: `客戶名稱`, `年採購額`, `負責人` are matched as `客户名称`,
 * `年采购额`, `负责人`, and names compare alike in either script. kam's own words in a Traditional book
 * are written back by the vocabulary's characters below (PAIRS), which are also the first the table has.
 */
import TS_CHARACTERS from 'opencc-js/dict/TSCharacters';

const PAIRS =
  '幣币陣阵費费調调崗岗彙汇領领辦办劃划説说鍵键細细確确訂订術术訴诉顧顾談谈續续據据決决問问籤签協协徵征禮礼兩两雙双臨临啟启啓启結结關关閉闭遲迟廢废終终暫暂擱搁掛挂離离無无戶户稱称採采購购額额負负責责務务單单編编號号碼码區区經经業业銷销營营約约價价與与開开時时間间戰战滿满聯联繫系係系級级別别類类員员職职門门週周數数狀状態态進进執执頻频節节點点預预計计鎖锁備备註注說说電电話话機机郵邮項项對对應应標标準准規规則则設设參参績绩評评萬万總总歲岁個个團团隊队審审諮咨詢询會会檢检報报維维護护優优質质簽签達达處处體体實实際际當当後后訪访蹤踪複复盤盘現现動动資资訊讯導导額额貢贡獻献額额齡龄與与職职稱称務务屬属類类狀状況况頁页表表歷历綫线線线專专門门組组長长內内內内觀观現现況况為为擔担檔档級级緩缓億亿鐘钟頭头給给';

const MAP = new Map<string, string>();
for (let i = 0; i + 1 < PAIRS.length; i += 2) MAP.set(PAIRS[i]!, PAIRS[i + 1]!);
// (Not `表`, written alike in both: a sheet titled `制表：刘洋` is no Traditional book; found by a new user.)
const ANY = new RegExp(`[${[...MAP].flatMap(([t, s]) => (t !== s ? [t] : [])).join('')}]`, 'g');

/**
 * Every Traditional character OpenCC knows (its TSCharacters table, ~3,500 characters, `opencc-js`:
 * kam does not keep a table of its own), by its simplified form; only where the two differ. Keys of
 * names compare through it: 陳大文 and 陈大文, 九龍 and 九龙 are one person, one account (found by a
 * new user: a Staff sheet in Traditional and rows typed in Simplified were unknown people).
 *
 * By code unit: TRADITIONAL says 1 (a character of the BMP whose simplified form is SIMPLE's), 2 (look
 * it up in OTHER: a form past the BMP, or the high surrogate of a character past it), 0 neither. Made
 * by one loop over the table's text (~0.5 ms; a Map of every pair took ~2.7 ms of every run).
 */
const TRADITIONAL = new Uint8Array(65536);
const SIMPLE = new Uint16Array(65536);
const OTHER = new Map<string, string>();

function addPair(t: string, s: string): void {
  if (t === s) return;
  const unit = t.charCodeAt(0);
  if (t.length === 1 && s.length === 1) {
    if (TRADITIONAL[unit] !== 0) return;
    TRADITIONAL[unit] = 1;
    SIMPLE[unit] = s.charCodeAt(0);
  } else if (!OTHER.has(t) && (t.length > 1 || TRADITIONAL[unit] === 0)) {
    OTHER.set(t, s);
    TRADITIONAL[unit] = 2;
  }
}
// kam's vocabulary first (the same pairs), then OpenCC's table: `T S|T S|…`.
for (const [t, s] of MAP) addPair(t, s);
for (let i = 0; i < TS_CHARACTERS.length; ) {
  let end = TS_CHARACTERS.indexOf('|', i);
  if (end < 0) end = TS_CHARACTERS.length;
  const space = TS_CHARACTERS.indexOf(' ', i);
  if (space > i && space < end) {
    if (space === i + 1 && end === space + 2) addPair(TS_CHARACTERS[i]!, TS_CHARACTERS[space + 1]!);
    else addPair(TS_CHARACTERS.slice(i, space), TS_CHARACTERS.slice(space + 1, end));
  }
  i = end + 1;
}

/** The text with every Traditional character of the table in its simplified form. */
export function toSimplified(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const kind = TRADITIONAL[unit];
    if (kind === 0) continue;
    let s: string | undefined;
    let length = 1;
    if (kind === 1) s = String.fromCharCode(SIMPLE[unit]!);
    else {
      s = OTHER.get(text[i]!);
      if (s === undefined && i + 1 < text.length) {
        s = OTHER.get(text.slice(i, i + 2));
        length = 2;
      }
    }
    if (s === undefined) continue;
    out += text.slice(from, i) + s;
    from = i + length;
    i += length - 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** {@link toSimplified}, with the text as it is when it has none of them (the usual case: names are folded row by row). */
export function toSimplifiedIfAny(text: string): string {
  for (let i = 0; i < text.length; i++) if (TRADITIONAL[text.charCodeAt(i)] !== 0) return toSimplified(text);
  return text;
}

const BACK = new Map<string, string>();
for (const [t, s] of MAP) if (!BACK.has(s)) BACK.set(s, t);
const ANY_SIMPLIFIED = new RegExp(`[${[...BACK.keys()].join('')}]`, 'g');

/** True when the text has a traditional character of the vocabulary (a book kept in Traditional Chinese). */
export function isTraditional(text: string): boolean {
  ANY.lastIndex = 0;
  return ANY.test(text);
}

/** The text with the simplified characters of the vocabulary in their traditional form (kam's own words in a Traditional book). */
export function toTraditional(text: string): string {
  return text.replace(ANY_SIMPLIFIED, (ch) => BACK.get(ch)!);
}
