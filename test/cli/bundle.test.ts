// bin/kam.js runs one bundled file, dist/kam.mjs (scripts/build.mjs): the files kam ships beside it
// (package.json, templates/) must be found from there as from the sources.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/books.js';
import { BIN, ROOT } from '../helpers/cli.js';

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
});
