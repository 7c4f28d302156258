/**
 * A ZIP file written front to back through a file handle, one entry after another: small parts
 * whole, large ones (a sheet of a million rows) streamed through deflate — which runs on libuv's
 * thread pool, beside the code producing the XML — with the sizes and checksum in a data
 * descriptor after the data. Nothing is held but the central directory. No ZIP64: an entry or
 * the file past 4 GiB is refused.
 */
import type { FileHandle } from 'node:fs/promises';
import * as zlib from 'node:zlib';
import { InputError } from '../../model/errors.js';
import { crc32, type ZipEntry } from '../xlsx/zip.js';
import { centralHeader, endOfCentralDirectory, localHeader } from '../xlsx/zip-write.js';
import { writeAll } from './atomic.js';

/** 1980-01-01 00:00 in DOS form: the same bytes for the same workbook, whenever it is written. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const DESCRIPTOR = 0x08074b50;
const LIMIT = 0xffffffff;
/**
 * zlib's level 5, not its default 6: a whole book's matrix (310 MB of XML) deflated 1.1 % larger
 * in half the time (3.2 → 1.7 s of CPU: level 6 searches longer for little more), 0.8 s of ~11.7 s
 * of `kam matrix -o`; levels 1–4 cost 6–28 % in size.
 */
const LEVEL = 5;
const BACKLOG = 16 * 1024 * 1024;
/** Bytes of XML deflated as one block, and blocks deflated at once. */
const BLOCK = 1 << 20;
const PARALLEL = 4;

/** One block of a deflate stream: not final, ended by a sync flush (byte-aligned). */
function deflateBlock(data: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => zlib.deflateRaw(data, { level: LEVEL, finishFlush: zlib.constants.Z_SYNC_FLUSH }, (error, out) => (error ? reject(error) : resolve(out))));
}

/** An entry being streamed: text in, deflated bytes out to the file. */
export interface EntryWriter {
  /** Text (as UTF-8), or bytes that are the stream's from now on. */
  write(text: string | Buffer): Promise<void>;
  end(): Promise<void>;
}

export class ZipStream {
  private offset = 0;
  private readonly central: Buffer[] = [];
  /** The file writes in flight, in order; the first failure is kept. */
  private queue: Promise<void> = Promise.resolve();
  private failure: unknown;
  /** Bytes queued and not yet written. */
  private queued = 0;
  /**
   * Blocks of XML deflated and free to be filled again. A whole book's matrix is 300 MB of XML: a
   * new buffer per block (and per piece handed in), each outliving young collections while it
   * waited for deflate, made V8 collect the whole heap every few tens of megabytes of them.
   */
  private readonly spare: Buffer[] = [];

  constructor(
    private readonly fh: FileHandle,
    /** The file's name, for messages. */
    private readonly target: string,
  ) {}

  /** Adds a whole entry. */
  async add(name: string, content: string | Buffer): Promise<void> {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const packed = zlib.deflateRawSync(data, { level: LEVEL });
    const entry = this.entry(name, 0, crc32(data, 0), data.length, packed.length);
    const start = this.offset;
    this.push(localHeader(entry));
    this.push(packed);
    this.central.push(centralHeader(entry, start));
    await this.settle();
  }

  /**
   * Starts an entry written in pieces; it must be ended before the next one starts. The text is
   * deflated in blocks of 1 MiB, several at once on libuv's threads, each ended by a sync
   * flush so that the blocks, written in order and closed by an empty final block, are one
   * deflate stream (as pigz does): two cores compress while this one makes the XML.
   */
  stream(name: string): EntryWriter {
    const start = this.offset;
    this.push(localHeader(this.entry(name, 0x8, 0, 0, 0)));
    let crc = 0;
    let size = 0;
    let packed = 0;
    /** The block being filled (none until a byte is written to it) and its bytes so far. */
    let block: Buffer | undefined;
    let blockBytes = 0;
    /** The blocks being deflated, in order, each given back to `spare` once deflated. */
    const jobs: { deflated: Promise<Buffer>; block: Buffer }[] = [];
    const writeOldest = async (): Promise<void> => {
      const job = jobs.shift()!;
      const data = await job.deflated;
      this.spare.push(job.block);
      packed += data.length;
      this.push(data);
    };
    const startBlock = async (): Promise<void> => {
      if (block === undefined) return;
      const deflated = deflateBlock(blockBytes === BLOCK ? block : block.subarray(0, blockBytes));
      // Awaited in order below; a failure of a later block must not go unhandled meanwhile.
      deflated.catch(() => undefined);
      jobs.push({ deflated, block });
      block = undefined;
      blockBytes = 0;
      if (jobs.length >= PARALLEL) await writeOldest();
      // The file keeps up with deflate, or the writer waits for it.
      if (this.queued > BACKLOG) await this.settle();
    };
    return {
      write: async (text: string | Buffer): Promise<void> => {
        if (this.failure !== undefined) throw this.failure;
        const buf = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
        crc = crc32(buf, crc);
        size += buf.length;
        if (size > LIMIT) throw this.tooLarge();
        // Blocks of exactly BLOCK bytes (the last one less): the file depends on the text alone, not
        // on how it was handed in. The bytes are copied into the block before this resolves.
        let at = 0;
        while (at < buf.length) {
          block ??= this.spare.pop() ?? Buffer.allocUnsafe(BLOCK);
          const n = Math.min(BLOCK - blockBytes, buf.length - at);
          buf.copy(block, blockBytes, at, at + n);
          blockBytes += n;
          at += n;
          if (blockBytes === BLOCK) await startBlock();
        }
      },
      end: async (): Promise<void> => {
        await startBlock();
        while (jobs.length > 0) await writeOldest();
        // The final block: fixed Huffman codes, nothing but its end.
        const last = Buffer.from([0x03, 0x00]);
        packed += last.length;
        this.push(last);
        const entry = this.entry(name, 0x8, crc, size, packed);
        const descriptor = Buffer.alloc(16);
        descriptor.writeUInt32LE(DESCRIPTOR, 0);
        descriptor.writeUInt32LE(crc >>> 0, 4);
        descriptor.writeUInt32LE(packed, 8);
        descriptor.writeUInt32LE(size, 12);
        this.push(descriptor);
        this.central.push(centralHeader(entry, start));
        await this.settle();
      },
    };
  }

  /** Writes the central directory and syncs the file. */
  async finish(): Promise<void> {
    const start = this.offset;
    for (const c of this.central) this.push(c);
    this.push(endOfCentralDirectory(this.central.length, this.offset - start, start));
    await this.settle();
    if (this.offset > LIMIT) throw this.tooLarge();
  }

  private entry(name: string, flags: number, crc: number, size: number, compressedSize: number): ZipEntry {
    return { name, rawName: Buffer.from(name, 'utf8'), flags, method: 8, time: 0, date: DOS_DATE, crc, size, compressedSize, localOffset: 0 };
  }

  /** Queues bytes for the file, in order. */
  private push(buf: Buffer): void {
    this.offset += buf.length;
    this.queued += buf.length;
    this.queue = this.queue
      .then(async () => {
        this.queued -= buf.length;
        if (this.failure === undefined) await writeAll(this.fh, buf);
      })
      .catch((error: unknown) => {
      this.failure ??= error;
    });
  }

  /** Waits for the queued writes; throws the first failure. */
  private async settle(): Promise<void> {
    await this.queue;
    if (this.failure !== undefined) throw this.failure;
    if (this.offset > LIMIT) throw this.tooLarge();
  }

  private tooLarge(): InputError {
    return new InputError('output.failed', { reason: 'larger than 4 GiB' }, { file: this.target });
  }
}
