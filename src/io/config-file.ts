/** Finding and reading kam.config.json: next to the book or in a folder above it, or `--config`. */
import { checkInputFile, inputErrorFor, readStart } from './input-file.js';
import { existsSync, statSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { InputError } from '../model/errors.js';
import { dirname, join, resolve } from 'node:path';
import { parseConfigText, type ConfigSource } from '../config/resolve.js';

export const CONFIG_FILE = 'kam.config.json';

/** Walks up from the book's folder to find kam.config.json; `--config` names one directly. */
export function findConfigFile(bookPath: string | undefined, cwd: string): string | undefined {
  return searchConfig(bookPath, cwd).file;
}

/** The kam.config.json the search passed over in a shared temporary folder (see searchConfig), to say so. */
export function configPassedOver(bookPath: string | undefined, cwd: string): string | undefined {
  return searchConfig(bookPath, cwd).passedOver;
}

/**
 * The walk up from the book's folder: the first kam.config.json found, or the one passed over where the walk stops. A
 * folder anyone may write to and no one may delete from but the owner (/tmp, /var/tmp) is no one's: a config there is
 * not read, nor one above it (found by a hostile-file trial: git diff's textconv is handed the old version as a copy in
 * $TMPDIR, and a kam.config.json any user left in /tmp scored it, or, broken, aborted git diff).
 */
function searchConfig(bookPath: string | undefined, cwd: string): { file?: string; passedOver?: string } {
  let dir = resolve(cwd, bookPath ?? '.');
  if (bookPath === undefined || !existsSync(dir) || !statSync(dir).isDirectory()) dir = bookPath === undefined ? dir : dirname(dir);
  for (;;) {
    const candidate = join(dir, CONFIG_FILE);
    if (isSharedTemp(dir)) return existsSync(candidate) ? { passedOver: candidate } : {};
    if (existsSync(candidate)) return { file: candidate };
    const parent = dirname(dir);
    if (parent === dir) return {};
    dir = parent;
  }
}

/** Whether a folder is writable by all with its sticky bit set: a shared temporary folder. */
function isSharedTemp(dir: string): boolean {
  try {
    const mode = statSync(dir).mode;
    return (mode & 0o002) !== 0 && (mode & 0o1000) !== 0;
  } catch {
    return false;
  }
}

/** A config is a few kilobytes: a file past this is no config (`-c /dev/zero`, a sparse file: exit 3 once, out of memory). */
const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * Reads the raw JSON of a config file; a syntax error names line and column. It is read as a book is:
 * a regular file (a FIFO hung kam, past SIGTERM), of at most 1 MiB; one found beside the book or above
 * it, not named by `--config`, must lie in the folder it was found in, as a CSV of a folder must (found by
 * a new user: a kam.config.json a pull request made a link to a file elsewhere was read, its values
 * quoted in the errors).
 */
export async function readConfigSource(configPath: string | undefined, bookPath: string | undefined, cwd: string): Promise<ConfigSource> {
  const file = configPath !== undefined ? resolve(cwd, configPath) : findConfigFile(bookPath, cwd);
  if (file === undefined) return { raw: {} };
  const shown = configPath ?? file;
  let folder: string | undefined;
  if (configPath === undefined) {
    try {
      folder = await realpath(dirname(file));
    } catch (err) {
      throw inputErrorFor(err, shown);
    }
  }
  const checked = await checkInputFile(file, MAX_CONFIG_BYTES, folder).catch((err: unknown) => {
    // (The limit of a config is its own, not limits.inputMB, which the config sets.)
    if (err instanceof InputError && err.code === 'input.fileTooLarge') throw new InputError('input.configTooLarge', { limit: '1' }, { file: shown });
    if (err instanceof InputError && err.code === 'input.outsideFolder') throw new InputError('input.configOutside', err.params, { file: shown });
    throw err instanceof InputError ? new InputError(err.code, err.params, { ...err.where, file: shown }) : err;
  });
  const bytes = await readStart(checked, MAX_CONFIG_BYTES + 1);
  if (bytes.length > MAX_CONFIG_BYTES) throw new InputError('input.configTooLarge', { limit: '1' }, { file: shown });
  return parseConfigText(bytes.toString('utf8'), file, shown);
}
