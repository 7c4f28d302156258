/** What every reporter is given besides the result. */
import { Chalk, type ChalkInstance } from 'chalk';
import type { Lang } from '../model/lang.js';

export interface ReportContext {
  lang: Lang;
  color: ChalkInstance;
  /** Text and markdown show at most this many rows of a long table. */
  limit?: number;
  /** Text fits its lines in this many columns (report/shared/fit.ts); none: no limit (`--wide`, files). */
  width?: number;
  /** CSV without formula-injection protection. */
  raw?: boolean;
  /** The least severity that fails the run (`--fail-on`): JUnit counts those findings as failures. */
  failOn?: 'error' | 'warn' | 'info';
  /** `--max-warnings`: more warnings than this fail the run, and JUnit counts them as failures. */
  maxWarnings?: number;
}

/** A context with colours on or off. */
export function reportContext(lang: Lang, colors: boolean, extra: Partial<ReportContext> = {}): ReportContext {
  return { lang, color: new Chalk({ level: colors ? 1 : 0 }), ...extra };
}
