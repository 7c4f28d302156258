/** Opening a book for a command: config, sheets by role, Rules sheet, the date runs are as of. */
import { resolveConfig, type ResolvedConfig } from '../config/resolve.js';
import type { SheetRole } from '../model/columns.js';
import { ConfigError, InputError } from '../model/errors.js';
import { openBook } from '../io/open.js';
import { readRulesSheet } from '../io/sheets/rules.js';
import { locateSheets } from '../io/sheets/locate.js';
import type { SheetSource, WorkbookSource } from '../io/source.js';
import type { TableOptions } from '../io/table/scan.js';
import { localToday, type IsoDate } from '../util/date.js';
import type { CliContext } from '../cli/context.js';
import type { CommonOptions } from '../cli/options.js';
import { progressReporter } from '../cli/progress.js';
import { t } from '../i18n/messages.js';
import { readConfigSource } from '../io/config-file.js';

export interface Session {
  path: string;
  book: WorkbookSource;
  config: ResolvedConfig;
  configFile?: string;
  sheets: Partial<Record<SheetRole, SheetSource>>;
  asOf: IsoDate;
  tableOptions(sheet: SheetSource): TableOptions;
}

/** Reads config and book; flags win over the Rules sheet, which wins over kam.config.json. */
export async function openSession(
  path: string,
  roles: readonly SheetRole[],
  options: CommonOptions,
  ctx: CliContext,
  overrides: Record<string, unknown> = {},
): Promise<Session> {
  const source = await readConfigSource(options.config, path, ctx.cwd);
  const langFlag = options.lang;
  let config = resolveConfig(source, { overrides, lang: langFlag, env: ctx.env });
  const book = await openBook(path, { encoding: options.encoding, delimiter: options.delimiter });
  const sheets = await locateSheets(book, roles, config);
  for (const role of roles) sheets[role]?.prefetch?.();
  const session: Session = {
    path,
    book,
    config,
    sheets,
    asOf: options.asOf ?? localToday(ctx.now()),
    tableOptions: (sheet) => ({
      file: path,
      date1904: book.date1904,
      aliases: session.config.columns,
      onProgress: progressReporter(ctx, options, t(session.config.lang, 'note.reading', { sheet: sheet.name })),
    }),
  };
  if (source.file) session.configFile = source.file;
  if (sheets.rules) {
    const entries = await readRulesSheet(sheets.rules, session.tableOptions(sheets.rules));
    if (entries.length > 0) {
      try {
        config = resolveConfig(source, { rules: entries, overrides, lang: langFlag, env: ctx.env });
      } catch (err) {
        // A bad value in the Rules sheet names the book as well as the cell.
        if (err instanceof ConfigError && err.where.cell && !err.where.file) throw new ConfigError(err.code, err.params, { file: path, cell: err.where.cell });
        throw err;
      }
      session.config = config;
    }
  }
  if (options.verbose && !options.quiet) {
    ctx.stderr.write(`${source.file ? t(config.lang, 'note.config', { file: source.file }) : t(config.lang, 'note.noConfig')}\n`);
    if (book.kind === 'csv') ctx.stderr.write(`${t(config.lang, 'note.encoding', { file: path, encoding: book.encoding ?? '', delimiter: book.delimiter === '\t' ? 'tab' : (book.delimiter ?? ',') })}\n`);
  }
  return session;
}

/** The sheet for a role, or an exit-2 error that lists the sheets the book has. */
export function requireSheet(session: Session, role: SheetRole): SheetSource {
  const sheet = session.sheets[role];
  if (sheet) return sheet;
  const lang = session.config.lang;
  const roleNames = { accounts: ['客户', 'Accounts'], staff: ['人员', 'Staff'], assignments: ['分工', 'Assignments'], rules: ['规则', 'Rules'] }[role];
  throw new InputError(
    'input.missingSheet',
    { role: lang === 'zh' ? roleNames[0]! : roleNames[1]!, sheets: session.book.sheets.map((s) => s.name).join(', ') || '—', example: lang === 'zh' ? roleNames[0]! : roleNames[1]! },
    { file: session.path },
  );
}
