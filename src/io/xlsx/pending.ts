/**
 * Text held back while an XML element is unfinished at the end of a chunk. New text is searched
 * only for the token that ends the element (with the few characters before it that could begin
 * the token), never joined and searched again: reading stays linear however long the element.
 */
export class PendingText {
  private readonly parts: string[] = [];
  /** Characters held so far. */
  length = 0;
  private tail: string;

  /** `before`: the text already buffered, whose last characters may begin the token. */
  constructor(
    private readonly token: string,
    before = '',
  ) {
    this.tail = before.slice(before.length - (token.length - 1));
  }

  /** Holds `text`; true once the token has arrived (then `take()` the text held). */
  push(text: string): boolean {
    const probe = this.tail + text;
    this.parts.push(text);
    this.length += text.length;
    if (probe.includes(this.token)) return true;
    this.tail = probe.slice(probe.length - (this.token.length - 1));
    return false;
  }

  /** The text held, in one piece. */
  take(): string {
    return this.parts.join('');
  }
}

/** PendingText for bytes: chunks held while an element is unfinished, searched only for its end. */
export class PendingBytes {
  private readonly parts: Buffer[] = [];
  /** Bytes held so far. */
  length = 0;
  private tail: Buffer;
  private readonly token: Buffer;

  /** `before`: the bytes already buffered, whose last bytes may begin the token. */
  constructor(token: Buffer, before: Buffer = Buffer.alloc(0)) {
    this.token = token;
    // A copy: a view would keep the whole buffer alive.
    this.tail = Buffer.from(before.subarray(Math.max(0, before.length - (this.token.length - 1))));
  }

  /** Holds `chunk`; true once the token has arrived (then `take()` the bytes held). */
  push(chunk: Buffer): boolean {
    this.parts.push(chunk);
    this.length += chunk.length;
    const seam = Buffer.concat([this.tail, chunk.subarray(0, this.token.length - 1)]);
    if (seam.includes(this.token) || chunk.includes(this.token)) return true;
    const keep = this.token.length - 1;
    const joined = chunk.length >= keep ? chunk : Buffer.concat([this.tail, chunk]);
    this.tail = Buffer.from(joined.subarray(joined.length - keep));
    return false;
  }

  /** The bytes held, in one piece. */
  take(): Buffer {
    return Buffer.concat(this.parts, this.length);
  }
}
