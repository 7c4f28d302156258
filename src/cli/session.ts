/** The CLI's side of a session: the request from the flags, the hooks from the process, --verbose lines. */
import { openSession, type AppEnv, type AppHooks, type Session } from '../app/session.js';
import { t } from '../i18n/messages.js';
import type { SheetRole } from '../model/columns.js';
import type { CliContext } from './context.js';
import { escapeData } from '../report/findings/github.js';
import type { CommonOptions } from './options.js';
import { progressReporter } from './progress.js';
import { join } from 'node:path';

/**
 * Warnings said even with --quiet: what kam did not check that the book asks it to (a sheet of a role not read,
 * a sheet with no records, a scoring column it cannot tell from another), and what a book's own Rules sheet
 * lowers or loosens (found by a CI user: a Rules sheet turning raci/no-accountable off was hidden by -q).
 */
const UNQUIET = new Set(['warn.formulasRead', 'warn.rulesSheetLowers', 'warn.rulesSheetLoosens', 'warn.configLoosens', 'warn.configLoosensDefaults', 'warn.unreadSheet', 'warn.noRows', 'warn.ambiguousCriterion']);

/**
 * Notes on stderr (unless --quiet; verbose ones only with --verbose) and a progress line on a terminal.
 * With `--format github` a warning (`warn.…`) is a workflow command, so that CI shows it as an annotation.
 */
export function hooksFor(options: CommonOptions, ctx: CliContext): AppHooks {
  return {
    note: (lang, code, params, verbose) => {
      if (verbose && !options.verbose) return;
      if (options.quiet && !UNQUIET.has(code)) return;
      const message = t(lang, code, params);
      ctx.stderr.write(code.startsWith('warn.') && options.format === 'github' ? `::warning title=kam::${escapeData(message)}\n` : `kam: ${message}\n`);
    },
    progress: (lang, sheet) => progressReporter(ctx, options, t(lang, 'note.reading', { sheet })),
  };
}

/** What the application gets of the process. */
export function appEnv(options: CommonOptions, ctx: CliContext): AppEnv {
  return { cwd: ctx.cwd, env: ctx.env, now: ctx.now, hooks: hooksFor(options, ctx) };
}

/** Opens the book a command names, with the options every command shares. */
export async function openCliSession(path: string, roles: readonly SheetRole[], options: CommonOptions, ctx: CliContext, overrides: Record<string, unknown> = {}, checks = true): Promise<Session> {
  const session = await openSession(
    { path, roles, config: options.config, lang: options.lang, encoding: options.encoding, delimiter: options.delimiter, asOf: options.asOf, overrides, checks, ...(options.bookRules === false ? { bookRules: false } : {}) },
    appEnv(options, ctx),
  );
  if (options.verbose && !options.quiet) {
    const { config, book } = session;
    ctx.stderr.write(`${session.configFile ? t(config.lang, 'note.config', { file: session.configFile }) : t(config.lang, 'note.noConfig')}\n`);
    if (session.rulesSheet) ctx.stderr.write(`${t(config.lang, 'note.rulesSheet', { sheet: session.rulesSheet.name, n: session.rulesSheet.settings })}\n`);
    const delimiterName = (d: string | undefined): string => (d === '\t' ? 'tab' : (d ?? ','));
    // A folder's files each as read (found by a new user: `read as utf-8, gb18030, delimiter "tab ,"` said not which was which).
    const files = book.kind === 'csv' && book.sheets.length > 1 && book.sheets.every((s) => s.encoding !== undefined) ? book.sheets : undefined;
    if (files) for (const s of files) ctx.stderr.write(`${t(config.lang, 'note.encoding', { file: join(path, s.name), encoding: s.encoding!, delimiter: delimiterName(s.delimiter) })}\n`);
    else if (book.kind === 'csv') ctx.stderr.write(`${t(config.lang, 'note.encoding', { file: path, encoding: book.encoding ?? '', delimiter: delimiterName(book.delimiter) })}\n`);
  }
  return session;
}

/** After a write into the book: the formulas that read the cells written, which show their old results until recalculated. */
export function sayFormulasRead(session: Session, formulas: { count: number; cell: string; formula: string } | undefined): void {
  if (formulas) session.note('warn.formulasRead', { n: formulas.count, cell: formulas.cell, formula: formulas.formula.length > 60 ? `${formulas.formula.slice(0, 59)}…` : formulas.formula });
}
