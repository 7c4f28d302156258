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
}

/** The config in force for a book (or the current folder), or the JSON Schema of kam.config.json. */
export async function configInForce(request: ConfigRequest, env: AppEnv): Promise<ConfigResult & { lang: Lang }> {
  if (request.schema) return { kind: 'config', value: configJsonSchema(), lang: request.lang ?? 'en' };
  const config =
    request.book !== undefined
      ? (await openSession({ ...request, path: request.book, roles: [] }, env)).config
      : resolveConfig(await readConfigSource(request.config, undefined, env.cwd), { lang: request.lang, env: env.env });
  return { kind: 'config', value: config, lang: config.lang };
}
