/** The rule catalogue: every finding code kam can report, with its default severity (SPEC §4). */

/** How serious a finding is: errors fail a CI run by default (`--fail-on error`). */
export const SEVERITIES = ['error', 'warn', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const RULES = {
  'schema/missing-sheet': 'error',
  'schema/missing-column': 'error',
  'schema/invalid-value': 'error',
  'schema/empty-required': 'error',
  'schema/duplicate-key': 'error',
  'schema/ambiguous-column': 'error',
  'schema/duplicate-header': 'warn',
  'schema/blank-header': 'warn',
  'schema/extra-fields': 'error',
  'schema/check-marks': 'warn',
  'schema/unread-column': 'warn',
  'schema/no-tiers': 'warn',
  'data/missing-value': 'warn',
  'ref/unknown-account': 'error',
  'ref/ambiguous-account': 'error',
  'ref/unknown-person': 'error',
  'ref/inactive-person': 'error',
  'ref/unknown-department': 'warn',
  'raci/no-accountable': 'error',
  'raci/multiple-accountable': 'error',
  'raci/no-responsible': 'error',
  'raci/too-many-responsible': 'warn',
  'raci/role-conflict': 'warn',
  'coverage/no-owner': 'error',
  'coverage/required-task': 'error',
  'coverage/single-point': 'warn',
  'time/overdue': 'warn',
  'time/missing-due': 'warn',
  'time/cadence': 'warn',
  'load/over-capacity': 'warn',
  'load/max-accounts': 'warn',
  'load/idle': 'info',
  'account/declining-revenue': 'warn',
  'account/tier-mismatch': 'info',
  'diff/duplicate-account': 'warn',
  'diff/duplicate-responsibility': 'warn',
  'diff/duplicate-person': 'warn',
} as const satisfies Record<string, Severity>;

export type RuleId = keyof typeof RULES;
export const RULE_IDS = Object.keys(RULES) as RuleId[];

export type RuleLevel = Severity | 'off';
export type RuleSetting = RuleLevel | [RuleLevel] | [RuleLevel, Record<string, unknown>];

/** The configured level of a rule: `rules` in the config, else the default of §4. */
export function ruleLevel(rule: string, rules: Partial<Record<string, RuleSetting>>): RuleLevel {
  const s = rules[rule];
  if (s === undefined) return (RULES as Record<string, Severity>)[rule] ?? 'error';
  return Array.isArray(s) ? s[0] : s;
}

/** A rule's options from the config (`["warn", { "max": 3 }]`). */
export function ruleOptions(rule: string, rules: Partial<Record<string, RuleSetting>>): Record<string, unknown> {
  const s = rules[rule];
  return Array.isArray(s) && s[1] ? s[1] : {};
}

/** Gives each finding its configured severity and drops the rules turned off. */
export function applyRuleLevels<T extends { rule: string; severity: Severity }>(findings: readonly T[], rules: Partial<Record<string, RuleSetting>>): T[] {
  const out: T[] = [];
  for (const f of findings) {
    const level = ruleLevel(f.rule, rules);
    if (level !== 'off') out.push(level === f.severity ? f : { ...f, severity: level });
  }
  return out;
}
