/** Where a command's result goes: stdout in a format, a file with -o, notes and findings on stderr. */
import { extname } from 'node:path';
import { t } from '../i18n/messages.js';
import { UsageError } from '../model/errors.js';
import { findingCell, type Finding } from '../model/finding.js';
import type { Params } from '../model/errors.js';
import { writeXlsx } from '../io/write/xlsx.js';
import { sameFile, writeAtomic, writeAtomicWith } from '../io/write/atomic.js';
import { reportContext, type ReportContext } from '../report/context.js';
import { findingMessage } from '../report/findings.js';
import { FORMATS, render, renderText, type Format, type Result } from '../report/index.js';
import type { CliContext, Output } from './context.js';
import { formatError } from './exit.js';
import type { CommonOptions } from './options.js';
import type { Lang } from '../model/lang.js';
import type { SheetData } from '../model/sheet-data.js';

/** Colours only for a terminal, never with --no-color or NO_COLOR; FORCE_COLOR forces them. */
export function useColor(options: Pick<CommonOptions, 'color'>, ctx: CliContext): boolean {
  if (!options.color || (ctx.env.NO_COLOR ?? '') !== '') return false;
  if (ctx.env.FORCE_COLOR !== undefined && ctx.env.FORCE_COLOR !== '0') return true;
  return Boolean(ctx.stdout.isTTY);
}

/** The report context for a run. */
export function contextFor(options: CommonOptions, ctx: CliContext, lang: Lang, extra: Partial<ReportContext> = {}): ReportContext {
  return reportContext(lang, useColor(options, ctx), { raw: options.raw, ...extra });
}

/** Prints the result on stdout in the chosen (or default) format. */
export async function printResult(result: Result, options: CommonOptions, ctx: CliContext, rctx: ReportContext): Promise<void> {
  const formats = FORMATS[result.kind];
  const format = (options.format ?? formats[0]) as Format;
  if (!formats.includes(format)) throw formatError(format, formats);
  await writeChunks(ctx.stdout, render(result, format, rctx));
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
    block += piece;
    if (block.length >= 65536) {
      await put(block);
      block = '';
    }
  }
  if (block) await put(block);
}

/** File extensions that name a format other than their own name. */
const EXTENSION_FORMATS: Record<string, string> = { md: 'markdown', markdown: 'markdown', txt: 'text', xml: 'junit' };

/** The format an -o file name asks for (`.md` markdown, `.txt` text, `.xml` junit, else the extension). */
export function outputKind(file: string, allowed: readonly string[]): string {
  const ext = extname(file).toLowerCase().replace(/^\./, '');
  const kind = EXTENSION_FORMATS[ext] ?? ext;
  if (!allowed.includes(kind)) throw new UsageError('usage.outputExt', { file });
  return kind;
}

/** Writes a result to an -o file in the format its extension names, without colours. */
export async function writeReport(result: Result, file: string, input: string, allowed: readonly Format[], options: CommonOptions, ctx: CliContext, lang: Lang): Promise<void> {
  const format = outputKind(file, allowed) as Format;
  await writeOutput(file, input, renderText(result, format, contextFor({ ...options, color: false }, ctx, lang)), options);
}

/** Whether the result also goes to stdout: always, unless -o was given without --format. */
export function printsToStdout(options: Pick<CommonOptions, 'output' | 'format'>): boolean {
  return !options.output || options.format !== undefined;
}

/** Writes an -o file atomically, never over the input book: text, or sheets as XLSX. */
export async function writeOutput(file: string, input: string, data: string | SheetData[], options: CommonOptions): Promise<void> {
  if (await sameFile(file, input)) throw new UsageError('usage.outputIsInput', {});
  if (typeof data === 'string') await writeAtomic(file, data, { force: options.force });
  else await writeAtomicWith(file, (_fh, tmp) => writeXlsx(tmp, data), { force: options.force });
}

/** A note on stderr, unless --quiet. */
export function note(ctx: CliContext, options: CommonOptions, lang: Lang, code: string, params: Params = {}): void {
  if (!options.quiet) ctx.stderr.write(`kam: ${t(lang, code, params)}\n`);
}

/** Findings on stderr (for formats that do not show them on stdout), unless --quiet. */
export function findingsToStderr(findings: readonly Finding[], options: CommonOptions, ctx: CliContext, lang: Lang, max = 20): void {
  if (options.quiet) return;
  for (const f of findings.slice(0, max)) {
    ctx.stderr.write(`kam: ${f.severity}: ${findingCell(f) ?? ''}: ${findingMessage(f, lang)} (${f.rule})\n`);
  }
  if (findings.length > max) ctx.stderr.write(`kam: … ${findings.length - max}\n`);
}
