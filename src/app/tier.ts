/** `kam tier`: the Accounts sheet read, scored and tiered. */
import { readAccounts } from '../io/sheets/accounts.js';
import { UsageError } from '../model/errors.js';
import type { Layout } from '../model/table.js';
import { applyRuleLevels } from '../model/rules.js';
import { scoreAccounts, scoringColumns, type TierReport } from '../scoring/score.js';
import { fold } from '../util/text.js';
import { requireKeyColumns, requireSheet, type Session } from './session.js';

export interface TierBookOptions {
  /** `--explain`: the account (id or name) whose score to break down. */
  explain?: string;
}

/** Scores and tiers the book's accounts; notes (a criterion dropped, …) go to the session. */
export async function tierBook(session: Session, options: TierBookOptions = {}): Promise<TierReport> {
  return (await tierWithLayout(session, options)).report;
}

/** The tier report and the Accounts sheet's layout (for `--write`, which puts kam's columns beside it). */
export async function tierWithLayout(session: Session, options: TierBookOptions = {}): Promise<{ report: TierReport; layout: Layout }> {
  const { config } = session;
  const sheet = requireSheet(session, 'accounts');
  const table = await readAccounts(sheet, { ...session.tableOptions(sheet), numberColumns: scoringColumns(config) });
  requireKeyColumns(session, 'accounts', table.layout);
  const report = scoreAccounts(table, config, session.asOf, session.path);
  report.findings = applyRuleLevels(report.findings, config.rules);
  for (const w of report.warnings) session.note(w.code, w.params);
  if (options.explain !== undefined) report.explain = findAccount(report, options.explain);
  return { report, layout: table.layout };
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
