// What the thirteenth session took from the leftovers of the twelfth's trials, each a test that fails without its fix.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ZipArchive } from '../../src/io/xlsx/zip.js';
import { csvFolder, tempDir, writeBook, writeRawXlsx, writeZip } from '../helpers/books.js';
import { EXAMPLES, kam } from '../helpers/cli.js';

const asOf = ['--as-of', '2025-11-15'];

interface Json {
  findings: { rule: string; cell?: string; person?: string }[];
}

const STRINGS = ['客户编号', '客户名称', '年采购额', 'A001', '华东精密', 'A002', '华南电子'];
const s = (ref: string, i: number) => `<c r="${ref}" t="s"><v>${i}</v></c>`;
const n = (ref: string, v: number) => `<c r="${ref}"><v>${v}</v></c>`;
const ROWS = `<row r="1">${s('A1', 0)}${s('B1', 1)}${s('C1', 2)}</row><row r="2">${s('A2', 3)}${s('B2', 4)}${n('C2', 100)}</row><row r="3">${s('A3', 5)}${s('B3', 6)}${n('C3', 200)}</row>`;

/** A sound book of two accounts, then its parts changed by `edit` as bytes (the zip's checksums are the changed parts'). */
async function book(edit: (part: string, bytes: Buffer) => Buffer = (_p, b) => b): Promise<string> {
  const dir = tempDir();
  const sound = writeRawXlsx(join(dir, 'sound.xlsx'), [{ name: '客户信息', data: ROWS }], { sharedStrings: STRINGS });
  const zip = await ZipArchive.open(sound);
  const entries: Record<string, Buffer> = {};
  for (const [name, entry] of zip.entries) entries[name] = edit(name, await zip.read(entry));
  return writeZip(join(dir, 'book.xlsx'), entries);
}

/** `bytes` with the UTF-8 of `text` replaced by `by`. */
const replace = (bytes: Buffer, text: string, by: Buffer): Buffer => {
  const at = bytes.indexOf(Buffer.from(text));
  expect(at).toBeGreaterThanOrEqual(0);
  return Buffer.concat([bytes.subarray(0, at), by, bytes.subarray(at + Buffer.byteLength(text))]);
};

describe('a damaged workbook is said where it is damaged', () => {
  it('the sound book reads: two accounts', async () => {
    const r = await kam(['tier', await book(), '--format', 'json', ...asOf]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { accounts: { name: string }[] }).accounts.map((a) => a.name)).toEqual(['华南电子', '华东精密']);
  });

  it('a cell naming a shared string the table does not have: the sheet and the cell (it named the part alone)', async () => {
    const r = await kam(['tier', await book((p, b) => (p === 'xl/worksheets/sheet1.xml' ? replace(b, s('B3', 6), Buffer.from(s('B3', 999))) : b)), ...asOf]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/book\.xlsx: 客户信息!B3: the workbook is corrupt \(cell B3 names shared string #999, and the table holds 7\): open it in Excel, save it again as \.xlsx and retry\n$/);
    const zh = await kam(['tier', await book((p, b) => (p === 'xl/worksheets/sheet1.xml' ? replace(b, s('B3', 6), Buffer.from(s('B3', 999))) : b)), '--lang', 'zh', ...asOf]);
    expect(zh.stderr).toContain('客户信息!B3: 工作簿已损坏（单元格 B3 引用第 999 个共享字符串，而共享字符串表只有 7 个）');
  });

  it('a sheet whose relationship is missing: the sheet and the relationship (it read as "no Accounts sheet found (sheets: —)")', async () => {
    const r = await kam(['tier', await book((p, b) => (p === 'xl/_rels/workbook.xml.rels' ? replace(b, 'Id="rId1"', Buffer.from('Id="rId7"')) : b)), ...asOf]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the workbook is corrupt (sheet "客户信息" names relationship rId1, which xl/_rels/workbook.xml.rels does not hold): open it in Excel (it offers to repair the book)');
    expect(r.stderr).not.toContain('no Accounts sheet');
  });

  describe('bytes that are not UTF-8 (they read as U+FFFD in a name, exit 0)', () => {
    it('in a row of a sheet: the sheet and the row', async () => {
      const bad = Buffer.concat([Buffer.from('<c r="B2" t="inlineStr"><is><t>华东'), Buffer.from([0xff, 0xfe]), Buffer.from('</t></is></c>')]);
      const r = await kam(['tier', await book((p, b) => (p === 'xl/worksheets/sheet1.xml' ? replace(b, s('B2', 4), bad) : b)), ...asOf]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/book\.xlsx: 客户信息: the workbook is corrupt \(row 2 of part xl\/worksheets\/sheet1\.xml holds bytes that are not UTF-8, which Excel refuses to open\)/);
      expect(r.stdout).toBe('');
    });

    it('in a shared string (a sequence cut short in the middle of a name): its index', async () => {
      const cut = Buffer.concat([Buffer.from('华东'), Buffer.from('精').subarray(0, 2), Buffer.from('密')]);
      const r = await kam(['tier', await book((p, b) => (p === 'xl/sharedStrings.xml' ? replace(b, '华东精密', cut) : b)), ...asOf]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('the workbook is corrupt (shared string #4 of xl/sharedStrings.xml holds bytes that are not UTF-8');
    });

    it("in the workbook's part (a sheet's name): the part", async () => {
      const r = await kam(['tier', await book((p, b) => (p === 'xl/workbook.xml' ? replace(b, '客户信息', Buffer.concat([Buffer.from('客户'), Buffer.from([0xc0, 0x80])])) : b)), ...asOf]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('the workbook is corrupt (part xl/workbook.xml holds bytes that are not UTF-8');
    });

    it('a U+FFFD written as itself is a character like any other', async () => {
      const r = await kam(['tier', await book((p, b) => (p === 'xl/sharedStrings.xml' ? replace(b, '华东精密', Buffer.from('华东\uFFFD密')) : b)), '--format', 'json', ...asOf]);
      expect(r.code).toBe(0);
      expect((JSON.parse(r.stdout) as { accounts: { name: string }[] }).accounts.map((a) => a.name)).toContain('华东\uFFFD密');
    });
  });
});

describe('a CSV in UTF-16 without its byte-order mark (it was "binary content")', () => {
  const text = '客户编号,客户名称,年采购额\r\nA001,华东精密,100\r\nA002,华南电子,200\r\n';

  for (const encoding of ['utf-16le', 'utf-16be'] as const) {
    it(`${encoding}: said as what it looks like, with the option that reads it`, async () => {
      const file = join(tempDir(), 'accounts.csv');
      writeFileSync(file, iconv.encode(text, encoding, { addBOM: false }));
      const r = await kam(['tier', file, ...asOf]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`the CSV looks like ${encoding} without its byte-order mark \\(kam will not guess\\): pass --encoding ${encoding}, or save it again as UTF-8\\n$`));
      const read = await kam(['tier', file, '--encoding', encoding, '--format', 'json', ...asOf]);
      expect(read.code).toBe(0);
      expect((JSON.parse(read.stdout) as { accounts: { name: string }[] }).accounts.map((a) => a.name)).toEqual(['华南电子', '华东精密']);
    });
  }

  it('with a character U+xx00 in it (一 is U+4E00: a NUL on the other side of its pair), still said (found by review)', async () => {
    const file = join(tempDir(), 'accounts.csv');
    writeFileSync(file, iconv.encode('客户名称,等级,年采购额\r\n甲公司,一般,100\r\n乙公司,普通,200\r\n', 'utf-16le', { addBOM: false }));
    expect((await kam(['tier', file, ...asOf])).stderr).toContain('the CSV looks like utf-16le without its byte-order mark');
  });

  it('a binary file is still binary', async () => {
    const file = join(tempDir(), 'accounts.csv');
    writeFileSync(file, Buffer.from(Array.from({ length: 2048 }, (_v, i) => (i * 7919) % 256)));
    const r = await kam(['tier', file, ...asOf]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not a text CSV file (binary content)');
  });
});

describe('a quote never closed is said where it opens (it was "near line" the end of the file)', () => {
  const at = async (text: string | Buffer, lang = 'en') => {
    const file = join(tempDir(), 'accounts.csv');
    writeFileSync(file, text);
    return kam(['tier', file, '--lang', lang, ...asOf]);
  };

  it('after a record of two lines and a quote written "" inside a quoted field, with sep= and CRLF', async () => {
    const r = await at('sep=;\r\nid;name;note\r\nA001;East;"multi\r\nline"\r\nA002;"Sou""th";x\r\nA003;We"st;y\r\nA004;"North;z\r\nA005;P;q\r\n');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/accounts\.csv: the quote that opens row 5, column B \(line 7\) is never closed, so the rest of the file would be one field: close it \(a quote inside a quoted field is written ""\), or export the file again\n$/);
  });

  it('in GBK, and in Chinese', async () => {
    const r = await at(iconv.encode('客户编号,客户名称,年采购额\n甲001,"华东\n精密",100\n甲002,"华南电子,200\n甲003,西部,300\n', 'gbk'), 'zh');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('第 3 行 B 列（文件第 4 行）开头的引号没有闭合');
  });

  it('the last field of the last line', async () => {
    const r = await at('id,name,revenue\nA001,East,100\nA002,South,"200\n');
    expect(r.stderr).toContain('the quote that opens row 3, column C (line 3) is never closed');
  });
});

describe('kam init --example --as-of (the example was dated from today, whatever the day checked)', () => {
  it('dates the example around the day given: kam check of that day finds no error and no warning; a year on, its contacts are late', async () => {
    const dir = tempDir();
    expect((await kam(['init', 'book.xlsx', '--example', '--lang', 'en', '--as-of', '2025-11-15'], { cwd: dir })).code).toBe(0);
    const book = join(dir, 'book.xlsx');
    const r = await kam(['check', book, '--format', 'json', ...asOf]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { summary: { error: number; warn: number } }).summary).toMatchObject({ error: 0, warn: 0 });
    const later = await kam(['check', book, '--format', 'json', '--as-of', '2026-11-15']);
    expect((JSON.parse(later.stdout) as { findings: { rule: string }[] }).findings.some((f) => f.rule === 'time/cadence')).toBe(true);
  });

  it('a date that is no date: exit 2, nothing written', async () => {
    const dir = tempDir();
    const r = await kam(['init', 'book.xlsx', '--example', '--as-of', '2025-13-01'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('invalid --as-of "2025-13-01"');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('kam report --format markdown lists as many warnings as its headline counts (17 above, 15 listed)', () => {
  it('the warnings of the book’s own columns (a revenue down, an empty scoring cell) are listed too', async () => {
    const r = await kam(['report', join(EXAMPLES, 'accounts-zh.xlsx'), '--format', 'markdown', '--lang', 'en', ...asOf]);
    const headline = Number(/\| Warnings \| (\d+) \|/.exec(r.stdout)?.[1]);
    expect(headline).toBe(17);
    expect(r.stdout).toContain(`<details><summary>Warnings (${headline})</summary>`);
    expect(r.stdout).toMatch(/\| 鼎盛地产集团 \| {2}\| 客户信息!L25 \| 鼎盛地产集团: revenue down 31\.7% on the previous period \(more than 20\.0%\) \| account\/declining-revenue \|/);
    expect(r.stdout).toMatch(/\| 智联软件服务 \| {2}\| 客户信息!J35 \| 满意度 is empty: scored as the worst value \| data\/missing-value \|/);
  });
});

describe('kam tier --write of a book of many parts (10,000 took 10 s: a handle and a stream per part, twice)', () => {
  it('keeps each of 3,000 extra parts byte for byte, its local record too', async () => {
    const dir = tempDir();
    const source = await ZipArchive.open(join(EXAMPLES, 'accounts-zh.xlsx'));
    const entries: Record<string, Buffer> = {};
    for (const [name, entry] of source.entries) entries[name] = await source.read(entry);
    for (let i = 0; i < 3000; i++) entries[`customXml/item${i}.xml`] = Buffer.from(`<a>${i}</a>`);
    const file = writeZip(join(dir, 'many.xlsx'), entries);
    const records = async (path: string) => {
      const zip = await ZipArchive.open(path);
      const reader = await zip.recordReader();
      const out = new Map<string, Buffer>();
      try {
        for (const [name, entry] of zip.entries) {
          const chunks: Buffer[] = [];
          for await (const c of reader.record(entry)) chunks.push(c);
          out.set(name, Buffer.concat(chunks));
        }
      } finally {
        await reader.close();
      }
      return out;
    };
    const before = await records(file);
    const r = await kam(['tier', file, '--write', ...asOf]);
    expect(r.code).toBe(0);
    const after = await records(file);
    expect([...after.keys()]).toEqual([...before.keys()]);
    const changed = [...before].filter(([name, bytes]) => !after.get(name)!.equals(bytes)).map(([name]) => name);
    expect(changed).toEqual(['xl/worksheets/sheet1.xml']);
  }, 60_000);
});

describe("the thirteenth session's trial: books as ops teams keep them", () => {
  it('negative hours are an invalid value at their cell, not a negative load', async () => {
    const dir = tempDir();
    const file = await writeBook(join(dir, 'neg.xlsx'), [
      { name: '客户信息', rows: [['客户名称', '年采购额（万元）', '客户等级'], ['甲公司', 100, '普通客户']] },
      { name: '人员信息', rows: [['姓名', '岗位', '每周可用工时'], ['张三', '客户经理', 40], ['李四', '主管', 40]] },
      { name: '分工明细', rows: [['客户名称', '工作内容', '负责人', '角色', '频率', '预计工时'], ['甲公司', '日常跟进', '张三', 'R', '每周', -3], ['甲公司', '日常跟进', '李四', 'A', '每周', 1]] },
    ]);
    const r = await kam(['check', file, '--format', 'json', ...asOf]);
    const findings = (JSON.parse(r.stdout) as Json).findings;
    expect(findings.filter((f) => f.rule === 'schema/invalid-value').map((f) => f.cell)).toEqual(['分工明细!F2']);
    const load = await kam(['load', file, '--format', 'json', ...asOf]);
    const people = (JSON.parse(load.stdout) as { people: { name: string; hours: number }[] }).people;
    expect(people.every((p) => p.hours >= 0)).toBe(true);
  });

  it('an employee on leave, on probation or an intern is employed; a retired one is not', async () => {
    const dir = tempDir();
    const staff = [['姓名', '岗位', '在职'], ['张三', '客户经理', '休假'], ['李四', '客户经理', '试用期'], ['王五', '客户经理', '退休'], ['赵六', '客户经理', '实习'], ['钱七', '主管', '正式']];
    const file = await writeBook(join(dir, 'staff.xlsx'), [
      { name: '客户信息', rows: [['客户名称', '年采购额（万元）'], ['甲公司', 100]] },
      { name: '人员信息', rows: staff },
      { name: '分工明细', rows: [['客户名称', '工作内容', '负责人', '角色'], ['甲公司', '日常跟进', '张三', 'R'], ['甲公司', '续约', '李四', 'R'], ['甲公司', '回款', '王五', 'R'], ['甲公司', '拜访', '赵六', 'R'], ['甲公司', '日常跟进', '钱七', 'A'], ['甲公司', '续约', '钱七', 'A'], ['甲公司', '回款', '钱七', 'A'], ['甲公司', '拜访', '钱七', 'A']] },
    ]);
    const r = await kam(['check', file, '--format', 'json', ...asOf]);
    const findings = (JSON.parse(r.stdout) as Json).findings;
    expect(findings.filter((f) => f.rule === 'schema/invalid-value')).toEqual([]);
    expect(findings.filter((f) => f.rule === 'ref/inactive-person').map((f) => f.person)).toEqual(['王五']);
  });

  it('two visible sheets named for one role: the one not read is said', async () => {
    const dir = tempDir();
    const file = await writeBook(join(dir, 'two.xlsx'), [
      { name: 'Accounts', rows: [['Account Name', 'Annual Revenue'], ['Alpha', 100], ['Beta', 50]] },
      { name: '客户信息', rows: [['客户名称', '年采购额（万元）'], ['华东精密', 1200], ['北方重工', 800], ['南方电网', 300]] },
    ]);
    const r = await kam(['tier', file, '--lang', 'en', ...asOf]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('sheets "Accounts" and "客户信息" are both named as the Accounts sheet: "Accounts" is read and "客户信息" is not; rename or delete the one that is not meant');
  });

  it('a copy Excel made of the sheet (客户信息 (2)) is said too (found by review)', async () => {
    const file = await writeBook(join(tempDir(), 'copy.xlsx'), [
      { name: '客户信息', rows: [['客户名称', '年采购额'], ['甲', 100], ['乙', 50]] },
      { name: '客户信息 (2)', rows: [['客户名称', '年采购额'], ['丙', 100]] },
    ]);
    const r = await kam(['tier', file, '--lang', 'en', ...asOf]);
    expect(r.stderr).toContain('sheets "客户信息" and "客户信息 (2)" are both named as the Accounts sheet: "客户信息" is read and "客户信息 (2)" is not');
  });

  it('a ; CSV whose columns show only the point (1,500,000) reads its 1,200 as 1200, not 1.2', async () => {
    const file = join(tempDir(), 'semi.csv');
    writeFileSync(file, '客户编号;客户名称;客户经理;年采购额（万元）;合同金额（元）;客户等级\nKA01;华东精密;张三;1,200;"1,500,000";战略客户\nKA02;北方重工;李四;800;900000;重要客户\nKA03;南方电网;王五;300;"2,000";普通客户\n');
    const r = await kam(['tier', file, '--format', 'json', ...asOf]);
    const accounts = (JSON.parse(r.stdout) as { accounts: { id: string; tier: string }[] }).accounts;
    expect(accounts.map((a) => a.id)).toEqual(['KA01', 'KA02', 'KA03']);
    expect(r.stderr).not.toContain('decimal mark');
  });
});

describe('headers in two languages, marked as required or with a footnote (each made a book of Sheet1 exit 2)', () => {
  for (const header of ['客户名称\nAccount Name', '客户名称 Account Name', '客户名称/Account', 'Account Name 客户名称', '★客户名称', '客户名称*', '客户名称（必填）']) {
    it(`${JSON.stringify(header)} is the account's name, in a sheet named Sheet1`, async () => {
      const file = await writeBook(join(tempDir(), 'h.xlsx'), [{ name: 'Sheet1', rows: [[header, '年采购额'], ['华东精密', 1200], ['北方重工', 800]] }]);
      const r = await kam(['tier', file, '--format', 'json', ...asOf]);
      expect(r.code, r.stderr).toBe(0);
      expect((JSON.parse(r.stdout) as { accounts: { name: string }[] }).accounts.map((a) => a.name)).toEqual(['华东精密', '北方重工']);
    });
  }

  it('a unit on a line of its own (`年采购额⏎单位：万元`) and a footnote mark (`合同金额¹`) are read', async () => {
    const file = await writeBook(join(tempDir(), 'h.xlsx'), [{ name: 'Sheet1', rows: [['客户名称', '年采购额\n单位：万元', '合同金额¹'], ['华东精密', 1200, 50], ['北方重工', 800, 900]] }]);
    const r = await kam(['tier', file, '--format', 'json', ...asOf]);
    const json = JSON.parse(r.stdout) as { accounts: { name: string; contributions: Record<string, number> }[]; summary: { revenue: number }[] };
    expect(json.summary.reduce((s, t) => s + t.revenue, 0)).toBe(20_000_000);
    expect(Object.keys(json.accounts[0]!.contributions)).toEqual(['annual_revenue', 'contract_value']);
  });
});

describe('tables under and beside the Accounts table', () => {
  it('a summary under the table after a blank row (区域 | 客户数 | 年采购额) ends it: no account 区域, 华东 or 华南', async () => {
    const file = await writeBook(join(tempDir(), 'summary.xlsx'), [
      {
        name: '客户信息',
        rows: [
          ['客户名称', '区域', '客户经理', '年采购额（万元）', '客户等级'],
          ['华东精密', '华东', '张三', 1200, '战略客户'],
          ['苏州电子', '华东', '李四', 850, '重要客户'],
          ['南方电网', '华南', '王五', 300, '普通客户'],
          [],
          ['区域', '客户数', '年采购额（万元）'],
          ['华东', 2, 2050],
          ['华南', 1, 300],
        ],
      },
    ]);
    const r = await kam(['tier', file, '--format', 'json', '--lang', 'en', ...asOf]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { accounts: { name: string }[] }).accounts.map((a) => a.name)).toEqual(['华东精密', '苏州电子', '南方电网']);
    expect(r.stderr).toContain('another table starts at row 6 (区域 | 客户数 | 年采购额（万元）)');
  });

  it('a value that is also a column’s name, first in a record after a blank row, is a record (found by review: rows dropped)', async () => {
    const accounts = join(tempDir(), 'tiers.csv');
    writeFileSync(accounts, 'Tier,Account Name,Industry,Annual Revenue\nStrategic,Acme,Tech,5000000\nStrategic,Globex,Retail,4000000\n\nImportant,Initech,Finance,900000\n\nStrategic,Umbrella,Pharma,3000000\nStandard,Hooli,Tech,100000\n');
    const r = await kam(['tier', accounts, '--format', 'json', ...asOf]);
    expect((JSON.parse(r.stdout) as { accounts: unknown[] }).accounts).toHaveLength(5);
    const staff = await writeBook(join(tempDir(), 'staff.xlsx'), [
      { name: '客户信息', rows: [['客户名称', '年采购额'], ['甲', 100]] },
      { name: '人员', rows: [['岗位', '姓名', '部门', '在职'], ['主管', '王芳', '销售部', '是'], ['客户经理', '张三', '销售部', '是'], [], ['主管', '李强', '客服部', '在职'], ['客户经理', '赵六', '客服部', '是']] },
      { name: '分工', rows: [['客户名称', '工作内容', '负责人', '角色'], ['甲', '日常跟进', '赵六', 'R'], ['甲', '日常跟进', '李强', 'A']] },
    ]);
    const c = await kam(['check', staff, '--format', 'json', ...asOf]);
    expect((JSON.parse(c.stdout) as Json).findings.filter((f) => f.rule.startsWith('ref/'))).toEqual([]);
  });

  it('kam tier --write past a legend beside the table writes its two columns once, and in place on later runs', async () => {
    const file = await writeBook(join(tempDir(), 'legend.xlsx'), [
      { name: '客户信息', rows: [['客户名称', '年采购额（万元）', '客户等级', null, '等级', '说明'], ['甲', 1200, '战略客户', null, '战略客户', '前10%'], ['乙', 800, '重要客户', null, '重要客户', '前30%'], ['丙', 300, '普通客户']] },
    ]);
    for (let i = 0; i < 3; i++) expect((await kam(['tier', file, '--write', '-q', ...asOf])).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const header = (book.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['客户名称', '年采购额（万元）', '客户等级', undefined, '等级', '说明', '计算等级', '计算评分']);
    expect(book.worksheets[0]!.getRow(4).getCell(7).value).toBe('普通客户');
  });
});

describe('--verbose on a folder of CSV files says how each was read (one line said `utf-8, gb18030, delimiter "tab ,"`)', () => {
  it('each file, its encoding and its delimiter', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'accounts.csv'), '客户名称,年采购额\n华东精密,100\n');
    writeFileSync(join(dir, 'staff.csv'), iconv.encode('姓名\t岗位\n张伟\t客户经理\n', 'gbk'));
    const r = await kam(['tier', dir, '--verbose', '--lang', 'en', ...asOf]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${join(dir, 'accounts.csv')}: read as utf-8, delimiter ","\n${join(dir, 'staff.csv')}: read as gb18030, delimiter "tab"\n`);
  });
});

describe('a value in the wrong column is quoted as Excel shows it, and what is expected there said', () => {
  it('a time of day in a date column is "09:30" (was 0.395833333333333); a date in the hours column expects hours (it said "expected a date")', async () => {
    const file = await writeBook(join(tempDir(), 'time.xlsx'), [
      { name: '客户信息', rows: [['客户名称', '年采购额'], ['甲', 100]] },
      { name: '分工明细', rows: [['客户名称', '工作内容', '负责人', '角色', '截止日期', '预计工时'], ['甲', '日常跟进', '张三', 'A', 0.3958333333333333, new Date(Date.UTC(2025, 10, 15))]], formats: { E: 'hh:mm', F: 'yyyy-mm-dd' } },
    ]);
    const r = await kam(['check', file, '--format', 'json', '--lang', 'en', ...asOf]);
    const messages = (JSON.parse(r.stdout) as { findings: { rule: string; cell?: string; message: string }[] }).findings.filter((f) => f.rule === 'schema/invalid-value');
    expect(messages.map((f) => [f.cell, f.message])).toEqual([
      ['分工明细!E2', '"09:30" in column 截止日期 cannot be read: expected a date (e.g. 2025-11-15)'],
      ['分工明细!F2', '"2025-11-15" in column 预计工时 cannot be read: expected hours per occurrence (e.g. 2, 1.5h, 0.5小时, 30分钟, 90min, 1天, 半天)'],
    ]);
  });
});

describe('accounts of one score split by a quota are said (found by a new user: one revenue, two tiers, by name)', () => {
  it('names how many share the score and how the line splits them; the tiers stay as the quota gives them', async () => {
    const values = [3_000_000, 2_500_000, ...Array<number>(5).fill(1_200_000), ...Array<number>(6).fill(1_000_000), ...Array<number>(13).fill(500_000)];
    const file = await writeBook(join(tempDir(), 'ties.xlsx'), [{ name: '客户信息', rows: [['客户名称', '年采购额（元）'], ...values.map((v, i) => [`客户${String(i).padStart(2, '0')}`, v])] }]);
    const r = await kam(['tier', file, '--format', 'json', '--lang', 'en', ...asOf]);
    expect(r.code).toBe(0);
    const accounts = (JSON.parse(r.stdout) as { accounts: { name: string; tier: string }[] }).accounts;
    // 10% of 26 is 3 strategic, 20% is 5 important: the quota's lines fall within the ties of 1,200,000 and 1,000,000.
    expect(accounts.slice(0, 8).map((a) => a.tier)).toEqual(['strategic', 'strategic', 'strategic', 'important', 'important', 'important', 'important', 'important']);
    expect(r.stderr).toContain('5 accounts share the score 28 where a quota draws its line: the tiers take 1 / 4 of them, highest first, by name');
    expect(r.stderr).toContain('6 accounts share the score 20 where a quota draws its line: the tiers take 1 / 5 of them, highest first, by name');
  });

  it('one tie across two lines is said once, with each tier’s count; ABC, cut by revenue shares, says nothing of quotas', async () => {
    const file = join(tempDir(), 'same.csv');
    writeFileSync(file, `客户名称,年采购额\n${Array.from({ length: 10 }, (_v, i) => `客户${i + 1},100`).join('\n')}\n`);
    const r = await kam(['tier', file, '--format', 'json', '--lang', 'en', ...asOf]);
    expect((JSON.parse(r.stdout) as { summary: { count: number }[] }).summary.map((t) => t.count)).toEqual([1, 2, 7]);
    expect(r.stderr.match(/share the score/g)).toHaveLength(1);
    expect(r.stderr).toContain('10 accounts share the score 100 where a quota draws its line: the tiers take 1 / 2 / 7 of them');
    const abc = join(tempDir(), 'abc.csv');
    writeFileSync(abc, '客户名称,年采购额\n甲,700\n乙,100\n丙,100\n丁,100\n');
    expect((await kam(['tier', abc, '--method', 'abc', ...asOf])).stderr).not.toContain('share the score');
  });
});

describe("Excel's first day where no date was known (a due date of 1900-01-01 was 45,974 days overdue)", () => {
  it('is an invalid value at its cell, saying why, whether a date cell (serial 1 shown yyyy-mm-dd) or text', async () => {
    const file = await writeBook(join(tempDir(), 'd1900.xlsx'), [
      { name: '客户信息', rows: [['客户名称', '年采购额'], ['甲', 100]] },
      { name: '分工明细', rows: [['客户名称', '工作内容', '负责人', '角色', '截止日期'], ['甲', '日常跟进', '张三', 'A', 1], ['甲', '续约', '张三', 'A', '1900-01-01']], formats: { E: 'yyyy-mm-dd' } },
    ]);
    const r = await kam(['check', file, '--format', 'json', '--lang', 'en', ...asOf]);
    const findings = (JSON.parse(r.stdout) as { findings: { rule: string; cell?: string; message: string }[] }).findings;
    expect(findings.filter((f) => f.rule === 'time/overdue')).toEqual([]);
    expect(findings.filter((f) => f.rule === 'schema/invalid-value').map((f) => [f.cell, f.message])).toEqual([
      ['分工明细!E2', '"1900-01-01" in column 截止日期 cannot be read: expected a real date, not Excel\'s first day (1900-01-01, or 1904-01-01 in a book of the 1904 date system, written where no date was known)'],
      ['分工明细!E3', '"1900-01-01" in column 截止日期 cannot be read: expected a real date, not Excel\'s first day (1900-01-01, or 1904-01-01 in a book of the 1904 date system, written where no date was known)'],
    ]);
  });
});

describe('a header renamed in a pull request (found by a new user: kam diff exit 2, git diff aborted)', () => {
  const pair = async () => {
    const dir = tempDir();
    const rows = (account: string) => [[account, 'Task', 'Person', 'RACI'], ['Acme', 'Follow-up', 'Ann', 'R'], ['Acme', 'Follow-up', 'Bob', 'A']];
    const base = [
      { name: 'Accounts', rows: [['Account Name', 'Annual Revenue'], ['Acme', 100]] },
      { name: 'Staff', rows: [['Name'], ['Ann'], ['Bob']] },
    ];
    const old = await writeBook(join(dir, 'old.xlsx'), [...base, { name: 'Assignments', rows: rows('Account') }]);
    const now = await writeBook(join(dir, 'new.xlsx'), [...base, { name: 'Assignments', rows: rows('Firm') }]);
    return { dir, old, now };
  };

  it('kam diff: the division of labour not compared, its missing column introduced, exit 1', async () => {
    const { old, now } = await pair();
    const r = await kam(['diff', old, now, '--format', 'json', '--lang', 'en', ...asOf]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as { changes: unknown[]; introduced: { rule: string; cell?: string }[] };
    expect(json.changes).toEqual([]);
    expect(json.introduced.map((f) => [f.rule, f.cell])).toEqual([['schema/missing-column', 'Assignments!1:1']]);
  });

  it('kam textconv of a file it cannot read: one line of text, exit 0 (git goes on)', async () => {
    const { dir } = await pair();
    const notes = join(dir, 'notes.csv');
    writeFileSync(notes, 'just some notes\nabout nothing\n');
    const r = await kam(['textconv', notes, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^kam textconv: .*notes\.csv: no "name" column found in the header row/);
    expect(r.stderr).toMatch(/^kam: .*notes\.csv: no "name" column/);
  });
});

describe("a CI user's trial: CRM exports and annotations", () => {
  it("a Salesforce account team (Team Member | Team Role): the members read as people, the roles said not to be letters", async () => {
    const file = await writeBook(join(tempDir(), 'team.xlsx'), [
      { name: 'Accounts', rows: [['Account Name', 'Annual Revenue'], ['Acme Corp', 100]] },
      { name: 'Staff', rows: [['Name'], ['Alice Chen'], ['Grace Liu']] },
      { name: 'Account Team', rows: [['Company name', 'Task', 'Team Member', 'Team Role'], ['Acme Corp', 'Follow-up', 'Alice Chen', 'Account Manager'], ['Acme Corp', 'Follow-up', 'Grace Liu', 'Executive Sponsor']] },
    ]);
    const r = await kam(['matrix', file, '--format', 'json', '--lang', 'en', ...asOf]);
    expect((JSON.parse(r.stdout) as { columns: { key: string }[] }).columns.map((c) => c.key)).toEqual(['person:alice chen', 'person:grace liu']);
    expect(r.stderr).toContain('Account Team!D1: column D "Team Role" is not read as RACI: 2 of the 2 values looked at ("Account Manager", "Executive Sponsor") do not read as RACI, so none of the column is read (schema/unread-column)');
  });

  it('a division of labour with no person column says so, naming the headers it did not read', async () => {
    const file = await writeBook(join(tempDir(), 'rep.xlsx'), [
      { name: 'Accounts', rows: [['Account Name', 'Annual Revenue'], ['Acme Corp', 100]] },
      { name: 'Account Team', rows: [['Account Name', 'Task', 'Rep', 'Contact Role'], ['Acme Corp', 'Follow-up', 'Alice Chen', 'Decision Maker']] },
    ]);
    const r = await kam(['check', file, '--lang', 'en', ...asOf]);
    expect(r.stderr).toContain('Account Team has no person column (负责人 / Person) and no department column: its rows name nobody, so every task reads as held by no one; name the column that holds the people under "columns" in kam.config.json (headers not read: Rep | Contact Role)');
  });

  it('kam matrix --format json leaves out a cell whose letters could not be read (it wrote "")', async () => {
    const file = await writeBook(join(tempDir(), 'mx.xlsx'), [
      { name: 'Accounts', rows: [['Account Name', 'Annual Revenue'], ['Acme', 100]] },
      { name: 'Assignments', rows: [['Account', 'Task', 'Person', 'RACI'], ['Acme', 'Follow-up', 'Ann', 'R'], ['Acme', 'Follow-up', 'Bob', 'Owner'], ['Acme', 'Follow-up', 'Cid', 'A']] },
    ]);
    const r = await kam(['matrix', file, '--format', 'json', ...asOf]);
    expect((JSON.parse(r.stdout) as { rows: { cells: Record<string, string> }[] }).rows[0]!.cells).toEqual({ 'person:ann': 'R', 'person:cid': 'A' });
  });

  it("kam diff --format github puts a removed account on the new version's accounts file, not its folder", async () => {
    const dir = tempDir();
    const [a, b] = [join(dir, 'a'), join(dir, 'b')];
    for (const d of [a, b]) mkdirSync(d);
    for (const name of ['accounts.csv', 'staff.csv', 'assignments.csv']) {
      const text = readFileSync(join(EXAMPLES, 'csv-en', name), 'utf8');
      writeFileSync(join(a, name), text);
      writeFileSync(join(b, name), name === 'accounts.csv' ? text.split('\n').filter((l) => !l.startsWith('C-102,')).join('\n') : text);
    }
    const r = await kam(['diff', a, b, '--format', 'github', '--lang', 'en', ...asOf]);
    expect(r.stdout).toContain(`::warning file=${join(b, 'accounts.csv')},title=kam diff%3A account-removed::Ordinary · Northwind Logistics (C-102): account removed`);
  });
});

describe('kam diff: a finding on the rows of an account the new version no longer lists (found by a new user: introduced and resolved)', () => {
  it('is the same finding in both versions: only what is new is introduced', async () => {
    const dir = tempDir();
    const staff = { name: 'Staff', rows: [['Name'], ['Ann'], ['Bob']] };
    const assignments = { name: 'Assignments', rows: [['Account', 'Task', 'Person', 'RACI'], ['Acme', 'Follow-up', 'Ann', 'R'], ['Acme', 'Follow-up', 'Bob', 'A'], ['Initech', 'Follow-up', 'Zed Unknown', 'R'], ['Initech', 'Follow-up', 'Bob', 'A']] };
    const old = await writeBook(join(dir, 'old.xlsx'), [{ name: 'Accounts', rows: [['Account Name', 'Annual Revenue'], ['Acme', 100], ['Initech', 50]] }, staff, assignments]);
    const now = await writeBook(join(dir, 'new.xlsx'), [{ name: 'Accounts', rows: [['Account Name', 'Annual Revenue'], ['Acme', 100]] }, staff, assignments]);
    const r = await kam(['diff', old, now, '--format', 'json', '--lang', 'en', ...asOf]);
    const json = JSON.parse(r.stdout) as { introduced: { rule: string }[]; resolved: { rule: string }[] };
    // (One for each of its rows, as kam check says them; the unknown person of one of them is no change.)
    expect([...new Set(json.introduced.map((f) => f.rule))]).toEqual(['ref/unknown-account']);
    expect(json.resolved.map((f) => f.rule).filter((rule) => rule === 'ref/unknown-person')).toEqual([]);
  });
});

describe('a table titled under the table whose header starts as the table’s (found by a new user: its rows were accounts)', () => {
  it('ends the table at its title; a section title over the header repeated in full still does not', async () => {
    const head = ['客户名称', '区域', '客户经理', '年采购额（万元）', '客户等级'];
    const file = await writeBook(join(tempDir(), 'second.xlsx'), [
      { name: '客户信息', rows: [head, ['华东精密', '华东', '张三', 1200, '战略客户'], ['苏州电子', '华东', '李四', 850, '重要客户'], [], ['重点跟进客户'], ['客户名称', '跟进事项', '跟进人'], ['新客户X', '拜访', '李四'], ['华东精密', '续约', '张三']] },
    ]);
    const r = await kam(['tier', file, '--format', 'json', '--lang', 'en', ...asOf]);
    expect((JSON.parse(r.stdout) as { accounts: { name: string }[] }).accounts.map((a) => a.name)).toEqual(['华东精密', '苏州电子']);
    expect(r.stderr).toContain('another table starts at row 5 (客户名称 | 跟进事项 | 跟进人)');
    const sections = await writeBook(join(tempDir(), 'sections.xlsx'), [
      { name: '客户信息', rows: [['一、华东区'], head, ['华东精密', '华东', '张三', 1200, '战略客户'], [], ['二、华南区'], head, ['南方电网', '华南', '王五', 300, '普通客户']] },
    ]);
    const s = await kam(['tier', sections, '--format', 'json', ...asOf]);
    expect((JSON.parse(s.stdout) as { accounts: { name: string }[] }).accounts.map((a) => a.name)).toEqual(['华东精密', '南方电网']);
  });
});

describe('Salesforce 15-character ids that differ only in case (found by a new user: one account’s rows went to the other)', () => {
  it('are two accounts (since the sixteenth session: keyed by their 18-character form); other ids that differ only in case are one, and the duplicate key says why', async () => {
    const dir = csvFolder({
      'accounts.csv': '"Account ID","Account Name","Annual Revenue"\n"0015g00000AbCdE","Acme Corp",100\n"0015g00000abcde","Acme Subsidiary",50\n',
      'assignments.csv': 'Account ID,Task,Person,RACI\n0015g00000AbCdE,Follow-up,Alice,R\n0015g00000abcde,Follow-up,Brian,R\n',
    });
    const r = await kam(['check', dir, '--format', 'json', '--lang', 'en', ...asOf]);
    const json = JSON.parse(r.stdout) as { findings: { rule: string; cell?: string; message: string }[] };
    expect(json.findings.filter((f) => f.rule === 'schema/duplicate-key')).toEqual([]);
    const other = csvFolder({
      'accounts.csv': '"Account ID","Account Name","Annual Revenue"\n"KA-001","Acme Corp",100\n"ka-001","Acme Subsidiary",50\n',
      'assignments.csv': 'Account ID,Task,Person,RACI\nKA-001,Follow-up,Alice,R\n',
    });
    const o = JSON.parse((await kam(['check', other, '--format', 'json', '--lang', 'en', ...asOf])).stdout) as { findings: { rule: string; cell?: string; message: string }[] };
    expect(o.findings.filter((f) => f.rule === 'schema/duplicate-key').map((f) => [f.cell, f.message])).toEqual([['accounts.csv!A3', '"ka-001" appears again (first in row 2)']]);
    const text = await kam(['check', other, '--lang', 'en', ...asOf]);
    expect(text.stdout.replace(/\s+/g, ' ')).toContain('kam compares ids without their case (but a Salesforce id\'s), so these two are one account');
  });
});

describe('found by a review of the session’s last changes', () => {
  it('a header whose English is a phrase kam does not know is read by its Chinese (工作内容 Work Content, 负责人 Person in Charge, 截止日期⏎YYYY-MM-DD, Hours 小时); minutes beside a name are not guessed', async () => {
    const file = await writeBook(join(tempDir(), 'phrases.xlsx'), [
      { name: '客户信息', rows: [['客户名称', '年采购额'], ['甲', 100]] },
      { name: '人员信息', rows: [['姓名'], ['张三'], ['李四']] },
      { name: '分工明细', rows: [['客户名称', '工作内容 Work Content', '负责人 Person in Charge', '角色', '截止日期\nYYYY-MM-DD', 'Hours 小时', '频率'], ['甲', '日常跟进', '张三', 'R', '2025-12-01', 3, '每周'], ['甲', '日常跟进', '李四', 'A', '2025-12-01', 1, '每周']] },
    ]);
    const r = await kam(['load', file, '--format', 'json', ...asOf]);
    expect(r.code).toBe(0);
    // (The hours read: 3 a week for the R, and the A's share of 1 — as under 预计工时.)
    expect((JSON.parse(r.stdout) as { people: { name: string; hours: number }[] }).people.map((p) => [p.name, p.hours])).toEqual([['张三', 3], ['李四', 0.2]]);
    const minutes = await writeBook(join(tempDir(), 'minutes.xlsx'), [
      { name: '客户信息', rows: [['客户名称', '年采购额'], ['甲', 100]] },
      { name: '分工明细', rows: [['客户名称', '工作内容', '负责人', '角色', '工时 min'], ['甲', '日常跟进', '张三', 'R', 30]] },
    ]);
    const m = await kam(['load', minutes, '--format', 'json', ...asOf]);
    // (Not read as 30 hours: the column is not read, and load.effort counts.)
    expect((JSON.parse(m.stdout) as { people: { hours: number }[] }).people[0]!.hours).not.toBe(30);
  });

  it('a section title over the header repeated with one column renamed and one left blank is the header again', async () => {
    const file = await writeBook(join(tempDir(), 'regions.xlsx'), [
      { name: '客户信息', rows: [['华东区'], ['客户名称', '行业', '年采购额', '客户经理', '备注'], ['阿里', '互联网', 500, '张三', ''], ['网易', '互联网', 300, '李四', ''], [], ['华北区'], ['客户名称', '行业', '年采购额', '销售代表'], ['百度', '互联网', 400, '王五'], ['京东', '零售', 200, '赵六']] },
    ]);
    const r = await kam(['tier', file, '--format', 'json', ...asOf]);
    expect((JSON.parse(r.stdout) as { accounts: unknown[] }).accounts).toHaveLength(4);
  });

  it('a person after a blank row whose values are column names (主管, 员工) is a person', async () => {
    const file = await writeBook(join(tempDir(), 'staff.xlsx'), [
      { name: '客户信息', rows: [['客户名称', '年采购额'], ['甲', 100]] },
      { name: '人员信息', rows: [['姓名', '部门', '岗位', '上级', '人员类型'], ['王五', '服务部', '经理', '', '员工'], ['孙七', '服务部', '客服', '王五', '员工'], [], ['赵六', '服务部', '主管', '王五', '员工'], ['钱七', '服务部', '客服', '赵六', '员工']] },
      { name: '分工明细', rows: [['客户名称', '工作内容', '负责人', '角色'], ['甲', '日常跟进', '赵六', 'A'], ['甲', '日常跟进', '钱七', 'R']] },
    ]);
    const r = await kam(['check', file, '--format', 'json', ...asOf]);
    expect((JSON.parse(r.stdout) as Json).findings.filter((f) => f.rule === 'ref/unknown-person')).toEqual([]);
  });

  it('a User or 团队成员 column beside the person column is not the person, and makes nothing ambiguous', async () => {
    const file = await writeBook(join(tempDir(), 'user.xlsx'), [
      { name: 'Accounts', rows: [['Account Name', 'Annual Revenue'], ['Acme', 100]] },
      { name: 'Assignments', rows: [['Account', 'Task', 'Assigned To', 'RACI', 'User', '团队成员'], ['Acme', 'Follow-up', '张三', 'R', 'Admin', '王五'], ['Acme', 'Follow-up', '李四', 'A', 'Admin', '王五']] },
    ]);
    const r = await kam(['matrix', file, '--format', 'json', ...asOf]);
    expect((JSON.parse(r.stdout) as { columns: { key: string }[] }).columns.map((c) => c.key)).toEqual(['person:张三', 'person:李四']);
    const c = await kam(['check', file, '--format', 'json', ...asOf]);
    expect((JSON.parse(c.stdout) as Json).findings.filter((f) => f.rule === 'schema/ambiguous-column')).toEqual([]);
  });

  it('a gloss that is no gloss (a letter, a number, a name, a placeholder) is still an invalid value', async () => {
    const file = await writeBook(join(tempDir(), 'gloss.xlsx'), [
      { name: 'Accounts', rows: [['Account Name', 'Annual Revenue'], ['Acme', 100]] },
      { name: 'Assignments', rows: [['Account', 'Task', 'Person', 'RACI'], ...['A - B', 'C: 3', 'R - 张三', 'R - not needed', 'A - TBD', 'R - does a review'].map((v, i) => ['Acme', `Task ${i}`, 'Ann', v])] },
    ]);
    const r = await kam(['check', file, '--format', 'json', ...asOf]);
    expect((JSON.parse(r.stdout) as Json).findings.filter((f) => f.rule === 'schema/invalid-value').map((f) => f.cell)).toEqual(['Assignments!D2', 'Assignments!D3', 'Assignments!D4', 'Assignments!D5', 'Assignments!D6']);
  });

  it('kam diff the other way: the missing key column resolved, not "no changes"; textconv in the locale’s language', async () => {
    const dir = tempDir();
    const base = [
      { name: 'Accounts', rows: [['Account Name', 'Annual Revenue'], ['Acme', 100]] },
      { name: 'Staff', rows: [['Name'], ['Ann'], ['Bob']] },
    ];
    const rows = (account: string) => [[account, 'Task', 'Person', 'RACI'], ['Acme', 'Follow-up', 'Ann', 'R'], ['Acme', 'Follow-up', 'Bob', 'A']];
    const gone = await writeBook(join(dir, 'gone.xlsx'), [...base, { name: 'Assignments', rows: rows('Firm') }]);
    const ok = await writeBook(join(dir, 'ok.xlsx'), [...base, { name: 'Assignments', rows: rows('Account') }]);
    const r = await kam(['diff', gone, ok, '--format', 'json', ...asOf]);
    expect((JSON.parse(r.stdout) as { resolved: { rule: string }[] }).resolved.map((f) => f.rule)).toEqual(['schema/missing-column']);
    const notes = join(dir, 'notes.csv');
    writeFileSync(notes, 'just,some\n');
    const zh = await kam(['textconv', notes], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.code).toBe(0);
    expect(zh.stdout).toMatch(/^kam textconv: .*notes\.csv: 表头中找不到/);
  });

  it('a plain 0 in a date column is no date, not Excel’s first day; a date-styled 0 is quoted as 1900-01-00', async () => {
    const file = await writeBook(join(tempDir(), 'zero.xlsx'), [
      { name: '客户信息', rows: [['客户名称', '年采购额'], ['甲', 100]] },
      { name: '分工明细', rows: [['客户名称', '工作内容', '负责人', '角色', '截止日期', '开始日期'], ['甲', '日常跟进', '张三', 'A', 0, 0]], formats: { F: 'yyyy-mm-dd' } },
    ]);
    const r = await kam(['check', file, '--format', 'json', '--lang', 'en', ...asOf]);
    const messages = (JSON.parse(r.stdout) as { findings: { rule: string; cell?: string; message: string }[] }).findings.filter((f) => f.rule === 'schema/invalid-value' && f.cell === '分工明细!E2').map((f) => f.message);
    expect(messages).toEqual(['"0" in column 截止日期 cannot be read: expected a date (e.g. 2025-11-15)']);
  });
});
