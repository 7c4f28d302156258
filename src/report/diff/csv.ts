/** `kam diff --format csv` (or `-o changes.csv`): a change log, one row per change, then one per finding introduced or resolved. */
import type { DiffResult } from '../../diff/compare.js';
import { label } from '../../i18n/labels.js';
import type { Finding } from '../../model/finding.js';
import { findingCell } from '../../model/finding.js';
import type { Value } from '../../model/sheet-data.js';
import type { ReportContext } from '../context.js';
import { toCsv } from '../shared/csv.js';
import { findingMessage } from '../shared/findings.js';
import { cellText, changeSentence } from './shared.js';

const COLUMNS = ['kind', 'account', 'accountId', 'task', 'letter', 'person', 'from', 'to', 'oldCell', 'newCell', 'change', 'rule', 'severity'] as const;

/** The change log as CSV (no BOM on stdout; files get one). */
export function diffCsv(result: DiffResult, ctx: ReportContext): string {
  const { lang } = ctx;
  const rows: Value[][] = result.changes.map((c) => [c.kind, c.account ?? null, c.accountId ?? null, c.task ?? null, c.letter ?? null, c.person ?? null, c.from ?? null, c.to ?? null, cellText(c.oldCell), cellText(c.newCell), changeSentence(c, lang, result.tiers), null, null]);
  const finding = (kind: string, f: Finding, old: boolean): Value[] => [kind, f.account ?? null, null, f.task ?? null, null, f.person ?? null, null, null, old ? (findingCell(f) ?? null) : null, old ? null : (findingCell(f) ?? null), findingMessage(f, lang, result.tiers, 'exact'), f.rule, f.severity];
  for (const f of result.introduced) rows.push(finding('finding-introduced', f, false));
  for (const f of result.resolved) rows.push(finding('finding-resolved', f, true));
  return toCsv({ name: 'diff', header: COLUMNS.map((k) => label(lang, `diff.column.${k}`)), rows }, ctx.raw).replace(/^\ufeff/, '');
}
