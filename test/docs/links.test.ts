// Every link in README.md and docs/*.md stays inside the repository and resolves: the file exists,
// and an #anchor names a heading of its page. Each problem found is a failing test named after it.
import { existsSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { headingAnchors, PAGES, proseLines, readPage, withoutCodeSpans } from './markdown.js';

interface Link {
  line: number;
  target: string;
}

/** The link targets of a page: inline links and images, reference definitions, autolinks, HTML attributes. */
function linksOf(text: string): { links: Link[]; bare: Link[] } {
  const links: Link[] = [];
  const bare: Link[] = [];
  for (const { line, text: raw } of proseLines(text)) {
    let l = withoutCodeSpans(raw);
    const def = /^ {0,3}\[[^\]]+\]:\s*<?([^\s>]*)>?/.exec(l);
    if (def) {
      links.push({ line, target: def[1]! });
      continue;
    }
    l = l.replace(/!?\[[^\]]*\]\(\s*<?([^)\s>]*)>?(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g, (_s, target: string) => {
      links.push({ line, target });
      return ' ';
    });
    l = l.replace(/<([a-z][a-z0-9+.-]*:[^>\s]*)>/gi, (_s, target: string) => {
      links.push({ line, target });
      return ' ';
    });
    l = l.replace(/\b(?:href|src)\s*=\s*["']([^"']*)["']/gi, (_s, target: string) => {
      links.push({ line, target });
      return ' ';
    });
    // GitHub turns a bare URL in prose into a link too.
    for (const m of l.matchAll(/\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s)>\]]+/gi)) bare.push({ line, target: m[0] });
  }
  return { links, bare };
}

/** What is wrong with one link of a page, or undefined. */
function problemWith(page: string, target: string): string | undefined {
  if (target === '') return 'has an empty target';
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return 'points outside the repository';
  if (target.startsWith('//')) return 'points outside the repository (protocol-relative)';
  if (target.startsWith('/')) return 'is an absolute path; write it relative to the page';
  const hash = target.indexOf('#');
  const path = decodeURIComponent(hash < 0 ? target : target.slice(0, hash));
  const anchor = hash < 0 ? undefined : decodeURIComponent(target.slice(hash + 1));
  const file = path === '' ? resolve(ROOT, page) : resolve(ROOT, dirname(page), path);
  const rel = relative(ROOT, file);
  if (rel.startsWith('..') || isAbsolute(rel)) return 'points outside the repository';
  if (!existsSync(file)) return `points at ${rel}, which does not exist`;
  if (anchor === undefined) return undefined;
  if (statSync(file).isDirectory() || extname(file) !== '.md') return `has an anchor on ${rel}, which is not a markdown page`;
  if (!headingAnchors(readPage(rel)).has(anchor)) return `points at #${anchor}, but ${rel} has no heading with that anchor`;
  return undefined;
}

describe('links in README.md and docs/', () => {
  it('finds the README and the docs pages', () => {
    expect(PAGES).toContain('README.md');
    expect(PAGES.length).toBeGreaterThan(5);
  });

  for (const page of PAGES) {
    const { links, bare } = linksOf(readPage(page));
    const problems = [
      ...links.flatMap((l) => {
        const p = problemWith(page, l.target);
        return p === undefined ? [] : [`${page}:${l.line}: link (${l.target}) ${p}`];
      }),
      ...bare.map((l) => `${page}:${l.line}: bare URL ${l.target} becomes a link outside the repository`),
    ];
    if (problems.length === 0) {
      it(`${page}: its ${links.length} links stay in the repository and resolve`, () => {
        expect(problems).toEqual([]);
      });
    }
    for (const p of problems) {
      it(p, () => {
        expect.fail(p);
      });
    }
  }
});
