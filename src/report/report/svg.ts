/**
 * The charts of `kam report`: inline SVG built here (no chart library, no script, no font), each
 * with a `<title>` and an `aria-label` that carry its numbers, every bar with its own `<title>` and
 * a text label (colour is never the only carrier of meaning). Coordinates are rounded to 0.1, so
 * the same data gives the same bytes.
 */
import { escapeHtml } from '../shared/html.js';

export interface Bar {
  label: string;
  value: number;
  /** The value as shown (`12`, `38%`). */
  text: string;
  /** A class for its colour (a tier, a status). */
  cls?: string;
}

const r1 = (n: number): string => (Math.round(n * 10) / 10).toFixed(1).replace(/\.0$/, '');

function svgOpen(width: number, height: number, title: string, aria: string, cls: string): string {
  return `<svg class="chart ${cls}" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" aria-label="${escapeHtml(aria)}"><title>${escapeHtml(title)}</title>`;
}

/** Vertical bars, one per category, each labelled with its value. */
export function barChart(bars: readonly Bar[], title: string, width = 420, height = 220): string {
  const aria = `${title}: ${bars.map((b) => `${b.label} ${b.text}`).join('; ')}`;
  const top = 24;
  const bottom = 36;
  const plot = height - top - bottom;
  const max = Math.max(0, ...bars.map((b) => b.value)) || 1;
  const band = (width - 20) / Math.max(1, bars.length);
  const w = Math.min(72, band * 0.6);
  const out = [svgOpen(width, height, title, aria, 'bars')];
  out.push(`<line class="axis" x1="10" y1="${r1(top + plot)}" x2="${r1(width - 10)}" y2="${r1(top + plot)}"/>`);
  bars.forEach((b, i) => {
    const h = (Math.max(0, b.value) / max) * plot;
    const x = 10 + band * i + (band - w) / 2;
    const y = top + plot - h;
    out.push(`<g class="bar ${b.cls ?? ''}" data-label="${escapeHtml(b.label)}" data-value="${escapeHtml(String(b.value))}">`);
    out.push(`<rect x="${r1(x)}" y="${r1(y)}" width="${r1(w)}" height="${r1(h)}"><title>${escapeHtml(`${b.label}: ${b.text}`)}</title></rect>`);
    out.push(`<text class="value" x="${r1(x + w / 2)}" y="${r1(y - 6)}" text-anchor="middle">${escapeHtml(b.text)}</text>`);
    out.push(`<text class="label" x="${r1(x + w / 2)}" y="${r1(top + plot + 20)}" text-anchor="middle">${escapeHtml(b.label)}</text></g>`);
  });
  out.push('</svg>');
  return out.join('');
}

export interface Threshold {
  value: number;
  label: string;
}

/** Horizontal bars (utilisation per person) against threshold lines (idle, high, over). */
export function hbarChart(bars: readonly Bar[], title: string, thresholds: readonly Threshold[], width = 560): string {
  const row = 22;
  const left = 130;
  const right = 70;
  // Threshold labels take two lines above the bars, alternately, so that close lines do not overlap.
  const top = 34;
  const height = top + row * Math.max(1, bars.length) + 8;
  const max = Math.max(1.2, ...bars.map((b) => b.value), ...thresholds.map((t) => t.value));
  const x = (v: number): number => left + (Math.max(0, v) / max) * (width - left - right);
  const aria = `${title}: ${bars.map((b) => `${b.label} ${b.text}`).join('; ')}`;
  const out = [svgOpen(width, height, title, aria, 'hbars')];
  bars.forEach((b, i) => {
    const y = top + row * i;
    out.push(`<g class="bar ${b.cls ?? ''}" data-label="${escapeHtml(b.label)}" data-value="${escapeHtml(String(b.value))}">`);
    out.push(`<text class="label" x="${left - 6}" y="${r1(y + row * 0.68)}" text-anchor="end">${escapeHtml(b.label)}</text>`);
    out.push(`<rect x="${left}" y="${r1(y + 3)}" width="${r1(x(b.value) - left)}" height="${r1(row - 6)}"><title>${escapeHtml(`${b.label}: ${b.text}`)}</title></rect>`);
    out.push(`<text class="value" x="${r1(x(b.value) + 4)}" y="${r1(y + row * 0.68)}">${escapeHtml(b.text)}</text></g>`);
  });
  thresholds.forEach((t, i) => {
    out.push(`<g class="threshold"><line x1="${r1(x(t.value))}" y1="${top - 4}" x2="${r1(x(t.value))}" y2="${r1(height - 4)}"/><text x="${r1(x(t.value))}" y="${i % 2 === 0 ? top - 8 : top - 22}" text-anchor="middle">${escapeHtml(t.label)}</text></g>`);
  });
  out.push('</svg>');
  return out.join('');
}

/**
 * The Pareto curve: cumulative share of revenue against the share of accounts (largest first),
 * with the ABC cut-offs as dashed lines, each marked where the curve crosses it. The cut-offs'
 * labels stand right of the plot, where the curve never is, at least a line apart (close cut-offs
 * would otherwise print over each other). At most 200 points, whatever the number of accounts.
 */
export function paretoChart(
  revenues: readonly number[],
  cutoffs: readonly number[],
  title: string,
  describe: (share: number, reached: number, total: number) => string = (share, reached, total) => `${Math.round(share * 100)}% of revenue from ${reached} of ${total} accounts`,
  width = 420,
  height = 240,
): string {
  const sorted = revenues.filter((v) => v > 0).sort((a, b) => b - a);
  const total = sorted.reduce((a, v) => a + v, 0);
  const pad = 32;
  // Room for `95% · 12345/100000` at 12px.
  const right = 120;
  const x = (f: number): number => pad + f * (width - pad - right);
  const y = (f: number): number => height - pad - f * (height - 2 * pad);
  const n = sorted.length;
  const points: string[] = [`${r1(x(0))},${r1(y(0))}`];
  let cumulative = 0;
  const step = Math.max(1, Math.ceil(n / 200));
  const reach: number[] = cutoffs.map(() => n);
  for (let i = 0; i < n; i++) {
    cumulative += sorted[i]!;
    const share = total > 0 ? cumulative / total : 0;
    cutoffs.forEach((c, k) => {
      if (share >= c - 1e-12 && reach[k] === n) reach[k] = i + 1;
    });
    if ((i + 1) % step === 0 || i === n - 1) points.push(`${r1(x((i + 1) / n))},${r1(y(share))}`);
  }
  const aria = `${title}: ${cutoffs.map((c, k) => describe(c, reach[k]!, n)).join('; ')}`;
  // Label baselines: at their line, pushed down to a line (14) below the label above.
  const line = 14;
  const order = cutoffs.map((_, k) => k).sort((a, b) => cutoffs[b]! - cutoffs[a]!);
  const labelAt: number[] = cutoffs.map(() => 0);
  let previous = -Infinity;
  for (const k of order) {
    labelAt[k] = Math.max(y(cutoffs[k]!) + 4, previous + line);
    previous = labelAt[k]!;
  }
  const out = [svgOpen(width, height, title, aria, 'pareto')];
  out.push(`<line class="axis" x1="${pad}" y1="${r1(y(0))}" x2="${r1(x(1))}" y2="${r1(y(0))}"/><line class="axis" x1="${pad}" y1="${r1(y(0))}" x2="${pad}" y2="${r1(y(1))}"/>`);
  cutoffs.forEach((c, k) => {
    const mark = n > 0 ? `<circle cx="${r1(x(reach[k]! / n))}" cy="${r1(y(c))}" r="3"/>` : '';
    out.push(`<g class="cutoff" data-share="${c}" data-accounts="${reach[k]}"><line x1="${pad}" y1="${r1(y(c))}" x2="${r1(x(1))}" y2="${r1(y(c))}"/>${mark}<text x="${r1(x(1) + 6)}" y="${r1(labelAt[k]!)}">${Math.round(c * 100)}% · ${reach[k]}/${n}</text></g>`);
  });
  out.push(`<polyline class="curve" points="${points.join(' ')}"><title>${escapeHtml(aria)}</title></polyline>`);
  out.push('</svg>');
  return out.join('');
}
