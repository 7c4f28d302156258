/**
 * `kam init [file]`: the template workbook and kam.config.json. Non-interactive by default (flags
 * for everything); `--interactive` asks what differs between companies with @inquirer/prompts, each
 * answer checked as it is given and the whole config by the schema before anything is written.
 */
import { dirname, relative, sep } from 'node:path';
import { packageFile } from '../paths.js';
import { Option, type Command } from 'commander';
import { initConfig, initTargets, keptConfig, writeInit, writeInitBook, type InitAnswers } from '../../app/init.js';
import { LANGS, type Lang } from '../../model/lang.js';
import { ConfigError, UsageError } from '../../model/errors.js';
import { DEFAULT_ROLES } from '../../report/template/example.js';
import { templateSheets } from '../../report/template/workbook.js';
import { localToday, type IsoDate } from '../../util/date.js';
import { parseAsOf } from '../options.js';
import type { CliContext, Prompter } from '../context.js';
import { note } from '../emit.js';
import { t } from '../../i18n/messages.js';
import { ZH_COLUMN_NAMES } from '../../i18n/columns.js';
import { own } from '../../util/own.js';
import { normalizeWeights } from '../../scoring/tier.js';

export interface InitCliOptions {
  lang?: Lang;
  example?: boolean;
  force?: boolean;
  interactive?: boolean;
  kaThreshold?: number;
  kaYears?: number;
  kaTier?: string;
  quota?: Record<string, string>;
  weights?: Record<string, number>;
  cadence?: Record<string, number>;
  roles?: string[];
  /** The date the example rows are dated around (default today). */
  asOf?: IsoDate;
  quiet?: boolean;
  debug?: boolean;
}

/** Registers `init` on the program. */
export function initCommandSpec(program: Command, run: (file: string | undefined, cmd: Command) => Promise<void>): Command {
  return program
    .command('init')
    .description('write a template workbook (drop-downs, formats, frozen headers) and a kam.config.json with the defaults')
    .argument('[file]', 'the workbook to write (default 大客户管理分工表.xlsx, or key-accounts.xlsx with --lang en)')
    .addOption(new Option('--lang <lang>', 'language of the headers and messages').choices(LANGS))
    .option('--example', 'fill example rows (they pass kam check without an error)')
    .option('--force', 'replace the workbook and kam.config.json if they exist')
    .option('--interactive', 'ask for the thresholds, quotas, weights, cadences and roles')
    .option('--ka-threshold <n>', 'annual revenue (年采购额) in 万元 from which an account is at least --ka-tier (e.g. 100)', positive('--ka-threshold'))
    .option('--ka-years <n>', 'years of cooperation from which an account is at least --ka-tier', positive('--ka-years'))
    .option('--ka-tier <tier>', 'the tier the thresholds lift an account to (default important)')
    .option('--quota <tier=share,…>', 'share of accounts per tier, e.g. strategic=10%,important=20%', pairs('--quota', (v) => v))
    .option('--weights <column=weight,…>', 'criterion weights, e.g. annual_revenue=0.4,years=0.2', pairs('--weights', number('--weights')))
    .option('--cadence <tier=days,…>', 'days between contacts per tier, e.g. strategic=30,important=60', pairs('--cadence', number('--cadence')))
    .option('--roles <role,…>', 'the team\'s roles (岗位), e.g. 客户经理,客服,技术支持', (v: string) => v.split(/[,，、]/).map((r) => r.trim()).filter((r) => r !== ''))
    .option('--as-of <date>', 'the day the --example rows are dated around (default today), e.g. 2025-11-15', parseAsOf)
    .option('-q, --quiet', 'print nothing but errors')
    .option('--debug', 'print stack traces of errors')
    .action((file: string | undefined, _o: unknown, c: Command) => run(file, c));
}

function positive(option: string): (v: string) => number {
  return (v) => {
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0 || v.trim() === '') throw new UsageError('usage.number', { option, value: v });
    return n;
  };
}

function number(option: string): (v: string) => number {
  return positive(option);
}

function pairs<T>(option: string, parse: (v: string) => T): (v: string) => Record<string, T> {
  return (text) => {
    const out: Record<string, T> = {};
    for (const part of text.split(',')) {
      const m = /^\s*([^=\s]+)\s*=\s*(.+?)\s*$/.exec(part);
      if (!m) throw new UsageError('usage.pairs', { option, value: text });
      out[m[1]!] = parse(m[2]!);
    }
    return out;
  };
}

/** Runs `kam init`: 0 when written, 2 for a refusal, 130 when the questions are cancelled. */
export async function initCommand(file: string | undefined, options: InitCliOptions, ctx: CliContext): Promise<number> {
  const lang: Lang = options.lang ?? (/^zh/i.test(ctx.env.LC_ALL || ctx.env.LC_MESSAGES || ctx.env.LANG || 'zh') ? 'zh' : 'en');
  const targets = initTargets(file, ctx.cwd, lang);
  const schemaFile = packageFile('templates/kam.config.schema.json');
  const rel = relative(dirname(targets.config), schemaFile).split(sep).join('/');
  const schema = rel.startsWith('.') ? rel : `./${rel}`;
  let answers: InitAnswers = {
    ...(options.kaThreshold !== undefined ? { kaThreshold: options.kaThreshold } : {}),
    ...(options.kaYears !== undefined ? { kaYears: options.kaYears } : {}),
    ...(options.kaTier !== undefined ? { kaTier: options.kaTier } : {}),
    ...(options.quota ? { quotas: options.quota } : {}),
    ...(options.weights ? { weights: options.weights } : {}),
    ...(options.cadence ? { cadence: options.cadence } : {}),
    ...(options.roles ? { roles: options.roles } : {}),
  };
  if (options.interactive) {
    if (!ctx.stdinIsTTY || !ctx.prompt) throw new UsageError('usage.interactiveNoTty', {});
    try {
      answers = await ask(ctx.prompt, answers, lang, schema);
    } catch (err) {
      // Ctrl+C: nothing is written.
      if (err instanceof Error && (err.name === 'ExitPromptError' || err.name === 'AbortPromptError')) {
        if (!options.quiet) ctx.stderr.write(`kam: ${t(lang, 'note.initCancelled')}\n`);
        return 130;
      }
      throw err;
    }
  }
  // (The roles are the workbook's drop-down, not the config's: a book made to a kept config takes them too.)
  const { roles: _roles, ...configAnswers } = answers;
  const kept = !options.force && !options.interactive && Object.keys(configAnswers).length === 0 ? await keptConfig(targets, lang) : undefined;
  if (kept) {
    const sheets = templateSheets(kept, { lang, roles: answers.roles ?? DEFAULT_ROLES[lang], example: options.example ?? false, today: options.asOf ?? localToday(ctx.now()) });
    await writeInitBook(targets.book, sheets);
    note(ctx, { quiet: options.quiet ?? false }, lang, 'note.initWroteBook', { book: targets.book, config: targets.config });
    return 0;
  }
  const { json, config } = initConfig(answers, lang, schema);
  const sheets = templateSheets(config, { lang, roles: answers.roles ?? DEFAULT_ROLES[lang], example: options.example ?? false, today: options.asOf ?? localToday(ctx.now()) });
  await writeInit(targets, sheets, json, { force: options.force ?? false });
  note(ctx, { quiet: options.quiet ?? false }, lang, 'note.initWrote', { book: targets.book, config: targets.config });
  // The weights as they will score (found by a new user: the criteria --weights leaves out keep their defaults, which was said nowhere).
  if (answers.weights) {
    const name = (column: string): string => (lang === 'zh' ? (own(ZH_COLUMN_NAMES.accounts, column) ?? column) : column);
    const weights = normalizeWeights(config.scoring.criteria.filter((c) => c.weight > 0))
      .map((c) => `${name(c.column)} ${Math.round(c.weight * 100)}%`)
      .join(lang === 'zh' ? '、' : ', ');
    note(ctx, { quiet: options.quiet ?? false }, lang, 'note.initWeights', { weights });
  }
  return 0;
}

/** The questions, in order; a flag already given is not asked again. Each answer is checked at once. */
async function ask(prompt: Prompter, given: InitAnswers, lang: Lang, schema: string): Promise<InitAnswers> {
  const zh = lang === 'zh';
  const answers: InitAnswers = { ...given };
  const defaults = initConfig({}, lang, schema).config;
  // An answer is good when the config it makes is valid: the schema's own message otherwise.
  const check = (patch: InitAnswers): true | string => {
    try {
      initConfig({ ...answers, ...patch }, lang, schema);
      return true;
    } catch (err) {
      if (err instanceof ConfigError) return t(lang, err.code, err.params);
      throw err;
    }
  };
  const numberAnswer = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text.trim().replace(/[%％]$/, '')));
  const asNumber = async (message: string, fallback: number, patch: (n: number) => InitAnswers): Promise<number> => {
    const text = await prompt.input({
      message,
      default: String(fallback),
      validate: (v) => {
        const n = numberAnswer(v);
        if (n === undefined || !Number.isFinite(n) || n < 0) return zh ? '请输入一个不小于 0 的数' : 'enter a number of 0 or more';
        return check(patch(n));
      },
    });
    return numberAnswer(text) ?? fallback;
  };
  if (answers.kaThreshold === undefined) answers.kaThreshold = await asNumber(zh ? 'KA 门槛：年采购额达到多少万元的客户至少为重要客户？（0 表示不设）' : 'KA threshold: annual revenue (万元, 10,000 yuan) from which an account is at least important (0 for none)', 100, (n) => ({ kaThreshold: n }));
  if (answers.kaYears === undefined) answers.kaYears = await asNumber(zh ? '合作年限达到多少年的客户至少为重要客户？（0 表示不设）' : 'Years of cooperation from which an account is at least important (0 for none)', 0, (n) => ({ kaYears: n }));
  if (!answers.quotas) {
    const quotas: Record<string, string> = {};
    for (const tier of defaults.tiers.filter((t) => t.top !== undefined)) {
      const label = typeof tier.label === 'object' ? tier.label[lang] : (tier.label ?? tier.id);
      const text = await prompt.input({
        message: zh ? `${label}占客户总数的比例（如 10%）` : `Share of accounts that are ${label} (e.g. 10%)`,
        default: String(tier.top),
        validate: (v) => (/^\s*\d+(\.\d+)?\s*[%％]?\s*$/.test(v) ? check({ quotas: { ...quotas, [tier.id]: `${v.trim().replace(/[%％]$/, '')}%` } }) : zh ? '请输入百分比，如 10%' : 'enter a share such as 10%'),
      });
      quotas[tier.id] = `${text.trim().replace(/[%％]$/, '')}%`;
    }
    answers.quotas = quotas;
  }
  if (!answers.weights) {
    const weights: Record<string, number> = {};
    for (const c of defaults.scoring.criteria) {
      weights[c.column] = await asNumber(zh ? `评分指标「${columnName(c.column, lang)}」的权重` : `Weight of the criterion ${c.column}`, c.weight, (n) => ({ weights: { ...weights, [c.column]: n } }));
    }
    answers.weights = weights;
  }
  if (!answers.cadence) {
    const cadence: Record<string, number> = {};
    for (const tier of defaults.tiers) {
      const label = typeof tier.label === 'object' ? tier.label[lang] : (tier.label ?? tier.id);
      cadence[tier.id] = await asNumber(zh ? `${label}最长多少天联系一次？` : `Most days between contacts with ${label} accounts`, defaults.services[tier.id]?.cadenceDays ?? 90, (n) => ({ cadence: { ...cadence, [tier.id]: n } }));
    }
    answers.cadence = cadence;
  }
  if (!answers.roles) {
    const text = await prompt.input({ message: zh ? '团队的岗位（用逗号分隔）' : "The team's roles (comma-separated)", default: DEFAULT_ROLES[lang].join(zh ? '，' : ', ') });
    answers.roles = text.split(/[,，、]/).map((r) => r.trim()).filter((r) => r !== '');
  }
  return answers;
}

const ZH_CRITERIA: Record<string, string> = { annual_revenue: '年采购额', contract_value: '合同金额', years: '合作年限', strategic: '战略重要性', satisfaction: '满意度' };

function columnName(column: string, lang: Lang): string {
  return lang === 'zh' ? (ZH_CRITERIA[column] ?? column) : column;
}
