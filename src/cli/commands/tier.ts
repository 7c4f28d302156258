/** `kam tier <book>`: flags → session → scoring → reporter → exit code. */
import { Option, type Command } from 'commander';
import { METHODS, NORMALIZATIONS, type Method } from '../../config/schema.js';
import { readAccounts } from '../../io/sheets/accounts.js';
import { toCsv } from '../../report/csv-text.js';
import { InputError, UsageError } from '../../model/errors.js';
import { applyRuleLevels } from '../../model/rules.js';
import { tierJson } from '../../report/json.js';
import { markdown } from '../../report/markdown.js';
import { tierSummaryTable, tierTable } from '../../report/tier-table.js';
import { runTier, scoringColumns, type TierReport } from '../../scoring/score.js';
import { fold } from '../../util/text.js';
import type { CliContext } from '../context.js';
import { exitCodeFor } from '../exit.js';
import { addCommonOptions, type CommonOptions } from '../options.js';
import { contextFor, findingsToStderr, note, outputKind, printResult, printsToStdout, writeOutput } from '../emit.js';
import { openSession, requireSheet } from '../../app/session.js';

export interface TierOptions extends CommonOptions {
  method?: Method;
  normalize?: 'minmax' | 'rank';
  explain?: string;
  limit?: number;
}

/** Registers `tier` on the program. */
export function tierCommandSpec(program: Command, run: (book: string, cmd: Command) => Promise<void>): Command {
  const cmd = program
    .command('tier')
    .description('score and tier the accounts (战略 / 重要 / 普通) and show why')
    .argument('<book>', 'workbook (.xlsx), CSV file, or folder of CSV files')
    .addOption(new Option('--method <method>', 'scoring method').choices(METHODS))
    .addOption(new Option('--normalize <how>', 'normalisation of the weighted method').choices(NORMALIZATIONS))
    .option('--explain <account>', "show each criterion's contribution to one account's score (id or name)")
    .option('--limit <n>', 'show only the first n accounts in text and markdown', (v) => {
      if (!/^\d+$/.test(v)) throw new UsageError('usage.maxWarnings', { value: v });
      return Number(v);
    });
  addCommonOptions(cmd, ['text', 'json', 'csv', 'markdown']);
  return cmd.action((book: string, _opts: unknown, c: Command) => run(book, c));
}

/** Runs `kam tier`; returns the exit code. */
export async function tierCommand(book: string, options: TierOptions, ctx: CliContext): Promise<number> {
  const session = await openSession(book, ['accounts'], options, ctx, { 'scoring.method': options.method, 'scoring.normalize': options.normalize });
  const { config } = session;
  const lang = config.lang;
  const sheet = requireSheet(session, 'accounts');
  const table = await readAccounts(sheet, { ...session.tableOptions(sheet), numberColumns: scoringColumns(config) });
  if (!table.layout.byKey.has('name')) {
    throw new InputError('input.missingColumn', { column: lang === 'zh' ? '客户名称' : 'name' }, { file: book, sheet: sheet.name });
  }
  const report = runTier(table, config, session.asOf, book);
  report.findings = applyRuleLevels(report.findings, config.rules);
  for (const w of report.warnings) note(ctx, options, lang, w.code, w.params);
  const rctx = contextFor(options, ctx, lang, options.limit !== undefined ? { limit: options.limit } : {});
  const explain = options.explain !== undefined ? findAccount(report, options.explain) : undefined;

  if (options.output) {
    const kind = outputKind(options.output, ['csv', 'json', 'xlsx', 'markdown']);
    const data =
      kind === 'csv'
        ? toCsv(tierTable(report, lang), options.raw)
        : kind === 'json'
          ? [...tierJson(report)].join('')
          : kind === 'markdown'
            ? markdown(report, { ...rctx, limit: undefined })
            : [tierTable(report, lang), tierSummaryTable(report, lang)];
    await writeOutput(options.output, book, data, options);
    note(ctx, options, lang, 'note.wrote', { file: options.output, count: report.accounts.length });
  }
  if (printsToStdout(options) || explain !== undefined) {
    await printResult({ ...report, ...(explain !== undefined ? { explain } : {}) }, options, ctx, rctx);
  }
  const format = options.format ?? 'text';
  if (format !== 'text' && format !== 'markdown') findingsToStderr(report.findings, options, ctx, lang);
  return exitCodeFor(report.findings, options.failOn, options.maxWarnings);
}

/** The index of the account named by `--explain` (id or name, folded; else a unique partial match). */
function findAccount(report: TierReport, wanted: string): number {
  const w = fold(wanted);
  const exact = report.accounts.find((a) => (a.id !== undefined && fold(a.id) === w) || fold(a.name) === w);
  if (exact) return exact.index;
  const partial = report.accounts.filter((a) => fold(a.name).includes(w));
  if (partial.length === 1) return partial[0]!.index;
  throw new UsageError('usage.unknownAccount', { name: wanted });
}
