/**
 * What a book's own Rules sheet loosens of the config in force before it: the rules it lowers, and the
 * settings that make the checks find less (a task a tier requires taken out, a longer cadence, higher
 * load thresholds, a rule's options widened). Said by every command, since a pull request can add the
 * sheet (SPEC §2: the Rules sheet overrides kam.config.json).
 */
import { RULES, ruleLevel, type RuleLevel } from '../model/rules.js';
import { optionsOf } from './rule-options.js';
import type { ResolvedConfig } from './resolve.js';

const LEVELS: readonly RuleLevel[] = ['off', 'info', 'warn', 'error'];

/** The rules whose level `after` sets below `before`'s, as `raci/no-accountable error → off`. */
export function lowerRules(before: ResolvedConfig['rules'], after: ResolvedConfig['rules']): string[] {
  return Object.keys(RULES).flatMap((rule) => {
    const was = ruleLevel(rule, before);
    const now = ruleLevel(rule, after);
    return LEVELS.indexOf(now) < LEVELS.indexOf(was) ? [`${rule} ${was} → ${now}`] : [];
  });
}

/**
 * The settings other than rule levels that `after` loosens, each as `services.strategic.required − review`,
 * `services.important.cadenceDays 30 → 90`, `load.over 1 → 2`: tasks a tier no longer requires, a cadence
 * longer or gone, a load threshold or the default capacity raised, more R allowed on a task, letter
 * pairs allowed to one person, a larger fall of revenue let pass.
 */
export function looserSettings(before: ResolvedConfig, after: ResolvedConfig): string[] {
  const out: string[] = [];
  for (const [tier, was] of Object.entries(before.services)) {
    const now = after.services[tier];
    const required = new Set((now?.required ?? []).map((t) => t.toLowerCase()));
    const dropped = was.required.filter((t) => !required.has(t.toLowerCase()));
    if (dropped.length > 0) out.push(`services.${tier}.required − ${dropped.join(', ')}`);
    if (was.cadenceDays !== undefined && (now?.cadenceDays === undefined || now.cadenceDays > was.cadenceDays)) out.push(`services.${tier}.cadenceDays ${was.cadenceDays} → ${now?.cadenceDays ?? '—'}`);
  }
  for (const key of ['over', 'high', 'defaultCapacity'] as const) {
    if (after.load[key] > before.load[key]) out.push(`load.${key} ${before.load[key]} → ${after.load[key]}`);
  }
  const max = (c: ResolvedConfig) => optionsOf(c.rules, 'raci/too-many-responsible').max;
  if (max(after) > max(before)) out.push(`raci/too-many-responsible max ${max(before)} → ${max(after)}`);
  const pairs = (c: ResolvedConfig) => new Set(optionsOf(c.rules, 'raci/role-conflict').allow.map((p) => p.replace(/\s+/g, '').toUpperCase().split('+').sort().join('+')));
  const allowedBefore = pairs(before);
  const added = [...pairs(after)].filter((p) => !allowedBefore.has(p));
  if (added.length > 0) out.push(`raci/role-conflict allow + ${added.join(', ')}`);
  // Fewer accounts in a tier above the last (a smaller quota, a higher minimum score, the tier gone): those left
  // out fall to a tier that requires less of them (found by a CI user: `tiers.0.top = 0` in a pull request's Rules
  // sheet took the strategic account's required tasks away, and nothing was said).
  const lastId = before.tiers[before.tiers.length - 1]?.id;
  for (const [i, was] of before.tiers.entries()) {
    if (was.id === lastId) continue;
    const now = after.tiers.find((t) => t.id === was.id);
    if (!now) {
      out.push(`tiers − ${was.id}`);
      continue;
    }
    const key = `tiers.${i}`;
    if (was.top !== undefined && (now.top === undefined || smallerQuota(now.top, was.top))) out.push(`${key}.top ${was.top} → ${now.top ?? '—'}`);
    if (now.minScore !== undefined && (was.minScore === undefined || now.minScore > was.minScore)) out.push(`${key}.minScore ${was.minScore ?? '—'} → ${now.minScore}`);
  }
  const threshold = (c: ResolvedConfig) => optionsOf(c.rules, 'account/declining-revenue').threshold;
  if (threshold(after) > threshold(before)) out.push(`account/declining-revenue threshold ${threshold(before)} → ${threshold(after)}`);
  return out;
}

/**
 * Whether quota `now` takes fewer accounts than `was`: both counts or both percentages compared. A count against a
 * percentage depends on how many accounts the book has, and is not said (found by review: `5` for `10%` of 20 accounts
 * takes more, and was said to loosen the checks).
 */
function smallerQuota(now: number | string, was: number | string): boolean {
  const pct = (q: number | string): number | undefined => (typeof q === 'string' && q.trim().endsWith('%') ? Number(q.replace('%', '').trim()) : undefined);
  const a = pct(now);
  const b = pct(was);
  if (a !== undefined && b !== undefined) return a < b;
  if (a === undefined && b === undefined) return Number(now) < Number(was);
  // (0 takes none, whatever the other is.)
  return Number(a ?? now) === 0 && Number(b ?? was) > 0;
}
