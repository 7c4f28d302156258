// bin/kam.js runs one bundled file, dist/kam.cjs (scripts/build.mjs), with the V8 code cache the build
// made for it (bin/bundle.js): the files kam ships beside it (package.json, templates/) must be found
// from there as from the sources, and a cache that is not the bundle's must change nothing.
import { execFileSync, spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/books.js';
import { BIN, EXAMPLES, ROOT } from '../helpers/cli.js';

describe('the bundled command line', () => {
  it('is what bin/kam.js runs, one file with no import of kam modules', () => {
    expect(readFileSync(BIN, 'utf8')).toContain("from './bundle.js'");
    const bundle = readFileSync(join(ROOT, 'dist', 'kam.cjs'), 'utf8');
    expect(bundle).toMatch(/^\/\* kam build [0-9a-f]{16} \*\//);
    expect(bundle).not.toMatch(/require\(["']\.\.?\//);
    // exceljs and @inquirer/prompts are imported through bin/bundle.js, nothing else.
    expect(bundle).not.toMatch(/\bimport\(/);
    expect(bundle.match(/__kamImport\("[^"]+"\)/g)?.sort()).toEqual(['__kamImport("@inquirer/prompts")', '__kamImport("exceljs")']);
  });

  it('is ASCII, so that V8 holds its source at one byte a character (~5.7 MB less in every run)', () => {
    const bytes = readFileSync(join(ROOT, 'dist', 'kam.cjs'));
    expect(bytes.findIndex((b) => b > 0x7f)).toBe(-1);
    // The Chinese words of the rules still read as Chinese: 合计 is a totals row, 张伟、李娜 two people.
    const r = spawnSync(process.execPath, [BIN, 'check', join(EXAMPLES, 'accounts-zh.xlsx'), '--format', 'json', '--as-of', '2025-11-15', '-q'], { encoding: 'utf8' });
    expect(r.stdout).toContain('"rule": "raci/role-conflict"');
    expect(r.stdout).toContain('蓝海零售连锁');
  });

  it('runs with the code cache the build made for it', () => {
    // In a process of its own, without NODE_OPTIONS: V8 flags there would make V8 refuse any cache.
    const script = `import(${JSON.stringify(pathToFileURL(join(ROOT, 'bin', 'bundle.js')).href)}).then((m) => { const { cached, cacheFile } = m.compileBundle(); console.log(JSON.stringify({ cached, cacheFile })); })`;
    const out = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } })) as { cached: boolean; cacheFile: string };
    expect(out.cacheFile).toMatch(/kam-[0-9a-f]{16}\.cache$/);
    expect(out.cached).toBe(true);
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
    cpSync(join(ROOT, 'dist', 'kam.cjs'), join(dir, 'dist', 'kam.cjs'));
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: '@acme/kam', version: '9.9.9', type: 'module', bin: { kam: 'bin/kam.js' } }));
    const bin = join(dir, 'bin', 'kam.js');
    expect(execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' }).trim()).toBe('9.9.9');
    const out = execFileSync(process.execPath, [bin, 'tier', join(EXAMPLES, 'accounts-en.xlsx'), '--format', 'json', '--as-of', '2025-11-15', '-q'], { encoding: 'utf8' });
    expect((JSON.parse(out) as { accounts: unknown[] }).accounts.length).toBeGreaterThan(10);
  });

  it('runs the same with no cache, the cache of another build, a damaged or unreadable one', () => {
    const args = ['tier', join(EXAMPLES, 'accounts-zh.xlsx'), '--format', 'json', '--as-of', '2025-11-15', '-q'];
    const reference = execFileSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
    const bundle = readFileSync(join(ROOT, 'dist', 'kam.cjs'), 'utf8');
    const id = /^\/\* kam build ([0-9a-f]{16})/.exec(bundle)![1]!;
    const cache = readFileSync(join(ROOT, 'dist', `kam-${id}.cache`));
    const other = id.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    // The same length, 64 bytes in the middle changed: V8 alone would run it (and crash).
    const flipped = Buffer.from(cache);
    for (let i = 0; i < 64; i++) flipped[(flipped.length >> 1) + i]! ^= 0xff;
    const caches: [string, Buffer | 'folder' | undefined][] = [
      ['none', undefined],
      [`kam-${other}.cache`, cache],
      [`kam-${id}.cache`, Buffer.concat([cache.subarray(0, 64), Buffer.alloc(4096, 7)])],
      [`kam-${id}.cache`, flipped],
      [`kam-${id}.cache`, 'folder'],
    ];
    for (const [name, data] of caches) {
      const dir = copyOfKam();
      if (data === 'folder') mkdirSync(join(dir, 'dist', name));
      else if (data) writeFileSync(join(dir, 'dist', name), data);
      const run = execFileSync(process.execPath, [join(dir, 'bin', 'kam.js'), ...args], { encoding: 'utf8' });
      expect(run, name).toBe(reference);
    }
  });

  it('runs an edited bundle as edited, not the compiled code of the one its cache was made from', () => {
    const dir = copyOfKam();
    const id = /^\/\* kam build ([0-9a-f]{16})/.exec(readFileSync(join(ROOT, 'dist', 'kam.cjs'), 'utf8'))![1]!;
    cpSync(join(ROOT, 'dist', `kam-${id}.cache`), join(dir, 'dist', `kam-${id}.cache`));
    const file = join(dir, 'dist', 'kam.cjs');
    // The same length and the same first line: only the hash tells the edit.
    writeFileSync(file, readFileSync(file, 'utf8').replace('file not found: check the path', 'FILE NOT FOUND: CHECK THE PATH'));
    const r = spawnSync(process.execPath, [join(dir, 'bin', 'kam.js'), 'tier', join(dir, 'missing.xlsx'), '--lang', 'en'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('FILE NOT FOUND: CHECK THE PATH');
  });
});

/** A copy of kam's bin, templates and bundle (no cache) in a folder of its own. */
function copyOfKam(): string {
  const dir = tempDir('kam-cache-');
  cpSync(join(ROOT, 'bin'), join(dir, 'bin'), { recursive: true });
  cpSync(join(ROOT, 'templates'), join(dir, 'templates'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  mkdirSync(join(dir, 'dist'));
  cpSync(join(ROOT, 'dist', 'kam.cjs'), join(dir, 'dist', 'kam.cjs'));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}
