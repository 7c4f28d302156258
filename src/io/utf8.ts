/** UTF-8 bytes: where a chunk's last whole character ends, and where the first invalid byte is; a UTF-16 part's text. */
import { StringDecoder } from 'node:string_decoder';

/** The length of `data` without a multi-byte sequence cut off at its end. */
export function completeLength(data: Buffer): number {
  for (let i = data.length - 1; i >= Math.max(0, data.length - 4); i--) {
    const b = data[i]!;
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return data.length - i < need ? i : data.length;
  }
  return data.length;
}

/** Valid multi-byte sequences, invalid bytes, and the offset of the first invalid byte (RFC 3629). */
export function scanUtf8(b: Buffer): { valid: number; invalid: number; first: number } {
  let valid = 0;
  let invalid = 0;
  let first = -1;
  for (let i = 0; i < b.length; ) {
    const x = b[i]!;
    if (x < 0x80) {
      i++;
      continue;
    }
    const n = x >= 0xc2 && x <= 0xdf ? 2 : x >= 0xe0 && x <= 0xef ? 3 : x >= 0xf0 && x <= 0xf4 ? 4 : 0;
    let ok = n > 0 && i + n <= b.length;
    for (let k = 1; ok && k < n; k++) if ((b[i + k]! & 0xc0) !== 0x80) ok = false;
    const y = b[i + 1] ?? 0;
    if (ok && ((x === 0xe0 && y < 0xa0) || (x === 0xed && y >= 0xa0) || (x === 0xf0 && y < 0x90) || (x === 0xf4 && y >= 0x90))) ok = false;
    if (ok) {
      valid++;
      i += n;
    } else {
      if (first < 0) first = i;
      invalid++;
      i++;
    }
  }
  return { valid, invalid, first };
}

/** The UTF-16 byte-order mark a part starts with (`le`, `be`), or undefined (UTF-8: XML's default). */
export function utf16Bom(chunk: Buffer): 'le' | 'be' | undefined {
  if (chunk.length < 2) return undefined;
  return chunk[0] === 0xff && chunk[1] === 0xfe ? 'le' : chunk[0] === 0xfe && chunk[1] === 0xff ? 'be' : undefined;
}

/**
 * A decoder of UTF-16 chunks (after the byte-order mark) to text: a big-endian part's bytes swapped pair by pair, a byte
 * or a character split between chunks kept for the next.
 */
export function utf16Decoder(bom: 'le' | 'be'): { write(chunk: Buffer): string; end(): string } {
  const decoder = new StringDecoder('utf16le');
  let odd: Buffer | undefined;
  return {
    write(chunk) {
      if (bom === 'le') return decoder.write(chunk);
      const joined = odd ? Buffer.concat([odd, chunk]) : Buffer.from(chunk);
      const even = joined.length & ~1;
      odd = even < joined.length ? joined.subarray(even) : undefined;
      return decoder.write(joined.subarray(0, even).swap16());
    },
    end: () => decoder.end(),
  };
}
