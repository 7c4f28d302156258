/**
 * Files shipped with kam (package.json, templates/), found from wherever the running code is: the
 * sources under test, dist/ as tsc writes it, or the single bundled file dist/kam.cjs
 * (where import.meta.url is the bundle's URL, given by bin/bundle.js).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/**
 * The folder of kam's own package: the nearest one above this module with a package.json and kam's
 * templates beside it (whatever the package is named: a fork, a scoped publish).
 */
function packageRoot(): string {
  if (root !== undefined) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'templates', 'kam.config.schema.json'))) return (root = dir);
    const up = dirname(dir);
    if (up === dir) throw new Error(`kam's package.json not found above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
}

/** The absolute path of a file of kam's package, given relative to its root (`templates/x.json`). */
export function packageFile(relative: string): string {
  return join(packageRoot(), relative);
}
