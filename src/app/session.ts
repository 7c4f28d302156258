/**
 * Opening a book for a command: the config (file, Rules sheet, flags), the book and its sheets by
 * role, and the date runs are as of. What the process gives (cwd, environment, clock, stderr) is
 * passed in, so the application layer runs the same in the CLI and in a test.
 */
import { fromDecimalComma } from '../parse/values.js';
import { basename } from 'node:path';
import { resolveConfig, type ResolvedConfig } from '../config/resolve.js';
import { configPassedOver, readConfigSource } from '../io/config-file.js';
import { openBook } from '../io/open.js';
import { locateMatrixBeside, locateSheets, unreadTwins } from '../io/sheets/locate.js';
import { readRulesSheet } from '../io/sheets/rules.js';
import type { SheetSource, WorkbookSource } from '../io/source.js';
import type { TableOptions } from '../io/table/scan.js';
import { tierRecognizer } from '../model/tier.js';
import { missingKeyColumn, SHEET_ROLE_NAMES, type SheetRole } from '../model/columns.js';
import { ConfigError, InputError, type Params } from '../model/errors.js';
import type { Lang } from '../model/lang.js';
import type { Layout } from '../model/table.js';
import { looserSettings, lowerRules } from '../config/looser.js';
import { localToday, type IsoDate } from '../util/date.js';

/** What the application tells its caller while it works: notes for stderr and reading progress. */
export interface AppHooks {
  /** A note as a message code; `verbose` notes are for --verbose only. */
  note(lang: Lang, code: string, params: Params, verbose: boolean): void;
  /** A progress callback for reading one sheet, or undefined for none. */
  progress(lang: Lang, sheet: string): ((fraction: number) => void) | undefined;
}

/** What the process gives the application. */
export interface AppEnv {
  cwd: string;
  env: NodeJS.ProcessEnv;
  now: () => Date;
  hooks: AppHooks;
}

/** Which book to open and how: the options every command shares. */
export interface SessionRequest {
  path: string;
  /** The sheet roles the command needs (found by content when no sheet has a known name). */
  roles: readonly SheetRole[];
  /** `--config`: the config file; else kam.config.json next to the book or above it. */
  config?: string;
  lang?: Lang;
  encoding?: string;
  delimiter?: string;
  asOf?: IsoDate;
  /** Flag values (`scoring.method`, …): they win over the file and the Rules sheet. */
  overrides?: Record<string, unknown>;
  /** Whether a Rules sheet that lowers or loosens the checks is said (not by kam convert, which checks nothing). */
  checks?: boolean;
  /**
   * The config already in force (`kam diff` scores the old version with the new one's): no config
   * file is looked for and the book's Rules sheet is not applied.
   */
  resolved?: { config: ResolvedConfig; file?: string };
  /** `--no-book-rules`: the book's own Rules sheet is not applied (a CI job checking a change it does not trust). */
  bookRules?: boolean;
}

/** A RACI matrix and the long division-of-labour sheet beside it, and the sheet found for the role. */
export interface Beside {
  matrix: SheetSource;
  long: SheetSource;
  primary: SheetSource;
}

export interface Session {
  path: string;
  book: WorkbookSource;
  config: ResolvedConfig;
  configFile?: string;
  /** The book's Rules sheet, when its settings are in force: its name and how many it set. */
  rulesSheet?: { name: string; settings: number };
  sheets: Partial<Record<SheetRole, SheetSource>>;
  /**
   * A RACI matrix and the long division-of-labour sheet beside it: read together when they are
   * about the same work (else `primary`, the sheet found for the role, is read alone).
   */
  beside(): Promise<Beside | undefined>;
  asOf: IsoDate;
  /** Every file the session read (the workbook, each CSV of a folder, the config file): -o may be none of them. */
  inputs: readonly string[];
  tableOptions(sheet: SheetSource): TableOptions;
  /** A note for stderr in the config's language. */
  note(code: string, params?: Params, verbose?: boolean): void;
  /** Says, once, the visible sheets with every column of a sheet read that are not read (a region's second 分工明细). */
  sayUnreadSheets(): Promise<void>;
}

/** Reads config and book; flags win over the Rules sheet, which wins over kam.config.json. */
export async function openSession(request: SessionRequest, env: AppEnv): Promise<Session> {
  const { path, roles } = request;
  const overrides = request.overrides ?? {};
  const fixed = request.resolved;
  const source = fixed ? { raw: {}, ...(fixed.file ? { file: fixed.file } : {}) } : await readConfigSource(request.config, path, env.cwd);
  let config = fixed ? fixed.config : resolveConfig(source, { overrides, lang: request.lang, env: env.env });
  // A config passed over in a folder anyone may write to (/tmp) is said, not left out without a word (found by review).
  if (!fixed && request.config === undefined && source.file === undefined) {
    const passed = configPassedOver(path, env.cwd);
    if (passed !== undefined) env.hooks.note(config.lang, 'warn.configInSharedTemp', { file: passed }, false);
  }
  const book = await openBook(path, { encoding: request.encoding, delimiter: request.delimiter, maxBytes: config.limits.inputMB * 2 ** 20 });
  const sheets = await locateSheets(book, roles, config, (code, params, verbose) =>
    env.hooks.note(config.lang, code, { ...params, role: SHEET_ROLE_NAMES[params.role as SheetRole][config.lang] }, verbose),
  );
  // Looking at the other sheets' headers waits for the largest sheet's merged ranges (its whole part
  // inflated): started now, awaited when the division of labour is read, after Accounts and Staff.
  // The sheets the command reads have their merged ranges found at once (XlsxSheet.prefetch).
  for (const role of roles) sheets[role]?.prefetch?.();
  const primary = roles.includes('assignments') ? sheets.assignments : undefined;
  const beside: Promise<Beside | undefined> = primary ? locateMatrixBeside(book, sheets, config).then((found) => found && { ...found, primary }) : Promise.resolve(undefined);
  beside.catch(() => undefined);
  // Sheets with every column of a read sheet that are not read: looked for once the sheets the command reads are
  // under way (their headers wait for the largest part's merged ranges, as `beside` does), said once.
  let twins: Promise<void> | undefined;
  const sayUnreadSheets = (): Promise<void> =>
    (twins ??= (async () => {
      if (book.sheets.length <= Object.keys(sheets).length) return;
      const pair = await beside.catch(() => undefined);
      for (const t of await unreadTwins(book, sheets, config, pair ? [pair.matrix, pair.long] : [])) {
        env.hooks.note(config.lang, 'warn.unreadSheet', { ...t, role: SHEET_ROLE_NAMES[t.role][config.lang] }, false);
      }
    })());
  const session: Session = {
    path,
    book,
    config,
    sheets,
    asOf: request.asOf ?? localToday(env.now()),
    inputs: [...(book.files ?? [path]), ...(source.file ? [source.file] : [])],
    tableOptions: (sheet) => ({
      file: path,
      date1904: book.date1904,
      ...(sheet.decimalComma ? { decimalComma: sheet.decimalComma } : {}),
      aliases: session.config.columns,
      hoursPerDay: session.config.load.hoursPerDay,
      ...(session.config.dateOrder ? { dateOrder: session.config.dateOrder } : {}),
      onProgress: env.hooks.progress(session.config.lang, sheet.name),
      note: (code, params, verbose) => env.hooks.note(session.config.lang, code, params, verbose),
      tierWords: (text) => tierRecognizer(session.config.tiers)(text) !== undefined,
    }),
    note: (code, params = {}, verbose = false) => env.hooks.note(session.config.lang, code, params, verbose),
    beside: () => beside,
    sayUnreadSheets,
  };
  if (source.file) session.configFile = source.file;
  // A `;` CSV whose numbers do not show their decimal mark is read with a comma: said, with a value it decides.
  for (const s of book.sheets) if (s.decimalCommaGuessed !== undefined) session.note('note.decimalComma', { file: s.name, example: s.decimalCommaGuessed, value: fromDecimalComma(s.decimalCommaGuessed.replace(/^"|"$/g, '')) ?? '' });
  if (sheets.rules && !fixed && request.bookRules === false) session.note('note.bookRulesIgnored', { sheet: sheets.rules.name }, true);
  else if (sheets.rules && !fixed) {
    const entries = await readRulesSheet(sheets.rules, session.tableOptions(sheets.rules));
    if (entries.length > 0) {
      const before = config;
      try {
        config = resolveConfig(source, { rules: entries, overrides, lang: request.lang, env: env.env });
      } catch (err) {
        // A bad value in the Rules sheet names the book as well as the cell.
        if (err instanceof ConfigError && err.where.cell && !err.where.file) throw new ConfigError(err.code, err.params, { file: path, cell: err.where.cell });
        throw err;
      }
      session.config = config;
      session.rulesSheet = { name: sheets.rules.name, settings: entries.length };
      // A rule the book's own sheet turns off or lowers changes what a CI job fails on: said, not only with --verbose
      // (found by a CI user: a change that dropped an A and added rules.csv turning raci/no-accountable off passed, silently).
      // (Not by a command that checks nothing: kam convert.)
      const lowered = request.checks !== false ? lowerRules(before.rules, config.rules) : [];
      if (lowered.length > 0) session.note('warn.rulesSheetLowers', { sheet: sheets.rules.name, rules: lowered.join(', ') });
      // So does one that requires fewer tasks, or raises a load threshold (found by review: said of rule levels only).
      const looser = request.checks !== false ? looserSettings(before, config) : [];
      if (looser.length > 0) session.note('warn.rulesSheetLoosens', { sheet: sheets.rules.name, settings: looser.join('; ') });
    }
  }
  return session;
}

/**
 * The Accounts sheet, or an exit-2 error; where the book's table is a division of labour (a row per task, 客户等级 and
 * 年采购额 merged down an account's rows), the error says so: renamed as the accounts, as the plain error advised, each
 * task row would be an account (found by a new user).
 */
export async function requireAccounts(session: Session): Promise<SheetSource> {
  if (session.sheets.accounts) return session.sheets.accounts;
  const division = session.sheets.assignments ?? (await locateSheets(session.book, ['assignments'], session.config)).assignments;
  if (division) {
    const name = SHEET_ROLE_NAMES.accounts[session.config.lang];
    throw new InputError('input.accountsInDivision', { role: name, sheet: division.name, example: name }, { file: session.path });
  }
  return requireSheet(session, 'accounts');
}

/** The sheet for a role, or an exit-2 error that lists the sheets the book has. */
export function requireSheet(session: Session, role: SheetRole): SheetSource {
  const sheet = session.sheets[role];
  if (sheet) return sheet;
  const name = SHEET_ROLE_NAMES[role][session.config.lang];
  // One CSV is one table: no sheet of it can be renamed (found by a new user); a folder of CSV files or a workbook holds the others.
  const single = session.book.kind === 'csv' && session.book.sheets.length === 1 && session.book.sheets[0]!.name === basename(session.path);
  if (single) throw new InputError('input.missingSheetCsv', { role: name, file: `${role}.csv` }, { file: session.path });
  throw new InputError('input.missingSheet', { role: name, sheets: session.book.sheets.map((s) => s.name).join(', ') || '—', example: name }, { file: session.path });
}

/** An exit-2 error when a table lacks a column it cannot be used without (SPEC §1). */
export function requireKeyColumns(session: Session, role: SheetRole, layout: Layout): void {
  const column = missingKeyColumn(role, layout.byKey);
  if (column !== undefined) throw new InputError('input.missingColumn', { role, column }, { file: session.path, sheet: layout.sheet });
}

