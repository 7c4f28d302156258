// Runs kam's command line, dist/kam.cjs (one file: scripts/build.mjs), with the V8 code cache the
// build made for it, dist/kam-<id>.cache: V8 then reads the compiled code of the functions a run
// needs instead of parsing and compiling them anew (docs/performance.md, "Startup"). A cache made
// for another build (its id is the first line of the bundle), another Node or other V8 flags is not
// used: the bundle is compiled as without one. Nothing here writes a file but the build's warm run.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';

const DIST = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const BUNDLE = join(DIST, 'kam.cjs');
const ID = /^\/\* kam build ([0-9a-f]{16}) \*\//;

/** The cache file of a bundle whose source is `source` (undefined when the bundle carries no id). */
export function cacheFileOf(source) {
  const id = ID.exec(source)?.[1];
  return id === undefined ? undefined : join(DIST, `kam-${id}.cache`);
}

/** The bundle compiled, with its code cache when there is a matching one; `cached`: the cache was used. */
export function compileBundle() {
  const source = readFileSync(BUNDLE, 'utf8');
  const cacheFile = cacheFileOf(source);
  const cachedData = cacheFile !== undefined && existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
  // A CommonJS function as Node wraps a module, strict as the ES modules it was made from.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __kamUrl, __kamImport) {"use strict";${source}\n})`, {
    filename: BUNDLE,
    ...(cachedData ? { cachedData } : {}),
  });
  return { script, cacheFile, cached: cachedData !== undefined && !script.cachedDataRejected };
}

/** import() for the bundle (exceljs, @inquirer/prompts: scripts/build.mjs), resolved from this package. */
const importModule = (specifier) => import(specifier);

/** Runs the command line on process.argv. `writeCache`: at exit, write the code cache of what ran (the build's warm run). */
export function runBundle({ writeCache = false } = {}) {
  const { script, cacheFile } = compileBundle();
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(BUNDLE), module, BUNDLE, DIST, pathToFileURL(BUNDLE).href, importModule);
  if (writeCache && cacheFile !== undefined) process.once('exit', () => writeFileSync(cacheFile, script.createCachedData()));
}
