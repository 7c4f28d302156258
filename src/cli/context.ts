/** What a command may touch of the process: injected, so that tests run commands in-process. */

export interface Output {
  /** Writes text; false means the stream's buffer is full (wait for `drain`). */
  write(text: string): boolean | void;
  /** Resolves when a full stream can take more. */
  drain?(): Promise<void>;
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
}

/** The context of the real process. */
export function processContext(): CliContext {
  return {
    stdout: {
      write: (s) => process.stdout.write(s),
      drain: () => new Promise((resolve) => process.stdout.once('drain', resolve)),
      isTTY: process.stdout.isTTY,
      columns: process.stdout.columns,
    },
    stderr: { write: (s) => void process.stderr.write(s), isTTY: process.stderr.isTTY, columns: process.stderr.columns },
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
    kill: (signal) => process.kill(process.pid, signal),
  };
}
