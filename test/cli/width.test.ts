// Text output fits the terminal (issue 9): tables and lines follow stdout's columns (80 when stdout
// is no terminal or gives no size, no limit with --wide). On a book with a 30-character Chinese
// account name and a long person name, every text report at 60, 80 and 200 columns: names cut
// with `…`, sentences wrapped, numbers, cell references and rule codes whole. A table that cannot
// shrink enough (at 60: the tier ranking, the load table, the --explain box) stays at its
// narrowest, as docs/decisions.md says: each of its lines is then the same as at 40 columns.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { textWidth } from '../../src/cli/emit.js';
import { displayWidth } from '../../src/util/width.js';
import { tempDir, writeBook } from '../helpers/books.js';
import { cleanRows } from '../helpers/clean-book.js';
import { kam } from '../helpers/cli.js';

const LONG = '中国东方国际航空器材进出口贸易集团股份有限公司华东分'; // 30 characters, 60 columns
const PERSON = '司马相如欧阳修诸葛亮上官婉儿'; // 14 characters, 28 columns
const REPORTS: Record<string, string[]> = {
  tier: ['tier'],
  explain: ['tier', '--explain', 'A1'],
  check: ['check'],
  gaps: ['gaps'],
  load: ['load', '--suggest'],
};
const WIDTHS = [60, 80, 200];
let dir = '';
let book = '';

/**
 * The clean book with Apex renamed LONG and Alice PERSON; Cove's annual revenue empty (a data
 * problem); LONG's follow-up without an accountable (an error); PERSON's capacity 1 h (over, so that
 * --suggest moves work from PERSON to someone).
 */
beforeAll(async () => {
  const rows = cleanRows();
  const names: Record<string, string> = { Apex: LONG, Alice: PERSON };
  for (const table of [rows.accounts, rows.staff, rows.assignments]) {
    for (const r of table) r.forEach((v, i) => (r[i] = typeof v === 'string' ? (names[v] ?? v) : v));
  }
  rows.accounts[3]![3] = null;
  rows.assignments.splice(2, 1);
  rows.staff[0]!.push('Capacity');
  rows.staff[1]!.push(1);
  dir = tempDir();
  book = join(dir, 'book.xlsx');
  writeFileSync(join(dir, 'kam.config.json'), JSON.stringify({ scoring: { criteria: [{ column: 'annual_revenue', weight: 1 }] } }));
  await writeBook(book, [
    { name: 'Accounts', rows: rows.accounts, formats: { G: 'yyyy-mm-dd' } },
    { name: 'Staff', rows: rows.staff },
    { name: 'Assignments', rows: rows.assignments, formats: { F: 'yyyy-mm-dd' } },
  ]);
});

const runs = new Map<string, Promise<string>>();

/** A report's stdout as a terminal of `columns` (or with --wide); each run once. */
function run(report: string, lang: string, options: { columns?: number; wide?: boolean } = {}): Promise<string> {
  const key = JSON.stringify([report, lang, options]);
  let out = runs.get(key);
  if (!out) {
    out = kam([...REPORTS[report]!, book, '--as-of', '2025-11-15', '--lang', lang, ...(options.wide ? ['--wide'] : [])], { columns: options.columns }).then((r) => {
      expect(r.code, r.stderr).toBeLessThan(2);
      return r.stdout;
    });
    runs.set(key, out);
  }
  return out;
}

const linesOf = (text: string): string[] => text.replace(/\n$/, '').split('\n');
/** Every number of a text but those of the book's path, in order: a cut name or a wrapped line must not lose or split one. */
const numbers = (text: string): string[] => text.split(book).join('').match(/\d+(?:[.,:/-]\d+)*%?/g) ?? [];
/** A text's lines joined without the indents of wrapped lines. */
const unwrapped = (text: string): string => linesOf(text).map((l) => l.trim()).join('');

describe.each(['en', 'zh'])('text reports in %s', (lang) => {
  it.each(Object.keys(REPORTS))('%s: every line fits 80 and 200 columns; at 60 only a table at its narrowest is wider', async (report) => {
    const floor = new Set(linesOf(await run(report, lang, { columns: 40 })));
    for (const width of WIDTHS) {
      const over = linesOf(await run(report, lang, { columns: width })).filter((l) => displayWidth(l) > width);
      if (width > 60) expect(over, `${width} columns`).toEqual([]);
      else expect(over.filter((l) => !floor.has(l)), `${width} columns`).toEqual([]);
    }
  });

  it.each(Object.keys(REPORTS))('%s: the numbers are those of --wide, in the same order, at every width', async (report) => {
    const wide = numbers(await run(report, lang, { wide: true }));
    expect(wide.length).toBeGreaterThan(3);
    for (const width of WIDTHS) expect(numbers(await run(report, lang, { columns: width })), `${width} columns`).toEqual(wide);
  });

  it.each(Object.keys(REPORTS))('%s: at 200 columns nothing is cut, as with --wide', async (report) => {
    const wide = await run(report, lang, { wide: true });
    expect(await run(report, lang, { columns: 200 })).toBe(wide);
    expect(unwrapped(wide)).toContain(report === 'load' ? PERSON : LONG);
  });
});

describe('names and messages at 60 and 80 columns', () => {
  it('tier and gaps cut the long name with …, keeping its start', async () => {
    for (const width of [60, 80]) {
      const tier = linesOf(await run('tier', 'en', { columns: width }));
      const first = tier.find((l) => /^ +1 {2}/.test(l))!;
      expect(first).toMatch(/^ +1 {2}中国东+[^ ]*… +100\.0 {2}Strategic/);
      expect(first).not.toContain(LONG);
      const gaps = linesOf(await run('gaps', 'en', { columns: width }));
      expect(gaps.find((l) => l.includes(' (A1) · Strategic · '))).toMatch(/^中国东方[^ ]*… \(A1\) · Strategic · 1 problem$/);
    }
  });

  it('load cuts the long person name in its table, and in a move the names that do not fit', async () => {
    const out = linesOf(await run('load', 'en', { columns: 60 }));
    expect(out.some((l) => /^司马… +Accou… +Sales +1\.12 +1 +█+[▏▎▍▌▋▊▉]? +112% over +1 +1$/.test(l))).toBe(true);
    // The move's account and task share the room the numbers leave; the two people fit whole.
    expect(out).toContain('  1. 中国东方… · Business… (Strategic, 0.08 h/week, row 7)');
    expect(out).toContain(`     ${PERSON} 112% → 105%   Hank 0% → 0%`);
  });

  it('check wraps the message instead of cutting it; the cell reference and the rule code stay whole', async () => {
    const findings = JSON.parse((await kam(['check', book, '--as-of', '2025-11-15', '--format', 'json'])).stdout) as { findings: { rule: string; cell: string; message: string }[] };
    expect(findings.findings.length).toBeGreaterThan(2);
    for (const width of [60, 80]) {
      const text = await run('check', 'en', { columns: width });
      const words = new Set(text.split(/\s+/));
      for (const f of findings.findings) {
        expect(words, f.rule).toContain(f.rule);
        expect(words, f.cell).toContain(f.cell.split('!')[1]);
        expect(unwrapped(text).replace(/\s/g, ''), f.message).toContain(f.message.replace(/\s/g, ''));
      }
    }
  });

  it('--wide keeps the full name and lets lines run wider than the terminal', async () => {
    const tier = await run('tier', 'en', { columns: 60, wide: true });
    expect(tier).toContain(`  ${LONG}  `);
    expect(Math.max(...linesOf(tier).map(displayWidth))).toBeGreaterThan(100);
  });
});

describe('the width of text on stdout', () => {
  it('is the terminal width, 80 when stdout is no terminal or gives no size, none with --wide', async () => {
    expect(textWidth({}, { write: () => true, isTTY: true, columns: 132 })).toBe(132);
    expect(textWidth({}, { write: () => true, isTTY: false, columns: 132 })).toBe(80);
    expect(textWidth({}, { write: () => true, isTTY: true, columns: 0 })).toBe(80);
    expect(textWidth({}, { write: () => true, isTTY: true })).toBe(80);
    expect(textWidth({ wide: true }, { write: () => true, isTTY: true, columns: 132 })).toBeUndefined();
    // The in-process runner's stdout is no terminal: the default output is the 80-column one.
    const plain = await kam(['tier', book, '--as-of', '2025-11-15', '--lang', 'en']);
    expect(plain.stdout).toBe(await run('tier', 'en', { columns: 80 }));
    expect(plain.stdout).not.toBe(await run('tier', 'en', { columns: 120 }));
  });

  it('--wide is an option of the commands that print text only', async () => {
    const r = await kam(['config', '--wide']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown option '--wide'/);
  });

  it('does not apply to files: -o report.txt is written whole', async () => {
    const out = join(tempDir(), 'tier.txt');
    await kam(['tier', book, '--as-of', '2025-11-15', '--lang', 'en', '-o', out], { columns: 60 });
    expect((await import('node:fs')).readFileSync(out, 'utf8')).toBe(await run('tier', 'en', { wide: true }));
  });
});
