// Reading the README and docs/ pages as the documentation tests need them: fenced blocks, prose
// lines without code, headings and their GitHub anchors.
import { readdirSync, readFileSync } from 'node:fs';
import { ROOT } from '../helpers/cli.js';

/** The pages the tests check, relative to the repository root: README.md and docs/*.md. */
export const PAGES: string[] = ['README.md', ...readdirSync(`${ROOT}docs`).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`)];

/** A page's text. */
export function readPage(page: string): string {
  return readFileSync(`${ROOT}${page}`, 'utf8');
}

export interface Block {
  /** The info string's first word (`sh`, `text`, `json`), or '' for none. */
  lang: string;
  lines: string[];
  /** 1-based line numbers of the opening and closing fences. */
  start: number;
  end: number;
}

/** The fenced code blocks of a page, in order (``` or ~~~ fences, CommonMark closing rules). */
export function fencedBlocks(text: string): Block[] {
  const lines = text.split('\n');
  const blocks: Block[] = [];
  let open: { fence: string; lang: string; start: number; lines: string[] } | undefined;
  lines.forEach((line, i) => {
    if (!open) {
      const m = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)/.exec(line);
      if (m) open = { fence: m[1]!, lang: m[2]!.toLowerCase(), start: i + 1, lines: [] };
      return;
    }
    const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
    if (close && close[1]![0] === open.fence[0] && close[1]!.length >= open.fence.length) {
      blocks.push({ lang: open.lang, lines: open.lines, start: open.start, end: i + 1 });
      open = undefined;
    } else open.lines.push(line);
  });
  return blocks;
}

/** Every line outside fenced blocks, with its 1-based number (lines inside blocks are left out). */
export function proseLines(text: string): { line: number; text: string }[] {
  const inside = new Set<number>();
  for (const b of fencedBlocks(text)) for (let n = b.start; n <= b.end; n++) inside.add(n);
  return text
    .split('\n')
    .map((t, i) => ({ line: i + 1, text: t }))
    .filter((l) => !inside.has(l.line));
}

const CODE_SPAN = /(`+)([\s\S]*?[^`])\1(?!`)/g;

/** The contents of a line's code spans (`like this`). */
export function codeSpans(line: string): string[] {
  return [...line.matchAll(CODE_SPAN)].map((m) => m[2]!);
}

/** A line with its code spans blanked out, so that nothing inside them reads as a link. */
export function withoutCodeSpans(line: string): string {
  return line.replace(CODE_SPAN, (s) => ' '.repeat(s.length));
}

/**
 * The anchor GitHub gives a heading: its text as rendered (links as their text, no markup),
 * lower-cased, every character that is not a letter, mark, digit, `-`, `_` or space removed
 * (CJK characters are letters and stay), spaces turned into `-`.
 */
export function githubSlug(heading: string): string {
  const rendered = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]*>/g, '')
    .trim();
  return rendered
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** The anchors of a page's headings, numbered as GitHub numbers repeats (`x`, `x-1`, `x-2`). */
export function headingAnchors(text: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const { text: line } of proseLines(text)) {
    const m = /^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
    if (!m) continue;
    const base = githubSlug(m[1]!);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}
