/** The configuration schema (SPEC §2): strict, so an unknown key or a wrong value is an error. */
import * as z from 'zod';
import { CANONICAL_COLUMNS, SHEET_ROLES } from '../model/columns.js';
import { LANGS } from '../model/lang.js';
import { expect } from './issues.js';
import { nearest } from '../util/near.js';
import { ruleOptionsSchema } from './rule-options.js';
import { RULE_IDS, SEVERITIES } from '../model/rules.js';
import {
  DEFAULT_ABC,
  DEFAULT_CRITERIA,
  DEFAULT_LIMITS,
  DEFAULT_LOAD,
  DEFAULT_RACI_SHARE,
  DEFAULT_TASKS,
  DEFAULT_SERVICES,
  DEFAULT_TIERS,
} from './defaults.js';

export const METHODS = ['weighted', 'scorecard', 'topsis', 'abc'] as const;
export const NORMALIZATIONS = ['minmax', 'rank'] as const;
export const DIRECTIONS = ['benefit', 'cost'] as const;
export const RULE_LEVELS = [...SEVERITIES, 'off'] as const;

const PERCENT = /^\d+(\.\d+)?\s*%$/;
const Percent = z
  .string()
  .regex(PERCENT, expect('a percentage such as "10%"', '百分比，如 "10%"'))
  // Only a well-formed percentage is measured (a malformed one has its own message).
  .refine((p) => !PERCENT.test(p) || parseFloat(p) <= 100, expect('a percentage of at most 100%', '不超过 100% 的百分比'));
/** A scorecard band: `min` (value ≥ min) and/or `max` (value ≤ max); the first band that fits wins. */
const Band = z.strictObject({ min: z.number().optional(), max: z.number().optional(), points: z.number().nonnegative() });

const Criterion = z.strictObject({
  column: z.string().min(1),
  // (Bounded: two weights of 1e308 summed to Infinity, and every weight became 0 %; found by a new user.)
  weight: z.number().nonnegative().max(1e9),
  direction: z.enum(DIRECTIONS).default('benefit'),
  bands: z.array(Band).min(1).optional(),
});

/** The quota of a default tier id (`strategic` 10%, `important` 20%), if it has one. */
function defaultTop(id: string): string | undefined {
  const d = DEFAULT_TIERS.find((x) => x.id === id);
  return d && 'top' in d ? d.top : undefined;
}

const Tier = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z0-9_-]+$/, expect('letters, digits, _ or -', '字母、数字、_ 或 -')),
    label: z.union([z.string().min(1), z.strictObject({ zh: z.string().min(1), en: z.string().min(1) })]).optional(),
    aliases: z.array(z.string()).default([]),
    top: z.union([z.number().int().nonnegative(), Percent]).optional(),
    minScore: z.number().min(0).max(100).optional(),
  })
  .refine((t) => t.top === undefined || t.minScore === undefined, expect('either "top" or "minScore", not both', '"top" 与 "minScore" 二选一，不能同时给出'));

const Scoring = z.strictObject({
  method: z.enum(METHODS).default('weighted'),
  normalize: z.enum(NORMALIZATIONS).default('minmax'),
  criteria: z.array(Criterion).min(1).default(DEFAULT_CRITERIA.map((c) => ({ ...c }))),
  abc: z
    .strictObject({
      column: z.string().min(1).default(DEFAULT_ABC.column),
      cutoffs: z
        .array(z.number().gt(0).max(1))
        .min(1)
        .default([...DEFAULT_ABC.cutoffs])
        .refine((a) => a.every((v, i) => i === 0 || v > a[i - 1]!), expect('increasing cut-offs', '递增的分界值')),
    })
    .prefault({}),
});

const Service = z.strictObject({
  required: z.array(z.string()).default([]),
  cadenceDays: z.number().positive().optional(),
});

const RuleSetting = z.union([
  z.enum(RULE_LEVELS),
  z.tuple([z.enum(RULE_LEVELS)]),
  z.tuple([z.enum(RULE_LEVELS), z.record(z.string(), z.unknown())]),
]);

export const ConfigSchema = z
  .strictObject({
    $schema: z.string().optional(),
    lang: z.enum(LANGS).optional(),
    /** How a date such as `11/3/2025` is read when its column does not show it: month or day first. */
    dateOrder: z.enum(['month-first', 'day-first']).optional(),
    sheets: z.partialRecord(z.enum(SHEET_ROLES), z.array(z.string().min(1))).default({}),
    columns: z.partialRecord(z.enum(CANONICAL_COLUMNS as [string, ...string[]]), z.array(z.string().min(1))).default({}),
    scoring: Scoring.prefault({}),
    tiers: z
      .array(Tier)
      .min(2)
      .default(DEFAULT_TIERS.map((t) => ({ ...t, label: { ...t.label }, aliases: [...t.aliases] }))),
    promote: z.array(z.strictObject({ column: z.string().min(1), min: z.number(), tier: z.string() })).default([]),
    services: z.record(z.string(), Service).default(structuredClone(DEFAULT_SERVICES) as unknown as Record<string, { required: string[]; cadenceDays: number }>),
    tasks: z.record(z.string(), z.array(z.string())).default({}),
    raciShare: z
      .strictObject({
        R: z.number().nonnegative().default(DEFAULT_RACI_SHARE.R),
        A: z.number().nonnegative().default(DEFAULT_RACI_SHARE.A),
        C: z.number().nonnegative().default(DEFAULT_RACI_SHARE.C),
        I: z.number().nonnegative().default(DEFAULT_RACI_SHARE.I),
      })
      .prefault({}),
    load: z
      .strictObject({
        over: z.number().positive().default(DEFAULT_LOAD.over),
        high: z.number().positive().default(DEFAULT_LOAD.high),
        idle: z.number().nonnegative().default(DEFAULT_LOAD.idle),
        target: z.number().positive().default(DEFAULT_LOAD.target),
        defaultCapacity: z.number().positive().default(DEFAULT_LOAD.defaultCapacity),
        /** Hours in a working day: effort written in days (`2天`, `1人天`, `半天`) is counted with it. */
        hoursPerDay: z.number().positive().max(24).default(DEFAULT_LOAD.hoursPerDay),
        /**
         * Effort norms: hours per occurrence where the Assignments sheet has none, per task type
         * (`"*"` for any), as a number or per tier id: `{ "review": { "strategic": 4, "*": 2 } }`.
         */
        effort: z.record(z.string(), z.union([z.number().nonnegative(), z.record(z.string(), z.number().nonnegative())])).default({}),
      })
      .prefault({}),
    rules: z.partialRecord(z.enum(RULE_IDS as [string, ...string[]]), RuleSetting).default({}),
    /** Size limits on input: each file read (a CSV, an .xlsx) may be at most `inputMB` MB. */
    limits: z
      .strictObject({
        inputMB: z.number().positive().default(DEFAULT_LIMITS.inputMB),
      })
      .prefault({}),
  })
  .superRefine((c, ctx) => {
    const ids = c.tiers.map((t) => t.id);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) ctx.addIssue({ code: 'custom', path: ['tiers', i, 'id'], input: id, ...expect(`unique tier ids ("${id}" repeats)`, `不重复的等级 id（"${id}" 重复）`) });
    });
    // A default id that says no quota keeps the default's (resolve.ts fills it in after this check).
    const top = (t: (typeof c.tiers)[number]) => (t.minScore === undefined ? (t.top ?? defaultTop(t.id)) : undefined);
    c.tiers.slice(0, -1).forEach((t, i) => {
      if (top(t) === undefined && t.minScore === undefined) ctx.addIssue({ code: 'custom', path: ['tiers', i], ...expect('"top" or "minScore" on every tier but the last', '除最后一个等级外，每个等级都要有 "top" 或 "minScore"') });
    });
    // Percentages of all accounts: the tiers above the last cannot together take more than all of them.
    const tops = c.tiers.map(top);
    const percent = tops.reduce<number>((sum, t) => sum + (typeof t === 'string' && PERCENT.test(t) ? parseFloat(t) : 0), 0);
    const each = tops.every((t) => typeof t !== 'string' || !PERCENT.test(t) || parseFloat(t) <= 100);
    if (each && percent > 100) ctx.addIssue({ code: 'custom', path: ['tiers'], ...expect(`"top" percentages that add up to at most 100% (they add up to ${percent}%)`, `各等级 "top" 百分比之和不超过 100%（现为 ${percent}%）`) });
    c.promote.forEach((p, i) => {
      if (!ids.includes(p.tier)) ctx.addIssue({ code: 'custom', path: ['promote', i, 'tier'], input: p.tier, ...expect(`one of the tier ids ${ids.join(', ')}`, `等级 id 之一：${ids.join('、')}`) });
    });
    for (const key of Object.keys(c.services)) {
      if (!ids.includes(key)) ctx.addIssue({ code: 'custom', path: ['services', key], input: key, ...expect(`a tier id (${ids.join(', ')})`, `等级 id（${ids.join('、')}）`) });
    }
    // A required task that is no type and no name of the catalogue is a task name as the book writes it,
    // unless it is a type misspelt (found by a new user: `folow-up` was an error on every top account).
    const types = [...new Set([...Object.keys(DEFAULT_TASKS), ...Object.keys(c.tasks)])];
    const names = new Set([...types, ...Object.values(DEFAULT_TASKS).flat(), ...Object.values(c.tasks).flat()].map((n) => n.toLowerCase()));
    for (const [key, service] of Object.entries(c.services)) {
      service.required.forEach((task, i) => {
        if (names.has(task.toLowerCase())) return;
        const near = nearest(task.toLowerCase(), types);
        if (near !== undefined) ctx.addIssue({ code: 'custom', path: ['services', key, 'required', i], input: task, ...expect(`the task type "${near}" (or another of ${types.join(', ')})`, `任务类型「${near}」（或 ${types.join('、')} 之一）`) });
      });
    }
    if (c.scoring.criteria.every((k) => k.weight === 0)) {
      ctx.addIssue({ code: 'custom', path: ['scoring', 'criteria'], ...expect('at least one criterion with a weight above 0', '至少一个权重大于 0 的评分指标') });
    }
    if (c.scoring.method === 'scorecard') {
      // One issue, at the first criterion without bands (listing each said the same thing three times and stopped).
      const i = c.scoring.criteria.findIndex((k) => !k.bands);
      if (i >= 0) {
        const missing = c.scoring.criteria.filter((k) => !k.bands).map((k) => k.column).join(', ');
        ctx.addIssue({
          code: 'custom',
          path: ['scoring', 'criteria', i, 'bands'],
          ...expect(`bands for every criterion of the scorecard method (none for ${missing}): add "bands" to each of scoring.criteria in kam.config.json (see docs/scoring.md), or use another method`, `计分卡方法下每个指标都要有 bands（分档；${missing} 没有）：请在 kam.config.json 的 scoring.criteria 中为每个指标添加 "bands"（见 docs/scoring.md），或改用其他方法`),
        });
      }
    }
    if (c.scoring.method === 'abc' && c.scoring.abc.cutoffs.length > c.tiers.length - 1) {
      ctx.addIssue({ code: 'custom', path: ['scoring', 'abc', 'cutoffs'], ...expect(`at most ${c.tiers.length - 1} cut-offs for ${c.tiers.length} tiers`, `${c.tiers.length} 个等级最多 ${c.tiers.length - 1} 个分界值`) });
    }
    for (const [rule, setting] of Object.entries(c.rules)) {
      if (!Array.isArray(setting) || setting[1] === undefined) continue;
      const parsed = ruleOptionsSchema(rule).safeParse(setting[1], { reportInput: true });
      for (const issue of parsed.success ? [] : parsed.error.issues) ctx.addIssue({ ...issue, path: ['rules', rule, 1, ...issue.path] });
    }
    if (!(c.load.idle < c.load.high && c.load.high <= c.load.over)) {
      ctx.addIssue({ code: 'custom', path: ['load'], ...expect('idle < high ≤ over', 'idle < high ≤ over（空闲 < 偏高 ≤ 超负荷）') });
    }
  });

export type Config = z.output<typeof ConfigSchema>;
export type Method = (typeof METHODS)[number];

/** The configuration's JSON Schema, for editors (`kam config --schema`). */
export function configJsonSchema(): unknown {
  return z.toJSONSchema(ConfigSchema, { io: 'input', unrepresentable: 'any' });
}
