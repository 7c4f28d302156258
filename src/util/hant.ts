/**
 * Traditional Chinese characters of spreadsheet headers, sheet names and codes, and their
 * simplified forms: `客戶名稱`, `年採購額`, `負責人` are matched as `客户名称`, `年采购额`, `负责人`.
 * Only the characters such words use — a header vocabulary, not a general converter.
 */
const PAIRS =
  '幣币陣阵費费調调崗岗彙汇領领辦办劃划説说鍵键細细確确訂订術术訴诉顧顾談谈續续據据決决問问籤签協协徵征禮礼兩两雙双臨临啟启啓启結结關关閉闭遲迟廢废終终暫暂擱搁掛挂離离無无戶户稱称採采購购額额負负責责務务單单編编號号碼码區区經经業业銷销營营約约價价與与開开時时間间戰战滿满聯联繫系係系級级別别類类員员職职門门週周數数狀状態态進进執执頻频節节點点預预計计鎖锁備备註注說说電电話话機机郵邮項项對对應应標标準准規规則则設设參参績绩評评萬万總总歲岁個个團团隊队審审諮咨詢询會会檢检報报維维護护優优質质簽签達达處处體体實实際际當当後后訪访蹤踪複复盤盘現现動动資资訊讯導导額额貢贡獻献額额齡龄與与職职稱称務务屬属類类狀状況况頁页表表歷历綫线線线專专門门組组長长內内內内觀观現现況况為为擔担檔档級级緩缓億亿鐘钟頭头給给';

const MAP = new Map<string, string>();
for (let i = 0; i + 1 < PAIRS.length; i += 2) MAP.set(PAIRS[i]!, PAIRS[i + 1]!);
const ANY = new RegExp(`[${[...MAP.keys()].join('')}]`, 'g');

/** The text with the traditional characters of the header vocabulary in their simplified form. */
export function toSimplified(text: string): string {
  return text.replace(ANY, (ch) => MAP.get(ch)!);
}

/** The traditional characters of the vocabulary by code unit (all in the BMP): a loop, no regular expression. */
const TRADITIONAL = new Uint8Array(65536);
for (const ch of MAP.keys()) TRADITIONAL[ch.charCodeAt(0)] = 1;

/** {@link toSimplified}, with the text as it is (no replacement run) when it has none of them: names are folded row by row. */
export function toSimplifiedIfAny(text: string): string {
  for (let i = 0; i < text.length; i++) if (TRADITIONAL[text.charCodeAt(i)] === 1) return toSimplified(text);
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
