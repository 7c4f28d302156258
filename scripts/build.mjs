// npm run build: tsc writes dist/ (types checked, one .js per module: the library entry points and
// the scripts import these), then esbuild joins the command line into one file, dist/kam.cjs, which
// bin/kam.js runs (bin/bundle.js). One file because Node loads ~190 ES modules one by one:
// resolving, reading and compiling them took ~0.3 s of every run, the bundle ~0.1 s; and a V8 code
// cache of it, made by a warm run of the built command line, saves most of what is left of
// compiling (docs/performance.md, "Startup"). exceljs (xlsx writing) and @inquirer/prompts (kam
// init's questions) stay outside: they are imported only by the commands that need them.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
// No bundle or cache of an earlier build survives a failed one.
if (existsSync(dist)) for (const f of readdirSync(dist)) if (/^kam(?:-[0-9a-f]+)?\.(?:cjs|mjs|cache)$/.test(f)) rmSync(join(dist, f));
execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
const externals = ['exceljs', '@inquirer/prompts'];
const out = await build({
  entryPoints: [join(dist, 'cli', 'main.js')],
  write: false,
  outfile: join(dist, 'kam.cjs'),
  bundle: true,
  platform: 'node',
  // CommonJS, run as a function by bin/bundle.js: the form vm.Script compiles with a code cache.
  format: 'cjs',
  target: 'node20',
  external: externals,
  // The one use, src/cli/paths.ts: the bundle's own URL, given by bin/bundle.js.
  define: { 'import.meta.url': '__kamUrl' },
  logLevel: 'warning',
});
// import() of exceljs and @inquirer/prompts goes through bin/bundle.js (an ES module: they resolve
// from kam's package): code compiled by vm.Script with a code cache cannot import() itself.
let code = out.outputFiles[0].text;
for (const name of externals) code = code.replaceAll(`import(${JSON.stringify(name)})`, `__kamImport(${JSON.stringify(name)})`);
if (/\bimport\(/.test(code)) throw new Error('build: an import() in the bundle that bin/bundle.js does not provide');
// Every character past ASCII written as a \u escape: esbuild escapes them in strings, templates
// and names (its ascii charset) but leaves them in regular expressions and comments, and V8 holds
// a source with one character past Latin-1 at two bytes a character — ~5.7 MB more memory in
// every run (`kam --help` 72.0 → 66.3 MB without the code cache). An escape means the same there:
// in a regular expression with or without the u flag (a surrogate pair's two escapes are one code
// point there), in a comment nothing. (After a backslash it would not: `\（` is refused.)
if (/\\[\u0080-\uffff]/.test(code)) throw new Error('build: a character past ASCII after a backslash in the bundle');
code = code.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
// The build's id leads the bundle and names its code cache: a cache is only ever read with its bundle.
const id = createHash('sha256').update(code).digest('hex').slice(0, 16);
writeFileSync(join(dist, 'kam.cjs'), `/* kam build ${id} */\n${code}`);
// The warm run: kam's commands on the shipped examples (scripts/warm-cache.mjs), whose compiled
// functions V8 writes to the cache at exit.
const warm = join(root, 'scripts', 'warm-cache.mjs');
try {
  execFileSync(process.execPath, [warm], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
} catch (err) {
  process.stderr.write(err.stderr ?? '');
  throw err;
}
if (!readdirSync(dist).includes(`kam-${id}.cache`)) throw new Error('build: the warm run wrote no code cache');
// V8 takes a cache only under the flags it was made with: a warm command that sets one (`--expose-gc`
// for a collection between phases) would leave a cache every run rejects.
const { compileBundle } = await import('../bin/bundle.js');
if (!compileBundle().cached) throw new Error('build: V8 rejects the code cache of the warm run (did a warm command set a V8 flag?)');
