/**
 * XML comments (`<!-- … -->`) and processing instructions (`<? … ?>`) in a part: no spreadsheet program writes them
 * among a sheet's cells or a table's strings, and Excel, LibreOffice and every XML parser skip them. kam's scanners look
 * for tags by their bytes, so a part that holds them is read through `withoutMarkup` (found by a hostile-file trial: a
 * `<v>` inside a comment was read as the cell's value, a commented-out copy of the rows was read instead of the rows,
 * and a commented-out `<si>` moved every string after it).
 */

const LT = 0x3c;
const COMMENT = Buffer.from('<!--');
const PI = Buffer.from('<?');
const CDATA = Buffer.from('<![CDATA[');
const BANG = Buffer.from('<!');

/**
 * Whether a part's chunks hold a comment or a processing instruction, but for the XML declaration at its start
 * (`<?xml …?>`, after a byte-order mark or not): asked chunk by chunk, across their seams.
 */
export class MarkupSeen {
  private carry: Buffer = Buffer.alloc(0);
  private first = true;
  seen = false;

  see(chunk: Buffer): boolean {
    if (this.seen) return true;
    let from = 0;
    if (this.first) {
      this.first = false;
      const bom = chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? 3 : 0;
      const start = chunk.toString('latin1', bom, bom + 6);
      if (start === '<?xml ' || start === '<?xml?') {
        const end = chunk.indexOf('?>', bom);
        from = end < 0 ? chunk.length : end + 2;
      }
    }
    // (The seam: the last bytes of the chunk before and the first of this one.)
    if (this.carry.length > 0) {
      const seam = Buffer.concat([this.carry, chunk.subarray(0, 3)]);
      if (seam.indexOf(COMMENT) >= 0 || seam.indexOf(PI) >= 0) return (this.seen = true);
    }
    if (opens(chunk, from)) return (this.seen = true);
    // (The last 3 bytes so far, this chunk's and, where it is shorter, the ones before it.)
    const tail = chunk.subarray(Math.max(from, chunk.length - 3));
    this.carry = tail.length >= 3 ? Buffer.from(tail) : Buffer.concat([this.carry, tail]).subarray(-3);
    return false;
  }
}

const BANG_BYTE = 0x21;
const QUERY_BYTE = 0x3f;
const DASH = 0x2d;

/**
 * Whether `<!--` or `<?` begins in `buf` from `from` on (one that the end cuts is the seam's). Searched by their second
 * byte, `!` and `?`, which sheet XML hardly holds (a byte is found ~20 times faster than two: the largest sheets'
 * hundreds of megabytes are searched here).
 */
function opens(buf: Buffer, from: number): boolean {
  for (let i = buf.indexOf(BANG_BYTE, from); i >= 0; i = buf.indexOf(BANG_BYTE, i + 1)) {
    if (i > from && buf[i - 1] === LT && buf[i + 1] === DASH && buf[i + 2] === DASH) return true;
  }
  for (let i = buf.indexOf(QUERY_BYTE, from); i >= 0; i = buf.indexOf(QUERY_BYTE, i + 1)) {
    if (i > from && buf[i - 1] === LT) return true;
  }
  return false;
}

const enum Mode {
  Text,
  Comment,
  Pi,
  Cdata,
}

/**
 * A part's bytes without its comments and processing instructions; a CDATA section is kept as it is (a `<!--` in it is
 * its text). Bytes not yet known to open or close one are held for the next chunk.
 */
export async function* withoutMarkup(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let mode = Mode.Text;
  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of chunks) {
    const buf = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    carry = Buffer.alloc(0);
    // Only `<!` and `<?` open what is looked for: most chunks hold neither byte `!` nor `?`, and go as they are.
    if (mode === Mode.Text && buf.indexOf(BANG_BYTE) < 0 && buf.indexOf(QUERY_BYTE) < 0 && buf[buf.length - 1] !== LT) {
      if (buf.length > 0) yield buf;
      continue;
    }
    const out: Buffer[] = [];
    let i = 0;
    while (i < buf.length) {
      if (mode === Mode.Text) {
        const bang = buf.indexOf(BANG, i);
        const pi = buf.indexOf(PI, i);
        const at = bang < 0 ? pi : pi < 0 ? bang : Math.min(bang, pi);
        if (at < 0) {
          // A `<` as the last byte may open one with the next chunk's first.
          const hold = buf[buf.length - 1] === LT ? 1 : 0;
          out.push(buf.subarray(i, buf.length - hold));
          if (hold) carry = Buffer.from(buf.subarray(buf.length - 1));
          i = buf.length;
          break;
        }
        out.push(buf.subarray(i, at));
        if (startsWith(buf, at, COMMENT)) {
          mode = Mode.Comment;
          i = at + COMMENT.length;
        } else if (startsWith(buf, at, PI)) {
          mode = Mode.Pi;
          i = at + PI.length;
        } else if (startsWith(buf, at, CDATA)) {
          mode = Mode.Cdata;
          out.push(CDATA);
          i = at + CDATA.length;
        } else if (isPrefix(buf, at, COMMENT) || isPrefix(buf, at, CDATA)) {
          // Too few bytes to tell what opens here: held for the next chunk.
          carry = Buffer.from(buf.subarray(at));
          i = buf.length;
          break;
        } else {
          out.push(BANG);
          i = at + BANG.length;
        }
      } else {
        const close = mode === Mode.Comment ? '-->' : mode === Mode.Pi ? '?>' : ']]>';
        const end = buf.indexOf(close, i);
        if (end < 0) {
          // The close may begin in this chunk's last bytes.
          const keep = Math.max(i, buf.length - (close.length - 1));
          if (mode === Mode.Cdata) out.push(buf.subarray(i, keep));
          carry = Buffer.from(buf.subarray(keep));
          i = buf.length;
          break;
        }
        if (mode === Mode.Cdata) out.push(buf.subarray(i, end + close.length));
        mode = Mode.Text;
        i = end + close.length;
      }
    }
    const bytes = out.length === 1 ? out[0]! : Buffer.concat(out);
    if (bytes.length > 0) yield bytes;
  }
  if (carry.length > 0 && mode !== Mode.Comment && mode !== Mode.Pi) yield carry;
}

function startsWith(buf: Buffer, at: number, token: Buffer): boolean {
  if (at + token.length > buf.length) return false;
  for (let k = 0; k < token.length; k++) if (buf[at + k] !== token[k]) return false;
  return true;
}

/** Whether the bytes from `at` to the end are the start of `token`. */
function isPrefix(buf: Buffer, at: number, token: Buffer): boolean {
  const n = buf.length - at;
  if (n >= token.length) return false;
  for (let k = 0; k < n; k++) if (buf[at + k] !== token[k]) return false;
  return true;
}
