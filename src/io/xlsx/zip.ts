/**
 * A minimal ZIP reader over node:zlib: the central directory, then each entry inflated on demand,
 * streamed or whole, with a cap on the inflated size so that a zip bomb fails cleanly, and the
 * CRC-32 of every entry read checked against the directory.
 */
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import * as zlib from 'node:zlib';
import { InputError } from '../../model/errors.js';
import { identityOf, sameIdentity, type FileIdentity } from '../input-file.js';

export interface ZipEntry {
  name: string;
  /** The name's bytes as stored, so that a copy keeps them exactly. */
  rawName: Buffer;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  crc: number;
  time: number;
  date: number;
  /** The entry's central-directory record as stored (attributes, extra fields, comment): a copy keeps it. */
  central?: Buffer;
}

/** Reads entries' local records through one checked handle (see `recordReader`). */
export interface RecordReader {
  /** The entry's whole local record. */
  record(entry: ZipEntry): AsyncGenerator<Buffer>;
  /** The entry's stored (compressed) bytes. */
  raw(entry: ZipEntry): AsyncGenerator<Buffer>;
  close(): Promise<void>;
}

/** How much of a record a copy reads at once. */
const RECORD_CHUNK = 1 << 20;

/**
 * The most bytes one entry may inflate to (the largest real sheets are a few hundred MB). Sheets
 * are parsed streaming, so this is not bound by V8's longest string (2^29 - 24 UTF-16 units); a
 * part read whole into one string must pass a cap below that (see `read`).
 */
export const MAX_ENTRY_BYTES = 1536 * 1024 * 1024;

/** V8's longest string is 2^29 - 24 units: a part decoded whole must stay well below it. */
export const MAX_STRING_BYTES = 256 * 1024 * 1024;

/** Record signatures of the ZIP format (APPNOTE 4.3). */
export const SIGNATURE = {
  local: 0x04034b50,
  central: 0x02014b50,
  eocd: 0x06054b50,
  zip64Locator: 0x07064b50,
  zip64Eocd: 0x06064b50,
} as const;

export class ZipArchive {
  private readonly byLower = new Map<string, ZipEntry>();
  /** Entries whose CRC-32 has been checked over a whole read (later reads skip the sum). */
  private readonly verified = new Set<ZipEntry>();

  private constructor(
    readonly file: string,
    readonly fileSize: number,
    /** The file as its central directory was read: every later read checks that it is still that file. */
    readonly identity: FileIdentity,
    readonly entries: Map<string, ZipEntry>,
    /** The archive's comment (after the end-of-central-directory record). */
    readonly comment: Buffer = Buffer.alloc(0),
  ) {
    for (const [name, e] of entries) this.byLower.set(name.toLowerCase(), e);
  }

  /** Reads the central directory; a file that is not a whole zip is an InputError. */
  static async open(file: string): Promise<ZipArchive> {
    const fh = await open(file, 'r');
    try {
      const info = await fh.stat();
      const { entries, comment } = await readCentralDirectory(fh, info.size, file);
      return new ZipArchive(file, info.size, identityOf(info), entries, comment);
    } finally {
      await fh.close();
    }
  }

  /**
   * The file opened again, and refused if it is no longer the one whose directory was read (saved
   * or replaced meanwhile, a link put in its place): its offsets would read another file's bytes.
   */
  private async handle(): Promise<FileHandle> {
    const fh = await open(this.file, 'r');
    const info = await fh.stat().catch(async (err: unknown) => {
      await fh.close();
      throw err;
    });
    if (!sameIdentity(info, this.identity)) {
      await fh.close();
      throw new InputError('input.changed', {}, { file: this.file });
    }
    return fh;
  }

  /** A read stream of bytes `start`..`end` (inclusive) of the file, through a checked handle. */
  private async bytes(start: number, end: number): Promise<ReturnType<typeof createReadStream>> {
    const fh = await this.handle();
    return createReadStream('', { fd: fh, start, end, highWaterMark: 1 << 20, autoClose: true });
  }

  /** An entry by name, falling back to a case-insensitive match (some writers vary the case). */
  find(name: string): ZipEntry | undefined {
    const n = name.replace(/^\/+/, '');
    return this.entries.get(n) ?? this.byLower.get(n.toLowerCase());
  }

  /**
   * The entries' whole local records as they are in the file — local header with its extra fields,
   * the stored data, and the data descriptor that follows it where the writer put one — for a copy
   * that keeps every byte, and their stored bytes, to compare. One checked handle reads them all (a
   * handle and a stream per entry took ~1 ms each: a book of 10,000 parts took 10 s to write back,
   * found by a new user). Closed by its `close`.
   */
  async recordReader(): Promise<RecordReader> {
    const fh = await this.handle();
    return { record: (entry) => this.recordOn(fh, entry), raw: (entry) => this.rawOn(fh, entry), close: () => fh.close() };
  }

  private async *recordOn(fh: FileHandle, entry: ZipEntry): AsyncGenerator<Buffer> {
    const start = await this.dataStart(fh, entry);
    let end = start + entry.compressedSize;
    if (entry.flags & 0x8) {
      // A data descriptor: an optional signature, the CRC, and sizes of 4 bytes (8 in ZIP64).
      const sig = Buffer.alloc(4);
      await fh.read(sig, 0, 4, end);
      const zip64 = entry.size > 0xfffffffe || entry.compressedSize > 0xfffffffe;
      end += (sig.readUInt32LE(0) === 0x08074b50 ? 4 : 0) + 4 + (zip64 ? 16 : 8);
    }
    if (end > this.fileSize) throw truncated(this.file);
    yield* this.span(fh, entry.localOffset, end);
  }

  private async *rawOn(fh: FileHandle, entry: ZipEntry): AsyncGenerator<Buffer> {
    const start = await this.dataStart(fh, entry);
    if (start + entry.compressedSize > this.fileSize) throw truncated(this.file);
    yield* this.span(fh, start, start + entry.compressedSize);
  }

  /** Bytes `from`..`to` (exclusive) of the file, read through `fh` a chunk at a time. */
  private async *span(fh: FileHandle, from: number, to: number): AsyncGenerator<Buffer> {
    for (let at = from; at < to; ) {
      const chunk = Buffer.allocUnsafe(Math.min(RECORD_CHUNK, to - at));
      const { bytesRead } = await fh.read(chunk, 0, chunk.length, at);
      if (bytesRead < chunk.length) throw truncated(this.file);
      at += bytesRead;
      yield chunk;
    }
  }

  /** The entry's stored (compressed) bytes, as they are in the file. */
  async *raw(entry: ZipEntry): AsyncGenerator<Buffer> {
    const source = await this.compressed(entry);
    if (source) for await (const chunk of source) yield chunk as Buffer;
  }

  /** A read stream of an entry's stored bytes (undefined when it has none). */
  private async compressed(entry: ZipEntry): Promise<ReturnType<typeof createReadStream> | undefined> {
    const fh = await this.handle();
    let start: number;
    try {
      start = await this.dataStart(fh, entry);
    } finally {
      await fh.close();
    }
    if (start + entry.compressedSize > this.fileSize) throw truncated(this.file);
    if (entry.compressedSize === 0) return undefined;
    return this.bytes(start, start + entry.compressedSize - 1);
  }

  /** Inflates a whole (small) entry into memory, its CRC-32 checked. */
  async read(entry: ZipEntry, cap = MAX_STRING_BYTES): Promise<Buffer> {
    const fh = await this.handle();
    try {
      const start = await this.dataStart(fh, entry);
      const raw = Buffer.alloc(entry.compressedSize);
      const { bytesRead } = await fh.read(raw, 0, entry.compressedSize, start);
      if (bytesRead < entry.compressedSize) throw truncated(this.file);
      let data = raw;
      if (entry.method === 0) {
        if (raw.length > cap) throw bomb(this.file, entry.name, cap);
      } else {
        try {
          data = zlib.inflateRawSync(raw, { maxOutputLength: cap });
        } catch (err) {
          if (err instanceof RangeError || (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
            throw bomb(this.file, entry.name, cap);
          }
          throw corrupt(this.file, entry.name);
        }
      }
      if (data.length !== entry.size || crc32(data, 0) !== entry.crc >>> 0) throw badChecksum(this.file, entry.name);
      this.verified.add(entry);
      return data;
    } finally {
      await fh.close();
    }
  }

  /**
   * Streams an entry's inflated bytes; `onRead` gets the compressed bytes consumed so far. The
   * CRC-32 is summed as the bytes pass and checked after the last one (once per entry: a second
   * whole read of a checked entry skips the sum). A reader that stops early checks nothing.
   */
  async *stream(entry: ZipEntry, onRead?: (bytes: number) => void, cap = MAX_ENTRY_BYTES, ahead?: { chunk: number; buffered: number }): AsyncGenerator<Buffer> {
    const source = await this.compressed(entry);
    if (!source) {
      if (entry.size !== 0 || entry.crc !== 0) throw badChecksum(this.file, entry.name);
      return;
    }
    const output =
      entry.method === 0 ? source : pipeline(source, zlib.createInflateRaw(ahead ? ({ chunkSize: ahead.chunk, readableHighWaterMark: ahead.buffered } as zlib.ZlibOptions) : { chunkSize: 1 << 16 }), () => undefined);
    const check = !this.verified.has(entry);
    let crc = 0;
    let total = 0;
    try {
      for await (const chunk of output as AsyncIterable<Buffer>) {
        total += chunk.length;
        if (total > cap) throw bomb(this.file, entry.name, cap);
        if (check) crc = crc32(chunk, crc);
        onRead?.(source.bytesRead);
        yield chunk;
      }
      if (check) {
        if (total !== entry.size || crc !== entry.crc >>> 0) throw badChecksum(this.file, entry.name);
        this.verified.add(entry);
      }
    } catch (err) {
      if (err instanceof InputError) throw err;
      throw corrupt(this.file, entry.name);
    } finally {
      source.destroy();
      if (output !== source) output.destroy();
    }
  }

  private async dataStart(fh: FileHandle, entry: ZipEntry): Promise<number> {
    if (entry.flags & 1) throw new InputError('input.encrypted', {}, { file: this.file });
    if (entry.method !== 0 && entry.method !== 8) throw corrupt(this.file, entry.name);
    // The local header and its name: it must be the entry the directory names (found by a new user: a
    // directory record pointing at another part's local record read Accounts as Assignments).
    const header = Buffer.alloc(30 + entry.rawName.length);
    const { bytesRead } = await fh.read(header, 0, header.length, entry.localOffset);
    if (bytesRead < header.length || header.readUInt32LE(0) !== SIGNATURE.local) throw corrupt(this.file, entry.name);
    if (header.readUInt16LE(26) !== entry.rawName.length || !header.subarray(30).equals(entry.rawName)) throw corrupt(this.file, entry.name);
    return entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  }
}

async function readCentralDirectory(fh: FileHandle, size: number, file: string): Promise<{ entries: Map<string, ZipEntry>; comment: Buffer }> {
  const tailLen = Math.min(size, 65535 + 22 + 20);
  const tail = Buffer.alloc(tailLen);
  await fh.read(tail, 0, tailLen, size - tailLen);
  let eocd = -1;
  for (let i = tailLen - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === SIGNATURE.eocd) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw truncated(file);
  const comment = Buffer.from(tail.subarray(eocd + 22, Math.min(tailLen, eocd + 22 + tail.readUInt16LE(eocd + 20))));
  let count = tail.readUInt16LE(eocd + 10);
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    if (eocd < 20 || tail.readUInt32LE(eocd - 20) !== SIGNATURE.zip64Locator) throw truncated(file);
    const recOffset = Number(tail.readBigUInt64LE(eocd - 20 + 8));
    const rec = Buffer.alloc(56);
    await fh.read(rec, 0, 56, recOffset);
    if (rec.readUInt32LE(0) !== SIGNATURE.zip64Eocd) throw truncated(file);
    count = Number(rec.readBigUInt64LE(32));
    cdSize = Number(rec.readBigUInt64LE(40));
    cdOffset = Number(rec.readBigUInt64LE(48));
  }
  if (cdOffset + cdSize > size || cdSize > 64 * 1024 * 1024) throw truncated(file);
  const cd = Buffer.alloc(cdSize);
  await fh.read(cd, 0, cdSize, cdOffset);
  const entries = new Map<string, ZipEntry>();
  // Part names are compared without case (OPC): two entries of one name are a corrupt or forged zip.
  const seen = new Set<string>();
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== SIGNATURE.central) throw truncated(file);
    const nameLen = cd.readUInt16LE(p + 28);
    const extraLen = cd.readUInt16LE(p + 30);
    const commentLen = cd.readUInt16LE(p + 32);
    const rawName = Buffer.from(cd.subarray(p + 46, p + 46 + nameLen));
    const entry: ZipEntry = {
      name: rawName.toString('utf8').replace(/\\/g, '/').replace(/^\/+/, ''),
      rawName,
      flags: cd.readUInt16LE(p + 8),
      method: cd.readUInt16LE(p + 10),
      time: cd.readUInt16LE(p + 12),
      date: cd.readUInt16LE(p + 14),
      crc: cd.readUInt32LE(p + 16),
      compressedSize: cd.readUInt32LE(p + 20),
      size: cd.readUInt32LE(p + 24),
      localOffset: cd.readUInt32LE(p + 42),
      central: Buffer.from(cd.subarray(p, p + 46 + nameLen + extraLen + commentLen)),
    };
    readZip64Extra(cd.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen), entry);
    if (entry.localOffset + entry.compressedSize > size) throw truncated(file);
    const key = entry.name.toLowerCase();
    if (seen.has(key)) throw new InputError('input.duplicatePart', { part: entry.name }, { file });
    seen.add(key);
    entries.set(entry.name, entry);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { entries, comment };
}

function readZip64Extra(extra: Buffer, entry: ZipEntry): void {
  let q = 0;
  while (q + 4 <= extra.length) {
    const id = extra.readUInt16LE(q);
    const len = extra.readUInt16LE(q + 2);
    if (id === 1) {
      let r = q + 4;
      const take = (): number => {
        const v = r + 8 <= q + 4 + len ? Number(extra.readBigUInt64LE(r)) : 0;
        r += 8;
        return v;
      };
      if (entry.size === 0xffffffff) entry.size = take();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = take();
      if (entry.localOffset === 0xffffffff) entry.localOffset = take();
      return;
    }
    q += 4 + len;
  }
}

function truncated(file: string): InputError {
  return new InputError('input.truncated', {}, { file });
}

function corrupt(file: string, part: string): InputError {
  return new InputError('input.corruptPart', { part }, { file });
}

function bomb(file: string, part: string, cap: number): InputError {
  return new InputError('input.tooLarge', { part, limit: Math.round(cap / 1048576) }, { file });
}

function badChecksum(file: string, part: string): InputError {
  return new InputError('input.badChecksum', { part }, { file });
}

const nativeCrc32 = (zlib as { crc32?: (data: Buffer, value?: number) => number }).crc32;
let crcTable: Int32Array | undefined;

/** CRC-32 of `buf` continuing from `crc`: zlib's (Node >= 20.15), else a table (older Node 20). */
export function crc32(buf: Buffer, crc: number): number {
  if (nativeCrc32) return nativeCrc32(buf, crc);
  crcTable ??= Int32Array.from({ length: 256 }, (_v, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c;
  });
  let c = ~crc;
  for (let i = 0; i < buf.length; i++) c = crcTable[(c ^ buf[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}
