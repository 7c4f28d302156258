/** `kam check <book>` (the CI command) and `kam gaps <book>` (the manager's gap report). */
import type { Command } from 'commander';
import { checkBook, gapsBook } from '../../app/check.js';
import type { CliContext } from '../context.js';
import { emit } from '../emit.js';
import { addCommonOptions, type CommonOptions } from '../options.js';
import { openCliSession } from '../session.js';

/** Registers `check` and `gaps` on the program. */
export function checkCommandSpecs(program: Command, run: (kind: 'check' | 'gaps', book: string, cmd: Command) => Promise<void>): void {
  const check = program
    .command('check')
    .description('validate structure, references and responsibilities (RACI, coverage, time nodes); the CI command')
    .argument('<book>', 'workbook (.xlsx), CSV file, or folder of CSV files');
  addCommonOptions(check, 'check');
  check.action((book: string, _o: unknown, c: Command) => run('check', book, c));
  const gaps = program
    .command('gaps')
    .description('the responsibility-gap report, grouped by account, most severe and highest tier first')
    .argument('<book>', 'workbook (.xlsx), CSV file, or folder of CSV files');
  addCommonOptions(gaps, 'gaps');
  gaps.action((book: string, _o: unknown, c: Command) => run('gaps', book, c));
}

/** Runs `kam check` or `kam gaps`; returns the exit code. */
export async function checkCommand(kind: 'check' | 'gaps', book: string, options: CommonOptions, ctx: CliContext): Promise<number> {
  const session = await openCliSession(book, ['accounts', 'staff', 'assignments'], options, ctx);
  const how = { lang: session.config.lang, inputs: { book, files: session.inputs } };
  return kind === 'gaps' ? emit('gaps', await gapsBook(session), options, ctx, how) : emit('check', await checkBook(session), options, ctx, how);
}
