import { describe, expect, it } from 'vitest';
import { fill } from '../../src/util/template.js';

describe('fill', () => {
  it('fills placeholders, leaves unknown ones, and picks singular or plural by the number', () => {
    const t = '{n} {n:day|days} overdue, {w} {w:warning|warnings} {missing} {x:a|b}';
    expect(fill(t, { n: 1, w: 0 })).toBe('1 day overdue, 0 warnings {missing} {x:a|b}');
    expect(fill(t, { n: 3, w: 1 })).toBe('3 days overdue, 1 warning {missing} {x:a|b}');
    expect(fill('{a}', { a: '{b}', b: 'no' })).toBe('{b}');
  });
});
