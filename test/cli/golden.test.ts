// The CLI's output on the shipped examples, byte for byte: every command, format and language.
// The files under golden/ were written by the code before the restructuring of issue 7 and must
// not change unless a change of output is meant (then `npx vitest run -u test/cli/golden` and
// review the diff of golden/). Changed on purpose by issue 7: err-format (gaps offers junit on
// stdout too), err-output-ext (the extensions the command writes), load-zh-o-csv (a BOM, as every
// CSV file kam writes); added: err-limit, load-zh-fail-on-warn. Issue 8 added the rule
// schema/ambiguous-column (a junit suite more; the config schema's rule list), load.hoursPerDay and
// limits.inputMB (config output); issue 9 made the tier movement a word in CSV and XLSX (`same`, not `'=`)
// and added the rule ref/ambiguous-account (a junit suite more); English counts are pluralised (`1 warning`);
// text fits the terminal: the runner's stdout is no terminal, so text on stdout is 80 columns wide
// (tier: the top factor cut to its points, long names cut with `…`, title and criteria lines
// wrapped; check and gaps: messages wrapped under the cell, the rule code at the end or on its own
// line; load: shorter bars, the Department header cut), while `-o` files are not; added
// tier-zh-wide, check-zh-wide, gaps-zh-wide and load-zh-suggest-wide, which keep the earlier output
// byte for byte but that a load bar of exactly 45% now shows 9 cells, not 8 (a rounding bug);
// zh check and gaps text name the severity in Chinese (✖ 错误, ⚠ 警告, ℹ 提示). Issue 10 added the
// matrix-* cases (kam matrix); a department's own column is headed `销售部（部门）`, in text as in files.
// The reading fixes after issue 10's user test: the github counts line
// is the pluralised sentence in the report's language (`4 errors, 17 warnings, 13 notes`, zh
// `4 个错误，17 个警告，13 条提示`, not `4 error(s)…`); in JUnit a note (info) is a passing testcase
// with its message in <system-out>, no longer a failure (failures 34 → 21); gaps headings count
// `2 problems` / `1 problem`, not `problem(s)`. Issue 11 added kam's own Accounts columns
// computed_tier and computed_score (`kam tier --write`) to the schema's column names, and
// err-apply-no-output names --write beside -o. Issue 12 added the report-* cases (kam report).
// Issue 13 added kam diff's rules (diff/duplicate-*) to the config schema's rule list (JUnit of
// kam check lists only the rules the check runs).
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kam, ROOT } from '../helpers/cli.js';
import { readBook } from '../helpers/read.js';

const ZH = 'examples/accounts-zh.xlsx';
const EN = 'examples/accounts-en.xlsx';
const ZH_CSV = 'examples/accounts-zh.csv';
const CSV = 'examples/csv-en';
const AS_OF = ['--as-of', '2025-11-15'];

/** name → arguments; `zh:` runs under LANG=zh_CN.UTF-8, others under en_US. */
const CASES: Record<string, string[]> = {
  'tier-zh': ['tier', ZH],
  'tier-zh-wide': ['tier', ZH, '--wide'],
  'tier-zh-en': ['tier', ZH, '--lang', 'en'],
  'tier-en': ['tier', EN],
  'tier-zh-csv': ['tier', ZH_CSV],
  'tier-csv-folder': ['tier', CSV],
  'tier-zh-json': ['tier', ZH, '--format', 'json'],
  'tier-zh-csvformat': ['tier', ZH, '--format', 'csv'],
  'tier-zh-markdown': ['tier', ZH, '--format', 'markdown'],
  'tier-en-json': ['tier', EN, '--format', 'json'],
  'tier-en-csvformat': ['tier', EN, '--format', 'csv', '--raw'],
  'tier-en-markdown': ['tier', EN, '--format', 'markdown', '--limit', '4'],
  'tier-zh-explain': ['tier', ZH, '--explain', '银河半导体'],
  'tier-en-explain-topsis': ['tier', EN, '--explain', 'Keystone Bank', '--method', 'topsis'],
  'tier-zh-abc': ['tier', ZH, '--method', 'abc'],
  'tier-zh-topsis': ['tier', ZH, '--method', 'topsis', '--format', 'json'],
  'tier-zh-rank': ['tier', ZH, '--normalize', 'rank'],
  'tier-zh-scorecard': ['tier', ZH, '--method', 'scorecard'],
  'tier-zh-limit': ['tier', ZH, '--limit', '3'],
  'tier-en-unknown-account': ['tier', EN, '--explain', 'Nobody Inc'],
  'tier-en-fail-on-warn': ['tier', EN, '--fail-on', 'warn', '--format', 'json'],
  'zh:tier-zh': ['tier', ZH],
  'zh:tier-zh-csv': ['tier', ZH_CSV, '--format', 'json'],
  'check-zh': ['check', ZH],
  'check-zh-wide': ['check', ZH, '--wide'],
  'check-zh-json': ['check', ZH, '--format', 'json'],
  'check-zh-github': ['check', ZH, '--format', 'github'],
  'check-zh-junit': ['check', ZH, '--format', 'junit'],
  'check-zh-markdown': ['check', ZH, '--format', 'markdown'],
  'check-zh-verbose': ['check', ZH, '--verbose', '--format', 'json'],
  'check-en': ['check', EN],
  'check-en-junit': ['check', EN, '--format', 'junit'],
  'check-en-markdown': ['check', EN, '--format', 'markdown'],
  'check-en-fail-on-info': ['check', EN, '--fail-on', 'info'],
  'check-en-max-warnings': ['check', ZH, '--max-warnings', '0', '--fail-on', 'error', '--format', 'github', '--lang', 'en'],
  'check-csv': ['check', CSV],
  'check-csv-json': ['check', CSV, '--format', 'json'],
  'zh:check-zh': ['check', ZH],
  'zh:check-zh-github': ['check', ZH, '--format', 'github'],
  'gaps-zh': ['gaps', ZH],
  'gaps-zh-wide': ['gaps', ZH, '--wide'],
  'gaps-zh-json': ['gaps', ZH, '--format', 'json'],
  'gaps-zh-markdown': ['gaps', ZH, '--format', 'markdown'],
  'gaps-en': ['gaps', EN],
  'gaps-csv': ['gaps', CSV, '--format', 'markdown'],
  'zh:gaps-zh': ['gaps', ZH],
  'matrix-zh': ['matrix', ZH],
  'matrix-zh-wide': ['matrix', ZH, '--wide'],
  'matrix-zh-json': ['matrix', ZH, '--format', 'json'],
  'matrix-zh-task': ['matrix', ZH, '--view', 'task', '--wide'],
  'matrix-zh-person': ['matrix', ZH, '--view', 'person', '--person', '张伟'],
  'matrix-zh-department-csv': ['matrix', ZH, '--columns', 'department', '--format', 'csv'],
  'matrix-en-markdown': ['matrix', EN, '--format', 'markdown', '--tier', 'strategic'],
  'report-zh-markdown': ['report', ZH, '--format', 'markdown'],
  'report-en-html': ['report', EN, '--format', 'html'],
  'zh:matrix-zh': ['matrix', ZH, '--account', 'KA001', '--account', '北方重工集团'],
  'load-zh': ['load', ZH],
  'load-zh-json': ['load', ZH, '--format', 'json'],
  'load-zh-markdown': ['load', ZH, '--format', 'markdown', '--suggest'],
  'load-zh-csv': ['load', ZH, '--format', 'csv'],
  'load-zh-suggest': ['load', ZH, '--suggest'],
  'load-zh-suggest-wide': ['load', ZH, '--suggest', '--wide'],
  'load-zh-suggest-json': ['load', ZH, '--suggest', '--format', 'json'],
  'load-zh-role': ['load', ZH, '--role', '客户经理'],
  'load-zh-department': ['load', ZH, '--department', '技术部', '--format', 'json'],
  'load-en': ['load', EN],
  'load-en-suggest': ['load', EN, '--suggest', '--format', 'markdown'],
  'load-csv': ['load', CSV, '--format', 'json'],
  // Issue 7: load exits 1 on findings at or above --fail-on, as every command does.
  'load-zh-fail-on-warn': ['load', ZH, '--fail-on', 'warn', '--format', 'json'],
  'zh:load-zh-suggest': ['load', ZH, '--suggest'],
  config: ['config'],
  'config-zh-book': ['config', ZH],
  'config-schema': ['config', '--schema'],
  'err-missing': ['tier', 'examples/nope.xlsx'],
  'err-xls': ['check', 'test/fixtures/accounts-en.xls'],
  'err-ods': ['tier', 'test/fixtures/accounts-en.ods'],
  'err-option': ['tier', ZH, '--bogus'],
  'err-format': ['gaps', ZH, '--format', 'github'],
  'err-output-is-input': ['tier', ZH, '-o', ZH],
  'err-output-ext': ['check', ZH, '-o', 'out.docx'],
  'err-apply-no-output': ['load', ZH, '--apply'],
  'err-limit': ['tier', ZH, '--limit', 'x'],
  'zh:err-missing': ['check', 'examples/nope.xlsx'],
  'zh:err-bad-asof': ['check', ZH, '--as-of', '2025-13-45'],
};

/** -o files: the arguments, and the file name they write. */
const OUTPUTS: Record<string, [string[], string]> = {
  'tier-zh-o-csv': [['tier', ZH], 'tiers.csv'],
  'tier-zh-o-json': [['tier', ZH], 'tiers.json'],
  'tier-zh-o-md': [['tier', ZH, '--limit', '2'], 'tiers.md'],
  'tier-zh-o-xlsx': [['tier', ZH], 'tiers.xlsx'],
  'tier-en-o-json-and-text': [['tier', EN, '--format', 'text'], 'tiers.json'],
  'check-zh-o-xml': [['check', ZH], 'check.xml'],
  'check-zh-o-json': [['check', ZH, '--format', 'github'], 'check.json'],
  'check-en-o-txt': [['check', EN], 'check.txt'],
  'gaps-zh-o-md': [['gaps', ZH], 'gaps.md'],
  'gaps-zh-o-xml': [['gaps', ZH], 'gaps.xml'],
  'load-zh-o-csv': [['load', ZH, '--suggest'], 'load.csv'],
  'load-zh-o-json': [['load', ZH], 'load.json'],
  'load-zh-apply': [['load', ZH, '--apply'], 'balanced.xlsx'],
};

function show(r: { code: number; stdout: string; stderr: string }, dir?: string): string {
  const tidy = (s: string): string => (dir ? s.split(dir).join('<out>') : s).split(ROOT).join('<root>/');
  return `exit ${r.code}\n--- stdout\n${tidy(r.stdout)}--- stderr\n${tidy(r.stderr)}`;
}

const env = (name: string): NodeJS.ProcessEnv => (name.startsWith('zh:') ? { LANG: 'zh_CN.UTF-8' } : {});
const file = (name: string): string => `./golden/${name.replace(':', '-')}.txt`;

describe('output on the shipped examples is unchanged', () => {
  it.each(Object.keys(CASES))('%s', async (name) => {
    const r = await kam([...CASES[name]!, ...AS_OF], { env: env(name) });
    await expect(show(r)).toMatchFileSnapshot(file(name));
  });

  it.each(Object.keys(OUTPUTS))('%s', async (name) => {
    const [args, out] = OUTPUTS[name]!;
    const dir = mkdtempSync(join(tmpdir(), 'kam-golden-'));
    const target = join(dir, out);
    const r = await kam([...args, '-o', target, ...AS_OF]);
    let written: string;
    if (out.endsWith('.xlsx')) {
      // Zip bytes carry a time stamp: compare what the sheets hold.
      const sheets = await readBook(target);
      written = sheets.map((s) => `## ${s.name}\n${s.rows.map((row) => `${row.row}: ${JSON.stringify(row.cells)}`).join('\n')}`).join('\n');
    } else {
      written = readFileSync(target, 'utf8');
    }
    expect(readdirSync(dir)).toEqual([out]);
    await expect(`${show(r, dir)}--- ${out}\n${written}\n`).toMatchFileSnapshot(file(name));
  });
});
