/** `kam config`: the configuration in force (defaults, kam.config.json, Rules sheet, flags), or its schema. */
import { resolveConfig, type ConfigResult } from '../config/resolve.js';
import { configJsonSchema } from '../config/schema.js';
import { readConfigSource } from '../io/config-file.js';
import type { Lang } from '../model/lang.js';
import { openSession, type AppEnv } from './session.js';

export interface ConfigRequest {
  /** A workbook: its folder is searched for kam.config.json and its Rules sheet applied. */
  book?: string;
  config?: string;
  lang?: Lang;
  encoding?: string;
  delimiter?: string;
  schema?: boolean;
  /** False with --no-book-rules: the Rules sheet is not applied. */
  bookRules?: boolean;
}

/** The config in force, its language, and every file read to find it (an -o file may be none of them). */
export interface ConfigInForce {
  result: ConfigResult;
  lang: Lang;
  inputs: readonly string[];
}

/** The config in force for a book (or the current folder), or the JSON Schema of kam.config.json. */
export async function configInForce(request: ConfigRequest, env: AppEnv): Promise<ConfigInForce> {
  if (request.schema) return { result: { kind: 'config', value: configJsonSchema() }, lang: request.lang ?? 'en', inputs: [] };
  if (request.book !== undefined) {
    const session = await openSession({ ...request, path: request.book, roles: [] }, env);
    return { result: { kind: 'config', value: session.config }, lang: session.config.lang, inputs: session.inputs };
  }
  const source = await readConfigSource(request.config, undefined, env.cwd);
  const config = resolveConfig(source, { lang: request.lang, env: env.env });
  return { result: { kind: 'config', value: config }, lang: config.lang, inputs: source.file ? [source.file] : [] };
}
