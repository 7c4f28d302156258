/**
 * Writing files so that nothing is lost: a temporary file created exclusively beside the target,
 * flushed, then renamed over it. A failure at any point leaves the target as it was.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { lstat, open, realpath, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../../model/errors.js';

export interface WriteOptions {
  /** Write even though Excel's lock file (`~$book.xlsx`) says the workbook is open. */
  force?: boolean;
}

/** Writes `data` to `target` atomically. */
export async function writeAtomic(target: string, data: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  await writeAtomicWith(target, async (fh) => fh.writeFile(data), options);
}

/**
 * Writes `target` atomically through a producer that fills the temporary file, by handle or by
 * path (for writers that open the file themselves, such as exceljs's streaming writer).
 */
export async function writeAtomicWith(
  target: string,
  produce: (fh: FileHandle, tmpPath: string) => Promise<void>,
  options: WriteOptions = {},
): Promise<void> {
  const path = await safeTarget(target, options);
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.kam-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let created = false;
  try {
    const fh = await open(tmp, 'wx', 0o644);
    created = true;
    try {
      await produce(fh, tmp);
    } finally {
      await fh.close();
    }
    const sync = await open(tmp, 'r+');
    try {
      await sync.sync();
    } finally {
      await sync.close();
    }
    await rename(tmp, path);
    created = false;
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError('output.failed', { reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message }, { file: target });
  } finally {
    if (created) await unlink(tmp).catch(() => undefined);
  }
}

/** Resolves the real path to write; refuses Excel-locked workbooks and symlinks that leave the folder. */
async function safeTarget(target: string, options: WriteOptions): Promise<string> {
  const abs = resolve(target);
  const dir = dirname(abs);
  const lock = join(dir, `~$${basename(abs)}`);
  if (!options.force && /\.xls[xm]?$/i.test(abs) && existsSync(lock)) {
    throw new InputError('output.locked', { lock: basename(lock) }, { file: target });
  }
  const info = await lstat(abs).catch(() => undefined);
  if (!info?.isSymbolicLink()) return abs;
  const real = await realpath(abs).catch(() => undefined);
  const realDir = await realpath(dir);
  if (!real || dirname(real) !== realDir) throw new InputError('output.symlink', { target: real ?? '?' }, { file: target });
  return real;
}

/** True when two paths name the same file (so that -o never overwrites the input). */
export async function sameFile(a: string, b: string): Promise<boolean> {
  const [ra, rb] = await Promise.all([realpath(a).catch(() => resolve(a)), realpath(b).catch(() => resolve(b))]);
  return ra === rb;
}
