/** `kam report <book>`: the planning meeting's report — HTML for the screen, markdown for a pull request. */
import type { Command } from 'commander';
import { reportBook } from '../../app/report.js';
import type { CliContext } from '../context.js';
import { emit } from '../emit.js';
import { addCommonOptions, wholeNumber, type CommonOptions } from '../options.js';
import { openCliSession } from '../session.js';

export interface ReportCliOptions extends CommonOptions {
  top?: number;
}

/** Registers `report` on the program. */
export function reportCommandSpec(program: Command, run: (book: string, cmd: Command) => Promise<void>): Command {
  const cmd = program
    .command('report')
    .description('one report of tiers, responsibility gaps, workload and the RACI heat map: -o report.html (self-contained) or markdown')
    .argument('<book>', 'workbook (.xlsx), CSV file, or folder of CSV files')
    .option('--top <n>', 'rows shown per section before the rest is folded (default 20)', wholeNumber('--top'));
  addCommonOptions(cmd, 'report');
  return cmd.action((book: string, _o: unknown, c: Command) => run(book, c));
}

/** Runs `kam report`; the exit code follows the findings, as for `kam check`. */
export async function reportCommand(book: string, options: ReportCliOptions, ctx: CliContext): Promise<number> {
  const session = await openCliSession(book, ['accounts', 'staff', 'assignments'], options, ctx);
  const report = await reportBook(session, options.top !== undefined ? { top: options.top } : {});
  return emit('report', report, options, ctx, { lang: session.config.lang, inputs: { book, files: session.inputs } });
}
