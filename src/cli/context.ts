/** What a command may touch of the process: injected, so that tests run commands in-process. */

export interface Output {
  /** Writes text; false means the stream's buffer is full (wait for `drain`). */
  write(text: string): boolean | void;
  /** Resolves when a full stream can take more (or can take nothing more: it was closed). */
  drain?(): Promise<void>;
  /** True once the reader went away (`kam check … | head`): nothing more is written, the exit code stands. */
  readonly closed?: boolean;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export interface CliContext {
  stdout: Output;
  stderr: Output;
  env: NodeJS.ProcessEnv;
  cwd: string;
  now: () => Date;
  /** Sends a signal to this process (the `KAM_FAULT` test hook); absent in-process. */
  kill?: (signal: NodeJS.Signals) => void;
  /** Whether stdin is a terminal (`kam init --interactive` needs one to ask). */
  stdinIsTTY?: boolean;
  /** Asks a question (`kam init --interactive`); tests script the answers. */
  prompt?: Prompter;
}

/** One question with a default and a check of the answer (true, or the sentence that says what is wrong). */
export interface Prompter {
  input(question: { message: string; default?: string; validate?: (value: string) => true | string }): Promise<string>;
}

/** The context of the real process. */
export function processContext(): CliContext {
  // `kam check big.xlsx | head` closes stdout early: no error, nothing more is written, and the
  // exit code is still the result's (a CI step `kam check … | head` under pipefail must still fail).
  let stdoutClosed = false;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    stdoutClosed = true;
    process.stdout.destroy();
  });
  return {
    stdout: {
      write: (s) => (stdoutClosed ? true : process.stdout.write(s)),
      drain: () =>
        stdoutClosed
          ? Promise.resolve()
          : new Promise((resolve) => {
              const done = (): void => {
                process.stdout.off('drain', done);
                process.stdout.off('close', done);
                resolve();
              };
              process.stdout.once('drain', done);
              process.stdout.once('close', done);
            }),
      get closed() {
        return stdoutClosed;
      },
      isTTY: process.stdout.isTTY,
      columns: process.stdout.columns,
    },
    stderr: { write: (s) => void process.stderr.write(s), isTTY: process.stderr.isTTY, columns: process.stderr.columns },
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
    kill: (signal) => process.kill(process.pid, signal),
    stdinIsTTY: Boolean(process.stdin.isTTY),
    prompt: {
      // Questions go to stderr, so that stdout stays for results; Ctrl+C rejects with ExitPromptError.
      input: async (question) => (await import('@inquirer/prompts')).input(question, { output: process.stderr }),
    },
  };
}
