/**
 * A table's header: the row (or two rows) under title rows that names the most canonical columns,
 * each column matched to the canonical column it means, and the contest when two columns could be
 * one field (issue 9): the column whose values read as the field wins, then the closer name.
 */
import type { Column, Layout } from '../../model/table.js';
import { isBlank, type Cell, type RawRow } from '../../model/cell.js';
import { COLUMNS, KEY_COLUMNS, type SheetRole } from '../../model/columns.js';
import { RACI } from '../../model/codes.js';
import type { Finding } from '../../model/finding.js';
import { RULES } from '../../model/rules.js';
import { columnLetter } from '../../util/cellref.js';
import { fold, foldKey } from '../../util/text.js';
import { aliasIndex, hasOwnUnit, isQualified, matchHeader, splitUnit, tableUnitOf, type HeaderMatch } from '../../parse/headers.js';
import { parseActive, parseBoolean, parseDate, parseHours, parseNumber, parseText } from '../../parse/values.js';
import { isNoLetter, parseFrequency, parseRaci, parseStatus } from '../../parse/codes.js';
import type { TableOptions } from './options.js';
import { isEmptyRow, isRecordRow } from './rows.js';

/** The canonical columns a row's cells name (a revenue of a period as `period`). */
export function headerKeys(row: RawRow, role: SheetRole, index: Map<string, string>): Set<string> {
  const keys = new Set<string>();
  for (const cell of row.cells) {
    if (cell?.t !== 's') continue;
    const m = matchHeader(cell.v, role, index);
    if (m.key) keys.add(m.key);
    else if (m.period !== undefined) keys.add('period');
  }
  return keys;
}

export function chooseHeader(
  head: RawRow[],
  sheet: string,
  role: SheetRole,
  index: Map<string, string>,
  options: TableOptions,
): { layout: Layout; findings: Finding[]; lastHeaderRow: number } {
  const keysOf = head.map((row) => headerKeys(row, role, index));
  let bestAt = -1;
  let bestScore = 0;
  keysOf.forEach((keys, i) => {
    if (keys.size > bestScore) [bestAt, bestScore] = [i, keys.size];
  });
  // An earlier row naming the same columns but one (the key ones among them), with records under it: the
  // table's header, and the fuller row below a section's repeat of it (`… | 备注`; found by review: the
  // rows above the repeat were taken for titles and dropped).
  const bestKeys = keysOf[bestAt];
  const first = keysOf.findIndex(
    (keys, i) =>
      i < bestAt &&
      keys.size >= Math.max(2, bestScore - 1) &&
      [...keys].every((k) => bestKeys!.has(k)) &&
      KEY_COLUMNS[role].every((names) => names.some((n) => keys.has(n))) &&
      keysOf.slice(i + 1, bestAt).some((k, j) => k.size === 0 && isRecordRow(head[i + 1 + j]!)),
  );
  let best: RawRow | undefined = head[first >= 0 ? first : Math.max(bestAt, 0)];
  let at = best ? head.indexOf(best) : -1;
  // The table's headers merged down two rows (`客户名称` over A1:A2) beside a row of groups that are no group
  // header of the row under it (a department of one person, `技术部` over `孙丽` alone): the lower row is the
  // header and the upper the row above it, as where the upper row leaves them blank (found by a new user: the
  // departments were read as the matrix's people, and the people's row as an activity).
  if (best && mergedDown(best, head[at + 1], role, index, options) && !twoRowHeader(best, head[at + 1], role, index, options)) best = head[++at]!;
  // (A sign-off line above the header, `制表：刘洋 | 日期：`, is no group header: found by a new user, `制表：刘洋 序号`.)
  const above = head[at - 1] !== undefined && !isEmptyRow(head[at - 1]!) && !isRecordRow(head[at - 1]!) ? undefined : head[at - 1];
  const heads = best
    ? (unitsRow(best, head[at + 1], 'below', options) ??
      unitsRow(best, above, 'above', options) ??
      twoRowHeader(best, head[at + 1], role, index, options) ??
      twoRowHeader(above, best, role, index, options) ??
      oneRowHeader(best, options))
    : undefined;
  if (heads) indexNames(heads, head.find((r) => r.row === heads.bottom + 1), role, index, options);
  const layout: Layout = {
    role,
    file: options.file,
    sheet,
    headerRow: heads?.top ?? 0,
    date1904: options.date1904,
    ...(options.decimalComma ? { decimalComma: options.decimalComma } : {}),
    columns: [],
    byKey: new Map(),
  };
  const findings: Finding[] = [];
  let cells = heads?.cells ?? [];
  let matches = cells.map((h) => (h ? matchHeader(h.text, role, index) : undefined));
  // Another table beside this one, past a blank column, naming a field this one has (a legend `等级 | 说明`
  // beside `… | 客户等级`; found by a new user: schema/ambiguous-column, and its cells read as the table's).
  const sample = heads ? head.filter((r) => r.row > heads.bottom && isRecordRow(r)) : [];
  // (A header past the gap that names a column of another kind of sheet: `姓名`, `岗位` of a staff list beside the accounts.)
  const others = (['accounts', 'staff', 'assignments'] as const).filter((r) => r !== role).map((r) => [r, aliasIndex(r, options.aliases)] as const);
  const foreign = (text: string): boolean => others.some(([r, idx]) => {
    const key = matchHeader(text, r, idx).key;
    return key !== undefined && !OWN_KEYS.has(key);
  });
  const width = besideTable(cells, matches, (c) => sample.every((r) => isBlank(r.cells[c])), foreign);
  if (width !== undefined) {
    // kam's own columns (`kam tier --write`) past the table beside are still found, to be written again in place (found by
    // a new user: past a legend they were not, and each run added two more); their cells are never data, and are not read.
    const own = (c: number): boolean => OWN_KEYS.has(matches[c]?.key ?? '');
    options.note?.('note.besideTable', { sheet, column: columnLetter(width + 1), headers: cells.slice(width).flatMap((h, i) => (h && !own(width + i) ? [h.text] : [])).join(' | ') }, false);
    cells = cells.map((h, c) => (c < width || own(c) ? h : undefined));
    matches = matches.map((m, c) => (c < width || own(c) ? m : undefined));
    layout.width = width;
  }
  qualifiedAside(cells, matches);
  const losers = contest(cells, matches, sample, role, options);
  const seenHeaders = new Map<string, number>();
  const tableUnit = heads ? tableUnitAbove(head, heads, options) : undefined;
  const columnUnits = heads ? columnUnitsAbove(head, heads, options) : [];
  const scaledBy: string[] = [];
  for (let c = 0; c < cells.length; c++) {
    const h = cells[c];
    if (!h) continue;
    const header = h.text;
    const m = matches[c]!;
    const col: Column = { index: c, letter: columnLetter(c), header, scale: h.scale ?? m.scale };
    if (h.row !== layout.headerRow) col.headerRow = h.row;
    if (m.period !== undefined) col.period = m.period;
    const same = seenHeaders.get(fold(header));
    seenHeaders.set(fold(header), c);
    layout.columns[c] = col;
    if (losers.has(c)) continue;
    if (same !== undefined && m.key && layout.byKey.get(m.key)?.index === same) {
      // Two columns kam reads under one header: which one holds the truth is anybody's guess.
      findings.push(finding('schema/ambiguous-column', layout, col, { header, first: columnLetter(same), column: col.letter }));
    } else if (same !== undefined) {
      findings.push(finding('schema/duplicate-header', layout, col, { header, first: columnLetter(same) }));
    } else if (m.key && layout.byKey.has(m.key)) {
      // Two columns under different names for one field, equally good: ambiguous when kam reads the field.
      const first = layout.byKey.get(m.key)!;
      if (UNREAD_KEYS.has(m.key)) findings.push(finding('schema/duplicate-header', layout, col, { header, first: first.letter }));
      else findings.push(finding('schema/ambiguous-column', layout, col, { variant: 'names', header, firstHeader: first.header, first: first.letter, column: col.letter }));
    } else if (m.key) {
      col.key = m.key;
      layout.byKey.set(m.key, col);
    }
    // The table's unit stated once above it (`单位：万元`): the amounts whose header has no unit of its own are in it
    // (found by a new user: read as yuan, 1200 for 1,200万, and a promotion by revenue missed).
    const money = (MONEY_KEYS.has(m.key ?? '') || m.period !== undefined) && h.scale === undefined && m.scale === 1 && !hasOwnUnit(header);
    const named = money ? columnUnits.find((u) => fold(header) === u.subject || fold(header).startsWith(u.subject)) : undefined;
    if (named) {
      col.scale = named.scale;
      options.note?.('note.columnUnit', { sheet, cell: named.cell, unit: named.text, column: `${col.letter} ${header}` }, false);
    } else if (tableUnit && money) {
      col.scale = tableUnit.scale;
      scaledBy.push(`${col.letter} ${header}`);
    }
    // A unit kam cannot read is said once, not taken silently as no unit (`年采购额（万美刀）`).
    if ((NUMBER_KEYS.has(m.key ?? '') || m.period !== undefined) && m.unread !== undefined && h.scale === undefined) {
      options.note?.('note.unitUnread', { sheet, column: `${col.letter} ${header}`, unit: m.unread }, false);
    }
  }
  // (Said by default: it changes the amounts ×10,000; found by review.)
  if (tableUnit && scaledBy.length > 0) options.note?.('note.tableUnit', { sheet, cell: tableUnit.cell, unit: tableUnit.text, columns: scaledBy.join(', ') }, false);
  looseByValues(layout, sample, role, options, findings);
  if (heads && heads.bottom > heads.top) {
    const joined = cells.flatMap((h, c) => (h?.joined ? [`${columnLetter(c)} ${h.text}`] : []));
    options.note?.('note.twoRowHeader', { sheet, top: heads.top, bottom: heads.bottom, columns: joined.join(', ') }, true);
  }
  for (const [c, why] of losers) {
    const winner = layout.byKey.get(matches[c]!.key!)!;
    options.note?.(why === 'values' ? 'note.columnByValues' : 'note.columnByName', { sheet, key: winner.key!, chosen: `${winner.letter} ${winner.header}`, other: `${columnLetter(c)} ${cells[c]!.text}` }, true);
  }
  if (role === 'assignments') {
    matrixColumns(layout, cells, sample, options, findings, heads ? head.find((r) => r.row === heads.top - 1) : undefined);
    if (!layout.holders) letterColumns(layout, cells, sample, options);
    weeklyHoursColumn(layout, options);
  }
  for (const names of KEY_COLUMNS[role]) {
    if (!names.some((k) => layout.byKey.has(k))) {
      findings.push({ rule: 'schema/missing-column', severity: RULES['schema/missing-column'], args: { column: names[0]!, role }, sheet, ...(layout.headerRow ? { row: layout.headerRow } : {}) });
    }
  }
  return { layout, findings, lastHeaderRow: heads?.bottom ?? 0 };
}

/** The columns `kam tier --write` writes. */
const OWN_KEYS = new Set(['computed_tier', 'computed_score']);

/**
 * Where another table beside this one starts: the first column blank in its header and its rows
 * after which a header names a field kam reads, or repeats a header, from before it. The table's
 * columns end at that blank (a column of data under no header is the table's, and said).
 */
function besideTable(cells: readonly (HeaderText | undefined)[], matches: readonly (ReturnType<typeof matchHeader> | undefined)[], blank: (c: number) => boolean, foreign: (text: string) => boolean): number | undefined {
  const keys = new Set<string>();
  const texts = new Set<string>();
  let gap: number | undefined;
  // Past the gap: how many headers name a column of another kind of sheet, and whether any is one of this table's kind.
  let after = 0;
  let ours = false;
  for (let c = 0; c < cells.length; c++) {
    const h = cells[c];
    if (!h) {
      if (c > 0 && cells[c - 1] && gap === undefined && blank(c)) gap = c;
      continue;
    }
    const key = matches[c]!.key;
    if (gap !== undefined && ((key !== undefined && keys.has(key)) || texts.has(fold(h.text)))) return gap;
    if (gap === undefined) {
      if (key !== undefined) keys.add(key);
      texts.add(fold(h.text));
    } else if (!(key !== undefined && OWN_KEYS.has(key))) {
      if (key !== undefined || matches[c]!.period !== undefined) ours = true;
      else if (foreign(h.text)) after++;
    }
  }
  // Or two headers or more past the gap that name another kind of sheet's columns, none of them this table's (a staff
  // list `姓名 | 岗位 | 部门` beside the accounts; found by a new user: its columns were taken as the accounts' unknown
  // ones, without a word). Headers of no kind (people's names over a matrix's letters, a criterion of the config's own)
  // are the table's.
  return gap !== undefined && after >= 2 && !ours ? gap : undefined;
}

/**
 * The unit a table states once for its amounts: a cell of a row above its header (`单位：万元` at the top right, a
 * title's `（单位：万元）`), or a note of its own right under it. Undefined when none, or when two say different units.
 */
function tableUnitAbove(head: readonly RawRow[], heads: HeaderRows, options: TableOptions): { scale: number; text: string; cell: string } | undefined {
  let found: { scale: number; text: string; cell: string } | undefined;
  // The rows above the header, nearest first, up to another table's data (a row with a number): a summary above the
  // table with its own `（单位：万元）` is not this table's (found by review: the accounts' revenue ×10,000).
  const above = head.filter((r) => r.row < heads.top).reverse();
  const stop = above.findIndex((r) => r.cells.some((c) => c?.t === 'n' || (c?.t === 's' && /^\s*[-+(]?[\d.,]+\)?\s*$/.test(c.v))));
  const rows = [...(stop >= 0 ? above.slice(0, stop) : above), ...head.filter((r) => r.row === heads.bottom + 1 && loneUnitNote(r))];
  for (const row of rows) {
    for (let c = 0; c < row.cells.length; c++) {
      const text = label(row.cells[c], options.date1904);
      const unit = text === undefined ? undefined : tableUnitOf(text);
      if (!unit) continue;
      if (found && found.scale !== unit.scale) return undefined;
      found ??= { scale: unit.scale, text: text!.trim(), cell: `${columnLetter(c)}${row.row}` };
    }
  }
  return found;
}

/**
 * The units a note above the table gives column by column (`说明：年采购额单位为万元，合同金额单位为元`, `年采购额单位：万元；
 * 合同金额单位：元`): each column named and the scale of its unit (found by a new user: nothing was scaled, nothing said).
 */
function columnUnitsAbove(head: readonly RawRow[], heads: HeaderRows, options: TableOptions): { subject: string; scale: number; text: string; cell: string }[] {
  const out: { subject: string; scale: number; text: string; cell: string }[] = [];
  const above = head.filter((r) => r.row < heads.top);
  for (const row of above) {
    for (let c = 0; c < row.cells.length; c++) {
      const text = label(row.cells[c], options.date1904);
      if (text === undefined || !/单位|單位/.test(text)) continue;
      for (const m of text.normalize('NFKC').matchAll(/([^\s,，;；。:：、()（）]{2,12}?)的?(?:单位|單位)\s*(?:为|為|是|[:：])\s*([^\s,，;；。)）]{1,8})/g)) {
        const unit = tableUnitOf(`单位：${m[2]!}`) ?? (/^(?:人民币|人民幣)?元$/.test(m[2]!) ? { scale: 1, unit: m[2]! } : undefined);
        const subject = fold(splitUnit(m[1]!.replace(/^(?:说明|說明|注|备注|備註)/, '')).base);
        if (unit && subject !== '' && !/^(?:金额|金額|货币|貨幣)$/.test(subject)) out.push({ subject, scale: unit.scale, text: m[0]!.trim(), cell: `${columnLetter(c)}${row.row}` });
      }
    }
  }
  return out;
}

/** A row that only says the unit (`单位：万元`, alone or merged across), not a row of each column's units. */
function loneUnitNote(row: RawRow): boolean {
  let text: string | undefined;
  for (const c of row.cells) {
    if (isBlank(c)) continue;
    if (c!.t !== 's' || (text !== undefined && c!.v !== text)) return false;
    text = c!.v;
  }
  return text !== undefined && UNIT_NOTE.test(text.trim());
}

/** `单位：万元`, `金额单位：万元`: a table's unit, said once. */
const UNIT_NOTE = /^(?:金额|金額)?(?:单位|單位)\s*[:：]/;

/** Money columns, which a table's unit (`单位：万元`) scales. */
const MONEY_KEYS: ReadonlySet<string> = new Set(['annual_revenue', 'contract_value']);

/** A unit as a row of units writes it under or over the headers: `（万元）`, `(年)`, `(1-5)`, `单位：万元`, `万元`. */
const UNIT_CELL = /^(?:[（(]\s*(?:单位\s*[:：]\s*)?[^()（）]{1,12}[)）]|单位\s*[:：]\s*\S{1,8}|万元|元|千元|百万元|亿元|美元|万美元|小时|天|年|次|分|%)$/;

/**
 * A row of units right under or over the header row (`年采购额 | 合同金额` over `（万元）| （万元）`; found by a
 * new user: under the header it was a first account with no name and the revenue read in yuan, over
 * it the last unit spread to every column on its right). Each unit joins the header above or below it.
 */
function unitsRow(header: RawRow, units: RawRow | undefined, where: 'below' | 'above', options: TableOptions): HeaderRows | undefined {
  if (!units || units.row !== header.row + (where === 'below' ? 1 : -1)) return undefined;
  // `单位：万元` alone is the table's unit, not the unit of the one column it sits over or under (tableUnitAbove).
  if (loneUnitNote(units)) return undefined;
  const cells: (HeaderText | undefined)[] = [];
  let joined = 0;
  for (let c = 0; c < Math.max(header.cells.length, units.cells.length); c++) {
    const text = label(header.cells[c], options.date1904);
    const unit = isBlank(units.cells[c]) ? undefined : units.cells[c]!.t === 's' ? (units.cells[c]!.v as string).trim() : '';
    if (unit !== undefined && (text === undefined || !UNIT_CELL.test(unit))) return undefined;
    if (text === undefined) continue;
    if (unit === undefined) cells[c] = { text, row: header.row };
    else {
      const bracketed = /^[（(]/.test(unit) ? unit.replace(/^([（(])\s*单位\s*[:：]\s*/, '$1') : `（${unit.replace(/^单位\s*[:：]\s*/, '')}）`;
      cells[c] = { text: `${text}${bracketed}`, row: header.row, joined: true };
      joined++;
    }
  }
  if (joined === 0) return undefined;
  return where === 'below' ? { top: header.row, bottom: units.row, cells } : { top: units.row, bottom: header.row, cells };
}

/**
 * A word and a colon before a value (`单位：万元`, `制表日期：2025年11月5日`, `Prepared by: …`): a note, never a group of
 * columns. (A group with its unit in brackets, `采购额（单位：万元）`, is a group: found by review.)
 */
const LABELLED = /^[^:：（(【[]{1,12}[:：]\s*\S/;

/** A header cell: its text (two rows combined), the row it was written in, a unit scale it inherits. */
interface HeaderText {
  text: string;
  row: number;
  scale?: number;
  /** Made from a group header and a sub-label, or taken from the row under the header. */
  joined?: true;
  /** The sub-label of a group header and sub-label that name no column together (`销售部` over `张伟`). */
  sub?: string;
  /** Its group header, then. */
  group?: string;
}

interface HeaderRows {
  top: number;
  bottom: number;
  cells: (HeaderText | undefined)[];
}

function oneRowHeader(row: RawRow, options: TableOptions): HeaderRows {
  const cells: (HeaderText | undefined)[] = [];
  for (let c = 0; c < row.cells.length; c++) {
    const t = parseText(row.cells[c], options.date1904);
    if (t?.ok) cells[c] = { text: t.value, row: row.row };
  }
  return { top: row.row, bottom: row.row, cells };
}

/**
 * Two header rows (issue 9): a group header over sub-labels (`采购额（万元）` merged over `2024年` |
 * `2025年`), other headers merged down both rows (filled into both by the merge filler) or written
 * in one of them. Accepted when the row under the group holds only labels, every label of its own
 * stands under a group spanning two columns or more (under a header of one column a text of its
 * own is a value: the row is data, a first account, never a header), a group spans part of the
 * table (a title spans all of it), and the key columns stay named. Returns undefined otherwise.
 */
function twoRowHeader(
  top: RawRow | undefined,
  sub: RawRow | undefined,
  role: SheetRole,
  index: Map<string, string>,
  options: TableOptions,
): HeaderRows | undefined {
  if (!top || !sub || sub.row !== top.row + 1) return undefined;
  const width = Math.max(top.cells.length, sub.cells.length);
  const t: (string | undefined)[] = [];
  const s: (string | undefined)[] = [];
  let subCount = 0;
  for (let c = 0; c < width; c++) {
    t[c] = label(top.cells[c], options.date1904);
    const cell = sub.cells[c];
    if (isBlank(cell)) continue;
    const text = label(cell, options.date1904);
    // Sub-labels are words, or years typed as numbers (2024); any other value makes it a data row.
    if (text === undefined) return undefined;
    s[c] = text;
    subCount++;
  }
  if (subCount === 0) return undefined;
  // `单位：万元 | … | 制表日期：2025年11月5日` over the header: a unit and a sign-off, no groups (found by a new user:
  // `客户编号单位:万元`, each header joined to the note over it).
  if (t.some((x) => x !== undefined && LABELLED.test(x.trim()))) return undefined;
  // A blank top cell continues the group on its left while sub-labels continue under it (CSV, or
  // "centre across selection" instead of a merge).
  const owner: (string | undefined)[] = [];
  for (let c = 0; c < width; c++) owner[c] = t[c] ?? (c > 0 && s[c] !== undefined && s[c - 1] !== undefined ? owner[c - 1] : undefined);
  // How many columns each group header spans (merge-filled repeats, or a blank continuation).
  const span: number[] = [];
  for (let c = 0; c < width; ) {
    let e = c + 1;
    while (e < width && owner[c] !== undefined && owner[e] === owner[c]) e++;
    for (let k = c; k < e; k++) span[k] = e - c;
    c = e;
  }
  let grouped = 0;
  let vertical = 0;
  const cells: (HeaderText | undefined)[] = [];
  for (let c = 0; c < width; c++) {
    const g = owner[c];
    const l = s[c];
    if (l === undefined || (g !== undefined && fold(l) === fold(g))) {
      if (g !== undefined) cells[c] = { text: g, row: t[c] !== undefined ? top.row : sub.row };
      if (l !== undefined) vertical++;
      continue;
    }
    if (g === undefined) {
      cells[c] = { text: l, row: sub.row };
      continue;
    }
    // A label of its own under a header that spans one column is a value, not a sub-label: the
    // lower row is data (a first account under its header), never a second header row.
    if (span[c]! < 2) return undefined;
    grouped++;
    cells[c] = combine(g, l, sub.row, role, index);
  }
  if (grouped === 0 && vertical === 0) return undefined;
  if (grouped > 0) {
    // A group over every labelled column is a title, not a group.
    const used: number[] = [];
    for (let c = 0; c < width; c++) if (cells[c]) used.push(c);
    const first = owner[used[0]!];
    if (used.every((c) => owner[c] !== undefined && owner[c] === first && s[c] !== undefined)) return undefined;
  }
  const score = (texts: (string | undefined)[]): Set<string> => {
    const keys = new Set<string>();
    for (const text of texts) {
      if (text === undefined) continue;
      const m = matchHeader(text, role, index);
      if (m.key) keys.add(m.key);
      else if (m.period !== undefined) keys.add('period');
    }
    return keys;
  };
  // The key columns either row named stay named (a group over the name column keeps it by its sub-label).
  const before = new Set([...score(t), ...score(s)]);
  const after = score(cells.map((h) => h?.text));
  for (const names of KEY_COLUMNS[role]) {
    if (names.some((k) => before.has(k)) && !names.some((k) => after.has(k))) return undefined;
  }
  return { top: top.row, bottom: sub.row, cells };
}

/**
 * Whether `sub`, the row right under `top`, repeats each of `top`'s texts that name a column in its own
 * place (headers merged down both rows, filled into both by the merge filler), the key ones among them,
 * holds labels only, and labels of its own where `top` names no column (the people under departments).
 */
function mergedDown(top: RawRow, sub: RawRow | undefined, role: SheetRole, index: Map<string, string>, options: TableOptions): boolean {
  if (!sub || sub.row !== top.row + 1) return false;
  const width = Math.max(top.cells.length, sub.cells.length);
  const named = new Set<string>();
  const tops: string[] = [];
  const subs: string[] = [];
  // A label of the lower row under a blank that continues a group on its left (`销售部` written once over `张伟 | 李娜`).
  let continued = false;
  let inGroup = false;
  for (let c = 0; c < width; c++) {
    const t = label(top.cells[c], options.date1904);
    const l = label(sub.cells[c], options.date1904);
    if (l === undefined && !isBlank(sub.cells[c])) return false;
    const key = t === undefined ? undefined : matchHeader(t, role, index).key;
    if (key !== undefined) {
      if (l === undefined || fold(l) !== fold(t!)) return false;
      named.add(key);
    } else if (l !== undefined && (t === undefined || fold(l) !== fold(t))) {
      if (t !== undefined) tops.push(fold(t));
      else if (inGroup) continued = true;
      subs.push(fold(l));
    }
    // (A blank continues the group on its left while labels stand under it; a column's own name ends it.)
    if (t !== undefined) inGroup = key === undefined;
    else if (l === undefined) inGroup = false;
  }
  // The upper row's labels are groups (one spans two columns or more: `销售部` merged over `张伟 | 李娜`, or written
  // once with blanks after it), the lower row's each its own: people under departments, not departments under
  // people (`张伟 | 王芳` over `销售部 | 销售部`, found by review: read the other way round, the people's letters went
  // to their departments).
  const groups = new Set(tops).size < tops.length || continued;
  return subs.length > 0 && groups && new Set(subs).size === subs.length && KEY_COLUMNS[role].every((names) => names.some((n) => named.has(n)));
}

/**
 * The row pandas writes under a table's column headers when it has an index: the index's name in
 * the index column(s), nothing else. Taken as those columns' headers when every text in it stands
 * where no header is and names a column kam knows (`客户编号`).
 */
function indexNames(heads: HeaderRows, next: RawRow | undefined, role: SheetRole, index: Map<string, string>, options: TableOptions): void {
  if (!next) return;
  const names: [number, string][] = [];
  for (let c = 0; c < next.cells.length; c++) {
    if (isBlank(next.cells[c])) continue;
    const text = label(next.cells[c], options.date1904);
    if (text === undefined || heads.cells[c] !== undefined || !matchHeader(text, role, index).key) return;
    names.push([c, text]);
  }
  if (names.length === 0) return;
  for (const [c, text] of names) heads.cells[c] = { text, row: next.row, joined: true };
  heads.bottom = next.row;
}

/** A header cell's text: words, or a whole number that can be a year. */
function label(cell: RawRow['cells'][number], date1904: boolean): string | undefined {
  if (isBlank(cell)) return undefined;
  if (cell!.t === 'n') return Number.isInteger(cell!.v) && cell!.v >= 1900 && cell!.v <= 2200 && !cell!.date ? String(cell!.v) : undefined;
  if (cell!.t !== 's') return undefined;
  const t = parseText(cell, date1904);
  return t?.ok ? t.value : undefined;
}

/**
 * A group header and a sub-label as one header: the form that names a column wins
 * (`2025年` + `采购额（万元）` → `2025年采购额（万元）`, a 2025 revenue period in 万元); a sub-label that
 * names a column by itself keeps it and inherits the group's unit; otherwise both, space-joined.
 */
function combine(group: string, sub: string, row: number, role: SheetRole, index: Map<string, string>): HeaderText {
  const { base, scale } = splitUnit(group);
  // The unit as written (`（万元）`), unless normalising changed the text's length.
  const norm = group.normalize('NFKC').trim();
  const unit = (norm.length === group.trim().length ? group.trim() : norm).slice(base.trimEnd().length);
  // Words written with spaces (`2024 Revenue (k)`) keep them; Chinese runs together (`2025年采购额（万元）`).
  const spaced = /[a-z0-9]$/i.test(sub) && /^[a-z]/i.test(base.trim());
  const b = base.trim();
  const candidates = spaced
    ? [`${sub} ${b}${unit}`, `${b} ${sub}${unit}`, `${sub}${b}${unit}`, `${b}${sub}${unit}`]
    : [`${sub}${b}${unit}`, `${b}${sub}${unit}`, `${sub} ${b}${unit}`, `${b} ${sub}${unit}`];
  for (const text of candidates) {
    const m = matchHeader(text, role, index);
    if (m.key || m.period !== undefined) return { text, row, joined: true };
  }
  // A person's column under its role, the person's name one of its parts (`客户经理` over `姓名 | 电话`,
  // `Account Manager` over `Name | Phone`): the name is the column the group names.
  if (NAME_PART.test(sub.trim()) && matchHeader(group, role, index).key !== undefined) return { text: group.trim(), row, joined: true };
  const alone = matchHeader(sub, role, index);
  if (alone.key || alone.period !== undefined) return alone.scale === 1 && scale !== 1 ? { text: sub, row, scale, joined: true } : { text: sub, row, joined: true };
  return { text: `${group} ${sub}`, row, joined: true, sub, group: group.trim() };
}

/** The part of a group of columns about a person that holds the name. */
const NAME_PART = /^(?:姓名|名字|人名|全名|中文名|name|full name)$/i;

function finding(rule: keyof typeof RULES, layout: Layout, col: Column, args: Finding['args']): Finding {
  return { rule, severity: RULES[rule], args, sheet: layout.sheet, row: col.headerRow ?? layout.headerRow, column: col.letter };
}


/** What the values of a canonical column must read as, for the columns that are not free text. */
const VALUE_TESTS: Record<string, (cell: Cell, options: TableOptions) => boolean | undefined> = {
  raci: (c) => parseRaci(c)?.ok,
  // Tier words are the config's (labels and aliases): tested only when the reader was given them.
  tier: (c, o) => (o.tierWords ? c.t === 's' && o.tierWords(c.v) : undefined),
  frequency: (c) => parseFrequency(c)?.ok,
  status: (c) => parseStatus(c)?.ok,
  hours: (c, o) => parseHours(c, { ...(o.hoursPerDay !== undefined ? { hoursPerDay: o.hoursPerDay } : {}), ...(o.decimalComma?.(-1) ? { decimalComma: true } : {}) })?.ok,
  locked: (c) => parseBoolean(c)?.ok,
  active: (c) => parseActive(c)?.ok,
  due: (c, o) => isDate(c, o),
  since: (c, o) => isDate(c, o),
  last_contact: (c, o) => isDate(c, o),
};

/** A date, or one of two (`11/3/2025`): the column settles which (found by a new user: a CRM's `Last Activity` in US dates was refused). */
function isDate(c: Cell, o: TableOptions): boolean | undefined {
  const p = parseDate(c, o.date1904);
  return p === undefined ? undefined : p.ok || p.reason.startsWith('ambiguous-date');
}
for (const key of ['annual_revenue', 'contract_value', 'years', 'strategic', 'satisfaction', 'capacity_hours', 'max_accounts']) VALUE_TESTS[key] = (c, o) => parseNumber(c, o.decimalComma?.(-1) ? { decimalComma: true } : {})?.ok;

/** Columns kam keeps but never reads a value of: two of them under different names stay a warning. */
const UNREAD_KEYS = new Set(['contact', 'phone', 'email', 'notes', 'manager']);

/** The test of a column's values, when its field has one (and, for tiers, the config's words are known). */
function valueTest(key: string, options: TableOptions): ((cell: Cell, options: TableOptions) => boolean | undefined) | undefined {
  if (key === 'tier' && !options.tierWords) return undefined;
  return VALUE_TESTS[key];
}

/**
 * A column with a loose name (`角色`, `级别`, `状态`) is read as the field only when its values
 * read as it: job titles under 角色 are no RACI letters. Such a column becomes an unknown column,
 * with a warning (a silent drop would leave every row responsible). And in the long form of the
 * Assignments sheet without a RACI column, the one unknown column whose values are RACI letters
 * is read as it (`R/A`, `分工角色`), said with --verbose.
 */
function looseByValues(layout: Layout, sample: readonly RawRow[], role: SheetRole, options: TableOptions, findings: Finding[]): void {
  for (const [key, col] of [...layout.byKey]) {
    const test = valueTest(key, options);
    if (!test || nameRank(col.header, key, role, options) !== 2) continue;
    const filled = sample.filter((r) => !isBlank(r.cells[col.index]));
    if (filled.length === 0 || readRate(sample, col.index, (cell) => test(cell, options)) >= 0.5) continue;
    layout.byKey.delete(key);
    delete col.key;
    // The values that do not read, first: they are why (found by a new user: `Key Account` and `Standard` under
    // `Customer Tier` hid that the column was dropped, and a strategic account's coverage error went with it).
    const unread = filled.filter((r) => !test(r.cells[col.index]!, options));
    const examples = [...new Set(unread.slice(0, 12).map((r) => parseText(r.cells[col.index], options.date1904)).flatMap((t) => (t?.ok ? [t.value] : [])))].slice(0, 3).join('\u0000');
    // A finding, not a line on stderr alone: `-q`, JSON and CI annotations keep it, and kam diff shows it come and go
    // (a new user's CI passed when one more cell of a User Status column read `Frozen` and the column was dropped).
    findings.push(finding('schema/unread-column', layout, col, { column: col.letter, header: col.header, field: key, role, examples, unread: unread.length, filled: filled.length }));
    // (And on stderr, as before: a command that shows no findings of that sheet, kam load or kam gaps, still says it.)
    options.note?.('warn.looseNotRead', { sheet: layout.sheet, column: `${col.letter} ${col.header}`, key, examples: examples.split('\u0000').join(', ') }, false);
  }
  if (role !== 'assignments' || layout.byKey.has('raci') || !(layout.byKey.has('person') || layout.byKey.has('department'))) return;
  const letters = layout.columns.filter((c) => c && c.key === undefined && c.period === undefined && sample.some((r) => !isBlank(r.cells[c.index])) && readRate(sample, c.index, (cell) => parseRaci(cell)?.ok) >= 0.8);
  if (letters.length !== 1) return;
  const col = letters[0]!;
  col.key = 'raci';
  layout.byKey.set('raci', col);
  options.note?.('note.raciByValues', { sheet: layout.sheet, column: `${col.letter} ${col.header}` }, true);
}

/**
 * When two columns with different headers could be one canonical column, picks one: the column
 * whose values read as the field (RACI letters, numbers, dates) beats one whose values do not (job
 * titles under 角色), then the closer name (a config alias, then the column's name or an alias,
 * then a loose name: `Tier` or `客户等级` over `Segment`, `RACI` over `角色`). The others become
 * plain unknown columns, without a finding. Columns under the same header, or equally close with
 * values equally good, are left to the duplicate-header findings. Returns the losers and why.
 */
function contest(
  cells: readonly (HeaderText | undefined)[],
  matches: readonly (HeaderMatch | undefined)[],
  sample: readonly RawRow[],
  role: SheetRole,
  options: TableOptions,
): Map<number, 'values' | 'name'> {
  const byKey = new Map<string, number[]>();
  matches.forEach((m, c) => {
    if (m?.key) byKey.set(m.key, [...(byKey.get(m.key) ?? []), c]);
  });
  const losers = new Map<number, 'values' | 'name'>();
  for (const [key, cols] of byKey) {
    if (cols.length < 2 || new Set(cols.map((c) => fold(cells[c]!.text))).size < cols.length) continue;
    const test = valueTest(key, options);
    if (test) {
      const rates = cols.map((c) => readRate(sample, c, (cell) => test(cell, options)));
      const good = cols.filter((_, i) => rates[i]! >= 0.8);
      if (good.length === 1 && rates.every((r, i) => cols[i] === good[0] || r < 0.5)) {
        for (const c of cols) if (c !== good[0]) losers.set(c, 'values');
        continue;
      }
    }
    const ranks = cols.map((c) => nameRank(cells[c]!.text, key, role, options));
    const best = Math.min(...ranks);
    if (ranks.filter((r) => r === best).length !== 1) continue;
    cols.forEach((c, i) => {
      if (ranks[i] !== best) losers.set(c, 'name');
    });
  }
  return losers;
}

/** The check columns kam's own matrix writes after the people (`matrix.rules` in both languages): no one's. */
const MATRIX_CHECK_COLUMNS = new Set(['#A', '#R', '问题', 'Problems']);

/**
 * An Assignments sheet written as a RACI matrix (issue 10) — kam's own `kam matrix` output or the
 * hand-made form: account and task columns, no person and no RACI column, then one column per
 * person (or department) holding R / A / C / I, 负责 / 批准 …, `A/R`. Those columns are the unknown
 * ones after the task column (kam's own check columns, `#A`, `#R`, `问题`, passed over; past them, only
 * those that hold a letter) at least half of whose filled cells in the sample read as RACI letters (a
 * notes column does not); at least one must hold letters.
 */
function matrixColumns(layout: Layout, cells: readonly (HeaderText | undefined)[], sample: readonly RawRow[], options: TableOptions, findings: Finding[], above: RawRow | undefined): void {
  const task = layout.byKey.get('task');
  if (!task || layout.byKey.has('person') || layout.byKey.has('raci') || layout.byKey.has('department')) return;
  const holders: Column[] = [];
  const ticked: { col: Column; mark: string; letters: boolean }[] = [];
  let filled = false;
  let pastChecks = false;
  for (const col of layout.columns) {
    if (!col || col.index <= task.index) continue;
    // (Its own text: a department's label over the people before it carries on over the check columns.) kam's own check
    // columns are passed over, not the end of the people: a colleague adds a person at the far right (found by a new
    // user: her column after 问题 was dropped, and her R with it, without a word).
    if (MATRIX_CHECK_COLUMNS.has((cells[col.index]?.sub ?? col.header).trim())) {
      pastChecks = true;
      continue;
    }
    if (col.key !== undefined || col.period !== undefined) continue;
    // (Past them, only a column that holds a letter: an empty 备注 added there is nobody.)
    if (pastChecks && !sample.some((r) => parseRaci(r.cells[col.index])?.ok)) continue;
    // Mostly letters: a cell that is not (`X`) is reported at the cell, not a reason to drop the person.
    if (readRate(sample, col.index, (cell) => parseRaci(cell)?.ok, noLetter) < 0.5) {
      // Ticks, with letters at most, where the letters should be: said, not dropped without a word.
      const mark = sample.map((r) => r.cells[col.index]).find(isTick);
      if (mark && readRate(sample, col.index, (cell) => parseRaci(cell)?.ok || isTick(cell), noLetter) === 1) {
        ticked.push({ col, mark: (mark as { v: string }).v.trim(), letters: sample.some((r) => parseRaci(r.cells[col.index])?.ok) });
      }
      continue;
    }
    if (sample.some((r) => !noLetter(r.cells[col.index]))) filled = true;
    holders.push(col);
  }
  // People's columns ticked: a column of ticks and letters, or two or more columns of ticks alone in a
  // sheet with no letters. One column of ticks alone, or ticks beside people's letters, is a flag (重点 √).
  const alone = ticked.filter((t) => !t.letters).length;
  for (const { col, mark, letters } of ticked) {
    if (letters || (alone >= 2 && !filled)) findings.push(finding('schema/check-marks', layout, col, { column: col.letter, header: cells[col.index]?.sub ?? col.header, mark }));
  }
  if (!filled) return;
  for (const col of holders) {
    const header = cells[col.index]?.sub ?? col.header;
    const dept = DEPARTMENT_HOLDER.exec(header);
    col.holder = dept ? dept[1]! : header;
    if (dept) col.holderIsDepartment = true;
    const group = cells[col.index]?.group;
    if (!dept && group !== undefined) col.holderGroup = group;
  }
  if (!holders.some((c) => c.holderGroup !== undefined)) departmentRow(layout, holders, above, options);
  // kam's own matrix (its check columns) writes departments there; a hand-made one, who knows: a
  // department's word is asked for (found by review: a title, a role row, `Account team` over everyone).
  const own = layout.columns.some((c) => c !== undefined && (cells[c.index]?.sub ?? c.header).trim() === '#A');
  departmentsOfGroups(holders, own, options);
  layout.holders = holders;
  options.note?.('note.matrixRead', { sheet: layout.sheet, columns: holders.length, names: holders.slice(0, 6).map((c) => c.holder).join(', ') + (holders.length > 6 ? ', …' : '') }, false);
}

/**
 * An Assignments sheet written as a RACI chart (found by a new user: a CRM team's `Account | Activity |
 * Responsible | Accountable (A) | Consulted | Informed`, read as rows held by nobody): no person and no
 * RACI column, and two or more unknown columns headed each by one RACI letter's word — `Responsible`,
 * `Accountable (A)`, `R`, `负责（R）`, `审批人` — among them R or A, whose filled cells are names,
 * not letters. Each name in such a column holds that letter on the row's task.
 */
function letterColumns(layout: Layout, cells: readonly (HeaderText | undefined)[], sample: readonly RawRow[], options: TableOptions): void {
  const task = layout.byKey.get('task');
  if (!task || layout.byKey.has('raci') || layout.byKey.has('department')) return;
  const letterOf = (col: Column): number | undefined => {
    const read = parseRaci({ t: 's', v: (cells[col.index]?.sub ?? col.header).trim() });
    return read?.ok && ([RACI.R, RACI.A, RACI.C, RACI.I] as number[]).includes(read.value) ? read.value : undefined;
  };
  // The person column counts when its header is a letter's word too (`负责人(R)`, `负责人` beside `审批人 | 知会`).
  const person = layout.byKey.get('person');
  if (person && letterOf(person) === undefined) return;
  const found: Column[] = [];
  const bits = new Set<number>();
  for (const col of layout.columns) {
    if (!col || (col.key !== undefined && col !== person) || col.period !== undefined) continue;
    const bit = letterOf(col);
    // One letter, and names under it: not letters (a matrix's, a RACI column's), not ticks (`schema/check-marks`).
    if (bit === undefined || bits.has(bit)) continue;
    if (readRate(sample, col.index, (cell) => parseRaci(cell)?.ok, noLetter) >= 0.5 || sample.some((r) => isTick(r.cells[col.index]))) continue;
    col.raciBit = bit;
    bits.add(bit);
    found.push(col);
  }
  if (found.length < 2 || (person && !found.includes(person)) || !(bits.has(RACI.R) || bits.has(RACI.A)) || !found.some((c) => sample.some((r) => !isBlank(r.cells[c.index])))) {
    for (const c of found) delete c.raciBit;
    return;
  }
  layout.letterColumns = found;
  options.note?.('note.letterColumns', { sheet: layout.sheet, columns: found.map((c) => `${c.letter} ${c.header}`).join(', ') }, false);
}

/**
 * A division of labour without an hours column, but with a column headed as a person's weekly
 * capacity (`每周工时`, `周工时`, `Weekly hours`): said, not read — the hours of a task are each
 * time's (预计工时), and a week's would count a monthly task four times over (found by a new user:
 * the column was left out without a word, and the load fell to the norms).
 */
function weeklyHoursColumn(layout: Layout, options: TableOptions): void {
  if (layout.byKey.has('hours')) return;
  const staff = aliasIndex('staff');
  for (const col of layout.columns) {
    if (!col || col.key !== undefined || col.period !== undefined || col.holder !== undefined) continue;
    if (matchHeader(col.header, 'staff', staff).key === 'capacity_hours') options.note?.('note.weeklyHoursColumn', { sheet: layout.sheet, column: `${col.letter} ${col.header}` }, false);
  }
}

/** Columns of numbers, which a unit scales (a unit-like text over a column of words says nothing). */
const NUMBER_KEYS: ReadonlySet<string> = new Set(['annual_revenue', 'contract_value', 'years', 'strategic', 'satisfaction', 'capacity_hours', 'max_accounts', 'hours']);

/** A matrix cell that holds nothing, or says nobody holds a letter there (`-`, `N/A`, `0`). */
function noLetter(cell: Cell | undefined): boolean {
  return isBlank(cell) || isNoLetter(cell);
}

/**
 * Of two or more headers of one column, those whose brackets make them another quantity (`年采购额（预测）` beside
 * `年采购额`) are no column of kam's: the plain one is the column, and no ambiguity is reported.
 */
function qualifiedAside(cells: readonly (HeaderText | undefined)[], matches: (HeaderMatch | undefined)[]): void {
  const byKey = new Map<string, number[]>();
  matches.forEach((m, c) => {
    if (m?.key === undefined) return;
    const list = byKey.get(m.key);
    if (list) list.push(c);
    else byKey.set(m.key, [c]);
  });
  for (const columns of byKey.values()) {
    if (columns.length < 2) continue;
    const qualified = columns.filter((c) => isQualified(cells[c]!.text));
    if (qualified.length === 0 || qualified.length === columns.length) continue;
    for (const c of qualified) matches[c] = { scale: matches[c]!.scale };
  }
}

/** A tick in a cell: √ ✓ ✔ ☑ ✅ ● ○ ⭕ x X × ✗ ✘ 是 Y. */
const TICK = /^(?:[√✓✔☑✅●○⭕xX×✗✘]|是|[yY])$/u;

function isTick(cell: Cell | undefined): boolean {
  return cell?.t === 's' && TICK.test(cell.v.trim());
}

/** A matrix column headed by a department: `市场部（部门）`, `Marketing (department)`. */
const DEPARTMENT_HOLDER = /^(.+?)\s*[（(](?:部门|部門|department|dept\.?)[)）]$/i;

/**
 * The row just above a matrix's header, when it holds texts over people's columns and nothing else
 * (kam's matrix writes its department row so, a department of one person over one column, which a
 * two-row header does not take: under a header of one column a text is a value): each text the
 * department of the people under it. A title in A1, or any text over another column, is no such row.
 */
function departmentRow(layout: Layout, holders: readonly Column[], above: RawRow | undefined, options: TableOptions): void {
  if (!above) return;
  const people = new Set(holders.filter((c) => !c.holderIsDepartment).map((c) => c.index));
  let any = false;
  for (let c = 0; c < above.cells.length; c++) {
    const cell = above.cells[c];
    if (isBlank(cell)) continue;
    // (A header merged down both rows, `客户名称` over A1:A2, stands over its own column in this row too.)
    const header = layout.columns[c]?.header;
    if (!people.has(c) && cell!.t === 's' && header !== undefined && fold(cell!.v) === fold(header)) continue;
    if (!people.has(c) || cell!.t !== 's') return;
    any = true;
  }
  if (!any) return;
  for (const col of holders) {
    const text = people.has(col.index) ? parseText(above.cells[col.index], options.date1904) : undefined;
    if (text?.ok) col.holderGroup = text.value;
  }
}

/**
 * Keeps the groups over people's columns that are their departments, drops the rest: in kam's own
 * matrix any group but a word for people in general; in a hand-made one a department's word
 * (`销售部`, `客服组`, `技术中心`, `Sales Dept`, `Support Team`), and not one group over all the people
 * (`Account team`, a title).
 */
function departmentsOfGroups(holders: readonly Column[], own: boolean, options: TableOptions): void {
  const people = holders.filter((c) => !c.holderIsDepartment);
  const groups = new Set(people.map((c) => c.holderGroup));
  if (groups.size === 1 && groups.has(undefined)) return;
  const one = !own && people.length > 1 && groups.size === 1;
  const indexes = [aliasIndex('assignments', options.aliases), aliasIndex('staff', options.aliases)] as const;
  for (const col of people) {
    const g = col.holderGroup;
    if (g === undefined) continue;
    if (one || !isGroupOfPeople(g, indexes) || (!own && !DEPARTMENT_WORD.test(g.trim()))) delete col.holderGroup;
  }
}

/** The words that end a department's name. */
const DEPARTMENT_WORD = /(?:部|部门|部門|组|組|中心|科|室|处|處|团队|團隊|分公司|子公司|大区|大區|办事处|辦事處|事业群|事業群|\b(?:department|dept\.?|team|division|group|office|unit))$/i;

/**
 * A group header over people's columns that can be their department: not a word for people or
 * roles in general (`人员`, `责任人`, `RACI`, `Team members`), and not a column's name (`负责人`).
 */
function isGroupOfPeople(group: string, [assignments, staff]: readonly [Map<string, string>, Map<string, string>]): boolean {
  const g = foldKey(group);
  if (g === '' || GENERIC_GROUPS.has(g)) return false;
  return matchHeader(group, 'assignments', assignments).key === undefined && matchHeader(group, 'staff', staff).key === undefined;
}

const GENERIC_GROUPS = new Set(
  ['人员', '成员', '员工', '团队', '团队成员', '项目组成员', '责任人', '负责人', '职责', '分工', '职责分工', '角色', '岗位', '参与人', '参与人员', 'RACI', 'RACI矩阵', '责任矩阵', 'people', 'person', 'staff', 'team', 'team members', 'members', 'roles', 'responsibilities', 'owners', 'stakeholders'].map(foldKey),
);

/** The share of a column's filled cells in the sample that read as the field (1 when none is filled). */
function readRate(sample: readonly RawRow[], c: number, test: (cell: Cell) => boolean | undefined, blank: (cell: Cell | undefined) => boolean = isBlank): number {
  let filled = 0;
  let ok = 0;
  for (const r of sample) {
    const cell = r.cells[c];
    if (blank(cell)) continue;
    filled++;
    if (test(cell!)) ok++;
  }
  return filled === 0 ? 1 : ok / filled;
}

/** How close a header is to a column's name: 0 a config alias, 1 the name or an alias, 2 a loose name. */
function nameRank(header: string, key: string, role: SheetRole, options: TableOptions): number {
  const h = foldKey(splitUnit(header).base);
  const own = options.aliases?.[key] ?? [];
  // The whole header, its brackets too, as the config names it: `Annual Revenue (converted)` beside
  // `Annual Revenue` (a Salesforce export; found by a new user: no alias could pick one of the two).
  if (own.some((a) => foldKey(a) === foldKey(header))) return -1;
  if (own.some((a) => foldKey(splitUnit(a).base) === h)) return 0;
  const spec = COLUMNS[role][key];
  return (spec?.loose ?? []).some((a) => foldKey(a) === h) ? 2 : 1;
}
