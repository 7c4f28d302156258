/** Findings as sentences: the one place a finding's code and arguments become words. */
import { EXPECTED, FINDING_HINTS, FINDING_MESSAGES } from '../i18n/findings.js';
import type { Lang } from '../i18n/messages.js';
import type { Finding } from '../model/finding.js';

function fill(template: string, args: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (Object.hasOwn(args, k) ? String(args[k]) : m));
}

/** The finding's message in a language. */
export function findingMessage(f: Finding, lang: Lang): string {
  const args = { ...f.args };
  if (f.rule === 'schema/invalid-value' && typeof args.expected === 'string') {
    const [reason, detail] = String(args.expected).split(':');
    args.expected = fill(EXPECTED[lang][reason!] ?? reason!, { value: detail ?? '' });
  }
  const template = FINDING_MESSAGES[lang][f.rule] ?? FINDING_MESSAGES.en[f.rule] ?? f.rule;
  return fill(template, args);
}

/** The hint for a finding's rule, if there is one. */
export function findingHint(f: Finding, lang: Lang): string | undefined {
  return FINDING_HINTS[lang][f.rule];
}
