/** The only file that touches the process: run, then set the exit code. */
import { removeTempFiles } from '../io/write/atomic.js';
import { processContext } from './context.js';
import { runCli } from './run.js';

// Ctrl-C, `kill` and a closed terminal stop kam without leaving a temporary file: the target of a
// write in progress stays as it was. Exit codes follow the shell's 128 + signal number.
const SIGNALS = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;
for (const [signal, code] of Object.entries(SIGNALS)) {
  process.once(signal, () => {
    removeTempFiles();
    process.exit(code);
  });
}

// No top-level await: the bundle is a CommonJS function (bin/bundle.js). Until runCli settles the
// exit code is that of a bug (3), as an unsettled top-level await would have failed the run.
process.exitCode = 3;
// The build's warm run (scripts/warm-cache.mjs) runs several commands in this one process, so that the
// code cache written at its exit holds the compiled functions of each; set only by that script.
const warm = (globalThis as { __kamWarmRuns?: readonly (readonly string[])[] }).__kamWarmRuns;
if (warm) {
  void (async () => {
    for (const argv of warm) await runCli([...argv], processContext());
    process.exitCode = 0;
  })();
} else {
  void runCli(process.argv.slice(2), processContext()).then((code) => {
    process.exitCode = code;
  });
}
