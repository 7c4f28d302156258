/** `kam matrix <book>`: the responsibility (RACI) matrix, in every format. */
import { Option, type Command } from 'commander';
import { matrixBook } from '../../app/matrix.js';
import { COLUMN_MODES, MATRIX_VIEWS, type ColumnMode, type MatrixView } from '../../matrix/build.js';
import type { CliContext } from '../context.js';
import { fileFormats } from '../../report/index.js';
import { emit, outputFormat } from '../emit.js';
import { addCommonOptions, type CommonOptions } from '../options.js';
import { openCliSession } from '../session.js';

export interface MatrixCliOptions extends CommonOptions {
  view?: MatrixView;
  columns?: ColumnMode;
  account?: string[];
  tier?: string;
  department?: string;
  person?: string;
  role?: string;
}

/** Registers `matrix` on the program. */
export function matrixCommandSpec(program: Command, run: (book: string, cmd: Command) => Promise<void>): Command {
  const cmd = program
    .command('matrix')
    .description('the responsibility matrix: accounts and tasks × people, departments or roles, with R/A/C/I cells and check columns')
    .argument('<book>', 'workbook (.xlsx), CSV file, or folder of CSV files')
    .addOption(new Option('--view <view>', 'rows: account (accounts and their tasks), task (task types), person (one block per person)').choices(MATRIX_VIEWS).default('account'))
    .addOption(new Option('--columns <columns>', 'columns: person (grouped by department), department or role').choices(COLUMN_MODES).default('person'))
    .option('--account <account>', 'only this account, by id or name (repeatable)', (v: string, prev: string[] = []) => [...prev, v])
    .option('--tier <tier>', 'only accounts of this tier (id, label or alias: strategic, 战略客户, A)')
    .option('--department <department>', 'only the people (and rows) of this department')
    .option('--person <person>', 'only this person and the activities they hold')
    .option('--role <role>', 'only the people of this role (岗位)');
  addCommonOptions(cmd, 'matrix');
  return cmd.action((book: string, _o: unknown, c: Command) => run(book, c));
}

/** Runs `kam matrix`; returns the exit code (1 on findings at or above --fail-on, as every command). */
export async function matrixCommand(book: string, options: MatrixCliOptions, ctx: CliContext): Promise<number> {
  const session = await openCliSession(book, ['accounts', 'staff', 'assignments'], options, ctx);
  const matrix = await matrixBook(session, {
    ...(options.view ? { view: options.view } : {}),
    ...(options.columns ? { columns: options.columns } : {}),
    ...(options.account ? { accounts: options.account } : {}),
    ...(options.tier !== undefined ? { tier: options.tier } : {}),
    ...(options.department !== undefined ? { department: options.department } : {}),
    ...(options.person !== undefined ? { person: options.person } : {}),
    ...(options.role !== undefined ? { role: options.role } : {}),
    // A workbook holds a sheet for every view, whichever --view names.
    ...(options.output !== undefined && outputFormat(options.output, fileFormats('matrix')) === 'xlsx' ? { allViews: true } : {}),
  });
  return emit('matrix', matrix, options, ctx, { lang: session.config.lang, inputs: { book, files: session.inputs } });
}
