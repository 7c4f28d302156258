/** The rule engine of `kam check` and `kam gaps`: every rule of SPEC §4 over one indexed book. */
import * as z from 'zod';
import { formatPath } from '../config/resolve.js';
import type { ResolvedConfig } from '../config/resolve.js';
import { ConfigError } from '../model/errors.js';
import type { Finding } from '../model/finding.js';
import type { RULES } from '../model/rules.js';
import { applyRuleLevels, ruleOptions } from '../model/rules.js';
import type { TierReport } from '../scoring/score.js';
import { accountRules } from './accounts.js';
import type { IndexedBook } from '../book/book.js';
import { coverageRules } from './coverage.js';
import { loadRules, singlePointRules } from './load.js';
import { raciRules } from './raci.js';
import { referenceRules } from './references.js';
import { timeRules } from './time.js';

/** Options each rule takes in `rules` (`["warn", { "max": 4 }]`); other rules take none. */
const RULE_OPTIONS: Partial<Record<keyof typeof RULES, z.ZodType>> = {
  'raci/too-many-responsible': z.strictObject({ max: z.number().int().min(1).default(3) }),
  'account/declining-revenue': z.strictObject({ threshold: z.number().min(0).max(1).default(0.2) }),
};

/** A rule's options, validated: a wrong option is a ConfigError naming it. */
export function options<T>(config: ResolvedConfig, rule: keyof typeof RULES): T {
  const schema = RULE_OPTIONS[rule] ?? z.strictObject({});
  const parsed = schema.safeParse(ruleOptions(rule, config.rules));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = formatPath(['rules', rule, 1, ...issue.path]);
    throw new ConfigError('config.invalid', { detail: `${path}: ${issue.message}` });
  }
  return parsed.data as T;
}

/** Validates the options of every configured rule (before any work is done). */
export function validateRuleOptions(config: ResolvedConfig): void {
  for (const rule of Object.keys(config.rules)) options(config, rule as keyof typeof RULES);
}

/** Runs every rule; findings come with their configured severities, rules turned off dropped. */
export function runRules(book: IndexedBook, tiers?: TierReport): Finding[] {
  const { max } = options<{ max: number }>(book.config, 'raci/too-many-responsible');
  const { threshold } = options<{ threshold: number }>(book.config, 'account/declining-revenue');
  const findings = [
    ...referenceRules(book),
    ...raciRules(book, max),
    ...coverageRules(book),
    ...singlePointRules(book),
    ...timeRules(book),
    ...accountRules(book, tiers, threshold),
    ...loadRules(book),
  ];
  return applyRuleLevels(findings, book.config.rules);
}
