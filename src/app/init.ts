/**
 * `kam init [file]` (issue 11): a template workbook that is right from the first row, and a
 * kam.config.json beside it with every default (and the company's answers) — validated by the same
 * zod schema every command reads it with. Never overwrites a file without `force`.
 */
import { dirname, extname, join, resolve } from 'node:path';
import { resolveConfig, type ResolvedConfig } from '../config/resolve.js';
import { InputError, UsageError } from '../model/errors.js';
import type { Lang } from '../model/lang.js';
import { CANONICAL_COLUMNS } from '../model/columns.js';
import { nearest } from '../util/near.js';
import type { WorkbookSheet } from '../model/styled-sheet.js';
import { fileExists } from '../io/input-file.js';
import { prepareAtomic, type PreparedWrite, type WriteOptions } from '../io/write/atomic.js';
import { writeWorkbookTo } from '../io/write/styled-xlsx.js';
import { readConfigSource } from '../io/config-file.js';

/** What differs between companies: each has a flag and a question. */
export interface InitAnswers {
  /** 年采购额 (万元) from which an account is at least `kaTier` (the seed's 100万). */
  kaThreshold?: number;
  /** Years of cooperation from which an account is at least `kaTier`. */
  kaYears?: number;
  /** The tier the thresholds lift an account to (a tier id; default `important`). */
  kaTier?: string;
  /** Share of accounts per tier id (`10%`). */
  quotas?: Record<string, string>;
  /** Weight per scoring criterion (column name). */
  weights?: Record<string, number>;
  /** Days between contacts per tier id. */
  cadence?: Record<string, number>;
  /** The team's roles (岗位): the Staff sheet's drop-down. */
  roles?: string[];
}

export const DEFAULT_BOOK: Record<Lang, string> = { zh: '大客户管理分工表.xlsx', en: 'key-accounts.xlsx' };

/** The defaults, the answers applied, as kam.config.json holds them; validated (a ConfigError names the setting). */
export function initConfig(answers: InitAnswers, lang: Lang, schema: string): { json: Record<string, unknown>; config: ResolvedConfig } {
  const { lang: _lang, ...defaults } = resolveConfig({ raw: {} }, { lang });
  const raw = structuredClone(defaults) as unknown as {
    tiers: { id: string; top?: string }[];
    scoring: { criteria: { column: string; weight: number }[] };
    services: Record<string, { cadenceDays: number }>;
    promote: { column: string; min: number; tier: string }[];
  } & Record<string, unknown>;
  for (const [id, top] of Object.entries(answers.quotas ?? {})) {
    const tier = raw.tiers.find((t) => t.id === id);
    if (tier) tier.top = top;
    else raw.tiers.push({ id, top });
  }
  for (const [column, weight] of Object.entries(answers.weights ?? {})) {
    // A criterion is a column of kam's or a header of the book; one a letter or two from a column of kam's is that
    // column misspelt (found by a new user: `anual_revenue=0.5` wrote a criterion every kam tier then dropped).
    const near = CANONICAL_COLUMNS.includes(column) ? undefined : nearest(column.toLowerCase(), CANONICAL_COLUMNS);
    if (near !== undefined) throw new UsageError('usage.initWeightNear', { column, near });
    const c = raw.scoring.criteria.find((k) => k.column === column);
    if (c) c.weight = weight;
    else raw.scoring.criteria.push({ column, weight });
  }
  for (const [id, days] of Object.entries(answers.cadence ?? {})) {
    const service = raw.services[id];
    if (service) service.cadenceDays = days;
    else raw.services[id] = { cadenceDays: days } as never;
  }
  const tier = answers.kaTier ?? 'important';
  if (answers.kaThreshold !== undefined && answers.kaThreshold > 0) raw.promote.push({ column: 'annual_revenue', min: answers.kaThreshold * 10000, tier });
  if (answers.kaYears !== undefined && answers.kaYears > 0) raw.promote.push({ column: 'years', min: answers.kaYears, tier });
  const json = { $schema: schema, lang, ...raw };
  // The file as written must be a valid config: the same schema every command reads it with.
  const config = resolveConfig({ raw: json, file: 'kam.config.json' });
  return { json, config };
}

/** Where `kam init` writes: the workbook, and kam.config.json beside it. */
export function initTargets(file: string | undefined, cwd: string, lang: Lang): { book: string; config: string } {
  // The template is an .xlsx workbook (its drop-downs and formats): a `.csv` or `.xls` name would be a lie Excel warns about.
  if (file !== undefined && extname(file).toLowerCase() !== '.xlsx') throw new UsageError('usage.initExt', { file, xlsx: `${file.slice(0, file.length - extname(file).length)}.xlsx` });
  const book = resolve(cwd, file ?? DEFAULT_BOOK[lang]);
  return { book, config: join(dirname(book), 'kam.config.json') };
}

/**
 * Writes the template workbook (its sheets rendered by report/template) and its kam.config.json.
 * Neither is written when either exists, unless `force`.
 */
export async function writeInit(targets: { book: string; config: string }, sheets: readonly WorkbookSheet[], json: Record<string, unknown>, options: WriteOptions = {}): Promise<void> {
  if (!options.force) {
    for (const f of [targets.book, targets.config]) if (await fileExists(f)) throw new InputError(f === targets.config ? 'init.configExists' : 'init.exists', {}, { file: f });
  }
  // Both written before either replaces anything (found by a new user: a read-only kam.config.json,
  // or a disk full while it was written, left the workbook replaced or a new one behind, exit 2).
  const book = await prepareAtomic(targets.book, (fh) => writeWorkbookTo(fh, sheets, targets.book), options);
  const config = await prepareAtomic(targets.config, (fh) => fh.writeFile(`${JSON.stringify(json, null, 2)}\n`), options).catch(discarding(book));
  await book.commit().catch(discarding(config));
  await config.commit();
}

/**
 * The kam.config.json already beside a new book, when `kam init` is given no answers and the book
 * does not exist yet: a second book in a folder that has its config is made to that config, which
 * is kept (found by a new user: `kam init second.xlsx` was refused for the config of the first).
 */
export async function keptConfig(targets: { book: string; config: string }, lang: Lang): Promise<ResolvedConfig | undefined> {
  if (!(await fileExists(targets.config)) || (await fileExists(targets.book))) return undefined;
  // Read as one found beside a book is, not as one named by --config: a link out of its folder is not followed (found by a new user).
  return resolveConfig(await readConfigSource(undefined, targets.book, dirname(targets.config)), { lang });
}

/** Writes the template workbook alone (its config kept: {@link keptConfig}); never over a file without `force`. */
export async function writeInitBook(book: string, sheets: readonly WorkbookSheet[], options: WriteOptions = {}): Promise<void> {
  if (!options.force && (await fileExists(book))) throw new InputError('init.exists', {}, { file: book });
  await (await prepareAtomic(book, (fh) => writeWorkbookTo(fh, sheets, book), options)).commit();
}

/** Rethrows an error once `other` is discarded. */
function discarding(other: PreparedWrite): (err: unknown) => Promise<never> {
  return async (err) => {
    await other.discard();
    throw err;
  };
}
