/** `kam check <book>` (the CI command) and `kam gaps <book>` (the manager's gap report). */
import type { Command } from 'commander';
import { checkBook, gapsReport, type CheckReport } from '../../rules/check.js';
import { validateRuleOptions } from '../../rules/engine.js';
import { readBookTables } from '../../app/tables.js';
import type { CliContext } from '../context.js';
import { exitCodeFor } from '../exit.js';
import { addCommonOptions, type CommonOptions } from '../options.js';
import { contextFor, printResult, printsToStdout, writeReport } from '../emit.js';
import { openSession, type Session } from '../../app/session.js';

/** Registers `check` and `gaps` on the program. */
export function checkCommandSpecs(program: Command, run: (kind: 'check' | 'gaps', book: string, cmd: Command) => Promise<void>): void {
  const check = program
    .command('check')
    .description('validate structure, references and responsibilities (RACI, coverage, time nodes); the CI command')
    .argument('<book>', 'workbook (.xlsx), or folder of CSV files');
  addCommonOptions(check, ['text', 'json', 'github', 'junit', 'markdown']);
  check.action((book: string, _o: unknown, c: Command) => run('check', book, c));
  const gaps = program
    .command('gaps')
    .description('the responsibility-gap report, grouped by account, most severe and highest tier first')
    .argument('<book>', 'workbook (.xlsx), or folder of CSV files');
  addCommonOptions(gaps, ['text', 'json', 'markdown']);
  gaps.action((book: string, _o: unknown, c: Command) => run('gaps', book, c));
}

/** Reads every sheet the rules need and runs them. */
export async function checkSession(session: Session, options: CommonOptions, ctx: CliContext): Promise<CheckReport> {
  validateRuleOptions(session.config);
  const tables = await readBookTables(session, options, ctx);
  return checkBook({ file: session.path, asOf: session.asOf, config: session.config, sheetOrder: session.book.sheets.map((s) => s.name), ...tables });
}

/** Runs `kam check` or `kam gaps`; returns the exit code. */
export async function checkCommand(kind: 'check' | 'gaps', book: string, options: CommonOptions, ctx: CliContext): Promise<number> {
  const session = await openSession(book, ['accounts', 'staff', 'assignments'], options, ctx);
  const check = await checkSession(session, options, ctx);
  const result = kind === 'gaps' ? gapsReport(check) : check;
  const lang = session.config.lang;
  const rctx = contextFor(options, ctx, lang);
  if (options.output) await writeReport(result, options.output, book, ['json', 'markdown', 'junit', 'text'], options, ctx, lang);
  if (printsToStdout(options)) await printResult(result, options, ctx, rctx);
  return exitCodeFor(result.findings, options.failOn, options.maxWarnings);
}
