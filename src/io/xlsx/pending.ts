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
