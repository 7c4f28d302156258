/** `kam convert <in> <out>`: CSV ↔ XLSX, a workbook to a folder of CSV files and back. */
import { Option, type Command } from 'commander';
import { convertBook, outputKind } from '../../app/convert.js';
import { OUT_ENCODINGS, type OutEncoding } from '../../io/csv/write.js';
import type { CliContext } from '../context.js';
import { note, refuseInput } from '../emit.js';
import { parseAsOf, type CommonOptions } from '../options.js';
import { UsageError } from '../../model/errors.js';
import { openCliSession } from '../session.js';
import { faultFrom } from '../fault.js';

export interface ConvertCliOptions extends CommonOptions {
  sheet?: string;
  all?: boolean;
  outEncoding?: OutEncoding;
}

/** Registers `convert` on the program. */
export function convertCommandSpec(program: Command, run: (input: string, output: string, cmd: Command) => Promise<void>): Command {
  return program
    .command('convert')
    .description('convert CSV ↔ XLSX: a CSV file or folder to one workbook, a sheet (or --all sheets) of a workbook to CSV')
    .argument('<in>', 'workbook (.xlsx), CSV file, or folder of CSV files')
    .argument('<out>', 'an .xlsx file, a .csv file, or a folder (with --all)')
    .option('--sheet <name|role>', 'the sheet to write as CSV: its name, or a role (accounts, staff, assignments, rules)')
    .option('--all', 'every sheet, as a folder of CSV files (accounts.csv, staff.csv, assignments.csv, …)')
    .addOption(new Option('--out-encoding <encoding>', 'encoding of CSV output').choices(OUT_ENCODINGS).default('utf8-bom'))
    .option('--raw', 'CSV output without formula-injection protection')
    .option('--encoding <name>', 'encoding of CSV input (default: BOM, else UTF-8, else GB18030)')
    .option('--delimiter <char>', 'delimiter of CSV input: , ; | or tab (default: sniffed)')
    .option('-c, --config <file>', 'config file (for the names of sheets and columns)')
    .addOption(new Option('--lang <lang>', 'language of messages').choices(['zh', 'en']))
    .option('-q, --quiet', 'print nothing but errors')
    .option('--verbose', 'say which config, encoding and delimiter were used')
    .option('--debug', 'print stack traces of errors')
    .option('--force', 'write even when Excel has the target open')
    // Every command takes these (SPEC §3; found by a CI user: a script passing them to each command stopped at convert).
    .addOption(new Option('--format <fmt>', 'the output\'s format: csv (a file, or a folder with --all) or xlsx; <out> is named so').choices(['csv', 'xlsx']))
    .option('--as-of <date>', 'accepted as every command does; converting reads no date as of today', parseAsOf)
    .option('--no-color', 'no colours (convert prints none)')
    .action((input: string, output: string, _o: unknown, c: Command) => run(input, output, c));
}

/** Runs `kam convert`; exit 0, or 2 for what cannot be converted. */
export async function convertCommand(input: string, output: string, options: ConvertCliOptions, ctx: CliContext): Promise<number> {
  const kind = outputKind(output, options.all);
  if (options.format !== undefined && (options.format === 'xlsx') !== (kind === 'xlsx')) throw new UsageError('usage.convertFormat', { format: options.format, file: output });
  const session = await openCliSession(input, [], options, ctx, {}, false);
  const lang = session.config.lang;
  const result = await convertBook(session, output, {
    ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
    ...(options.all ? { all: true } : {}),
    ...(options.outEncoding ? { outEncoding: options.outEncoding } : {}),
    ...(options.raw ? { raw: true } : {}),
    force: options.force,
    ...faultFrom(ctx),
    before: (file) => refuseInput(file, { book: input, files: session.inputs }),
  });
  note(ctx, options, lang, 'note.converted', { files: result.files.join(', '), rows: result.rows });
  if (result.neutralized > 0) note(ctx, options, lang, 'note.neutralized', { n: result.neutralized });
  return 0;
}
