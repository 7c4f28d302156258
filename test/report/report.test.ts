// kam report (issue 12): the SVG builders (scales, labels, empty data, one account, 100,000
// accounts), the HTML page (self-contained, deterministic, escaped, folded past --top) and the
// markdown for a pull request (escaped, headline counts first, under GitHub's 1 MiB).
import { describe, expect, it } from 'vitest';
import { reportContext } from '../../src/report/context.js';
import { FOLD_MAX, reportHtml } from '../../src/report/report/html.js';
import { MARKDOWN_LIMIT, reportMarkdown } from '../../src/report/report/markdown.js';
import { barChart, hbarChart, paretoChart } from '../../src/report/report/svg.js';
import { reportSample } from './samples.js';

const en = reportContext('en', false);

describe('SVG builders', () => {
  it('bars: heights in proportion, each bar labelled with its value, the numbers in aria-label', () => {
    const svg = barChart([{ label: 'A', value: 10, text: '10' }, { label: 'B', value: 5, text: '5' }, { label: '<C>', value: 0, text: '0' }], 'Accounts per tier', 420, 220);
    const heights = [...svg.matchAll(/<rect [^>]*height="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(heights).toEqual([160, 80, 0]);
    expect(svg).toContain('aria-label="Accounts per tier: A 10; B 5; &lt;C&gt; 0"');
    expect(svg).toContain('<title>Accounts per tier</title>');
    expect(svg).not.toContain('<C>');
  });

  it('empty data draws axes and no bar; one value fills the height', () => {
    expect(barChart([], 'Nothing')).not.toContain('<rect');
    expect(barChart([{ label: 'only', value: 3, text: '3' }], 'One', 420, 220)).toMatch(/height="160"/);
    expect(hbarChart([], 'Nobody', [{ value: 1, label: 'over' }])).toContain('class="threshold"');
  });

  it('utilisation bars against thresholds at their share of the width', () => {
    const svg = hbarChart([{ label: 'Ann', value: 0.5, text: '50%' }], 'Utilisation', [{ value: 1, label: 'over 100%' }], 560);
    // left 130, right 70, max 1.2 → 0.5 is 150 wide, the over line at 130 + 300.
    expect(svg).toMatch(/<rect x="130" y="[\d.]+" width="150"/);
    expect(svg).toMatch(/<line x1="430"/);
  });

  it('Pareto: cut-offs at the accounts that reach them; 100,000 accounts in at most 201 points, the same bytes twice', () => {
    const small = paretoChart([60, 30, 10], [0.8, 0.95], 'Pareto');
    expect(small).toContain('data-share="0.8" data-accounts="2"');
    expect(small).toContain('data-share="0.95" data-accounts="3"');
    expect(paretoChart([], [0.8], 'none')).toContain('0 of 0 accounts');
    const many = Array.from({ length: 100_000 }, (_, i) => 100_000 - i);
    const big = paretoChart(many, [0.8, 0.95], 'Pareto');
    expect(big.match(/points="([^"]*)"/)![1]!.split(' ').length).toBeLessThanOrEqual(201);
    expect(paretoChart(many, [0.8, 0.95], 'Pareto')).toBe(big);
  });

  it('Pareto cut-off labels stand right of the plot, a line apart, each cut-off marked where the curve crosses it', () => {
    // Plot x from 32 to 420 - 120 = 300; y from 208 (0) to 32 (1): 0.8 at 67.2, 0.85 at 58.4.
    const svg = paretoChart([60, 30, 10], [0.8, 0.85], 'Pareto');
    const labels = [...svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)">([^<]*)<\/text>/g)].map((m) => [Number(m[1]), Number(m[2]), m[3]]);
    // 0.8's label would be at 71.2, under 0.85's at 62.4 by less than a line: it moves down to 76.4.
    expect(labels).toEqual([
      [306, 76.4, '80% · 2/3'],
      [306, 62.4, '85% · 2/3'],
    ]);
    // Both reached by the second of three accounts: x 32 + 2/3 × 268.
    expect([...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])])).toEqual([
      [210.7, 67.2],
      [210.7, 58.4],
    ]);
    // The plot ends before the labels start.
    expect(svg).toContain('<line class="axis" x1="32" y1="208" x2="300" y2="208"/>');
  });
});

describe('the HTML report', () => {
  it('one self-contained, deterministic page: a CSP, no script, no external reference; text escaped', () => {
    const r = reportSample();
    const html = reportHtml(r, en);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
    expect(html).not.toMatch(/<script|<link |src="http|url\(/i);
    expect(reportHtml(reportSample(), en)).toBe(html);
    const hostile = reportSample();
    hostile.load.people[0]!.name = '<img src=x onerror=alert(1)>';
    const page = reportHtml(hostile, en);
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).not.toContain('<img');
    for (const id of ['summary', 'tiers', 'gaps', 'workload', 'heat']) expect(html).toContain(`<section id="${id}">`);
  });

  it('folds what is past --top in <details>, and only counts what is past FOLD_MAX more (a 100k-account book stays small)', () => {
    const html = reportHtml(reportSample(1), en);
    expect(html).toMatch(/<details><summary>\d+ more<\/summary>/);
    const big = reportSample(20);
    const a = big.tier!.accounts[0]!;
    big.tier!.accounts = Array.from({ length: 100_000 }, (_, i) => ({ ...a, rank: i + 1, name: `Account ${i}` }));
    const page = reportHtml(big, en);
    expect(page).toContain('<summary>99980 more</summary>');
    expect(page).toContain(`<p>${99_980 - FOLD_MAX} more not listed here: kam tier, kam gaps and kam load list them all</p>`);
    expect(page.match(/<th scope="row">Account \d+<\/th>/g)).toHaveLength(20 + FOLD_MAX);
    expect(page.length).toBeLessThan(200_000);
  });
});

describe('the markdown report', () => {
  it('headline counts first, tables GitHub renders, cell text escaped', () => {
    const md = reportMarkdown(reportSample(), en);
    expect(md.split('\n')[0]).toBe('## Key account report');
    expect(md).toMatch(/\| Errors \| \d+ \|/);
    expect(md).not.toMatch(/\|[^|\n]*<(?!br>|details>|summary>|\/details>|\/summary>)/);
  });

  it('stays under GitHub\'s 1 MiB step-summary limit: whole sections only, the ones left out named', () => {
    const r = reportSample(1_000_000);
    const finding = r.gaps.groups[0]!.findings[0]!;
    const group = r.gaps.groups[0]!;
    r.gaps.groups = Array.from({ length: 400 }, (_, i) => ({ ...group, account: `Account ${i} ${'x'.repeat(4000)}`, severity: 'error' as const, findings: [{ ...finding, severity: 'error' as const }] }));
    const md = reportMarkdown(r, en);
    expect(Buffer.byteLength(md, 'utf8')).toBeLessThan(MARKDOWN_LIMIT);
    expect(md).toMatch(/> Left out to stay under GitHub's 1 MiB limit: Errors[^\n]*\n$/);
    expect(md.match(/<details>/g)?.length ?? 0).toBe(md.match(/<\/details>/g)?.length ?? 0);
  });

  it('folds past --top into <details>, at most 200 rows, the rest counted; backticks escaped', () => {
    const r = reportSample(1);
    const finding = r.gaps.groups[0]!.findings[0]!;
    const group = r.gaps.groups[0]!;
    r.gaps.groups = Array.from({ length: 500 }, (_, i) => ({ ...group, account: `Acc \`${i}\``, severity: 'error' as const, findings: [{ ...finding, severity: 'error' as const }] }));
    const md = reportMarkdown(r, en);
    expect(md).toContain('<details><summary>499 more</summary>');
    expect(md).toContain('299 more not listed here');
    expect(md).toContain('Acc \\`0\\`');
    expect(md).not.toMatch(/[^\\]`/);
  });
});
