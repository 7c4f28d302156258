import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeCsv, sniffDelimiter } from '../../src/io/csv/read.js';
import { openBook } from '../../src/io/open.js';
import { tempDir } from '../helpers/books.js';
import { readRows } from '../helpers/read.js';

const dir = tempDir();
const file = (name: string, content: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
const values = (rows: Awaited<ReturnType<typeof readRows>>) => rows.map((r) => [r.row, ...Array.from(r.cells, (c) => c?.v ?? '')]);

describe('CSV encodings', () => {
  const text = '客户名称,年采购额\n华东精密,120万\n';
  it('reads a UTF-8 BOM, strict UTF-8, and falls back to GB18030 (Excel in China)', async () => {
    for (const [name, bytes, enc] of [
      ['bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'utf-8'],
      ['plain.csv', Buffer.from(text), 'utf-8'],
      ['gbk.csv', iconv.encode(text, 'gbk'), 'gb18030'],
    ] as const) {
      const book = await openBook(file(name, bytes));
      expect(book.encoding).toBe(enc);
      expect(values(await readRows(join(dir, name)))).toEqual([
        [1, '客户名称', '年采购额'],
        [2, '华东精密', '120万'],
      ]);
    }
  });

  it("reads Excel's Unicode text export: UTF-16LE with a BOM, tab-separated", async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('客户名称\t年采购额\r\n华东精密\t120\r\n', 'utf-16le')]);
    const book = await openBook(file('unicode.txt', bytes));
    expect(book.encoding).toBe('utf-16le');
    expect(book.delimiter).toBe('\t');
    expect(values(await readRows(join(dir, 'unicode.txt')))).toEqual([
      [1, '客户名称', '年采购额'],
      [2, '华东精密', '120'],
    ]);
  });

  it('tells Big5 (Traditional) from GB18030 (Simplified) without --encoding, and refuses to guess when it cannot (issue 9)', async () => {
    const big5 = '客戶名稱,年採購額（萬元）,負責人\n華東精密,120,張偉\n北方重工,80,李娜\n';
    const gbk = '客户名称,年采购额（万元）,负责人\n华东精密,120,张伟\n北方重工,80,李娜\n';
    const b = await openBook(file('big5.csv', iconv.encode(big5, 'big5')));
    expect(b.encoding).toBe('big5');
    expect(values(await readRows(join(dir, 'big5.csv')))[2]).toEqual([3, '北方重工', '80', '李娜']);
    expect((await openBook(file('gbk2.csv', iconv.encode(gbk, 'gbk')))).encoding).toBe('gb18030');
    // One character (啊 in GB18030, 陛 in Big5): both read as Chinese, nothing to tell them apart.
    const tiny = file('tiny.csv', Buffer.concat([Buffer.from('name,'), Buffer.from('b0a1', 'hex'), Buffer.from('\n')]));
    await expect(openBook(tiny)).rejects.toMatchObject({ code: 'input.ambiguousEncoding' });
    expect(decodeCsv(Buffer.concat([Buffer.from('name,'), Buffer.from('b0a1', 'hex')]), 'tiny.csv', 'big5').text).toBe('name,陛');
  });

  it('honours --encoding', () => {
    expect(decodeCsv(iconv.encode('客戶名稱', 'big5'), 'x.csv', 'big5').text).toBe('客戶名稱');
    expect(() => decodeCsv(Buffer.from('x'), 'x.csv', 'klingon')).toThrow(expect.objectContaining({ code: 'usage.encoding' }));
  });
});

describe('CSV delimiters', () => {
  it.each([
    [',', 'a,b,c\n1,2,3\n4,5,6\n'],
    [';', 'name;amount\nfoo;1,5\nbar;2,5\n'],
    ['\t', 'a\tb\n1\t2\n'],
    ['|', 'a|b|c\n1|2|3\n'],
    [',', '2025年大客户名单\nname,amount,tier\nA,"1,200",战略\nB,300,普通\n'],
  ])('sniffs %j', (delimiter, text) => expect(sniffDelimiter(text, 'x.csv')).toBe(delimiter));

  it('asks for --delimiter when two fit equally well', () => {
    expect(() => sniffDelimiter('a;b,c\nd;e,f\n', 'x.csv')).toThrow(expect.objectContaining({ code: 'input.ambiguousDelimiter' }));
  });

  it("uses Excel's sep= line and does not count it as a row", async () => {
    const p = file('sep.csv', 'sep=;\nname;amount\nA;1\n');
    expect(values(await readRows(p))).toEqual([
      [1, 'name', 'amount'],
      [2, 'A', '1'],
    ]);
  });

  it('numbers rows as Excel shows them: quoted newlines stay in one row, blank lines count', async () => {
    const p = file('rows.csv', 'name,note\n"A","line1\nline2"\n\nB,x\n');
    expect(values(await readRows(p))).toEqual([
      [1, 'name', 'note'],
      [2, 'A', 'line1\nline2'],
      [4, 'B', 'x'],
    ]);
  });

  it('takes --delimiter tab', async () => {
    const p = file('forced.csv', 'a\tb,c\n1\t2,3\n');
    expect(values(await readRows(p, undefined, { delimiter: 'tab' }))).toEqual([
      [1, 'a', 'b,c'],
      [2, '1', '2,3'],
    ]);
  });
});

describe('opening files', () => {
  const code = async (p: string) => openBook(p).then(() => 'ok', (e: { code?: string; params?: { format?: string } }) => `${e.code}${e.params?.format ? `:${e.params.format}` : ''}`);
  it('says what is wrong and what to do', async () => {
    expect(await code(join(dir, 'missing.xlsx'))).toBe('input.missing');
    expect(await code(file('renamed.xlsx', 'name,amount\nA,1\n'))).toBe('input.textAsXlsx');
    expect(await code(file('legacy.xls', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)])))).toBe('input.unsupported:xls');
    expect(await code(file('secret.xlsx', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(100), Buffer.from('EncryptedPackage', 'utf16le')])))).toBe('input.encrypted');
    // Its directory past the first MiB, and the mark across a seam of the pieces it is searched in (found by a new user: called an .xls).
    for (const at of [3 << 20, (1 << 20) - 5, (2 << 20) - 17]) {
      const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(at - 8), Buffer.from('EncryptedPackage', 'utf16le'), Buffer.alloc(600)]);
      expect(await code(file('big-secret.xlsx', ole)), String(at)).toBe('input.encrypted');
    }
    expect(await code(file('big-legacy.xls', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(3 << 20)])))).toBe('input.unsupported:xls');
    expect(await code(file('sheet.ods', Buffer.from('PK\u0003\u0004rest')))).toBe('input.unsupported:ods');
    expect(await code(file('wps.et', Buffer.from('whatever')))).toBe('input.unsupported:et');
    expect(await code(file('empty.xlsx', ''))).toBe('input.empty');
    expect(await code(file('bin.csv', Buffer.from([1, 2, 0, 3])))).toBe('input.binary');
    expect(await code(file('quote.csv', 'a,b\n"x,1\n'))).toBe('input.unclosedQuote');
    // Tables systems export as HTML or as Excel 2003's XML, whatever their name says (found by a new user: "a text (CSV) file").
    const page = '\ufeff\n  <!DOCTYPE html><html><body><table><tr><td>客户名称</td></tr></table></body></html>';
    for (const name of ['export.xls', 'export.xlsx', 'export.csv']) expect(await code(file(name, page))).toBe('input.unsupported:html');
    expect(await code(file('bare.xls', '<table border=1><tr><td>客户名称</td></tr></table>'))).toBe('input.unsupported:html');
    expect(await code(file('utf16.xls', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<html><body></body></html>', 'utf16le')])))).toBe('input.unsupported:html');
    expect(await code(file('utf16be.xls', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('<html><body></body></html>', 'utf16le').swap16()])))).toBe('input.unsupported:html');
    expect(await code(file('old.xls', '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>'))).toBe('input.unsupported:xml2003');
    // A CSV whose first field merely starts with < is still a CSV.
    expect(await code(file('angle.csv', '<name>,amount\nA,1\n'))).toBe('ok');
  });
});
