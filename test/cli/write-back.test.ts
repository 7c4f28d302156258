// kam tier --write and kam load --apply --write (issue 11): kam's columns written into the input
// workbook in place — only the Accounts sheet's part changes, every other part keeps its bytes, every
// cell of the user's stays, the computed tier and score of every account read back, a .bak equal to
// the original is kept — on books written by openpyxl, xlsxwriter (.xlsm with a VBA part) and
// LibreOffice; refused with exit 2 and nothing written where it must be; and failures injected at
// each point of the write leave the original byte-identical with no temporary file.
import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { openXlsx } from '../../src/io/xlsx/workbook.js';
import { eachRow } from '../../src/io/source.js';
import type { Cell } from '../../src/model/cell.js';
import { columnLetter } from '../../src/util/cellref.js';
import { parse } from 'csv-parse/sync';
import { ZipArchive } from '../../src/io/xlsx/zip.js';
import { tempDir, writeBook } from '../helpers/books.js';
import { BIN, kam, ROOT } from '../helpers/cli.js';
import { soffice } from '../helpers/soffice.js';
import { craftZip } from '../helpers/zip.js';
import { patchCsv } from '../../src/io/csv/patch.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'writeback');
const LABELS: Record<string, string> = { strategic: '战略客户', important: '重要客户', normal: '普通客户' };
const AS_OF = ['--as-of', '2025-11-15'];

/**
 * Each zip entry by name: its stored bytes and checksum, its whole local record (header, extra
 * fields, data, descriptor) and its central record with the local offset blanked (the one field a
 * copy must change).
 */
async function parts(file: string): Promise<Map<string, { crc: number; raw: Buffer; record: Buffer; central: Buffer }>> {
  const zip = await ZipArchive.open(file);
  const out = new Map<string, { crc: number; raw: Buffer; record: Buffer; central: Buffer }>();
  const records = await zip.recordReader();
  for (const [name, e] of zip.entries) {
    const chunks: Buffer[] = [];
    for await (const c of zip.raw(e)) chunks.push(c);
    const record: Buffer[] = [];
    for await (const c of records.record(e)) record.push(c);
    const central = Buffer.from(e.central!);
    central.writeUInt32LE(0, 42);
    out.set(name, { crc: e.crc, raw: Buffer.concat(chunks), record: Buffer.concat(record), central });
  }
  await records.close();
  return out;
}

async function partText(file: string, part: string): Promise<string> {
  const zip = await ZipArchive.open(file);
  return (await zip.read(zip.find(part)!)).toString('utf8');
}

async function accountsPart(file: string): Promise<string> {
  return (await openXlsx(file)).sheets.find((s) => s.name === '客户信息')!.part!;
}

/** A copy of a fixture in a fresh folder. */
function copyOf(name: string): { dir: string; file: string; original: Buffer } {
  const dir = tempDir('kam-wb-');
  const file = join(dir, name);
  copyFileSync(join(FIXTURES, name), file);
  return { dir, file, original: readFileSync(file) };
}

/** The tier report of a book, by account id. */
async function tiers(file: string): Promise<Map<string, { tier: string; score: number; recordedTier: string | null }>> {
  const r = await kam(['tier', file, '--format', 'json', ...AS_OF]);
  const accounts = (JSON.parse(r.stdout) as { accounts: { id: string; tier: string; score: number; recordedTier: string | null }[] }).accounts;
  return new Map(accounts.map((a) => [a.id, { tier: a.tier, score: a.score, recordedTier: a.recordedTier }]));
}

const CELL = /<c\b[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g;

/** Every cell of a sheet as kam reads it, by reference (`L3`). */
async function sheetCells(file: string, sheet: string): Promise<Map<string, Cell>> {
  const out = new Map<string, Cell>();
  for await (const row of eachRow((await openXlsx(file)).sheets.find((s) => s.name === sheet)!)) {
    row.cells.forEach((c, i) => {
      if (c !== undefined) out.set(`${columnLetter(i)}${row.row}`, c);
    });
  }
  return out;
}

describe('kam tier --write: the writeback acceptance case', () => {
  it.each(['book-openpyxl.xlsx', 'book-xlsxwriter.xlsm', 'book-libreoffice.xlsx'])(
    '%s: only the Accounts sheet changes, every cell stays, every account gets its tier and score, .bak is the original',
    async (name) => {
      const { dir, file, original } = copyOf(name);
      const part = await accountsPart(file);
      const before = await parts(file);
      const expected = await tiers(file);
      const r = await kam(['tier', file, '--write', ...AS_OF, '--lang', 'en']);
      expect(r.code).toBe(0);
      const receipt = new RegExp(`^kam: wrote 18 cells into 客户信息 of .*${name.replace('.', '\\.')} \\(columns 计算等级, 计算评分\\); ${before.size - 1} other parts byte-identical; backup: .*${name.replace('.', '\\.')}\\.bak$`, 'm');
      expect(r.stderr).toMatch(receipt);
      expect(readFileSync(`${file}.bak`)).toEqual(original);
      expect(readdirSync(dir).sort()).toEqual([name, `${name}.bak`].sort());

      // Every part but the sheet: the same bytes. [Content_Types].xml and docProps included.
      const after = await parts(file);
      expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
      for (const [p, b] of before) {
        if (p === part) continue;
        expect(after.get(p)!.raw.equals(b.raw), p).toBe(true);
        expect(after.get(p)!.crc, p).toBe(b.crc);
        // Not only the data: the local header with its extra fields, the descriptor, the central record's attributes.
        expect(after.get(p)!.record.equals(b.record), `${p} local record`).toBe(true);
        expect(after.get(p)!.central.equals(b.central), `${p} central record`).toBe(true);
      }
      // In the sheet: every cell element of the original, the panes, validation, conditional formats and
      // comments' drawing after the rows, as they were.
      const xmlBefore = await partText(join(dir, `${name}.bak`), part);
      const xmlAfter = await partText(file, part);
      for (const cell of xmlBefore.match(CELL) ?? []) expect(xmlAfter).toContain(cell);
      const tail = (x: string) => x.slice(x.search(/<\/(\w+:)?sheetData>/));
      expect(tail(xmlAfter)).toBe(tail(xmlBefore));
      // Before the rows (views and frozen panes, formats, column widths): the same but for the sheet's
      // extent and the widths of the two new columns.
      const head = (x: string) => x.slice(0, x.search(/<(\w+:)?sheetData[\s>/]/)).replace(/<(\w+:)?dimension [^>]*>/, '').replace(/<(\w+:)?col min="1[23]" max="1[23]" [^>]*\/>/g, '').replace(/<(\w+:)?cols><\/(\w+:)?cols>/, '');
      expect(head(xmlAfter)).toBe(head(xmlBefore));

      // The written cells: the tier label as text, the score as a number; the header styled like its neighbour.
      const cells = await sheetCells(file, '客户信息');
      expect(cells.get('L3')).toEqual({ t: 's', v: '计算等级' });
      expect(cells.get('M3')).toEqual({ t: 's', v: '计算评分' });
      const style = (ref: string) => new RegExp(`<(?:\\w+:)?c r="${ref}"[^>]*?\\ss="(\\d+)"`).exec(xmlAfter)?.[1];
      expect(style('L3')).toBe(style('K3'));
      expect(style('L3')).toBeDefined();
      for (let row = 4; row <= 11; row++) {
        const a = expected.get(String(cells.get(`A${row}`)!.v))!;
        expect(cells.get(`L${row}`)).toEqual({ t: 's', v: LABELS[a.tier] });
        expect(cells.get(`M${row}`)).toEqual({ t: 'n', v: a.score });
      }
      expect(cells.get('L12')).toBeUndefined();
      expect(cells.get('N3')).toBeUndefined();
      // Read again, the book tiers the same: kam's columns are never read as the recorded tier or a criterion.
      expect(await tiers(file)).toEqual(expected);
      // A second run finds its columns holding what it would write: nothing written, the backup kept as it was.
      const once = readFileSync(file);
      const again = await kam(['tier', file, '--write', ...AS_OF, '--lang', 'en']);
      expect(again.stderr).toMatch(/every account already has its tier and score in 计算等级, 计算评分: nothing written/);
      expect(readFileSync(file)).toEqual(once);
      expect(readFileSync(`${file}.bak`)).toEqual(original);
    },
  );

  it('a previous run\'s columns are found by header and updated, not added again', async () => {
    const { file } = copyOf('rerun-openpyxl.xlsx');
    const expected = await tiers(file);
    expect((await kam(['tier', file, '--write', ...AS_OF])).code).toBe(0);
    const cells = await sheetCells(file, '客户信息');
    expect(cells.get('N3')).toBeUndefined();
    for (let row = 4; row <= 11; row++) {
      const a = expected.get(String(cells.get(`A${row}`)!.v))!;
      expect([cells.get(`L${row}`)?.v, cells.get(`M${row}`)?.v]).toEqual([LABELS[a.tier], a.score]);
    }
  });

  it('an Excel table that ends before kam\'s columns is no obstacle', async () => {
    const { file } = copyOf('table-beside-openpyxl.xlsx');
    expect((await kam(['tier', file, '--write', ...AS_OF])).code).toBe(0);
  });

  it('the written book opens in LibreOffice with the tiers and scores', async () => {
    const { dir, file } = copyOf('book-xlsxwriter.xlsm');
    const expected = await tiers(file);
    await kam(['tier', file, '--write', ...AS_OF]);
    mkdirSync(join(dir, 'csv'));
    soffice(dir, 'csv:Text - txt - csv (StarCalc):44,34,76,1', join(dir, 'csv'), [file]);
    const rows = parse(readFileSync(join(dir, 'csv', 'book-xlsxwriter.csv'), 'utf8'), { relaxColumnCount: true }) as string[][];
    expect(rows[2]!.slice(11)).toEqual(['计算等级', '计算评分']);
    for (const cells of rows.slice(3, 11)) {
      const a = expected.get(cells[0]!)!;
      expect(cells[11]).toBe(LABELS[a.tier]);
      expect(Number(cells[12])).toBeCloseTo(a.score, 9);
    }
  }, 240_000);
});

describe('kam tier --write refuses, exit 2, nothing written', () => {
  const refused = async (file: string, dir: string, original: Buffer, message: RegExp, args: string[] = []): Promise<void> => {
    const r = await kam(['tier', file, '--write', ...AS_OF, '--lang', 'en', '-q', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(readFileSync(file)).toEqual(original);
    expect(readdirSync(dir).filter((n) => n.startsWith('.kam-') || n.endsWith('.bak'))).toEqual([]);
  };

  it.each([
    ['formula-openpyxl.xlsx', /: 客户信息!L5: the cell holds a formula, which kam does not overwrite: .*; nothing was written$/m],
    ['merged-openpyxl.xlsx', /: 客户信息!L6: the cell lies inside the merged range K6:L6: unmerge it and run again; nothing was written$/m],
    ['protected-openpyxl.xlsx', /: 客户信息: the sheet is protected: unprotect it .*; nothing was written$/m],
    ['table-over-openpyxl.xlsx', /: 客户信息!L4: the cell is inside the Excel table 客户表 \(A3:M11\), which kam does not change: .*; nothing was written$/m],
  ])('%s', async (name, message) => {
    const { dir, file, original } = copyOf(name);
    await refused(file, dir, original, message);
  });

  it('while Excel has the book open (~$book.xlsx), unless --force', async () => {
    const { dir, file, original } = copyOf('book-openpyxl.xlsx');
    writeFileSync(join(dir, '~$book-openpyxl.xlsx'), 'lock');
    const r = await kam(['tier', file, '--write', ...AS_OF, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the workbook is open in Excel \(~\$book-openpyxl\.xlsx exists\): close it first, or pass --force/);
    expect(readFileSync(file)).toEqual(original);
    expect(readdirSync(dir).sort()).toEqual(['book-openpyxl.xlsx', '~$book-openpyxl.xlsx']);
    expect((await kam(['tier', file, '--write', ...AS_OF, '--force'])).code).toBe(0);
    expect(readFileSync(file)).not.toEqual(original);
  });

  it('a Strict Open XML book', async () => {
    const dir = tempDir('kam-wb-');
    const file = join(dir, 'strict.xlsx');
    craftZip(file, [
      { name: '[Content_Types].xml', data: '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
      { name: '_rels/.rels', data: '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>' },
      { name: 'xl/workbook.xml', data: '<workbook xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main" xmlns:r="http://purl.oclc.org/ooxml/officeDocument/relationships"><sheets><sheet name="Accounts" sheetId="1" r:id="s1"/></sheets></workbook>' },
      { name: 'xl/_rels/workbook.xml.rels', data: '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="s1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>' },
      { name: 'xl/worksheets/sheet1.xml', data: '<worksheet xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Account</t></is></c><c r="B1" t="inlineStr"><is><t>Revenue</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Acme</t></is></c><c r="B2"><v>100</v></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>Beta</t></is></c><c r="B3"><v>50</v></c></row></sheetData></worksheet>' },
    ]);
    await refused(file, dir, readFileSync(file), /strict\.xlsx: the workbook is saved as Strict Open XML, which kam does not change in place: save it as "Excel Workbook \(\.xlsx\)" and run again; nothing was written$/m);
  });

  it('a book reached through a symlink that leaves its folder', async () => {
    const { dir, original } = copyOf('book-openpyxl.xlsx');
    const other = tempDir('kam-wb-link-');
    const link = join(other, 'book.xlsx');
    symlinkSync(join(dir, 'book-openpyxl.xlsx'), link);
    const r = await kam(['tier', link, '--write', ...AS_OF, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/refusing to write through a symbolic link that leaves its folder/);
    expect(readFileSync(join(dir, 'book-openpyxl.xlsx'))).toEqual(original);
    expect(readdirSync(other)).toEqual(['book.xlsx']);
  });

  it('a read-only book', async () => {
    const { dir, file, original } = copyOf('book-openpyxl.xlsx');
    chmodSync(file, 0o444);
    await refused(file, dir, original, /read-only/);
  });
});

describe('a failure at any point of the write leaves the book as it was', () => {
  it.each(['written', 'backup', 'rename'])('an error at %s: exit 2, the original byte-identical, no temporary file', async (at) => {
    const { dir, file, original } = copyOf('book-openpyxl.xlsx');
    const r = await kam(['tier', file, '--write', ...AS_OF, '--lang', 'en'], { env: { KAM_FAULT: at } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`could not write the file \\(injected failure at ${at}\\): nothing was changed`));
    expect(readFileSync(file)).toEqual(original);
    const left = readdirSync(dir).filter((n) => n !== basename(file));
    // The backup is written after the copy checked out; failing after it leaves a true copy of the original.
    if (at === 'written') expect(left).toEqual([]);
    else {
      expect(left).toEqual(['book-openpyxl.xlsx.bak']);
      expect(readFileSync(join(dir, 'book-openpyxl.xlsx.bak'))).toEqual(original);
    }
  });

  it.each([
    ['written', 'term'],
    ['rename', 'term'],
    ['rename', 'kill'],
  ])('killed (%s, SIG%s): the original byte-identical; no temporary file after the next run', async (at, how) => {
    const { dir, file, original } = copyOf('book-openpyxl.xlsx');
    const child = spawn(process.execPath, [BIN, 'tier', file, '--write', ...AS_OF, '-q'], { env: { PATH: process.env.PATH, KAM_FAULT: `${at}:${how}` }, stdio: 'ignore' });
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c, signal) => resolve(c ?? (signal === 'SIGKILL' ? 137 : -1))));
    expect(code).toBe(how === 'term' ? 143 : 137);
    expect(readFileSync(file)).toEqual(original);
    const temps = () => readdirSync(dir).filter((n) => n.startsWith('.kam-'));
    // SIGTERM: kam removes its temporary file itself. SIGKILL cannot be caught: the next write into the folder removes it.
    if (how === 'term') expect(temps()).toEqual([]);
    else {
      expect(temps()).toHaveLength(1);
      // (Removed once ten minutes old: till then it may be another container's write in progress, whose process id means nothing here.)
      const old = new Date(Date.now() - 11 * 60 * 1000);
      utimesSync(join(dir, temps()[0]!), old, old);
      expect((await kam(['tier', file, '--write', ...AS_OF])).code).toBe(0);
      expect(temps()).toEqual([]);
    }
  }, 60_000);
});

describe('kam tier --write on CSV', () => {
  it('a GBK file with semicolons and CRLF: the two fields added in its own encoding, every line kept, a .bak', async () => {
    const dir = tempDir('kam-wb-');
    const file = join(dir, '客户.csv');
    const text = ['客户编号;客户名称;年采购额（万元）;合作年限;客户等级', 'KA1;华东电网;960;6;战略', 'KA2;"申城;地铁";610;4;重要', 'KA3;江南银行;280;3;普通', ''].join('\r\n');
    const original = iconv.encode(text, 'gb18030');
    writeFileSync(file, original);
    const expected = await tiers(file);
    const r = await kam(['tier', file, '--write', ...AS_OF, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/wrote 8 fields into .*客户\.csv \(columns 计算等级, 计算评分\); backup: .*客户\.csv\.bak/);
    expect(readFileSync(`${file}.bak`)).toEqual(original);
    const lines = iconv.decode(readFileSync(file), 'gb18030').split('\r\n');
    expect(lines[0]).toBe('客户编号;客户名称;年采购额（万元）;合作年限;客户等级;计算等级;计算评分');
    expect(lines[2]).toBe(`KA2;"申城;地铁";610;4;重要;${LABELS[expected.get('KA2')!.tier]};${String(expected.get('KA2')!.score).replace('.', ',')}`);
    expect(lines).toHaveLength(5);
    expect(lines[4]).toBe('');
    expect(await tiers(file)).toEqual(expected);
    // Again: nothing to change, nothing written.
    const once = readFileSync(file);
    expect((await kam(['tier', file, '--write', ...AS_OF, '--lang', 'en'])).stderr).toMatch(/nothing written/);
    expect(readFileSync(file)).toEqual(once);
  });

  it('a folder of CSV files: the accounts file is rewritten (UTF-8 BOM kept), the others untouched', async () => {
    const dir = tempDir('kam-wb-');
    const book = join(dir, 'book');
    mkdirSync(book);
    writeFileSync(join(book, 'accounts.csv'), '\ufeffAccount ID,Account Name,Revenue,Years\nC1,Acme,900,5\nC2,=cmd|calc,300,2\n');
    writeFileSync(join(book, 'staff.csv'), 'Name,Role\nAnn,KAM\n');
    const staff = readFileSync(join(book, 'staff.csv'));
    expect((await kam(['tier', book, '--write', ...AS_OF, '--lang', 'en'])).code).toBe(0);
    const text = readFileSync(join(book, 'accounts.csv'), 'utf8');
    expect(text.startsWith('\ufeffAccount ID,Account Name,Revenue,Years,kam tier,kam score\n')).toBe(true);
    expect(text.split('\n').slice(1)).toEqual([`C1,Acme,900,5,Strategic,100`, `C2,=cmd|calc,300,2,Important,0`, '']);
    expect(readFileSync(join(book, 'staff.csv'))).toEqual(staff);
    expect(existsSync(join(book, 'accounts.csv.bak'))).toBe(true);
  });
});

describe('kam tier --write on the books people keep (review of issue 11)', () => {
  const cellsOf = async (file: string, sheet: string) => sheetCells(file, sheet);

  it('a blank header cell (a spacer column, pandas\' index) and a headerless notes column: kam\'s columns go after everything', async () => {
    const dir = tempDir('kam-wb-');
    const file = await writeBook(join(dir, 'spacer.xlsx'), [
      { name: 'Accounts', rows: [[null, 'Account', 'Revenue', null, 'Years'], [0, 'Acme', 900, null, 5, 'call back'], [1, 'Beta', 300, null, 2]] },
    ]);
    const r = await kam(['tier', file, '--write', ...AS_OF, '--lang', 'en']);
    expect(r.code).toBe(0);
    const cells = await cellsOf(file, 'Accounts');
    expect([cells.get('G1')?.v, cells.get('H1')?.v]).toEqual(['kam tier', 'kam score']);
    expect(cells.get('F2')?.v).toBe('call back');
    expect(typeof cells.get('H2')?.v).toBe('number');
    expect((await kam(['tier', file, '--write', ...AS_OF, '--lang', 'en'])).stderr).toMatch(/nothing written/);
  });

  it('a title merged wider than the table: the header goes into the header row, the columns right after the data', async () => {
    const dir = tempDir('kam-wb-');
    const file = await writeBook(join(dir, 'title.xlsx'), [
      { name: '客户', rows: [['2025年客户清单'], ['客户名称', '年采购额（万元）', '合作年限'], ['华东电网', 960, 6], ['申城地铁', 610, 4]], merges: ['A1:H1'] },
    ]);
    expect((await kam(['tier', file, '--write', ...AS_OF])).code).toBe(0);
    const cells = await cellsOf(file, '客户');
    expect([cells.get('D2')?.v, cells.get('E2')?.v]).toEqual(['计算等级', '计算评分']);
  });

  it('text a user wrote in kam\'s columns on rows that are not accounts is left alone', async () => {
    const dir = tempDir('kam-wb-');
    const file = join(dir, 'notes.csv');
    writeFileSync(file, '客户名称,年采购额（万元）,计算等级,计算评分\n华东电网,960,,\n申城地铁,610,,\n合计,1570,,平均 50\n注：本表由销售部维护,,人工复核,\n');
    expect((await kam(['tier', file, '--write', ...AS_OF])).code).toBe(0);
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines.slice(3)).toEqual(['合计,1570,,平均 50', '注：本表由销售部维护,,人工复核,', '']);
    expect(lines[1]).toMatch(/^华东电网,960,战略客户,\d/);
  });

  it('a CSV with mixed line ends is read record by record, and written so', async () => {
    const dir = tempDir('kam-wb-');
    const file = join(dir, 'mixed.csv');
    writeFileSync(file, 'Account,Revenue\r\nAlpha,900\nBeta,500\r\nGamma,100\nDelta,50\n');
    const tiers = JSON.parse((await kam(['tier', file, '--format', 'json', ...AS_OF])).stdout) as { accounts: { name: string }[] };
    expect(tiers.accounts.map((a) => a.name).sort()).toEqual(['Alpha', 'Beta', 'Delta', 'Gamma']);
    expect((await kam(['tier', file, '--write', ...AS_OF])).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^Account,Revenue,kam tier,kam score\r\nAlpha,900,Strategic,100\nBeta,500,\w+,[\d.]+\r\nGamma,100,\w+,[\d.]+\nDelta,50,\w+,[\d.]+\n$/);
  });

  it('a Big5 file in Traditional Chinese gets kam\'s words in Traditional characters', async () => {
    const dir = tempDir('kam-wb-');
    const file = join(dir, 'big5.csv');
    const original = iconv.encode('客戶編號,客戶名稱,年採購額,合作年限\r\nK1,臺北電力,100,1\r\nK2,高雄港務,200,2\r\n', 'big5');
    writeFileSync(file, original);
    expect((await kam(['tier', file, '--write', ...AS_OF])).code).toBe(0);
    const text = iconv.decode(readFileSync(file), 'big5');
    expect(text.split('\r\n')[0]).toBe('客戶編號,客戶名稱,年採購額,合作年限,計算等級,計算評分');
    expect(text).toMatch(/\r\nK2,高雄港務,200,2,戰略客戶,100\r\n/);
  });

  it('-o naming the book is refused before the book is touched; the .bak keeps the book\'s mode; a LibreOffice lock refuses', async () => {
    const { dir, file, original } = copyOf('book-openpyxl.xlsx');
    const r = await kam(['tier', file, '--write', '-o', file, ...AS_OF]);
    expect(r.code).toBe(2);
    expect(readFileSync(file)).toEqual(original);
    expect(existsSync(`${file}.bak`)).toBe(false);
    chmodSync(file, 0o640);
    expect((await kam(['tier', file, '--write', ...AS_OF])).code).toBe(0);
    expect(statSync(`${file}.bak`).mode & 0o777).toBe(0o640);
    const other = copyOf('book-openpyxl.xlsx');
    writeFileSync(join(other.dir, '.~lock.book-openpyxl.xlsx#'), 'lock');
    expect((await kam(['tier', other.file, '--write', ...AS_OF])).code).toBe(2);
    expect(readFileSync(other.file)).toEqual(other.original);
    void dir;
  });
});

describe('the CSV patcher', () => {
  it('neutralises formula text kam writes (not the user\'s own cells), quotes what needs it, keeps line ends; numbers with a decimal comma in a ;-separated file', () => {
    const original = Buffer.from('a;b\r\n=x;2\r\nlast;3', 'utf8');
    const edits = new Map([
      [1, new Map<number, string | number | null>([[2, 'tier']])],
      [2, new Map<number, string | number | null>([[2, '＝HYPERLINK("x")'], [3, -1.5]])],
      [3, new Map<number, string | number | null>([[2, 'a;b']])],
    ]);
    const out = patchCsv(original, 'x.csv', ';', edits, { decimalComma: () => true }).bytes.toString('utf8');
    expect(out).toBe('a;b;tier\r\n=x;2;"\'＝HYPERLINK(""x"")";-1,5\r\nlast;3;"a;b"');
    expect(patchCsv(original, 'x.csv', ';', edits, { raw: true }).bytes.toString('utf8')).toContain(';"＝HYPERLINK(""x"")";');
  });

  it('a cell changed in the middle of a record: the record\'s other fields keep their text, formula-like or not (found by a new user: load --apply --write refused)', () => {
    const original = Buffer.from('客户名称,负责人,备注\r\n乙公司,张伟,=1+1\r\n丙公司,张伟,-5 待定\r\n丁公司,张伟,"a,b"\r\n', 'utf8');
    const edits = new Map([
      [2, new Map<number, string | number | null>([[1, '李娜']])],
      [3, new Map<number, string | number | null>([[1, '=李娜']])],
      [4, new Map<number, string | number | null>([[1, '李娜']])],
    ]);
    const out = patchCsv(original, 'x.csv', ',', edits);
    expect(out.bytes.toString('utf8')).toBe('客户名称,负责人,备注\r\n乙公司,李娜,=1+1\r\n丙公司,\'=李娜,-5 待定\r\n丁公司,李娜,"a,b"\r\n');
    expect(out.records.slice(1, 4)).toEqual([['乙公司', '李娜', '=1+1'], ['丙公司', "'=李娜", '-5 待定'], ['丁公司', '李娜', 'a,b']]);
  });
});

describe('kam load --suggest --apply --write', () => {
  it('writes the moves into the book itself: only the moved cells change, a .bak is kept', async () => {
    const dir = tempDir('kam-wb-');
    const file = await writeBook(join(dir, 'load.xlsx'), [
      { name: '人员', rows: [['姓名', '部门', '岗位', '每周可用工时'], ['张伟', '销售部', '客户经理', 40], ['王芳', '销售部', '客户经理', 40], ['李娜', '客服部', '客服', 40]] },
      {
        name: '分工明细',
        rows: [
          ['客户名称', '工作内容', '负责人', '角色', '频率', '预计工时'],
          ['华东精密', '日常跟进', '张伟', 'A/R', '每周', 30],
          ['北方重工', '日常跟进', '张伟', 'R', '每周', 20],
          ['北方重工', '日常跟进', '李娜', 'A', '每周', 1],
        ],
      },
    ]);
    const original = readFileSync(file);
    const before = await parts(file);
    const r = await kam(['load', file, '--suggest', '--apply', '--write', ...AS_OF, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/wrote 1 moves \(1 cells\) into 分工明细 of .*load\.xlsx; \d+ other parts byte-identical; backup: .*load\.xlsx\.bak/);
    expect(readFileSync(`${file}.bak`)).toEqual(original);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('分工明细')!;
    expect([ws.getCell('C2').value, ws.getCell('C3').value, ws.getCell('C4').value]).toEqual(['张伟', '王芳', '李娜']);
    const part = (await openXlsx(file)).sheets.find((s) => s.name === '分工明细')!.part!;
    const after = await parts(file);
    for (const [p, b] of before) if (p !== part) expect(after.get(p)!.raw.equals(b.raw), p).toBe(true);
    // -o and --write together, and --write without --apply, are usage errors.
    expect((await kam(['load', file, '--suggest', '--apply', '--write', '-o', join(dir, 'x.xlsx')])).code).toBe(2);
    expect((await kam(['load', file, '--write'])).code).toBe(2);
  });
});
