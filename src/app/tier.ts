/** `kam tier`: the Accounts sheet read, scored and tiered. */
import type { Lang } from '../model/lang.js';
import { readAccounts } from '../io/sheets/accounts.js';
import { UsageError } from '../model/errors.js';
import type { Layout } from '../model/table.js';
import { applyRuleLevels } from '../model/rules.js';
import { scoreAccounts, scoringColumns, type TierReport } from '../scoring/score.js';
import { accountKey, fold } from '../util/text.js';
import { requireAccounts, requireKeyColumns, type Session } from './session.js';
import { noteNoRows } from './tables.js';

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
  const sheet = await requireAccounts(session);
  const table = await readAccounts(sheet, { ...session.tableOptions(sheet), numberColumns: scoringColumns(config) });
  requireKeyColumns(session, 'accounts', table.layout);
  await session.sayUnreadSheets();
  noteNoRows(session, table.layout, table.accounts.length, table.findings);
  const report = scoreAccounts(table, config, session.asOf, session.path);
  report.findings = applyRuleLevels(report.findings, config.rules);
  for (const w of report.warnings) session.note(w.code, w.params);
  if (options.explain !== undefined) report.explain = findAccount(report, options.explain, config.lang);
  return { report, layout: table.layout };
}

/**
 * The index of the account named by `--explain`: the one whose id is it (folded), else the one
 * whose name is it, else a unique partial match of a name. Two accounts that match alike (a
 * duplicated id, two accounts of one name) are a usage error naming them: never a silent pick.
 */
function findAccount(report: TierReport, wanted: string, lang: Lang): number {
  const w = fold(wanted);
  // (An id as the book keys it: a Salesforce id keeps its case; found by review.)
  const k = accountKey(wanted);
  const byId = report.accounts.filter((a) => a.id !== undefined && accountKey(a.id) === k);
  const byName = byId.length > 0 ? byId : report.accounts.filter((a) => fold(a.name) === w);
  const matches = byName.length > 0 ? byName : report.accounts.filter((a) => fold(a.name).includes(w));
  if (matches.length === 1) return matches[0]!.index;
  if (matches.length === 0) throw new UsageError('usage.unknownAccount', { name: wanted });
  const rows = matches.sort((a, b) => a.row - b.row);
  const list = rows.slice(0, MAX_LISTED).map((a) => `${a.id !== undefined ? `${a.id} ` : ''}${a.name} (${report.sheet}!${a.row}:${a.row})`);
  if (rows.length > MAX_LISTED) list.push('…');
  throw new UsageError('usage.ambiguousAccount', { name: wanted, count: rows.length, accounts: list.join(lang === 'zh' ? '、' : ', ') });
}

/** Accounts an ambiguous `--explain` lists at most. */
const MAX_LISTED = 5;
