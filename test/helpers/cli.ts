// Running kam in tests: in-process (fast, exact) and as a spawned process (the real binary).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli/run.js';
import type { CliContext, Prompter } from '../../src/cli/context.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = `${ROOT}bin/kam.js`;
export const EXAMPLES = `${ROOT}examples`;

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface KamOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Stdout as a terminal of this many columns (by default it is no terminal, so text is 80 wide). */
  columns?: number;
  /** Questions answered by a script (`kam init --interactive`), stdin then a terminal. */
  prompt?: Prompter;
}

/** Runs kam in this process with captured output (no colours, English unless told). */
export async function kam(args: string[], options: KamOptions = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const ctx: CliContext = {
    stdout: { write: (s) => void (stdout += s), ...(options.columns !== undefined ? { isTTY: true, columns: options.columns } : { isTTY: false }) },
    stderr: { write: (s) => void (stderr += s), isTTY: false },
    env: { LANG: 'en_US.UTF-8', NO_COLOR: '1', ...options.env },
    cwd: options.cwd ?? ROOT,
    now: () => new Date('2025-11-15T12:00:00Z'),
    ...(options.prompt ? { prompt: options.prompt, stdinIsTTY: true } : {}),
  };
  const code = await runCli(args, ctx);
  return { code, stdout, stderr };
}

/** Spawns the built binary, as a user or CI would. */
export function spawnKam(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { PATH: process.env.PATH, NO_COLOR: '1', LANG: 'en_US.UTF-8', ...options.env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
