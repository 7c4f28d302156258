import { describe, expect, it } from 'vitest';
import type { Assignment } from '../../src/model/assignment.js';
import { PER_WEEK } from '../../src/model/codes.js';
import { hoursPerOccurrence, weeklyHours } from '../../src/workload/hours.js';
import { shareOf, statusOf } from '../../src/workload/load.js';

const row = (over: Partial<Assignment>): Assignment => ({
  row: 2,
  account: 'A',
  accountKey: 'a',
  task: 'Follow-up',
  taskKey: 'follow-up',
  person: 'P',
  personKey: 'p',
  department: undefined,
  departmentKey: undefined,
  raci: 1,
  due: undefined,
  frequency: undefined,
  hours: undefined,
  status: undefined,
  locked: false,
  ...over,
});
const recurring = (word: keyof typeof PER_WEEK) => ({ kind: 'recurring' as const, perWeek: PER_WEEK[word], word });

describe('weekly hours (SPEC §6)', () => {
  it.each([
    ['daily', 2, 10],
    ['weekly', 2, 2],
    ['biweekly', 2, 1],
    ['monthly', 2, 24 / 52],
    ['quarterly', 2, 8 / 52],
    ['half-yearly', 2, 4 / 52],
    ['yearly', 2, 2 / 52],
  ] as const)('%s: %d h per occurrence → %d h a week', (word, hours, expected) => {
    expect(weeklyHours(row({ frequency: recurring(word) }), hours, '2025-11-15')).toBeCloseTo(expected, 12);
  });

  it('spreads a one-off task over the weeks until its due date, at least one', () => {
    const once = { kind: 'once' as const };
    expect(weeklyHours(row({ frequency: once, due: '2025-12-20' }), 10, '2025-11-15')).toBeCloseTo(2, 12); // 35 days = 5 weeks
    expect(weeklyHours(row({ frequency: once, due: '2025-11-25' }), 10, '2025-11-15')).toBeCloseTo(7, 12); // 10 days = 1.43 weeks
    expect(weeklyHours(row({ frequency: once, due: '2025-11-18' }), 10, '2025-11-15')).toBe(10); // under a week: one week
    expect(weeklyHours(row({ frequency: once, due: '2025-11-01' }), 10, '2025-11-15')).toBe(10); // overdue: all of it now
    expect(weeklyHours(row({ frequency: once }), 10, '2025-11-15')).toBe(10); // no due date: one week
  });

  it('counts done tasks as 0', () => {
    expect(weeklyHours(row({ frequency: recurring('weekly'), status: 'done' }), 5, '2025-11-15')).toBe(0);
    expect(weeklyHours(row({ frequency: { kind: 'once' }, due: '2025-12-20', status: 'done' }), 5, '2025-11-15')).toBe(0);
    expect(weeklyHours(row({ frequency: recurring('weekly'), status: 'paused' }), 5, '2025-11-15')).toBe(5);
  });

  it('treats a row without frequency as weekly, or as one-off when it has a due date', () => {
    expect(weeklyHours(row({}), 3, '2025-11-15')).toBe(3);
    expect(weeklyHours(row({ due: '2025-11-29' }), 4, '2025-11-15')).toBeCloseTo(2, 12);
  });

  it('takes missing hours from effort norms (task type × tier), else 1', () => {
    const effort = { review: { strategic: 6, '*': 2 }, support: 3, '*': 1.5 };
    expect(hoursPerOccurrence(row({ hours: 7 }), 'review', 'strategic', effort)).toBe(7);
    expect(hoursPerOccurrence(row({}), 'review', 'strategic', effort)).toBe(6);
    expect(hoursPerOccurrence(row({}), 'review', 'normal', effort)).toBe(2);
    expect(hoursPerOccurrence(row({}), 'support', undefined, effort)).toBe(3);
    expect(hoursPerOccurrence(row({}), 'complaints', 'normal', effort)).toBe(1.5);
    expect(hoursPerOccurrence(row({}), 'complaints', 'normal', {})).toBe(1);
  });
});

describe('shares and status', () => {
  const shares = { R: 1, A: 0.2, C: 0.1, I: 0 };
  it('weights by the RACI letters held (summed for a cell such as R/A)', () => {
    expect(shareOf(1, shares)).toBe(1);
    expect(shareOf(2, shares)).toBe(0.2);
    expect(shareOf(4, shares)).toBe(0.1);
    expect(shareOf(8, shares)).toBe(0);
    expect(shareOf(3, shares)).toBeCloseTo(1.2, 12);
  });
  it('classifies utilisation: over > 100%, high > 85%, idle < 40%', () => {
    const t = { over: 1, high: 0.85, idle: 0.4 };
    expect([1.01, 1, 0.86, 0.85, 0.4, 0.39].map((u) => statusOf(u, t))).toEqual(['over', 'high', 'high', 'ok', 'ok', 'idle']);
  });
});
