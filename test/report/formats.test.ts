import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import { reportContext } from '../../src/report/context.js';
import { escapeData, escapeProperty, githubAnnotations } from '../../src/report/findings/github.js';
import { junit, xmlEscape } from '../../src/report/findings/junit.js';
import type { CheckReport } from '../../src/rules/check.js';

const finding: Finding = {
  rule: 'ref/unknown-person',
  severity: 'error',
  args: { account: 'A&B <Co>, 100%', task: 'Follow-up\nline 2', person: '"Zed"' },
  sheet: 'Sheet, 1',
  row: 3,
  column: 'C',
  account: 'A&B <Co>, 100%',
};
const report: CheckReport = { kind: 'check', file: 'books/a,b:c.xlsx', asOf: '2025-11-15', tiers: [], findings: [finding], summary: { error: 1, warn: 0, info: 0 }, accounts: () => new Map(), off: [] };
const ctx = reportContext('en', false);

describe('github annotations', () => {
  it('escapes data and properties as the workflow-command syntax requires', () => {
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    expect(escapeProperty('a,b:c%')).toBe('a%2Cb%3Ac%25');
    const line = githubAnnotations(report, ctx).split('\n')[0]!;
    expect(line).toBe('::error file=books/a%2Cb%3Ac.xlsx,title=ref/unknown-person::Sheet, 1!C3 A&B <Co>, 100%25 · Follow-up%0Aline 2: ""Zed"" is not in the staff sheet');
  });
});

describe('junit', () => {
  it('is well-formed XML whatever the text holds', () => {
    expect(xmlEscape('a<b>&"c\'\u0001')).toBe('a&lt;b&gt;&amp;&quot;c&apos;');
    const xml = junit(report, ctx, ['ref/unknown-person', 'raci/no-accountable']);
    const names: string[] = [];
    const parser = new SaxesParser();
    parser.on('opentag', (t) => names.push(`${t.name}:${String(t.attributes.name ?? t.attributes.type ?? '')}`));
    parser.write(xml).close();
    expect(names).toEqual([
      'testsuites:kam check',
      'testsuite:ref/unknown-person',
      'testcase:Sheet, 1!C3: A&B <Co>, 100% · Follow-up\nline 2: ""Zed"" is not in the staff sheet',
      'failure:error',
      'testsuite:raci/no-accountable',
      'testcase:raci/no-accountable',
    ]);
  });
});
