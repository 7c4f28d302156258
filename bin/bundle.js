// Runs kam's command line, dist/kam.cjs (one file: scripts/build.mjs), with the V8 code cache the
// build made for it, dist/kam-<id>.cache: V8 then reads the compiled code of the functions a run
// needs instead of parsing and compiling them anew (docs/performance.md, "Startup"). V8 checks a
// cache only against the source's length and its own version and flags, and runs damaged compiled
// code as it finds it, so kam checks both files itself: the bundle must hash to the id its first
// line names, and the cache to the hash that leads it; anything else (another build's cache, an
// edited bundle, a damaged or unreadable cache, --debug, whose stack traces would name the
// building machine's path) and the bundle is compiled as without a cache. Nothing here writes a
// file but the build's warm run.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';

const DIST = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const BUNDLE = join(DIST, 'kam.cjs');
const ID = /^\/\* kam build ([0-9a-f]{16}) \*\/$/;
/** A cache file starts with the SHA-256 of the rest. */
const HASH_BYTES = 32;

const sha256 = (bytes) => createHash('sha256').update(bytes).digest();

/** The id of the bundle when its first line names one and the rest hashes to it; else undefined. */
function verifiedId(bytes) {
  const nl = bytes.indexOf(10);
  const id = nl < 0 ? undefined : ID.exec(bytes.toString('latin1', 0, nl))?.[1];
  return id !== undefined && sha256(bytes.subarray(nl + 1)).toString('hex').startsWith(id) ? id : undefined;
}

/** The compiled code of a cache file whose hash holds; else undefined (also when it cannot be read). */
function readCache(file) {
  try {
    const bytes = readFileSync(file);
    const data = bytes.subarray(HASH_BYTES);
    return bytes.length > HASH_BYTES && sha256(data).equals(bytes.subarray(0, HASH_BYTES)) ? data : undefined;
  } catch {
    return undefined;
  }
}

/** The bundle compiled, with its code cache when there is a sound one; `cached`: the cache was used. */
export function compileBundle({ useCache = true } = {}) {
  const bytes = readFileSync(BUNDLE);
  const id = verifiedId(bytes);
  const cacheFile = id === undefined ? undefined : join(DIST, `kam-${id}.cache`);
  const cachedData = useCache && cacheFile !== undefined ? readCache(cacheFile) : undefined;
  // A CommonJS function as Node wraps a module, strict as the ES modules it was made from.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __kamUrl, __kamImport) {"use strict";${bytes.toString('utf8')}\n})`, {
    filename: BUNDLE,
    ...(cachedData ? { cachedData } : {}),
  });
  return { script, cacheFile, cached: cachedData !== undefined && !script.cachedDataRejected };
}

/** import() for the bundle (exceljs, @inquirer/prompts: scripts/build.mjs), resolved from this package. */
const importModule = (specifier) => import(specifier);

/** Runs the command line on process.argv. `writeCache`: at exit, write the code cache of what ran (the build's warm run). */
export function runBundle({ writeCache = false } = {}) {
  const { script, cacheFile } = compileBundle({ useCache: !writeCache && !process.argv.includes('--debug') });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(BUNDLE), module, BUNDLE, DIST, pathToFileURL(BUNDLE).href, importModule);
  if (writeCache && cacheFile !== undefined) {
    process.once('exit', () => {
      const data = script.createCachedData();
      writeFileSync(cacheFile, Buffer.concat([sha256(data), data]));
    });
  }
}
