/** Findings as sentences: the one place a finding's code and arguments become words. */
import { EXPECTED, FINDING_HINTS, FINDING_MESSAGES, TASK_TYPES } from '../i18n/findings.js';
import type { Lang } from '../model/lang.js';
import type { Finding } from '../model/finding.js';
import { tierLabel, type TierDef } from '../model/tier.js';
import { fmtPercent } from './numbers.js';
import { fill } from '../util/template.js';

/** The finding's message in a language; tier ids and task types are shown by their labels. */
export function findingMessage(f: Finding, lang: Lang, tiers: readonly TierDef[] = []): string {
  const args = { ...f.args };
  if (f.rule === 'schema/invalid-value' && typeof args.expected === 'string') {
    const [reason, detail] = String(args.expected).split(':');
    args.expected = fill(EXPECTED[lang][reason!] ?? reason!, { value: detail ?? '' });
  }
  for (const k of ['tier', 'recorded', 'computed'] as const) {
    if (typeof args[k] === 'string') {
      const def = tiers.find((t) => t.id === args[k]);
      if (def) args[k] = tierLabel(def, lang);
    }
  }
  if (typeof args.type === 'string') args.type = TASK_TYPES[lang][args.type] ?? args.type;
  for (const k of ['change', 'threshold'] as const) if (typeof args[k] === 'number') args[k] = fmtPercent(Math.abs(args[k]));
  if (typeof args.utilization === 'number') args.utilization = fmtPercent(args.utilization, 0);
  const key = typeof args.variant === 'string' ? `${f.rule}#${args.variant}` : f.rule;
  const template = FINDING_MESSAGES[lang][key] ?? FINDING_MESSAGES.en[key] ?? FINDING_MESSAGES[lang][f.rule] ?? f.rule;
  return fill(template, args);
}

/** The hint for a finding's rule, if there is one. */
export function findingHint(f: Finding, lang: Lang): string | undefined {
  return FINDING_HINTS[lang][f.rule];
}
