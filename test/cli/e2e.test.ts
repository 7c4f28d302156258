// The built binary, as a user or CI runs it: output, exit codes, one-line errors.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/books.js';
import { EXAMPLES, ROOT, spawnKam } from '../helpers/cli.js';

const fixture = (name: string) => join(ROOT, 'test', 'fixtures', name);

describe('kam tier (spawned)', () => {
  it('runs the README example and exits 0', () => {
    const r = spawnKam(['tier', 'examples/accounts-zh.xlsx']);
    expect(r.code).toBe(0);
    // Piped, stdout is no terminal: text is 80 columns wide and the longest names are cut.
    expect(r.stdout).toContain('华东精密制…');
    expect(r.stdout).toContain('By tier');
    expect(r.stderr).toBe('');
  });

  it('gives the same scores for the book, its LibreOffice re-save and its GBK CSV export', () => {
    const scores = (file: string) => {
      const r = spawnKam(['tier', file, '--format', 'json', '-q']);
      expect(r.code, r.stderr).toBe(0);
      return (JSON.parse(r.stdout) as { accounts: { name: string; score: number; tier: string }[] }).accounts;
    };
    const book = scores(join(EXAMPLES, 'accounts-zh.xlsx'));
    for (const other of [fixture('accounts-zh-libreoffice.xlsx'), join(EXAMPLES, 'accounts-zh.csv')]) {
      const tmp = tempDir();
      // Outside examples/ there is no kam.config.json: compare like with like.
      const copy = join(tmp, other.endsWith('.csv') ? 'export.csv' : 'resaved.xlsx');
      copyFileSync(other, copy);
      const base = join(tmp, 'book.xlsx');
      copyFileSync(join(EXAMPLES, 'accounts-zh.xlsx'), base);
      const a = scores(base);
      const b = scores(copy);
      expect(b.map((x) => [x.name, x.tier])).toEqual(a.map((x) => [x.name, x.tier]));
      b.forEach((x, i) => expect(x.score).toBeCloseTo(a[i]!.score, 10));
    }
    expect(book).toHaveLength(30);
  });

  it('does not depend on the time zone', () => {
    const run = (tz: string) => spawnKam(['tier', 'examples/accounts-zh.xlsx', '--format', 'json', '--as-of', '2025-11-15'], { env: { TZ: tz } }).stdout;
    const shanghai = run('Asia/Shanghai');
    expect(run('America/Los_Angeles')).toBe(shanghai);
    expect(run('Pacific/Kiritimati')).toBe(shanghai);
  });

  it('never modifies the input', () => {
    const before = readFileSync(join(EXAMPLES, 'accounts-zh.xlsx'));
    spawnKam(['tier', 'examples/accounts-zh.xlsx', '--format', 'csv']);
    expect(readFileSync(join(EXAMPLES, 'accounts-zh.xlsx')).equals(before)).toBe(true);
  });
});

describe('unusable input exits 2 with one line and no stack trace', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'renamed.xlsx'), 'name,revenue\nA,1\n');
  writeFileSync(join(dir, 'cut.xlsx'), readFileSync(join(EXAMPLES, 'accounts-en.xlsx')).subarray(0, 3000));
  writeFileSync(join(dir, 'book.csv'), 'name,revenue\nA,1\n');
  const badConfig = tempDir();
  copyFileSync(join(EXAMPLES, 'accounts-en.xlsx'), join(badConfig, 'book.xlsx'));
  writeFileSync(join(badConfig, 'kam.config.json'), JSON.stringify({ scoring: { criteria: [{ column: 'annual_revenue', weight: 'high' }] } }));

  it.each([
    ['a missing file', ['tier', join(dir, 'nope.xlsx')], /nope\.xlsx: file not found/],
    ['a legacy .xls', ['tier', fixture('accounts-en.xls')], /accounts-en\.xls: legacy \.xls workbooks are not supported: .*save it as \.xlsx/],
    ['an .ods', ['tier', fixture('accounts-en.ods')], /OpenDocument \.ods is not supported/],
    ['a truncated zip', ['tier', join(dir, 'cut.xlsx')], /cut\.xlsx: the file is truncated/],
    ['a CSV renamed .xlsx', ['tier', join(dir, 'renamed.xlsx')], /rename it to \.csv/],
    ['an invalid config value', ['tier', join(badConfig, 'book.xlsx')], /kam\.config\.json: scoring\.criteria\[0\]\.weight: expected a number/],
    ['an unknown option', ['tier', 'examples/accounts-en.xlsx', '--colour'], /unknown option '--colour'/],
    ['a bad option value', ['tier', 'examples/accounts-en.xlsx', '--method', 'magic'], /argument 'magic' is invalid/],
    ['a missing argument', ['tier'], /missing required argument 'book'/],
    ['a format the command lacks', ['tier', 'examples/accounts-en.xlsx', '--format', 'junit'], /argument 'junit' is invalid/],
    ['a bad --as-of', ['tier', 'examples/accounts-en.xlsx', '--as-of', 'yesterday'], /invalid --as-of "yesterday"/],
  ])('%s', (_name, args, pattern) => {
    const r = spawnKam(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
    expect(r.stdout).toBe('');
  });

  it('prints the error in Chinese for a Chinese user', () => {
    const r = spawnKam(['tier', join(dir, 'nope.xlsx')], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(r.stderr).toMatch(/找不到文件/);
    expect(r.code).toBe(2);
  });

  it('shows a stack trace only with --debug', () => {
    const r = spawnKam(['tier', join(dir, 'nope.xlsx'), '--debug']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/InputError/);
  });
});

describe('kam config', () => {
  it('prints the config in force and its JSON Schema', () => {
    const r = spawnKam(['config', 'examples/accounts-zh.xlsx']);
    expect(r.code).toBe(0);
    const config = JSON.parse(r.stdout) as { promote: unknown[]; scoring: { method: string }; lang: string };
    expect(config.scoring.method).toBe('weighted');
    expect(config.promote).toEqual([{ column: 'annual_revenue', min: 15000000, tier: 'strategic' }]);
    expect(config.lang).toBe('en');
    const schema = spawnKam(['config', '--schema']);
    expect(schema.code).toBe(0);
    expect(JSON.parse(schema.stdout)).toMatchObject({ type: 'object', additionalProperties: false });
  });
});
