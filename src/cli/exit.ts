/** Exit codes (SPEC §3) and the one-line rendering of errors. */
import { basename } from 'node:path';
import { CommanderError } from 'commander';
import { t } from '../i18n/messages.js';
import { KamError, type Where } from '../model/errors.js';
import { summarize, severityRank, type Finding } from '../model/finding.js';
import type { Lang } from '../model/lang.js';
import type { Severity } from '../model/rules.js';
import { safeText } from '../util/safe-text.js';

export const EXIT = { ok: 0, findings: 1, input: 2, internal: 3 } as const;

/** 1 when a finding is at or above `failOn`, or warnings exceed `maxWarnings`; else 0. */
export function exitCodeFor(findings: readonly Finding[], failOn: Severity, maxWarnings?: number): number {
  if (findings.some((f) => severityRank(f.severity) >= severityRank(failOn))) return EXIT.findings;
  if (maxWarnings !== undefined && summarize(findings).warn > maxWarnings) return EXIT.findings;
  return EXIT.ok;
}

/** `file: cell: ` (or `file: sheet: `), user text made safe to print. */
function where(w: Where): string {
  const parts: string[] = [];
  if (w.file) parts.push(w.file);
  if (w.cell) parts.push(w.cell);
  // A CSV file's one sheet is named after the file: `one.csv: one.csv:` says nothing twice.
  else if (w.sheet && !(w.file && basename(w.file) === w.sheet)) parts.push(w.sheet);
  return parts.length > 0 ? `${parts.map(safeText).join(': ')}: ` : '';
}

/**
 * The exit code and the single stderr line for an error. User text in it (file, sheet and cell
 * names, message parameters, the words of an unknown option) is made safe by `t` and `where`,
 * and by {@link safeText} for the rest: the line stays one line and starts with `kam:`.
 */
export function describeError(err: unknown, lang: Lang): { code: number; line: string } {
  if (err instanceof KamError) {
    const code = err.code === 'input.unsupported' && typeof err.params.format === 'string' && t(lang, `input.unsupported.${err.params.format}`) !== `input.unsupported.${err.params.format}` ? `input.unsupported.${err.params.format}` : err.code;
    return { code: EXIT.input, line: `kam: ${where(err.where)}${t(lang, code, err.params)}` };
  }
  if (err instanceof CommanderError) return { code: EXIT.input, line: `kam: ${safeText(commanderMessage(err, lang))}` };
  const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
  return { code: EXIT.internal, line: `kam: ${t(lang, 'internal', { message: message ?? '' })}` };
}

/** Commander's own messages, with the common ones in Chinese too. */
function commanderMessage(err: CommanderError, lang: Lang): string {
  // Commander puts its guess on a line of its own (`\n(Did you mean check?)`): on this one line, after a dash
  // (found by a new user: it printed as a literal `\n`).
  const guess = /\n\(Did you mean (.+)\?\)\s*$/.exec(err.message)?.[1];
  const msg = err.message.replace(/^error: /, '').replace(/\n\(Did you mean .+\?\)\s*$/, '');
  if (lang === 'en') return `${msg}${guess ? ` — did you mean ${guess}?` : ''} (see kam --help)`;
  const q = /'([^']+)'/.exec(msg)?.[1] ?? '';
  // `one of --force, --format` when commander has several.
  const zhGuess = guess ? `——是否要用 ${guess.replace(/^one of /, '').split(', ').join(' 或 ')}？` : '';
  switch (err.code) {
    case 'commander.unknownOption':
      return `未知选项 ${q}${zhGuess}（见 kam --help）`;
    case 'commander.unknownCommand':
      return `未知命令 ${q}${zhGuess}（见 kam --help）`;
    case 'commander.missingArgument':
      return `缺少参数 ${q}（见 kam --help）`;
    case 'commander.optionMissingArgument':
      return `选项 ${q} 缺少取值（见 kam --help）`;
    case 'commander.invalidArgument': {
      const allowed = /Allowed choices are (.*)\./.exec(msg)?.[1];
      return allowed ? `选项 ${q} 的取值无效，可用：${allowed}` : `参数无效：${msg}`;
    }
    case 'commander.excessArguments':
      return `参数过多（见 kam --help）`;
    default:
      return msg;
  }
}
