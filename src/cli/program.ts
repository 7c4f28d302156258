/** createProgram(): the commander tree, without parsing, so that tests can drive it. */
import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import type { CliContext } from './context.js';
import { checkCommand, checkCommandSpecs } from './commands/check.js';
import { configCommand, configCommandSpec, type ConfigOptions } from './commands/config.js';
import { diffCommand, diffCommandSpecs, textconvCommand, type DiffCliOptions } from './commands/diff.js';
import { convertCommand, convertCommandSpec, type ConvertCliOptions } from './commands/convert.js';
import { initCommand, initCommandSpec, type InitCliOptions } from './commands/init.js';
import { reportCommand, reportCommandSpec, type ReportCliOptions } from './commands/report.js';
import { loadCommand, loadCommandSpec, type LoadOptions } from './commands/load.js';
import { matrixCommand, matrixCommandSpec, type MatrixCliOptions } from './commands/matrix.js';
import { tierCommand, tierCommandSpec, type TierOptions } from './commands/tier.js';
import { mergedOptions } from './options.js';
import { LANGS } from '../model/lang.js';
import { packageFile } from './paths.js';

function version(): string {
  const pkg = JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** The program; `setExit` receives each command's exit code. */
export function createProgram(ctx: CliContext, setExit: (code: number) => void): Command {
  const program = new Command('kam')
    .description('key account management (大客户管理) over local spreadsheets: tiers, responsibilities, workload')
    .version(version(), '-V, --version')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.stdout.write(s),
      writeErr: (s) => ctx.stderr.write(s),
      outputError: () => undefined,
    })
    .showSuggestionAfterError(true)
    // The choices checked here too: an option given after the command name may be the program's.
    .addOption(new Option('--lang <lang>', 'language of messages: zh or en (default from LANG/LC_ALL)').choices(LANGS))
    .option('--no-color', 'no colours (also NO_COLOR=1)')
    .option('--debug', 'print stack traces of errors')
    .option('-q, --quiet', 'print nothing but results and errors (and warnings that part of the book was not read, or that its checks were lowered)');

  tierCommandSpec(program, async (book, cmd) => setExit(await tierCommand(book, mergedOptions(cmd) as TierOptions, ctx)));
  checkCommandSpecs(program, async (kind, book, cmd) => setExit(await checkCommand(kind, book, mergedOptions(cmd), ctx)));
  loadCommandSpec(program, async (book, cmd) => setExit(await loadCommand(book, mergedOptions(cmd) as LoadOptions, ctx)));
  matrixCommandSpec(program, async (book, cmd) => setExit(await matrixCommand(book, mergedOptions(cmd) as MatrixCliOptions, ctx)));
  configCommandSpec(program, async (book, cmd) => setExit(await configCommand(book, mergedOptions(cmd) as ConfigOptions, ctx)));
  convertCommandSpec(program, async (input, output, cmd) => setExit(await convertCommand(input, output, mergedOptions(cmd) as ConvertCliOptions, ctx)));
  reportCommandSpec(program, async (book, cmd) => setExit(await reportCommand(book, mergedOptions(cmd) as ReportCliOptions, ctx)));
  diffCommandSpecs(
    program,
    async (args, cmd) => setExit(await diffCommand(args, mergedOptions(cmd) as DiffCliOptions, ctx)),
    async (book, cmd) => setExit(await textconvCommand(book, mergedOptions(cmd), ctx)),
  );
  initCommandSpec(program, async (file, cmd) => setExit(await initCommand(file, mergedOptions(cmd) as unknown as InitCliOptions, ctx)));
  return program;
}
