// kam convert (issue 11): CSV (any encoding kam reads) → XLSX with typed cells, XLSX → CSV by sheet
// name or role, --all to a folder of CSV files kam reads back as the same book, a CSV folder → one
// workbook; dates as ISO, numbers exact, formula injection neutralised and counted; a formula with no
// calculated value refused at its cell.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { eachRow } from '../../src/io/source.js';
import { openXlsx } from '../../src/io/xlsx/workbook.js';
import { ZipArchive } from '../../src/io/xlsx/zip.js';
import type { Cell } from '../../src/model/cell.js';
import { typeField } from '../../src/parse/typed.js';
import { exactDecimal } from '../../src/util/decimal.js';
import { tempDir, writeBook } from '../helpers/books.js';
import { EXAMPLES, kam, ROOT } from '../helpers/cli.js';

const GBK_CSV = [
  '客户编号,客户名称,年采购额（万元）,合作年限,满意度,最近联系日期,客户等级,联系电话,统一社会信用代码,部门代码,备注',
  'KA001,华东精密,"1,850",8,0.95,2025-11-02,战略,13800138000,91310000MA1FL2XX3B,007,＝cmd|calc',
  'KA002,北方重工,1320.5,5,0.8,2025/10/12 09:30,重要,+86 10 6543 2100,110101199003074512,010,"多行\n备注"',
  'KA003,银河半导体,-12,1,,2025年9月19日,普通,,,,@SUM(A1)',
].join('\r\n');

/** Every cell of the first sheet of a workbook, by row, as kam reads it. */
async function firstSheet(file: string): Promise<Map<number, (Cell | undefined)[]>> {
  const out = new Map<number, (Cell | undefined)[]>();
  for await (const row of eachRow((await openXlsx(file)).sheets[0]!)) out.set(row.row, row.cells);
  return out;
}

describe('kam convert: CSV → XLSX → CSV', () => {
  it('a GBK CSV becomes a typed sheet — numbers, dates, codes and ids as text — and comes back with the same values', async () => {
    const dir = tempDir('kam-cv-');
    const csv = join(dir, '客户.csv');
    writeFileSync(csv, iconv.encode(GBK_CSV, 'gbk'));
    const xlsx = join(dir, '客户.xlsx');
    const r = await kam(['convert', csv, xlsx, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/wrote .*客户\.xlsx \(4 rows\)/);

    const cells = await firstSheet(xlsx);
    expect(cells.get(2)!.slice(0, 10)).toEqual([
      { t: 's', v: 'KA001' },
      { t: 's', v: '华东精密' },
      { t: 'n', v: 1850 },
      { t: 'n', v: 8 },
      { t: 'n', v: 0.95 },
      { t: 'n', v: 45963, date: true },
      { t: 's', v: '战略' },
      { t: 's', v: '13800138000' },
      { t: 's', v: '91310000MA1FL2XX3B' },
      { t: 's', v: '007' },
    ]);
    // A date with a time of day keeps it; 2025年9月19日 is a date; a negative number is a number.
    expect(cells.get(3)![5]).toEqual({ t: 'n', v: expect.closeTo(45942 + 9.5 / 24, 9) as number, date: true });
    expect(cells.get(4)![2]).toEqual({ t: 'n', v: -12 });
    expect(cells.get(4)![5]).toEqual({ t: 'n', v: 45919, date: true });
    // Text stays text, never a formula: the sheet holds no <f>.
    const zip = await ZipArchive.open(xlsx);
    const sheetXml = (await zip.read(zip.find('xl/worksheets/sheet1.xml')!)).toString('utf8');
    expect(sheetXml).not.toMatch(/<f[\s>]/);
    expect(sheetXml).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);

    // Back to CSV in GB18030: the same values, written as ISO dates and plain numbers; text that a
    // spreadsheet would run is neutralised and counted.
    const back = join(dir, 'back.csv');
    const b = await kam(['convert', xlsx, back, '--out-encoding', 'gb18030', '--lang', 'en']);
    expect(b.code).toBe(0);
    expect(b.stderr).toMatch(/3 text cells starting with = \+ - @ or a tab, or reading as an error value \(#N\/A\), were given a leading ' /);
    const rows = parse(iconv.decode(readFileSync(back), 'gb18030')) as string[][];
    const original = parse(GBK_CSV) as string[][];
    expect(rows).toHaveLength(original.length);
    rows.forEach((row, i) =>
      row.forEach((v, c) => {
        const o = original[i]![c] ?? '';
        const same = (x: string) => {
          const t = typeField(x);
          return t.t === 'n' ? exactDecimal(t.v) : t.t === 'd' ? `${t.date}${t.time && t.time !== '00:00:00' ? ` ${t.time}` : ''}` : x;
        };
        // The neutralised cells carry their leading '; everything else reads as the same value.
        expect(v.replace(/^'(?=[＝@+])/, ''), `${i + 1}:${c + 1}`).toBe(same(o));
      }),
    );
    expect(rows[1]![10]).toBe("'＝cmd|calc");
    expect(rows[2]![5]).toBe('2025-10-12 09:30:00');
    expect(rows[2]![10]).toBe('多行\n备注');
    // --raw keeps them; utf8 has no BOM, utf8-bom (the default) has one.
    await kam(['convert', xlsx, join(dir, 'raw.csv'), '--raw', '--out-encoding', 'utf8']);
    const raw = readFileSync(join(dir, 'raw.csv'));
    expect(raw.subarray(0, 3).toString('hex')).not.toBe('efbbbf');
    expect(raw.toString('utf8')).toContain(',＝cmd|calc\r\n');
    await kam(['convert', xlsx, join(dir, 'bom.csv')]);
    expect(readFileSync(join(dir, 'bom.csv')).subarray(0, 3).toString('hex')).toBe('efbbbf');
  });
});

describe('kam convert: dates in Excel\'s 1900 system (found by a new user)', () => {
  it('writes the serial Excel gives a date before 1900-03-01 (its phantom 1900-02-29 counted), and reads it back the same', async () => {
    const dir = tempDir('kam-convert-');
    writeFileSync(join(dir, 'd.csv'), 'name,date\na,1900-01-01\nb,1900-02-28\nc,1900-03-01\nd,2025-11-15 10:30:00\n');
    expect((await kam(['convert', join(dir, 'd.csv'), join(dir, 'd.xlsx')])).code).toBe(0);
    const book = await openXlsx(join(dir, 'd.xlsx'));
    const values: unknown[] = [];
    for await (const row of eachRow(book.sheets[0]!)) if (row.row > 1) values.push(row.cells[1]?.v);
    expect(values).toEqual([1, 59, 61, 45976.4375]);
    expect((await kam(['convert', join(dir, 'd.xlsx'), join(dir, 'd2.csv')])).code).toBe(0);
    expect(readFileSync(join(dir, 'd2.csv'), 'utf8').replace(/\r\n/g, '\n')).toBe('\ufeffname,date\na,1900-01-01\nb,1900-02-28\nc,1900-03-01\nd,2025-11-15 10:30:00\n');
  });
});

describe('kam convert: a workbook to CSV', () => {
  it('--sheet by name or by role; a book of several sheets needs one, or --all', async () => {
    const dir = tempDir('kam-cv-');
    const book = join(EXAMPLES, 'accounts-zh.xlsx');
    const byRole = join(dir, 'a.csv');
    const byName = join(dir, 'b.csv');
    expect((await kam(['convert', book, byRole, '--sheet', 'accounts'])).code).toBe(0);
    expect((await kam(['convert', book, byName, '--sheet', '客户信息'])).code).toBe(0);
    expect(readFileSync(byRole)).toEqual(readFileSync(byName));
    const lines = readFileSync(byRole, 'utf8').split('\r\n');
    // The title merged across the table is written once, as Excel's CSV export does.
    expect(lines[0]).toBe('\ufeff2025年大客户管理分工明确表 — 客户信息');
    expect(lines[3]!.startsWith('客户编号,客户名称,')).toBe(true);
    expect(lines[4]).toMatch(/^KA001,华东精密制造有限公司,制造业,华东,张伟,1850,2200,8,5,0\.95,1500,1720,2025-11-02,/);
    const none = await kam(['convert', book, join(dir, 'c.csv'), '--lang', 'en']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/the book has several sheets \(客户信息, 人员, 分工明细\): name one with --sheet/);
    expect(existsSync(join(dir, 'c.csv'))).toBe(false);
    expect((await kam(['convert', book, join(dir, 'd.csv'), '--sheet', 'nope'])).code).toBe(2);
    // A sheet alias names its role too (found by a new user): `people`, `员工` are the Staff sheet, 人员.
    const staff = join(dir, 'e.csv');
    expect((await kam(['convert', book, staff, '--sheet', '人员'])).code).toBe(0);
    for (const [alias, file] of [['people', 'f.csv'], ['员工', 'g.csv']] as const) {
      expect((await kam(['convert', book, join(dir, file), '--sheet', alias])).code, alias).toBe(0);
      expect(readFileSync(join(dir, file)), alias).toEqual(readFileSync(staff));
    }
  });

  it('--all: a folder kam reads back as the same book (tiers, findings, load)', async () => {
    const dir = tempDir('kam-cv-');
    const book = join(EXAMPLES, 'accounts-zh.xlsx');
    const out = join(dir, 'csv');
    const r = await kam(['convert', book, out, '--all']);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['accounts.csv', 'assignments.csv', 'staff.csv']);
    const config = ['-c', join(EXAMPLES, 'kam.config.json'), '--as-of', '2025-11-15', '--format', 'json'];
    // The same results, cells named by the CSV files; findings come in the folder's file order.
    const strip = (json: string) => {
      const o = JSON.parse(json.replace(/"(file|sheet|cell|book)": "[^"]*"/g, '"$1": ""')) as { findings?: unknown[] };
      if (o.findings) o.findings = o.findings.map((f) => JSON.stringify(f)).sort();
      return o;
    };
    for (const cmd of ['tier', 'check', 'load']) {
      const a = await kam([cmd, book, ...config]);
      const b = await kam([cmd, out, ...config]);
      expect(b.code, cmd).toBe(a.code);
      expect(strip(b.stdout), cmd).toEqual(strip(a.stdout));
    }
  });

  it('--all of a book whose dates are General-formatted serials: read back with the same dates (found by a new user)', async () => {
    const dir = tempDir('kam-cv-');
    const book = await writeBook(join(dir, 'serial.xlsx'), [
      { name: 'Accounts', rows: [['Name', 'Owner', 'Annual Revenue', 'Last Contact', 'Tier'], ['Acme', 'Al', 100, 45870, 'Strategic']] },
      { name: 'Staff', rows: [['Name', 'Role'], ['Al', 'Account Manager']] },
      { name: 'Assignments', rows: [['Account', 'Task', 'Person', 'RACI', 'Due'], ['Acme', 'Follow-up', 'Al', 'A', 45900], ['Acme', 'Follow-up', 'Al', 'R', 45900]] },
    ]);
    const out = join(dir, 'csv');
    expect((await kam(['convert', book, out, '--all'])).code).toBe(0);
    const asOf = ['--as-of', '2025-11-15', '--format', 'json'];
    const rules = async (target: string) => (JSON.parse((await kam(['check', target, ...asOf])).stdout) as { findings: { rule: string; message: string }[] }).findings.map((f) => `${f.rule} ${f.message}`).sort();
    const fromBook = await rules(book);
    expect(fromBook).toContain('time/overdue Acme · Follow-up: due 2025-08-31, 76 days overdue');
    expect(await rules(out)).toEqual(fromBook);
    const diff = await kam(['diff', book, out, '--as-of', '2025-11-15']);
    expect(diff.code).toBe(0);
    expect(diff.stdout).toContain('no changes');
  });

  it('a formula without a calculated value is refused at its cell; nothing is written', async () => {
    const dir = tempDir('kam-cv-');
    const out = join(dir, 'f.csv');
    const r = await kam(['convert', join(ROOT, 'test', 'fixtures', 'formulas', 'formulas-xlsxwriter.xlsx'), out, '--sheet', 'accounts', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^kam: .*formulas-xlsxwriter\.xlsx: 客户信息!C2: 3 formula cell\(s\) have no calculated value kam can trust, the first here \(never calculated, or the book asks to be recalculated when opened, as xlsxwriter and pandas write it, so that no stored result is trusted\): open the book in Excel or LibreOffice and save it/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('kam convert: a folder of CSV files to one workbook', () => {
  it('a sheet per file, read back as the same book', async () => {
    const dir = tempDir('kam-cv-');
    const out = join(dir, 'book.xlsx');
    expect((await kam(['convert', join(EXAMPLES, 'csv-en'), out])).code).toBe(0);
    const sheets = (await openXlsx(out)).sheets.map((s) => s.name).sort();
    expect(sheets).toEqual(readdirSync(join(EXAMPLES, 'csv-en')).filter((n) => n.endsWith('.csv')).map((n) => n.replace(/\.csv$/, '')).sort());
    const args = ['-c', join(EXAMPLES, 'kam.config.json'), '--as-of', '2025-11-15', '--format', 'json'];
    const strip = (json: string) => JSON.parse(json.replace(/"(file|sheet|cell|book)": "[^"]*"/g, '"$1": ""')) as unknown;
    expect(strip((await kam(['tier', out, ...args])).stdout)).toEqual(strip((await kam(['tier', join(EXAMPLES, 'csv-en'), ...args])).stdout));
  });

  it('refuses to write over its input, an output it cannot name, and XLSX to XLSX', async () => {
    const dir = tempDir('kam-cv-');
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'accounts.csv'), 'Name,Revenue\nAcme,1\n');
    const before = readFileSync(join(dir, 'in', 'accounts.csv'));
    expect((await kam(['convert', join(dir, 'in', 'accounts.csv'), join(dir, 'in')])).code).toBe(2);
    expect(readFileSync(join(dir, 'in', 'accounts.csv'))).toEqual(before);
    expect((await kam(['convert', join(dir, 'in', 'accounts.csv'), join(dir, 'x.pdf')])).code).toBe(2);
    const book = await writeBook(join(dir, 'b.xlsx'), [{ name: 'Accounts', rows: [['Name'], ['Acme']] }]);
    expect((await kam(['convert', book, join(dir, 'c.xlsx')])).code).toBe(2);
  });
});
