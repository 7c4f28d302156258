// The build's warm run (scripts/build.mjs): kam's commands on the shipped examples, one after the
// other in this one process, writing the bundle's V8 code cache at exit (bin/bundle.js): the cache
// then holds the compiled functions of every command, not only of the first. Outputs go to a
// temporary folder, removed at exit.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBundle } from '../bin/bundle.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const zh = join(root, 'examples', 'accounts-zh.xlsx');
const next = join(root, 'examples', 'accounts-zh-next.xlsx');
const en = join(root, 'examples', 'accounts-en.xlsx');
const out = mkdtempSync(join(tmpdir(), 'kam-warm-'));
process.once('exit', () => rmSync(out, { recursive: true, force: true }));
const asOf = ['--as-of', '2025-11-15', '-q'];
globalThis.__kamWarmRuns = [
  ['check', zh, '--format', 'json', ...asOf],
  ['check', en, ...asOf],
  ['gaps', zh, ...asOf],
  ['tier', zh, '--format', 'json', ...asOf],
  ['load', zh, '--suggest', ...asOf],
  ['matrix', zh, '-o', join(out, 'matrix.xlsx'), ...asOf],
  ['report', zh, '-o', join(out, 'report.html'), ...asOf],
  ['diff', zh, next, ...asOf],
];
runBundle({ writeCache: true });
