/** Parses and validates the configuration; the Rules sheet and flags are merged on top. (Finding and reading the file is io/config-file.ts.) */
import type { ZodError } from 'zod';
import { ConfigError } from '../model/errors.js';
import { DEFAULT_SERVICES, DEFAULT_TASKS, DEFAULT_TIERS } from './defaults.js';
import { describeIssue } from './issues.js';
import { ConfigSchema, type Config } from './schema.js';
import type { Lang } from '../model/lang.js';
import { formatPath, jsonErrorPosition, jsonKeys } from './json-position.js';

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The config in force: defaults, file, Rules sheet and flags merged; `tasks` holds every name. */
export type ResolvedConfig = Config & { lang: Lang };

/** One key/value row of a Rules sheet, with the cell its value came from. */
export interface RulesEntry {
  key: string;
  value: unknown;
  cell: string;
}

/** `kam config`: the config in force, or its JSON Schema. */
export interface ConfigResult {
  kind: 'config';
  value: unknown;
}

export interface ConfigSource {
  /** The file the config came from, if any. */
  file?: string;
  /** The line of each key of the file (`scoring.criteria[1].weight` → 7), for its errors. */
  lines?: ReadonlyMap<string, number>;
  raw: Record<string, unknown>;
}

/** Parses the text of a config file; a syntax error names line and column of `shownAs`. */
export function parseConfigText(text: string, file: string, shownAs: string = file): ConfigSource {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (err) {
    // Node's message gives a position for some errors only (not for a trailing comma): scanned again.
    if (!(err instanceof SyntaxError)) throw err;
    throw new ConfigError('config.syntax', jsonErrorPosition(body), { file: shownAs });
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError('config.notObject', {}, { file: shownAs });
  // No config nests deeper than a few levels; a hostile one 2,000 deep overflowed the stack (found by a new user: exit 3).
  const depth = depthOf(raw, MAX_DEPTH);
  if (depth > MAX_DEPTH) throw new ConfigError('config.tooDeep', { max: MAX_DEPTH }, { file: shownAs });
  const keys = jsonKeys(body);
  if (keys.duplicate) throw new ConfigError('config.duplicateKey', { key: keys.duplicate.path, line: keys.duplicate.line, first: keys.duplicate.first }, { file: shownAs });
  return { file, raw: raw as Record<string, unknown>, lines: keys.lines };
}

/** How deep a config may nest: kam's own keys go 4 deep (`scoring.criteria[0].bands[0]`). */
const MAX_DEPTH = 32;

/** How deep a parsed JSON value nests, counted without recursion and no further than past `max`. */
function depthOf(root: unknown, max: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (d > deepest) deepest = d;
    if (deepest > max) return deepest;
    if (v !== null && typeof v === 'object') for (const child of Object.values(v)) if (child !== null && typeof child === 'object') stack.push([child, d + 1]);
  }
  return deepest;
}

/** The highest list index a Rules-sheet key may name (`tiers.3.top`): lists of tiers and rules are short. */
const MAX_INDEX = 999;

export interface ResolveOptions {
  rules?: readonly RulesEntry[];
  /** Flag values: they win over the file and the Rules sheet. */
  overrides?: Record<string, unknown>;
  lang?: Lang;
  env?: NodeJS.ProcessEnv;
}

/** Validates the merged config; an invalid key or value is a ConfigError naming key and expectation. */
export function resolveConfig(source: ConfigSource, options: ResolveOptions = {}): ResolvedConfig {
  const rules = options.rules ?? [];
  const messages = options.lang ?? envLang(options.env) ?? 'zh';
  const zh = messages === 'zh';
  // A key through `__proto__`, `constructor` or `prototype` is never set (it stays data, and out of
  // any prototype): said at its cell rather than passed over (found by a new user).
  const unsafe = rules.find((entry) => keyPath(entry).some((seg) => UNSAFE_KEYS.has(seg)));
  if (unsafe) {
    throw new ConfigError('config.invalid', { detail: `${unsafe.key}: ${zh ? '规则表不能设置名为 __proto__、constructor 或 prototype 的键，请在 kam.config.json 中设置' : 'the Rules sheet cannot set a key named __proto__, constructor or prototype: set it in kam.config.json'}` }, { cell: unsafe.cell });
  }
  // An index far past any list (`tiers.99999999.top`) made a list of that length (found by a new user: gigabytes).
  const far = rules.find((entry) => keyPath(entry).some((seg) => /^\d+$/.test(seg) && Number(seg) > MAX_INDEX));
  if (far) {
    throw new ConfigError('config.invalid', { detail: `${far.key}: ${zh ? `序号超过 ${MAX_INDEX}：列表从 0 起编号，请使用现有项的序号或紧接其后的序号` : `an index past ${MAX_INDEX}: a list's items are numbered from 0; name an item it has, or the one right after its last`}` }, { cell: far.cell });
  }
  const parsed = ConfigSchema.safeParse(merged(source, rules, options), { reportInput: true });
  if (!parsed.success) throw configError(parsed.error, source.file, rules, (without) => ConfigSchema.safeParse(merged(source, rules, options, without)).success, messages, source.lines);
  const config = parsed.data;
  // Task types are user text (`constructor` is a fine name for one): a Map, never an object's prototype.
  const tasks = new Map<string, string[]>(Object.entries(DEFAULT_TASKS).map(([type, names]) => [type, [...names]]));
  for (const [type, names] of Object.entries(config.tasks)) tasks.set(type, [...new Set([...(tasks.get(type) ?? []), ...names])]);
  const lang = options.lang ?? config.lang ?? envLang(options.env) ?? 'zh';
  return { ...config, tiers: config.tiers.map(withDefaults), tasks: Object.fromEntries(tasks), lang };
}

/** The file's config with the Rules sheet's values (all, or all but one) and the flags set on it. */
function merged(source: ConfigSource, rules: readonly RulesEntry[], options: ResolveOptions, without?: RulesEntry): Record<string, unknown> {
  const raw = structuredClone(source.raw);
  const defaults = ConfigSchema.parse({}) as unknown as Record<string, unknown>;
  for (const entry of rules) if (entry !== without) setPath(raw, keyPath(entry), entry.value, defaults);
  for (const [key, value] of Object.entries(options.overrides ?? {})) {
    if (value !== undefined) setPath(raw, key.split('.'), value, defaults);
  }
  if (raw.tiers !== undefined && raw.services === undefined) raw.services = servicesFor(raw.tiers);
  else if (isRecord(raw.services)) {
    // A tier the section leaves out keeps its catalogue (found by a new user: `services` for the top
    // tier alone switched off every check of the others, with no word).
    const services = raw.services;
    for (const [id, service] of Object.entries(servicesFor(raw.tiers ?? DEFAULT_TIERS) ?? {})) if (!Object.hasOwn(services, id)) services[id] = service;
  }
  return raw;
}

/** A Rules-sheet key as a path: `load.over` → load, over. */
function keyPath(entry: RulesEntry): string[] {
  return entry.key.split('.').map((s) => s.trim()).filter((s) => s !== '');
}

/**
 * A tier with a default id (`strategic`, `important`, `normal`) that changes only some keys keeps
 * the default's labels, aliases and quota for the rest: `{ "id": "strategic", "top": 5 }` is still
 * 战略客户 / Strategic, recognised as 战略 or A.
 */
function withDefaults<T extends { id: string; label?: unknown; aliases: string[]; top?: unknown; minScore?: unknown }>(tier: T): T {
  const d = DEFAULT_TIERS.find((x) => x.id === tier.id);
  if (!d) return tier;
  const out = { ...tier };
  if (out.label === undefined) out.label = { ...d.label };
  if (out.aliases.length === 0) out.aliases = [...d.aliases];
  if (out.top === undefined && out.minScore === undefined && 'top' in d) out.top = d.top;
  return out;
}

/**
 * Custom tiers without a `services` section get the default service catalogue by position: the
 * first tier that of strategic accounts, the second that of important ones, the rest that of normal.
 */
function servicesFor(tiers: unknown): Record<string, unknown> | undefined {
  if (!Array.isArray(tiers)) return undefined;
  const defaults = Object.values(DEFAULT_SERVICES);
  const out: Record<string, unknown> = {};
  tiers.forEach((t: unknown, i) => {
    const id = isRecord(t) ? t.id : undefined;
    if (typeof id === 'string' && !UNSAFE_KEYS.has(id)) out[id] = structuredClone(defaults[Math.min(i, defaults.length - 1)]);
  });
  return out;
}

/** `zh` or `en` from LC_ALL, LC_MESSAGES or LANG; undefined when none is set. */
export function envLang(env: NodeJS.ProcessEnv = process.env): Lang | undefined {
  const value = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  if (!value) return undefined;
  return /^zh/i.test(value) ? 'zh' : 'en';
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown, defaults: unknown): void {
  // A key such as `__proto__.x` from a Rules sheet must stay data: never walk into a prototype.
  if (path.length === 0 || path.some((seg) => UNSAFE_KEYS.has(seg))) return;
  let node: Record<string, unknown> = target;
  let def: unknown = defaults;
  for (let i = 0; i < path.length - 1; i++) {
    const seg = path[i]!;
    def = isRecord(def) ? def[seg] : undefined;
    if (!Object.hasOwn(node, seg) || !isRecord(node[seg])) node[seg] = def !== undefined ? structuredClone(def) : /^\d+$/.test(path[i + 1]!) ? [] : {};
    node = node[seg] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/**
 * The error of a config that does not validate, at the Rules-sheet cell that makes it fail when
 * there is one (the file was validated alone first: src/app/session.ts): the one cell whose key is
 * the failing key or under it; else the one value without which the rest validates (a tier id
 * renamed that `promote` still names, `load.over` below `load.high`); else the file.
 */
function configError(error: ZodError, file: string | undefined, rules: readonly RulesEntry[], validWithout: (entry: RulesEntry) => boolean, lang: Lang, lines?: ReadonlyMap<string, number>): ConfigError {
  const issues = error.issues.slice(0, 3);
  const first = issues[0]!;
  // An unknown key is reported at its parent: look its own cell up (a Rules-sheet key names its row).
  const path = first.code === 'unrecognized_keys' && first.keys.length > 0 ? [...first.path, first.keys[0]!] : first.path;
  const key = formatPath(path);
  const at = (entry: RulesEntry): boolean => {
    const k = keyPath(entry).join('.');
    return key === k || key.startsWith(`${k}.`) || key.startsWith(`${k}[`) || dotted(path).startsWith(k);
  };
  const onKey = rules.filter(at);
  const culprit = onKey.length === 1 ? onKey[0] : (rules.find(validWithout) ?? onKey[onKey.length - 1]);
  // In the file: the line of the key (of an unknown key its own, of a wrong value its key's), or of the nearest key above it.
  const lineOf = (i: (typeof issues)[number]): number | undefined => {
    if (culprit || !lines) return undefined;
    const p = i.code === 'unrecognized_keys' && i.keys.length > 0 ? [...i.path, i.keys[0]!] : [...i.path];
    for (let n = p.length; n > 0; n--) {
      const line = lines.get(formatPath(p.slice(0, n)));
      if (line !== undefined) return line;
    }
    return undefined;
  };
  const detail = issues
    .map((i) => {
      const line = lineOf(i);
      return `${formatPath(i.path) || '(root)'}: ${describeIssue(i, lang)}${line === undefined ? '' : lang === 'zh' ? `（第 ${line} 行）` : ` (line ${line})`}`;
    })
    .join('; ');
  return new ConfigError('config.invalid', { detail }, culprit ? { cell: culprit.cell } : file ? { file } : {});
}

function dotted(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}
