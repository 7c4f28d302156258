// The shape of the documentation: each docs/ page opens with its title and a one-line statement of
// what it covers, and the README's Documentation list links every page.
import { describe, expect, it } from 'vitest';
import { PAGES, proseLines, readPage, withoutCodeSpans } from './markdown.js';

const DOCS = PAGES.filter((p) => p.startsWith('docs/'));

describe('docs/ pages', () => {
  it.each(DOCS)('%s opens with "# Title" and a one-line statement of what it covers', (page) => {
    const [title, blank1, statement, blank2] = readPage(page).split('\n');
    expect(title, 'line 1').toMatch(/^# \S/);
    expect(blank1, 'line 2').toBe('');
    expect(statement, 'line 3').toMatch(/^(?!```)[^#\s|>-]/);
    expect(blank2, 'line 4 (the statement is one line)').toBe('');
  });

  it('are all linked from the Documentation list of README.md', () => {
    const lines = proseLines(readPage('README.md'));
    const start = lines.findIndex((l) => /^## Documentation\s*$/.test(l.text));
    expect(start, 'README.md has a "## Documentation" section').toBeGreaterThanOrEqual(0);
    const section = lines.slice(start + 1);
    const end = section.findIndex((l) => /^#{1,2} /.test(l.text));
    const linked = new Set<string>();
    for (const l of end < 0 ? section : section.slice(0, end)) {
      for (const m of withoutCodeSpans(l.text).matchAll(/\]\((docs\/[^)#\s]+\.md)(?:#[^)]*)?\)/g)) linked.add(m[1]!);
    }
    expect(DOCS.filter((p) => !linked.has(p))).toEqual([]);
  });
});
