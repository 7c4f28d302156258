/** The records of a ZIP file as a writer emits them (ZIP64 only for the directory's counts: outputs stay under 4 GiB). */
import { SIGNATURE, type ZipEntry } from './zip.js';

/** A local file header for an entry. */
export function localHeader(e: ZipEntry): Buffer {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(SIGNATURE.local, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(e.flags, 6);
  h.writeUInt16LE(e.method, 8);
  h.writeUInt16LE(e.time, 10);
  h.writeUInt16LE(e.date, 12);
  h.writeUInt32LE(e.crc >>> 0, 14);
  h.writeUInt32LE(e.compressedSize, 18);
  h.writeUInt32LE(e.size, 22);
  h.writeUInt16LE(e.rawName.length, 26);
  h.writeUInt16LE(0, 28);
  return Buffer.concat([h, e.rawName]);
}

/** A central-directory record for an entry written at `localOffset`. */
export function centralHeader(e: ZipEntry, localOffset: number): Buffer {
  const h = Buffer.alloc(46);
  h.writeUInt32LE(SIGNATURE.central, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(20, 6);
  h.writeUInt16LE(e.flags, 8);
  h.writeUInt16LE(e.method, 10);
  h.writeUInt16LE(e.time, 12);
  h.writeUInt16LE(e.date, 14);
  h.writeUInt32LE(e.crc >>> 0, 16);
  h.writeUInt32LE(e.compressedSize, 20);
  h.writeUInt32LE(e.size, 24);
  h.writeUInt16LE(e.rawName.length, 28);
  h.writeUInt32LE(localOffset, 42);
  return Buffer.concat([h, e.rawName]);
}

/**
 * The end-of-central-directory record (with the archive's comment, where it has one); past 65,535 entries, or a
 * directory past 4 GiB, after ZIP64's record and locator, which hold the true counts (found by a new user: a book
 * of 65,600 parts was read, and its write stopped on Node's ERR_OUT_OF_RANGE).
 */
export function endOfCentralDirectory(entries: number, size: number, offset: number, comment: Buffer = Buffer.alloc(0)): Buffer {
  const zip64 = entries > 0xffff || size >= 0xffffffff || offset >= 0xffffffff;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(SIGNATURE.eocd, 0);
  end.writeUInt16LE(zip64 ? 0xffff : entries, 8);
  end.writeUInt16LE(zip64 ? 0xffff : entries, 10);
  end.writeUInt32LE(zip64 ? 0xffffffff : size, 12);
  end.writeUInt32LE(zip64 ? 0xffffffff : offset, 16);
  end.writeUInt16LE(comment.length, 20);
  if (!zip64) return Buffer.concat([end, comment]);
  const record = Buffer.alloc(56);
  record.writeUInt32LE(SIGNATURE.zip64Eocd, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(45, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(BigInt(entries), 24);
  record.writeBigUInt64LE(BigInt(entries), 32);
  record.writeBigUInt64LE(BigInt(size), 40);
  record.writeBigUInt64LE(BigInt(offset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(SIGNATURE.zip64Locator, 0);
  locator.writeBigUInt64LE(BigInt(offset + size), 8);
  locator.writeUInt32LE(1, 16);
  return Buffer.concat([record, locator, end, comment]);
}
