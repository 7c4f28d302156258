/**
 * Fitting text output to the terminal's width (`ReportContext.width`; none: no limit). Free text
 * gives way — names are cut with `…`, sentences wrap — while numbers, cell references and rule
 * codes are kept whole. What cannot shrink below its minimum stays at it, and the line is then
 * wider than the terminal.
 */
import { displayWidth, truncate, wrap } from '../../util/width.js';

/** How a column or a part of a line gives way to the width. */
export interface Give {
  /** Free text that may be cut: columns give way in the order of this number (1 first), the widest first among equals. Without it: never cut. */
  give?: number;
  /** The narrowest it is cut to (default {@link MIN_CUT}, or its own width if narrower). */
  min?: number;
}

/** The narrowest a cut name is by default: `…` and two CJK characters or five letters. */
export const MIN_CUT = 6;

/** The narrowest the text of a wrapped sentence is, whatever the width. */
const MIN_WRAP = 20;

/**
 * Widths cut down so that they add up to at most `room`: those that give way, in their order,
 * each time the widest by one column, none below its minimum. At the minimum the sum may exceed `room`.
 */
export function shrinkWidths(widths: readonly number[], gives: readonly Give[], room: number): number[] {
  const out = [...widths];
  let excess = out.reduce((s, w) => s + w, 0) - room;
  const orders = [...new Set(gives.map((g) => g.give).filter((g) => g !== undefined))].sort((a, b) => a - b);
  for (const order of orders) {
    const cols = gives.flatMap((g, i) => (g.give === order ? [i] : []));
    const floor = (i: number): number => Math.min(widths[i]!, Math.max(1, gives[i]!.min ?? MIN_CUT));
    while (excess > 0) {
      let widest = -1;
      for (const i of cols) if (out[i]! > floor(i) && (widest < 0 || out[i]! > out[widest]!)) widest = i;
      if (widest < 0) break;
      out[widest]!--;
      excess--;
    }
  }
  return out;
}

export type Align = 'left' | 'right';

/** A table column: its alignment, and whether and how it gives way to the width. */
export interface Column extends Give {
  align: Align;
  /** How a cell is cut to a width (default: truncated with `…`); a header is always truncated. */
  cut?: (cell: string, width: number) => string;
}

/** The width of each column: its widest cell or header. */
export function columnWidths(head: readonly string[], rows: readonly (readonly string[])[]): number[] {
  const widths = head.map((h) => displayWidth(h));
  for (const r of rows) {
    for (let i = 0; i < r.length; i++) {
      const w = displayWidth(r[i]!);
      if (w > widths[i]!) widths[i] = w;
    }
  }
  return widths;
}

/**
 * A table's header and cells with the columns that give way cut so that the columns add up to at
 * most `room` (none: as they are), and the width of each column.
 */
export function fitColumns(head: string[], rows: string[][], columns: readonly Column[], room: number | undefined): { head: string[]; rows: string[][]; widths: number[] } {
  const natural = columnWidths(head, rows);
  if (room === undefined) return { head, rows, widths: natural };
  const widths = shrinkWidths(natural, columns, room);
  const cutRow = (cells: string[], isHead: boolean): string[] =>
    cells.map((c, i) => {
      const w = widths[i]!;
      if (w >= natural[i]! || displayWidth(c) <= w) return c;
      return isHead ? truncate(c, w) : (columns[i]!.cut ?? truncate)(c, w);
    });
  return { head: cutRow(head, true), rows: rows.map((r) => cutRow(r, false)), widths };
}

/** A name cut to what `taken` columns of other text leave of the width, but never below {@link MIN_CUT} columns; whole without a width. */
export function cutTo(text: string, width: number | undefined, taken = 0): string {
  if (width === undefined) return text;
  return truncate(text, Math.max(width - taken, Math.min(MIN_CUT, displayWidth(text))));
}

/** Text cut to a width, its last word (a number) kept whole: `年采购额(万元) 35.0` → `年采… 35.0`. */
export function cutKeepingLast(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  const space = text.lastIndexOf(' ');
  if (space < 0) return truncate(text, width);
  const last = text.slice(space);
  return truncate(text.slice(0, space), width - displayWidth(last)) + last;
}

/** Parts joined by a separator on as few lines as the width allows; a part wider than a line is cut. */
export function joinFitting(parts: readonly string[], sep: string, width: number | undefined): string[] {
  if (width === undefined) return [parts.join(sep)];
  const lines: string[] = [];
  let line: string | undefined;
  for (const part of parts) {
    const next = line === undefined ? part : `${line}${sep}${part}`;
    if (line === undefined || displayWidth(next) <= width) line = next;
    else {
      lines.push(line);
      line = part;
    }
  }
  if (line !== undefined) lines.push(line);
  return lines.map((l) => cutTo(l, width));
}

export interface WrapOptions {
  /** Columns of the continuation lines' indent. */
  indent: number;
  /** Kept whole after the text (a rule code), two spaces after it or alone on the next line. */
  tail?: string;
  /** Styles each line's text (not the lead). */
  paint?: (s: string) => string;
}

/**
 * A sentence after a lead (`  ✖ error  Sheet!B16  `), wrapped to the width with continuation
 * lines indented; the lead and the tail are never cut. When the lead leaves too little room the
 * sentence starts on the next line; the text is at least {@link MIN_WRAP} columns wide.
 */
export function wrapAfter(lead: string, text: string, width: number | undefined, options: WrapOptions): string[] {
  const paint = options.paint ?? ((s: string) => s);
  const tail = options.tail ?? '';
  if (width === undefined) return [`${lead}${paint(text)}${tail ? `  ${tail}` : ''}`];
  const indent = ' '.repeat(options.indent);
  const rest = Math.max(MIN_WRAP, width - options.indent);
  const first = width - displayWidth(lead);
  const out: string[] = [];
  let body: string[];
  if (first < MIN_WRAP) {
    out.push(lead.trimEnd());
    body = wrap(text, rest).map((l) => indent + paint(l));
  } else {
    body = wrap(text, rest, first).map((l, i) => (i === 0 ? lead : indent) + paint(l));
  }
  out.push(...body);
  if (tail) {
    const last = out.length - 1;
    if (displayWidth(out[last]!) + 2 + displayWidth(tail) <= width) out[last] = `${out[last]!}  ${tail}`;
    else out.push(indent + tail);
  }
  return out;
}

/** A sentence wrapped to the width (each line painted); one line when there is no width. */
export function wrapLines(text: string, width: number | undefined, paint: (s: string) => string = (s) => s): string[] {
  return (width === undefined ? [text] : wrap(text, Math.max(MIN_WRAP, width))).map(paint);
}
