/** The configuration schema (SPEC §2): strict, so an unknown key or a wrong value is an error. */
import * as z from 'zod';
import { CANONICAL_COLUMNS, SHEET_ROLES } from '../model/columns.js';
import { LANGS } from '../model/lang.js';
import { ruleOptionsSchema } from './rule-options.js';
import { RULE_IDS, SEVERITIES } from '../model/rules.js';
import {
  DEFAULT_ABC,
  DEFAULT_CRITERIA,
  DEFAULT_LIMITS,
  DEFAULT_LOAD,
  DEFAULT_RACI_SHARE,
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
  .regex(PERCENT, 'a percentage such as "10%"')
  // Only a well-formed percentage is measured (a malformed one has its own message).
  .refine((p) => !PERCENT.test(p) || parseFloat(p) <= 100, { message: 'a percentage of at most 100%' });
/** A scorecard band: `min` (value ≥ min) and/or `max` (value ≤ max); the first band that fits wins. */
const Band = z.strictObject({ min: z.number().optional(), max: z.number().optional(), points: z.number().nonnegative() });

const Criterion = z.strictObject({
  column: z.string().min(1),
  weight: z.number().nonnegative(),
  direction: z.enum(DIRECTIONS).default('benefit'),
  bands: z.array(Band).min(1).optional(),
});

const Tier = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ or -'),
    label: z.union([z.string().min(1), z.strictObject({ zh: z.string().min(1), en: z.string().min(1) })]).optional(),
    aliases: z.array(z.string()).default([]),
    top: z.union([z.number().int().nonnegative(), Percent]).optional(),
    minScore: z.number().min(0).max(100).optional(),
  })
  .refine((t) => t.top === undefined || t.minScore === undefined, { message: 'either "top" or "minScore", not both' });

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
        .refine((a) => a.every((v, i) => i === 0 || v > a[i - 1]!), { message: 'increasing cut-offs' }),
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
      if (ids.indexOf(id) !== i) ctx.addIssue({ code: 'custom', path: ['tiers', i, 'id'], message: `unique tier ids ("${id}" repeats)` });
    });
    c.tiers.slice(0, -1).forEach((t, i) => {
      if (t.top === undefined && t.minScore === undefined) ctx.addIssue({ code: 'custom', path: ['tiers', i], message: '"top" or "minScore" on every tier but the last' });
    });
    c.promote.forEach((p, i) => {
      if (!ids.includes(p.tier)) ctx.addIssue({ code: 'custom', path: ['promote', i, 'tier'], message: `one of the tier ids ${ids.join(', ')}` });
    });
    for (const key of Object.keys(c.services)) {
      if (!ids.includes(key)) ctx.addIssue({ code: 'custom', path: ['services', key], message: `a tier id (${ids.join(', ')})` });
    }
    if (c.scoring.criteria.every((k) => k.weight === 0)) {
      ctx.addIssue({ code: 'custom', path: ['scoring', 'criteria'], message: 'at least one criterion with a weight above 0' });
    }
    if (c.scoring.method === 'scorecard') {
      c.scoring.criteria.forEach((k, i) => {
        if (!k.bands) ctx.addIssue({ code: 'custom', path: ['scoring', 'criteria', i, 'bands'], message: 'bands for every criterion of the scorecard method' });
      });
    }
    if (c.scoring.method === 'abc' && c.scoring.abc.cutoffs.length > c.tiers.length - 1) {
      ctx.addIssue({ code: 'custom', path: ['scoring', 'abc', 'cutoffs'], message: `at most ${c.tiers.length - 1} cut-offs for ${c.tiers.length} tiers` });
    }
    for (const [rule, setting] of Object.entries(c.rules)) {
      if (!Array.isArray(setting) || setting[1] === undefined) continue;
      const parsed = ruleOptionsSchema(rule).safeParse(setting[1]);
      for (const issue of parsed.success ? [] : parsed.error.issues) ctx.addIssue({ ...issue, path: ['rules', rule, 1, ...issue.path] });
    }
    if (!(c.load.idle < c.load.high && c.load.high <= c.load.over)) {
      ctx.addIssue({ code: 'custom', path: ['load'], message: 'idle < high ≤ over' });
    }
  });

export type Config = z.output<typeof ConfigSchema>;
export type Method = (typeof METHODS)[number];

/** The configuration's JSON Schema, for editors (`kam config --schema`). */
export function configJsonSchema(): unknown {
  return z.toJSONSchema(ConfigSchema, { io: 'input', unrepresentable: 'any' });
}
