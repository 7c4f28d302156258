// kam's own streaming writer of styled workbooks (io/write/styled-stream.ts): rows made as they
// are written, sparse rows far to the right, every presentation feature read back by exceljs and
// by kam's own reader, the same bytes each time, and Excel's limits refused with one error.
import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeAtomicWith } from '../../src/io/write/atomic.js';
import { writeWorkbookTo } from '../../src/io/write/styled-xlsx.js';
import { ZipArchive } from '../../src/io/xlsx/zip.js';
import { InputError } from '../../src/model/errors.js';
import type { Row, StyledSheet, WorkbookSheet } from '../../src/model/styled-sheet.js';
import { tempDir } from '../helpers/books.js';
import { readBook } from '../helpers/read.js';

async function write(file: string, sheets: WorkbookSheet[]): Promise<string> {
  await writeAtomicWith(file, (fh) => writeWorkbookTo(fh, sheets, file));
  return file;
}

/** A wide sheet whose rows are made on demand, each with three cells far apart. */
function wide(rows: number): StyledSheet {
  return {
    kind: 'styled',
    name: "Wide: 'matrix'",
    rows: {
      *[Symbol.iterator](): Generator<Row> {
        yield [{ value: 'Name', bold: true }, 'Joined', 'Flag'];
        for (let i = 0; i < rows; i++) yield { columns: [0, 4999, 16383], cells: [`row ${i}`, { value: i % 2 === 0 ? 'R' : 'A/R', fill: 'FFD9EAD3', border: true }, i] };
      },
    },
    widths: [12],
    freeze: { rows: 1, columns: 1 },
  };
}

const dir = tempDir();

describe('the streaming workbook writer', () => {
  it('writes sparse rows where they belong, far to the right, with their styles', async () => {
    const file = await write(join(dir, 'wide.xlsx'), [wide(3)]);
    const [sheet] = await readBook(file);
    // The apostrophes and colon Excel forbids in a sheet's name are replaced.
    expect(sheet!.name).toBe('Wide_ _matrix_');
    expect(sheet!.rows.map((r) => [r.row, r.cells[0]?.v, r.cells[4999]?.v, r.cells[16383]?.v])).toEqual([
      [1, 'Name', undefined, undefined],
      [2, 'row 0', 'R', 0],
      [3, 'row 1', 'A/R', 1],
      [4, 'row 2', 'R', 2],
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('GJH3').value).toBe('A/R'); // column 5,000 (index 4999)
    expect((ws.getCell('GJH3').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFD9EAD3');
    expect(ws.getCell('GJH3').border?.left?.style).toBe('thin');
    expect(ws.getCell('XFD4').value).toBe(2);
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A2').font?.bold).toBeUndefined();
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1, topLeftCell: 'B2' });
    expect(ws.getColumn(1).width).toBe(12);
  });

  it('writes dates as dates, numbers in their column format, booleans, notes and hidden sheets', async () => {
    const sheet: StyledSheet = {
      kind: 'styled',
      name: 'Dates',
      rows: [
        ['Due', 'Share', 'Done'],
        [{ value: '2025-11-15', date: true }, 0.25, true],
        [{ value: '2026-02-28', date: true, note: 'moved\nby 张伟' }, { value: 1.5, bold: true }, false],
      ],
      formats: [undefined, '0%'],
    };
    const lists: StyledSheet = { kind: 'styled', name: 'Lists', hidden: true, rows: [['R'], ['A']] };
    const file = await write(join(dir, 'dates.xlsx'), [sheet, lists]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('Dates')!;
    expect(ws.getCell('A2').value).toEqual(new Date(Date.UTC(2025, 10, 15)));
    expect(ws.getCell('A2').numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('B2').numFmt).toBe('0%');
    expect(ws.getCell('B3').numFmt).toBe('0%'); // a styled cell keeps its column's format
    expect(ws.getCell('B3').font?.bold).toBe(true);
    expect(ws.getCell('C2').value).toBe(true);
    expect(ws.getCell('C3').value).toBe(false);
    expect(ws.getCell('A3').note).toBe('moved\nby 张伟');
    expect(wb.getWorksheet('Lists')!.state).toBe('hidden');
    const zip = await ZipArchive.open(file);
    expect([...zip.entries.keys()]).toEqual(expect.arrayContaining(['xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml', 'xl/worksheets/_rels/sheet1.xml.rels', '[Content_Types].xml']));
    const types = (await zip.read(zip.find('[Content_Types].xml')!)).toString('utf8');
    expect(types).toContain('/xl/comments1.xml');
    expect(types).not.toContain('/xl/comments2.xml');
  });

  it('writes every number as JavaScript spells it, and each text once in the shared strings, counted per use', async () => {
    const numbers = [0, -0, 7, 42, 1_000_000, 2 ** 53 - 1, 2 ** 53, 1e21, -3, -2.5, 0.1 + 0.2, 1.5e-7, 123456.789, Number.MAX_VALUE];
    // A column repeating a text row after row, then another, then the first again; cells far apart.
    const texts = ['张伟', '张伟', '张伟', 'Li Na', 'Li Na', '张伟', ' padded ', '张伟'];
    const sheet: StyledSheet = {
      kind: 'styled',
      name: 'Values',
      rows: numbers.map((n, i): Row => ({ columns: [0, 1, 27, 700], cells: [texts[i % texts.length]!, n, i % 3 === 0 ? { value: '', fill: 'FFD9EAD3' } : i % 2 === 0, texts[(i + 3) % texts.length]!] })),
    };
    const file = await write(join(dir, 'values.xlsx'), [sheet]);
    const [read] = await readBook(file);
    expect(read!.rows.map((r) => r.cells[1]?.v)).toEqual(numbers.map((n) => (Object.is(n, -0) ? 0 : n)));
    expect(read!.rows.map((r) => r.cells[0]?.v)).toEqual(numbers.map((_, i) => texts[i % texts.length]));
    expect(read!.rows.map((r) => r.cells[700]?.v)).toEqual(numbers.map((_, i) => texts[(i + 3) % texts.length]));
    expect(read!.rows.map((r) => r.cells[27]?.v)).toEqual(numbers.map((_, i) => (i % 3 === 0 ? undefined : i % 2 === 0)));
    const zip = await ZipArchive.open(file);
    const xml = (await zip.read(zip.find('xl/worksheets/sheet1.xml')!)).toString('utf8');
    // The bytes of the cells, as String() spells the numbers; an empty styled cell is written with its style.
    for (const n of numbers) expect(xml).toContain(`<v>${n}</v>`);
    expect(xml).toContain('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>0</v></c><c r="AB1" s="');
    expect(xml).toMatch(/<c r="AB1" s="\d+"\/><c r="ZY1" t="s"><v>1<\/v><\/c><\/row>/);
    const sst = (await zip.read(zip.find('xl/sharedStrings.xml')!)).toString('utf8');
    expect(sst).toContain(`count="${numbers.length * 2}" uniqueCount="3"`);
    expect(sst).toContain('<si><t xml:space="preserve"> padded </t></si>');
  });

  it('deflates a large sheet in blocks that read back as one stream, checksum and all', async () => {
    // About 5 MB of XML: five blocks deflated at once, in order.
    const file = await write(join(dir, 'large.xlsx'), [wide(40_000)]);
    const [sheet] = await readBook(file);
    expect(sheet!.rows).toHaveLength(40_001);
    expect(sheet!.rows.map((r) => r.cells[16383]?.v).slice(-2)).toEqual([39_998, 39_999]);
    expect(sheet!.rows[20_000]!.cells.map((c, i) => [i, c?.v]).filter(Boolean)).toEqual([
      [0, 'row 19999'],
      [4999, 'A/R'],
      [16383, 19_999],
    ]);
    const zip = await ZipArchive.open(file);
    const part = zip.find('xl/worksheets/sheet1.xml')!;
    expect(part.size).toBeGreaterThan(4 * 1024 * 1024);
    expect(part.flags & 0x8).toBe(0x8); // sizes in a data descriptor
  });

  it('gives the same bytes for the same sheets, whenever they are written', async () => {
    const a = await write(join(dir, 'a.xlsx'), [wide(50)]);
    const b = await write(join(dir, 'b.xlsx'), [wide(50)]);
    expect((await readFile(a)).equals(await readFile(b))).toBe(true);
  });

  it('refuses a sheet wider than Excel allows, naming the sheet, and writes nothing', async () => {
    const file = join(dir, 'too-wide.xlsx');
    const sheet: StyledSheet = { kind: 'styled', name: 'Matrix', rows: [{ columns: [16384], cells: ['x'] }] };
    const error = await write(file, [sheet]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).code).toBe('output.sheetTooLarge');
    expect((error as InputError).params).toMatchObject({ sheet: 'Matrix', rows: 1048576, columns: 16384 });
    await expect(open(file)).rejects.toThrow(/ENOENT/);
  });

  it('refuses a sheet longer than Excel allows', async () => {
    const sheet: StyledSheet = {
      kind: 'styled',
      name: 'Long',
      rows: {
        *[Symbol.iterator](): Generator<Row> {
          for (let i = 0; i <= 1048576; i++) yield [];
        },
      },
    };
    const error = await write(join(dir, 'too-long.xlsx'), [sheet]).catch((e: unknown) => e);
    expect((error as InputError).code).toBe('output.sheetTooLarge');
  });
});
