/** The options every command shares, defined once for commander, the help text and the types. */
import { Option, type Command } from 'commander';
import { LANGS, type Lang } from '../model/lang.js';
import { fileFormats, stdoutFormats, type Format, type Kind } from '../report/index.js';
import { SEVERITIES, type Severity } from '../model/rules.js';
import { UsageError } from '../model/errors.js';
import { parseDateText } from '../parse/values.js';
import type { IsoDate } from '../util/date.js';

export interface CommonOptions {
  config?: string;
  /** False with --no-book-rules. */
  bookRules?: boolean;
  format?: string;
  output?: string;
  lang?: Lang;
  color: boolean;
  asOf?: IsoDate;
  quiet: boolean;
  debug: boolean;
  verbose: boolean;
  encoding?: string;
  delimiter?: string;
  failOn: Severity;
  maxWarnings?: number;
  force: boolean;
  raw: boolean;
  /** Text as wide as it needs, not cut to the terminal (commands that print text only). */
  wide?: boolean;
}

const EXTENSIONS: Record<Format, string> = { text: '.txt', json: '.json', csv: '.csv', markdown: '.md', github: '', junit: '.xml', xlsx: '.xlsx', html: '.html' };

/** Adds the shared options to a command; its formats come from the renderers of its result kind. */
export function addCommonOptions(cmd: Command, kind: Kind): Command {
  const extensions = fileFormats(kind).map((f) => EXTENSIONS[f]).filter((e) => e !== '');
  cmd
    .option('-c, --config <file>', 'config file (default: kam.config.json next to the book or above it)')
    .option('--no-book-rules', "do not apply the book's own Rules sheet (CI of a change not trusted)")
    .addOption(new Option('--format <format>', 'output format on stdout').choices(stdoutFormats(kind)))
    .option('-o, --output <file>', `write the result to a file, in the format its extension names (${extensions.join(' ')})`, outputFile)
    .addOption(new Option('--lang <lang>', 'language of messages (default from LANG/LC_ALL)').choices(LANGS))
    .option('--no-color', 'no colours (also NO_COLOR=1)');
  if (stdoutFormats(kind).includes('text')) cmd.option('--wide', 'text as wide as it needs (default: fit the terminal, 80 columns when not a terminal)');
  cmd
    .option('--as-of <date>', "today's date for due dates and cadence, e.g. 2025-11-15", parseAsOf)
    .option('-q, --quiet', 'print nothing but results and errors (and warnings that part of the book was not read, or that its checks were lowered)')
    .option('--verbose', 'say which config, encoding and delimiter were used')
    .option('--debug', 'print stack traces of errors')
    .option('--encoding <name>', 'encoding of CSV input (default: BOM, else UTF-8, else GB18030)')
    .option('--delimiter <char>', 'delimiter of CSV input: , ; | or tab (default: sniffed)');
  // Only the options a command uses are listed in its help (found by a new user: textconv and config listed --fail-on and --raw).
  if (kind !== 'config' && kind !== 'textconv') {
    cmd
      .addOption(new Option('--fail-on <level>', 'exit 1 on findings at or above this severity').choices(SEVERITIES).default('error'))
      .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', wholeNumber('--max-warnings'));
  }
  cmd.option('--force', 'write even when Excel has the workbook open');
  if (stdoutFormats(kind).includes('csv') || fileFormats(kind).includes('csv')) cmd.option('--raw', 'CSV output without formula-injection protection');
  return cmd;
}

function outputFile(value: string): string {
  if (value.trim() === '') throw new UsageError('usage.outputEmpty', {});
  return value;
}

export function parseAsOf(value: string): IsoDate {
  const d = parseDateText(value);
  if (!d?.ok) throw new UsageError('usage.asOf', { value });
  return d.value;
}

/** A parser of an option that takes a whole number ≥ 0; a bad value names the option. */
export function wholeNumber(option: string): (value: string) => number {
  return (value) => {
    if (!/^\d+$/.test(value.trim())) throw new UsageError('usage.wholeNumber', { option, value });
    return Number(value);
  };
}

/**
 * The options of a command merged with the program's: a value given on the command line (or by an
 * environment variable) wins wherever it was given; defaults apply last.
 */
export function mergedOptions(cmd: Command): CommonOptions & Record<string, unknown> {
  const chain: Command[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) chain.unshift(c);
  const out: Record<string, unknown> = {};
  for (const c of chain) {
    for (const [key, value] of Object.entries(c.opts())) {
      const source = c.getOptionValueSource(key);
      if (source === 'cli' || source === 'env' || source === 'implied' || !(key in out)) out[key] = value;
    }
  }
  if (out.color === undefined) out.color = true;
  return out as CommonOptions & Record<string, unknown>;
}
