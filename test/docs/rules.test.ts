// docs/rules.md cannot drift from the rule catalogue: every rule of RULES is documented with its
// default severity, and the page names no rule the catalogue lacks.
import { describe, expect, it } from 'vitest';
import { RULES, RULE_IDS } from '../../src/model/rules.js';
import { codeSpans, fencedBlocks, PAGES, proseLines, readPage } from './markdown.js';

const PAGE = 'docs/rules.md';
const text = readPage(PAGE);
const catalogue: Record<string, string> = RULES;

/** A place where the page gives a rule's severity: a heading `` `id` (severity) `` or a table row. */
interface Mention {
  rule: string;
  severity: string;
  line: number;
}

const RULE_SPAN = /^`([a-z]+\/[a-z-]+)`$/;
const HEADING = /^#{1,6}\s+(.*?)\s*$/;

/** Table cells of a row `| a | b |`. */
function cells(row: string): string[] {
  return row
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim());
}

/** The rule id a table cell names: `` `id` `` or a link whose text is `` `id` ``. */
function ruleInCell(cell: string): string | undefined {
  const linked = /^\[(`[^`]+`)\]\([^)]*\)$/.exec(cell);
  return RULE_SPAN.exec(linked ? linked[1]! : cell)?.[1];
}

/** Every heading and table row of the page that names a rule, with the severity it gives. */
function mentions(): { found: Mention[]; malformed: string[] } {
  const found: Mention[] = [];
  const malformed: string[] = [];
  const lines = proseLines(text);
  for (let i = 0; i < lines.length; i++) {
    const { line, text: l } = lines[i]!;
    const h = HEADING.exec(l);
    if (h) {
      const named = codeSpans(h[1]!).filter((s) => /^[a-z]+\/[a-z-]+$/.test(s));
      if (named.length === 0) continue;
      const m = /^`([a-z]+\/[a-z-]+)` \((\w+)\)$/.exec(h[1]!);
      if (m) found.push({ rule: m[1]!, severity: m[2]!, line });
      else malformed.push(`line ${line}: heading "${h[1]}" names a rule but is not written \`id\` (severity)`);
      continue;
    }
    // A table: a header row, a separator row, then body rows; only tables with "rule" and "default" columns count.
    const sep = lines[i + 1];
    if (!l.trimStart().startsWith('|') || !sep || !/^\s*\|?\s*:?-{3,}/.test(sep.text)) continue;
    const header = cells(l).map((c) => c.toLowerCase());
    const ruleCol = header.indexOf('rule');
    const defaultCol = header.indexOf('default');
    let j = i + 2;
    for (; j < lines.length && lines[j]!.text.trimStart().startsWith('|'); j++) {
      if (ruleCol < 0 || defaultCol < 0) continue;
      const row = cells(lines[j]!.text);
      const rule = ruleInCell(row[ruleCol] ?? '');
      if (rule !== undefined) found.push({ rule, severity: row[defaultCol] ?? '', line: lines[j]!.line });
    }
    i = j - 1;
  }
  return { found, malformed };
}

/**
 * Rule ids written in code (`raci/no-accountable`, or inside `"rules": { … }`): a lower-case
 * word, a slash and a lower-case word with hyphens, not part of a path such as `src/model/rules.ts`.
 */
function ruleIdsInCode(page: string): { rule: string; line: number }[] {
  const pageText = readPage(page);
  const code: { text: string; line: number }[] = [];
  for (const { line, text: l } of proseLines(pageText)) for (const s of codeSpans(l)) code.push({ text: s, line });
  for (const b of fencedBlocks(pageText)) b.lines.forEach((l, k) => code.push({ text: l, line: b.start + 1 + k }));
  const out: { rule: string; line: number }[] = [];
  for (const c of code) {
    for (const m of c.text.matchAll(/(?<![\w/-])[a-z]+\/[a-z][a-z-]*(?![\w/-]|\.\w)/g)) out.push({ rule: m[0], line: c.line });
  }
  return out;
}

describe(`${PAGE} documents the rule catalogue (src/model/rules.ts)`, () => {
  const { found, malformed } = mentions();

  it('writes every heading that names a rule as `id` (severity)', () => {
    expect(malformed).toEqual([]);
  });

  it.each(RULE_IDS.map((rule) => [rule, RULES[rule]]))('documents %s with its default severity %s', (rule, severity) => {
    const places = found.filter((m) => m.rule === rule);
    expect(places.length, `${rule} is in RULES but in no heading or table row of ${PAGE}`).toBeGreaterThan(0);
    const wrong = places.filter((m) => m.severity !== severity).map((m) => `line ${m.line}: ${m.severity || '(empty)'}`);
    expect(wrong, `${PAGE} gives ${rule} another severity than RULES (${severity})`).toEqual([]);
  });

  it('names no rule that RULES lacks', () => {
    const unknown = [...found.map((m) => ({ rule: m.rule, line: m.line })), ...ruleIdsInCode(PAGE)]
      .filter((m) => !(m.rule in catalogue))
      .map((m) => `line ${m.line}: ${m.rule}`);
    expect(unknown).toEqual([]);
  });
});

describe('the other pages name only rules of RULES', () => {
  const categories = new Set(RULE_IDS.map((r) => r.split('/')[0]));
  it.each(PAGES.filter((p) => p !== PAGE))('%s', (page) => {
    const unknown = ruleIdsInCode(page)
      .filter((m) => categories.has(m.rule.split('/')[0]) && !(m.rule in catalogue))
      .map((m) => `line ${m.line}: ${m.rule}`);
    expect(unknown).toEqual([]);
  });
});
