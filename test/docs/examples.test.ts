// The examples in README.md and docs/ show real output. An example is a ```sh block holding one
// `kam …` command, followed directly by a ```text block of what it prints. The test runs the command
// in-process and requires every line shown to be output: `…` lines mark lines left out, the lines
// between two `…` are consecutive in the output, and a block that does not start (end) with `…`
// shows the output's first (last) line. Commands run as on a terminal 120 columns wide (README says so).
import { describe, expect, it } from 'vitest';
import { kam, type RunResult } from '../helpers/cli.js';
import { fencedBlocks, PAGES, readPage } from './markdown.js';

interface Example {
  page: string;
  /** Line of the command in the page. */
  line: number;
  command: string;
  shown: string[];
}

const ELLIPSIS = '…';

/** The examples of a page: a one-line `kam …` sh block followed, with only blank lines between, by a text block. */
function examplesOf(page: string): Example[] {
  const text = readPage(page);
  const lines = text.split('\n');
  const blocks = fencedBlocks(text);
  const out: Example[] = [];
  blocks.forEach((b, i) => {
    const next = blocks[i + 1];
    if (b.lang !== 'sh' || b.lines.length !== 1 || !b.lines[0]!.startsWith('kam ') || next?.lang !== 'text') return;
    if (lines.slice(b.end, next.start - 1).some((l) => l.trim() !== '')) return;
    out.push({ page, line: b.start + 1, command: b.lines[0]!.trim(), shown: next.lines.map((l) => l.trimEnd()) });
  });
  return out;
}

/** Splits the shown lines into runs of consecutive output lines at the `…` lines. */
function runsOf(shown: string[]): { runs: string[][]; openStart: boolean; openEnd: boolean } {
  const runs: string[][] = [[]];
  for (const l of shown) {
    if (l.trim() === ELLIPSIS) runs.push([]);
    else runs[runs.length - 1]!.push(l);
  }
  const openStart = shown[0]?.trim() === ELLIPSIS;
  const openEnd = shown[shown.length - 1]?.trim() === ELLIPSIS;
  return { runs: runs.filter((r) => r.length > 0), openStart, openEnd };
}

/** Where the shown lines and the output part ways, or undefined when every shown line is there. */
function mismatch(shown: string[], output: string[]): string | undefined {
  const { runs, openStart, openEnd } = runsOf(shown);
  if (runs.length === 0) return 'the text block shows no output line';
  let pos = 0;
  for (const [r, run] of runs.entries()) {
    const first = r === 0 && !openStart;
    const final = r === runs.length - 1 && !openEnd;
    // The places the run may start: the output's first line, its last lines, or anywhere after the previous run.
    const from = first ? 0 : final ? Math.max(pos, output.length - run.length) : pos;
    const to = first ? 0 : output.length - run.length;
    let at = -1;
    let best = { k: -1, matched: 0 };
    for (let k = from; k <= to; k++) {
      let n = 0;
      while (n < run.length && output[k + n] === run[n]) n++;
      if (n === run.length) {
        at = k;
        break;
      }
      if (n > best.matched) best = { k, matched: n };
    }
    if (at >= 0 && final && at + run.length !== output.length) at = -1;
    if (at < 0) {
      if (best.matched > 0) {
        const k = best.k + best.matched;
        return `shown line "${run[best.matched]}" should follow output line ${k} ("${run[best.matched - 1]}"), where the output has "${output[k] ?? '(end of output)'}"`;
      }
      if (first) return `the output does not start with "${run[0]}" (it starts with "${output[0]}"): begin the block with … or with the first line`;
      if (final) return `the output does not end with the last ${run.length} line(s) shown (it ends with "${output[output.length - 1]}"): end the block with … or with the last line`;
      return `shown line "${run[0]}" is not in the output${r > 0 ? ' after the lines shown before it' : ''}`;
    }
    pos = at + run.length;
  }
  return undefined;
}

/** The arguments of a `kam …` line: split at spaces, without any shell syntax. */
function argsOf(command: string): string[] {
  if (/['"`$\\|&;<>*?(){}]/.test(command)) throw new Error(`${command}: write the example without quotes or other shell syntax`);
  return command.split(/\s+/).slice(1);
}

const examples = PAGES.flatMap(examplesOf);
const runs = new Map<string, Promise<RunResult>>();

/** Runs a command once, however many pages show it, on a terminal 120 columns wide. */
function run(command: string): Promise<RunResult> {
  let r = runs.get(command);
  if (!r) runs.set(command, (r = kam(argsOf(command), { columns: 120 })));
  return r;
}

describe('the README tour', () => {
  it('shows tier, check --format github, gaps and load --suggest', () => {
    const tour = examples.filter((e) => e.page === 'README.md').map((e) => e.command);
    expect(tour.some((c) => c.startsWith('kam tier '))).toBe(true);
    expect(tour.some((c) => c.startsWith('kam check ') && / --format github( |$)/.test(c))).toBe(true);
    expect(tour.some((c) => c.startsWith('kam gaps '))).toBe(true);
    expect(tour.some((c) => c.startsWith('kam load ') && / --suggest( |$)/.test(c))).toBe(true);
  });

  it('passes --as-of in every example, so that the output does not change with the date', () => {
    expect(examples.filter((e) => !/ --as-of \d{4}-\d{2}-\d{2}( |$)/.test(e.command)).map((e) => `${e.page}:${e.line}: ${e.command}`)).toEqual([]);
  });
});

describe('examples in README.md and docs/ show real output', () => {
  it.each(examples.map((e) => [`${e.page}:${e.line}`, e.command, e] as const))('%s: %s', async (_where, command, example) => {
    const result = await run(command);
    expect([0, 1], `exit code ${result.code}: ${result.stderr}`).toContain(result.code);
    const output = (result.stdout + result.stderr).split('\n').map((l) => l.trimEnd());
    while (output.length > 0 && output[output.length - 1] === '') output.pop();
    expect(mismatch(example.shown, output)).toBeUndefined();
  });
});
