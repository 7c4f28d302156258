/** The reporter registry: one renderer per format; adding a format is one file and one entry here. */
import type { CheckReport, GapsReport } from '../rules/check.js';
import type { TierReport } from '../scoring/score.js';
import type { LoadReport } from '../workload/report.js';
import type { ReportContext } from './context.js';
import { csv } from './csv.js';
import { githubAnnotations } from './github.js';
import { json } from './json.js';
import { junit as junitXml } from './junit.js';
import { markdown } from './markdown.js';
import { text } from './text.js';

/** Everything a command can hand to a reporter. */
export type Result = (TierReport & { explain?: number }) | CheckReport | GapsReport | LoadReport | { kind: 'config'; value: unknown };

function findingsOnly(render: (r: CheckReport | GapsReport, ctx: ReportContext) => string): Renderer {
  return (result, ctx) => {
    if (result.kind !== 'check' && result.kind !== 'gaps') throw new Error(`no such format for ${result.kind}`);
    return render(result, ctx);
  };
}

const github = findingsOnly(githubAnnotations);
const junit = findingsOnly((r, ctx) => junitXml(r, ctx));

/** A renderer returns the text, or its pieces in order for output too large to hold at once. */
export type Renderer = (result: Result, ctx: ReportContext) => string | Iterable<string>;

export const REPORTERS = { text, json, csv, markdown, github, junit } satisfies Record<string, Renderer>;
export type Format = keyof typeof REPORTERS;

/** The formats each kind of result offers on stdout. */
export const FORMATS: Record<Result['kind'], readonly Format[]> = {
  tier: ['text', 'json', 'csv', 'markdown'],
  check: ['text', 'json', 'github', 'junit', 'markdown'],
  gaps: ['text', 'json', 'markdown'],
  load: ['text', 'json', 'markdown', 'csv'],
  config: ['json'],
};

/** Renders a result in a format. */
export function render(result: Result, format: Format, ctx: ReportContext): string | Iterable<string> {
  return REPORTERS[format](result, ctx);
}

/** The whole text of a rendering. */
export function renderText(result: Result, format: Format, ctx: ReportContext): string {
  const out = render(result, format, ctx);
  return typeof out === 'string' ? out : [...out].join('');
}
