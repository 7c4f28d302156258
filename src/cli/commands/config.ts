/** `kam config [book]`: the config in force, or its JSON Schema. */
import type { Command } from 'commander';
import { configInForce } from '../../app/config.js';
import type { CliContext } from '../context.js';
import { emit } from '../emit.js';
import { addCommonOptions, type CommonOptions } from '../options.js';
import { appEnv } from '../session.js';

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
  addCommonOptions(cmd, 'config');
  return cmd.action((book: string | undefined, _opts: unknown, c: Command) => run(book, c));
}

/** Runs `kam config`; returns the exit code. */
export async function configCommand(book: string | undefined, options: ConfigOptions, ctx: CliContext): Promise<number> {
  const { result, lang, inputs } = await configInForce(
    { ...(book !== undefined ? { book } : {}), config: options.config, lang: options.lang, encoding: options.encoding, delimiter: options.delimiter, schema: options.schema, ...(options.bookRules === false ? { bookRules: false } : {}) },
    appEnv(options, ctx),
  );
  return emit('config', result, options, ctx, { lang, inputs: { ...(book !== undefined ? { book } : {}), files: inputs } });
}
