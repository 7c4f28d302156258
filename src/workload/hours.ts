/** SPEC §6, per assignment: weekly hours from hours per occurrence and frequency. */
import { own } from '../util/own.js';
import type { ResolvedConfig } from '../config/resolve.js';
import type { Assignment } from '../model/assignment.js';
import { isClosed } from '../model/codes.js';
import { daysBetween, type IsoDate } from '../util/date.js';

/**
 * Hours per occurrence: the sheet's, else the effort norm for the task type and the account's tier
 * (`load.effort`), else 1.
 */
export function hoursPerOccurrence(a: Assignment, type: string, tier: string | undefined, effort: ResolvedConfig['load']['effort']): number {
  if (a.hours !== undefined) return a.hours;
  // Own keys only: a task named `constructor` or `toString` (its own type) has no norm.
  for (const key of [type, '*']) {
    const norm = own(effort, key);
    if (typeof norm === 'number') return norm;
    if (norm) {
      const v = (tier !== undefined ? own(norm, tier) : undefined) ?? own(norm, '*');
      if (v !== undefined) return v;
    }
  }
  return 1;
}

/**
 * Weekly hours of one assignment: hours × occurrences per week (daily 5, weekly 1, biweekly 0.5,
 * monthly 12/52, quarterly 4/52, half-yearly 2/52, yearly 1/52). A one-off task that is not done
 * spreads its hours over the weeks until its due date, at least one (weeks = days / 7). A done task
 * or cancelled task counts 0. Without a frequency a row with a due date is a one-off task, one without is weekly.
 */
export function weeklyHours(a: Assignment, hours: number, asOf: IsoDate): number {
  if (isClosed(a.status)) return 0;
  const f = a.frequency;
  if (f?.kind === 'recurring') return hours * f.perWeek;
  if (f?.kind === 'once' || a.due !== undefined) {
    const weeks = a.due === undefined ? 1 : Math.max(1, daysBetween(asOf, a.due) / 7);
    return hours / weeks;
  }
  return hours;
}
