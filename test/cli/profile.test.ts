// npm run profile (issue 14: "keep the profile habit"): kam run under V8's profiler, its time
// named by the modules of src/ it was spent in. What is asserted is the shape of the summary and
// where known functions are placed, never a time.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/books.js';
import { EXAMPLES, ROOT } from '../helpers/cli.js';

const SCRIPT = join(ROOT, 'scripts', 'profile.mjs');

describe('npm run profile', () => {
  it('profiles a kam command and names its functions by the module of src/ they are in', () => {
    const out = tempDir();
    const r = spawnSync(process.execPath, [SCRIPT, '--top', '400', '--interval', '100', '--out', out, 'check', join(EXAMPLES, 'accounts-zh.xlsx'), '--as-of', '2025-11-15', '-q'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    // kam's exit (1: the example has errors) is reported, its output is not shown.
    expect(r.stdout).toMatch(/^kam check .*accounts-zh\.xlsx --as-of 2025-11-15 -q: exit 1, \d+ ms wall/);
    expect(r.stdout).not.toContain('raci/role-conflict');
    expect(r.stdout).toMatch(/profiled \d+ ms: garbage collection \d+ ms/);
    for (const title of ['own time by function (top 400)', 'time under each function (top 400)', 'own time by module (top 400)']) expect(r.stdout).toContain(title);
    // The check's entry is in its module, with its line in the bundle.
    expect(r.stdout).toMatch(/\d+ ms +[\d.]+% {2}checkBook {2}src\/app\/check\.ts \(dist\/kam\.cjs:\d+\)/);
    // The profile is kept where asked, and named.
    const files = readdirSync(out).filter((f) => f.endsWith('.cpuprofile'));
    expect(files).toHaveLength(1);
    expect(r.stdout).toContain(join(out, files[0]!));
  });

  it('says how to use it, and refuses a bad option, with exit 2', () => {
    const none = spawnSync(process.execPath, [SCRIPT], { encoding: 'utf8' });
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('usage: npm run profile --');
    const bad = spawnSync(process.execPath, [SCRIPT, '--top', 'many', 'tier', 'x.xlsx'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('profile: --top needs a positive whole number, not "many"\n');
  });

  it('maps each line of the bundle to its module', async () => {
    const { moduleLines, summarise } = await import('../../scripts/profile.mjs');
    const moduleOf = moduleLines('/* kam build */\n// dist/a/b.js\nfunction f() {}\n// dist/c.js\nfunction g() {}\n');
    expect([0, 1, 2, 3, 4].map((n) => moduleOf(n))).toEqual(['dist/kam.cjs', 'src/a/b.ts', 'src/a/b.ts', 'src/c.ts', 'src/c.ts']);
    // g called from f twice on one stack (recursion) counts once under f; self time is g's own.
    const frame = (functionName: string, lineNumber: number) => ({ functionName, url: 'file:///x/dist/kam.cjs', lineNumber, columnNumber: 0, scriptId: '1' });
    const profile = {
      nodes: [
        { id: 1, callFrame: { ...frame('(root)', -1), url: '' }, children: [2] },
        { id: 2, callFrame: frame('f', 2), children: [3] },
        { id: 3, callFrame: frame('f', 2), children: [4] },
        { id: 4, callFrame: frame('g', 4), children: [] },
      ],
      samples: [4, 4, 3],
      timeDeltas: [1000, 2000, 500],
    };
    const s = summarise(profile, moduleOf);
    expect(s.total).toBe(3500);
    expect(s.self.get('g  src/c.ts (dist/kam.cjs:5)')).toBe(3000);
    expect(s.self.get('f  src/a/b.ts (dist/kam.cjs:3)')).toBe(500);
    expect(s.inclusive.get('f  src/a/b.ts (dist/kam.cjs:3)')).toBe(3500);
    expect(s.places.get('src/c.ts')).toBe(3000);
  });
});
