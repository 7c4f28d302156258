/** `kam config [book]`: the config in force, or its JSON Schema. */
import type { Command } from 'commander';
import { resolveConfig } from '../../config/resolve.js';
import { configJsonSchema } from '../../config/schema.js';
import type { CliContext } from '../context.js';
import { addCommonOptions, type CommonOptions } from '../options.js';
import { contextFor, printResult } from '../emit.js';
import { openSession } from '../../app/session.js';
import { readConfigSource } from '../../io/config-file.js';

export interface ConfigOptions extends CommonOptions {
  schema?: boolean;
}

/** Registers `config` on the program. */
export function configCommandSpec(program: Command, run: (book: string | undefined, cmd: Command) => Promise<void>): Command {
  const cmd = program
    .command('config')
    .description('print the configuration in force (defaults, kam.config.json, Rules sheet), or its JSON Schema')
    .argument('[book]', 'a workbook: its folder is searched for kam.config.json and its Rules sheet applied')
    .option('--schema', 'print the JSON Schema of kam.config.json');
  addCommonOptions(cmd, ['json']);
  return cmd.action((book: string | undefined, _opts: unknown, c: Command) => run(book, c));
}

/** Runs `kam config`; returns the exit code. */
export async function configCommand(book: string | undefined, options: ConfigOptions, ctx: CliContext): Promise<number> {
  if (options.schema) {
    await printResult({ kind: 'config', value: configJsonSchema() }, options, ctx, contextFor(options, ctx, options.lang ?? 'en'));
    return 0;
  }
  const config =
    book !== undefined
      ? (await openSession(book, [], options, ctx)).config
      : resolveConfig(await readConfigSource(options.config, undefined, ctx.cwd), { lang: options.lang, env: ctx.env });
  await printResult({ kind: 'config', value: config }, options, ctx, contextFor(options, ctx, config.lang));
  return 0;
}
