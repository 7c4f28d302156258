/** The records of a ZIP file as a writer emits them (no ZIP64: outputs stay under 4 GiB). */
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

/** The end-of-central-directory record (with the archive's comment, where it has one). */
export function endOfCentralDirectory(entries: number, size: number, offset: number, comment: Buffer = Buffer.alloc(0)): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(SIGNATURE.eocd, 0);
  end.writeUInt16LE(entries, 8);
  end.writeUInt16LE(entries, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(comment.length, 20);
  return Buffer.concat([end, comment]);
}
