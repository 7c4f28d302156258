/**
 * `kam report -o report.html` (issue 12): one self-contained page for the planning meeting —
 * inline CSS and SVG built by kam, no script, no font, no image, no network (the CSP says so).
 * Sections with a sticky table of contents: summary cards, tiers, responsibility gaps, workload,
 * and the tasks × roles heat map; long lists show the top N and fold the rest in <details>.
 * Deterministic: the same inputs and --as-of give the same bytes.
 */
import { revenueGapLine } from '../tier/table.js';
import type { ReportResult } from '../../rules/report.js';
import { label, type LabelKey } from '../../i18n/labels.js';
import { tierName } from '../../model/tier.js';
import type { ReportContext } from '../context.js';
import { escapeHtml, pageHead } from '../shared/html.js';
import { countsText } from '../matrix/table.js';
import { findingMessage, findingWhere } from '../shared/findings.js';
import { fmtPercent, fmtScore, fmtTrend } from '../shared/numbers.js';
import { holderLines, unresolvedLines } from '../load/table.js';
import { barChart, hbarChart, paretoChart } from './svg.js';

const CSS = `
body { font: 15px/1.5 system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; margin: 0; color: #1f2328; }
header { padding: 1rem 1.5rem .5rem; } h1 { font-size: 1.5rem; margin: 0; } p.meta { color: #57606a; margin: .25rem 0 0; } p.note { color: #57606a; font-size: .9rem; }
nav { position: sticky; top: 0; background: #fff; border-bottom: 1px solid #d0d7de; padding: .4rem 1.5rem; z-index: 5; }
nav a { margin-right: 1.1rem; color: #0969da; text-decoration: none; }
main { padding: 0 1.5rem 2rem; max-width: 1200px; }
section { margin-top: 1.75rem; scroll-margin-top: 3rem; } h2 { font-size: 1.2rem; border-bottom: 1px solid #d0d7de; padding-bottom: .25rem; }
h3 { font-size: 1rem; margin: 1rem 0 .4rem; }
.cards { display: flex; flex-wrap: wrap; gap: .75rem; }
.card { border: 1px solid #d0d7de; border-radius: 6px; padding: .6rem .9rem; min-width: 9rem; }
.card .num { font-size: 1.6rem; font-weight: 600; } .card .what { color: #57606a; }
.card.bad .num { color: #cf222e; }
table { border-collapse: collapse; margin: .25rem 0 .75rem; }
th, td { border-bottom: 1px solid #d0d7de; padding: .25rem .6rem; text-align: left; vertical-align: top; }
thead th { background: #f6f8fa; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
.charts { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; }
svg.chart { max-width: 100%; height: auto; font-size: 12px; }
figure { margin: 0; } figcaption { font-size: .9rem; color: #57606a; margin-bottom: .25rem; }
svg .axis { stroke: #8c959f; } svg .bar rect { fill: #6e7781; }
svg .strategic rect { fill: #cf222e; } svg .important rect { fill: #bf8700; } svg .normal rect { fill: #6e7781; }
svg .over rect { fill: #cf222e; } svg .high rect { fill: #bf8700; } svg .ok rect { fill: #1a7f37; } svg .idle rect { fill: #8c959f; }
svg .threshold line, svg .cutoff line { stroke: #57606a; stroke-dasharray: 4 3; } svg .curve { fill: none; stroke: #0969da; stroke-width: 2; } svg .cutoff circle { fill: #0969da; }
.sev-error { color: #cf222e; font-weight: 600; } .sev-warn { color: #9a6700; font-weight: 600; } .sev-info { color: #57606a; }
td.h1 { background: #ddf4ff; } td.h2 { background: #b6e3ff; } td.h3 { background: #80ccff; } td.h4 { background: #54aeff; }
details summary { cursor: pointer; color: #0969da; margin: .3rem 0; }
@media print { nav { position: static; } section { break-before: page; } section:first-of-type { break-before: auto; } details { display: block; } }
`;

/** Rows folded into a section's <details> at most; beyond them the rest is counted, not listed. */
export const FOLD_MAX = 200;

/** The report as one HTML page. */
export function reportHtml(r: ReportResult, ctx: ReportContext): string {
  const { lang } = ctx;
  const L = (k: LabelKey, p: Record<string, string | number> = {}): string => escapeHtml(label(lang, k, p));
  const esc = (v: unknown): string => escapeHtml(v === undefined || v === null ? '' : String(v));
  const tierOf = (id: string | undefined): string => tierName(r.tiers, id, lang);
  const top = Math.max(1, r.top);
  // Past --top, a list folds into <details>, and past FOLD_MAX more it is only counted: the report
  // of a 100,000-account book stays a few MB (the other commands list everything).
  const folded = <T>(items: readonly T[], row: (item: T) => string, head: string): string => {
    const shown = items.slice(0, top).map(row).join('');
    const rest = items.slice(top, top + FOLD_MAX);
    const table = (body: string): string => `<table>${head}<tbody>${body}</tbody></table>`;
    return table(shown) + (rest.length > 0 ? `<details><summary>${L('report.more', { n: items.length - top })}</summary>${table(rest.map(row).join(''))}${unlisted(items.length - top - rest.length)}</details>` : '');
  };
  const unlisted = (n: number): string => (n > 0 ? `<p>${L('report.unlisted', { n })}</p>` : '');

  // The cards count every finding of the check, as the exit code does; the sections show the gaps.
  const errors = r.findings.filter((f) => f.severity === 'error').length;
  const warnings = r.findings.filter((f) => f.severity === 'warn').length;
  const over = r.load.people.filter((p) => p.status === 'over').length;
  const overdue = r.gaps.findings.filter((f) => f.rule === 'time/overdue').length;
  const card = (num: number, what: string, bad = false): string => `<div class="card${bad && num > 0 ? ' bad' : ''}"><div class="num">${num}</div><div class="what">${what}</div></div>`;

  const out: string[] = [
    ...pageHead(lang, `${label(lang, 'report.title')} · ${r.file}`, CSS),
    `<header><h1>${L('report.title')}</h1><p class="meta">${esc(r.file)} · ${L('tier.asOf', { date: r.asOf })}</p></header>`,
    `<nav aria-label="${L('report.toc')}"><a href="#summary">${L('report.summary')}</a><a href="#tiers">${L('report.tiers')}</a><a href="#gaps">${L('report.gaps')}</a><a href="#workload">${L('report.workload')}</a><a href="#heat">${L('report.heat')}</a></nav>`,
    '<main>',
    `<section id="summary"><h2>${L('report.summary')}</h2><div class="cards">`,
    ...(r.tier ? r.tier.summary.map((s) => card(s.count, `${esc(tierOf(s.tier))} · ${L('report.accounts')}`)) : []),
    card(errors, L('report.errors'), true),
    card(warnings, L('report.warnings'), true),
    card(over, L('report.overCapacity'), true),
    card(overdue, L('report.overdue'), true),
    '</div></section>',
  ];

  // Tiers: accounts per tier, the Pareto curve with the ABC cut-offs, the top accounts.
  out.push(`<section id="tiers"><h2>${L('report.tiers')}</h2>`);
  if (!r.tier) out.push(`<p>${L('report.noScores')}</p>`);
  else {
    const t = r.tier;
    const bars = t.summary.map((s) => ({ label: tierOf(s.tier), value: s.count, text: String(s.count), cls: s.tier }));
    const shares = t.summary.map((s) => ({ label: tierOf(s.tier), value: s.revenueShare, text: fmtPercent(s.revenueShare), cls: s.tier }));
    const counts = label(lang, 'report.tierCounts');
    const revenue = label(lang, 'report.revenueShare');
    const pareto = label(lang, 'report.pareto');
    out.push(
      '<div class="charts">',
      figure(counts, barChart(bars, counts)),
      figure(revenue, barChart(shares, revenue)),
      figure(pareto, paretoChart(t.accounts.map((a) => a.revenue ?? 0), r.cutoffs, pareto, (share, n, total) => label(lang, 'report.paretoCut', { share: `${Math.round(share * 100)}%`, n, total }))),
      '</div>',
    );
    out.push(`<table><thead><tr><th scope="col">${L('tier')}</th><th scope="col">${L('count')}</th><th scope="col">${L('revenue')}</th><th scope="col">${L('share')}</th></tr></thead><tbody>`);
    for (const s of t.summary) out.push(`<tr><th scope="row">${esc(tierOf(s.tier))}</th><td class="n">${s.count}</td><td class="n">${esc(s.revenue.toLocaleString('en-US'))}</td><td class="n">${esc(fmtPercent(s.revenueShare))}</td></tr>`);
    out.push('</tbody></table>');
    const gap = revenueGapLine(t, lang);
    if (gap) out.push(`<p class="note">${esc(gap)}</p>`);
    out.push(`<h3>${L('report.topAccounts')}</h3>`);
    const head = `<thead><tr><th scope="col">${L('rank')}</th><th scope="col">${L('name')}</th><th scope="col">${L('score')}</th><th scope="col">${L('tier')}</th><th scope="col">${L('recorded')}</th><th scope="col">${L('movement')}</th><th scope="col">${L('trend')}</th></tr></thead>`;
    const move = (m: string): string => (m === '↑' ? `↑ ${L('move.up')}` : m === '↓' ? `↓ ${L('move.down')}` : m === '=' ? L('move.same') : L('new'));
    out.push(
      folded(
        t.accounts,
        (a) => `<tr><td class="n">${a.rank}</td><th scope="row">${esc(a.name)}</th><td class="n">${esc(fmtScore(a.score))}</td><td>${esc(tierOf(a.tier))}</td><td>${esc(a.recordedTier ? tierOf(a.recordedTier) : (a.recordedText ?? ''))}</td><td>${move(a.movement)}</td><td class="n">${esc(fmtTrend(a.trend))}</td></tr>`,
        head,
      ),
    );
  }
  out.push('</section>');

  // Gaps: by account, most severe and highest tier first, each with its cell.
  out.push(`<section id="gaps"><h2>${L('report.gaps')}</h2>`);
  if (r.gaps.groups.length === 0) out.push(`<p>${L('report.noGaps')}</p>`);
  const groupHtml = (g: ReportResult['gaps']['groups'][number]): string => {
    const rows = g.findings.map((f) => `<tr><td class="sev-${f.severity}">${L(`severity.${f.severity}`)}</td><td>${esc(findingWhere(f) ?? '')}</td><td>${esc(findingMessage(f, lang, r.tiers))}</td><td>${esc(f.rule)}</td></tr>`).join('');
    return `<h3>${g.account ? esc(g.account) : L('gaps.other')}${g.id ? ` (${esc(g.id)})` : ''}${g.tier ? ` · ${esc(tierOf(g.tier))}` : ''}</h3><table><thead><tr><th scope="col">${L('report.severity')}</th><th scope="col">${L('report.cell')}</th><th scope="col">${L('report.problem')}</th><th scope="col">${L('report.rule')}</th></tr></thead><tbody>${rows}</tbody></table>`;
  };
  out.push(r.gaps.groups.slice(0, top).map(groupHtml).join(''));
  if (r.gaps.groups.length > top) {
    const rest = r.gaps.groups.slice(top, top + FOLD_MAX);
    out.push(`<details><summary>${L('report.more', { n: r.gaps.groups.length - top })}</summary>${rest.map(groupHtml).join('')}${unlisted(r.gaps.groups.length - top - rest.length)}</details>`);
  }
  // The errors and warnings that are no gap (a sheet missing, a declining revenue, an empty scoring cell): listed
  // too, so that the page shows what its cards count (found by a new user: 17 warnings counted, 15 listed), as the markdown does.
  const inGaps = new Set(r.gaps.findings);
  const others = r.findings.filter((f) => (f.severity === 'error' || f.severity === 'warn') && !inGaps.has(f));
  if (others.length > 0) {
    const head = `<thead><tr><th scope="col">${L('report.severity')}</th><th scope="col">${L('report.accounts')}</th><th scope="col">${L('report.cell')}</th><th scope="col">${L('report.problem')}</th><th scope="col">${L('report.rule')}</th></tr></thead>`;
    out.push(
      `<h3 class="others">${L('report.otherFindings')}</h3>`,
      folded(others, (f) => `<tr><td class="sev-${f.severity}">${L(`severity.${f.severity}`)}</td><td>${esc(f.account ?? L('report.noAccount'))}</td><td>${esc(findingWhere(f) ?? '')}</td><td>${esc(findingMessage(f, lang, r.tiers))}</td><td>${esc(f.rule)}</td></tr>`, head),
    );
  }
  out.push('</section>');

  // Workload: utilisation bars against the thresholds, fairness per role, the suggested moves.
  const th = r.load.thresholds;
  out.push(`<section id="workload"><h2>${L('report.workload')}</h2>`);
  // People of the Staff sheet, busiest first (someone the sheet lacks is a gap, not a workload).
  const people = r.load.people.filter((p) => p.capacity > 0 && p.status !== 'unknown' && p.status !== 'inactive').sort((a, b) => b.utilization - a.utilization || a.name.localeCompare(b.name));
  const busiest = people.slice(0, top);
  const utilization = label(lang, 'report.utilization');
  out.push(
    figure(
      utilization,
      hbarChart(
        busiest.map((p) => ({ label: p.name, value: p.utilization, text: fmtPercent(p.utilization, 0), cls: p.status })),
        utilization,
        [
          { value: th.idle, label: `${label(lang, 'report.idle')} ${fmtPercent(th.idle, 0)}` },
          { value: th.high, label: `${label(lang, 'report.high')} ${fmtPercent(th.high, 0)}` },
          { value: th.over, label: `${label(lang, 'report.over')} ${fmtPercent(th.over, 0)}` },
        ],
      ),
    ),
  );
  if (people.length > top) out.push(`<p>${L('report.more', { n: people.length - top })}</p>`);
  // People no longer 在职 who still hold work, and people the Staff sheet does not list: no bar (no capacity to
  // measure against), but named with their hours (found by new users).
  for (const line of holderLines(r.load, lang)) out.push(`<p class="inactive">${escapeHtml(line)}</p>`);
  out.push(`<h3>${L('report.fairness')}</h3><table><thead><tr><th scope="col">${L('role')}</th><th scope="col">${L('report.people')}</th><th scope="col">${L('report.mean')}</th><th scope="col">${L('report.spread')}</th><th scope="col">${L('report.maxMin')}</th></tr></thead><tbody>`);
  for (const f of r.load.fairness) out.push(`<tr><th scope="row">${esc(f.role)}</th><td class="n">${f.people}</td><td class="n">${esc(fmtPercent(f.mean, 0))}</td><td class="n">${esc(fmtPercent(f.stdDev, 0))}</td><td class="n">${Number.isFinite(f.maxMinRatio) ? `${f.maxMinRatio.toFixed(1)}×` : '∞'}</td></tr>`);
  out.push('</tbody></table>', `<h3>${L('report.moves')}</h3>`);
  const moves = r.load.suggestion?.moves ?? [];
  // Who stays over, and why (found by a new user: the page said nobody was over when someone stayed over).
  const unresolved = unresolvedLines(r.load, lang);
  if (moves.length === 0 && unresolved.length === 0) out.push(`<p>${L('report.noMoves')}</p>`);
  for (const line of unresolved) out.push(`<p class="over">${escapeHtml(line)}</p>`);
  if (moves.length > 0) {
    const head = `<thead><tr><th scope="col">${L('report.work')}</th><th scope="col">${L('report.hours')}</th><th scope="col">${L('report.from')}</th><th scope="col">${L('report.to')}</th></tr></thead>`;
    out.push(
      folded(
        moves,
        (m) =>
          `<tr><th scope="row">${esc(`${m.item.group.account?.name ?? m.item.group.accountText} · ${m.item.assignment.task}`)}</th><td class="n">${esc(m.hours.toFixed(2))}</td><td>${esc(m.from.name)} ${esc(fmtPercent(m.fromBefore, 0))} → ${esc(fmtPercent(m.fromAfter, 0))}</td><td>${esc(m.to.name)} ${esc(fmtPercent(m.toBefore, 0))} → ${esc(fmtPercent(m.toAfter, 0))}</td></tr>`,
        head,
      ),
    );
  }
  out.push('</section>');

  // The heat map: letters per task and role, shaded by how many there are (the counts are written too).
  const heat = r.heat;
  const max = Math.max(1, ...heat.taskRows.flatMap((t) => [...t.cells.values()].map((c) => c.R + c.A + c.C + c.I)));
  out.push(`<section id="heat"><h2>${L('report.heat')}</h2><table><thead><tr><th scope="col">${L('report.task')}</th>${heat.columns.map((c) => `<th scope="col">${esc(c.label)}</th>`).join('')}</tr></thead><tbody>`);
  for (const t of heat.taskRows) {
    const cells = heat.columns.map((c) => {
      const counts = t.cells.get(c.key);
      const n = counts ? counts.R + counts.A + counts.C + counts.I : 0;
      const level = n === 0 ? '' : ` class="h${Math.min(4, 1 + Math.floor((n / max) * 3.999))}"`;
      return `<td${level}>${esc(countsText(counts))}</td>`;
    });
    out.push(`<tr><th scope="row">${esc(t.task)}</th>${cells.join('')}</tr>`);
  }
  out.push('</tbody></table></section>', '</main>', '</body>', '</html>', '');
  return out.join('\n');
}

/** A chart with its title shown above it (the SVG's own title is only a tooltip and a screen reader's). */
function figure(caption: string, svg: string): string {
  return `<figure><figcaption>${escapeHtml(caption)}</figcaption>${svg}</figure>`;
}
