/**
 * `kam matrix` for the terminal. Account view: accounts with their tasks under them, one column
 * per person (grouped by department), letters coloured, the check columns #A and #R marked when
 * a RACI rule fires, and totals per column. A matrix wider than the terminal is split into pages
 * of columns, each with the row labels again (a note says which columns a page holds). Task view:
 * letters counted per task. Person view: one block per person.
 */
import type { ChalkInstance } from 'chalk';
import { LETTER_ORDER, lettersText } from '../../model/codes.js';
import type { Matrix, MatrixColumn, MatrixRow } from '../../matrix/build.js';
import { tierLabel } from '../../model/tier.js';
import { label } from '../../i18n/labels.js';
import { safeText } from '../../util/safe-text.js';
import { displayWidth, pad, truncate } from '../../util/width.js';
import type { ReportContext } from '../context.js';
import { joinFitting, wrapLines } from '../shared/fit.js';
import { fmtPercent } from '../shared/numbers.js';
import { activityCount, columnHeader, countsText, rowFlags } from './table.js';

const GAP = 2;
/** Row labels never take more than this (accounts and tasks are cut with …). */
const MAX_LABEL = 28;

export function matrixText(m: Matrix, ctx: ReportContext): string {
  const { lang, color: c } = ctx;
  const head = [label(lang, 'matrix.title'), safeText(m.file), label(lang, 'tier.asOf', { date: m.asOf }), label(lang, 'matrix.summary', { rows: activityCount(m), columns: m.columns.length })];
  const out = joinFitting(head, ' · ', ctx.width).map((l) => c.bold(l));
  out.push('');
  if ((m.view === 'task' ? m.taskRows.length : m.rows.length) === 0) {
    out.push(c.dim(label(lang, 'matrix.empty')));
    return `${out.join('\n')}\n`;
  }
  // (concat, not push(...): a matrix of thousands of accounts has more lines than a call takes arguments.)
  const lines = out.concat(m.view === 'person' ? personBlocks(m, ctx) : grid(m, ctx));
  return `${lines.join('\n')}\n`;
}

/** A letters cell coloured by its letters: A red, R green, C cyan, I dim (the text says it without colour). */
export function paintLetters(text: string, c: ChalkInstance): string {
  if (text.includes('A')) return c.red.bold(text);
  if (text.includes('R')) return c.green.bold(text);
  if (text.includes('C')) return c.cyan(text);
  return c.dim(text);
}

interface Line {
  /** The row label, indented for tasks under their account. */
  label: string;
  /** A group line (an account) has no cells. */
  group?: boolean;
  cells?: Map<string, string>;
  checks?: string[];
  flagged?: boolean[];
  rules?: string;
}

/** The account view (or the task view) as pages of columns. */
function grid(m: Matrix, ctx: ReportContext): string[] {
  const { lang, color: c } = ctx;
  const lines: Line[] = [];
  if (m.view === 'task') {
    for (const t of m.taskRows) lines.push({ label: safeText(t.task), cells: new Map(m.columns.map((col) => [col.key, countsText(t.cells.get(col.key), ' ')])), checks: [String(t.activities)], flagged: [false] });
  } else {
    let last: string | undefined;
    for (const r of m.rows) {
      const account = accountLabel(r, m, lang);
      if (account !== last) {
        lines.push({ label: account, group: true });
        last = account;
      }
      const flags = rowFlags(m, r);
      lines.push({
        label: `  ${safeText(r.task)}`,
        cells: new Map(m.columns.map((col) => [col.key, lettersText(r.cells.get(col.key) ?? 0)])),
        checks: [String(r.a), String(r.r)],
        flagged: [flags.a, flags.r],
        rules: r.rules.join(' '),
      });
    }
  }
  const checkHead = m.view === 'task' ? [label(lang, 'matrix.activities')] : ['#A', '#R'];
  const totalLabels = m.view === 'task' ? [] : [label(lang, 'matrix.accounts'), label(lang, 'matrix.hours'), label(lang, 'matrix.utilization')].map((t) => displayWidth(t) + 2);
  const labelWidth = Math.min(MAX_LABEL, Math.max(displayWidth(label(lang, m.view === 'task' ? 'matrix.task' : 'matrix.account')), ...totalLabels, widest(lines.map((l) => l.label))));
  // (The totals under the grid fit their columns too: `10.7` hours under `Bob` shifted the rest.)
  const totals = new Map(m.totals.map((t) => [t.key, t]));
  const widths = new Map(m.columns.map((col) => [col.key, Math.max(3, displayWidth(safeText(columnHeader(m, col, lang))), widest(lines.map((l) => l.cells?.get(col.key) ?? '')), m.view === 'task' ? 0 : widest(totalTexts(totals.get(col.key))))]));
  // A department's name over its people fits (`销售部` over one person's narrow column was `销…`): its last column is widened.
  if (m.columnMode === 'person') {
    for (let i = 0; i < m.columns.length; ) {
      const dept = m.columns[i]!.department;
      let j = i;
      let span = -GAP;
      while (j < m.columns.length && m.columns[j]!.department === dept) span += widths.get(m.columns[j++]!.key)! + GAP;
      const need = dept === undefined ? 0 : displayWidth(safeText(dept)) - span;
      if (need > 0) widths.set(m.columns[j - 1]!.key, widths.get(m.columns[j - 1]!.key)! + need);
      i = j;
    }
  }
  const checkWidths = checkHead.map((h) => Math.max(displayWidth(h), 2) + 1);
  const fixed = labelWidth + checkWidths.reduce((s, w) => s + w + GAP, 0);
  // A page of one column still fits the width: a long name is cut (letters and totals are short; found by a new user).
  if (ctx.width !== undefined) {
    const most = Math.max(6, ctx.width - fixed - GAP);
    for (const [key, w] of widths) if (w > most) widths.set(key, most);
  }
  // Pages of columns that fit beside the row labels and check columns.
  const pages: MatrixColumn[][] = [];
  let page: MatrixColumn[] = [];
  let used = fixed;
  for (const col of m.columns) {
    const w = widths.get(col.key)! + GAP;
    if (ctx.width !== undefined && page.length > 0 && used + w > ctx.width) {
      pages.push(page);
      page = [];
      used = fixed;
    }
    page.push(col);
    used += w;
  }
  pages.push(page);
  const out: string[] = [];
  let first = 0;
  pages.forEach((cols, p) => {
    if (pages.length > 1) out.push(c.dim(label(lang, 'matrix.page', { from: first + 1, to: first + cols.length, of: m.columns.length, page: p + 1, pages: pages.length })));
    first += cols.length;
    // Department group line over the people, when the columns are people of departments.
    if (m.columnMode === 'person' && cols.some((col) => col.department !== undefined)) {
      let line = ' '.repeat(labelWidth);
      let i = 0;
      while (i < cols.length) {
        const dept = cols[i]!.department;
        let span = 0;
        let j = i;
        while (j < cols.length && cols[j]!.department === dept) span += widths.get(cols[j++]!.key)! + GAP;
        line += pad(truncate(safeText(dept ?? ''), span - GAP), span, 'left');
        i = j;
      }
      out.push(c.dim(line.trimEnd()));
    }
    const header = pad(label(lang, m.view === 'task' ? 'matrix.task' : 'matrix.account'), labelWidth, 'left') + cols.map((col) => ' '.repeat(GAP) + pad(truncate(safeText(columnHeader(m, col, lang)), widths.get(col.key)!), widths.get(col.key)!, 'left')).join('') + checkHead.map((h, i) => ' '.repeat(GAP) + pad(h, checkWidths[i]!, 'right')).join('');
    out.push(c.bold(header.trimEnd()));
    for (const l of lines) {
      if (l.group) {
        out.push(c.bold(truncate(l.label, ctx.width ?? Number.MAX_SAFE_INTEGER)));
        continue;
      }
      let line = pad(truncate(l.label, labelWidth), labelWidth, 'left');
      for (const col of cols) {
        const text = l.cells!.get(col.key) ?? '';
        line += ' '.repeat(GAP) + (m.view === 'task' ? pad(text, widths.get(col.key)!, 'left') : paintLetters(pad(text, widths.get(col.key)!, 'left'), c));
      }
      l.checks!.forEach((v, i) => {
        const text = pad(l.flagged![i] ? `${v}✖` : v, checkWidths[i]!, 'right');
        line += ' '.repeat(GAP) + (l.flagged![i] ? c.red(text) : text);
      });
      // The rules that fire, whole: after the row when they fit the width, else on lines of their own under it.
      const fits = ctx.width === undefined || displayWidth(line) + 2 + displayWidth(l.rules ?? '') <= ctx.width;
      if (l.rules && fits) line += `  ${c.dim(l.rules)}`;
      out.push(line.trimEnd());
      if (l.rules && !fits) for (const w of wrapLines(l.rules, (ctx.width ?? 80) - 4)) out.push(`    ${c.dim(w)}`);
    }
    if (m.view !== 'task') out.push('', ...totalLines(m, cols, widths, labelWidth, ctx));
    if (p < pages.length - 1) out.push('');
  });
  return out;
}

/** Totals under the grid: letters held, accounts held, weekly hours and utilisation per column. */
function totalLines(m: Matrix, cols: MatrixColumn[], widths: Map<string, number>, labelWidth: number, ctx: ReportContext): string[] {
  const { lang, color: c } = ctx;
  const byKey = new Map(m.totals.map((t) => [t.key, t]));
  const texts = new Map(cols.map((col) => [col.key, totalTexts(byKey.get(col.key))]));
  const row = (name: string, i: number): string => (pad(name, labelWidth, 'left') + cols.map((col) => ' '.repeat(GAP) + pad(texts.get(col.key)![i]!, widths.get(col.key)!, 'left')).join('')).trimEnd();
  const names = [...LETTER_ORDER.map((l) => `  ${l}`), `  ${label(lang, 'matrix.accounts')}`, `  ${label(lang, 'matrix.hours')}`, `  ${label(lang, 'matrix.utilization')}`];
  return [c.bold(label(lang, 'matrix.sheet.totals')), ...names.map((name, i) => c.dim(row(name, i)))];
}

/** A column's totals as the lines under the grid show them: R, A, C, I, accounts, hours a week, utilisation. */
function totalTexts(t: Matrix['totals'][number] | undefined): string[] {
  const u = t?.utilization;
  return [...LETTER_ORDER.map((l) => String(t?.[l] ?? 0)), String(t?.accounts ?? 0), (t?.hours ?? 0).toFixed(1), u === undefined ? '—' : fmtPercent(u, 0)];
}

/** The person view: a block per person — their activities, letters and weekly hours. */
function personBlocks(m: Matrix, ctx: ReportContext): string[] {
  const { lang, color: c } = ctx;
  const out: string[] = [];
  const totals = new Map(m.totals.map((t) => [t.key, t]));
  const byPerson = new Map<string, MatrixRow[]>();
  for (const r of m.rows) {
    const list = byPerson.get(r.person ?? '');
    if (list) list.push(r);
    else byPerson.set(r.person ?? '', [r]);
  }
  for (const col of m.columns) {
    const rows = byPerson.get(col.label);
    if (!rows) continue;
    const t = totals.get(col.key);
    // (A department's own block: its name once, and no hours of its own — its people carry them; by department
    // or by role, a block gathers its people, and their hours.)
    const person = col.kind === 'person';
    const about = [
      safeText(col.label),
      ...(col.department && (person || col.department !== col.label) ? [safeText(col.department)] : []),
      ...(col.role && col.role !== col.label ? [safeText(col.role)] : []),
      ...(person || m.columnMode !== 'person' ? [`${(t?.hours ?? 0).toFixed(1)} ${label(lang, 'matrix.perWeek')}${t?.utilization !== undefined ? ` (${fmtPercent(t.utilization, 0)})` : ''}`] : []),
    ];
    out.push(...joinFitting(about, ' · ', ctx.width).map((l) => c.bold(l)));
    const labels = rows.map((r) => `  ${accountLabel(r, m, lang)} · ${safeText(r.task)}`);
    const w = Math.min(widest(labels), ctx.width !== undefined ? Math.max(20, ctx.width - 16) : Number.MAX_SAFE_INTEGER);
    rows.forEach((r, i) => {
      const letters = lettersText(r.letters ?? 0);
      out.push(`${pad(truncate(labels[i]!, w), w, 'left')}  ${paintLetters(pad(letters, 5, 'left'), c)}  ${(r.hours ?? 0).toFixed(2).padStart(6)}`);
    });
    out.push('');
  }
  return out;
}

/** The widest of many texts (a loop: spreading 100,000 arguments overflows the stack). */
function widest(texts: readonly string[]): number {
  let w = 0;
  for (const t of texts) w = Math.max(w, displayWidth(t));
  return w;
}

function accountLabel(r: MatrixRow, m: Matrix, lang: ReportContext['lang']): string {
  const tier = r.tier !== undefined ? tierLabel(m.tiers.find((t) => t.id === r.tier), lang) : undefined;
  return [`${safeText(r.account)}${r.accountId !== undefined ? ` (${safeText(r.accountId)})` : ''}`, ...(tier ? [tier] : [])].join(' · ');
}
