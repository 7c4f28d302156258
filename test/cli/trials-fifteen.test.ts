// What the fifteenth session took from the leftovers of earlier trials and from its own, each a test that fails without its fix.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { csvFolder, tempDir, writeRawXlsx } from '../helpers/books.js';
import { EXAMPLES, kam } from '../helpers/cli.js';

const asOf = ['--as-of', '2025-11-15'];

describe('the fifteenth session', () => {
  it('a warning is said with -q, and with --format github as a workflow command (a Rules sheet turning a rule off was hidden by -q and no annotation)', async () => {
    const dir = csvFolder({
      'accounts.csv': '客户名称,年采购额\n甲,100\n',
      'assignments.csv': '客户名称,工作内容,负责人,角色\n甲,日常跟进,张三,R\n',
      'staff.csv': '姓名,部门\n张三,销售部\n',
      'rules.csv': 'Key,Value\nrules.raci/no-accountable,off\n',
    });
    const lowered = 'the book\'s own sheet "rules.csv" lowers rules: raci/no-accountable error → off (to check without it, as a CI job checking a change it does not trust should: --no-book-rules)';
    const quiet = await kam(['check', dir, '-q', '--lang', 'en', ...asOf]);
    expect(quiet.stderr).toBe(`kam: ${lowered}\n`);
    const github = await kam(['check', dir, '-q', '--format', 'github', '--lang', 'en', ...asOf]);
    expect(github.stderr).toBe(`::warning title=kam::${lowered}\n`);
    // A note (not a warning) is still kept back by -q.
    const noted = await kam(['check', dir, '--lang', 'en', ...asOf]);
    expect(noted.stderr.split('\n').filter((l) => l !== '' && !l.includes(lowered)).length).toBeGreaterThan(0);
    expect(quiet.stderr.split('\n').filter((l) => l !== '' && !l.includes(lowered))).toEqual([]);
  });

  it('a Rules sheet that loosens the checks without lowering a rule is said, naming each setting; one that tightens them is not', async () => {
    const book = (rules: string) =>
      csvFolder({
        'accounts.csv': '客户名称,年采购额\n甲,100\n',
        'staff.csv': '姓名,部门\n张三,销售部\n',
        'assignments.csv': '客户名称,工作内容,负责人,角色\n甲,日常跟进,张三,A\n',
        'rules.csv': `Key,Value\n${rules}`,
      });
    const loose = book('load.over,2\nservices.strategic.required,"[""follow-up""]"\nservices.important.cadenceDays,120\nrules.raci/too-many-responsible,"[""warn"",{""max"":6}]"\nrules.raci/role-conflict,"[""warn"",{""allow"":[""R+A"",""A+C""]}]"\n');
    const r = await kam(['check', loose, '-q', '--lang', 'en', ...asOf]);
    expect(r.stderr).toBe(
      'kam: the book\'s own sheet "rules.csv" loosens the checks: services.strategic.required − support, complaints, review; services.important.cadenceDays 60 → 120; load.over 1 → 2; raci/too-many-responsible max 3 → 6; raci/role-conflict allow + A+C (to check without it, as a CI job checking a change it does not trust should: --no-book-rules)\n',
    );
    const tight = book('load.over,0.9\nload.high,0.8\nservices.important.cadenceDays,30\nrules.raci/too-many-responsible,"[""warn"",{""max"":2}]"\n');
    expect((await kam(['check', tight, '-q', '--lang', 'en', ...asOf])).stderr).toBe('');
  });

  it('kam convert of a CSV with an error value writes it as the error in the workbook (it was the text "#N/A"), and the two read the same', async () => {
    const dir = tempDir();
    const csv = join(dir, 'accounts.csv');
    writeFileSync(csv, '客户名称,年采购额\n甲,#N/A\n乙,100\n丙,#div/0!\n');
    const xlsx = join(dir, 'accounts.xlsx');
    expect((await kam(['convert', csv, xlsx, '--lang', 'en'])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.worksheets[0]!;
    expect([ws.getCell('B2').value, ws.getCell('B3').value, ws.getCell('B4').value]).toEqual([{ error: '#N/A' }, 100, { error: '#DIV/0!' }]);
    const findings = async (file: string) => ((JSON.parse((await kam(['check', file, '--format', 'json', '--lang', 'en', ...asOf])).stdout) as { findings: { rule: string; cell?: string; message: string }[] }).findings.map((f) => [f.rule, (f.cell ?? '').replace(/^[^!]*!/, ''), f.message.replace(/accounts(\.csv)?/g, 'S')]));
    const fromCsv = await findings(csv);
    expect(fromCsv.filter((f) => f[1] === 'B2' || f[1] === 'B4').length).toBe(2);
    expect(await findings(xlsx)).toEqual(fromCsv);
  });

  it('a unit or a scale in a cell’s number format is read as the screen shows it (1200 shown 1200万 was 1,200 yuan beside a typed 310万)', async () => {
    // Styles: 1 `0"万"`, 2 `0!.0000"万"` (yuan shown in 万), 3 `#,##0,` (thousands), 4 `0%`.
    const styles =
      '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="4"><numFmt numFmtId="164" formatCode="0&quot;万&quot;"/><numFmt numFmtId="165" formatCode="0!.0000&quot;万&quot;"/><numFmt numFmtId="166" formatCode="#,##0,"/><numFmt numFmtId="167" formatCode="0%"/></numFmts><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165" applyNumberFormat="1"/><xf numFmtId="166" applyNumberFormat="1"/><xf numFmtId="167" applyNumberFormat="1"/></cellXfs></styleSheet>';
    const t = (ref: string, v: string) => `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
    const n = (ref: string, v: number, s: number) => `<c r="${ref}" s="${s}"><v>${v}</v></c>`;
    const data =
      `<row r="1">${t('A1', '客户名称')}${t('B1', '年采购额')}${t('C1', '合同金额（万元）')}${t('D1', '合作年限')}${t('E1', '满意度')}</row>` +
      `<row r="2">${t('A2', '甲')}${n('B2', 1200, 1)}${n('C2', 12000000, 2)}${n('D2', 5, 0)}${n('E2', 85, 0)}</row>` +
      `<row r="3">${t('A3', '乙')}${t('B3', '310万')}${n('C3', 3000000, 2)}${n('D3', 3, 0)}${n('E3', 0.92, 4)}</row>` +
      `<row r="4">${t('A4', '丙')}${n('B4', 50, 1)}${n('C4', 500000, 2)}${n('D4', 1, 0)}${n('E4', 70, 0)}</row>`;
    const file = writeRawXlsx(join(tempDir(), 'units.xlsx'), [{ name: '客户信息', data }], { styles });
    const r = await kam(['tier', file, '--format', 'json', '--explain', '甲', '--lang', 'en', ...asOf]);
    expect(r.code).toBe(0);
    const raw = (JSON.parse(r.stdout) as { criteria: { header: string; raw: number | null }[] }).criteria.map((c) => [c.header, c.raw]);
    expect(raw).toEqual([
      ['年采购额', 12000000],
      ['合同金额（万元）', 12000000],
      ['合作年限', 5],
      ['满意度', 85],
    ]);
    // A percentage cell beside plain numbers is said, as its CSV's `92%` is.
    expect(r.stderr).toContain('客户信息: column E 满意度 mixes percentages and plain numbers ("92%" beside "85")');
    const tiers = await kam(['tier', file, '--format', 'json', '--lang', 'en', ...asOf]);
    expect((JSON.parse(tiers.stdout) as { accounts: { name: string }[] }).accounts.map((a) => a.name)).toEqual(['甲', '乙', '丙']);
    // kam convert writes what the screen shows, which reads back the same.
    const dir = tempDir();
    expect((await kam(['convert', file, join(dir, 'units.csv'), '--lang', 'en'])).code).toBe(0);
    expect(readFileSync(join(dir, 'units.csv'), 'utf8').split(/\r?\n/).slice(1, 3)).toEqual(['甲,1200万,1200万,5,85', '乙,310万,300万,3,0.92']);
  });

  it('kam matrix --view person by role or by department: a block for each, with the hours of the people it gathers (by role it was empty, by department every hour 0)', async () => {
    const dir = csvFolder({
      'accounts.csv': '客户名称,年采购额\n甲,100\n乙,50\n',
      'staff.csv': '姓名,部门,岗位,每周工时\n张三,销售部,客户经理,40\n李四,销售部,销售经理,40\n王五,客服部,客户经理,40\n',
      'assignments.csv': '客户名称,工作内容,负责人,角色,频率,预计工时\n甲,日常跟进,张三,R,每周,2\n甲,日常跟进,李四,A,每周,1\n乙,日常跟进,王五,R,每周,3\n乙,日常跟进,李四,A,每周,1\n',
    });
    const rows = async (columns: string) =>
      (JSON.parse((await kam(['matrix', dir, '--view', 'person', '--columns', columns, '--format', 'json', '--lang', 'en', ...asOf])).stdout) as { rows: { person: string; account: string; hours: number }[] }).rows.map((r) => [r.person, r.account, r.hours]);
    expect(await rows('role')).toEqual([
      ['客户经理', '甲', 2],
      ['客户经理', '乙', 3],
      // (An A counts a fifth of its row's hours: raciShare.)
      ['销售经理', '甲', 0.2],
      ['销售经理', '乙', 0.2],
    ]);
    expect(await rows('department')).toEqual([
      ['销售部', '甲', 2.2],
      ['销售部', '乙', 0.2],
      ['客服部', '乙', 3],
    ]);
    const text = await kam(['matrix', dir, '--view', 'person', '--columns', 'role', '--lang', 'en', ...asOf]);
    expect(text.stdout).toContain('客户经理 · 5.0 h/week (6%)\n');
  });

  it('a header whose brackets make it another quantity (a forecast, last year’s) is no column of kam’s: beside the revenue it no longer stops kam tier', async () => {
    for (const [revenue, forecast] of [
      ['年采购额', '年采购额（预测）'],
      ['Annual Revenue', 'Annual Revenue (forecast)'],
      ['年采购额(万元)', '年采购额（去年，万元）'],
    ]) {
      const dir = csvFolder({ 'accounts.csv': `客户名称,${revenue},${forecast}\n甲,100,1\n乙,50,900\n` });
      const r = await kam(['tier', join(dir, 'accounts.csv'), '--format', 'json', '--lang', 'en', ...asOf]);
      expect(r.code, forecast).toBe(0);
      expect((JSON.parse(r.stdout) as { accounts: { name: string }[] }).accounts.map((a) => a.name), forecast).toEqual(['甲', '乙']);
    }
    // Alone, such a header is its column (found by review): estimated hours, a target date, target customers' names.
    const dir = csvFolder({
      'accounts.csv': '客户名称（目标客户）,年采购额\n甲,100\n',
      'staff.csv': '姓名,每周可用工时\n张三,40\n',
      'assignments.csv': '客户名称,工作内容,负责人,角色,频率,工时（预计）,Due (target),状态\n甲,日常跟进,张三,A/R,每周,10,2025-01-01,进行中\n',
    });
    const load = JSON.parse((await kam(['load', dir, '--format', 'json', '--lang', 'en', ...asOf])).stdout) as { people: { name: string; hours: number }[] };
    // (A/R: the R's hours and the A's fifth.)
    expect(load.people.map((p) => [p.name, p.hours])).toEqual([['张三', 12]]);
    const check = JSON.parse((await kam(['check', dir, '--format', 'json', '--lang', 'en', ...asOf])).stdout) as { findings: { rule: string }[] };
    expect(check.findings.map((f) => f.rule)).toContain('time/overdue');
  });

  it('kam diff says when the new version’s kam.config.json checks less than the old one’s (a pull request turning a rule off there passed)', async () => {
    const files = {
      'accounts.csv': '客户名称,年采购额\n甲,100\n',
      'staff.csv': '姓名,部门\n张三,销售部\n李四,销售部\n',
      'assignments.csv': '客户名称,工作内容,负责人,角色\n甲,日常跟进,张三,R\n甲,日常跟进,李四,A\n',
    };
    const root = tempDir();
    for (const side of ['base', 'head']) {
      mkdirSync(join(root, side, 'book'), { recursive: true });
      for (const [name, text] of Object.entries(files)) writeFileSync(join(root, side, 'book', name), text);
    }
    writeFileSync(join(root, 'base', 'kam.config.json'), '{"rules":{"raci/no-accountable":"error"}}');
    writeFileSync(join(root, 'head', 'kam.config.json'), '{"rules":{"raci/no-accountable":"off"},"load":{"over":1.5}}');
    const [oldBook, newBook] = [join(root, 'base', 'book'), join(root, 'head', 'book')];
    const r = await kam(['diff', oldBook, newBook, '-q', '--format', 'github', '--lang', 'en', ...asOf]);
    expect(r.stderr).toBe(
      `::warning title=kam::the new version's config ${join(root, 'head', 'kam.config.json')} checks less than the old version's ${join(root, 'base', 'kam.config.json')}: raci/no-accountable error → off; load.over 1 → 1.5 (kam diff checks both versions by the new one; to check the change by the old version's rules: --config ${join(root, 'base', 'kam.config.json')})\n`,
    );
    // Against no config at all (kam's defaults), and not when the configs are one file or check as much.
    rmSync(join(root, 'base', 'kam.config.json'));
    expect((await kam(['diff', oldBook, newBook, '-q', '--lang', 'en', ...asOf])).stderr).toBe(
      `kam: the new version's config ${join(root, 'head', 'kam.config.json')} checks less than kam's defaults, which the old version had: raci/no-accountable error → off; load.over 1 → 1.5 (kam diff checks both versions by the new one)\n`,
    );
    writeFileSync(join(root, 'base', 'kam.config.json'), '{"rules":{"raci/no-accountable":"off"},"load":{"over":2}}');
    expect((await kam(['diff', oldBook, newBook, '-q', '--lang', 'en', ...asOf])).stderr).toBe('');
    expect((await kam(['diff', newBook, newBook, '-q', '--lang', 'en', ...asOf])).stderr).toBe('');
  });

  it('says what is wrong where it was said the wrong way: a misspelt --weights column, an output that is the book, a format the command does not write; kam convert takes --as-of and --format', async () => {
    const dir = tempDir();
    const init = await kam(['init', join(dir, 'book.xlsx'), '--weights', 'anual_revenue=0.5', '--lang', 'en']);
    expect([init.code, init.stderr]).toEqual([2, 'kam: --weights: no column "anual_revenue": did you mean "annual_revenue"? (a criterion is one of kam\'s columns, or a header of your book as it is written)\n']);
    expect(existsSync(join(dir, 'book.xlsx'))).toBe(false);
    // A header of the book is a criterion as it is written.
    expect((await kam(['init', join(dir, 'book.xlsx'), '--weights', 'NPS=0.2', '--lang', 'en'])).code).toBe(0);
    const csv = join(dir, 'accounts.csv');
    writeFileSync(csv, '客户名称,年采购额\n甲,100\n');
    const same = await kam(['convert', csv, csv, '--lang', 'en']);
    expect([same.code, same.stderr]).toEqual([2, `kam: refusing to write over the input book ${csv}: the output must be a new file\n`]);
    const matrix = await kam(['matrix', join(EXAMPLES, 'accounts-zh.xlsx'), '-o', join(EXAMPLES, 'accounts-zh.xlsx'), '--lang', 'en', ...asOf]);
    expect(matrix.stderr).toBe(`kam: refusing to write over the input book ${join(EXAMPLES, 'accounts-zh.xlsx')}: the output must be a new file\n`);
    const report = await kam(['report', join(EXAMPLES, 'accounts-zh.xlsx'), '-o', join(dir, 'r.xlsx'), '--lang', 'en', ...asOf]);
    expect([report.code, report.stderr]).toEqual([2, `kam: this command does not write .xlsx files (-o ${join(dir, 'r.xlsx')}): it writes .md, .html files\n`]);
    expect((await kam(['convert', csv, join(dir, 'a.xlsx'), '--as-of', '2025-11-15', '--format', 'xlsx', '--no-color', '--lang', 'en'])).code).toBe(0);
    const disagree = await kam(['convert', csv, join(dir, 'b.xlsx'), '--format', 'csv', '--lang', 'en']);
    expect([disagree.code, disagree.stderr]).toEqual([2, `kam: --format csv and ${join(dir, 'b.xlsx')} disagree: name the output .xlsx for xlsx, .csv (or a folder, with --all) for csv\n`]);
  });

  it('a person named by their 工号 or e-mail address (E001, 张伟(E001), zhang.wei@corp.com) is the staff member: rows and owners of CRM exports were unknown people', async () => {
    const dir = csvFolder({
      'accounts.csv': '客户名称,客户经理,年采购额\n甲,E001,100\n乙,li.na@corp.com,50\n',
      'staff.csv': '工号,姓名,邮箱,岗位,每周可用工时\nE001,张伟,zhang.wei@corp.com,客户经理,40\nE002,李娜,li.na@corp.com,客户经理,40\nE003,王五,,客服,40\nE003,赵六,,客服,40\n',
      'assignments.csv': '客户名称,工作内容,负责人,角色,频率,预计工时\n甲,日常跟进,E001,R,每周,2\n甲,日常跟进,李娜(E002),A,每周,1\n乙,日常跟进,zhang.wei@corp.com,R,每周,3\n乙,日常跟进,E002,A,每周,1\n乙,投诉处理,E003,R,每周,1\n乙,投诉处理,李娜,A,每周,1\n',
    });
    const check = JSON.parse((await kam(['check', dir, '--format', 'json', '--lang', 'en', ...asOf])).stdout) as { findings: { rule: string; cell?: string; message: string }[] };
    // Only E003, which two people share, names nobody.
    expect(check.findings.filter((f) => f.rule.startsWith('ref/')).map((f) => [f.rule, f.cell])).toEqual([['ref/unknown-person', 'assignments.csv!C6']]);
    const load = JSON.parse((await kam(['load', dir, '--format', 'json', '--lang', 'en', ...asOf])).stdout) as { people: { name: string; hours: number }[] };
    const hours = Object.fromEntries(load.people.map((p) => [p.name, Math.round(p.hours * 100) / 100]));
    expect([hours['张伟'], hours['李娜']]).toEqual([5, 0.6]);
  });

  it('kam tier --write says when formulas of the book read the columns it wrote: they keep their results from before until recalculated (a summary sheet showed the old tiers)', async () => {
    const t = (ref: string, v: string) => `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
    const n = (ref: string, v: number) => `<c r="${ref}"><v>${v}</v></c>`;
    const f = (ref: string, formula: string) => `<c r="${ref}"><f>${formula}</f><v>0</v></c>`;
    const accounts = `<row r="1">${t('A1', '客户名称')}${t('B1', '年采购额')}</row><row r="2">${t('A2', '甲')}${n('B2', 100)}</row><row r="3">${t('A3', '乙')}${n('B3', 50)}</row><row r="4">${t('A4', '丙')}${n('B4', 10)}</row>`;
    // Kam's columns go into C and D: two formulas read them, one reads B, one names C only in a text.
    const summary = `<row r="1">${f('A1', '客户信息!C3')}${f('B1', 'COUNTIF(\'客户信息\'!$C:$C,&quot;战略客户&quot;)')}${f('C1', '客户信息!B3*2')}${f('D1', 'CONCAT(&quot;客户信息!C3&quot;,B1)')}</row>`;
    const dir = tempDir();
    const file = writeRawXlsx(join(dir, 'book.xlsx'), [{ name: '客户信息', data: accounts }, { name: '说明', data: summary }]);
    const r = await kam(['tier', file, '--write', '--lang', 'en', '-q', ...asOf]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('kam: 2 formula(s) of the book read the columns kam wrote (the first: 说明!A1 =客户信息!C3): they show their results from before this run until the book is recalculated — in Excel, Ctrl+Alt+F9; in LibreOffice, Data › Calculate › Recalculate Hard\n');
    // Written again with nothing changed: nothing to recalculate, nothing said.
    expect((await kam(['tier', file, '--write', '--lang', 'en', '-q', ...asOf])).stderr).toBe('');
  });

  it('what English CRM exports hold: Excel’s Data › Subtotal rows, a count’s labels, dashes among a matrix’s letters, (A), day-first dotted dates, O’Brien', async () => {
    const t = (ref: string, v: string) => `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
    const n = (ref: string, v: number) => `<c r="${ref}"><v>${v}</v></c>`;
    const sub = (ref: string, f: string, v: number) => `<c r="${ref}"><f>${f}</f><v>${v}</v></c>`;
    // Excel's Data › Subtotal (Count by owner, then Sum): its rows hold SUBTOTAL's results, the count in the name column.
    const data =
      `<row r="1">${t('A1', 'Account Name')}${t('B1', 'Account Owner')}${t('C1', 'Annual Revenue')}</row>` +
      `<row r="2">${t('A2', 'Apex')}${t('B2', 'Alice Chen')}${n('C2', 900)}</row>` +
      `<row r="3">${t('A3', 'Harbor')}${t('B3', 'Alice Chen')}${n('C3', 500)}</row>` +
      `<row r="4">${sub('A4', 'SUBTOTAL(3,A2:A3)', 2)}${t('B4', 'Alice Chen Count')}${sub('C4', 'SUBTOTAL(9,C2:C3)', 1400)}</row>` +
      `<row r="5">${t('A5', 'Northwind')}${t('B5', 'Bob Stone')}${n('C5', 100)}</row>` +
      `<row r="6">${sub('A6', 'SUBTOTAL(3,A5:A5)', 1)}${t('B6', 'Bob Stone Count')}</row>` +
      `<row r="7">${t('A7', 'Record Count: 3')}${n('C7', 1500)}</row>` +
      `<row r="8">${sub('A8', '_xlfn.AGGREGATE(3,5,A2:A7)', 3)}${t('B8', 'Grand Count')}</row>`;
    const file = writeRawXlsx(join(tempDir(), 'subtotals.xlsx'), [{ name: 'Accounts', data }]);
    const tiers = await kam(['tier', file, '--format', 'json', '--lang', 'en', ...asOf]);
    expect([tiers.code, (JSON.parse(tiers.stdout) as { accounts: { name: string }[] }).accounts.map((a) => a.name)]).toEqual([0, ['Apex', 'Harbor', 'Northwind']]);
    // A matrix of dashes and bracketed letters; an O’Brien typed two ways; dotted dates, day first.
    const dir = csvFolder({
      'accounts.csv': 'Account Name,Annual Revenue,Last Contact\nAcme,100,01.10.2025\nBeta,50,05.11.2025\n',
      'staff.csv': "Name,Role\nAlice Chen,AM\nSean O'Brien,AM\nBob Stone,AM\n",
      'assignments.csv': 'Account,Task,Alice Chen,Sean O’Brien,Bob Stone\nAcme,Follow-up,(A),-,R\nBeta,Follow-up,A,R,—\nBeta,Complaints,N/A,(R),A\n',
    });
    const check = JSON.parse((await kam(['check', dir, '--format', 'json', '--lang', 'en', '--as-of', '2025-12-01'])).stdout) as { findings: { rule: string; cell?: string }[] };
    expect(check.findings.filter((f) => f.rule.startsWith('raci/') || f.rule.startsWith('ref/') || f.rule === 'schema/invalid-value')).toEqual([]);
    const matrix = JSON.parse((await kam(['matrix', dir, '--format', 'json', '--lang', 'en', '--as-of', '2025-12-01'])).stdout) as { columns: { label: string }[] };
    expect(matrix.columns.map((c) => c.label)).toEqual(['Alice Chen', "Sean O'Brien", 'Bob Stone']);
  });

  it('a letter nobody holds (待定) hides no single point of failure; kam diff leaves a cancelled row beside a live one out, as every command does', async () => {
    const files = (extra: string) => ({
      'accounts.csv': '客户名称,年采购额,客户等级\n华东精密,100,重要客户\n',
      'staff.csv': '姓名,部门\n张伟,销售部\n李娜,销售部\n',
      'assignments.csv': `客户名称,工作内容,负责人,角色,状态\n华东精密,日常跟进,张伟,R/A,进行中\n华东精密,投诉处理,张伟,R,进行中\n华东精密,投诉处理,张伟,A,进行中\n${extra}`,
    });
    const gaps = async (dir: string) => (JSON.parse((await kam(['gaps', dir, '--format', 'json', '--lang', 'en', ...asOf])).stdout) as { findings: { rule: string }[] }).findings.map((f) => f.rule);
    expect(await gaps(csvFolder(files('')))).toContain('coverage/single-point');
    expect(await gaps(csvFolder(files('华东精密,投诉处理,待定,R,进行中\n')))).toContain('coverage/single-point');
    const old = csvFolder(files(''));
    const now = csvFolder(files('华东精密,投诉处理,张伟,R,已取消\n'));
    const diff = JSON.parse((await kam(['diff', old, now, '--format', 'json', '--lang', 'en', ...asOf])).stdout) as { duplicates: { rule: string }[]; changes: unknown[] };
    expect([diff.duplicates, diff.changes]).toEqual([[], []]);
  });

  it('kam load --suggest: one who gives away their last row on an account has room under their 客户上限 again; one whose only row is shared has nothing movable', async () => {
    const limited = csvFolder({
      'accounts.csv': '客户编号,客户名称,客户经理,年采购额\nK1,客户1,经理,100\nK2,客户2,经理,100\nK3,客户3,经理,100\nK4,客户4,经理,100\n',
      'staff.csv': '姓名,岗位,部门,每周可用工时,客户上限\n林琳,技术支持,技术部,10,2\n李娜,技术支持,技术部,10,\n郑浩,技术支持,技术部,40,\n经理,销售经理,销售部,40,\n',
      'assignments.csv':
        '客户名称,工作内容,负责人,角色,频率,预计工时,锁定\n客户1,投诉处理,林琳,R,每周,9h,\n客户1,投诉处理,经理,A,每周,9h,\n客户2,技术支持,林琳,R,每周,1h,是\n客户2,技术支持,经理,A,每周,1h,\n客户3,技术支持,林琳,R,每周,1h,是\n客户3,技术支持,经理,A,每周,1h,\n客户1,技术支持,李娜,R,每周,3h,\n客户1,技术支持,经理,A,每周,3h,\n客户4,技术支持,李娜,R,每周,7.5h,是\n客户4,技术支持,经理,A,每周,7.5h,\n',
    });
    type Suggest = { suggestions: { task: string; from: string; to: string }[]; unresolved: { person: string; reason: string }[] };
    const moves = (JSON.parse((await kam(['load', limited, '--suggest', '--format', 'json', '--lang', 'en', ...asOf])).stdout) as Suggest).suggestions.map((m) => [m.task, m.from, m.to]);
    // 林琳 held 客户1, 2, 3 (limit 2); her only row on 客户1 gone, 客户1 would be a third account again: it goes to 郑浩.
    expect(moves).toEqual([
      ['投诉处理', '林琳', '郑浩'],
      ['技术支持', '李娜', '郑浩'],
    ]);
    const shared = csvFolder({
      'accounts.csv': '客户名称,客户经理,年采购额\n客户1,经理,100\n',
      'staff.csv': '姓名,岗位,部门,每周可用工时\n周杰,技术支持,技术部,5\n孙丽,技术支持,技术部,40\n经理,销售经理,销售部,40\n',
      'assignments.csv': '客户名称,工作内容,负责人,角色,频率,预计工时\n客户1,技术支持,周杰、经理,R,每周,16h\n客户1,技术支持,经理,A,每周,8h\n',
    });
    const unresolved = (JSON.parse((await kam(['load', shared, '--suggest', '--format', 'json', '--lang', 'en', ...asOf])).stdout) as Suggest).unresolved;
    expect(unresolved.map((u) => [u.person, u.reason])).toEqual([['周杰', 'no-movable']]);
  });

  it('kam matrix --columns department -o writes each column as a department’s, and reads back so (each was a person of 40 hours)', async () => {
    const out = join(tempDir(), 'by-department.xlsx');
    // (Exit 1: the example's errors.)
    expect((await kam(['matrix', join(EXAMPLES, 'accounts-zh.xlsx'), '--columns', 'department', '-o', out, '--lang', 'en', ...asOf])).code).toBe(1);
    const back = JSON.parse((await kam(['matrix', out, '--columns', 'department', '--format', 'json', '--lang', 'en', ...asOf])).stdout) as { columns: { label: string; kind: string }[] };
    expect(back.columns.map((c) => [c.label, c.kind])).toEqual([
      ['销售部', 'department'],
      ['客服部', 'department'],
      ['技术部', 'department'],
      ['市场部', 'department'],
    ]);
    const load = JSON.parse((await kam(['load', out, '--format', 'json', '--lang', 'en', ...asOf])).stdout) as { people: unknown[] };
    expect(load.people).toEqual([]);
  });

  it('a RACI matrix whose account is written on its first row only (a pivot table) reads the rows under it as that account; a long division of labour does not', async () => {
    const files = (assignments: string) => ({
      'accounts.csv': 'Account Name,Annual Revenue\nAcme,100\nBeta,50\n',
      'staff.csv': 'Name,Role\nAlice Chen,AM\nBob Stone,AM\n',
      'assignments.csv': assignments,
    });
    const matrix = csvFolder(files('Account,Task,Alice Chen,Bob Stone\nAcme,Follow-up,A,R\n,Complaints,R,A\n\n,Review,R,A\nBeta,Follow-up,R,A\n'));
    const r = await kam(['check', matrix, '--format', 'json', '--lang', 'en', ...asOf]);
    const findings = (JSON.parse(r.stdout) as { findings: { rule: string; cell?: string }[] }).findings;
    // Row 3 is Acme's; row 5, after a blank row, is no one's.
    expect(findings.filter((f) => f.rule === 'schema/empty-required').map((f) => f.cell)).toEqual(['assignments.csv!A5']);
    expect(r.stderr).toContain('kam: assignments.csv: rows whose account cell is blank right under a row of an account are read as that account (the first: row 3, Acme), as a pivot table leaves its labels\n');
    const long = csvFolder(files('Account,Task,Person,RACI\nAcme,Follow-up,Alice Chen,A\n,Follow-up,Bob Stone,R\n'));
    const l = JSON.parse((await kam(['check', long, '--format', 'json', '--lang', 'en', ...asOf])).stdout) as { findings: { rule: string; cell?: string }[] };
    expect(l.findings.filter((f) => f.rule === 'schema/empty-required').map((f) => f.cell)).toEqual(['assignments.csv!A3']);
  });

  it('what a review of the session found: a running 序号 by SUBTOTAL, companies named Total or Sum, (无) in a matrix, a sign-off right of the table, General"万元"', async () => {
    const t = (ref: string, v: string) => `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
    const n = (ref: string, v: number, style?: number) => `<c r="${ref}"${style !== undefined ? ` s="${style}"` : ''}><v>${v}</v></c>`;
    const serial = (r: number) => `<c r="A${r}"><f>SUBTOTAL(103,$B$2:B${r})</f><v>${r - 1}</v></c>`;
    // 序号 kept in sequence under a filter, on every row: each row is an account.
    const numbered =
      `<row r="1">${t('A1', '序号')}${t('B1', '客户名称')}${t('C1', '年采购额')}</row>` +
      `<row r="2">${serial(2)}${t('B2', '甲')}${n('C2', 100)}</row><row r="3">${serial(3)}${t('B3', '乙')}${n('C3', 50)}</row>` +
      // A sign-off far right of the table is no column without a header.
      `<row r="5">${t('B5', '制表人：王芳')}${t('H5', '审核人：李强')}</row>`;
    const file = writeRawXlsx(join(tempDir(), 'numbered.xlsx'), [{ name: '客户信息', data: numbered }]);
    const r = JSON.parse((await kam(['check', file, '--format', 'json', '--lang', 'en', ...asOf])).stdout) as { findings: { rule: string }[] };
    expect(r.findings.map((f) => f.rule)).not.toContain('schema/blank-header');
    const tiers = JSON.parse((await kam(['tier', file, '--format', 'json', '--lang', 'en', ...asOf])).stdout) as { accounts: { name: string }[] };
    expect(tiers.accounts.map((a) => a.name)).toEqual(['甲', '乙']);
    const names = ['Total Office Solutions', 'Sumo Foods', 'Total Home Sales', 'Sum of Us', 'Acme Corp'];
    const dir = csvFolder({ 'accounts.csv': `Account Name,Annual Revenue\n${names.map((x, i) => `${x},${100 - i}`).join('\n')}\n` });
    const named = JSON.parse((await kam(['tier', join(dir, 'accounts.csv'), '--format', 'json', '--lang', 'en', ...asOf])).stdout) as { accounts: { name: string }[] };
    expect(named.accounts.map((a) => a.name)).toEqual(names);
    const matrix = csvFolder({ 'assignments.csv': '客户名称,工作内容,张三,李四\n甲,日常跟进,A/R,(无)\n' });
    const m = JSON.parse((await kam(['check', matrix, '--format', 'json', '--lang', 'en', ...asOf])).stdout) as { findings: { rule: string }[] };
    expect(m.findings.map((f) => f.rule)).not.toContain('schema/invalid-value');
    // `General"万元"`, Chinese Excel's G/通用格式"万元", beside `0.00"万元"`: both 万元.
    const styles =
      '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="General&quot;万元&quot;"/><numFmt numFmtId="165" formatCode="0.00&quot;万元&quot;"/></numFmts><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165" applyNumberFormat="1"/></cellXfs></styleSheet>';
    const wan = `<row r="1">${t('A1', '客户名称')}${t('B1', '年采购额')}</row><row r="2">${t('A2', '华为')}${n('B2', 1200, 1)}</row><row r="3">${t('A3', '阿里')}${n('B3', 5, 2)}</row>`;
    const wanFile = writeRawXlsx(join(tempDir(), 'wan.xlsx'), [{ name: '客户信息', data: wan }], { styles });
    const ranked = JSON.parse((await kam(['tier', wanFile, '--format', 'json', '--lang', 'en', ...asOf])).stdout) as { accounts: { name: string }[] };
    expect(ranked.accounts.map((a) => a.name)).toEqual(['华为', '阿里']);
  });

  it('an unknown person’s hint names the staff member likely meant: the name the other way round, or a letter or two from it', async () => {
    const dir = csvFolder({
      'accounts.csv': 'Account Name,Account Owner,Annual Revenue\nAcme,"Smith, Ann",100\n',
      'staff.csv': 'Name,Role\nJosé García,AM\n"Smith, John",AM\nAnn Smith,AM\nMary Lee,AM\n',
      'assignments.csv': 'Account,Task,Person,RACI\nAcme,Follow-up,jose garcia,R\nAcme,Follow-up,John Smith,A\nAcme,Review,Nobody Atall,R\nAcme,Review,Mary Lee,A\n',
    });
    const text = (await kam(['check', dir, '--wide', '--lang', 'en', ...asOf])).stdout;
    const hints = text.split('\n').filter((l) => l.includes('↳') && !l.includes('add a row')).map((l) => l.replace(/^\s*↳ /, ''));
    expect(hints).toEqual([
      'did you mean "Ann Smith" of the staff sheet? write the name as it does, or add the person',
      'did you mean "José García" of the staff sheet? write the name as it does, or add the person',
      'did you mean "Smith, John" of the staff sheet? write the name as it does, or add the person',
      'add the person to the staff sheet, or fix the spelling',
    ]);
  });
});

