// The renderers of findings (report/findings/*) for `kam check` and `kam gaps`, on results built in
// code: JSON in the shape of SPEC §8b, terminal text, markdown, GitHub annotations and JUnit XML.
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../src/model/rules.js';
import { summarize } from '../../src/model/finding.js';
import { reportContext } from '../../src/report/context.js';
import { render, renderText } from '../../src/report/index.js';
import { gapsReport, type CheckReport } from '../../src/rules/check.js';
import { checkSample, cleanSample, gapsSample, lines, mdCells, missingSheetSample, parseJson, pieces, plain } from './samples.js';

const en = reportContext('en', false);
const zh = reportContext('zh', false);
const checked = checkSample();
const gaps = gapsSample();

/** The findings of checkSample in the §8b shape, in book order. */
const FINDINGS = {
  mismatch: { rule: 'account/tier-mismatch', severity: 'info', message: 'Bolt: recorded as Ordinary, scored as Important', sheet: 'Accounts', row: 3, column: 'H', cell: 'Accounts!H3', account: 'Bolt' },
  over: { rule: 'load/over-capacity', severity: 'warn', message: 'Finn: 0.23 h a week against a capacity of 0.1 h (231%)', sheet: 'Staff', row: 7, column: 'A', cell: 'Staff!A7', person: 'Finn' },
  unknown: {
    rule: 'ref/unknown-person',
    severity: 'error',
    message: 'Cove · Follow-up: "Zed | 50%" is not in the staff sheet',
    sheet: 'Assignments',
    row: 14,
    column: 'C',
    cell: 'Assignments!C14',
    account: 'Cove',
    person: 'Zed | 50%',
    task: 'Follow-up',
  },
  noA14: { rule: 'raci/no-accountable', severity: 'error', message: 'Cove · Follow-up: nobody is accountable (A)', sheet: 'Assignments', row: 14, column: 'E', cell: 'Assignments!E14', account: 'Cove', task: 'Follow-up' },
  noA15: { rule: 'raci/no-accountable', severity: 'error', message: 'Cove · Audit, Q4: nobody is accountable (A)', sheet: 'Assignments', row: 15, column: 'E', cell: 'Assignments!E15', account: 'Cove', task: 'Audit, Q4' },
  overdue: {
    rule: 'time/overdue',
    severity: 'warn',
    message: 'Cove · Audit, Q4: due 2025-10-01, 45 days overdue',
    sheet: 'Assignments',
    row: 15,
    column: 'F',
    cell: 'Assignments!F15',
    account: 'Cove',
    person: 'Carol',
    task: 'Audit, Q4',
  },
};

describe('check and gaps json', () => {
  it('check: the §8b fields, absent ones omitted', () => {
    const value = parseJson(render('check', checked, 'json', en)) as { findings: Record<string, unknown>[] };
    expect(Object.keys(value)).toEqual(['file', 'asOf', 'summary', 'findings']);
    expect(value).toEqual({
      file: 'book.xlsx',
      asOf: '2025-11-15',
      summary: { error: 3, warn: 2, info: 1 },
      findings: [FINDINGS.mismatch, FINDINGS.over, FINDINGS.unknown, FINDINGS.noA14, FINDINGS.noA15, FINDINGS.overdue],
    });
    // Every field, in the order of §8b.
    expect(Object.keys(value.findings[2]!)).toEqual(['rule', 'severity', 'message', 'sheet', 'row', 'column', 'cell', 'account', 'person', 'task']);
  });

  it('check: a finding of the whole book has no sheet, row, column or cell', () => {
    expect(parseJson(render('check', missingSheetSample(), 'json', en))).toEqual({
      file: 'book.xlsx',
      asOf: '2025-11-15',
      summary: { error: 1, warn: 0, info: 0 },
      findings: [{ rule: 'schema/missing-sheet', severity: 'error', message: 'the book has no assignments sheet' }],
    });
  });

  it('check: is streamed finding by finding; no findings is an empty list', () => {
    // Rendered lazily, in blocks of about 64 KiB: never the whole text of many findings in one string.
    const many = { ...checked, findings: Array.from({ length: 3000 }, (_v, i) => checked.findings[i % checked.findings.length]!) };
    const out = render('check', many, 'json', en);
    expect(typeof out).not.toBe('string');
    const blocks = pieces(out);
    expect(blocks.length).toBeGreaterThan(3);
    for (const b of blocks) expect(b.length).toBeLessThan(65536 + 1000);
    expect((parseJson(blocks.join('')) as { findings: unknown[] }).findings).toHaveLength(3000);
    expect(parseJson(render('check', cleanSample(), 'json', en))).toEqual({ file: 'book.xlsx', asOf: '2025-11-15', summary: { error: 0, warn: 0, info: 0 }, findings: [] });
  });

  it('gaps: the shape of check, with the gap findings in report order', () => {
    const value = parseJson(render('gaps', gaps, 'json', en));
    expect(value).toEqual({
      file: 'book.xlsx',
      asOf: '2025-11-15',
      summary: { error: 3, warn: 2, info: 0 },
      findings: [FINDINGS.unknown, FINDINGS.noA14, FINDINGS.noA15, FINDINGS.overdue, FINDINGS.over],
    });
  });

  it('messages in Chinese, tier ids shown by their labels', () => {
    const value = parseJson(render('check', checked, 'json', zh)) as { findings: { message: string }[] };
    expect(value.findings.map((f) => f.message)).toEqual([
      'Bolt：记录为普通客户，评分为重要客户',
      'Finn：每周 0.23 小时，可用工时 0.1 小时（负荷 231%）',
      'Cove · Follow-up：「Zed | 50%」不在人员工作表中',
      'Cove · Follow-up：没有审批人（A）',
      'Cove · Audit, Q4：没有审批人（A）',
      'Cove · Audit, Q4：截止 2025-10-01，已逾期 45 天',
    ]);
  });
});

describe('hints', () => {
  it('a name listed twice in Staff is told to list each person once, not each account (found by a new user)', () => {
    const dup = (about: { account?: string; person?: string }, sheet: string): CheckReport => ({
      ...checked,
      findings: [{ rule: 'schema/duplicate-key', severity: 'error', args: { key: 'Al', first: 2 }, sheet, row: 3, column: 'A', ...about }],
    });
    expect(renderText('check', dup({ person: 'Al' }, 'Staff'), 'text', en)).toContain('↳ list each person once in the staff sheet');
    expect(renderText('check', dup({ person: 'Al' }, 'Staff'), 'text', zh)).toContain('↳ 人员表中每人只列一次');
    expect(renderText('check', dup({ account: 'Al' }, 'Accounts'), 'text', en)).toContain('↳ give each account its own id or name');
  });
});

describe('check and gaps text', () => {
  it('check: the header, the findings by sheet with cell, message, rule and hint, the summary', () => {
    expect(renderText('check', checked, 'text', en)).toMatchInlineSnapshot(`
      "Responsibility check · book.xlsx · as of 2025-11-15

      Accounts
        ℹ info   H3  Bolt: recorded as Ordinary, scored as Important  account/tier-mismatch

      Staff
        ⚠ warn   A7  Finn: 0.23 h a week against a capacity of 0.1 h (231%)  load/over-capacity
                 ↳ run kam load --suggest to see what to move to whom

      Assignments
        ✖ error  C14  Cove · Follow-up: "Zed | 50%" is not in the staff sheet  ref/unknown-person
                 ↳ add the person to the staff sheet, or fix the spelling
        ✖ error  E14  Cove · Follow-up: nobody is accountable (A)  raci/no-accountable
                 ↳ name one person who approves and answers for the result (A)
        ✖ error  E15  Cove · Audit, Q4: nobody is accountable (A)  raci/no-accountable
                 ↳ name one person who approves and answers for the result (A)
        ⚠ warn   F15  Cove · Audit, Q4: due 2025-10-01, 45 days overdue  time/overdue
                 ↳ finish it, mark it done, or agree a new date

      ✖ 3 errors, 2 warnings, 1 note
      "
    `);
  });

  it('check: a clean book and a finding of the whole book', () => {
    expect(lines(renderText('check', cleanSample(), 'text', en))).toEqual(['Responsibility check · book.xlsx · as of 2025-11-15', '', '✔ no problems found']);
    expect(lines(renderText('check', missingSheetSample(), 'text', en)).slice(1)).toEqual([
      '',
      'book.xlsx',
      '  ✖ error    the book has no assignments sheet  schema/missing-sheet',
      '           ↳ add the sheet (named 客户 / Accounts, 人员 / Staff or 分工 / Assignments), or name yours under "sheets" in kam.config.json',
      '',
      '✖ 1 error, 0 warnings, 0 notes',
    ]);
  });

  it('gaps: one block per account, most severe first, then the others', () => {
    expect(renderText('gaps', gaps, 'text', en)).toMatchInlineSnapshot(`
      "Responsibility gaps · book.xlsx · as of 2025-11-15

      Cove (A3) · Ordinary · 4 problems
        ✖ error  Assignments!C14  Cove · Follow-up: "Zed | 50%" is not in the staff sheet  ref/unknown-person
                 ↳ add the person to the staff sheet, or fix the spelling
        ✖ error  Assignments!E14  Cove · Follow-up: nobody is accountable (A)  raci/no-accountable
                 ↳ name one person who approves and answers for the result (A)
        ✖ error  Assignments!E15  Cove · Audit, Q4: nobody is accountable (A)  raci/no-accountable
                 ↳ name one person who approves and answers for the result (A)
        ⚠ warn   Assignments!F15  Cove · Audit, Q4: due 2025-10-01, 45 days overdue  time/overdue
                 ↳ finish it, mark it done, or agree a new date

      Other · 1 problem
        ⚠ warn   Staff!A7  Finn: 0.23 h a week against a capacity of 0.1 h (231%)  load/over-capacity
                 ↳ run kam load --suggest to see what to move to whom

      ✖ 3 errors, 2 warnings, 0 notes
      "
    `);
    expect(lines(renderText('gaps', gapsReport(cleanSample()), 'text', en))).toEqual(['Responsibility gaps · book.xlsx · as of 2025-11-15', '', '✔ no responsibility gaps']);
  });

  it('a summary of notes only starts with ℹ, of warnings with ⚠', () => {
    const only = (severity: string): CheckReport => {
      const findings = checked.findings.filter((f) => f.severity === severity);
      return { ...checked, findings, summary: summarize(findings) };
    };
    expect(lines(renderText('check', only('info'), 'text', en)).at(-1)).toBe('ℹ 0 errors, 0 warnings, 1 note');
    expect(lines(renderText('check', only('info'), 'text', zh)).at(-1)).toBe('ℹ 0 个错误，0 个警告，1 条提示');
    expect(lines(renderText('check', only('warn'), 'text', en)).at(-1)).toBe('⚠ 0 errors, 2 warnings, 0 notes');
  });

  it('is coloured on request, and is the plain text without the colours', () => {
    const colours = reportContext('en', true);
    for (const [coloured, uncoloured] of [
      [renderText('check', checked, 'text', colours), renderText('check', checked, 'text', en)],
      [renderText('gaps', gaps, 'text', colours), renderText('gaps', gaps, 'text', en)],
      [renderText('check', cleanSample(), 'text', colours), renderText('check', cleanSample(), 'text', en)],
    ]) {
      expect(coloured).toContain('\u001b[');
      expect(plain(coloured!)).toBe(uncoloured);
    }
  });

  it('speaks Chinese', () => {
    const check = lines(renderText('check', checked, 'text', zh));
    expect(check[0]).toBe('分工检查 · book.xlsx · 截至 2025-11-15');
    expect(check).toContain('  ℹ 提示   H3  Bolt：记录为普通客户，评分为重要客户  account/tier-mismatch');
    expect(check).toContainEqual(expect.stringMatching(/^ {2}✖ 错误 {3}[A-Z]+\d+ {2}/));
    expect(check).toContain('           ↳ 请指定一位对结果负责、审批的人（A）');
    expect(check.at(-1)).toBe('✖ 3 个错误，2 个警告，1 条提示');
    const gap = lines(renderText('gaps', gaps, 'text', zh));
    expect(gap[0]).toBe('职责缺口 · book.xlsx · 截至 2025-11-15');
    expect(gap).toContain('Cove (A3) · 普通客户 · 4 个问题');
    expect(gap).toContain('其他 · 1 个问题');
    expect(gap.at(-1)).toBe('✖ 3 个错误，2 个警告，0 条提示');
    expect(lines(renderText('check', cleanSample(), 'text', zh)).at(-1)).toBe('✔ 没有发现问题');
  });
});

describe('check and gaps markdown', () => {
  it('check: the summary and a table with a header row and a separator, | escaped', () => {
    const out = lines(renderText('check', checked, 'markdown', en));
    expect(out.slice(0, 6)).toEqual(['## Responsibility check: book.xlsx', '', '**3 errors, 2 warnings, 1 note** · as of 2025-11-15', '', '|  | cell | rule | message |', '| --- | --- | --- | --- |']);
    expect(out.slice(6).map(mdCells)).toEqual([
      ['ℹ️ info', 'Accounts!H3', '`account/tier-mismatch`', 'Bolt: recorded as Ordinary, scored as Important'],
      ['⚠️ warn', 'Staff!A7', '`load/over-capacity`', 'Finn: 0.23 h a week against a capacity of 0.1 h (231%)'],
      ['❌ error', 'Assignments!C14', '`ref/unknown-person`', 'Cove · Follow-up: "Zed \\| 50%" is not in the staff sheet'],
      ['❌ error', 'Assignments!E14', '`raci/no-accountable`', 'Cove · Follow-up: nobody is accountable (A)'],
      ['❌ error', 'Assignments!E15', '`raci/no-accountable`', 'Cove · Audit, Q4: nobody is accountable (A)'],
      ['⚠️ warn', 'Assignments!F15', '`time/overdue`', 'Cove · Audit, Q4: due 2025-10-01, 45 days overdue'],
    ]);
  });

  it('check: a clean book, and | in the file name', () => {
    expect(renderText('check', { ...cleanSample(), file: 'a|b.xlsx' }, 'markdown', en)).toBe('## Responsibility check: a\\|b.xlsx\n\n✅ no problems found (as of 2025-11-15)\n');
  });

  it('gaps: a section per account, with its tier', () => {
    const out = lines(renderText('gaps', gaps, 'markdown', en));
    expect(out.slice(0, 5)).toEqual(['## Responsibility gaps: book.xlsx', '', '**3 errors, 2 warnings, 0 notes** · as of 2025-11-15', '', '### Cove · Ordinary']);
    expect(out.slice(5, 12)).toEqual([
      '',
      '|  | cell | rule | message |',
      '| --- | --- | --- | --- |',
      '| ❌ error | Assignments!C14 | `ref/unknown-person` | Cove · Follow-up: "Zed \\| 50%" is not in the staff sheet |',
      '| ❌ error | Assignments!E14 | `raci/no-accountable` | Cove · Follow-up: nobody is accountable (A) |',
      '| ❌ error | Assignments!E15 | `raci/no-accountable` | Cove · Audit, Q4: nobody is accountable (A) |',
      '| ⚠️ warn | Assignments!F15 | `time/overdue` | Cove · Audit, Q4: due 2025-10-01, 45 days overdue |',
    ]);
    expect(out.slice(12)).toEqual(['', '### Other', '', '|  | cell | rule | message |', '| --- | --- | --- | --- |', '| ⚠️ warn | Staff!A7 | `load/over-capacity` | Finn: 0.23 h a week against a capacity of 0.1 h (231%) |']);
    expect(renderText('gaps', gapsReport(cleanSample()), 'markdown', en)).toBe('## Responsibility gaps: book.xlsx\n\n✅ no responsibility gaps (as of 2025-11-15)\n');
  });

  it('speaks Chinese', () => {
    const out = lines(renderText('gaps', gaps, 'markdown', zh));
    expect(out[0]).toBe('## 职责缺口: book.xlsx');
    expect(out[2]).toBe('**3 个错误，2 个警告，0 条提示** · 截至 2025-11-15');
    expect(out).toContain('### Cove · 普通客户');
    expect(out).toContain('### 其他');
    // Headers and severity words in Chinese too (issue 9).
    expect(renderText('check', checked, 'markdown', zh)).toContain('|  | 单元格 | 规则 | 说明 |');
    expect(renderText('check', checked, 'markdown', zh)).toContain('| ℹ️ 提示 | Accounts!H3 | `account/tier-mismatch` | Bolt：记录为普通客户，评分为重要客户 |');
  });
});

describe('github annotations', () => {
  it('one ::error, ::warning or ::notice line per finding, then the counts', () => {
    const out = lines(renderText('check', checked, 'github', en));
    expect(out).toEqual([
      '::notice file=book.xlsx,title=account/tier-mismatch::Accounts!H3 Bolt: recorded as Ordinary, scored as Important',
      '::warning file=book.xlsx,title=load/over-capacity::Staff!A7 Finn: 0.23 h a week against a capacity of 0.1 h (231%25)',
      '::error file=book.xlsx,title=ref/unknown-person::Assignments!C14 Cove · Follow-up: "Zed | 50%25" is not in the staff sheet',
      '::error file=book.xlsx,title=raci/no-accountable::Assignments!E14 Cove · Follow-up: nobody is accountable (A)',
      '::error file=book.xlsx,title=raci/no-accountable::Assignments!E15 Cove · Audit, Q4: nobody is accountable (A)',
      '::warning file=book.xlsx,title=time/overdue::Assignments!F15 Cove · Audit, Q4: due 2025-10-01, 45 days overdue',
      'kam check: 3 errors, 2 warnings, 1 note',
    ]);
  });

  it('the counts line is in the report\'s language', () => {
    expect(lines(renderText('check', checked, 'github', zh)).at(-1)).toBe('kam check: 3 个错误，2 个警告，1 条提示');
  });

  it('escapes the properties (file, title) and the message', () => {
    const report: CheckReport = { ...checked, file: 'books/q4,final:50%.xlsx' };
    const out = lines(renderText('check', report, 'github', en));
    for (const l of out.slice(0, -1)) {
      expect(l).toMatch(/^::(error|warning|notice) file=books\/q4%2Cfinal%3A50%25\.xlsx,title=[a-z/-]+::[^\r\n]+$/);
      // After the `::` the message has no raw % left.
      expect(l.split('::')[2]).not.toMatch(/%(?![0-9A-F]{2})/);
    }
    expect(out).toHaveLength(report.findings.length + 1);
  });

  it('a finding of the whole book has no cell; a clean book only the counts', () => {
    expect(renderText('check', missingSheetSample(), 'github', en)).toBe('::error file=book.xlsx,title=schema/missing-sheet::the book has no assignments sheet\nkam check: 1 error, 0 warnings, 0 notes\n');
    expect(renderText('check', cleanSample(), 'github', en)).toBe('kam check: 0 errors, 0 warnings, 0 notes\n');
  });
});

interface Suite {
  name: string;
  tests: number;
  failures: number;
  cases: { name: string; failure?: { type: string; message: string; text: string }; out?: string }[];
}

/** Parses JUnit XML (throwing if it is not well-formed) into its suites. */
function parseJunit(xml: string): { name: string; tests: number; failures: number; suites: Suite[] } {
  const parser = new SaxesParser();
  const root = { name: '', tests: 0, failures: 0, suites: [] as Suite[] };
  let inFailure = false;
  let inOut = false;
  parser.on('opentag', (t) => {
    const a = t.attributes as Record<string, string>;
    if (t.name === 'testsuites') Object.assign(root, { name: a.name, tests: Number(a.tests), failures: Number(a.failures) });
    else if (t.name === 'testsuite') root.suites.push({ name: a.name!, tests: Number(a.tests), failures: Number(a.failures), cases: [] });
    else if (t.name === 'testcase') root.suites.at(-1)!.cases.push({ name: a.name! });
    else if (t.name === 'failure') {
      root.suites.at(-1)!.cases.at(-1)!.failure = { type: a.type!, message: a.message!, text: '' };
      inFailure = true;
    } else if (t.name === 'system-out') {
      root.suites.at(-1)!.cases.at(-1)!.out = '';
      inOut = true;
    } else throw new Error(`unexpected <${t.name}>`);
  });
  parser.on('text', (text) => {
    if (inFailure) root.suites.at(-1)!.cases.at(-1)!.failure!.text += text;
    if (inOut) root.suites.at(-1)!.cases.at(-1)!.out += text;
  });
  parser.on('closetag', (t) => {
    if (t.name === 'failure') inFailure = false;
    if (t.name === 'system-out') inOut = false;
  });
  parser.write(xml).close();
  return root;
}

describe('junit', () => {
  it('check: well-formed XML, a testsuite per rule, a failed testcase per finding --fail-on fails on (warn: errors and warnings), a passing one per note', () => {
    const xml = renderText('check', checked, 'junit', reportContext('en', false, { failOn: 'warn' }));
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    const doc = parseJunit(xml);
    expect(doc.name).toBe('kam check');
    // (Every rule kam check runs; the fixture's config turns load/idle off: it did not run.)
    expect(checked.off).toEqual(['load/idle']);
    expect(doc.suites.map((s) => s.name)).toEqual(RULE_IDS.filter((r) => !r.startsWith('diff/') && r !== 'load/idle'));
    for (const s of doc.suites) {
      expect(s.cases).toHaveLength(s.tests);
      expect(s.cases.filter((c) => c.failure)).toHaveLength(s.failures);
    }
    expect(doc.failures).toBe(checked.findings.filter((f) => f.severity !== 'info').length);
    expect(doc.failures).toBe(5);
    expect(doc.tests).toBe(doc.suites.reduce((n, s) => n + s.tests, 0));
    const byRule = Object.fromEntries(doc.suites.filter((s) => s.failures > 0).map((s) => [s.name, s.cases]));
    expect(Object.keys(byRule).sort()).toEqual(['load/over-capacity', 'raci/no-accountable', 'ref/unknown-person', 'time/overdue']);
    expect(byRule['ref/unknown-person']).toEqual([
      {
        name: 'Assignments!C14: Cove · Follow-up: "Zed | 50%" is not in the staff sheet',
        failure: {
          type: 'error',
          message: 'Cove · Follow-up: "Zed | 50%" is not in the staff sheet',
          text: 'error Assignments!C14: Cove · Follow-up: "Zed | 50%" is not in the staff sheet\nadd the person to the staff sheet, or fix the spelling',
        },
      },
    ]);
    expect(byRule['raci/no-accountable']!.map((c) => c.failure!.type)).toEqual(['error', 'error']);
    // A note (info) passes, its message kept in <system-out>.
    expect(doc.suites.find((s) => s.name === 'account/tier-mismatch')).toEqual({
      name: 'account/tier-mismatch',
      tests: 1,
      failures: 0,
      cases: [{ name: 'Accounts!H3: Bolt: recorded as Ordinary, scored as Important', out: 'info Accounts!H3: Bolt: recorded as Ordinary, scored as Important' }],
    });
    // A rule without findings passes: one testcase named after it.
    expect(doc.suites.find((s) => s.name === 'time/cadence')).toEqual({ name: 'time/cadence', tests: 1, failures: 0, cases: [{ name: 'time/cadence' }] });
  });

  it('gaps: a testsuite per rule, the gap findings failed', () => {
    const doc = parseJunit(renderText('gaps', gaps, 'junit', reportContext('en', false, { failOn: 'warn' })));
    expect(doc.name).toBe('kam gaps');
    expect(new Set(doc.suites.map((s) => s.name)).size).toBe(doc.suites.length);
    expect(doc.failures).toBe(5);
    expect(doc.suites.filter((s) => s.failures > 0).map((s) => `${s.name} ${s.failures}`)).toEqual(['ref/unknown-person 1', 'raci/no-accountable 2', 'time/overdue 1', 'load/over-capacity 1']);
  });

  it('a finding of the whole book is named by the file; XML-special characters are escaped; Chinese', () => {
    const doc = parseJunit(renderText('check', { ...missingSheetSample(), file: 'a&b <"q">.xlsx' }, 'junit', en));
    expect(doc.suites[0]!.cases[0]!.name).toBe('a&b <"q">.xlsx: the book has no assignments sheet');
    const zhDoc = parseJunit(renderText('check', checked, 'junit', zh));
    expect(zhDoc.suites.find((s) => s.name === 'raci/no-accountable')!.cases[0]!.failure!.text).toBe('error Assignments!E14: Cove · Follow-up：没有审批人（A）\n请指定一位对结果负责、审批的人（A）');
  });
});

describe('finding sentences (found by a new user)', () => {
  it('one account is "1 account"; Chinese lists names with 、 while the JSON arguments keep ", "', async () => {
    const { findingMessage } = await import('../../src/report/shared/findings.js');
    const one = { rule: 'load/max-accounts', severity: 'warn', args: { person: '王芳', accounts: 1, max: 0 } } as const;
    expect(findingMessage(one, 'en')).toBe('王芳 holds 1 account, more than the limit of 0');
    expect(findingMessage({ ...one, args: { ...one.args, accounts: 2 } }, 'en')).toBe('王芳 holds 2 accounts, more than the limit of 0');
    const two = { rule: 'raci/multiple-accountable', severity: 'error', args: { account: '甲', task: '跟进', holders: '王芳, 李娜', count: 2 } } as const;
    expect(findingMessage(two, 'zh')).toContain('王芳、李娜');
    expect(findingMessage(two, 'en')).toContain('王芳, 李娜');
    expect(two.args.holders).toBe('王芳, 李娜');
  });
});
