// npm run build: tsc writes dist/ (types checked, one .js per module: the library entry points and
// the scripts import these), then esbuild joins the command line into one file, dist/kam.mjs, which
// bin/kam.js runs. One file because Node loads ~190 ES modules one by one: resolving, reading and
// compiling them took ~0.3 s of every run, the bundle ~0.1 s (docs/performance.md, "Startup").
// exceljs (xlsx writing) and @inquirer/prompts (kam init's questions) stay outside: they are
// imported only by the commands that need them.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
await build({
  entryPoints: [join(root, 'dist', 'cli', 'main.js')],
  outfile: join(root, 'dist', 'kam.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['exceljs', '@inquirer/prompts'],
  // CommonJS packages in the bundle (iconv-lite, jschardet, cli-table3) call require().
  banner: { js: "import { createRequire as __kamRequire } from 'node:module'; const require = __kamRequire(import.meta.url);" },
  logLevel: 'warning',
});
