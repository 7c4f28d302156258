// The zip writer deflates an entry in blocks of 1 MiB, cut at the same bytes however the text is
// handed in (a string or bytes, whole or in pieces of any size): the file depends on the text alone,
// and reads back as that text, checksum and all.
import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ZipStream } from '../../src/io/write/zip-stream.js';
import { ZipArchive } from '../../src/io/xlsx/zip.js';
import { tempDir } from '../helpers/books.js';
import { rng } from '../helpers/random.js';

const dir = tempDir();

/** Writes `pieces` as one entry of a new zip file; returns the file's bytes. */
async function zipOf(name: string, pieces: (string | Buffer)[]): Promise<Buffer> {
  const file = join(dir, name);
  const fh = await open(file, 'w');
  try {
    const zip = new ZipStream(fh, file);
    const out = zip.stream('part.xml');
    for (const p of pieces) await out.write(p);
    await out.end();
    await zip.finish();
  } finally {
    await fh.close();
  }
  return readFile(file);
}

describe('ZipStream', () => {
  // 3.3 MiB of rows with some Chinese (multi-byte characters across the block seams).
  const text = Array.from({ length: 40_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i % 977}</v></c><c r="B${i + 1}"><is><t>客户${i}</t></is></c></row>`).join('');
  const bytes = Buffer.from(text, 'utf8');

  it('gives the same file for the same text, however it is handed in', async () => {
    const whole = await zipOf('whole.zip', [text]);
    const rand = rng(7);
    const pieces: Buffer[] = [];
    for (let at = 0; at < bytes.length; ) {
      const n = 1 + Math.floor(rand() * 300_000);
      pieces.push(bytes.subarray(at, at + n));
      at += n;
    }
    expect(pieces.length).toBeGreaterThan(10);
    expect((await zipOf('pieces.zip', pieces)).equals(whole)).toBe(true);
    expect((await zipOf('strings.zip', [text.slice(0, 1_000_003), text.slice(1_000_003)])).equals(whole)).toBe(true);
  });

  it('copies what it is handed before its write resolves: one buffer refilled for every piece reads back as the text', async () => {
    // kam's sheet writer hands in its own buffer again and again, and the blocks being deflated are
    // used again once deflated: 13 MiB, more blocks than are deflated at once, across two entries.
    const big = Buffer.concat([bytes, bytes, bytes, bytes]);
    const file = join(dir, 'refilled.zip');
    const fh = await open(file, 'w');
    try {
      const zip = new ZipStream(fh, file);
      for (const name of ['a.xml', 'b.xml']) {
        const out = zip.stream(name);
        const piece = Buffer.alloc(70_001);
        for (let at = 0; at < big.length; at += piece.length) {
          const n = big.copy(piece, 0, at, at + piece.length);
          await out.write(piece.subarray(0, n));
          piece.fill(0x78);
        }
        await out.end();
      }
      await zip.finish();
    } finally {
      await fh.close();
    }
    const zip = await ZipArchive.open(file);
    for (const name of ['a.xml', 'b.xml']) expect((await zip.read(zip.find(name)!, 1 << 26)).equals(big)).toBe(true);
  });

  it('reads back as the text', async () => {
    await zipOf('back.zip', [bytes.subarray(0, 5), text.slice(5)]);
    const zip = await ZipArchive.open(join(dir, 'back.zip'));
    const part = zip.find('part.xml')!;
    expect(part.size).toBe(bytes.length);
    expect(part.size).toBeGreaterThan(3 * 1024 * 1024);
    expect((await zip.read(part, 1 << 26)).equals(bytes)).toBe(true);
  });
});
