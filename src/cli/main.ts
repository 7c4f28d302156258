/** The only file that touches the process: run, then set the exit code. */
import { processContext } from './context.js';
import { runCli } from './run.js';

// `kam tier big.xlsx | head` closes stdout early: that is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

process.exitCode = await runCli(process.argv.slice(2), processContext());
