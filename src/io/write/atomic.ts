/**
 * Writing files so that nothing is lost: a temporary file created exclusively beside the target,
 * flushed, given the target's file mode, renamed over it, and the folder flushed. A failure at any
 * point leaves the target as it was and no temporary file behind; a signal removes the temporary
 * file too (`removeTempFiles`), and what a `kill -9` leaves is removed by the next write into the
 * same folder.
 */
import { randomBytes } from 'node:crypto';
import { constants, createReadStream, existsSync, unlinkSync } from 'node:fs';
import { access, lstat, open, readdir, readlink, realpath, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../../model/errors.js';
import { sameChunks } from '../streams.js';
import { sameIdentity, type FileIdentity } from '../input-file.js';

/** A file's owner and group. */
export interface Owner {
  uid: number;
  gid: number;
}

export interface WriteOptions {
  /** Write even though Excel's lock file (`~$book.xlsx`) says the workbook is open. */
  force?: boolean;
  /** A test's injected failure (`KAM_FAULT`): `act` runs at the named point of the write. */
  fault?: Fault;
  /** The mode of a new file (a backup keeps its book's); a replaced file keeps its own. */
  mode?: number;
  /** The owner of a new file (a backup keeps its book's); a replaced file keeps its own, where the system lets kam give it. */
  owner?: Owner;
  /** Run last, just before the rename (a write into the input checks it is still the file read). */
  beforeRename?: () => Promise<void>;
  /**
   * A file the user did not name (a backup): a link in its place is replaced, never followed
   * (found by a new user: a `book.xlsx.bak` link to notes.txt had the book copied into notes.txt).
   */
  noFollow?: boolean;
}

/** An injected failure: at `rename` (the temporary file written and flushed, not yet renamed), or a point a writer names. */
export interface Fault {
  at: string;
  act(): Promise<void> | void;
}

/**
 * kam's temporary files: `.kam-<pid>-<8 hex>.tmp`. Short, so that a target name of any valid
 * length still works, and carrying the writer's process id, so that a later run can tell a
 * leftover of a killed process from a write in progress.
 */
const TEMP_NAME = /^\.kam-(\d+)-[0-9a-f]{8}\.tmp$/;

/** The temporary files this process is writing now (removed on a signal). */
const pending = new Set<string>();

/** Removes the temporary files of writes in progress; synchronous, for a signal handler. */
export function removeTempFiles(): void {
  for (const tmp of pending) {
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
  }
  pending.clear();
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
  await (await prepareAtomic(target, produce, options)).commit();
}

/** A temporary file written and flushed, to be renamed over its target (`commit`) or removed (`discard`). */
export interface PreparedWrite {
  commit(): Promise<void>;
  discard(): Promise<void>;
}

/**
 * The first half of {@link writeAtomicWith}: the target checked (a link out of its folder, a
 * read-only file, Excel's lock), the temporary file written, given its mode and flushed. Nothing
 * replaces the target until `commit`; `discard` removes the temporary file. Files written together
 * (`kam init`'s workbook and config) are all prepared before any is committed: a failure in any
 * leaves every target as it was.
 */
export async function prepareAtomic(
  target: string,
  produce: (fh: FileHandle, tmpPath: string) => Promise<void>,
  options: WriteOptions = {},
): Promise<PreparedWrite> {
  let tmp: string | undefined;
  let dir = '';
  let path = '';
  const discard = async (): Promise<void> => {
    if (tmp === undefined) return;
    await unlink(tmp).catch(() => undefined);
    pending.delete(tmp);
    tmp = undefined;
  };
  try {
    path = options.noFollow ? resolve(target) : await safeTarget(target, options);
    dir = dirname(path);
    const replaced = options.noFollow && (await lstat(path).catch(() => undefined))?.isSymbolicLink() ? undefined : await replacedFile(path, target, options.noFollow);
    const mode = replaced?.mode ?? options.mode;
    const owner = replaced?.owner ?? options.owner;
    await removeStaleTemps(dir);
    const name = join(dir, `.kam-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
    // Registered before it exists: a signal may come between the file's creation and the next line.
    pending.add(name);
    const fh = await open(name, 'wx', mode ?? 0o644).catch((err: unknown) => {
      pending.delete(name);
      throw err;
    });
    tmp = name;
    try {
      await produce(fh, name);
    } finally {
      await fh.close();
    }
    const sync = await open(name, 'r+');
    try {
      // The umask applied at creation; a replaced file keeps its own mode, a backup its book's.
      if (mode !== undefined) await sync.chmod(mode);
      // The renamed file is a new one, the writer's: given back to its owner and group where the system
      // allows it, else its group (found by a new user: a shared book became the writer's, and its owner
      // could not save it). Then the mode again: a change of owner may clear some of its bits.
      if (owner !== undefined) {
        const given = await sync.chown(owner.uid, owner.gid).then(
          () => true,
          () => sync.chown(-1, owner.gid).then(() => true, () => false),
        );
        if (given && mode !== undefined) await sync.chmod(mode);
      }
      await sync.sync();
    } finally {
      await sync.close();
    }
  } catch (err) {
    await discard();
    if (err instanceof InputError) throw err;
    throw await writeFailed(err, dir || dirname(resolve(target)), target);
  }
  return {
    discard,
    commit: async () => {
      try {
        if (options.fault?.at === 'rename') await options.fault.act();
        await options.beforeRename?.();
        await rename(tmp!, path);
        pending.delete(tmp!);
        tmp = undefined;
        await syncFolder(dir);
      } catch (err) {
        await discard();
        if (err instanceof InputError) throw err;
        throw await writeFailed(err, dir, target);
      }
    },
  };
}

/**
 * Copies `source` to `backup` (atomically, replacing an older backup) with the source's mode: its
 * bytes as they are, read back and compared before the backup is renamed into place.
 */
export async function backupFile(source: string, backup: string, options: WriteOptions = {}, identity?: FileIdentity): Promise<void> {
  // Copied from the file as opened, and that file checked to be the one read: a book saved over meanwhile (another
  // writer's rename) is not copied in its place, and the backup is renamed into place only while the book is still it
  // (found by a hostile-file trial: two --write runs at once, the loser's refusal replaced the .bak, the only copy of
  // the original, with the winner's output).
  const fh = await open(source, 'r');
  try {
    const info = await fh.stat();
    const still = async (): Promise<void> => {
      if (!identity) return;
      const now = await stat(source).catch(() => undefined);
      if (!sameIdentity(info, identity) || !now || !sameIdentity(now, identity)) throw new InputError('write.changed', {}, { file: source });
    };
    await still();
    await writeAtomicWith(
      backup,
      async (fh2, tmp) => {
        for await (const chunk of fh.createReadStream({ start: 0, autoClose: false })) await writeAll(fh2, chunk as Buffer);
        await fh2.sync();
        const copied = await stat(tmp);
        if (copied.size !== info.size || !(await sameChunks(fh.createReadStream({ start: 0, autoClose: false, highWaterMark: 1 << 20 }), createReadStream(tmp, { highWaterMark: 1 << 20 })))) {
          throw new InputError('output.failed', { reason: 'the backup copy differs from the book' }, { file: backup });
        }
      },
      { ...(options.force !== undefined ? { force: options.force } : {}), mode: info.mode & 0o7777, owner: { uid: info.uid, gid: info.gid }, noFollow: true, beforeRename: still },
    );
  } finally {
    await fh.close();
  }
}

/** Writes the whole buffer: a short write (a full disk) is continued, and its error thrown. */
export async function writeAll(fh: FileHandle, buf: Buffer): Promise<void> {
  let done = 0;
  while (done < buf.length) {
    const { bytesWritten } = await fh.write(buf, done, buf.length - done);
    if (bytesWritten === 0) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    done += bytesWritten;
  }
}

/**
 * The mode and owner a replaced file keeps (undefined for a new file). A read-only target is
 * refused: the user made it so, and a rename would replace it all the same.
 */
async function replacedFile(path: string, target: string, backup = false): Promise<{ mode: number; owner: Owner } | undefined> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return undefined;
  if (!info.isFile()) throw new InputError(backup ? 'output.backupNotFile' : 'output.notFile', {}, { file: target });
  const writable = (info.mode & 0o222) !== 0 && (await access(path, constants.W_OK).then(() => true, () => false));
  if (!writable) throw new InputError('output.readOnly', {}, { file: target });
  return { mode: info.mode & 0o7777, owner: { uid: info.uid, gid: info.gid } };
}

/** Flushes the folder entry of a rename, where the platform allows it. */
async function syncFolder(dir: string): Promise<void> {
  const fh = await open(dir, 'r').catch(() => undefined);
  if (!fh) return;
  try {
    await fh.sync();
  } catch {
    // some file systems cannot flush a folder; the rename itself is atomic regardless
  } finally {
    await fh.close();
  }
}

/**
 * A leftover is left alone this long after it last changed. A process id names a process of this
 * machine's (and this container's) processes only: a write of another container or machine sharing
 * the folder, whose process id means nothing here, keeps its file changing while it writes.
 */
const STALE_AFTER_MS = 10 * 60 * 1000;

/** Removes kam temporary files in `dir` whose writing process no longer exists and that have not changed for a while. */
export async function removeStaleTemps(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m || alive(Number(m[1]))) continue;
    const file = join(dir, name);
    const info = await lstat(file).catch(() => undefined);
    if (info?.isFile() && Date.now() - info.mtimeMs > STALE_AFTER_MS) await unlink(file).catch(() => undefined);
  }
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Resolves the real path to write; refuses symlinks that leave the folder, and workbooks Excel
 * has open (its lock file sits beside the real file, so a symlinked target is checked there too).
 */
async function safeTarget(target: string, options: WriteOptions): Promise<string> {
  if (target === '') throw new InputError('output.failed', { reason: 'empty file name' }, { file: target });
  const abs = resolve(target);
  const dir = dirname(abs);
  const info = await lstat(abs).catch(() => undefined);
  let path = abs;
  if (info?.isSymbolicLink()) {
    const real = await realpath(abs).catch(() => undefined);
    const realDir = await realpath(dir).catch(() => dir);
    // A dangling link is named by what it points at.
    if (!real || dirname(real) !== realDir) throw new InputError('output.symlink', { target: real ?? resolve(dir, await readlink(abs)) }, { file: target });
    path = real;
  }
  if (!options.force && /\.xl[st][xm]?$/i.test(path)) {
    for (const p of new Set([abs, path])) {
      // Excel's `~$book.xlsx`; LibreOffice's `.~lock.book.xlsx#`.
      for (const lock of [join(dirname(p), `~$${basename(p)}`), join(dirname(p), `.~lock.${basename(p)}#`)]) {
        if (existsSync(lock)) throw new InputError('output.locked', { lock: basename(lock), app: basename(lock).startsWith('~$') ? 'Excel' : 'LibreOffice' }, { file: target });
      }
    }
  }
  return path;
}

/**
 * True when two paths name the same file (so that -o never overwrites an input): the same
 * device and inode when both exist (hard links included), else the same real path.
 */
export async function sameFile(a: string, b: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([stat(a).catch(() => undefined), stat(b).catch(() => undefined)]);
  if (sa && sb) return sa.dev === sb.dev && sa.ino === sb.ino;
  const [ra, rb] = await Promise.all([realpath(a).catch(() => resolve(a)), realpath(b).catch(() => resolve(b))]);
  return ra === rb;
}

/**
 * What a failed write says: what to do when the folder is the cause (it does not exist, or may not
 * be written in) or the disk is full; else the system's code (the error may be the source's, read
 * while writing: a backup, a write-back).
 */
async function writeFailed(err: unknown, dir: string, target: string): Promise<InputError> {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' && !(await exists(dir))) return new InputError('output.noFolder', { folder: dir }, { file: target });
  if ((code === 'EACCES' || code === 'EPERM') && (await exists(dir)) && !(await writable(dir))) return new InputError('output.denied', { folder: dir }, { file: target });
  if (code === 'ENOSPC') return new InputError('output.noSpace', {}, { file: target });
  return new InputError('output.failed', { reason: code ?? (err as Error).message }, { file: target });
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function writable(dir: string): Promise<boolean> {
  return access(dir, constants.W_OK).then(
    () => true,
    () => false,
  );
}
