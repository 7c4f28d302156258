/** The rule engine of `kam check` and `kam gaps`: every rule of SPEC §4 over one indexed book. */
import { optionsOf } from '../config/rule-options.js';
import type { Finding } from '../model/finding.js';
import { applyRuleLevels } from '../model/rules.js';
import type { TierReport } from '../scoring/score.js';
import { accountRules } from './accounts.js';
import type { IndexedBook } from '../book/book.js';
import { coverageRules, singlePointRules } from './coverage.js';
import { loadRules } from './load.js';
import type { LoadResult } from '../workload/load.js';
import { raciRules } from './raci.js';
import { referenceRules } from './references.js';
import { timeRules } from './time.js';

/** The families of rules, as their ids begin (`raci/…`). */
export type RuleFamily = 'ref' | 'raci' | 'coverage' | 'time' | 'account' | 'load';

/**
 * Runs every rule (or those of `families`); findings come with their configured severities, rules
 * turned off dropped. `load`: the book's load when the caller has computed it already.
 */
export function runRules(book: IndexedBook, tiers?: TierReport, families?: ReadonlySet<RuleFamily>, load?: LoadResult): Finding[] {
  const { max } = optionsOf(book.config.rules, 'raci/too-many-responsible');
  const { threshold } = optionsOf(book.config.rules, 'account/declining-revenue');
  const { allow } = optionsOf(book.config.rules, 'raci/role-conflict');
  const run = (family: RuleFamily, rules: () => Finding[]): Finding[] => (!families || families.has(family) ? rules() : []);
  const findings = [
    ...run('ref', () => referenceRules(book)),
    ...run('raci', () => raciRules(book, max, allow)),
    ...run('coverage', () => [...coverageRules(book), ...singlePointRules(book)]),
    ...run('time', () => timeRules(book)),
    ...run('account', () => accountRules(book, tiers, threshold)),
    ...run('load', () => loadRules(book, load)),
  ];
  return applyRuleLevels(findings, book.config.rules);
}
