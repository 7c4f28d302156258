/** The options rules take in `rules` (`"raci/too-many-responsible": ["warn", { "max": 4 }]`). */
import * as z from 'zod';
import { ruleOptions, type RuleSetting } from '../model/rules.js';
import { expect } from './issues.js';

/** Each rule's options and their defaults; a rule not listed takes none. */
export const RULE_OPTIONS = {
  'raci/too-many-responsible': z.strictObject({ max: z.number().int().min(1).default(3) }),
  // The letter combinations one person may hold on one task without a finding: R+A is the "A/R" of a small team.
  'raci/role-conflict': z.strictObject({
    allow: z
      .array(z.string().regex(/^\s*[RACIraci](\s*\+\s*[RACIraci])+\s*$/, expect('letters joined by +, such as "R+A"', '用 + 连接的字母，如 "R+A"')))
      .default(['R+A']),
  }),
  'account/declining-revenue': z.strictObject({ threshold: z.number().min(0).max(1).default(0.2) }),
} as const;

export type OptionRule = keyof typeof RULE_OPTIONS;
type RuleOptionsOf<K extends OptionRule> = z.output<(typeof RULE_OPTIONS)[K]>;

/** The schema of a rule's options (an empty strict object for a rule that takes none). */
export function ruleOptionsSchema(rule: string): z.ZodType {
  return (RULE_OPTIONS as Record<string, z.ZodType>)[rule] ?? z.strictObject({});
}

/** A rule's options with their defaults filled in (the config was validated when it was read). */
export function optionsOf<K extends OptionRule>(rules: Partial<Record<string, RuleSetting>>, rule: K): RuleOptionsOf<K> {
  return RULE_OPTIONS[rule].parse(ruleOptions(rule, rules)) as RuleOptionsOf<K>;
}
