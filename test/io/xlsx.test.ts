import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openBook } from '../../src/io/open.js';
import { isDateFormat, isElapsedFormat, parseDateStyles } from '../../src/io/xlsx/workbook.js';
import { SharedStrings } from '../../src/io/xlsx/shared-strings.js';
import { InputError } from '../../src/model/errors.js';
import { tempDir, writeBook, writeRawXlsx, writeZip } from '../helpers/books.js';
import { readRows } from '../helpers/read.js';

const dir = tempDir();

describe('xlsx reader over exceljs-written books', () => {
  it('reads plain values, rich text, hyperlinks, formulas (cached), errors, booleans, dates and merges', async () => {
    const path = await writeBook(join(dir, 'shapes.xlsx'), [
      {
        name: '客户信息',
        rows: [
          ['2025年大客户管理分工明确表'],
          ['客户名称', '年采购额(万元)', '合作开始日期', '在职', '备注', '合计'],
          [{ richText: [{ text: '华东', font: { bold: true } }, { text: '精密' }] }, 120, new Date(Date.UTC(2025, 10, 15)), true, { text: 'site', hyperlink: 'https://example.com' }, { formula: 'B3*2', result: 240 }],
          ['北方重工', { error: '#N/A' }, '2025/11/15', false, null, { formula: 'B4*2' }],
        ],
        merges: ['A1:F1'],
        formats: { C: 'yyyy-mm-dd' },
      },
    ]);
    const rows = await readRows(path);
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3, 4]);
    expect(rows[0]!.cells.map((c) => c?.v)).toEqual(Array(6).fill('2025年大客户管理分工明确表'));
    const [name, rev, since, active, link, formula] = rows[2]!.cells;
    expect(name).toEqual({ t: 's', v: '华东精密' });
    expect(rev).toEqual({ t: 'n', v: 120 });
    expect(since).toEqual({ t: 'n', v: 45976, date: true });
    expect(active).toEqual({ t: 'b', v: true });
    expect(link).toEqual({ t: 's', v: 'site' });
    // A formula's stored result, marked as one (--apply cannot write there; --suggest moves none of its row).
    expect(formula).toEqual({ t: 'n', v: 240, formula: true });
    expect(rows[3]!.cells[1]).toEqual({ t: 'e', v: '#N/A' });
    expect(rows[3]!.cells[5]).toEqual({ t: 'f', v: 'B4*2' });
  });

  it('lists sheets by their names as written', async () => {
    const path = await writeBook(join(dir, 'names.xlsx'), [
      { name: 'Accounts', rows: [['a']] },
      { name: '分工 明细 & Co', rows: [['b']] },
    ]);
    const book = await openBook(path);
    expect(book.sheets.map((s) => s.name)).toEqual(['Accounts', '分工 明细 & Co']);
    expect(book.date1904).toBe(false);
  });
});

describe('xlsx reader over hand-written parts (other writers)', () => {
  it('reads inline strings, namespace prefixes, cells without r attributes and phonetic runs', async () => {
    const path = writeRawXlsx(
      join(dir, 'prefixed.xlsx'),
      [
        {
          name: 'Sheet1',
          data:
            '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Name</x:t></x:is></x:c><x:c r="B1" t="s"><x:v>0</x:v></x:c></x:row>' +
            '<x:row><x:c t="inlineStr"><x:is><x:r><x:t>Ap</x:t></x:r><x:r><x:t xml:space="preserve">ex &amp; Co</x:t></x:r></x:is></x:c><x:c><x:v>1.5</x:v></x:c></x:row>' +
            '<x:row r="5"><x:c r="C5" t="str"><x:v>from formula</x:v><x:f>A1</x:f></x:c></x:row>',
        },
      ],
      { prefix: 'x', sharedStrings: ['<x:r><x:t>東京</x:t></x:r><x:rPh sb="0" eb="2"><x:t>トウキョウ</x:t></x:rPh>'] },
    );
    const rows = await readRows(path);
    expect(rows.map((r) => r.row)).toEqual([1, 2, 5]);
    expect(rows[0]!.cells).toEqual([{ t: 's', v: 'Name' }, { t: 's', v: '東京' }]);
    expect(rows[1]!.cells).toEqual([{ t: 's', v: 'Apex & Co' }, { t: 'n', v: 1.5 }]);
    expect(rows[2]!.cells[2]).toEqual({ t: 's', v: 'from formula', formula: true });
  });

  it('knows the 1904 date system and date styles', async () => {
    const styles =
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>' +
      '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs></styleSheet>';
    const path = writeRawXlsx(join(dir, 'mac.xlsx'), [{ name: 'S', data: '<row r="1"><c r="A1" s="1"><v>44514</v></c><c r="B1" s="2"><v>0</v></c><c r="C1"><v>44514</v></c></row>' }], { date1904: true, styles });
    const book = await openBook(path);
    expect(book.date1904).toBe(true);
    const rows = await readRows(path);
    expect(rows[0]!.cells).toEqual([{ t: 'n', v: 44514, date: true }, { t: 'n', v: 0, date: true }, { t: 'n', v: 44514 }]);
  });

  it('fills vertically merged cells from their top-left cell', async () => {
    const path = writeRawXlsx(join(dir, 'merged.xlsx'), [
      {
        name: 'S',
        data: '<row r="1"><c r="A1" t="inlineStr"><is><t>Apex</t></is></c><c r="B1"><v>1</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>hidden</t></is></c><c r="B2"><v>2</v></c></row><row r="3"><c r="B3"><v>3</v></c></row><row r="4"><c r="B4"><v>4</v></c></row>',
        after: '<mergeCells count="1"><mergeCell ref="A1:A3"/></mergeCells>',
      },
    ]);
    const rows = await readRows(path);
    expect(rows.map((r) => r.cells[0]?.v)).toEqual(['Apex', 'Apex', 'Apex', undefined]);
  });

  it('reads formulas as formulas without a result when the workbook says fullCalcOnLoad (xlsxwriter\'s cached 0)', async () => {
    // Fast path (`<f>` then `<v>`), general path (`<v>` before `<f>`, a string result), a shared formula's follower, a plain value.
    const data =
      '<row r="1"><c r="A1"><f>B1/10000</f><v>0</v></c><c r="B1"><v>18500000</v></c><c r="C1" t="str"><v>0</v><f>A1&amp;"x"</f></c><c r="D1"><f t="shared" si="0"/><v>0</v></c></row>';
    const stale = writeRawXlsx(join(dir, 'xlsxwriter-calc.xlsx'), [{ name: 'S', data }], { workbookExtra: '<calcPr calcId="124519" fullCalcOnLoad="1"/>' });
    expect((await readRows(stale))[0]!.cells).toEqual([{ t: 'f', v: 'B1/10000' }, { t: 'n', v: 18500000 }, { t: 'f', v: 'A1&"x"' }, { t: 'f', v: '' }]);
    // Without it a stored result is read, as Excel and LibreOffice store them.
    const calculated = writeRawXlsx(join(dir, 'excel-calc.xlsx'), [{ name: 'S', data }], { workbookExtra: '<calcPr calcId="191029"/>' });
    expect((await readRows(calculated))[0]!.cells).toEqual([{ t: 'n', v: 0, formula: true }, { t: 'n', v: 18500000 }, { t: 's', v: '0', formula: true }, { t: 'n', v: 0, formula: true }]);
  });

  it('decodes entities and _xHHHH_ escapes', async () => {
    const path = writeRawXlsx(join(dir, 'esc.xlsx'), [{ name: 'S', data: '<row r="1"><c r="A1" t="inlineStr"><is><t>a&lt;b&gt;&#x4E2D;&#25991;_x000D_</t></is></c></row>' }]);
    expect((await readRows(path))[0]!.cells[0]).toEqual({ t: 's', v: 'a<b>中文\r' });
  });
});

describe('hostile and broken files fail cleanly', () => {
  const expectInput = async (path: string, code: string) => {
    const err = await readRows(path).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).code).toBe(code);
  };

  it('rejects a cell reference beyond XFD1048576', async () => {
    await expectInput(writeRawXlsx(join(dir, 'far.xlsx'), [{ name: 'S', data: '<row r="1"><c r="XFE1"><v>1</v></c></row>' }]), 'input.badRef');
    await expectInput(writeRawXlsx(join(dir, 'deep.xlsx'), [{ name: 'S', data: '<row r="1048577"><c r="A1048577"><v>1</v></c></row>' }]), 'input.badRef');
  });

  it('rejects XML with a DOCTYPE or entity declarations', async () => {
    const path = writeZip(join(dir, 'xxe.xlsx'), {
      '_rels/.rels': '<Relationships><Relationship Id="rId1" Type="x/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      'xl/workbook.xml': '<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><workbook><sheets/></workbook>',
    });
    await expect(openBook(path)).rejects.toMatchObject({ code: 'input.doctype' });
  });

  it('caps the inflated size of a part (zip bomb)', async () => {
    const { ZipArchive } = await import('../../src/io/xlsx/zip.js');
    const path = writeZip(join(dir, 'bomb.zip'), { 'big.xml': Buffer.alloc(4 * 1024 * 1024, 0x41) });
    const zip = await ZipArchive.open(path);
    const entry = zip.find('big.xml')!;
    await expect(zip.read(entry, 1024 * 1024)).rejects.toMatchObject({ code: 'input.tooLarge' });
    const drain = async () => {
      for await (const chunk of zip.stream(entry, undefined, 1024 * 1024)) void chunk;
    };
    await expect(drain()).rejects.toMatchObject({ code: 'input.tooLarge' });
  });

  it('rejects a truncated zip and a zip without a workbook', async () => {
    const good = await writeBook(join(dir, 'good.xlsx'), [{ name: 'S', rows: [['x']] }]);
    const bytes = (await import('node:fs')).readFileSync(good);
    writeFileSync(join(dir, 'cut.xlsx'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(openBook(join(dir, 'cut.xlsx'))).rejects.toMatchObject({ code: 'input.truncated' });
    await expect(openBook(writeZip(join(dir, 'nowb.xlsx'), { 'readme.txt': 'hi' }))).rejects.toMatchObject({ code: 'input.notWorkbook' });
  });
});

describe('number formats', () => {
  it('recognises date formats, not numbers or text', () => {
    expect(isDateFormat('yyyy-mm-dd')).toBe(true);
    expect(isDateFormat('YYYY\\-MM\\-DD')).toBe(true);
    expect(isDateFormat('[$-F800]dddd, mmmm dd, yyyy')).toBe(true);
    expect(isDateFormat('yyyy"年"m"月"d"日"')).toBe(true);
    expect(isDateFormat('[h]:mm:ss')).toBe(true);
    expect(isDateFormat('#,##0.00')).toBe(false);
    expect(isDateFormat('0.00 "万元"')).toBe(false);
    expect(isDateFormat('[Red]#,##0;[Blue]-#,##0')).toBe(false);
    expect(isDateFormat('General')).toBe(false);
    expect(isDateFormat('0%')).toBe(false);
  });
  it('tells elapsed time (a duration however long) from a clock or a date', () => {
    for (const code of ['[h]:mm', '[hh]:mm:ss', '[mm]:ss', '[h]"小时"mm"分"', '[$-409][h]:mm']) expect(isElapsedFormat(code), code).toBe(true);
    for (const code of ['h:mm', 'mm:ss', 'h:mm AM/PM', 'yyyy-mm-dd', 'yyyy-mm-dd [h]:mm', 'm/d/yy h:mm', '[Red]0.00', '0.00', 'General']) expect(isElapsedFormat(code), code).toBe(false);
    const xml = '<styleSheet><numFmts><numFmt numFmtId="165" formatCode="[h]:mm"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="165"/><xf numFmtId="20"/><xf numFmtId="46"/></cellXfs></styleSheet>';
    expect(parseDateStyles(xml, isElapsedFormat, new Set([46]))).toEqual([false, false, true, false, true]);
  });

  it('maps cell styles to date-or-not by built-in and custom formats', () => {
    const xml = '<styleSheet><numFmts><numFmt numFmtId="165" formatCode="0.0"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="165"/><xf numFmtId="57"/></cellXfs></styleSheet>';
    expect(parseDateStyles(xml)).toEqual([false, true, false, true]);
  });
});

describe('streaming', () => {
  it('finds merged ranges wherever the inflated chunks (64 KiB) split `<x:mergeCell`, with a namespace prefix and a line break, past the word in the text of a cell', async () => {
    const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const head = `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="${main}" xmlns:r="${rel}"><x:sheetData>`;
    const rows = '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Apex</x:t></x:is></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>see mergeCells: mergeCell A1</x:t></x:is></x:c></x:row><x:row r="2"><x:c r="B2"><x:v>2</x:v></x:c></x:row><x:row r="3"><x:c r="B3"><x:v>3</x:v></x:c></x:row>';
    const filler = (n: number) => `<x:row r="4"><x:c r="C4" t="inlineStr"><x:is><x:t>${'f'.repeat(n)}</x:t></x:is></x:c></x:row>`;
    const after = '</x:sheetData><x:mergeCells count="1"><x:mergeCell\nref="A1:A3"/></x:mergeCells></x:worksheet>';
    const base = Buffer.byteLength(head + rows + filler(0) + '</x:sheetData><x:');
    // `mergeCells` starts at every offset from 30 bytes before the first chunk's end to 5 after it.
    for (let shift = -30; shift <= 5; shift++) {
      const xml = head + rows + filler(65536 + shift - base) + after;
      expect(xml.indexOf('<x:mergeCells') + 3).toBe(65536 + shift);
      const path = writeZip(join(dir, `seam${shift}.xlsx`), {
        '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        '_rels/.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
        'xl/workbook.xml': `<x:workbook xmlns:x="${main}" xmlns:r="${rel}"><x:sheets><x:sheet name="S" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
        'xl/_rels/workbook.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
        'xl/worksheets/sheet1.xml': xml,
      });
      const read = await readRows(path);
      expect(read.slice(0, 3).map((r) => r.cells[0]?.v), `mergeCells at 65536${shift >= 0 ? '+' : ''}${shift}`).toEqual(['Apex', 'Apex', 'Apex']);
    }
  });

  it('gives the same rows however the inflated bytes are split into chunks', async () => {
    const { parseSheet } = await import('../../src/io/xlsx/sheet.js');
    const xml =
      '<?xml version="1.0"?><worksheet xmlns="x"><sheetData>' +
      Array.from({ length: 40 }, (_v, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>名${i}</t></is></c><c r="B${i + 1}"><v>${i}.5</v></c></row>`).join('') +
      // Rows of plain cells, read from bytes unless a chunk ends within them.
      Array.from({ length: 40 }, (_v, i) => `<row r="${i + 41}"><c r="A${i + 41}" t="s"><v>${i % 2}</v></c><c r="B${i + 41}" s="1"><v>${i}.25</v></c></row>`).join('') +
      '<row r="81"/></sheetData><rowBreaks/></worksheet>';
    const bytes = Buffer.from(xml, 'utf8');
    const ctx = { file: 'f', sheet: 's', part: 'p', sharedStrings: SharedStrings.of(['张伟', 'Ann']), dateStyles: [] };
    const collect = async (size: number) => {
      async function* chunks() {
        for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
      }
      const out: string[] = [];
      for await (const batch of parseSheet(chunks(), ctx, [])) for (const r of batch) out.push(`${r.row}:${r.cells.map((c) => c?.v).join('|')}`);
      return out;
    };
    const whole = await collect(bytes.length);
    expect(whole).toHaveLength(80);
    expect(whole[39]).toBe('40:名39|39.5');
    expect(whole[78]).toBe('79:张伟|38.25');
    expect(whole[79]).toBe('80:Ann|39.25');
    for (const size of [1, 2, 3, 5, 7, 11, 13, 64, 100, 129, 200, 1000]) expect(await collect(size), `chunk size ${size}`).toEqual(whole);
  });
});
