// The sheet writer's byte buffer: pieces put at `length` come back whole from take(), the buffer is
// used again after it, and a piece larger than what is left grows it to twice what is needed — a
// row of thousands of columns (a task view of 16,000 people) grows it a few times, not once a cell.
import { describe, expect, it } from 'vitest';
import { AsciiBuffer, put, putWhole } from '../../src/io/write/ascii.js';

describe('AsciiBuffer', () => {
  it('gives back what was put, and grows a few times for one very long row', () => {
    const bytes = new AsciiBuffer();
    const cell = Uint8Array.from('<c r="A1" t="s"><v>', (ch) => ch.charCodeAt(0));
    const buffers = new Set<Buffer>();
    let expected = '';
    // 8 MiB without a take(): one row of 250,000 cells.
    for (let i = 0; i < 250_000; i++) {
      const buf = bytes.reserve(64);
      buffers.add(bytes.buf);
      bytes.length = putWhole(buf, put(buf, bytes.length, cell), i);
      expected += `<c r="A1" t="s"><v>${i}`;
    }
    expect(buffers.size).toBeLessThanOrEqual(8);
    expect(bytes.take().toString('latin1')).toBe(expected);
    // Taken, the buffer is filled again from its start.
    const again = bytes.buf;
    const buf = bytes.reserve(8);
    bytes.length = putWhole(buf, bytes.length, 42);
    expect(bytes.buf).toBe(again);
    expect(bytes.take().toString('latin1')).toBe('42');
  });
});
