/**
 * A minimal ZIP reader over node:zlib: the central directory, then each entry inflated on demand,
 * streamed or whole, with a cap on the inflated size so that a zip bomb fails cleanly.
 */
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import { InputError } from '../../model/errors.js';

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
}

/** The most bytes one entry may inflate to (the largest real sheets are a few hundred MB). */
export const MAX_ENTRY_BYTES = 1536 * 1024 * 1024;

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

  private constructor(
    readonly file: string,
    readonly fileSize: number,
    readonly entries: Map<string, ZipEntry>,
  ) {
    for (const [name, e] of entries) this.byLower.set(name.toLowerCase(), e);
  }

  /** Reads the central directory; a file that is not a whole zip is an InputError. */
  static async open(file: string): Promise<ZipArchive> {
    const fh = await open(file, 'r');
    try {
      const { size } = await fh.stat();
      const entries = await readCentralDirectory(fh, size, file);
      return new ZipArchive(file, size, entries);
    } finally {
      await fh.close();
    }
  }

  /** An entry by name, falling back to a case-insensitive match (some writers vary the case). */
  find(name: string): ZipEntry | undefined {
    const n = name.replace(/^\/+/, '');
    return this.entries.get(n) ?? this.byLower.get(n.toLowerCase());
  }

  /** The entry's stored (compressed) bytes, as they are in the file. */
  async *raw(entry: ZipEntry): AsyncGenerator<Buffer> {
    const source = await this.compressed(entry);
    if (source) for await (const chunk of source) yield chunk as Buffer;
  }

  /** A read stream of an entry's stored bytes (undefined when it has none). */
  private async compressed(entry: ZipEntry): Promise<ReturnType<typeof createReadStream> | undefined> {
    const fh = await open(this.file, 'r');
    let start: number;
    try {
      start = await this.dataStart(fh, entry);
    } finally {
      await fh.close();
    }
    if (start + entry.compressedSize > this.fileSize) throw truncated(this.file);
    if (entry.compressedSize === 0) return undefined;
    return createReadStream(this.file, { start, end: start + entry.compressedSize - 1, highWaterMark: 1 << 20 });
  }

  /** Inflates a whole (small) entry into memory. */
  async read(entry: ZipEntry, cap = MAX_ENTRY_BYTES): Promise<Buffer> {
    const fh = await open(this.file, 'r');
    try {
      const start = await this.dataStart(fh, entry);
      const raw = Buffer.alloc(entry.compressedSize);
      const { bytesRead } = await fh.read(raw, 0, entry.compressedSize, start);
      if (bytesRead < entry.compressedSize) throw truncated(this.file);
      if (entry.method === 0) {
        if (raw.length > cap) throw bomb(this.file, entry.name);
        return raw;
      }
      try {
        return inflateRawSync(raw, { maxOutputLength: cap });
      } catch (err) {
        if (err instanceof RangeError || (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
          throw bomb(this.file, entry.name);
        }
        throw corrupt(this.file, entry.name);
      }
    } finally {
      await fh.close();
    }
  }

  /** Streams an entry's inflated bytes; `onRead` gets the compressed bytes consumed so far. */
  async *stream(entry: ZipEntry, onRead?: (bytes: number) => void, cap = MAX_ENTRY_BYTES): AsyncGenerator<Buffer> {
    const source = await this.compressed(entry);
    if (!source) return;
    const output =
      entry.method === 0 ? source : pipeline(source, createInflateRaw({ chunkSize: 1 << 16 }), () => undefined);
    let total = 0;
    try {
      for await (const chunk of output as AsyncIterable<Buffer>) {
        total += chunk.length;
        if (total > cap) throw bomb(this.file, entry.name);
        onRead?.(source.bytesRead);
        yield chunk;
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
    const header = Buffer.alloc(30);
    const { bytesRead } = await fh.read(header, 0, 30, entry.localOffset);
    if (bytesRead < 30 || header.readUInt32LE(0) !== SIGNATURE.local) throw corrupt(this.file, entry.name);
    return entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  }
}

async function readCentralDirectory(fh: FileHandle, size: number, file: string): Promise<Map<string, ZipEntry>> {
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
    };
    readZip64Extra(cd.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen), entry);
    if (entry.localOffset + entry.compressedSize > size) throw truncated(file);
    entries.set(entry.name, entry);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
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

function bomb(file: string, part: string): InputError {
  return new InputError('input.tooLarge', { part, limit: Math.round(MAX_ENTRY_BYTES / 1048576) }, { file });
}
