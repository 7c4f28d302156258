/**
 * Input files, checked before a byte is read: only regular files (never a FIFO, a device or a
 * socket, which would hang or never end), never a link out of a CSV folder (a fork's pull request
 * must not make CI read ../.env), and never above the size limit.
 */
import { constants, type Stats } from 'node:fs';
import { lstat, open, readlink, realpath, stat, type FileHandle } from 'node:fs/promises';
import { isAbsolute, relative, sep } from 'node:path';
import { InputError } from '../model/errors.js';

const MB = 2 ** 20;

/** A file that passed the checks: the path the user gave (messages name it) and what it is. */
export interface InputFile {
  readonly path: string;
  /** The absolute path with every link resolved. */
  readonly real: string;
  readonly size: number;
  readonly dev: number;
  readonly ino: number;
  /** Files above this many bytes are refused. */
  readonly maxBytes: number;
  /** The file as it was checked, for a write into it (`--write`) to see that it still is. */
  readonly identity: FileIdentity;
}

/** What a file was when kam read it: the same file (device, inode), the same size, not modified since. */
export interface FileIdentity {
  readonly dev: number;
  readonly ino: number;
  readonly size: number;
  readonly mtimeMs: number;
}

export function identityOf(info: Stats): FileIdentity {
  return { dev: info.dev, ino: info.ino, size: info.size, mtimeMs: info.mtimeMs };
}

/** Whether a file as it is now is the one of `was`. */
export function sameIdentity(info: Stats, was: FileIdentity): boolean {
  return info.dev === was.dev && info.ino === was.ino && info.size === was.size && info.mtimeMs === was.mtimeMs;
}

/**
 * Throws when `path` (links followed, as the user named it) is no longer the file kam read: saved
 * again (a new file renamed over it, or written in place), or swapped for a link to another file.
 * Called before a book is written in place, so that results of one version never go into another
 * (found by a new user: a save during `kam tier --write` got the tiers of the rows as they were).
 */
export async function assertUnchanged(path: string, was: FileIdentity): Promise<void> {
  const info = await stat(path).catch(() => undefined);
  if (!info || !sameIdentity(info, was)) {
    throw new InputError('write.changed', {}, { file: path });
  }
}

/** The InputError for a failed file-system call on an input file (ENOENT, ELOOP, EACCES, …). */
export function inputErrorFor(err: unknown, file: string): unknown {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string') return err;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new InputError('input.missing', {}, { file });
  if (code === 'ELOOP') return new InputError('input.linkLoop', {}, { file });
  if (code === 'EISDIR') return new InputError('input.notRegular', { kind: 'folder' }, { file });
  return new InputError('input.unreadable', { reason: code }, { file });
}

/**
 * Checks an input file without opening it. `folder` (a real path) is the CSV folder the file was
 * found in: the file must resolve inside it. Throws an InputError for anything kam must not read.
 */
export async function checkInputFile(path: string, maxBytes: number, folder?: string): Promise<InputFile> {
  let real: string;
  try {
    real = await realpath(path);
  } catch (err) {
    const link = (err as NodeJS.ErrnoException).code === 'ENOENT' ? await lstat(path).catch(() => undefined) : undefined;
    if (link?.isSymbolicLink()) {
      // `/dev/stdin`, `<(cat f.csv)`: a link to a pipe, which has no path of its own; said as a FIFO is (stat opens nothing).
      const target = await stat(path).catch(() => undefined);
      if (target) refuseSpecial(target, path);
      throw new InputError('input.danglingLink', { target: await readlink(path).catch(() => '?') }, { file: path });
    }
    throw inputErrorFor(err, path);
  }
  if (folder !== undefined && !isInside(folder, real)) throw new InputError('input.outsideFolder', { target: real }, { file: path });
  const info = await stat(real).catch((err: unknown) => {
    throw inputErrorFor(err, path);
  });
  refuseSpecial(info, path);
  if (info.size > maxBytes) throw tooLarge(path, info.size, maxBytes);
  return { path, real, size: info.size, dev: info.dev, ino: info.ino, maxBytes, identity: identityOf(info) };
}

/**
 * Opens a checked file for reading. O_NONBLOCK so that a file swapped for a FIFO since the check
 * cannot hang the open, O_NOFOLLOW so that a link put in its place is not followed; then the open
 * file must still be the regular file that was checked.
 */
export async function openInputFile(file: InputFile): Promise<FileHandle> {
  const flags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);
  const fh = await open(file.real, flags).catch((err: unknown) => {
    throw inputErrorFor(err, file.path);
  });
  try {
    const info = await fh.stat();
    refuseSpecial(info, file.path);
    if (info.dev !== file.dev || info.ino !== file.ino) throw new InputError('input.changed', {}, { file: file.path });
    if (info.size > file.maxBytes) throw tooLarge(file.path, info.size, file.maxBytes);
    return fh;
  } catch (err) {
    await fh.close();
    throw err;
  }
}

/** The first `bytes` bytes of a checked file (fewer when it is shorter). */
/** Whether the file holds `needle` anywhere, read in 1 MiB pieces (the file's size is bounded by the input limit). */
export async function fileHolds(file: InputFile, needle: Buffer): Promise<boolean> {
  const fh = await openInputFile(file);
  try {
    const buf = Buffer.alloc((1 << 20) + needle.length);
    let carry = 0;
    for (let at = 0; ; ) {
      const { bytesRead } = await fh.read(buf, carry, buf.length - carry, at);
      if (bytesRead === 0) return false;
      const end = carry + bytesRead;
      if (buf.subarray(0, end).includes(needle)) return true;
      at += bytesRead;
      // The last bytes again before the next piece: a needle across the seam.
      carry = Math.min(needle.length - 1, end);
      buf.copy(buf, 0, end - carry, end);
    }
  } finally {
    await fh.close();
  }
}

export async function readStart(file: InputFile, bytes: number): Promise<Buffer> {
  const fh = await openInputFile(file);
  try {
    const buf = Buffer.alloc(Math.min(bytes, file.size + 1));
    let n = 0;
    while (n < buf.length) {
      const { bytesRead } = await fh.read(buf, n, buf.length - n, n);
      if (bytesRead === 0) break;
      n += bytesRead;
    }
    return buf.subarray(0, n);
  } finally {
    await fh.close();
  }
}

/** The error for a file that grew past the limit, or was above it to begin with. */
export function tooLarge(file: string, size: number, maxBytes: number): InputError {
  // The size rounded up and the limit down, so that the size shown is above the limit shown (a limit of 0.001 MB read "0.1 MB, above 0.1 MB").
  const digits = (n: number): number => (n >= MB / 10 ? 1 : Math.max(1, Math.ceil(-Math.log10(n / MB)) + 1));
  const places = Math.max(digits(size), digits(maxBytes));
  const f = 10 ** places;
  return new InputError('input.fileTooLarge', { size: String(Math.ceil((size / MB) * f) / f), limit: String(Math.floor((maxBytes / MB) * f) / f) }, { file });
}

function refuseSpecial(info: Stats, file: string): void {
  if (info.isFile()) return;
  const kind = info.isDirectory() ? 'folder' : info.isFIFO() ? 'FIFO' : info.isSocket() ? 'socket' : info.isCharacterDevice() || info.isBlockDevice() ? 'device' : 'special file';
  throw new InputError('input.notRegular', { kind }, { file });
}

function isInside(folder: string, real: string): boolean {
  const rel = relative(folder, real);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/** True when the path names a folder (a book of CSV files). */
export async function isFolder(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
}

/** The whole of an input file the user named (a CSV that `--write` rewrites): regular, never a link out of its folder. */
export async function readInput(path: string): Promise<Buffer> {
  const file = await checkInputFile(path, Number.MAX_SAFE_INTEGER);
  const fh = await openInputFile(file);
  try {
    return await fh.readFile();
  } finally {
    await fh.close();
  }
}

/** True when something (a file, a folder, a link) is at the path. */
export async function fileExists(path: string): Promise<boolean> {
  return (await lstat(path).catch(() => undefined)) !== undefined;
}
