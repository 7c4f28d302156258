/** Runs kam on an argument list in a context and returns the exit code; nothing here exits. */
import { CommanderError } from 'commander';
import { envLang } from '../config/resolve.js';
import type { Lang } from '../model/lang.js';
import type { CliContext } from './context.js';
import { describeError, EXIT } from './exit.js';
import { createProgram } from './program.js';

/** Parses `argv` (without node and script), runs the command, maps any error to an exit code. */
export async function runCli(argv: readonly string[], ctx: CliContext): Promise<number> {
  let code: number = EXIT.ok;
  const program = createProgram(ctx, (c) => (code = c));
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError && ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(err.code)) {
      return err.code === 'commander.help' && argv.length === 0 ? EXIT.input : EXIT.ok;
    }
    const { code: exit, line } = describeError(err, langFromArgv(argv, ctx));
    ctx.stderr.write(`${line}\n`);
    if (argv.includes('--debug') && err instanceof Error && err.stack) ctx.stderr.write(`${err.stack}\n`);
    return exit;
  }
}

function langFromArgv(argv: readonly string[], ctx: CliContext): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = i < 0 ? undefined : argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  if (value === 'zh' || value === 'en') return value;
  return envLang(ctx.env) ?? 'zh';
}
