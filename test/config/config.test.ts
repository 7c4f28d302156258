import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { envLang, parseConfigText, resolveConfig } from '../../src/config/resolve.js';
import { configJsonSchema } from '../../src/config/schema.js';
import { ConfigError } from '../../src/model/errors.js';
import { tempDir } from '../helpers/books.js';
import { findConfigFile, readConfigSource } from '../../src/io/config-file.js';

const resolve = (raw: Record<string, unknown>, extra: Parameters<typeof resolveConfig>[1] = {}) => resolveConfig({ file: 'kam.config.json', raw }, { lang: 'en', ...extra });
const failure = (raw: Record<string, unknown>, lang: 'zh' | 'en' = 'en'): string => {
  try {
    resolveConfig({ file: 'kam.config.json', raw }, { lang });
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return String((err as ConfigError).params.detail);
  }
  throw new Error('no error');
};

describe('config defaults', () => {
  it('has every default of SPEC §2', () => {
    const c = resolve({});
    expect(c.scoring.method).toBe('weighted');
    expect(c.scoring.normalize).toBe('minmax');
    expect(c.scoring.criteria.map((k) => [k.column, k.weight, k.direction])).toEqual([
      ['annual_revenue', 0.35, 'benefit'],
      ['contract_value', 0.2, 'benefit'],
      ['years', 0.15, 'benefit'],
      ['strategic', 0.2, 'benefit'],
      ['satisfaction', 0.1, 'benefit'],
    ]);
    expect(c.tiers.map((t) => [t.id, t.top])).toEqual([
      ['strategic', '10%'],
      ['important', '20%'],
      ['normal', undefined],
    ]);
    expect(c.services.strategic).toEqual({ required: ['follow-up', 'support', 'complaints', 'review'], cadenceDays: 30 });
    expect(c.raciShare).toEqual({ R: 1, A: 0.2, C: 0.1, I: 0 });
    expect(c.load).toEqual({ over: 1, high: 0.85, idle: 0.4, target: 0.85, defaultCapacity: 40, hoursPerDay: 8, effort: {} });
    expect(c.tasks['follow-up']).toContain('客户拜访');
    expect(c.promote).toEqual([]);
    expect(c.rules).toEqual({});
  });

  it('merges partial sections with their defaults and adds task names to the default types', () => {
    const c = resolve({ load: { over: 1.2 }, tasks: { 'follow-up': ['走访'], onboarding: ['新客户导入'] } });
    expect(c.load).toMatchObject({ over: 1.2, high: 0.85 });
    expect(c.tasks['follow-up']).toEqual(expect.arrayContaining(['日常跟进', '走访']));
    expect(c.tasks.onboarding).toEqual(['新客户导入']);
  });
});

describe('config validation', () => {
  it('names the key and what was expected', () => {
    expect(failure({ scoring: { method: 'magic' } })).toBe('scoring.method: expected one of "weighted", "scorecard", "topsis", "abc", got "magic"');
    expect(failure({ scoring: { criteria: [{ column: 'x', weight: -1 }] } })).toBe('scoring.criteria[0].weight: expected a number ≥ 0, got -1');
    expect(failure({ tiers: [{ id: 'a', top: 'ten' }, { id: 'b' }] })).toBe('tiers[0].top: expected a percentage such as "10%", got "ten"');
    expect(failure({ tiers: [{ id: 'a', top: true }, { id: 'b' }] })).toBe('tiers[0].top: expected a count or a percentage such as "10%", got true');
    expect(resolve({ tiers: [{ id: 'gold', top: 2 }, { id: 'rest' }] }).services).toEqual({ gold: { required: ['follow-up', 'support', 'complaints', 'review'], cadenceDays: 30 }, rest: { required: ['follow-up', 'complaints'], cadenceDays: 60 } });
    // A tier `services` leaves out keeps its catalogue (found by a new user: the others lost every check).
    expect(resolve({ services: { strategic: { required: ['follow-up'], cadenceDays: 14 } } }).services).toEqual({
      strategic: { required: ['follow-up'], cadenceDays: 14 },
      important: { required: ['follow-up', 'complaints'], cadenceDays: 60 },
      normal: { required: ['follow-up'], cadenceDays: 90 },
    });
    expect(resolve({ tiers: [{ id: 'gold', top: 2 }, { id: 'rest' }], services: { gold: { required: ['review'], cadenceDays: 7 } } }).services.rest).toEqual({ required: ['follow-up', 'complaints'], cadenceDays: 60 });
    // A task type misspelt is refused, with the type meant; a task name as the book writes it is taken.
    expect(failure({ services: { strategic: { required: ['folow-up'], cadenceDays: 30 } } })).toBe(
      'services.strategic.required[0]: expected the task type "follow-up" (or another of follow-up, support, after-sales, complaints, review, contract, analysis), got "folow-up"',
    );
    expect(resolve({ services: { strategic: { required: ['年度审计', '季度业务回顾'], cadenceDays: 30 } } }).services.strategic!.required).toEqual(['年度审计', '季度业务回顾']);
    expect(failure({ colour: true })).toBe('(root): unknown key "colour"');
    expect(failure({ rules: { 'raci/nope': 'warn' } })).toContain('rules');
    expect(failure({ rules: { 'raci/no-accountable': 'loud' } })).toBe('rules.raci/no-accountable: expected error, warn, info or off, or [level, {options}], got "loud"');
    expect(failure({ promote: [{ column: 'annual_revenue', min: 1, tier: 'gold' }] })).toBe('promote[0].tier: expected one of the tier ids strategic, important, normal, got "gold"');
    expect(failure({ scoring: { method: 'scorecard' } })).toContain('scoring.criteria[0].bands: expected bands');
    // Once, naming every criterion without bands and what to do (found by a new user: three issues of five, nothing to do).
    expect(failure({ scoring: { method: 'scorecard' } })).toBe(
      'scoring.criteria[0].bands: expected bands for every criterion of the scorecard method (none for annual_revenue, contract_value, years, strategic, satisfaction): add "bands" to each of scoring.criteria in kam.config.json (see docs/scoring.md), or use another method',
    );
    expect(failure({ load: { idle: 0.9, high: 0.5 } })).toBe('load: expected idle < high ≤ over');
  });
  it('names the value written, and quotas that cannot be met (issue 9)', () => {
    expect(failure({ rules: { 'raci/too-many-responsible': ['error', { max: '3' }] } })).toBe('rules.raci/too-many-responsible[1].max: expected a number, got "3"');
    expect(failure({ tiers: [{ id: 'strategic', top: '150%' }, { id: 'normal' }] })).toBe('tiers[0].top: expected a percentage of at most 100%, got "150%"');
    expect(failure({ tiers: [{ id: 'strategic', top: '60%' }, { id: 'important', top: '50%' }, { id: 'normal' }] })).toBe('tiers: expected "top" percentages that add up to at most 100% (they add up to 110%)');
    expect(resolve({ tiers: [{ id: 'strategic', top: '60%' }, { id: 'important', top: '40%' }, { id: 'normal' }] }).tiers).toHaveLength(3);
  });
  it('speaks Chinese too, in the checks kam makes itself as well as zod\'s', () => {
    expect(failure({ tiers: [{ id: 'strategic', top: '150%' }, { id: 'normal' }] }, 'zh')).toBe('tiers[0].top: 应为不超过 100% 的百分比，实为 "150%"');
    expect(failure({ tiers: [{ id: 'strategic', top: '60%' }, { id: 'important', top: '50%' }, { id: 'normal' }] }, 'zh')).toBe('tiers: 应为各等级 "top" 百分比之和不超过 100%（现为 110%）');
    expect(failure({ tiers: [{ id: 'a b', top: 1 }, { id: 'c' }] }, 'zh')).toBe('tiers[0].id: 应为字母、数字、_ 或 -，实为 "a b"');
    expect(failure({ load: { idle: 0.9, high: 0.5 } }, 'zh')).toMatch(/^load: 应为idle < high ≤ over（空闲/);
    expect(failure({ rules: { 'raci/role-conflict': ['warn', { allow: ['RA'] }] } }, 'zh')).toBe('rules.raci/role-conflict[1].allow[0]: 应为用 + 连接的字母，如 "R+A"，实为 "RA"');
    expect(failure({ scoring: { criteria: [{ column: 'x', weight: 0 }] } }, 'zh')).not.toMatch(/[a-z]{4,} [a-z]{4,}/);
    expect(failure({ scoring: { criteria: [{ column: 'x', weight: 'heavy' }] } }, 'zh')).toBe('scoring.criteria[0].weight: 应为数字，实为 "heavy"');
  });
  it('applies Rules-sheet entries and names their cell when invalid', () => {
    const c = resolve({}, { rules: [{ key: 'scoring.method', value: 'topsis', cell: '规则!B2' }, { key: 'tiers.0.top', value: '5%', cell: '规则!B3' }] });
    expect(c.scoring.method).toBe('topsis');
    expect(c.tiers[0]).toMatchObject({ id: 'strategic', top: '5%' });
    expect(c.tiers).toHaveLength(3);
    try {
      resolve({}, { rules: [{ key: 'load.over', value: 'lots', cell: '规则!B4' }] });
      throw new Error('no error');
    } catch (err) {
      expect((err as ConfigError).where).toEqual({ cell: '规则!B4' });
    }
  });
  it('lets flags win over the file', () => {
    expect(resolve({ scoring: { method: 'abc' } }, { overrides: { 'scoring.method': 'topsis' } }).scoring.method).toBe('topsis');
  });
  it('refuses prototype keys in Rules-sheet paths at their cell, setting nothing (found by a new user: they were passed over without a word)', () => {
    for (const key of ['__proto__.polluted', 'constructor.x', 'tasks.prototype']) {
      expect(() => resolve({}, { rules: [{ key: 'load.over', value: 1.2, cell: 'R!B2' }, { key, value: 1, cell: 'R!B3' }], lang: 'en' }), key).toThrow(
        expect.objectContaining({ code: 'config.invalid', where: { cell: 'R!B3' }, params: { detail: `${key}: the Rules sheet cannot set a key named __proto__, constructor or prototype: set it in kam.config.json` } }),
      );
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('finding and reading the file', () => {
  it('finds kam.config.json next to the book or in a parent folder', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'a', 'b'), { recursive: true });
    writeFileSync(join(root, 'kam.config.json'), '{"lang":"en"}');
    expect(findConfigFile(join(root, 'a', 'b', 'book.xlsx'), '/')).toBe(join(root, 'kam.config.json'));
    const src = await readConfigSource(undefined, join(root, 'a', 'b', 'book.xlsx'), '/');
    expect(src.raw).toEqual({ lang: 'en' });
  });
  it('reports JSON syntax errors with their position', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'bad.json'), '{\n  "lang": "en",\n}');
    await expect(readConfigSource('bad.json', undefined, root)).rejects.toMatchObject({ code: 'config.syntax', params: { line: 3, column: 1 } });
  });
  it.each([
    // Node 20 gives no position for these: `Unexpected token ']', … is not valid JSON`, `Unexpected end of JSON input`.
    ['a trailing comma in an array', '{\n  "tiers": [\n    {"id":"strategic","top":"10%"},\n  ]\n}', 4, 3],
    ['a trailing comma on one line', '{"tiers": [ {"id":"strategic"}, ]}', 1, 33],
    ['a trailing comma in an object', '{\n  "lang": "en",\n}', 3, 1],
    ['a missing quote', '{\n  "lang: "en"\n}', 2, 11],
    ['a missing comma', '{\n  "lang": "en"\n  "scoring": {}\n}', 3, 3],
    ['a word without quotes', '{\n\t"lang": en\n}', 2, 10],
    ['an unexpected end', '{\n  "lang": "en"', 2, 15],
    ['an empty file', '', 1, 1],
    ['text after the object', '{"lang": "en"}}', 1, 15],
  ])('names line and column of %s', (_what, text, line, column) => {
    let err: unknown;
    try {
      parseConfigText(text, 'kam.config.json');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect(err).toMatchObject({ code: 'config.syntax', params: { line, column } });
  });
  it('takes the language from LC_ALL / LANG', () => {
    expect(envLang({ LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(envLang({ LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(envLang({})).toBeUndefined();
  });
  it('publishes a JSON Schema', () => {
    const schema = configJsonSchema() as { properties: Record<string, unknown>; additionalProperties: boolean };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['scoring', 'tiers', 'services', 'rules', 'load']));
    expect(schema.additionalProperties).toBe(false);
  });
});

describe('task types are user text (issue 8)', () => {
  it('a task type named constructor or __proto__ is a type like any other', () => {
    const config = resolve(JSON.parse('{"tasks": {"constructor": ["x"], "__proto__": ["y"], "toString": ["z"]}}') as Record<string, unknown>);
    expect(Object.hasOwn(config.tasks, 'constructor')).toBe(true);
    expect(config.tasks.constructor).toEqual(['x']);
    expect(config.tasks.toString).toEqual(['z']);
    expect(Object.getPrototypeOf(config.tasks)).toBe(Object.prototype);
  });
});

describe('raci/role-conflict options', () => {
  it('names letter combinations; anything else is a config error naming the key', () => {
    expect(resolve({ rules: { 'raci/role-conflict': ['warn', { allow: ['R+A', 'a + c'] }] } }).rules['raci/role-conflict']).toEqual(['warn', { allow: ['R+A', 'a + c'] }]);
    expect(failure({ rules: { 'raci/role-conflict': ['warn', { allow: ['R+X'] }] } })).toContain('letters joined by +');
  });
});

describe('tiers merged by id (issue 9)', () => {
  it('a default tier that changes only its quota keeps its labels and aliases', () => {
    const c = resolve({ tiers: [{ id: 'strategic', top: 5 }, { id: 'important', minScore: 60 }, { id: 'normal' }] });
    expect(c.tiers).toEqual([
      { id: 'strategic', label: { zh: '战略客户', en: 'Strategic' }, aliases: ['战略', 'A'], top: 5 },
      { id: 'important', label: { zh: '重要客户', en: 'Important' }, aliases: ['重要', 'B'], minScore: 60 },
      { id: 'normal', label: { zh: '普通客户', en: 'Ordinary' }, aliases: ['普通', 'C'] },
    ]);
    // A custom id keeps only what it says.
    expect(resolve({ tiers: [{ id: 'vip', top: 3 }, { id: 'rest' }] }).tiers).toEqual([
      { id: 'vip', aliases: [], top: 3 },
      { id: 'rest', aliases: [] },
    ]);
  });

  it('a default tier given by its id alone keeps its default quota (the checks see it)', () => {
    const c = resolve({ tiers: [{ id: 'strategic', top: '5%' }, { id: 'important' }, { id: 'normal' }] });
    expect(c.tiers.map((t) => [t.id, t.top])).toEqual([['strategic', '5%'], ['important', '20%'], ['normal', undefined]]);
    // The default's 20% counts towards the 100% the percentages may add up to.
    expect(failure({ tiers: [{ id: 'strategic', top: '90%' }, { id: 'important' }, { id: 'normal' }] })).toBe('tiers: expected "top" percentages that add up to at most 100% (they add up to 110%)');
    // A custom id has no default: it still needs a quota above the last tier.
    expect(failure({ tiers: [{ id: 'vip' }, { id: 'rest' }] })).toBe('tiers[0]: expected "top" or "minScore" on every tier but the last');
  });

  it('refuses an impossible quota, naming the key', () => {
    expect(failure({ tiers: [{ id: 'strategic', top: '150%' }, { id: 'normal' }] })).toMatch(/tiers\[0\]\.top.*100%/);
  });
});
