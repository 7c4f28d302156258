/**
 * `--format junit`: a testsuite per rule, a testcase per finding, for CI test dashboards. A finding
 * at or above `--fail-on` (errors, by default) is a failure; one below it passes, its message in
 * `<system-out>`: the dashboard is red exactly when the exit code fails the run (found by a CI user:
 * a warning was a failure while kam exited 0), and every finding is still there to read.
 */
import type { CheckReport, GapsReport } from '../../rules/check.js';
import { RULE_IDS } from '../../model/rules.js';
import { severityRank } from '../../model/finding.js';
import type { ReportContext } from '../context.js';
import { findingHint, findingMessage, findingWhere } from '../shared/findings.js';
import { safeLines } from '../../util/safe-text.js';

/** The rules kam check runs: every rule but kam diff's own (`diff/*`), which are about a comparison. */
const CHECK_RULES = RULE_IDS.filter((r) => !r.startsWith('diff/'));

/** Escapes text for XML content and attributes; drops characters XML 1.0 cannot hold. */
export function xmlEscape(s: string): string {
  return s
    // eslint-disable-next-line no-control-regex -- these are exactly the characters XML 1.0 forbids
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    // Kept as references so that line breaks survive in attribute values too.
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/**
 * Every rule that ran (not one the config turns off) is a testsuite; a rule with no findings has one passing testcase, so that a
 * clean book shows as passing tests rather than as no tests.
 */
export function junit(report: CheckReport | GapsReport, ctx: ReportContext, rules: readonly string[] = CHECK_RULES): string {
  const byRule = new Map<string, typeof report.findings>();
  for (const f of report.findings) {
    const list = byRule.get(f.rule);
    if (list) list.push(f);
    else byRule.set(f.rule, [f]);
  }
  // A rule the config turns off did not run: no passing test for it (found by a new user).
  const off = new Set(report.off);
  const names = [...new Set([...rules.filter((r) => !off.has(r)), ...byRule.keys()])];
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const total = Math.max(report.findings.length, 0) + names.filter((n) => !byRule.has(n)).length;
  // (More warnings than --max-warnings fail the run too: then they are failures.)
  const warns = report.findings.filter((f) => f.severity === 'warn').length;
  const least = Math.min(severityRank(ctx.failOn ?? 'error'), ctx.maxWarnings !== undefined && warns > ctx.maxWarnings ? severityRank('warn') : Infinity);
  const fails = (f: (typeof report.findings)[number]): boolean => severityRank(f.severity) >= least;
  const failures = (fs: typeof report.findings): number => fs.filter(fails).length;
  out.push(`<testsuites name="kam ${report.kind}" tests="${total}" failures="${failures(report.findings)}">`);
  for (const rule of names) {
    const findings = byRule.get(rule) ?? [];
    out.push(`  <testsuite name="${xmlEscape(rule)}" tests="${Math.max(1, findings.length)}" failures="${failures(findings)}" errors="0" skipped="0">`);
    if (findings.length === 0) out.push(`    <testcase classname="${xmlEscape(rule)}" name="${xmlEscape(rule)}"/>`);
    for (const f of findings) {
      // Line breaks survive as `&#10;`; other control characters and escape sequences are shown as escapes.
      // (The file that holds it: a CSV of a folder, not the folder; found by a CI user.)
      const file = safeLines((f.sheet !== undefined ? report.sheetFiles?.get(f.sheet) : undefined) ?? report.file);
      const cell = findingWhere(f, 'lines') ?? file;
      const message = findingMessage(f, ctx.lang, report.tiers, 'lines');
      const hint = findingHint(f, ctx.lang, report.tiers, 'lines');
      out.push(`    <testcase classname="${xmlEscape(rule)}" name="${xmlEscape(`${cell}: ${message}`)}" file="${xmlEscape(file)}">`);
      const text = xmlEscape(`${f.severity} ${cell}: ${message}${hint ? `\n${hint}` : ''}`);
      out.push(!fails(f) ? `      <system-out>${text}</system-out>` : `      <failure type="${f.severity}" message="${xmlEscape(message)}">${text}</failure>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
