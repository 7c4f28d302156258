/** Finding and reading kam.config.json: next to the book or in a folder above it, or `--config`. */
import { inputErrorFor } from './input-file.js';
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseConfigText, type ConfigSource } from '../config/resolve.js';

export const CONFIG_FILE = 'kam.config.json';

/** Walks up from the book's folder to find kam.config.json; `--config` names one directly. */
export function findConfigFile(bookPath: string | undefined, cwd: string): string | undefined {
  let dir = resolve(cwd, bookPath ?? '.');
  if (bookPath === undefined || !existsSync(dir) || !statSync(dir).isDirectory()) dir = bookPath === undefined ? dir : dirname(dir);
  for (;;) {
    const candidate = join(dir, CONFIG_FILE);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Reads the raw JSON of a config file; a syntax error names line and column. */
export async function readConfigSource(configPath: string | undefined, bookPath: string | undefined, cwd: string): Promise<ConfigSource> {
  const file = configPath !== undefined ? resolve(cwd, configPath) : findConfigFile(bookPath, cwd);
  if (file === undefined) return { raw: {} };
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    // (A folder, a link loop, no permission: said as for any input file.)
    throw inputErrorFor(err, configPath ?? file);
  }
  return parseConfigText(text, file, configPath ?? file);
}
