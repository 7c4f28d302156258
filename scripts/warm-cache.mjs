// The build's warm run (scripts/build.mjs): kam with these arguments, writing the bundle's V8 code
// cache at exit (bin/bundle.js).
import { runBundle } from '../bin/bundle.js';

runBundle({ writeCache: true });
