// kam check and kam gaps end to end: the planted problems of the Chinese example, the clean
// English example, every output format accepted by its consumer's syntax; and on a small book, the
// exit code (errors, --fail-on, --max-warnings) and a missing sheet or column. The rules are tested
// on typed rows in test/rules/, the reading of cells in test/io/table.test.ts.
import { appendFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { tempDir, writeBook } from '../helpers/books.js';
import { brief, checkRows, cleanRows } from '../helpers/clean-book.js';
import { BIN, EXAMPLES, kam, ROOT, spawnKam } from '../helpers/cli.js';
import { spawnSync } from 'node:child_process';

const zh = join(EXAMPLES, 'accounts-zh.xlsx');
const en = join(EXAMPLES, 'accounts-en.xlsx');
const asOf = ['--as-of', '2025-11-15'];

interface Json {
  file: string;
  asOf: string;
  summary: Record<string, number>;
  findings: { rule: string; severity: string; cell?: string; account?: string; person?: string; task?: string; message: string }[];
}

describe('the Chinese example', () => {
  it('reports each planted problem at its cell, and nothing spurious', async () => {
    const r = await kam(['check', zh, '--format', 'json', ...asOf]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as Json;
    expect(out.file).toBe(zh);
    expect(out.asOf).toBe('2025-11-15');
    const problems = out.findings.filter((f) => f.severity !== 'info' && f.rule !== 'time/cadence').map((f) => `${f.rule} ${f.cell} ${f.account ?? f.person}`);
    expect(problems).toEqual([
      'coverage/required-task 客户信息!B16 天成建设集团',
      'account/declining-revenue 客户信息!L25 鼎盛地产集团',
      'data/missing-value 客户信息!J35 智联软件服务',
      'load/over-capacity 人员!A2 张伟',
      'raci/role-conflict 分工明细!E36 蓝海零售连锁',
      'ref/inactive-person 分工明细!C51 西部矿业有限公司',
      'raci/no-accountable 分工明细!E85 云帆教育科技',
      'time/overdue 分工明细!F100 瑞丰化工股份',
      'ref/unknown-person 分工明细!C124 鼎盛地产集团',
    ]);
    // Cadence: every account whose last contact is older than its tier allows, and no other.
    const cadence = out.findings.filter((f) => f.rule === 'time/cadence').map((f) => f.account);
    expect(cadence).toHaveLength(12);
    expect(cadence).not.toContain('华东精密制造有限公司');
    expect(out.summary).toEqual({ error: 4, warn: 17, info: 13 });
  });

  it('speaks Chinese', async () => {
    const r = await kam(['check', zh, ...asOf, '--lang', 'zh']);
    expect(r.stdout).toContain('分工明细');
    expect(r.stdout).toContain('云帆教育科技 · 日常跟进：没有审批人（A）');
    expect(r.stdout).toContain('个错误');
  });
});

describe('the English example', () => {
  it('passes with exit 0 and no findings', async () => {
    const r = await kam(['check', en, ...asOf]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✔ no problems found');
    const csv = await kam(['check', join(EXAMPLES, 'csv-en'), '--format', 'json', ...asOf]);
    expect((JSON.parse(csv.stdout) as Json).findings).toEqual([]);
  });
});

describe('formats', () => {
  it('github: one workflow command per finding, in the syntax Actions reads', async () => {
    const r = await kam(['check', zh, '--format', 'github', ...asOf]);
    const lines = r.stdout.trim().split('\n');
    const commands = lines.filter((l) => l.startsWith('::'));
    expect(commands).toHaveLength(34);
    for (const l of commands) expect(l).toMatch(/^::(error|warning|notice) file=[^,:\n]+,title=[a-z-]+\/[a-z-]+::[^\r\n]+$/);
    expect(commands).toContain('::error file=' + zh.replace(/:/g, '%3A') + ',title=raci/no-accountable::分工明细!E85 云帆教育科技 · 日常跟进: nobody is accountable (A)');
    expect(lines.at(-1)).toBe('kam check: 4 errors, 17 warnings, 13 notes');
  });

  it('github: the annotations of a CSV name the line its row starts on (a quoted line break moves the rows after it), those of a workbook none', async () => {
    const dir = tempDir('kam-gh-lines-');
    const book = join(dir, 'dol.csv');
    writeFileSync(book, 'account,task,person,raci\nACME,Renewal,Wang,A\nACME,Renewal,Li,A\n"Beta\nCo",Visit,Zhao,R\nGamma,Visit,Qian,R\n');
    const r = await kam(['check', book, '--format', 'github', ...asOf]);
    const lines = r.stdout.split('\n').filter((l) => l.includes('title=raci/'));
    expect(lines.map((l) => /,line=(\d+),title=([^:]+)::dol\.csv!(D\d+)/.exec(l)?.slice(1).join(' '))).toEqual([
      '2 raci/multiple-accountable D2',
      '2 raci/no-responsible D2',
      '4 raci/no-accountable D4',
      '6 raci/no-accountable D5',
    ]);
    // The finding about the book as a whole has no line.
    expect(r.stdout).toContain(`::error file=${book.replace(/:/g, '%3A')},title=schema/missing-sheet::`);
    // kam diff: at the new version's line.
    const next = join(dir, 'dol2.csv');
    writeFileSync(next, `${readFileSync(book, 'utf8')}Delta,Visit,Sun,R\n`);
    const d = await kam(['diff', book, next, '--format', 'github', ...asOf]);
    expect(d.stdout).toContain(`::notice file=${next.replace(/:/g, '%3A')},line=7,title=kam diff%3A responsibility-added::dol2.csv!C6 Delta: Visit: R Sun added`);
    expect(d.stdout).toContain(',line=7,title=raci/no-accountable::dol2.csv!D6 Delta · Visit');
    // A workbook's rows are no lines of its file.
    const x = await kam(['check', zh, '--format', 'github', ...asOf]);
    expect(x.stdout).not.toContain('line=');
  });

  it('junit: valid XML, a testsuite per rule, a failed testcase per finding that fails the run (--fail-on warn: errors and warnings), notes passing', async () => {
    const r = await kam(['check', zh, '--format', 'junit', '--fail-on', 'warn', ...asOf]);
    const suites: Record<string, { failures: number; cases: number; failed: number }> = {};
    let current = '';
    const parser = new SaxesParser();
    parser.on('opentag', (t) => {
      if (t.name === 'testsuite') {
        current = String(t.attributes.name);
        suites[current] = { failures: Number(t.attributes.failures), cases: 0, failed: 0 };
      }
      if (t.name === 'testcase') suites[current]!.cases++;
      if (t.name === 'failure') suites[current]!.failed++;
    });
    parser.write(r.stdout).close();
    expect(suites['raci/no-accountable']).toEqual({ failures: 1, cases: 1, failed: 1 });
    expect(suites['time/cadence']).toEqual({ failures: 12, cases: 12, failed: 12 });
    expect(suites['raci/no-responsible']).toEqual({ failures: 0, cases: 1, failed: 0 });
    // The 13 notes (account/tier-mismatch) pass: 4 errors and 17 warnings fail.
    expect(Object.values(suites).reduce((s, x) => s + x.failed, 0)).toBe(21);
    expect(suites['account/tier-mismatch']).toMatchObject({ failures: 0, failed: 0, cases: 13 });
    // The example's config turns load/idle off: it did not run, so it is no passing test.
    expect(suites['load/idle']).toBeUndefined();
  });

  it('markdown: a summary and a table', async () => {
    const r = await kam(['check', zh, '--format', 'markdown', ...asOf]);
    expect(r.stdout).toMatch(/^## Responsibility check: /);
    expect(r.stdout).toContain('**4 errors, 17 warnings, 13 notes**');
    expect(r.stdout).toContain('| ❌ error | 分工明细!E85 | `raci/no-accountable` | 云帆教育科技 · 日常跟进: nobody is accountable (A) |');
    const clean = await kam(['check', en, '--format', 'markdown', ...asOf]);
    expect(clean.stdout).toContain('✅ no problems found');
  });

  it('writes a report file with -o (junit .xml, json, markdown)', async () => {
    const { readFileSync } = await import('node:fs');
    const dir = tempDir();
    const r = await kam(['check', zh, '-o', join(dir, 'report.xml'), ...asOf]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(readFileSync(join(dir, 'report.xml'), 'utf8')).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites/);
  });
});

describe('kam gaps', () => {
  it('groups by account, most severe and highest tier first', async () => {
    const r = await kam(['gaps', zh, '--format', 'json', ...asOf]);
    const out = JSON.parse(r.stdout) as Json;
    const order = [...new Set(out.findings.map((f) => f.account))];
    expect(order.slice(0, 4)).toEqual(['天成建设集团', '西部矿业有限公司', '鼎盛地产集团', '云帆教育科技']);
    expect(out.findings.every((f) => !f.rule.startsWith('schema/') && !f.rule.startsWith('account/') && f.rule !== 'data/missing-value')).toBe(true);
    expect(out.findings.filter((f) => f.account === '天成建设集团').map((f) => f.rule)).toEqual(['coverage/required-task', 'time/cadence']);
    expect(r.code).toBe(1);
  });

  it('--verbose names the delimiter of a folder of ; files (it said "," whatever the files held)', async () => {
    const dir = tempDir('kam-semi-');
    for (const name of ['accounts.csv', 'staff.csv', 'assignments.csv']) {
      const text = readFileSync(join(EXAMPLES, 'csv-en', name), 'utf8');
      expect(text).not.toContain(';');
      expect(text).not.toContain('"');
      writeFileSync(join(dir, name), text.replace(/,/g, ';'));
    }
    const semi = await kam(['gaps', dir, '--format', 'json', '--verbose', ...asOf]);
    for (const name of ['accounts.csv', 'staff.csv', 'assignments.csv']) expect(semi.stderr).toContain(`${join(dir, name)}: read as utf-8, delimiter ";"`);
    const comma = await kam(['gaps', join(EXAMPLES, 'csv-en'), '--format', 'json', '--verbose', ...asOf]);
    expect(comma.stderr).toContain('delimiter ","');
    // The same findings either way.
    expect(JSON.parse(semi.stdout).findings).toEqual(JSON.parse(comma.stdout).findings);
  });

  it('refuses, exit 2, a division of labour without its task column rather than say "no gaps" (found by a new user)', async () => {
    const dir = tempDir('kam-gaps-');
    cpSync(join(EXAMPLES, 'csv-en'), dir, { recursive: true });
    const file = join(dir, 'assignments.csv');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/^(\ufeff?[^\n]*?)\bTask\b/, '$1Foo'));
    expect(readFileSync(file, 'utf8')).not.toEqual(text);
    const r = await kam(['gaps', dir, '--format', 'json', ...asOf]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('no "task" column');
    // check still lists it, with the rest.
    expect((await kam(['check', dir, '--format', 'json', ...asOf])).code).toBe(1);
  });

  it('lists a cell it could not read (a date either way round) with its account, exit 1, rather than say "no gaps" (found by a new user)', async () => {
    const dir = tempDir('kam-gaps-');
    writeFileSync(join(dir, 'accounts.csv'), 'ID,Name,Owner,Tier,Last Contact\nK1,Acme,Al,Strategic,3/4/2025\nK2,Beta,Al,Strategic,2025-11-01\n');
    writeFileSync(join(dir, 'staff.csv'), 'Name\nAl\nBo\n');
    writeFileSync(join(dir, 'assignments.csv'), ['Account,Task,Person,RACI,Due', ...['K1', 'K2'].flatMap((k) => ['Follow-up', 'Complaints', 'Tech support', 'Business review'].flatMap((t) => [`${k},${t},Al,A,`, `${k},${t},Bo,R,`]))].join('\n') + '\n');
    const r = await kam(['gaps', dir, '--format', 'json', ...asOf]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { findings: { rule: string; cell: string; account?: string }[] };
    expect(out.findings.map((f) => [f.rule, f.cell, f.account])).toEqual([['schema/invalid-value', 'accounts.csv!E2', 'Acme']]);
  });

  it('refuses, exit 2, a book without an Assignments sheet rather than say "no gaps" (found by a new user)', async () => {
    const dir = tempDir('kam-gaps-');
    writeFileSync(join(dir, 'accounts.csv'), 'ID,Name,Owner,Annual Revenue,Tier\nK1,Acme,,100,Strategic\n');
    writeFileSync(join(dir, 'staff.csv'), 'Name\nAl\n');
    const r = await kam(['gaps', dir, '--format', 'json', ...asOf]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([`kam: ${dir}: no Assignments sheet found (sheets: accounts.csv, staff.csv): name a sheet "Assignments" or add an alias under "sheets" in kam.config.json`]);
    // One CSV is one table: not a sheet to rename (found by a new user).
    const one = await kam(['gaps', join(dir, 'accounts.csv'), ...asOf]);
    expect(one.code).toBe(2);
    expect(one.stderr).toBe(`kam: ${join(dir, 'accounts.csv')}: this CSV is one table, not the Assignments sheet: put it in a folder with assignments.csv beside it and give the folder, or give a workbook that has the Assignments sheet\n`);
    // check lists it as a finding, with the rest.
    const c = await kam(['check', dir, '--format', 'json', ...asOf]);
    expect(c.code).toBe(1);
    expect((JSON.parse(c.stdout) as Json).findings.map((f) => f.rule)).toContain('schema/missing-sheet');
    // Without Staff too, no note that people are taken from a division of labour that is not there.
    rmSync(join(dir, 'staff.csv'));
    const alone = await kam(['check', dir, '--format', 'json', ...asOf]);
    expect(alone.code).toBe(1);
    expect(alone.stderr).not.toContain('people are taken from the assignments');
  });

  it('a one-off task whose due cell does not read as a date has that finding, not "without a due date" too (found by a new user)', async () => {
    const dir = tempDir('kam-due-');
    writeFileSync(join(dir, 'accounts.csv'), 'Name,Owner,Tier\nAcme,Al,Ordinary\n');
    writeFileSync(join(dir, 'staff.csv'), 'Name,Role\nAl,Account Manager\nBo,Account Manager\n');
    const book = (due: string) => writeFileSync(join(dir, 'assignments.csv'), `Account,Task,Person,RACI,Frequency,Due\nAcme,Renewal,Al,A,once,${due}\nAcme,Renewal,Bo,R,once,${due}\n`);
    const findings = async () => (JSON.parse((await kam(['check', dir, '--format', 'json', ...asOf])).stdout) as Json).findings.filter((f) => /^(?:time|schema)\//.test(f.rule)).map((f) => `${f.rule} ${f.cell}`);
    book('soon');
    expect(await findings()).toEqual(['schema/invalid-value assignments.csv!F2', 'schema/invalid-value assignments.csv!F3']);
    book('');
    expect(await findings()).toEqual(['time/missing-due assignments.csv!F2']);
    book('2025-12-01');
    expect(await findings()).toEqual([]);
  });

  it('reads the headers CRM exports use: Salesforce, HubSpot, 纷享销客 (found by a new user: their findings went missing)', async () => {
    const dir = tempDir('kam-crm-');
    writeFileSync(join(dir, 'accounts.csv'), 'Record ID,Account Name,Company owner,Annual Revenue,Last Activity Date,Tier\nR1,Acme,Al,100,2025-01-02,Ordinary\n');
    writeFileSync(join(dir, 'staff.csv'), 'Name,Role\nAl,Account Manager\nBo,Account Manager\n');
    writeFileSync(join(dir, 'assignments.csv'), 'Account,Task,Assigned To,RACI\nR1,Follow-up,Al,A\nR1,Follow-up,Bo,R\n');
    const out = JSON.parse((await kam(['check', dir, '--format', 'json', ...asOf])).stdout) as Json;
    const rules = out.findings.map((f) => `${f.rule} ${f.cell}`);
    // Last Activity Date is the last contact; Assigned To holds the letters' people; Record ID and Company owner are read.
    expect(rules).toContain('time/cadence accounts.csv!E2');
    expect(rules.filter((r) => r.startsWith('raci/') || r.startsWith('ref/') || r.startsWith('schema/'))).toEqual([]);
    writeFileSync(join(dir, 'accounts.csv'), '客户名称,客户所有人,年采购额,最后跟进时间,客户等级\nAcme,Al,100,2025/01/02 14:05,普通客户\n');
    writeFileSync(join(dir, 'assignments.csv'), '客户名称,工作内容,指派给,角色\nAcme,日常跟进,Al,A\nAcme,日常跟进,Bo,R\n');
    const zh = (JSON.parse((await kam(['check', dir, '--format', 'json', ...asOf])).stdout) as Json).findings.map((f) => `${f.rule} ${f.cell}`);
    expect(zh).toContain('time/cadence accounts.csv!D2');
    // Beside a header kam already knew (HubSpot exports both), the CRM name loses to it rather than make the column ambiguous (found by review).
    writeFileSync(join(dir, 'accounts.csv'), 'Name,Owner,Company owner,Last Contacted,Last Activity Date,Tier\nAcme,Al,Al,2025-01-02,2025-10-30,Ordinary\n');
    const both = (JSON.parse((await kam(['check', dir, '--format', 'json', ...asOf])).stdout) as Json).findings.map((f) => `${f.rule} ${f.cell}`);
    expect(both).toContain('time/cadence accounts.csv!D2');
    expect(both.filter((r) => r.startsWith('schema/'))).toEqual([]);
    expect(zh.filter((r) => r.startsWith('raci/') || r.startsWith('ref/') || r.startsWith('schema/'))).toEqual([]);
  });

  it('says which time rules a missing column keeps from running, unless -q (found by a new user: findings went missing without a word)', async () => {
    const dir = tempDir('kam-unchecked-');
    writeFileSync(join(dir, 'accounts.csv'), 'Name,Owner,Tier\nAcme,Al,Ordinary\n');
    writeFileSync(join(dir, 'staff.csv'), 'Name\nAl\nBo\n');
    writeFileSync(join(dir, 'assignments.csv'), 'Account,Task,Person,RACI\nAcme,Follow-up,Al,A\nAcme,Follow-up,Bo,R\n');
    for (const command of ['check', 'gaps']) {
      const r = await kam([command, dir, ...asOf, '--lang', 'en']);
      expect(r.stderr, command).toContain('kam: accounts.csv has no last-contact column: contact cadence (time/cadence) is not checked;');
      expect(r.stderr, command).toContain('kam: assignments.csv has no due-date column: overdue work (time/overdue) is not checked');
      expect((await kam([command, dir, ...asOf, '-q'])).stderr, command).toBe('');
    }
    // Turned off, a rule needs no column.
    writeFileSync(join(dir, 'kam.config.json'), '{"rules": {"time/cadence": "off", "time/overdue": "off"}}');
    expect((await kam(['check', dir, ...asOf, '--lang', 'en'])).stderr).not.toContain('is not checked');
  });

  it('refuses an empty CSV file named alone, exit 2, with every command (found by a new user: check said 1)', async () => {
    const file = join(tempDir('kam-empty-'), 'empty.csv');
    writeFileSync(file, '');
    for (const command of ['check', 'gaps', 'tier', 'load']) {
      const r = await kam([command, file, ...asOf]);
      expect(r.code, command).toBe(2);
      expect(r.stderr, command).toBe(`kam: ${file}: the file is empty: export the workbook again\n`);
    }
    // Nothing but a BOM, line ends or delimiters is empty too (found by review); one letter is not.
    for (const bytes of [Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('\r\n'), Buffer.from(',,,\r\n,,,\r\n'), Buffer.from([0xff, 0xfe, 0x0d, 0x00, 0x0a, 0x00])]) {
      writeFileSync(file, bytes);
      const r = await kam(['check', file, ...asOf]);
      expect(r.code, JSON.stringify(bytes)).toBe(2);
      expect(r.stderr).toContain('the file is empty');
    }
    writeFileSync(file, 'a\n');
    expect((await kam(['check', file, ...asOf])).code).toBe(1);
  });

  it('takes only the delimiters a CSV may have, exit 2 for any other (found by a new user)', async () => {
    const folder = join(EXAMPLES, 'csv-en');
    for (const value of ['x', '||', ':']) {
      const r = await kam(['check', folder, '--delimiter', value, ...asOf]);
      expect(r.code, value).toBe(2);
      expect(r.stderr, value).toBe(`kam: invalid --delimiter "${value}": use one of , ; | or tab\n`);
    }
    expect((await kam(['check', folder, '--delimiter', ',', '-q', ...asOf])).code).toBe(0);
    expect((await kam(['check', folder, '--delimiter', 'tab', '-q', ...asOf])).code).toBeLessThan(2);
  });

  it('prints blocks per account in text and markdown', async () => {
    const text = await kam(['gaps', zh, ...asOf, '--lang', 'zh']);
    expect(text.stdout).toMatch(/天成建设集团 \(KA012\) · 战略客户 · 2 个问题/);
    const md = await kam(['gaps', zh, ...asOf, '--format', 'markdown']);
    expect(md.stdout).toContain('### 天成建设集团 · Strategic');
    const clean = await kam(['gaps', en, ...asOf]);
    expect(clean.stdout).toContain('no responsibility gaps');
    expect(clean.code).toBe(0);
  });
});

describe('kam check (spawned)', () => {
  it('fails CI on errors and passes a clean book', () => {
    expect(spawnKam(['check', 'examples/accounts-zh.xlsx', '--format', 'github', ...asOf]).code).toBe(1);
    expect(spawnKam(['check', 'examples/accounts-en.xlsx', '--format', 'github', ...asOf]).code).toBe(0);
    const bad = spawnKam(['check', 'examples/accounts-en.xlsx', '--format', 'csv']);
    expect(bad.code).toBe(2);
  });

  it('keeps its exit code when the reader of stdout goes away early (`| head`; found by a new user: it exited 0)', () => {
    const dir = tempDir('kam-pipe-');
    writeFileSync(join(dir, 'staff.csv'), 'Name\nAl\n');
    // 3,000 activities without an A: ~2 MB of JSON, far more than a pipe holds.
    writeFileSync(join(dir, 'assignments.csv'), `Account,Task,Person,RACI\n${Array.from({ length: 3000 }, (_v, i) => `C${i},Follow-up,Al,R`).join('\n')}\n`);
    for (const format of ['json', 'github', 'text']) {
      const bash = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" check "${dir}" --format ${format} --as-of 2025-11-15 -q | head -c 100 > /dev/null`], { encoding: 'utf8' });
      expect(bash.status, format).toBe(1);
      expect(bash.stderr, format).toBe('');
    }
  });
});

describe('a small book', () => {
  it('the clean book has no findings and exits 0', async () => {
    const c = await checkRows(cleanRows());
    expect(brief(c)).toEqual([]);
    expect(c.json.summary).toEqual({ error: 0, warn: 0, info: 0 });
    expect(c.code).toBe(0);
  });

  it('exits 1 on an error', async () => {
    const rows = cleanRows();
    rows.assignments.push(['Nope Ltd', 'Follow-up', 'Alice', 'Sales', 'R', null, 'weekly', 'doing'], ['Nope Ltd', 'Follow-up', 'Gina', 'Sales', 'A', null, 'weekly', 'doing']);
    const c = await checkRows(rows);
    expect(brief(c)).toEqual(['ref/unknown-account error Assignments!A16', 'ref/unknown-account error Assignments!A17']);
    expect(c.json.findings[0]).toMatchObject({ account: 'Nope Ltd', task: 'Follow-up' });
    expect(c.code).toBe(1);
  });

  it('--fail-on and --max-warnings', async () => {
    const rows = cleanRows();
    rows.accounts[3]![3] = null; // one warning: data/missing-value
    const c = await checkRows(rows);
    expect(brief(c)).toEqual(['data/missing-value warn Accounts!D4']);
    expect(c.code).toBe(0);
    expect((await checkRows(rows, ['--fail-on', 'warn'])).code).toBe(1);
    expect((await checkRows(rows, ['--max-warnings', '0'])).code).toBe(1);
    expect((await checkRows(rows, ['--max-warnings', '1'])).code).toBe(0);
    expect((await checkRows(rows, ['--fail-on', 'info'])).code).toBe(1);
  });

  it('schema/missing-sheet and schema/missing-column', async () => {
    const path = await writeBook(`${tempDir()}/b.xlsx`, [
      { name: 'Accounts', rows: cleanRows().accounts },
      { name: 'Staff', rows: cleanRows().staff },
    ]);
    const r = await kam(['check', path, '--format', 'json', '--as-of', '2025-11-15']);
    expect((JSON.parse(r.stdout) as Json).findings.map((f) => f.rule)).toEqual(['schema/missing-sheet']);
    expect(r.code).toBe(1);
    const noTask = await writeBook(`${tempDir()}/c.xlsx`, [
      { name: 'Accounts', rows: cleanRows().accounts },
      { name: 'Assignments', rows: [['Account', 'Person'], ['Apex', 'Alice']] },
    ]);
    const r2 = await kam(['check', noTask, '--format', 'json', '--as-of', '2025-11-15']);
    expect((JSON.parse(r2.stdout) as Json).findings).toEqual([
      { rule: 'schema/missing-column', severity: 'error', message: 'required column "task" is missing', sheet: 'Assignments', row: 1, cell: 'Assignments!1:1' },
    ]);
    expect(r2.stderr).toContain('no staff sheet');
  });
});

describe('ambiguous input (issue 8)', () => {
  it('two columns kam reads under one header are an error naming both cells: exit 1', async () => {
    const dir = tempDir();
    const path = await writeBook(join(dir, 'dup.xlsx'), [
      { name: 'Accounts', rows: [['Account Name', 'Revenue', 'Revenue', 'Notes', 'Notes'], ['A', 1, 200, 'x', 'y']] },
    ]);
    const r = await kam(['check', path, '--format', 'json', '--lang', 'en']);
    expect(r.code).toBe(1);
    const findings = (JSON.parse(r.stdout) as { findings: { rule: string; cell: string; message: string }[] }).findings.filter((f) => f.rule.startsWith('schema/') && f.rule !== 'schema/missing-sheet');
    expect(findings.map((f) => `${f.cell}: ${f.message} (${f.rule})`)).toEqual([
      'Accounts!C1: two columns are headed "Revenue" (B and C): which one to read is ambiguous; rename or delete one (schema/ambiguous-column)',
      // A repeated header of a column kam does not read stays a warning.
      'Accounts!E1: header "Notes" repeats column D: this column is ignored (schema/duplicate-header)',
    ]);
    // kam tier does not tier the accounts by a guess (found by a new user: a hidden stale column ranked them, and --write stored
    // it): one line, exit 2.
    const tier = await kam(['tier', path, '--format', 'json']);
    expect(tier.code).toBe(2);
    expect(tier.stderr).toBe(`kam: ${path}: Accounts: columns B ("Revenue") and C ("Revenue") are both read as annual_revenue, so which one the accounts are scored by is ambiguous: rename or delete one (a hidden column counts too); where the headers differ, naming one whole header under "columns" in kam.config.json picks it\n`);
  });

  it('an unknown key in the Rules sheet names the file and the cell', async () => {
    const dir = tempDir();
    const path = await writeBook(join(dir, 'rules.xlsx'), [
      { name: 'Accounts', rows: [['Account Name', 'Revenue'], ['A', 1]] },
      { name: 'Rules', rows: [['Key', 'Value'], ['lang', 'en'], ['scoring.metod', 'abc']] },
    ]);
    const r = await kam(['tier', path]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')).toHaveLength(2);
    expect(r.stderr).toMatch(/^kam: .*rules\.xlsx.*Rules!B3.*metod/);
  });
});

describe('where a message points (issue 8)', () => {
  it('github annotations of a CSV folder name the CSV file of each finding', async () => {
    const dir = join(tempDir(), 'book');
    cpSync(join(EXAMPLES, 'csv-en'), dir, { recursive: true });
    appendFileSync(join(dir, 'assignments.csv'), 'Apex Manufacturing Ltd,Follow-up,Nobody Known,Sales,C,,weekly,1,doing,\n');
    const r = await kam(['check', dir, '--format', 'github', ...asOf]);
    const lines = r.stdout.split('\n').filter((l) => l.startsWith('::'));
    const m = /^::error file=.*\/book\/assignments\.csv,line=(\d+),title=ref\/unknown-person::assignments\.csv!C(\d+) /.exec(lines.find((l) => l.includes('ref/unknown-person')) ?? '');
    expect(m).not.toBeNull();
    // The row's line in that file (no quoted line breaks above it: the row's number).
    expect(m![1]).toBe(m![2]);
  });

  it('a single CSV file is not named twice in an error line', async () => {
    const dir = tempDir();
    const file = join(dir, 'one.csv');
    writeFileSync(file, 'foo,bar\n1,2\n');
    const r = await kam(['tier', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`kam: ${file}: no "name" column found in the header row: add it, or map your header under "columns" in kam.config.json\n`);
  });
});

describe('padded names (issue 9)', () => {
  it('王　芳 and 张 伟 in the assignments are 王芳 and 张伟 of the staff sheet', async () => {
    const dir = tempDir();
    const path = await writeBook(join(dir, 'padded.xlsx'), [
      { name: '客户', rows: [['客户名称', '年采购额'], ['华东精密', 100]] },
      { name: '人员', rows: [['姓名', '岗位'], ['王芳', '客户经理'], ['张伟', '销售经理']] },
      { name: '分工', rows: [['客户名称', '工作内容', '负责人', '角色'], ['华东精密', '日常跟进', '王　芳', 'R'], ['华东精密', '日常跟进', '张 伟', 'A']] },
    ]);
    const r = await kam(['check', path, '--format', 'json', ...asOf]);
    const rules = (JSON.parse(r.stdout) as Json).findings.map((f) => f.rule);
    expect(rules).not.toContain('ref/unknown-person');
    expect(rules).not.toContain('raci/no-accountable');
  });
});

describe('a name two accounts share (issue 9)', () => {
  it('is ref/ambiguous-account on the assignment rows that use it, not a silent pick; an id settles it', async () => {
    const dir = tempDir();
    const accounts = { name: '客户', rows: [['客户编号', '客户名称', '年采购额'], ['KA001', '华东精密', 100], ['KA031', '华东精密', 50], ['KA002', '北方重工', 80]] };
    const staff = { name: '人员', rows: [['姓名', '岗位'], ['王芳', '客户经理'], ['张伟', '销售经理']] };
    const byName = await writeBook(join(dir, 'names.xlsx'), [
      accounts,
      staff,
      { name: '分工', rows: [['客户名称', '工作内容', '负责人', '角色'], ['华东精密', '日常跟进', '王芳', 'R'], ['华东精密', '日常跟进', '张伟', 'A'], ['北方重工', '日常跟进', '王芳', 'R'], ['北方重工', '日常跟进', '张伟', 'A']] },
    ]);
    const r = await kam(['check', byName, '--format', 'json', ...asOf]);
    expect(r.code).toBe(1);
    const found = (JSON.parse(r.stdout) as Json).findings.filter((f) => f.rule === 'ref/ambiguous-account');
    expect(found.map((f) => f.cell)).toEqual(['分工!A2', '分工!A3']);
    expect(found[0]!.message).toBe('华东精密 · 日常跟进: "华东精密" is the name of 2 accounts (KA001, KA031): which one is meant? Use the account id');
    // Nor do those rows count for either account: both still lack their follow-up.
    const lacking = (JSON.parse(r.stdout) as Json).findings.filter((f) => f.rule === 'coverage/required-task' && f.message.includes('follow-up')).map((f) => f.cell);
    expect(lacking).toEqual(expect.arrayContaining(['客户!B2', '客户!B3']));
    const byId = await writeBook(join(dir, 'ids.xlsx'), [
      accounts,
      staff,
      { name: '分工', rows: [['客户编号', '客户名称', '工作内容', '负责人', '角色'], ['KA001', '华东精密', '日常跟进', '王芳', 'R'], ['KA001', '华东精密', '日常跟进', '张伟', 'A']] },
    ]);
    const rules = (JSON.parse((await kam(['check', byId, '--format', 'json', ...asOf])).stdout) as Json).findings.map((f) => f.rule);
    expect(rules).not.toContain('ref/ambiguous-account');
    // kam gaps heads each account by its id: the two 华东精密 are two groups, the ambiguous rows a third.
    const gaps = (await kam(['gaps', byName, ...asOf, '--wide'])).stdout.split('\n').filter((l) => /^\S.* · \d+ problems?$/.test(l));
    expect(gaps.filter((l) => l.startsWith('华东精密'))).toEqual([
      expect.stringMatching(/^华东精密 \(KA001\) · Strategic · \d+ problems$/),
      expect.stringMatching(/^华东精密 \(KA031\) · Ordinary · \d+ problems$/),
      '华东精密 · 2 problems',
    ]);
  });
});

describe('Traditional Chinese books (issue 9)', () => {
  it('reads 客戶名稱 / 年採購額 / 負責人 / 負責 headers and codes, in an xlsx and in a Big5 CSV folder', async () => {
    const dir = tempDir();
    const accounts = [['客戶編號', '客戶名稱', '年採購額(萬元)', '客戶經理'], ['KA001', '華東精密', 120, '王芳'], ['KA002', '北方重工', 80, '王芳']];
    const staff = [['姓名', '職位', '部門'], ['王芳', '客戶經理', '銷售部'], ['張偉', '銷售經理', '銷售部']];
    const tasks = [['客戶名稱', '工作內容', '負責人', '職責類型', '頻率', '狀態'], ['華東精密', '日常跟進', '王芳', '負責', '每週', '進行中'], ['華東精密', '日常跟進', '張偉', '審批', '每月', '進行中'], ['北方重工', '日常跟進', '王芳', '負責', '每週', '已完成'], ['北方重工', '日常跟進', '張偉', '審批', '每月', '未開始']];
    const xlsx = await writeBook(join(dir, 'hant.xlsx'), [
      { name: '客戶', rows: accounts },
      { name: '人員', rows: staff },
      { name: '分工', rows: tasks },
    ]);
    const folder = join(dir, 'big5');
    mkdirSync(folder);
    const csv = (rows: unknown[][]) => iconv.encode(rows.map((r) => r.join(',')).join('\r\n'), 'big5');
    writeFileSync(join(folder, 'accounts.csv'), csv(accounts));
    writeFileSync(join(folder, 'staff.csv'), csv(staff));
    writeFileSync(join(folder, 'assignments.csv'), csv(tasks));
    for (const args of [[xlsx], [folder, '--encoding', 'big5']]) {
      const tier = await kam(['tier', ...args, '--format', 'json', ...asOf]);
      expect(tier.code, tier.stderr).toBe(0);
      expect((JSON.parse(tier.stdout) as { accounts: { name: string }[] }).accounts.map((a) => a.name)).toEqual(['華東精密', '北方重工']);
      const check = await kam(['check', ...args, '--format', 'json', ...asOf]);
      const rules = (JSON.parse(check.stdout) as Json).findings.map((f) => f.rule);
      // Every header, RACI word (負責, 審批), frequency (每週) and status (進行中) read: no schema finding.
      expect(rules.filter((r) => r.startsWith('schema/') || r.startsWith('raci/') || r.startsWith('ref/'))).toEqual([]);
    }
  });
});

describe('dates from US-locale exports (issue 9)', () => {
  const write = (dir: string, dues: string[]) => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'accounts.csv'), 'Name,Owner\nAcme,Ann\n');
    writeFileSync(join(dir, 'staff.csv'), 'Name,Role\nAnn,AM\nBob,Director\n');
    writeFileSync(join(dir, 'assignments.csv'), ['Account,Task,Person,RACI,Frequency,Due', ...dues.map((d, i) => `Acme,Task ${i + 1},${i % 2 ? 'Bob' : 'Ann'},R/A,once,${d}`)].join('\n'));
    return dir;
  };
  it('an ambiguous date follows the month-first order the column shows (11/15/2025 → 11/3/2025 is 3 November)', async () => {
    const dir = write(join(tempDir(), 'us'), ['11/15/2025', '11/3/2025', '12/1/2025']);
    const r = await kam(['check', dir, '--format', 'json', '--as-of', '2025-11-10']);
    const findings = (JSON.parse(r.stdout) as { findings: { rule: string; cell: string; message: string }[] }).findings.filter((f) => f.rule.startsWith('time/') || f.rule === 'schema/invalid-value');
    // Only the 3 November task is overdue on 10 November; 1 December (not 12 January) is not.
    expect(findings.map((f) => [f.rule, f.cell])).toEqual([['time/overdue', 'assignments.csv!F3']]);
    expect(findings[0]!.message).toContain('due 2025-11-03, 7 days overdue');
  });
  it('day-first columns too; a column that shows no order (or both) reports the cell, quoting it and both readings', async () => {
    const eu = write(join(tempDir(), 'eu'), ['15/11/2025', '3/11/2025']);
    const j = JSON.parse((await kam(['check', eu, '--format', 'json', '--as-of', '2025-11-10'])).stdout) as { findings: { rule: string; cell: string; message: string }[] };
    expect(j.findings.filter((f) => f.rule === 'time/overdue').map((f) => f.message)).toEqual([expect.stringContaining('due 2025-11-03')]);
    const unsure = write(join(tempDir(), 'unsure'), ['11/3/2025', '15/11/2025', '11/15/2025']);
    const r = await kam(['check', unsure, '--as-of', '2025-11-10', '--wide']);
    expect(r.stdout).toContain('F2  "11/3/2025" in column Due cannot be read: expected a date in one reading, but it could be 2025-11-03 / 2025-03-11');
    expect(r.stdout).toContain('↳ write "11/3/2025" as year-month-day');
  });
});

describe('hints that fit the cell (issue 9)', () => {
  it('a RACI cell lists the letters and their Chinese words; a tier cell the tier labels; TRUE in a number column asks for a number', async () => {
    const book = await writeBook(join(tempDir(), 'hints.xlsx'), [
      { name: '客户', rows: [['客户名称', '年采购额', '客户等级', '客户经理'], ['甲', true, '金牌', '张伟'], ['乙', 100, '战略', '张伟']] },
      { name: '人员', rows: [['姓名', '岗位'], ['张伟', '客户经理']] },
      { name: '分工', rows: [['客户名称', '工作内容', '负责人', '角色'], ['甲', '日常跟进', '张伟', '经理'], ['乙', '日常跟进', '张伟', 'R/A']] },
    ]);
    const en = await kam(['check', book, '--wide']);
    expect(en.stdout).toContain('"TRUE" in column 年采购额 cannot be read: expected a number');
    expect(en.stdout).toContain('↳ write a number here (1200000, 120万, ¥1,200,000, 12%): "TRUE" is not one');
    expect(en.stdout).toContain('↳ write one of Strategic, Important, Ordinary, or add "金牌" to a tier\'s aliases in "tiers"');
    expect(en.stdout).toContain('↳ write R, A, C or I — or 负责 / 批准 / 咨询 / 知会; one person holding two letters writes R/A');
    const zh = await kam(['check', book, '--lang', 'zh', '--wide']);
    expect(zh.stdout).toContain('↳ 填写 战略客户、重要客户、普通客户 之一，或在 "tiers" 中把「金牌」加为某个等级的别名');
    expect(zh.stdout).toContain('↳ 填写 R、A、C 或 I，或 负责 / 批准 / 咨询 / 知会；一人兼任两个角色写 R/A');
  });
});

describe('status words teams use (issue 9)', () => {
  it('延期 is still to do (and overdue), 已取消 counts no hours and is never overdue, 搁置 is paused', async () => {
    const book = await writeBook(join(tempDir(), 'status.xlsx'), [
      { name: '客户', rows: [['客户名称', '客户经理'], ['甲', '张伟']] },
      { name: '人员', rows: [['姓名', '岗位'], ['张伟', '客户经理']] },
      {
        name: '分工',
        rows: [
          ['客户名称', '工作内容', '负责人', '角色', '频率', '预计工时', '时间节点', '状态'],
          ['甲', '合同谈判', '张伟', 'R/A', '一次', 7, '2025-11-01', '延期'],
          ['甲', '客户分析', '张伟', 'R/A', '一次', 70, '2025-11-01', '已取消'],
          ['甲', '日常跟进', '张伟', 'R/A', '每周', 2, null, '搁置'],
        ],
      },
    ]);
    const check = JSON.parse((await kam(['check', book, '--format', 'json', '--as-of', '2025-11-15'])).stdout) as { findings: { rule: string; cell: string }[] };
    expect(check.findings.filter((f) => f.rule.startsWith('time/') || f.rule === 'schema/invalid-value').map((f) => [f.rule, f.cell])).toEqual([['time/overdue', '分工!G2']]);
    const load = JSON.parse((await kam(['load', book, '--format', 'json', '--as-of', '2025-11-15'])).stdout) as { people: { name: string; hours: number }[] };
    // (7 h over one week (overdue: at least one week) + the paused 2 h weekly) × 1.2 for R/A
    // (R 1 + A 0.2); the cancelled 70 h count nothing.
    expect(load.people.find((p) => p.name === '张伟')!.hours).toBeCloseTo(10.8, 10);
  });
});

describe('formulas xlsxwriter wrote (fullCalcOnLoad, a stored 0 that is no result)', () => {
  // Built by scripts/fixtures/formulas.py: 年采购额（万元） is =B2/10000 … in every row, 预计工时 of F2 is =1+1.
  const book = join(ROOT, 'test', 'fixtures', 'formulas', 'formulas-xlsxwriter.xlsx');

  it('kam check reports each formula cell instead of reading 0', async () => {
    const r = await kam(['check', book, '--format', 'json', ...asOf]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as Json;
    expect(out.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.cell}`)).toEqual([
      'schema/invalid-value 客户信息!C2',
      'schema/invalid-value 客户信息!C3',
      'schema/invalid-value 客户信息!C4',
      'schema/invalid-value 分工明细!F2',
    ]);
    expect(out.findings[0]!.message).toBe('"=B2/10000" in column 年采购额（万元） cannot be read: expected a value, but the formula has no stored result (never calculated, or the workbook asks to be recalculated when opened, as xlsxwriter writes it): open and save the file in Excel');
  });

  it('kam tier stops (exit 2) naming the column and its first unreadable cell, not "no column found"', async () => {
    const r = await kam(['tier', book, '--lang', 'zh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('「年采购额（万元）」列没有一个可读的数值，无法按此列评分（第一个是 客户信息!C2；');
  });
});

describe('units in headers (found by a new user)', () => {
  it('reads a unit written with its tax word, and says so of a unit it cannot read, once', async () => {
    const dir = tempDir('kam-units-');
    const taxed = await writeBook(join(dir, 'taxed.xlsx'), [{ name: '客户', rows: [['客户名称', '年采购额（万元，含税）'], ['甲公司', 100], ['乙公司', 50]] }]);
    const t = JSON.parse((await kam(['tier', taxed, '--format', 'json', ...asOf])).stdout) as { summary: { tier: string; count: number; revenue: number }[] };
    // 100 and 50 万元: 1,000,000 and 500,000 yuan.
    expect(t.summary.filter((x) => x.count > 0 || x.revenue > 0).map((x) => [x.tier, x.revenue])).toEqual([['strategic', 1_000_000], ['important', 500_000]]);
    const odd = await writeBook(join(dir, 'odd.xlsx'), [{ name: '客户', rows: [['客户名称', '年采购额（万美刀）'], ['甲公司', 100], ['乙公司', 50]] }]);
    const r = await kam(['tier', odd, ...asOf]);
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n').filter((l) => l.includes('万美刀'))).toEqual([
      'kam: 客户: column B 年采购额（万美刀）: "万美刀" is no unit kam reads (万元, 千元, 亿元, k, thousands, million, %, with 含税 or a currency beside it): its numbers are read as written; write the amounts in one of those units, or as they are',
    ]);
  });
});

describe('a missing sheet in Chinese (found by a new user)', () => {
  it('names the sheet in Chinese, not by its English key', async () => {
    const dir = tempDir('kam-missing-zh-');
    const file = join(dir, 'accounts.csv');
    writeFileSync(file, 'Account Name,Annual Revenue\nA,1\n');
    const r = await kam(['check', file, '--lang', 'zh', '--format', 'json', ...asOf]);
    const f = (JSON.parse(r.stdout) as { findings: { rule: string; message: string }[] }).findings.find((x) => x.rule === 'schema/missing-sheet');
    expect(f?.message).toBe('工作簿缺少分工工作表');
  });
});

describe('help lists the options a command uses (found by a new user)', () => {
  it('no --fail-on for config and textconv, --raw only where CSV is written, a single CSV named as a book', async () => {
    const help = async (cmd: string) => (await kam([cmd, '--help'])).stdout;
    for (const cmd of ['config', 'textconv']) expect(await help(cmd)).not.toMatch(/--fail-on|--max-warnings|--raw/);
    for (const cmd of ['check', 'gaps', 'report']) expect(await help(cmd)).not.toContain('--raw');
    for (const cmd of ['tier', 'load', 'matrix', 'diff']) expect(await help(cmd)).toContain('--raw');
    for (const cmd of ['check', 'gaps', 'load', 'matrix', 'report', 'diff', 'tier']) expect(await help(cmd)).toContain('--fail-on');
    for (const cmd of ['check', 'gaps', 'load', 'matrix', 'report', 'tier']) expect(await help(cmd)).toContain('workbook (.xlsx), CSV file, or folder of CSV files');
  });
});
