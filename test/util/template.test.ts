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

describe('fill against the plain two-pass replace', () => {
  const reference = (template: string, params: Record<string, string | number>): string =>
    template
      .replace(/\{(\w+):([^|{}]*)\|([^{}]*)\}/g, (m, k: string, one: string, other: string) => (Object.hasOwn(params, k) ? (Number(params[k]) === 1 ? one : other) : m))
      .replace(/\{(\w+)\}/g, (m, k: string) => (Object.hasOwn(params, k) ? String(params[k]) : m));
  it('gives the same text for templates of every shape, filled again and again', () => {
    const templates = ['', 'no placeholder', '{a}', '{a}{b}', 'x {a} y {a} z', '{a:one|many} {a}', '{{a}}', '{a', 'a}', '{ a }', '{__proto__}', '{constructor}', '{a:x|y}{b}', '{{a:b|c}}', '{a:|}', '{é}', '{a}|{b}'];
    const params: Record<string, string | number>[] = [{}, { a: 1 }, { a: 2, b: 'B' }, { a: '{b}', b: 'no' }, { b: 'c', c: 'C' }, { a: '1', é: 'e' }];
    for (let round = 0; round < 2; round++)
      for (const t of templates) for (const p of params) expect(fill(t, p), `${t} ${JSON.stringify(p)}`).toBe(reference(t, p));
  });
});
