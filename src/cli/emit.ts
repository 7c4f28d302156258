/**
 * Where every command's result goes, the same for all: stdout in the chosen format, an `-o` file in
 * the format its extension names, the findings the format does not show on stderr, and the exit
 * code from the findings (SPEC §3).
 */
import { extname } from 'node:path';
import { t } from '../i18n/messages.js';
import { label } from '../i18n/labels.js';
import { prepareAtomic, sameFile, type PreparedWrite } from '../io/write/atomic.js';
import { writeWorkbookTo } from '../io/write/styled-xlsx.js';
import { UsageError, type Params } from '../model/errors.js';
import { summarize, type Finding } from '../model/finding.js';
import type { Lang } from '../model/lang.js';
import { reportContext, type ReportContext } from '../report/context.js';
import { fileFormats, render, renderSheets, renderText, showsFinding, stdoutFormats, type Format, type Kind, type Results, type TextFormat } from '../report/index.js';
import { findingMessage, findingWhere } from '../report/shared/findings.js';
import type { CliContext, Output } from './context.js';
import { exitCodeFor } from './exit.js';
import type { CommonOptions } from './options.js';

export interface EmitOptions {
  lang: Lang;
  /** The book and every file read with it: an -o file may be none of them. */
  inputs?: { book?: string; files: readonly string[] };
  /** --limit: the rows text and markdown show on stdout (files get them all). */
  limit?: number;
  /** Print on stdout even with -o (e.g. `--explain`). */
  print?: boolean;
  /** The note to give once the -o file is written. */
  wrote?: { code: string; params: Params };
  /** The -o file already written to its temporary file ({@link prepareResult}): renamed into place instead of written. */
  prepared?: PreparedWrite;
}

/** Emits a result as the options say; returns the exit code. */
export async function emit<K extends Kind>(kind: K, result: Results[K], options: CommonOptions, ctx: CliContext, how: EmitOptions): Promise<number> {
  const format = (options.format ?? stdoutFormats(kind)[0]) as TextFormat;
  if (options.output) {
    await (how.prepared ?? (await prepareResult(kind, result, options.output, options, ctx, how))).commit();
    if (how.wrote) note(ctx, options, how.lang, how.wrote.code, how.wrote.params);
  }
  const printed = printsToStdout(options) || how.print === true;
  if (printed) {
    const extra = { width: textWidth(options, ctx.stdout), ...(how.limit !== undefined ? { limit: how.limit } : {}) };
    await writeChunks(ctx.stdout, render(kind, result, format, contextFor(options, ctx, how.lang, extra)));
  }
  const findings: readonly Finding[] = 'findings' in result ? result.findings : [];
  // A finding goes to stderr unless what was written shows it: stdout when printed, the -o file by its format
  // (found by a new user: `kam tier -o t.xlsx` said nothing of an empty cell scored as the worst value).
  const file = options.output !== undefined ? outputFormat(options.output, fileFormats(kind)) : undefined;
  // (A workbook holds what the JSON holds.)
  const inFile = file === undefined ? undefined : ((file === 'xlsx' ? 'json' : file) as TextFormat);
  const shown = (f: Finding): boolean => (printed && showsFinding(kind, format, f)) || (inFile !== undefined && showsFinding(kind, inFile, f));
  findingsToStderr(findings.filter((f) => !shown(f)), options, ctx, how.lang);
  const code = exitCodeFor(findings, options.failOn, options.maxWarnings);
  // Exit 1 for the warnings' number alone is said (found by a new user: a CI job failed on the summary line only).
  if (code !== 0 && exitCodeFor(findings, options.failOn) === 0) {
    ctx.stderr.write(`kam: ${t(how.lang, 'note.maxWarnings', { warnings: summarize(findings).warn, max: options.maxWarnings ?? 0 })}\n`);
  }
  return code;
}

/**
 * Writes a result to the temporary file of an -o file, in the format its extension names, without
 * colours, --limit or a width; nothing replaces the -o file until `commit`. A command that also
 * changes the book (`kam tier --write -o`) prepares it first, so that a refused or failed -o leaves
 * the book as it was.
 */
export async function prepareResult<K extends Kind>(kind: K, result: Results[K], file: string, options: CommonOptions, ctx: CliContext, how: EmitOptions): Promise<PreparedWrite> {
  const format = outputFormat(file, fileFormats(kind));
  if (how.inputs) await refuseInput(file, how.inputs, kind === 'tier');
  const rctx = contextFor({ ...options, color: false }, ctx, how.lang);
  if (format === 'xlsx') {
    const sheets = renderSheets(kind, result, rctx);
    // Through the handle of the temporary file, never its name: a signal removes the name, and a
    // writer opening it again by name could create it anew.
    return prepareAtomic(file, (fh) => writeWorkbookTo(fh, sheets, file), { force: options.force });
  }
  const text = renderText(kind, result, format, rctx);
  // A CSV file starts with a BOM, so that Excel reads its Chinese as UTF-8.
  const data = format === 'csv' && !text.startsWith('\ufeff') ? `\ufeff${text}` : text;
  return prepareAtomic(file, async (fh) => fh.writeFile(data), { force: options.force });
}

/** Refuses an output file that is the book or any other file the command read (SPEC §7). */
export async function refuseInput(file: string, inputs: { book?: string; files: readonly string[] }, write = false): Promise<void> {
  // (Naming the file, and --write only where the command has it: found by a new user, kam convert was told to use it.)
  if (inputs.book !== undefined && (await sameFile(file, inputs.book))) throw new UsageError(write ? 'usage.outputIsInput' : 'usage.outputIsInputBook', { file });
  for (const input of inputs.files) {
    if (await sameFile(file, input)) throw new UsageError('usage.outputIsInputFile', { input });
  }
}

/** Colours only for a terminal, never with --no-color or NO_COLOR; FORCE_COLOR forces them. */
export function useColor(options: Pick<CommonOptions, 'color'>, ctx: CliContext): boolean {
  if (!options.color || (ctx.env.NO_COLOR ?? '') !== '') return false;
  if (ctx.env.FORCE_COLOR !== undefined && ctx.env.FORCE_COLOR !== '0') return true;
  return Boolean(ctx.stdout.isTTY);
}

/** The width of a terminal that does not say (not a terminal, or no size). */
export const DEFAULT_WIDTH = 80;

/** The width text on stdout fits: none with --wide, else the terminal's columns, else {@link DEFAULT_WIDTH}. */
export function textWidth(options: Pick<CommonOptions, 'wide'>, out: Output): number | undefined {
  if (options.wide) return undefined;
  return out.isTTY && out.columns !== undefined && out.columns > 0 ? out.columns : DEFAULT_WIDTH;
}

/** The report context for a run. */
export function contextFor(options: CommonOptions, ctx: CliContext, lang: Lang, extra: Partial<ReportContext> = {}): ReportContext {
  return reportContext(lang, useColor(options, ctx), { raw: options.raw, ...('failOn' in options && options.failOn !== undefined ? { failOn: options.failOn as NonNullable<ReportContext['failOn']> } : {}), ...('maxWarnings' in options && typeof options.maxWarnings === 'number' ? { maxWarnings: options.maxWarnings } : {}), ...extra });
}

/**
 * Writes text given whole or in pieces, in blocks of about 64 KiB, waiting whenever the stream is
 * full: a slow pipe (`kam … | less`) must not make kam buffer the whole report in memory.
 */
export async function writeChunks(out: Output, text: string | Iterable<string>): Promise<void> {
  const put = async (s: string): Promise<void> => {
    if (out.write(s) === false && out.drain) await out.drain();
  };
  if (typeof text === 'string') return put(text);
  let block = '';
  for (const piece of text) {
    // The reader went away (`| head`): the rest is not made.
    if (out.closed) return;
    block += piece;
    if (block.length >= 65536) {
      await put(block);
      block = '';
    }
  }
  if (block) await put(block);
}

/** The format each -o extension names (`.md` markdown, `.txt` text, `.xml` junit, else itself). */
const EXTENSION_FORMATS: Readonly<Record<string, Format>> = { csv: 'csv', json: 'json', xlsx: 'xlsx', md: 'markdown', markdown: 'markdown', txt: 'text', xml: 'junit', html: 'html', htm: 'html' };

/** The format an -o file name asks for, among those a command can write. */
export function outputFormat(file: string, allowed: readonly Format[]): Format {
  const ext = extname(file).toLowerCase().replace(/^\./, '');
  const format = Object.hasOwn(EXTENSION_FORMATS, ext) ? EXTENSION_FORMATS[ext] : undefined;
  if (format === undefined || !allowed.includes(format)) {
    const extensions = Object.entries(EXTENSION_FORMATS).filter(([ext, f]) => allowed.includes(f) && ext !== 'markdown' && ext !== 'htm').map(([ext]) => `.${ext}`);
    // (A format kam knows that this command does not write is said as that, not as a format it cannot tell: found by a new user.)
    throw new UsageError(format === undefined ? 'usage.outputExt' : 'usage.outputExtNotHere', { file, extensions: extensions.join(', '), ext: `.${ext}` });
  }
  return format;
}

/** Whether the result also goes to stdout: always, unless -o was given without --format. */
export function printsToStdout(options: Pick<CommonOptions, 'output' | 'format'>): boolean {
  return !options.output || options.format !== undefined;
}

/** A note on stderr, unless --quiet. */
export function note(ctx: CliContext, options: Pick<CommonOptions, 'quiet'>, lang: Lang, code: string, params: Params = {}): void {
  if (!options.quiet) ctx.stderr.write(`kam: ${t(lang, code, params)}\n`);
}

/** Findings on stderr (those the format does not show on stdout), unless --quiet. */
export function findingsToStderr(findings: readonly Finding[], options: Pick<CommonOptions, 'quiet'>, ctx: CliContext, lang: Lang, max = 20): void {
  if (options.quiet) return;
  // In the reader's language (`kam: 错误：分工!D4：…`), with no empty place before a finding of the
  // whole book, and the rest counted in words (found by a new user: `kam: error: : …`, `kam: … 8`).
  const colon = lang === 'zh' ? '：' : ': ';
  for (const f of findings.slice(0, max)) {
    const where = findingWhere(f);
    ctx.stderr.write(`kam: ${label(lang, `severity.${f.severity}`)}${colon}${where ? `${where}${colon}` : ''}${findingMessage(f, lang)} (${f.rule})\n`);
  }
  if (findings.length > max) ctx.stderr.write(`kam: ${label(lang, 'findings.more', { n: findings.length - max })}\n`);
}
