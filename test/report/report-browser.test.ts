// kam report -o report.html in a real browser (issue 12): Debian's Chromium, headless, driven by
// puppeteer-core (never a downloaded browser; .ci/run installs the package, so this never skips).
// The page fetches nothing, logs no error, and shows the numbers of `kam tier`, `kam gaps` and
// `kam load` on the same book; every chart has drawn pixels; zh and en.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/books.js';
import { EXAMPLES, kam } from '../helpers/cli.js';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p)) ?? 'chromium';
const AS_OF = ['--as-of', '2025-11-15'];

let browser: Browser;

beforeAll(async () => {
  browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** Non-white pixels of a PNG, counted by Chromium itself (drawn on a canvas in a blank page). */
async function inkOf(png: Uint8Array): Promise<number> {
  const page = await browser.newPage();
  try {
    // Run in the page as text: this file is type-checked without the DOM's types.
    return (await page.evaluate(`(async () => {
      const img = new Image();
      img.src = 'data:image/png;base64,${Buffer.from(png).toString('base64')}';
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const g = canvas.getContext('2d');
      g.drawImage(img, 0, 0);
      const data = g.getImageData(0, 0, img.width, img.height).data;
      let ink = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] < 235 || data[i + 1] < 235 || data[i + 2] < 235) ink++;
      return ink;
    })()`)) as number;
  } finally {
    await page.close();
  }
}

describe.each([
  ['zh', 'accounts-zh.xlsx'],
  ['en', 'accounts-en.xlsx'],
  ['en', 'csv-en'],
] as const)('the HTML report (%s) of %s in Chromium', (lang, name) => {
  const book = join(EXAMPLES, name);
  const html = join(tempDir('kam-report-'), 'report.html');

  it('fetches nothing, logs no error, and shows the numbers of kam tier, gaps and load', async () => {
    const r = await kam(['report', book, ...AS_OF, '--lang', lang, '-o', html]);
    expect([0, 1]).toContain(r.code);
    const tier = JSON.parse((await kam(['tier', book, ...AS_OF, '--format', 'json'])).stdout) as { accounts: { tier: string }[] };
    const gaps = JSON.parse((await kam(['gaps', book, ...AS_OF, '--format', 'json'])).stdout) as { findings: { account?: string }[] };
    const load = JSON.parse((await kam(['load', book, ...AS_OF, '--format', 'json'])).stdout) as { people: { name: string; utilization: number; capacity: number; status: string }[] };

    const page = await browser.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    await page.setRequestInterception(true);
    page.on('request', (req) => {
      requests.push(req.url());
      if (req.url().startsWith('file:')) void req.continue();
      else void req.abort();
    });
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    page.on('pageerror', (err) => errors.push(String(err)));
    await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
    // The document itself, and nothing else.
    expect(requests).toEqual([pathToFileURL(html).href]);
    expect(errors).toEqual([]);

    const seen = (await page.evaluate(`({
      title: document.title,
      sections: [...document.querySelectorAll('main > section')].map((s) => s.id),
      tierBars: [...document.querySelectorAll('svg.bars')[0].querySelectorAll('g.bar')].map((g) => [g.getAttribute('data-label'), Number(g.getAttribute('data-value')), g.querySelector('text.value')?.textContent]),
      people: [...document.querySelectorAll('svg.hbars g.bar')].map((g) => [g.getAttribute('data-label'), Number(g.getAttribute('data-value'))]),
      gapGroups: document.querySelectorAll('#gaps h3:not(.others)').length,
      others: [...document.querySelectorAll('#gaps h3.others + table tbody tr, #gaps h3.others + table + details tbody tr')].map((tr) => tr.querySelector('td:last-child')?.textContent),
      charts: [...document.querySelectorAll('svg.chart')].map((s) => s.getAttribute('aria-label') ?? ''),
    })`)) as { title: string; sections: string[]; tierBars: [string, number, string][]; people: [string, number][]; gapGroups: number; others: (string | undefined)[]; charts: string[] };
    expect(seen.sections).toEqual(['summary', 'tiers', 'gaps', 'workload', 'heat']);
    // Tier bars: one per tier, its value the number of accounts kam tier gives that tier.
    const counts = new Map<string, number>();
    for (const a of tier.accounts) counts.set(a.tier, (counts.get(a.tier) ?? 0) + 1);
    expect(seen.tierBars.map(([, v]) => v).reduce((a, v) => a + (v as number), 0)).toBe(tier.accounts.length);
    for (const [, v, text] of seen.tierBars) expect(Number(text)).toBe(v);
    expect(seen.tierBars.map(([, v]) => v).sort((a, b) => a - b)).toEqual([...counts.values()].sort((a, b) => a - b));
    // Gaps: a heading per account group, as kam gaps groups them (the rest folded, still in the page).
    expect(seen.gapGroups).toBe(new Set(gaps.findings.map((f) => f.account ?? '')).size);
    // The errors and warnings that are no gap are listed under them (the cards count them too; found by a new user).
    const check = JSON.parse((await kam(['check', book, ...AS_OF, '--format', 'json'])).stdout) as { findings: { rule: string; severity: string; cell?: string; message: string }[] };
    const key = (f: { rule: string; cell?: string; message?: string }): string => `${f.rule}|${f.cell ?? ''}|${f.message ?? ''}`;
    const inGaps = new Set((gaps.findings as { rule: string; cell?: string; message?: string }[]).map(key));
    const others = check.findings.filter((f) => (f.severity === 'error' || f.severity === 'warn') && !inGaps.has(key(f))).map((f) => f.rule);
    expect(seen.others.sort()).toEqual(others.sort());
    if (name === 'accounts-zh.xlsx') expect(others.sort()).toEqual(['account/declining-revenue', 'data/missing-value']);
    // Workload: the busiest people and their utilisation as kam load gives them.
    const util = new Map(load.people.map((p) => [p.name, p.utilization]));
    const staffed = load.people.filter((p) => p.capacity > 0 && p.status !== 'unknown' && p.status !== 'inactive');
    expect(seen.people.length).toBe(Math.min(20, staffed.length));
    // Busiest first.
    expect(seen.people.map(([, v]) => v)).toEqual([...seen.people.map(([, v]) => v)].sort((a, b) => b - a));
    for (const [person, value] of seen.people) expect(value).toBeCloseTo(util.get(person as string)!, 9);
    // Charts say their numbers to a screen reader.
    expect(seen.charts.every((a) => /\d/.test(a))).toBe(true);
    // Every chart has drawn something.
    for (const svg of await page.$$('svg.chart')) {
      const png = await svg.screenshot({ type: 'png' });
      expect(await inkOf(png)).toBeGreaterThan(200);
    }
    await page.close();
  }, 120_000);
});

describe('the shipped examples that are not whole books', () => {
  it.each(['accounts-zh.csv', 'raci-zh.xlsx'])('%s: a report all the same, its sections in place, no request, no error', async (name) => {
    const html = join(tempDir('kam-report-'), 'report.html');
    const r = await kam(['report', join(EXAMPLES, name), ...AS_OF, '-o', html]);
    expect(r.code).toBe(1);
    const page = await browser.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (req) => requests.push(req.url()));
    page.on('pageerror', (err) => errors.push(String(err)));
    await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
    expect(requests).toEqual([pathToFileURL(html).href]);
    expect(errors).toEqual([]);
    expect(await page.evaluate(`[...document.querySelectorAll('main > section')].map((s) => s.id)`)).toEqual(['summary', 'tiers', 'gaps', 'workload', 'heat']);
    await page.close();
  }, 60_000);
});
