/**
 * `kam diff <old> <new>`: what changed in the division of labour between two versions of a book;
 * `kam textconv <book>`: one version as sorted lines, for git's textconv. Both also serve as git
 * diff drivers (docs/git.md): `diff.kam.textconv "kam textconv"` or `diff.kam.command "kam diff"`,
 * which git calls with seven arguments (path, old file, hex, mode, new file, hex, mode).
 */
import type { Command } from 'commander';
import { diffBooks, readSide } from '../../app/diff.js';
import { openSession } from '../../app/session.js';
import type { DiffResult } from '../../diff/compare.js';
import { ConfigError, InputError, KamError, UsageError } from '../../model/errors.js';
import { hasChanges } from '../../report/diff/shared.js';
import type { CliContext } from '../context.js';
import { findConfigFile, readConfigSource } from '../../io/config-file.js';
import { envLang, resolveConfig, type ResolvedConfig } from '../../config/resolve.js';
import { looserSettings, lowerRules } from '../../config/looser.js';
import { emit } from '../emit.js';
import { describeError, exitCodeFor } from '../exit.js';
import { t } from '../../i18n/messages.js';
import { addCommonOptions, type CommonOptions } from '../options.js';
import { appEnv, hooksFor, openCliSession } from '../session.js';

export interface DiffCliOptions extends CommonOptions {
  revenueThreshold?: number;
  failOnChange?: boolean;
}

const ROLES = ['accounts', 'staff', 'assignments'] as const;

/** `10`, `10%` or `12.5%`: a percentage, as a fraction. */
function percent(value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(value);
  if (!m) throw new UsageError('usage.percent', { option: '--revenue-threshold', value });
  return Number(m[1]) / 100;
}

/** Registers `diff` and `textconv` on the program. */
export function diffCommandSpecs(program: Command, runDiff: (args: string[], cmd: Command) => Promise<void>, runTextconv: (book: string, cmd: Command) => Promise<void>): void {
  const diff = program
    .command('diff')
    .description('what changed between two versions of the book: accounts, responsibilities (handovers, letters, dates), people, tiers, and the findings introduced and resolved')
    .argument('<old>', 'the old version: workbook (.xlsx), folder of CSV files, or one CSV file')
    .argument('<new>', 'the new version (may be in another format than the old)')
    .argument('[git...]', 'as a git diff driver (diff.kam.command), git passes seven arguments: path old-file old-hex old-mode new-file new-hex new-mode')
    .option('--revenue-threshold <percent>', 'report a revenue change above this share of the old revenue (default 10%)', percent)
    .option('--fail-on-change', 'exit 1 on any change (for a file that must not change)');
  addCommonOptions(diff, 'diff');
  diff.action((old: string, now: string, git: string[], _o: unknown, c: Command) => runDiff([old, now, ...git], c));
  const textconv = program
    .command('textconv')
    .description('the book as stable, sorted lines (one per account, responsibility, person and finding), for git diff through a textconv driver')
    .argument('<book>', 'workbook (.xlsx), folder of CSV files, or one CSV file');
  addCommonOptions(textconv, 'textconv');
  textconv.action((book: string, _o: unknown, c: Command) => runTextconv(book, c));
}

/** Runs `kam diff`; exit 1 when a finding the change introduces reaches --fail-on (or any change, with --fail-on-change). */
export async function diffCommand(args: string[], options: DiffCliOptions, ctx: CliContext): Promise<number> {
  // As git's external diff driver: `kam diff path old-file old-hex old-mode new-file new-hex new-mode`.
  const git = args.length === 7;
  if (!git && args.length !== 2) throw new UsageError('usage.diffArgs', { n: args.length });
  const [oldPath, newPath] = git ? [args[1]!, args[4]!] : [args[0]!, args[1]!];
  if (git && (oldPath === '/dev/null' || newPath === '/dev/null')) {
    ctx.stdout.write(`kam diff: ${args[0]}: ${t(options.lang ?? 'en', oldPath === '/dev/null' ? 'note.diffNewFile' : 'note.diffDeletedFile')}\n`);
    return 0;
  }
  if (git) {
    // git stops at a driver that fails: a version kam cannot read is said in the diff, and git goes on.
    try {
      return await runDiff(oldPath, newPath, args, options, ctx);
    } catch (err) {
      if (!(err instanceof KamError)) throw err;
      ctx.stdout.write(`kam diff: ${args[0]}: ${describeError(err, options.lang ?? 'en').line.replace(/^kam: /, '')}\n`);
      return 0;
    }
  }
  return runDiff(oldPath, newPath, args, options, ctx);
}

async function runDiff(oldPath: string, newPath: string, args: string[], options: DiffCliOptions, ctx: CliContext): Promise<number> {
  const git = args.length === 7;
  const now = await openCliSession(newPath, ROLES, options, ctx);
  if (!git && options.config === undefined) await sayConfigLoosened(oldPath, newPath, options, ctx, now.config.lang);
  let oldInputs: readonly string[] = [];
  const result: DiffResult = await diffBooks(
    now,
    async () => {
      const request = { path: oldPath, roles: ROLES, lang: now.config.lang, ...(options.encoding ? { encoding: options.encoding } : {}), ...(options.delimiter ? { delimiter: options.delimiter } : {}), asOf: now.asOf, resolved: { config: now.config, ...(now.configFile ? { file: now.configFile } : {}) } };
      const session = await openSession(request, appEnv(options, ctx));
      oldInputs = session.inputs;
      return session;
    },
    options.revenueThreshold !== undefined ? { revenueThreshold: options.revenueThreshold } : {},
  );
  if (git) {
    result.old = `a/${args[0]}`;
    result.new = `b/${args[0]}`;
  }
  const code = await emit('diff', result, options, ctx, { lang: now.config.lang, inputs: { book: newPath, files: [...now.inputs, ...oldInputs, oldPath] } });
  // git stops at a driver that exits non-zero: as a driver, the diff is all kam says.
  if (git) return 0;
  const introduced = exitCodeFor(result.introduced, options.failOn, options.maxWarnings);
  return Math.max(code, introduced, options.failOnChange && hasChanges(result) ? 1 : 0);
}

/**
 * The new version's kam.config.json checks less than the old version's (a rule lowered, a required task dropped, a
 * threshold raised): said, naming both, since the diff checks both versions by the new one (found by a CI user: a pull
 * request that turned raci/no-accountable off in kam.config.json passed kam diff, with --no-book-rules too). A config
 * the old side cannot resolve is passed over: the new one is what the diff runs by.
 */
async function sayConfigLoosened(oldPath: string, newPath: string, options: DiffCliOptions, ctx: CliContext, lang: ResolvedConfig['lang']): Promise<void> {
  const resolved = async (book: string): Promise<{ file?: string; config: ResolvedConfig } | undefined> => {
    try {
      const source = await readConfigSource(undefined, book, ctx.cwd);
      return { ...(source.file !== undefined ? { file: source.file } : {}), config: resolveConfig(source, { lang, env: ctx.env }) };
    } catch {
      return undefined;
    }
  };
  const [before, after] = [await resolved(oldPath), await resolved(newPath)];
  if (!before || !after || before.file === after.file) return;
  const changes = [...lowerRules(before.config.rules, after.config.rules), ...looserSettings(before.config, after.config)];
  if (changes.length === 0) return;
  const note = hooksFor(options, ctx).note;
  if (before.file !== undefined) note(lang, 'warn.configLoosens', { file: after.file ?? '—', old: before.file, changes: changes.join('; ') }, false);
  else note(lang, 'warn.configLoosensDefaults', { file: after.file!, changes: changes.join('; ') }, false);
}

/** Runs `kam textconv`: exit 0 whatever the book's findings (git treats any other code as a failure). */
export async function textconvCommand(book: string, options: CommonOptions, ctx: CliContext): Promise<number> {
  // git hands textconv the old version as a temporary file outside the repository, from the repository's
  // root: with no config beside that file, the one found from where kam runs is the repository's (found by
  // a new user: the old version was scored with the defaults, the new with the repository's tiers).
  // (No config is taken from a folder anyone may write to, such as /tmp where git leaves the copy: see findConfigFile.)
  const config = options.config ?? findConfigFile(book, ctx.cwd) ?? findConfigFile(undefined, ctx.cwd);
  try {
    const session = await openCliSession(book, ROLES, config !== undefined ? { ...options, config } : options, ctx);
    const side = await readSide(session);
    await emit('textconv', { kind: 'textconv', side, tiers: session.config.tiers }, options, ctx, { lang: session.config.lang, inputs: { book, files: session.inputs } });
    return 0;
  } catch (err) {
    // A version kam cannot read is one line of the text git compares, and git goes on (found by a new user: exit 2,
    // and `git diff` and `git log -p` aborted with "unable to read files to diff"). Said on stderr too.
    // (A config kam cannot use, too: git would stop there all the same.)
    if (!(err instanceof InputError) && !(err instanceof ConfigError)) throw err;
    // (In the language the rest of its output would have: the option's, else the locale's, as every error's.)
    const line = describeError(err, options.lang ?? envLang(ctx.env) ?? 'zh').line;
    ctx.stdout.write(`kam textconv: ${line.replace(/^kam: /, '')}\n`);
    ctx.stderr.write(`${line}\n`);
    return 0;
  }
}

