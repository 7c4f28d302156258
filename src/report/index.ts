/**
 * The renderers, by result kind and then format: the one map from which each command's formats,
 * commander's `.choices()`, the help text and the `-o` extensions are derived. Adding a format to
 * a kind is one file and one entry here.
 */
import type { ConfigResult } from '../config/resolve.js';
import type { Finding } from '../model/finding.js';
import type { WorkbookSheet } from '../model/styled-sheet.js';
import { GAP_RULES, type CheckReport, type GapsReport } from '../rules/check.js';
import type { ReportResult } from '../rules/report.js';
import { reportHtml } from './report/html.js';
import { reportMarkdown } from './report/markdown.js';
import type { TierReport } from '../scoring/score.js';
import type { LoadReport } from '../workload/report.js';
import type { Matrix } from '../matrix/build.js';
import type { DiffResult } from '../diff/compare.js';
import type { TextconvResult } from '../diff/side.js';
import { diffCsv } from './diff/csv.js';
import { diffGithub } from './diff/github.js';
import { diffJson } from './diff/json.js';
import { diffMarkdown } from './diff/markdown.js';
import { diffText } from './diff/text.js';
import { textconvText } from './diff/textconv.js';
import { matrixCsv } from './matrix/csv.js';
import { matrixJson } from './matrix/json.js';
import { matrixMarkdown } from './matrix/markdown.js';
import { matrixText } from './matrix/text.js';
import { matrixHtml } from './matrix/html.js';
import { matrixSheets } from './matrix/xlsx.js';
import { configJson } from './config/json.js';
import type { ReportContext } from './context.js';
import { githubAnnotations } from './findings/github.js';
import { findingsJson } from './findings/json.js';
import { junit } from './findings/junit.js';
import { findingsMarkdown } from './findings/markdown.js';
import { checkText, gapsText } from './findings/text.js';
import { loadCsv } from './load/csv.js';
import { loadJson } from './load/json.js';
import { loadMarkdown } from './load/markdown.js';
import { loadText } from './load/text.js';
import { tierCsv } from './tier/csv.js';
import { tierJson } from './tier/json.js';
import { tierMarkdown } from './tier/markdown.js';
import { tierText } from './tier/text.js';
import { tierSheets } from './tier/xlsx.js';
import { guardCommandLines, safeJson } from '../util/safe-text.js';

/** Every result a command can hand to the renderers, by its `kind`. */
export interface Results {
  tier: TierReport;
  check: CheckReport;
  gaps: GapsReport;
  load: LoadReport;
  matrix: Matrix;
  config: ConfigResult;
  report: ReportResult;
  diff: DiffResult;
  textconv: TextconvResult;
}
export type Kind = keyof Results;
export type Result = Results[Kind];

/** Text, given whole or in pieces (output too large to hold at once is rendered piece by piece). */
export type Rendered = string | Iterable<string>;
export type TextFormat = 'text' | 'json' | 'csv' | 'markdown' | 'github' | 'junit' | 'html';
export type Format = TextFormat | 'xlsx';

/** A kind's renderers: text formats give text, `xlsx` gives sheets for a workbook. */
export type Renderers<R> = { [F in TextFormat]?: (result: R, ctx: ReportContext) => Rendered } & {
  xlsx?: (result: R, ctx: ReportContext) => WorkbookSheet[];
};

/** The renderers of each kind; the first format is the default on stdout. */
export const RENDERERS = {
  tier: { text: tierText, json: tierJson, csv: tierCsv, markdown: tierMarkdown, xlsx: tierSheets },
  check: { text: checkText, json: findingsJson, github: githubAnnotations, junit, markdown: findingsMarkdown },
  gaps: { text: gapsText, json: findingsJson, markdown: findingsMarkdown, junit },
  load: { text: loadText, json: loadJson, markdown: loadMarkdown, csv: loadCsv },
  matrix: { text: matrixText, json: matrixJson, csv: matrixCsv, markdown: matrixMarkdown, html: matrixHtml, xlsx: matrixSheets },
  config: { json: configJson },
  report: { markdown: reportMarkdown, html: reportHtml },
  diff: { text: diffText, json: diffJson, markdown: diffMarkdown, github: diffGithub, csv: diffCsv },
  textconv: { text: textconvText },
} satisfies { [K in Kind]: Renderers<Results[K]> };

/** The formats a kind offers on stdout (`--format`), the default first. */
export function stdoutFormats(kind: Kind): TextFormat[] {
  return Object.keys(RENDERERS[kind]).filter((f): f is TextFormat => f !== 'xlsx');
}

/** The formats a kind can write with `-o`: its stdout formats, and `xlsx` where it has sheets. */
export function fileFormats(kind: Kind): Format[] {
  return Object.keys(RENDERERS[kind]) as Format[];
}

/**
 * Renders a result as text in a format it offers. The last guard against injection from the
 * user's text (the renderers escape it value by value): JSON gets `\u` escapes for the characters
 * JSON.stringify leaves raw that a terminal acts on; every other format but `github` (whose
 * commands are the point) and `--raw` CSV gets no line that a CI runner reads as a command.
 */
export function render<K extends Kind>(kind: K, result: Results[K], format: TextFormat, ctx: ReportContext): Rendered {
  const renderer = (RENDERERS[kind] as Renderers<Results[K]>)[format];
  if (!renderer) throw new Error(`no ${format} renderer for ${kind}`);
  const out = renderer(result, ctx);
  if (format === 'json') return mapPieces(out, () => safeJson);
  if (format === 'github' || (format === 'csv' && ctx.raw)) return out;
  return mapPieces(out, () => {
    let lineStart = true;
    return (piece) => {
      const guarded = guardCommandLines(piece, lineStart);
      if (piece !== '') lineStart = piece.endsWith('\n');
      return guarded;
    };
  });
}

/** Pieces are joined into blocks of about this many characters before the guard reads them. */
const BLOCK = 65536;

/** Applies a function to text given whole or, lazily, to blocks of its pieces (a piece per account is many). */
function mapPieces(text: Rendered, make: () => (piece: string) => string): Rendered {
  const f = make();
  if (typeof text === 'string') return f(text);
  return {
    *[Symbol.iterator]() {
      const g = make();
      let block = '';
      for (const piece of text) {
        block += piece;
        if (block.length >= BLOCK) {
          yield g(block);
          block = '';
        }
      }
      if (block !== '') yield g(block);
    },
  };
}

/** The sheets of a result for an XLSX file. */
export function renderSheets<K extends Kind>(kind: K, result: Results[K], ctx: ReportContext): WorkbookSheet[] {
  const renderer = (RENDERERS[kind] as Renderers<Results[K]>).xlsx;
  if (!renderer) throw new Error(`no xlsx renderer for ${kind}`);
  return renderer(result, ctx);
}

/** The whole text of a rendering. */
export function renderText<K extends Kind>(kind: K, result: Results[K], format: TextFormat, ctx: ReportContext): string {
  const out = render(kind, result, format, ctx);
  return typeof out === 'string' ? out : [...out].join('');
}

/**
 * Whether a format of a kind shows a finding on stdout (the rest go to stderr): tier shows its
 * data problems in text and markdown only; the load report shows the load rules as each person's
 * status; check and gaps are findings.
 */
export function showsFinding(kind: Kind, format: TextFormat, f: Finding): boolean {
  switch (kind) {
    case 'tier':
      return format === 'text' || format === 'markdown';
    case 'load':
      return f.rule.startsWith('load/');
    case 'matrix':
      // The matrix marks the rules in its rows; the findings themselves go to stderr.
      return false;
    case 'report':
      // The report shows the gaps, the accounts' tiers and trends, and each person's load (over capacity, idle: found by a
      // new user, said again on stderr); findings of the sheets' cells go to stderr.
      return GAP_RULES.has(f.rule) || f.rule.startsWith('account/') || f.rule.startsWith('load/');
    default:
      return true;
  }
}
