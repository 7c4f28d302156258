/**
 * How a CSV's bytes become text: decided once on the file's first bytes (SPEC §1: a BOM, else
 * strict UTF-8, else GB18030), then applied chunk by chunk while the file streams.
 *
 * Never a silent guess. Without a BOM or --encoding, on the first 4 MiB (the sample):
 * - valid UTF-8 → UTF-8, and an invalid byte later in the file is an error naming its offset;
 * - else, if the sample holds at least as many valid UTF-8 multi-byte sequences as invalid bytes,
 *   it is a UTF-8 file with a few bad bytes (GBK text scores about 1 valid to 4 invalid) → error;
 * - else the sample is a legacy Chinese encoding: GB18030 (Simplified, mainland exports) or Big5
 *   (Traditional, Taiwan and Hong Kong). A decoding is plausible when it has no undecodable byte
 *   and at least 90% of its non-ASCII characters are what Chinese business text holds (CJK
 *   ideographs, CJK and full-width punctuation, common symbols). Both byte ranges overlap, so
 *   character frequencies decide (jschardet, the port of Mozilla's detector, on the first 64 KiB):
 *   the plausible one at least 3 times as likely as the other is taken; both plausible and close
 *   is an error naming both; neither plausible → error.
 * The errors ask for --encoding, which always wins.
 */
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import jschardet from 'jschardet';
import { InputError, UsageError } from '../../model/errors.js';
import { completeLength, scanUtf8 } from '../utf8.js';

/** The sample the encoding is decided on. */
export const SAMPLE_BYTES = 4 * 2 ** 20;

export interface EncodingPlan {
  /** The name reported with --verbose. */
  readonly encoding: string;
  /** Bytes of byte-order mark to skip. */
  readonly bom: number;
  /**
   * `utf8-strict`: detected UTF-8 (or a UTF-8 BOM), bytes checked as they stream; `utf8`: UTF-8
   * passed through (--encoding said so; a bad byte becomes U+FFFD); `iconv`: decoded with iconv-lite.
   */
  readonly mode: 'utf8-strict' | 'utf8' | 'iconv';
}

/** Thrown by a strict UTF-8 decoder at the first invalid byte: its offset in the file. */
export class InvalidUtf8 extends Error {
  constructor(readonly offset: number) {
    super(`invalid UTF-8 at byte ${offset}`);
  }
}

/** Decides the encoding from the first bytes of a file (`complete` when they are the whole file). */
export function chooseEncoding(head: Buffer, complete: boolean, file: string, forced?: string): EncodingPlan {
  const utf8Bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  if (forced) {
    if (!iconv.encodingExists(forced)) throw new UsageError('usage.encoding', { value: forced });
    const name = forced.toLowerCase();
    if (name === 'utf-8' || name === 'utf8') return { encoding: name, bom: utf8Bom ? 3 : 0, mode: 'utf8' };
    return { encoding: name, bom: 0, mode: 'iconv' };
  }
  // A UTF-8 BOM says UTF-8, and the bytes must then be UTF-8: a bad one is an error, not a U+FFFD.
  if (utf8Bom) return { encoding: 'utf-8', bom: 3, mode: 'utf8-strict' };
  // UTF-32's BOMs (FF FE 00 00 begins like UTF-16 LE's): said as what they are (found by a new user: "no name column").
  if ((head[0] === 0xff && head[1] === 0xfe && head[2] === 0 && head[3] === 0) || (head[0] === 0 && head[1] === 0 && head[2] === 0xfe && head[3] === 0xff)) {
    throw new InputError('input.utf32', {}, { file });
  }
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: 2, mode: 'iconv' };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: 2, mode: 'iconv' };
  if (looksBinary(head)) {
    // UTF-16 without its byte-order mark is said as what it looks like (found by a new user: "binary content"), not guessed.
    const utf16 = utf16WithoutBom(head);
    throw utf16 ? new InputError('input.utf16NoBom', { encoding: utf16 }, { file }) : new InputError('input.binary', {}, { file });
  }
  const sample = complete ? head : head.subarray(0, completeLength(head));
  if (isUtf8(sample)) return { encoding: 'utf-8', bom: 0, mode: 'utf8-strict' };
  const { valid, invalid, first } = scanUtf8(sample);
  const where = { offset: Math.max(first, 0), line: lineOf(head, first) };
  if (valid >= invalid) throw new InputError('input.badUtf8', where, { file });
  const plausible = (encoding: string): boolean => {
    const decoder = iconv.getDecoder(encoding);
    return plausibleChinese(decoder.write(head) + (complete ? (decoder.end() ?? '') : ''));
  };
  const gb = plausible('gb18030');
  const big5 = plausible('big5');
  if (!gb && !big5) throw new InputError('input.unknownEncoding', where, { file });
  if (gb !== big5) return { encoding: gb ? 'gb18030' : 'big5', bom: 0, mode: 'iconv' };
  const likely = jschardet.detectAll(head.subarray(0, GUESS_BYTES));
  const odds = (name: string): number => likely.find((r) => r.encoding?.toLowerCase() === name)?.confidence ?? 0;
  const [gbOdds, big5Odds] = [odds('gb18030'), odds('big5')];
  if (gbOdds > 0 && gbOdds >= 3 * big5Odds) return { encoding: 'gb18030', bom: 0, mode: 'iconv' };
  if (big5Odds > 0 && big5Odds >= 3 * gbOdds) return { encoding: 'big5', bom: 0, mode: 'iconv' };
  throw new InputError('input.ambiguousEncoding', where, { file });
}

/** The bytes the frequency test of GB18030 against Big5 looks at (about 15 ms). */
const GUESS_BYTES = 64 * 1024;

/** Turns chunks of bytes into text (or UTF-8 bytes, which csv-parse reads without a copy). */
export interface ChunkDecoder {
  write(chunk: Buffer): Buffer | string;
  /** What is left at the end of the file; a strict decoder throws on a cut-off sequence. */
  end(): Buffer | string;
}

/** A streaming decoder for a plan; `offset` is where in the file the first chunk starts. */
export function chunkDecoder(plan: EncodingPlan, offset = 0): ChunkDecoder {
  if (plan.mode === 'utf8') return { write: (chunk) => chunk, end: () => Buffer.alloc(0) };
  if (plan.mode === 'iconv') {
    const decoder = iconv.getDecoder(plan.encoding, plan.bom > 0 ? { stripBOM: false } : undefined);
    return { write: (chunk) => decoder.write(chunk), end: () => decoder.end() ?? '' };
  }
  // Strict UTF-8: whole sequences are checked with node's native isUtf8; a sequence cut by the
  // chunk boundary waits for the next chunk.
  let carry = Buffer.alloc(0);
  let base = offset;
  const check = (data: Buffer): void => {
    if (!isUtf8(data)) throw new InvalidUtf8(base + scanUtf8(data).first);
  };
  return {
    write(chunk) {
      const data = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      const cut = completeLength(data);
      const whole = data.subarray(0, cut);
      check(whole);
      carry = Buffer.from(data.subarray(cut));
      base += cut;
      return whole;
    },
    end() {
      if (carry.length > 0) throw new InvalidUtf8(base);
      return Buffer.alloc(0);
    },
  };
}

/** Decodes a whole buffer by a plan. */
export function decodeAll(bytes: Buffer, plan: EncodingPlan): string {
  const decoder = chunkDecoder(plan);
  const body = bytes.subarray(plan.bom);
  const text = String(decoder.write(body)) + String(decoder.end());
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Whether the first KiB looks like UTF-16 without a byte-order mark: nearly every NUL byte on the same side
 * of its pair (the high byte of an ASCII character: digits, delimiters, line ends), at least four, a line
 * end or a delimiter among them, and no pair of two NULs. Said in a message, never read on a guess.
 */
export function utf16WithoutBom(head: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(head.length, 1024) & ~1;
  let low = 0;
  let high = 0;
  let marks = 0;
  for (let i = 0; i < n; i += 2) {
    const a = head[i]!;
    const b = head[i + 1]!;
    if (a === 0 && b === 0) return undefined;
    if (b === 0) low++;
    else if (a === 0) high++;
    const ascii = b === 0 ? a : a === 0 ? b : -1;
    if (ascii === 0x0a || ascii === 0x0d || ascii === 0x2c || ascii === 0x3b || ascii === 0x09) marks++;
  }
  if (marks === 0) return undefined;
  // (Nearly all on one side: a character U+xx00, `一` U+4E00, puts a NUL on the other; found by review.)
  if (low >= 4 && high * 8 <= low) return 'utf-16le';
  if (high >= 4 && low * 8 <= high) return 'utf-16be';
  return undefined;
}

/** NUL bytes in the first KiB mean a binary file (or UTF-16 without a BOM, which we do not guess). */
export function looksBinary(bytes: Buffer): boolean {
  const n = Math.min(bytes.length, 1024);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

/** The 1-based line of a byte offset (for the ASCII-compatible encodings this is used with). */
export function lineOf(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let i = bytes.indexOf(10); i !== -1 && i < offset; i = bytes.indexOf(10, i + 1)) line++;
  return line;
}

/** At least 90% of the non-ASCII characters are what Chinese business text holds, and none is U+FFFD. */
function plausibleChinese(text: string): boolean {
  let common = 0;
  let other = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) continue;
    if (c === 0xfffd) return false;
    if (isCommon(c)) common++;
    else other++;
  }
  return other * 10 <= common + other;
}

function isCommon(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) || // CJK ideographs
    (c >= 0x3000 && c <= 0x303f) || // CJK punctuation: 、。「」【】
    (c >= 0xff00 && c <= 0xffef) || // full-width forms: ，：（）０-９
    (c >= 0x2000 && c <= 0x206f) || // general punctuation: — … “ ” ‘ ’
    (c >= 0xa0 && c <= 0xff) || // Latin-1 symbols: · × ÷ ° ±
    (c >= 0x2100 && c <= 0x22ff) || // letterlike, number forms, arrows, maths: ℃ Ⅱ → ≤
    (c >= 0x2460 && c <= 0x26ff) // circled numbers, box drawing, shapes, stars: ① ─ ■ ★
  );
}

/**
 * What ends a record: CRLF, LF or a lone CR, mixed in one file as exports made by appending files
 * are (csv-parse would otherwise take the first line's end for all and glue the other lines).
 */
export const RECORD_ENDS = ['\r\n', '\n', '\r'];

/** Excel's `sep=;` first line, which names the delimiter and is no row (ended as any record is). */
export const SEP_LINE = /^sep=(.)(?:\r\n|\n|\r)/i;
