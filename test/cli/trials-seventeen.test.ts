// What the seventeenth session found (its own list of leftovers, new-user trials and reviews), each a test that fails
// without its fix.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { csvFolder, tempDir, writeBook, writeRawXlsx, writeZip, zipTexts } from '../helpers/books.js';
import { BIN, kam } from '../helpers/cli.js';

const asOf = ['--as-of', '2025-11-15'];

describe('the seventeenth session', () => {
  it('kam diff shows a removed responsibility at its row in the old version (text, Markdown); JSON gives both cells', async () => {
    const book = (rows: string) => csvFolder({ 'accounts.csv': '客户名称,年采购额\n甲,100\n乙,200\n', 'staff.csv': '姓名,部门\n张三,销售部\n李四,销售部\n', 'assignments.csv': `客户名称,工作内容,负责人,角色\n${rows}` });
    const old = book('乙,业务回顾,张三,A/R\n甲,日常跟进,张三,R\n甲,日常跟进,李四,A\n');
    const now = book('甲,日常跟进,张三,R\n乙,业务回顾,张三,A/R\n');
    const text = (await kam(['diff', old, now, '--lang', 'en', ...asOf])).stdout;
    expect(text).toMatch(/− 日常跟进: A 李四 removed — the task has no accountable person \(A\) now\s+assignments\.csv!C4\n/);
    const md = (await kam(['diff', old, now, '--format', 'markdown', '--lang', 'en', ...asOf])).stdout;
    expect(md).toContain('A 李四 removed — the task has no accountable person (A) now** · `assignments.csv!C4`');
    const json = JSON.parse((await kam(['diff', old, now, '--format', 'json', '--lang', 'en', ...asOf])).stdout) as { changes: { kind: string; oldCell?: string; newCell?: string }[] };
    expect(json.changes.filter((c) => c.kind === 'responsibility-removed').map((c) => [c.oldCell, c.newCell])).toEqual([['assignments.csv!C4', 'assignments.csv!C2']]);
  });
});

describe('the seventeenth session: CRM exports in CI', () => {
  interface CheckJson { findings: { rule: string; cell?: string; message: string; severity: string }[] }
  const check = async (dir: string, ...more: string[]) => JSON.parse((await kam(['check', dir, '--format', 'json', '--lang', 'en', '-q', ...asOf, ...more])).stdout) as CheckJson;

  it('a column under a loose name whose values are mostly not the field is a finding at its header (schema/unread-column), kept by -q and JSON', async () => {
    const tiers = ['Strategic', 'Key Account', 'Standard', 'Standard', 'Important'];
    const dir = csvFolder({ 'accounts.csv': `Account Name,Annual Revenue,Customer Tier\n${tiers.map((t, i) => `Acct ${i},${100 * (i + 1)},${t}`).join('\n')}\n` });
    const r = await check(dir);
    const f = r.findings.filter((x) => x.rule === 'schema/unread-column');
    expect(f.map((x) => [x.cell, x.severity, x.message])).toEqual([['accounts.csv!C1', 'warn', 'column C "Customer Tier" is not read as tier: 3 of the 5 values looked at ("Key Account", "Standard") do not read as tier, so none of the column is read']]);
    const zh = JSON.parse((await kam(['check', dir, '--format', 'json', '--lang', 'zh', '-q', ...asOf])).stdout) as CheckJson;
    expect(zh.findings.find((x) => x.rule === 'schema/unread-column')?.message).toBe('C 列「Customer Tier」未作为客户等级读取：所查看的 5 个值中有 3 个（「Key Account」、「Standard」）不是客户等级，整列都没有读取');
    // Under its own name the column is read, and each value it cannot read is a finding at its cell.
    const own = csvFolder({ 'accounts.csv': `Account Name,Annual Revenue,Tier\n${tiers.map((t, i) => `Acct ${i},${100 * (i + 1)},${t}`).join('\n')}\n` });
    expect((await check(own)).findings.filter((x) => x.rule.startsWith('schema/') && x.cell !== undefined).map((x) => [x.rule, x.cell])).toEqual([['schema/invalid-value', 'accounts.csv!C3'], ['schema/invalid-value', 'accounts.csv!C4'], ['schema/invalid-value', 'accounts.csv!C5']]);
  });

  it('a CRM user Frozen or Suspended is not active; Excel\'s English long date is read, and refused with the wrong weekday', async () => {
    const dir = csvFolder({
      'accounts.csv': 'Account Name,Annual Revenue,Account Owner,Last Activity\nAcme,100,Ann Lee,"Friday, August 15, 2025"\nGlobex,200,Bob Wu,"Tuesday, November 11, 2025"\nInitech,300,Cy Ho,"Friday, November 11, 2025"\n',
      'staff.csv': 'Full Name,Department,User Status\nAnn Lee,Sales,Active\nBob Wu,Sales,Frozen\nCy Ho,Sales,Suspended\n',
    });
    const r = await check(dir);
    expect(r.findings.filter((x) => x.rule === 'ref/inactive-person').map((x) => x.cell)).toEqual(['accounts.csv!C3', 'accounts.csv!C4']);
    expect(r.findings.filter((x) => x.rule === 'time/cadence').map((x) => [x.cell, x.message])).toEqual([['accounts.csv!D2', 'Acme: last contact 2025-08-15, 92 days ago (Ordinary accounts are contacted every 90 days)']]);
    expect(r.findings.filter((x) => x.rule === 'schema/invalid-value').map((x) => x.cell)).toEqual(['accounts.csv!D4']);
  });
});

describe('the seventeenth session: RACI words', () => {
  it('cc is I (kept informed, as 抄送), and letters run together twice (RR) are refused', async () => {
    const { parseRaci } = await import('../../src/parse/codes.js');
    const { RACI } = await import('../../src/model/codes.js');
    expect(parseRaci({ t: 's', v: 'cc' })).toEqual({ ok: true, value: RACI.I });
    expect(parseRaci({ t: 's', v: 'CC' })).toEqual({ ok: true, value: RACI.I });
    expect(parseRaci({ t: 's', v: 'RR' })?.ok).toBe(false);
    expect(parseRaci({ t: 's', v: 'RA' })).toEqual({ ok: true, value: RACI.R | RACI.A });
  });
});

describe('the seventeenth session: hostile files', () => {
  const header = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>';
  const strings = ['Account Name', 'Annual Revenue', '<t>Apex</t></si><!--<si><t>FAKE</t></si>--><si><t>Bravo</t>'];
  // A copy of the rows in a comment, a <v> in a comment, a processing instruction in a cell, a commented-out string.
  const data = `${header}<!-- <row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2"><v>1</v></c></row></sheetData> --><row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><!--<v>1</v>--><v>500</v></c></row><row r="3"><c r="A3" t="s"><v>3</v></c><c r="B3"><?kam x?><v>300</v></c></row>`;

  it('XML comments and processing instructions are skipped as Excel skips them, in sheets, shared strings and the workbook', async () => {
    const dir = tempDir();
    const book = writeRawXlsx(join(dir, 'c.xlsx'), [{ name: 'Accounts', data }], { sharedStrings: strings });
    // A commented-out second <sheet> of the same part in the workbook: no sheet.
    const entries = await zipTexts(book);
    entries['xl/workbook.xml'] = entries['xl/workbook.xml']!.replace('</sheets>', '<!--<sheet name="Old" sheetId="9" r:id="rId1"/>--></sheets>');
    const commented = writeZip(join(dir, 'c2.xlsx'), entries);
    for (const file of [book, commented]) {
      const r = await kam(['tier', file, '--format', 'json', '--lang', 'en', ...asOf]);
      expect(r.code).toBe(0);
      const json = JSON.parse(r.stdout) as { accounts: { name: string }[]; summary: { revenue: number }[] };
      expect(json.accounts.map((a) => a.name)).toEqual(['Apex', 'Bravo']);
      expect(json.summary.reduce((n, t) => n + t.revenue, 0)).toBe(800);
    }
    // Written into, such a sheet is refused, the book as it was (its cells could be patched inside a comment).
    const before = readFileSync(book);
    const w = await kam(['tier', book, '--write', '--lang', 'en', ...asOf]);
    expect(w.code).toBe(2);
    expect(w.stderr).toContain(`kam: ${book}: part xl/worksheets/sheet1.xml holds XML comments or processing instructions among its cells, which kam reads past but does not write into: open the book in Excel, save it again as .xlsx and retry; nothing was written\n`);
    expect(readFileSync(book).equals(before)).toBe(true);
  });

  it('a CDATA section that a string\'s end tag cuts is refused at that string (exit 2), not a stack overflow (exit 3)', async () => {
    const book = writeRawXlsx(join(tempDir(), 'cd.xlsx'), [{ name: 'Accounts', data: header }], { sharedStrings: ['Account Name', 'Annual Revenue', '<t><![CDATA[Apex </t>', '<t>x]]></t>'] });
    const r = await kam(['tier', book, '--lang', 'en', ...asOf]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`kam: ${book}: the workbook is corrupt (shared string #2 of xl/sharedStrings.xml holds <![CDATA[, which is not XML and which Excel refuses to open): restore it from a backup, or export it again from the program that wrote it\n`);
  });
});

describe('withoutMarkup', () => {
  it('drops comments and processing instructions, keeps CDATA, however the bytes are cut into chunks', async () => {
    const { withoutMarkup, MarkupSeen } = await import('../../src/io/xlsx/markup.js');
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    const pieces = ['<c r="A1">', '<v>1</v>', '</c>', '<!-- x <v>2</v> -->', '<?pi a?>', '<![CDATA[<!-- kept --> <? too ?>]]>', 'text', '<', '>', '-', '!', '?', ']]', '<!DOCTYPE-ish'];
    for (let n = 0; n < 300; n++) {
      const text = Array.from({ length: 1 + rand(20) }, () => pieces[rand(pieces.length)]).join('');
      const expected = text.split(/(<!\[CDATA\[[\s\S]*?\]\]>)/).map((p, i) => (i % 2 ? p : p.replace(/<!--[\s\S]*?-->|<\?[\s\S]*?\?>/g, ''))).join('');
      // (Only texts whose comments and instructions all close are compared: an unclosed one drops the rest.)
      if (/<!--(?![\s\S]*?-->)|<\?(?![\s\S]*?\?>)/.test(text.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, ''))) continue;
      const bytes = Buffer.from(text);
      const chunks: Buffer[] = [];
      for (let i = 0; i < bytes.length; ) {
        const len = 1 + rand(7);
        chunks.push(bytes.subarray(i, i + len));
        i += len;
      }
      const out: Buffer[] = [];
      for await (const b of withoutMarkup((async function* () { yield* chunks; })())) out.push(b);
      expect(Buffer.concat(out).toString()).toBe(expected);
      const seen = new MarkupSeen();
      expect(chunks.some((c) => seen.see(c))).toBe(/<!--|<\?/.test(text));
    }
  });
});

describe('the seventeenth session: writes', () => {
  it('a book saved over by another writer just as kam opens it for its backup: the .bak is left as it was (the only copy of the original), exit 2', async () => {
    const dir = tempDir();
    const book = join(dir, 'book.xlsx');
    copyFileSync(join(import.meta.dirname, '../../examples/accounts-en.xlsx'), book);
    const original = readFileSync(book);
    copyFileSync(book, `${book}.bak`);
    // The other writer's file: another book, renamed over this one when kam opens it to copy it.
    const other = join(dir, 'other.xlsx');
    copyFileSync(join(import.meta.dirname, '../../examples/accounts-zh.xlsx'), other);
    const preload = join(dir, 'race.cjs');
    writeFileSync(preload, `const fs = require('fs'), path = require('path'), mod = require('module');
const book = ${JSON.stringify(book)}, other = ${JSON.stringify(other)};
const open = fs.promises.open;
let done = false;
fs.promises.open = async function (p, ...rest) {
  const fh = await open.call(this, p, ...rest);
  if (!done && typeof p === 'string' && path.resolve(p) === book && new Error().stack.includes('backupFile')) {
    done = true;
    fs.copyFileSync(other, book + '.other');
    fs.renameSync(book + '.other', book);
  }
  return fh;
};
mod.syncBuiltinESMExports();
`);
    const r = spawnSync(process.execPath, ['-r', preload, BIN, 'tier', book, '--write', '--lang', 'en', '-q', ...asOf], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`kam: ${book}: the file changed while kam was working on it (saved again, or replaced): nothing was written; run kam again on the file as it is now\n`);
    expect(readFileSync(`${book}.bak`).equals(original)).toBe(true);
    expect(readFileSync(book).equals(readFileSync(other))).toBe(true);
  });
});

describe('the seventeenth session: configs', () => {
  it('no kam.config.json is read from a folder anyone may write to (/tmp), where git leaves textconv its copy: the repository\'s is', async () => {
    const repo = tempDir();
    writeFileSync(join(repo, 'kam.config.json'), JSON.stringify({ lang: 'en', tiers: [{ id: 'gold', label: { zh: '金牌', en: 'Gold' }, top: 1 }, { id: 'silver', label: { zh: '银牌', en: 'Silver' } }] }));
    const shared = join(tempDir(), 'tmp');
    mkdirSync(shared);
    chmodSync(shared, 0o1777);
    copyFileSync(join(import.meta.dirname, '../../examples/accounts-en.xlsx'), join(shared, 'blob.xlsx'));
    writeFileSync(join(shared, 'kam.config.json'), JSON.stringify({ lang: 'en', tiers: [{ id: 'x', label: { zh: '植入', en: 'PLANTED' }, top: 1 }, { id: 'y', label: { zh: '其他', en: 'Other' } }] }));
    const r = await kam(['textconv', join(shared, 'blob.xlsx'), ...asOf], { cwd: repo });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('computed Gold');
    expect(r.stdout).not.toContain('PLANTED');
    // A broken one there is not read either; and a config kam cannot use is one line of the text, exit 0 (git goes on).
    writeFileSync(join(shared, 'kam.config.json'), '{ broken');
    expect((await kam(['textconv', join(shared, 'blob.xlsx'), ...asOf], { cwd: repo })).stdout).toContain('computed Gold');
    writeFileSync(join(repo, 'kam.config.json'), '{ "lang": 5 }');
    const bad = await kam(['textconv', join(shared, 'blob.xlsx'), ...asOf], { cwd: repo });
    expect(bad.code).toBe(0);
    expect(bad.stdout).toMatch(/^kam textconv: .*kam\.config\.json/);
  });
});

describe('the seventeenth session: more hostile parts', () => {
  const header = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>';
  const strings = ['Account Name', 'Annual Revenue', 'Apex', 'Bravo'];

  it('a shared-string index must be digits: 2.4e1, 2.0 and an empty <v> are a damaged book at their cell, not string 24, 2 and 0', async () => {
    const dir = tempDir();
    for (const [v, shown] of [['2.4e1', '#2.4e1'], ['2.0', '#2.0'], ['', '#']] as const) {
      const book = writeRawXlsx(join(dir, `i${v || 'empty'}.xlsx`), [{ name: 'Accounts', data: `${header}<row r="2"><c r="A2" t="s"><v>${v}</v></c><c r="B2"><v>5</v></c></row>` }], { sharedStrings: strings });
      const r = await kam(['tier', book, '--lang', 'en', ...asOf]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`kam: ${book}: Accounts!A2: the workbook is corrupt (cell A2 names shared string ${shown}, and the table holds 4): open it in Excel, save it again as .xlsx and retry\n`);
    }
    // White space around the digits, as XML allows, is the index.
    const spaced = writeRawXlsx(join(dir, 'sp.xlsx'), [{ name: 'Accounts', data: `${header}<row r="2"><c r="A2" t="s"><v> 3 </v></c><c r="B2"><v>5</v></c></row>` }], { sharedStrings: strings });
    expect((JSON.parse((await kam(['tier', spaced, '--format', 'json', ...asOf])).stdout) as { accounts: { name: string }[] }).accounts.map((a) => a.name)).toEqual(['Bravo']);
  });

  it('a digitally signed workbook is not written into (its signature would break): exit 2, the book as it was', async () => {
    const dir = tempDir();
    const plain = writeRawXlsx(join(dir, 'p.xlsx'), [{ name: 'Accounts', data: `${header}<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>5</v></c></row>` }], { sharedStrings: strings });
    const entries = await zipTexts(plain);
    entries['_xmlsignatures/sig1.xml'] = '<Signature xmlns="http://www.w3.org/2000/09/xmldsig#"/>';
    const book = writeZip(join(dir, 'signed.xlsx'), entries);
    const before = readFileSync(book);
    const r = await kam(['tier', book, '--write', '--lang', 'en', ...asOf]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the workbook is digitally signed (_xmlsignatures/): a changed cell would break its signature, so kam does not write into it');
    expect(readFileSync(book).equals(before)).toBe(true);
  });
});

describe('the seventeenth session: a Chinese ops lead\'s books', () => {
  it('people under a section of leavers (二、已离职人员) are not active, and are given no work; the next section ends it', async () => {
    const dir = csvFolder({
      'accounts.csv': '客户名称,客户经理,年采购额\n华东精密,张伟,1000\n苏州电子,郑浩,900\n',
      'staff.csv': '一、在职人员,,\n姓名,部门,每周可用工时\n张伟,销售部,40\n李娜,销售部,40\n,,\n二、已离职人员,,\n姓名,部门,每周可用工时\n郑浩,销售部,40\n三、外包人员,,\n姓名,部门,每周可用工时\n王芳,销售部,40\n',
      'assignments.csv': '客户名称,工作内容,负责人,角色,频率,预计工时\n华东精密,日常跟进,张伟,R,每周,30\n华东精密,日常跟进,李娜,A,每周,2\n苏州电子,日常跟进,郑浩,R,每周,2\n苏州电子,日常跟进,李娜,A,每周,2\n苏州电子,技术支持,张伟,A/R,每周,30\n',
    });
    const r = await kam(['check', dir, '--format', 'json', '--lang', 'en', ...asOf]);
    const json = JSON.parse(r.stdout) as { findings: { rule: string; cell?: string }[] };
    expect(json.findings.filter((f) => f.rule === 'ref/inactive-person').map((f) => f.cell)).toEqual(['accounts.csv!B3', 'assignments.csv!C4']);
    expect(r.stderr).toContain('staff.csv: the 1 people under row 6 "二、已离职人员" are read as no longer active (a section of people who have left); give them a 在职 / Active column to say otherwise');
    const load = JSON.parse((await kam(['load', dir, '--suggest', '--format', 'json', '--lang', 'en', ...asOf])).stdout) as { suggestions: { to: string }[]; people: { name: string }[] };
    expect(load.suggestions.map((s) => s.to)).not.toContain('郑浩');
    expect(load.suggestions.map((s) => s.to)).toContain('王芳');
  });
});

describe('the seventeenth session: values out of scale', () => {
  it('合作年限 of a year (2018年, 2019) and an overflowing amount are refused at their cells, a negative one said; 万 among plain figures and ratings on two scales are said', async () => {
    const dir = csvFolder({ 'accounts.csv': '客户名称,年采购额,合作年限,满意度\n甲公司,3000,2018年,4.8\n乙公司,1200,5,60\n丙公司,450万,2019,4.5\n丁公司,-2000000,3,70\n戊公司,1E+308,2,65\n' });
    const r = await kam(['check', dir, '--format', 'json', '--lang', 'en', ...asOf]);
    const json = JSON.parse(r.stdout) as { findings: { rule: string; cell?: string; message: string }[] };
    expect(json.findings.filter((f) => f.rule === 'schema/invalid-value').map((f) => [f.cell, f.message])).toEqual([
      ['accounts.csv!C2', '"2018年" in column 合作年限 cannot be read: expected a number of years from 0 to 100 (a year such as 2018 is when it began: that goes in a 合作开始日期 / Since column)'],
      ['accounts.csv!C4', '"2019" in column 合作年限 cannot be read: expected a number of years from 0 to 100 (a year such as 2018 is when it began: that goes in a 合作开始日期 / Since column)'],
      ['accounts.csv!B6', '"1E+308" in column 年采购额 cannot be read: expected an amount below 10¹⁸'],
    ]);
    // A negative amount is read as written (an accounting negative is a number), and said.
    expect(r.stderr).toContain('accounts.csv: column B 年采购额 holds a negative amount (-2000000 (B5)): read as written');
    expect(r.stderr).toContain('accounts.csv: column B 年采购额 holds amounts with a unit (450万 (B4)) and without one (3000 (B2)): those without are read as yuan; if they are in 万, say so in the header (年采购额（万元）) or write each with its unit');
    expect(r.stderr).toContain('accounts.csv: column D 满意度 holds ratings on two scales (4.8 (D2) beside 60 (D3)): each is read as written, so 4.8 (D2) ranks below 60 (D3); write them all on one scale');
    // One way of writing throughout says nothing.
    const fine = csvFolder({ 'accounts.csv': '客户名称,年采购额,满意度\n甲公司,3000万,4.8\n乙公司,1200万,3\n' });
    expect((await kam(['check', fine, '--format', 'json', '--lang', 'en', ...asOf])).stderr).not.toMatch(/holds amounts with a unit|two scales/);
  });
});

describe('the seventeenth session: a book that is only a division of labour', () => {
  it('kam tier says the one sheet is the division of labour (a row per task) and asks for an accounts sheet, not to rename it', async () => {
    const book = await writeBook(join(tempDir(), 'fg.xlsx'), [{ name: 'Sheet1', rows: [['客户名称', '客户等级', '年采购额', '工作内容', '负责人', '角色'], ['华东精密', '战略', 1200, '日常跟进', '张伟', 'R'], ['华东精密', '战略', 1200, '技术支持', '李娜', 'A/R'], ['苏州电子', '普通', 300, '日常跟进', '王芳', 'A/R']] }]);
    const r = await kam(['tier', book, '--lang', 'en', ...asOf]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`kam: ${book}: no Accounts sheet: Sheet1 is read as the division of labour (a row per task), which names the accounts but is not a table of them; add a sheet named "Accounts" with one row per account (its name and the scoring columns, such as annual revenue), or map yours under "sheets" in kam.config.json (renaming Sheet1 would make each task row an account)\n`);
  });
});

describe('the seventeenth session: JUnit in CI', () => {
  it('a finding is a failure exactly when --fail-on fails the run on it, and names the CSV file that holds it, not the folder', async () => {
    const dir = csvFolder({
      'accounts.csv': '客户名称,年采购额,客户经理,客户等级\n甲,100,张三,普通客户\n',
      'staff.csv': '姓名,部门\n张三,销售部\n李四,销售部\n',
      'assignments.csv': '客户名称,工作内容,负责人,角色\n甲,日常跟进,张三,A/R\n甲,投诉处理,张三,A/R\n甲,投诉处理,李四,C/I\n',
    });
    const run = async (...more: string[]) => kam(['check', dir, '--format', 'junit', '--lang', 'en', ...asOf, ...more]);
    const plain = await run();
    // Warnings only: exit 0, and no failure for a dashboard to turn red on.
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/<testsuites name="kam check" tests="\d+" failures="0">/);
    expect(plain.stdout).toContain(`file="${join(dir, 'assignments.csv')}"`);
    expect(plain.stdout).toContain('<system-out>warn assignments.csv!');
    const strict = await run('--fail-on', 'warn');
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/<testsuites name="kam check" tests="\d+" failures="[1-9]\d*">/);
    expect(strict.stdout).toContain('<failure type="warn"');
  });
});

describe('the seventeenth session: a table beside the accounts', () => {
  it('a staff list beside the accounts past a blank column is said as another table and not read as theirs; the accounts read as before', async () => {
    const rows = [
      ['客户名称', '客户经理', '年采购额', null, '姓名', '岗位', '部门', '每周可用工时'],
      ['华东精密', '张伟', 1200, null, '张伟', '客户经理', '销售部', 40],
      ['苏州电子', '李娜', 600, null, '李娜', '客户经理', '销售部', 20],
    ];
    const book = await writeBook(join(tempDir(), 'beside.xlsx'), [{ name: '客户信息', rows }]);
    const r = await kam(['tier', book, '--format', 'json', '--lang', 'en', ...asOf]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('客户信息: another table stands beside this one from column E on (姓名 | 岗位 | 部门 | 每周可用工时): kam reads the columns before it only');
    expect((JSON.parse(r.stdout) as { accounts: { name: string }[] }).accounts.map((a) => a.name)).toEqual(['华东精密', '苏州电子']);
  });
});

describe('the seventeenth session: a manager\'s matrices pasted back beside the long sheet', () => {
  /** A copy of `book` with the first sheet of `matrix` pasted (values) as a sheet 返回矩阵 beside 分工明细. */
  const pasteBeside = async (book: string, matrix: string, out: string): Promise<string> => {
    const m = new ExcelJS.Workbook();
    await m.xlsx.readFile(matrix);
    const b = new ExcelJS.Workbook();
    await b.xlsx.readFile(book);
    const ws = b.addWorksheet('返回矩阵');
    m.worksheets[0]!.eachRow((row, r) => row.eachCell((cell, c) => {
      const v = cell.value;
      if (v !== null && v !== undefined) ws.getCell(r, c).value = typeof v === 'object' && 'result' in v ? (v.result as ExcelJS.CellValue) : v;
    }));
    await b.xlsx.writeFile(out);
    return out;
  };

  it('an unchanged matrix by department or filtered to one person, pasted back, changes nobody\'s letters', async () => {
    const dir = tempDir();
    const book = join(dir, 'book.xlsx');
    expect((await kam(['init', book, '--example', '--lang', 'zh'])).code).toBe(0);
    const load = async (file: string) => (JSON.parse((await kam(['load', file, '--format', 'json', '--lang', 'en', ...asOf])).stdout) as { people: { name: string; hours: number }[] }).people.map((p) => [p.name, p.hours]);
    const before = await load(book);
    expect(before.some(([, h]) => (h as number) > 0)).toBe(true);
    for (const args of [['--columns', 'department'], ['--person', '李娜']]) {
      const matrix = join(dir, `m${args[1]}.xlsx`);
      expect((await kam(['matrix', book, ...args, '-o', matrix, ...asOf])).code).toBeLessThan(2);
      const pasted = await pasteBeside(book, matrix, join(dir, `p${args[1]}.xlsx`));
      const diff = await kam(['diff', book, pasted, '--format', 'json', '--lang', 'en', ...asOf]);
      expect((JSON.parse(diff.stdout) as { changes: unknown[]; introduced: unknown[] })).toMatchObject({ changes: [], introduced: [] });
      expect(await load(pasted)).toEqual(before);
    }
  });
});

describe('the seventeenth session: from a review of its own changes', () => {
  it('a blank spacer column before a matrix\'s people, or before the config\'s own criteria, cuts off no table', async () => {
    const dir = tempDir();
    const matrix = await writeBook(join(dir, 'm.xlsx'), [
      { name: '客户', rows: [['客户名称', '年采购额'], ['甲', 100]] },
      { name: '分工', rows: [['客户名称', '工作内容', null, '张三', '李四'], ['甲', '日常跟进', null, 'R', 'A'], ['甲', '业务回顾', null, 'A/R', null]] },
    ]);
    const r = await kam(['matrix', matrix, '--format', 'json', '--lang', 'en', ...asOf]);
    expect(r.stderr).not.toContain('another table');
    expect((JSON.parse(r.stdout) as { columns: { key: string }[] }).columns.map((c) => c.key)).toEqual(['person:张三', 'person:李四']);
    const crit = await writeBook(join(dir, 'c.xlsx'), [{ name: '客户', rows: [['客户名称', '年采购额', null, '增长潜力'], ['甲', 100, null, 5], ['乙', 200, null, 1]] }]);
    writeFileSync(join(dir, 'kam.config.json'), JSON.stringify({ scoring: { criteria: [{ column: 'annual_revenue', weight: 1 }, { column: '增长潜力', weight: 1 }] } }));
    const t = await kam(['tier', crit, '--format', 'json', '--lang', 'en', ...asOf]);
    expect(t.stderr).not.toContain('another table');
    expect((JSON.parse(t.stdout) as { accounts: { name: string; score: number }[] }).accounts.map((a) => [a.name, a.score]).sort()).toEqual([['乙', 50], ['甲', 50]]);
  });

  it('冻结 in a 锁定 column is no "not locked" (only an account\'s status reads it as inactive); an unnumbered 离职员工 label is a section', async () => {
    const { parseActive, parseBoolean } = await import('../../src/parse/values.js');
    expect(parseBoolean({ t: 's', v: '冻结' })?.ok).toBe(false);
    expect(parseActive({ t: 's', v: '冻结' })).toEqual({ ok: true, value: false });
    expect(parseActive({ t: 's', v: 'Frozen' })).toEqual({ ok: true, value: false });
    const dir = csvFolder({
      'accounts.csv': '客户名称,客户经理,年采购额\n甲,王五,100\n',
      'staff.csv': '姓名,岗位\n张三,客户经理\n离职员工,\n王五,客户经理\n',
      'assignments.csv': '客户名称,工作内容,负责人,角色\n甲,日常跟进,张三,A/R\n',
    });
    const r = await kam(['check', dir, '--format', 'json', '--lang', 'en', ...asOf]);
    expect((JSON.parse(r.stdout) as { findings: { rule: string; cell?: string }[] }).findings.filter((f) => f.rule.startsWith('ref/')).map((f) => [f.rule, f.cell])).toEqual([['ref/inactive-person', 'accounts.csv!B2']]);
  });

  it('a config in a folder anyone may write to is said when passed over; JUnit counts warnings past --max-warnings as failures', async () => {
    const shared = join(tempDir(), 'tmp');
    mkdirSync(shared);
    chmodSync(shared, 0o1777);
    writeFileSync(join(shared, 'accounts.csv'), '客户名称,年采购额\n甲,100\n');
    writeFileSync(join(shared, 'kam.config.json'), '{ "lang": "en" }');
    const r = await kam(['tier', join(shared, 'accounts.csv'), '--lang', 'en', ...asOf]);
    expect(r.stderr).toContain(`kam: ${join(shared, 'kam.config.json')} is not read: it lies in a folder anyone may write to; name it with --config to use it`);
    const dir = csvFolder({
      'accounts.csv': '客户名称,年采购额,客户经理,客户等级\n甲,100,张三,普通客户\n',
      'staff.csv': '姓名,部门\n张三,销售部\n李四,销售部\n',
      'assignments.csv': '客户名称,工作内容,负责人,角色\n甲,日常跟进,张三,A/R\n甲,投诉处理,张三,A/R\n甲,投诉处理,李四,C/I\n',
    });
    const j = await kam(['check', dir, '--format', 'junit', '--max-warnings', '0', '--lang', 'en', ...asOf]);
    expect(j.code).toBe(1);
    expect(j.stdout).toMatch(/<testsuites name="kam check" tests="\d+" failures="[1-9]/);
  });

  it('an accounting negative (1,000) is read as -1000 and said; the look for comments sees one cut into chunks of a byte', async () => {
    const dir = csvFolder({ 'accounts.csv': '客户名称,年采购额\n甲,"(1,000)"\n乙,5000\n' });
    const r = await kam(['tier', dir, '--format', 'json', '--lang', 'en', ...asOf]);
    expect((JSON.parse(r.stdout) as { summary: { revenue: number }[] }).summary.reduce((n, t) => n + t.revenue, 0)).toBe(4000);
    expect(r.stderr).toContain('accounts.csv: column B 年采购额 holds a negative amount ((1,000) (B2)): read as written');
    const { MarkupSeen } = await import('../../src/io/xlsx/markup.js');
    const seen = new MarkupSeen();
    const hit = [...Buffer.from('<row><c><!-- x --></c></row>')].map((b) => seen.see(Buffer.from([b])));
    expect(hit.some(Boolean)).toBe(true);
  });

  it('kam load --suggest says nothing movable is left when every movable row went and one stays over (not that colleagues lack room)', async () => {
    const dir = csvFolder({
      'accounts.csv': '客户名称,年采购额\n甲,100\n乙,200\n丙,300\n丁,400\n',
      'staff.csv': '姓名,岗位,每周可用工时\n张伟,客户经理,40\n王芳,客户经理,40\n李娜,主管,40\n',
      'assignments.csv': '客户名称,工作内容,负责人,角色,频率,预计工时\n甲,日常跟进,张伟,R,每周,4\n甲,日常跟进,李娜,A,每周,1\n乙,日常跟进,张伟,R,每周,4\n乙,日常跟进,李娜,A,每周,1\n丙,业务回顾,张伟,A/R,每周,20\n丁,业务回顾,张伟,A/R,每周,20\n',
    });
    const r = JSON.parse((await kam(['load', dir, '--suggest', '--format', 'json', '--lang', 'en', ...asOf])).stdout) as { suggestions: unknown[]; unresolved: { person: string; reason: string }[] };
    expect(r.suggestions).toHaveLength(2);
    expect(r.unresolved).toEqual([{ person: '张伟', utilization: 1.2, reason: 'no-movable' }]);
  });
});

describe('the seventeenth session: a returned matrix', () => {
  it('a person column a colleague adds after kam\'s #A | #R | 问题 columns is read, her letters with it; an empty 备注 there is nobody', async () => {
    const dir = tempDir();
    const book = join(dir, 'book.xlsx');
    expect((await kam(['init', book, '--example', '--lang', 'zh'])).code).toBe(0);
    const matrix = join(dir, 'raci.xlsx');
    expect((await kam(['matrix', book, '-o', matrix, '--lang', 'zh', ...asOf])).code).toBeLessThan(2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(matrix);
    const ws = wb.worksheets[0]!;
    // The header row: the one whose cells name #A; the first account's first task row under it.
    let headerRow = 0;
    ws.eachRow((row, r) => row.eachCell((c) => void (c.value === '#A' && (headerRow = r))));
    const last = ws.getRow(headerRow).cellCount;
    ws.getCell(headerRow, last + 1).value = '孙丽';
    ws.getCell(headerRow, last + 2).value = '备注';
    ws.getCell(headerRow + 1, last + 1).value = 'R';
    const returned = join(dir, 'returned.xlsx');
    await wb.xlsx.writeFile(returned);
    const r = await kam(['matrix', returned, '--format', 'json', '--lang', 'en', ...asOf]);
    const json = JSON.parse(r.stdout) as { columns: { key: string }[]; rows: { cells: Record<string, string> }[] };
    expect(json.columns.map((c) => c.key)).toContain('person:孙丽');
    expect(json.columns.map((c) => c.key)).not.toContain('person:备注');
    expect(json.rows.filter((row) => Object.entries(row.cells).some(([k, v]) => k === 'person:孙丽' && v === 'R'))).toHaveLength(1);
  });
});
