/** Which sheet of a book plays which role: by name (aliases, config), else by its header row. */
import type { Aliases } from '../../model/aliases.js';
import { basename, extname } from 'node:path';
import { missingKeyColumn, SHEET_ALIASES, type SheetRole } from '../../model/columns.js';
import { foldKey } from '../../util/text.js';
import type { Params } from '../../model/errors.js';
import { aliasIndex } from '../../parse/headers.js';
import { eachRow, type SheetSource, type WorkbookSource } from '../source.js';
import { headerKeys } from '../table/header.js';

/** The sheet name without a CSV file's extension, folded for matching. */
function sheetKey(book: WorkbookSource, sheet: SheetSource): string {
  return foldKey(sheetName(book, sheet));
}

/** The sheet name without a CSV file's extension. */
function sheetName(book: WorkbookSource, sheet: SheetSource): string {
  return book.kind === 'csv' ? basename(sheet.name, extname(sheet.name)) : sheet.name;
}

/** The number Excel and WPS put after the name of a sheet copied: `客户信息 (2)`, `客户信息(2)`. */
const COPY = /\s*[(（]\d+[)）]\s*$/;

/**
 * Finds the sheets for the roles asked for. Names first (built-in and configured aliases, case- and
 * width-insensitive); a single CSV serves as Accounts; otherwise a sheet whose header row names the
 * role's columns is taken (a book whose only sheet is "Sheet1" still works).
 */
export async function locateSheets(
  book: WorkbookSource,
  roles: readonly SheetRole[],
  config: { sheets?: Partial<Record<SheetRole, readonly string[]>>; columns?: Aliases },
  note: (code: string, params: Params, verbose: boolean) => void = () => undefined,
): Promise<Partial<Record<SheetRole, SheetSource>>> {
  const found: Partial<Record<SheetRole, SheetSource>> = {};
  const taken = new Set<SheetSource>();
  // A visible sheet wins over a hidden one for the same role: a hidden sheet is often a stale copy.
  const pick = (role: SheetRole, candidates: SheetSource[]): SheetSource | undefined => {
    const visible = candidates.find((s) => !s.hidden);
    const hidden = candidates.find((s) => s.hidden);
    if (visible && hidden) note('note.hiddenSkipped', { hidden: hidden.name, visible: visible.name, role }, true);
    if (!visible && hidden) note('warn.hiddenOnly', { sheet: hidden.name, role }, false);
    // Two visible sheets named for one role: one is read, and the other is said (found by a new user: `Accounts` beside
    // `客户信息`, or a copy `客户信息 (2)`, left three accounts out without a word).
    const other = candidates.find((s) => !s.hidden && s !== visible);
    if (visible && other) note('warn.sheetsOneRole', { read: visible.name, other: other.name, role }, false);
    return visible ?? hidden;
  };
  // Hidden sheets whose name fits a role: taken only when no visible sheet plays it by name or by headers
  // (a hidden `客户信息` beside a visible copy Excel named `客户信息 (2)` is the stale one).
  const hiddenByName: Partial<Record<SheetRole, SheetSource>> = {};
  for (const role of ['accounts', 'staff', 'assignments', 'rules'] as const) {
    const names = new Set([...(config.sheets?.[role] ?? []), ...SHEET_ALIASES[role]].map(foldKey));
    const candidates = book.sheets.filter((s) => !taken.has(s) && names.has(sheetKey(book, s)));
    if (candidates.length > 0 && candidates.every((s) => s.hidden)) {
      hiddenByName[role] = candidates[0]!;
      continue;
    }
    const sheet = pick(role, candidates);
    if (sheet) {
      found[role] = sheet;
      taken.add(sheet);
      // A copy of it Excel made (`客户信息 (2)`): not read, and said (found by review: left out without a word).
      const copy = book.sheets.find((s) => {
        const name = sheetName(book, s);
        return s !== sheet && !s.hidden && !candidates.includes(s) && COPY.test(name) && names.has(foldKey(name.replace(COPY, '')));
      });
      if (copy && !sheet.hidden) note('warn.sheetsOneRole', { read: sheet.name, other: copy.name, role }, false);
    }
  }
  for (const sheet of Object.values(hiddenByName)) taken.add(sheet);
  if (book.kind === 'csv' && book.sheets.length === 1 && !found.accounts && roles.includes('accounts') && taken.size === 0) {
    // A single CSV is the Accounts table — unless it has tasks: then it is the division of labour
    // (a `kam matrix -o m.csv` read back, a long export of 分工明细).
    const sheet = book.sheets[0]!;
    if (roles.includes('assignments') && (await sheetScore(sheet, 'assignments', aliasIndex('assignments', config.columns))) > 0) found.assignments = sheet;
    else found.accounts = sheet;
    return found;
  }
  const tasksIndex = aliasIndex('assignments', config.columns);
  // The sheet that would be the division of labour by its header, when none is by its name: looked for once.
  let tasks: Promise<SheetSource | undefined> | undefined;
  const tasksSheet = (): Promise<SheetSource | undefined> =>
    (tasks ??= (async () => {
      if (found.assignments || hiddenByName.assignments) return undefined;
      // The sheet whose header names more of the division of labour's columns than of the accounts', by the most.
      const accountsIndex = aliasIndex('accounts', config.columns);
      let best: SheetSource | undefined;
      let bestLead = -Infinity;
      for (const sheet of book.sheets) {
        if (taken.has(sheet) || sheet.hidden || MATRIX_VIEW_SHEETS.has(sheetKey(book, sheet))) continue;
        const score = await sheetScore(sheet, 'assignments', tasksIndex);
        if (score === 0) continue;
        const lead = score - (await sheetScore(sheet, 'accounts', accountsIndex));
        if (lead > bestLead) [best, bestLead] = [sheet, lead];
      }
      return best;
    })());
  for (const role of roles) {
    if (found[role] || role === 'rules') continue;
    const hidden = hiddenByName[role];
    if (hidden) taken.delete(hidden);
    const index = aliasIndex(role, config.columns);
    // (A few: each pass inflates a whole part, and holds up to 8 MiB ahead while it runs.)
    prefetch(book.sheets.filter((sheet) => !taken.has(sheet) && !MATRIX_VIEW_SHEETS.has(sheetKey(book, sheet))).slice(0, PREFETCH_SHEETS));
    let best: SheetSource | undefined;
    let bestScore = 1;
    // Visible sheets first; a hidden one only when no visible sheet has the role's header.
    for (const pass of [false, true]) {
      for (const sheet of book.sheets) {
        if (taken.has(sheet) || Boolean(sheet.hidden) !== pass || MATRIX_VIEW_SHEETS.has(sheetKey(book, sheet))) continue;
        const score = await sheetScore(sheet, role, index);
        // A division of labour names an account and a task (`客户名称 | 工作内容 | 负责人`): not the accounts,
        // though its header names an account (found by a new user: a lone `Sheet1` of 分工 was read as the
        // customer list, one duplicate per task row, and the book had no division of labour) — when the book
        // has no other division of labour (an accounts sheet with a `服务项目` column beside 分工 is the accounts).
        if (score > bestScore && role === 'accounts' && (await sheetScore(sheet, 'assignments', tasksIndex)) >= score && (await tasksSheet()) === sheet) continue;
        if (score > bestScore) [best, bestScore] = [sheet, score];
      }
      if (best) break;
    }
    // A visible sheet with the role's headers and rows under them wins over the hidden one named for it.
    if (hidden && best && !best.hidden && best !== hidden && (await filledRows(best)) >= 2) note('note.hiddenSkipped', { hidden: hidden.name, visible: best.name, role }, true);
    else if (hidden) {
      // No visible sheet has the role's headers: the hidden one named for it is read, with a warning.
      best = hidden;
    }
    if (best?.hidden) note('warn.hiddenOnly', { sheet: best.name, role }, false);
    if (best) {
      found[role] = best;
      taken.add(best);
    }
  }
  if (hiddenByName.rules && !found.rules) {
    // Its settings change every result: said, as of any hidden sheet read (found by a new user: a very hidden
    // 规则 of `tiers.0.top 50%` made 15 accounts Strategic instead of 4 without a word).
    found.rules = hiddenByName.rules;
    note('warn.hiddenOnly', { sheet: found.rules.name, role: 'rules' }, false);
  }
  return found;
}

/** Sheets whose merged ranges are looked for at once while the sheets' headers are read. */
const PREFETCH_SHEETS = 4;

/**
 * Starts what the sheets' rows need first (an XLSX sheet's merged ranges, found by inflating its
 * whole part) for all of them at once, on libuv's threads, before their headers are read one by one.
 */
function prefetch(sheets: readonly SheetSource[]): void {
  for (const sheet of sheets) sheet.prefetch?.(true);
}

/**
 * The other sheets of a `kam matrix` workbook (by task, by person, the legend): never taken for a
 * role by their headers (按人员 names people and accounts, but is no Staff sheet).
 */
const MATRIX_VIEW_SHEETS = new Set(['按工作', '按人员', '说明', '人员合计', 'by task', 'by person', 'legend', 'totals'].map(foldKey));

/** How many of a sheet's first rows hold anything (2 or more: a header with a row under it). */
async function filledRows(sheet: SheetSource): Promise<number> {
  let n = 0;
  let seen = 0;
  for await (const row of eachRow(sheet, { sniff: true })) {
    if (row.cells.some((c) => c !== undefined && !(c.t === 's' && c.v.trim() === ''))) n++;
    if (n >= 2 || ++seen >= 30) break;
  }
  return n;
}

/** The best header score among a sheet's first rows; 0 unless the role's key columns are there. */
async function sheetScore(sheet: SheetSource, role: SheetRole, index: Map<string, string>): Promise<number> {
  return (await bestHeader(sheet, role, index)).score;
}

/** The header row among a sheet's first 30 rows that names most of the role's columns, with their keys. */
async function bestHeader(sheet: SheetSource, role: SheetRole, index: Map<string, string>): Promise<{ score: number; keys: Set<string> }> {
  let best = { score: 0, keys: new Set<string>() };
  let seen = 0;
  for await (const row of eachRow(sheet, { sniff: true })) {
    // (Keys as the header reader reads them: `客户名称 Account Name`, `★客户名称` too.)
    const keys = headerKeys(row, role, index);
    if (keys.size > best.score && missingKeyColumn(role, keys) === undefined) best = { score: keys.size, keys };
    if (++seen >= 30) break;
  }
  return best;
}

/**
 * A RACI matrix and the long division-of-labour sheet beside it in one book (issue 10: a manager's
 * edited 按客户 pasted next to 分工明细): the matrix says who holds which letters, the long sheet
 * the frequency, hours, due dates and status a matrix cannot hold. Found when the sheet taken for
 * Assignments and one other visible sheet both have account and task columns and exactly one of
 * them has neither a person nor a RACI column (the matrix; its letters are checked when it is read).
 */
export async function locateMatrixBeside(
  book: WorkbookSource,
  found: Partial<Record<SheetRole, SheetSource>>,
  config: { columns?: Aliases },
): Promise<{ matrix: SheetSource; long: SheetSource } | undefined> {
  const primary = found.assignments;
  if (!primary || book.sheets.length < 2) return undefined;
  const index = aliasIndex('assignments', config.columns);
  // A long sheet has letters in a RACI column and a holder (a work log with 执行人 and 工时 is none);
  // a matrix has neither a person, nor a department, nor a RACI column.
  const shape = async (sheet: SheetSource): Promise<'long' | 'matrix' | undefined> => {
    const { score, keys } = await bestHeader(sheet, 'assignments', index);
    if (score === 0) return undefined;
    if (keys.has('raci')) return keys.has('person') || keys.has('department') ? 'long' : undefined;
    return keys.has('person') || keys.has('department') ? undefined : 'matrix';
  };
  const first = await shape(primary);
  if (!first) return undefined;
  const taken = new Set(Object.values(found));
  const others = book.sheets.filter((sheet) => !taken.has(sheet) && !sheet.hidden && !MATRIX_VIEW_SHEETS.has(sheetKey(book, sheet)));
  // Only now that the primary sheet has a shape are the others' headers read (a few prefetched: see PREFETCH_SHEETS).
  prefetch(others.slice(0, PREFETCH_SHEETS));
  for (const sheet of others) {
    const other = await shape(sheet);
    if (!other || other === first) continue;
    return first === 'matrix' ? { matrix: primary, long: sheet } : { matrix: sheet, long: primary };
  }
  return undefined;
}

/**
 * Visible sheets no role took whose header names the columns of a sheet a role took — a region's
 * `分工明细-华南` beside `分工明细`, a year's `Sheet2` beside `Sheet1`, an `assignments-south.csv` — with
 * the sheet read instead: kam reads one sheet a role, so their rows are left out, and that is said
 * (found by a new user: a second division of labour's unknown person, missing A and past date passed
 * kam check, exit 0, without a word). Sheets named for a role are said where they are found by name;
 * the sheets of a matrix beside its long sheet are both read.
 */
export async function unreadTwins(
  book: WorkbookSource,
  found: Partial<Record<SheetRole, SheetSource>>,
  config: { sheets?: Partial<Record<SheetRole, readonly string[]>>; columns?: Aliases },
  read: readonly SheetSource[] = [],
): Promise<{ sheet: string; read: string; role: SheetRole }[]> {
  const taken = new Set<SheetSource>([...Object.values(found), ...read]);
  const named = new Set((['accounts', 'staff', 'assignments', 'rules'] as const).flatMap((role) => [...(config.sheets?.[role] ?? []), ...SHEET_ALIASES[role]]).map(foldKey));
  const others = book.sheets.filter((s) => !taken.has(s) && !s.hidden && !MATRIX_VIEW_SHEETS.has(sheetKey(book, s)) && !named.has(foldKey(sheetName(book, s).replace(COPY, ''))));
  if (others.length === 0) return [];
  const out: { sheet: string; read: string; role: SheetRole }[] = [];
  const said = new Set<SheetSource>();
  const tasksIndex = aliasIndex('assignments', config.columns);
  for (const role of ['assignments', 'accounts', 'staff'] as const) {
    const sheet = found[role];
    if (!sheet) continue;
    const index = aliasIndex(role, config.columns);
    const mine = (await bestHeader(sheet, role, index)).keys;
    // (A Staff sheet of names, departments and e-mails is told from a list of contacts by nothing: only one with what
    // only staff have — a week's capacity, a cap of accounts, whether employed — has twins to look for.)
    if (mine.size === 0 || (role === 'staff' && !STAFF_ONLY.some((k) => mine.has(k)))) continue;
    for (const other of others) {
      if (said.has(other)) continue;
      const { score, keys } = await bestHeader(other, role, index);
      if (score === 0 || !sameColumns(mine, keys)) continue;
      // (A division of labour names its accounts too: it is no second Accounts sheet.)
      if (role !== 'assignments' && (await sheetScore(other, 'assignments', tasksIndex)) >= score) continue;
      said.add(other);
      out.push({ sheet: other.name, read: sheet.name, role });
    }
  }
  return out;
}

const STAFF_ONLY = ['capacity_hours', 'max_accounts', 'active'];

/**
 * Whether `other` names every column `read` names, three or more: a second sheet of the same kind (a contacts
 * sheet or an org chart, `姓名 | 部门 | 岗位 | 电话` beside a Staff sheet with its capacity, is none; found by review).
 */
function sameColumns(read: ReadonlySet<string>, other: ReadonlySet<string>): boolean {
  if (read.size < 3) return false;
  for (const k of read) if (!other.has(k)) return false;
  return true;
}
