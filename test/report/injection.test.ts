// Issue 8, injection: user text (sheet, cell, file and header names) printed by kam can neither
// drive the terminal, start a CI workflow command, nor ping, link or inject HTML in markdown.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/messages.js';
import { reportContext } from '../../src/report/context.js';
import { renderText } from '../../src/report/index.js';
import { mdCell } from '../../src/report/shared/markdown.js';
import { guardCommandLines, safeJson, safeLines, safeText } from '../../src/util/safe-text.js';
import { computeLoad } from '../../src/workload/load.js';
import { loadReport, type LoadReport } from '../../src/workload/report.js';
import { tempDir, writeBook, writeRawXlsx } from '../helpers/books.js';
import { kam } from '../helpers/cli.js';
import { brief, checkRows, cleanRows } from '../helpers/clean-book.js';
import { scoreAccounts } from '../../src/scoring/score.js';
import { AS_OF, accountsTable, assignmentsTable, bookOf, check, config, staffTable } from '../helpers/rows.js';
import { lines, mdCells } from './samples.js';

/** An OSC 8 hyperlink: a terminal shows "click" linked to http://evil. */
const OSC = '\x1b]8;;http://evil\x07click\x1b]8;;\x07';
const OSC_SHOWN = '\\x1b]8;;http://evil\\x07click\\x1b]8;;\\x07';
const SHEET = 'As\n::error file=a::pwned';
const MENTION = '@octocat <img src=x> [x](http://e) ![i](http://e)';
const ctx = reportContext('en', false);
// eslint-disable-next-line no-control-regex -- the characters that must never reach the output raw
const noRawControls = (s: string): void => expect(s).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
const noCommandLine = (s: string): void => expect(s.split('\n').filter((l) => /^\s*(::|##\[)/.test(l))).toEqual([]);

describe('safeText', () => {
  it('shows control characters, escape sequences and bidi overrides as escapes, ordinary text as it is', () => {
    expect(safeText(OSC)).toBe(OSC_SHOWN);
    expect(safeText('a\nb\r\tc\0d\x7fe\x9bf\u202eg\u2066h\u2028')).toBe('a\\nb\\r\\tc\\x00d\\x7fe\\x9bf\\u202eg\\u2066h\\u2028');
    for (const s of ['华东精密 · 日常跟进', 'C:\\books\\a.xlsx', 'Zed | 50%', '']) expect(safeText(s)).toBe(s);
    expect(safeLines('a\r\nb\rc\td\x1b')).toBe('a\nb\nc\td\\x1b');
  });
  it('keeps JSON exact: escapes parse back to the same value', () => {
    const value = { name: `x\u202ey\x9b\x7f${OSC}\u2028` };
    const text = safeJson(JSON.stringify(value));
    noRawControls(text);
    expect(text).toBe('{"name":"x\\u202ey\\u009b\\u007f\\u001b]8;;http://evil\\u0007click\\u001b]8;;\\u0007\\u2028"}');
    expect(JSON.parse(text)).toEqual(value);
  });
  it('guards lines that a CI runner reads as a command', () => {
    expect(guardCommandLines('ok\n::error::x\n  ::warning::y\n##[error]z\na::b')).toBe('ok\n\\::error::x\n  \\::warning::y\n\\##[error]z\na::b');
    expect(guardCommandLines('::x', false)).toBe('::x');
  });
});

/** A check of a book whose Assignments sheet is named SHEET, with hostile people in C3 and C4. */
function hostileCheck() {
  return check(
    {
      accounts: accountsTable([{ id: 'A1', name: 'Apex', owner: 'Alice', numbers: { annual_revenue: 300 }, periods: [1, 1], lastContact: '2025-11-10' }]),
      staff: staffTable([{ name: 'Alice' }]),
      assignments: assignmentsTable(
        [
          { account: 'Apex', task: 'Follow-up', person: 'Alice', raci: 'A', frequency: 'monthly', status: 'doing' },
          { account: 'Apex', task: 'Follow-up', person: OSC, raci: 'R', frequency: 'monthly', status: 'doing' },
          { account: 'Apex', task: 'Follow-up', person: MENTION, raci: 'R', frequency: 'monthly', status: 'doing' },
        ],
        undefined,
        SHEET,
      ),
    },
    { rules: { 'load/idle': 'off', 'coverage/required-task': 'off' } },
  );
}

describe('findings', () => {
  const report = hostileCheck();

  it('text: the sheet name and the cell value are escaped on their lines', () => {
    const out = renderText('check', report, 'text', ctx);
    noRawControls(out);
    noCommandLine(out);
    expect(lines(out).slice(2, 5)).toEqual([
      'As\\n::error file=a::pwned',
      `  ✖ error  C3  Apex · Follow-up: "${OSC_SHOWN}" is not in the staff sheet  ref/unknown-person`,
      '           ↳ add the person to the staff sheet, or fix the spelling',
    ]);
  });

  it('github: one workflow command per finding, escaped by GitHub\'s rules', () => {
    const out = renderText('check', report, 'github', ctx);
    noRawControls(out);
    expect(lines(out)).toEqual([
      `::error file=book.xlsx,title=ref/unknown-person::As%0A::error file=a::pwned!C3 Apex · Follow-up: "${OSC_SHOWN}" is not in the staff sheet`,
      `::error file=book.xlsx,title=ref/unknown-person::As%0A::error file=a::pwned!C4 Apex · Follow-up: "${MENTION}" is not in the staff sheet`,
      'kam check: 2 errors, 0 warnings, 0 notes',
    ]);
    const file = { ...report, file: 'a,b:c\n::x%.xlsx' };
    expect(renderText('check', file, 'github', ctx).split('\n')[0]).toMatch(/^::error file=a%2Cb%3Ac%0A%3A%3Ax%25\.xlsx,title=/);
  });

  it('markdown: no mention, HTML, link or broken table', () => {
    const out = renderText('check', report, 'markdown', ctx);
    noRawControls(out);
    const rows = lines(out).filter((l) => l.startsWith('| ❌'));
    expect(rows.map(mdCells)).toEqual([
      ['❌ error', 'As<br>::error file=a::pwned!C3', '`ref/unknown-person`', 'Apex · Follow-up: "\\\\x1b\\]8;;http\\://evil\\\\x07click\\\\x1b\\]8;;\\\\x07" is not in the staff sheet'],
      ['❌ error', 'As<br>::error file=a::pwned!C4', '`ref/unknown-person`', 'Apex · Follow-up: "@\u2060octocat &lt;img src=x> \\[x\\](http\\://e) !\\[i\\](http\\://e)" is not in the staff sheet'],
    ]);
    expect(mdCell('a|b & <b>c</b>\n@team/x')).toBe('a\\|b &amp; &lt;b>c&lt;/b><br>@\u2060team/x');
    expect(mdCell('see https://evil.example, www.evil.example or a@b.example')).toBe('see https\\://evil.example, www\\.evil.example or a@\u2060b.example');
  });

  it('junit: escapes shown, line breaks as references', () => {
    const out = renderText('check', report, 'junit', ctx);
    noRawControls(out);
    noCommandLine(out);
    expect(out).toContain(`name="As&#10;::error file=a::pwned!C3: Apex · Follow-up: &quot;${OSC_SHOWN}&quot; is not in the staff sheet"`);
  });

  it('json: exact values', () => {
    const out = renderText('check', report, 'json', ctx);
    noRawControls(out);
    const value = JSON.parse(out) as { findings: Record<string, unknown>[] };
    expect(value.findings.map((f) => [f.sheet, f.cell, f.person, f.message])).toEqual([
      [SHEET, `${SHEET}!C3`, OSC, `Apex · Follow-up: "${OSC}" is not in the staff sheet`],
      [SHEET, `${SHEET}!C4`, MENTION, `Apex · Follow-up: "${MENTION}" is not in the staff sheet`],
    ]);
  });
});

/** Alice and a person whose name is a workflow command with an OSC link, both on Apex. */
function hostileLoad(name: string): LoadReport {
  const accounts = accountsTable([{ id: 'A1', name: 'Apex', owner: 'Alice', numbers: { annual_revenue: 300 } }]);
  const staff = staffTable([
    { name: 'Alice', role: 'AM', department: 'Sales', capacity: 10 },
    { name, role: 'AM\u202e', department: 'Sales', capacity: 10 },
  ]);
  const assignments = assignmentsTable([
    { account: 'Apex', task: 'Follow-up', person: 'Alice', raci: 'A', frequency: 'weekly', hours: 2 },
    { account: 'Apex', task: 'Follow-up', person: name, raci: 'R', frequency: 'weekly', hours: 5 },
  ]);
  const book = bookOf({ accounts, staff, assignments });
  return loadReport(book, computeLoad(book), 'book.xlsx', {}, []);
}

describe('tables', () => {
  it('text: a name cannot start a command line or break the table', () => {
    const out = renderText('load', hostileLoad(`::error::pwned\n${OSC}`), 'text', ctx);
    noRawControls(out);
    noCommandLine(out);
    const rows = lines(out).filter((l) => l.includes('pwned') || l.startsWith('Alice'));
    expect(rows.map((l) => l.replace(/\s+/g, ' ').split(' ').slice(0, 3))).toEqual([
      [`\\::error::pwned\\n${OSC_SHOWN}`, 'AM\\u202e', 'Sales'],
      ['Alice', 'AM', 'Sales'],
    ]);
  });

  it('json: tier escapes what a terminal acts on in every text: ids, names, criteria (tier)', () => {
    const unsafe = '\u2028\u2029\u202e\u2066\u0085\u007f';
    const table = accountsTable([
      { id: `A1${unsafe}`, name: `Apex${unsafe}`, numbers: { annual_revenue: 300 } },
      { id: 'A2', name: 'Bolt\x1b[2J', numbers: { annual_revenue: 100 } },
    ]);
    const report = scoreAccounts(table, config({ scoring: { criteria: [{ column: `annual_revenue`, weight: 1 }] } }), AS_OF, 'book.xlsx');
    report.criteria[0]!.column = `Revenue${unsafe}`;
    const out = renderText('tier', report, 'json', ctx);
    // eslint-disable-next-line no-control-regex -- raw control characters are what must not be there
    expect(out).not.toMatch(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\x00-\x09\x0b-\x1f]/);
    // Nothing left for the guard to escape, and the same values.
    expect(out).toBe(safeJson(out));
    const parsed = JSON.parse(out) as { accounts: { id: string; name: string; contributions: Record<string, number> }[] };
    expect(parsed.accounts.map((a) => [a.id, a.name, Object.keys(a.contributions)])).toEqual([
      [`A1${unsafe}`, `Apex${unsafe}`, [`Revenue${unsafe}`]],
      ['A2', 'Bolt\x1b[2J', [`Revenue${unsafe}`]],
    ]);
    expect(out).toContain('"name": "Apex\\u2028\\u2029\\u202e\\u2066\\u0085\\u007f"');
  });

  it('text: a newline in an account name or a header stays on its row (tier)', () => {
    const table = accountsTable([
      { id: 'A1', name: 'Apex\nline 2', numbers: { annual_revenue: 300 } },
      { id: 'A2', name: 'Bolt\x1b[2J', numbers: { annual_revenue: 100 } },
    ]);
    table.layout.byKey.get('annual_revenue')!.header = 'Revenue\r\n::x';
    const tier = renderText('tier', scoreAccounts(table, config(), AS_OF, 'book.xlsx'), 'text', ctx);
    noRawControls(tier);
    noCommandLine(tier);
    expect(lines(tier).filter((l) => /Apex|Bolt/.test(l)).map((l) => l.trim().replace(/\s+/g, ' ').split(' ').slice(0, 3))).toEqual([
      ['1', 'Apex\\nline', '2'],
      ['2', 'Bolt\\x1b[2J', '0.0'],
    ]);
    expect(lines(tier)[1]).toContain('Revenue\\r\\n::x');
  });

  it('markdown: a person cannot ping, inject HTML or break the table', () => {
    const out = renderText('load', hostileLoad('@octocat <img src=x>|y'), 'markdown', ctx);
    const row = lines(out).find((l) => l.includes('octocat'))!;
    expect(mdCells(row).slice(0, 2)).toEqual(['@\u2060octocat &lt;img src=x>\\|y', 'AM\\\\u202e']);
  });

  it('csv: values kept with their line breaks, controls escaped, no command line; --raw exact', () => {
    const report = hostileLoad(`a\n::error::pwned${OSC}`);
    const out = renderText('load', report, 'csv', ctx);
    noRawControls(out.replace(/\r\n/g, '\n'));
    noCommandLine(out);
    expect(out.split('\r\n')[1]).toBe(`"a\n\\::error::pwned${OSC_SHOWN}",AM\\u202e,Sales,5,10,0.5,ok,1,0`);
    const raw = renderText('load', report, 'csv', reportContext('en', false, { raw: true }));
    expect(raw.split('\r\n')[1]).toBe(`"a\n::error::pwned${OSC}",AM\u202e,Sales,5,10,0.5,ok,1,0`);
  });
});

describe('error and note lines (CLI)', () => {
  it('a sheet name with a newline and a workflow command stays in one escaped stderr line', async () => {
    const dir = tempDir();
    const path = writeRawXlsx(join(dir, 'b.xlsx'), [{ name: 'x&#10;::error file=a::pwned&#27;[31m&#x202e;', data: '<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c></row>' }]);
    const r = await kam(['tier', path], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`kam: ${path}: no Accounts sheet found (sheets: x\\n::error file=a::pwned\\x1b[31m\\u202e): name a sheet "Accounts" or add an alias under "sheets" in kam.config.json\n`);
  });

  it('a file name with control characters is escaped in the error line', async () => {
    const r = await kam(['check', 'no\n::error::such\x1b[2J.xlsx'], { cwd: tempDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('kam: no\\n::error::such\\x1b[2J.xlsx: file not found: check the path\n');
  });

  it('a note that starts with a file name cannot start a workflow command (--verbose)', () => {
    expect(t('en', 'note.encoding', { file: '::error::x\n.csv', encoding: 'utf-8', delimiter: ',' })).toBe('\\::error::x\\n.csv: read as utf-8, delimiter ","');
    expect(t('zh', 'note.config', { file: '::error::x' })).toBe('配置：::error::x');
  });

  it('an unknown option with control characters is escaped', async () => {
    const r = await kam(['check', '--x\n::error::y']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')).toHaveLength(2);
    expect(r.stderr).toContain('--x\\n::error::y');
  });
});

describe('codes that name object properties', () => {
  it('__proto__, constructor, toString in RACI, Frequency and Status: schema/invalid-value at the cell, and hours still numbers', async () => {
    const rows = cleanRows();
    // Rows 2-4 (Apex): RACI, Frequency, Status columns E, G, H; row 5 a task named `constructor`.
    rows.assignments[1]![4] = '__proto__';
    rows.assignments[2]![6] = 'constructor';
    rows.assignments[3]![7] = 'toString';
    rows.assignments[4]![1] = 'constructor';
    const c = await checkRows(rows);
    expect(c.code).toBe(1);
    expect(brief(c).filter((f) => f.startsWith('schema/'))).toEqual([
      'schema/invalid-value error Assignments!E2',
      'schema/invalid-value error Assignments!G3',
      'schema/invalid-value error Assignments!H4',
    ]);
    const dir = tempDir();
    const path = await writeBook(join(dir, 'book.xlsx'), [
      { name: 'Accounts', rows: rows.accounts },
      { name: 'Staff', rows: rows.staff },
      { name: 'Assignments', rows: rows.assignments },
    ]);
    const load = await kam(['load', path, '--format', 'json'], { cwd: dir });
    const people = (JSON.parse(load.stdout) as { people: { name: string; hours: unknown; utilization: unknown }[] }).people;
    expect(people.filter((p) => typeof p.hours !== 'number' || typeof p.utilization !== 'number')).toEqual([]);
  });
});
