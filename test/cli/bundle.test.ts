// bin/kam.js runs one bundled file, dist/kam.mjs (scripts/build.mjs): the files kam ships beside it
// (package.json, templates/) must be found from there as from the sources.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/books.js';
import { BIN, EXAMPLES, ROOT } from '../helpers/cli.js';

describe('the bundled command line', () => {
  it('is what bin/kam.js runs, one file with no import of kam modules', () => {
    expect(readFileSync(BIN, 'utf8')).toContain("import '../dist/kam.mjs'");
    const bundle = readFileSync(join(ROOT, 'dist', 'kam.mjs'), 'utf8');
    expect(bundle).not.toMatch(/from ["']\.\.?\//);
  });

  it('says the version of package.json', () => {
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    expect(execFileSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' }).trim()).toBe(version);
  });

  it('kam init points the config at the shipped schema', () => {
    const dir = tempDir('kam-bundle-');
    execFileSync(process.execPath, [BIN, 'init', 'book.xlsx', '--lang', 'en', '-q'], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH } });
    const config = JSON.parse(readFileSync(join(dir, 'kam.config.json'), 'utf8')) as { $schema: string };
    expect(resolve(dir, config.$schema)).toBe(join(ROOT, 'templates', 'kam.config.schema.json'));
    expect(existsSync(resolve(dir, config.$schema))).toBe(true);
  });

  it('runs as a package of another name (a fork, a scoped publish), found by its templates', () => {
    const dir = tempDir('kam-renamed-');
    for (const part of ['bin', 'templates']) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
    mkdirSync(join(dir, 'dist'));
    cpSync(join(ROOT, 'dist', 'kam.mjs'), join(dir, 'dist', 'kam.mjs'));
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: '@acme/kam', version: '9.9.9', type: 'module', bin: { kam: 'bin/kam.js' } }));
    const bin = join(dir, 'bin', 'kam.js');
    expect(execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' }).trim()).toBe('9.9.9');
    const out = execFileSync(process.execPath, [bin, 'tier', join(EXAMPLES, 'accounts-en.xlsx'), '--format', 'json', '--as-of', '2025-11-15', '-q'], { encoding: 'utf8' });
    expect((JSON.parse(out) as { accounts: unknown[] }).accounts.length).toBeGreaterThan(10);
  });
});
