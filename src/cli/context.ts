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
    stdinIsTTY: Boolean(process.stdin.isTTY),
    prompt: {
      // Questions go to stderr, so that stdout stays for results; Ctrl+C rejects with ExitPromptError.
      input: async (question) => (await import('@inquirer/prompts')).input(question, { output: process.stderr }),
    },
  };
}
