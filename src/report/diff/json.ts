/**
 * `kam diff --format json`, the stable shape of issue 13: `{ old, new, asOf, summary, changes,
 * introduced, resolved, duplicates, load }`. A change has `kind`, `account`, `accountId`, `task`,
 * `letter`, `person`, `from`, `to`, `oldCell`, `newCell` (absent fields left out) and, where they
 * apply, `field`, `tier`, `lostAccountable`, `holds`; findings have the shape of `kam check --format json`.
 */
import type { Change, DiffResult } from '../../diff/compare.js';
import type { Finding } from '../../model/finding.js';
import type { ReportContext } from '../context.js';
import { findingJson } from '../findings/json.js';
import { cellText } from './shared.js';

/** A change as JSON, fields in the documented order. */
export function changeJson(c: Change): Record<string, unknown> {
  const out: Record<string, unknown> = { kind: c.kind };
  for (const k of ['account', 'accountId', 'task', 'letter', 'person', 'field', 'from', 'to'] as const) if (c[k] !== undefined) out[k] = c[k];
  if (c.oldCell) out.oldCell = cellText(c.oldCell);
  if (c.newCell) out.newCell = cellText(c.newCell);
  if (c.tier !== undefined) out.tier = c.tier;
  if (c.lostAccountable) out.lostAccountable = true;
  if (c.holds !== undefined) out.holds = c.holds;
  return out;
}

/** The diff as JSON, written piece by piece (a large change list is never one string). */
export function* diffJson(result: DiffResult, ctx: ReportContext): Generator<string> {
  // (Fields left undefined are left out, as JSON.stringify leaves them.)
  const one = (v: Record<string, unknown>) => `{\n      ${Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]) => `${JSON.stringify(k)}: ${JSON.stringify(x)}`).join(',\n      ')}\n    }`;
  function* list(name: string, items: readonly unknown[], map: (x: never) => Record<string, unknown>, last = false): Generator<string> {
    yield `  ${JSON.stringify(name)}: [`;
    for (let i = 0; i < items.length; i++) yield `${i === 0 ? '' : ','}\n    ${one(map(items[i] as never))}`;
    yield `${items.length > 0 ? '\n  ' : ''}]${last ? '' : ','}\n`;
  }
  const finding = (f: Finding) => findingJson(f, ctx.lang, result.tiers);
  yield `{\n  "old": ${JSON.stringify(result.old)},\n  "new": ${JSON.stringify(result.new)},\n  "asOf": ${JSON.stringify(result.asOf)},\n`;
  yield `  "summary": ${JSON.stringify(result.summary, null, 2).replace(/\n/g, '\n  ')},\n`;
  yield* list('changes', result.changes, changeJson);
  yield* list('introduced', result.introduced, finding);
  yield* list('resolved', result.resolved, finding);
  yield* list('duplicates', result.duplicates, finding);
  yield* list('load', result.load, (l: DiffResult['load'][number]) => ({ person: l.person, before: l.before ?? null, after: l.after ?? null }), true);
  yield '}\n';
}
