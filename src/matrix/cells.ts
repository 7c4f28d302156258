/**
 * The letters each column holds on one matrix row: column key → RACI mask, read like a Map (`get`,
 * `has`, `size`, `keys`, `forEach`, iteration), in the order the keys were first added.
 *
 * A whole book's matrix has one row per activity (the 100k book: ~325,000), nearly all with two or
 * three columns holding letters. A `Map` with its hash table took ~200 bytes a row; here the first
 * three pairs are fields of the object (80 bytes), any further pairs one array.
 */
export class RowCells {
  private k0: string | undefined = undefined;
  private m0 = 0;
  private k1: string | undefined = undefined;
  private m1 = 0;
  private k2: string | undefined = undefined;
  private m2 = 0;
  /** Pairs past the third: key, mask, key, mask, … */
  private more: (string | number)[] | undefined = undefined;

  /** The letters `mask` held at `key`, joined to those already there. */
  add(key: string, mask: number): void {
    if (this.k0 === undefined || this.k0 === key) {
      this.k0 = key;
      this.m0 |= mask;
    } else if (this.k1 === undefined || this.k1 === key) {
      this.k1 = key;
      this.m1 |= mask;
    } else if (this.k2 === undefined || this.k2 === key) {
      this.k2 = key;
      this.m2 |= mask;
    } else {
      const more = (this.more ??= []);
      for (let i = 0; i < more.length; i += 2) {
        if (more[i] === key) {
          more[i + 1] = (more[i + 1] as number) | mask;
          return;
        }
      }
      more.push(key, mask);
    }
  }

  get(key: string): number | undefined {
    if (this.k0 === key) return this.m0;
    if (this.k1 === key) return this.m1;
    if (this.k2 === key) return this.m2;
    const more = this.more;
    if (more) for (let i = 0; i < more.length; i += 2) if (more[i] === key) return more[i + 1] as number;
    return undefined;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  get size(): number {
    if (this.k0 === undefined) return 0;
    if (this.k1 === undefined) return 1;
    if (this.k2 === undefined) return 2;
    return 3 + (this.more ? this.more.length / 2 : 0);
  }

  /** Each column's letters, in the order added (no tuple made per pair). */
  forEach(fn: (mask: number, key: string) => void): void {
    if (this.k0 === undefined) return;
    fn(this.m0, this.k0);
    if (this.k1 === undefined) return;
    fn(this.m1, this.k1);
    if (this.k2 === undefined) return;
    fn(this.m2, this.k2);
    const more = this.more;
    if (more) for (let i = 0; i < more.length; i += 2) fn(more[i + 1] as number, more[i] as string);
  }

  [Symbol.iterator](): IterableIterator<[string, number]> {
    const pairs: [string, number][] = [];
    this.forEach((mask, key) => pairs.push([key, mask]));
    return pairs.values();
  }

  keys(): IterableIterator<string> {
    const keys: string[] = [];
    this.forEach((_, key) => keys.push(key));
    return keys.values();
  }
}
