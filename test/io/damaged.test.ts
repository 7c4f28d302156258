// Parts that are not whole XML (found by a new user): a sheet cut short with a checksum made after
// the cut, a shared-string table without its end, `</sheetDat>` — refused as a damaged book, exit 2,
// never read as a smaller table.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, writeRawXlsx, writeZip, zipTexts } from '../helpers/books.js';
import { kam } from '../helpers/cli.js';

const rows = (n: number) =>
  [`<row r="1"><c r="A1" t="inlineStr"><is><t>Account Name</t></is></c><c r="B1" t="inlineStr"><is><t>Annual Revenue</t></is></c></row>`]
    .concat(Array.from({ length: n }, (_v, i) => `<row r="${i + 2}"><c r="A${i + 2}" t="s"><v>${i}</v></c><c r="B${i + 2}"><v>${(i + 1) * 100}</v></c></row>`))
    .join('');

/** A sound book, then one part changed by `edit` (the zip's checksums are those of the changed part). */
async function damaged(edit: (part: string, xml: string) => string): Promise<string> {
  const dir = tempDir();
  const sound = writeRawXlsx(join(dir, 'sound.xlsx'), [{ name: 'Accounts', data: rows(12) }], { sharedStrings: Array.from({ length: 12 }, (_v, i) => `Account ${i + 1}`) });
  const entries = Object.fromEntries(Object.entries(await zipTexts(sound)).map(([name, xml]) => [name, edit(name, xml)]));
  return writeZip(join(dir, 'damaged.xlsx'), entries);
}

describe('a damaged part', () => {
  it('the sound book reads: 12 accounts', async () => {
    const r = await kam(['tier', await damaged((_p, xml) => xml), '--format', 'json', '--as-of', '2025-11-15']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { accounts: unknown[] }).accounts).toHaveLength(12);
  });

  for (const [what, edit] of [
    ['a sheet cut after its seventh row', (p: string, xml: string) => (p === 'xl/worksheets/sheet1.xml' ? xml.slice(0, xml.indexOf('<row r="8"')) : xml)],
    ['a sheet whose rows end with `</sheetDat>`', (p: string, xml: string) => (p === 'xl/worksheets/sheet1.xml' ? xml.replace('</sheetData>', '</sheetDat>') : xml)],
    ['a row after the end of the sheet', (p: string, xml: string) => (p === 'xl/worksheets/sheet1.xml' ? `${xml}<row r="99"/>` : xml)],
  ] as const) {
    it(`${what}: exit 2, naming the part`, async () => {
      const r = await kam(['tier', await damaged(edit), '--as-of', '2025-11-15']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('the workbook is corrupt (part xl/worksheets/sheet1.xml cannot be read)');
    });
  }

  it('a shared-string table without its end: exit 2, naming the part', async () => {
    const r = await kam(['tier', await damaged((p, xml) => (p === 'xl/sharedStrings.xml' ? xml.replace('</sst>', '') : xml)), '--as-of', '2025-11-15']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('part xl/sharedStrings.xml cannot be read');
  });

  it('an empty sheet (`<sheetData/>`) and an empty table (`<sst/>`) are whole', async () => {
    const book = await damaged((p, xml) => (p === 'xl/worksheets/sheet1.xml' ? xml.replace(/<sheetData>.*<\/sheetData>/, '<sheetData/>') : p === 'xl/sharedStrings.xml' ? xml.replace(/<sst([^>]*)>.*<\/sst>/, '<sst$1/>') : xml));
    const r = await kam(['tier', book, '--as-of', '2025-11-15']);
    // Read, and found to have no accounts table (not a damaged part).
    expect(r.stderr).not.toContain('corrupt');
  });

  it('a shared string the table does not have (-1, past the end): exit 2, naming the sheet and the cell', async () => {
    for (const v of ['-1', '12']) {
      const r = await kam(['tier', await damaged((p, xml) => (p === 'xl/worksheets/sheet1.xml' ? xml.replace('<c r="A3" t="s"><v>1</v>', `<c r="A3" t="s"><v>${v}</v>`) : xml)), '--as-of', '2025-11-15']);
      expect(r.code, v).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`: Accounts!A3: the workbook is corrupt \\(cell A3 names shared string #${v}, and the table holds 12\\): open it in Excel`));
    }
  });
});

describe('sheets that are one part (found by a new user: 3,000 of them, 85 s and 7 GB)', () => {
  it('two sheets of one part: exit 2, naming the part', async () => {
    const book = await damaged((p, xml) => {
      if (p === 'xl/workbook.xml') return xml.replace('</sheets>', '<sheet name="Copy" sheetId="9" r:id="rId9"/></sheets>');
      if (p === 'xl/_rels/workbook.xml.rels') return xml.replace('</Relationships>', '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>');
      return xml;
    });
    const r = await kam(['check', book, '--as-of', '2025-11-15']);
    expect(r.code).toBe(2);
    // (Naming both sheets: "cannot be read" said nothing of why; found by a new user.)
    expect(r.stderr).toMatch(/the workbook is corrupt \(sheets "[^"]+" and "Copy" are both its part xl\/worksheets\/sheet1\.xml, which Excel refuses\)/);
  });
});

describe('a local header that is not the entry the directory names (found by a new user)', () => {
  it('is refused as a damaged book, not read as another part', async () => {
    const { readFileSync, writeFileSync } = await import('node:fs');
    const book = await damaged((_p, xml) => xml);
    const bytes = readFileSync(book);
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    // The first occurrence is the local header's (local records come before the directory).
    const at = bytes.indexOf(name);
    Buffer.from('xl/worksheets/sheetX.xml').copy(bytes, at);
    writeFileSync(book, bytes);
    const r = await kam(['tier', book, '--as-of', '2025-11-15']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('part xl/worksheets/sheet1.xml cannot be read');
  });
});
