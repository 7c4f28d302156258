import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeWorkbookTo } from '../../src/io/write/styled-xlsx.js';
import { writeAtomic, writeAtomicWith } from '../../src/io/write/atomic.js';
import type { FileHandle } from 'node:fs/promises';
import { tempDir } from '../helpers/books.js';
import { neutralize, toCsv } from '../../src/report/shared/csv.js';

describe('atomic writes', () => {
  it('replaces the target and leaves no temporary file', async () => {
    const dir = tempDir();
    const target = join(dir, 'out.csv');
    writeFileSync(target, 'old');
    await writeAtomic(target, 'new');
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('leaves the original byte-identical when writing fails', async () => {
    if (process.getuid?.() === 0) return; // root ignores folder permissions
    const dir = tempDir();
    const target = join(dir, 'out.csv');
    writeFileSync(target, 'original');
    chmodSync(dir, 0o555);
    try {
      await expect(writeAtomic(target, 'new')).rejects.toMatchObject({ code: 'output.failed' });
    } finally {
      chmodSync(dir, 0o755);
    }
    expect(readFileSync(target, 'utf8')).toBe('original');
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('cleans up its temporary file when the final rename fails', async () => {
    const dir = tempDir();
    const target = join(dir, 'taken');
    // The target becomes a folder while the file is written: the rename fails.
    const produce = async (fh: FileHandle): Promise<void> => {
      mkdirSync(join(target, 'inner'), { recursive: true });
      await fh.writeFile('new');
    };
    await expect(writeAtomicWith(target, produce)).rejects.toMatchObject({ code: 'output.failed' });
    expect(readdirSync(dir)).toEqual(['taken']);
    expect(readdirSync(target)).toEqual(['inner']);
  });

  it('refuses a target that is a folder', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'taken'));
    await expect(writeAtomic(join(dir, 'taken'), 'new')).rejects.toMatchObject({ code: 'output.notFile' });
    expect(readdirSync(dir)).toEqual(['taken']);
  });

  it('fails cleanly into a missing folder', async () => {
    const dir = tempDir();
    await expect(writeAtomic(join(dir, 'no', 'such', 'x.csv'), 'x')).rejects.toMatchObject({ code: 'output.noFolder', params: { folder: join(dir, 'no', 'such') } });
  });

  it('says what to do only when the folder or the disk is the cause (found by review)', async () => {
    const dir = tempDir();
    const fail = (code: string) => () => {
      throw Object.assign(new Error(code), { code });
    };
    await expect(writeAtomic(join(dir, 'a.csv'), 'x', { fault: { at: 'rename', act: fail('ENOSPC') } })).rejects.toMatchObject({ code: 'output.noSpace' });
    // An ENOENT or EACCES while the folder is there and writable (a source read while writing): the system's code.
    await expect(writeAtomic(join(dir, 'b.csv'), 'x', { fault: { at: 'rename', act: fail('ENOENT') } })).rejects.toMatchObject({ code: 'output.failed', params: { reason: 'ENOENT' } });
    await expect(writeAtomic(join(dir, 'c.csv'), 'x', { fault: { at: 'rename', act: fail('EACCES') } })).rejects.toMatchObject({ code: 'output.failed', params: { reason: 'EACCES' } });
    await expect(writeAtomic(join(dir, 'd.csv'), 'x', { fault: { at: 'rename', act: fail('EDQUOT') } })).rejects.toMatchObject({ code: 'output.failed', params: { reason: 'EDQUOT' } });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a workbook Excel has open, unless forced', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '~$tiers.xlsx'), 'lock');
    await expect(writeAtomic(join(dir, 'tiers.xlsx'), 'x')).rejects.toMatchObject({ code: 'output.locked' });
    expect(existsSync(join(dir, 'tiers.xlsx'))).toBe(false);
    await writeAtomic(join(dir, 'tiers.xlsx'), 'x', { force: true });
    expect(readFileSync(join(dir, 'tiers.xlsx'), 'utf8')).toBe('x');
  });

  it('never follows a symlink out of the target folder', async () => {
    const outside = tempDir();
    const dir = tempDir();
    writeFileSync(join(outside, 'victim.txt'), 'keep');
    symlinkSync(join(outside, 'victim.txt'), join(dir, 'out.csv'));
    await expect(writeAtomic(join(dir, 'out.csv'), 'evil')).rejects.toMatchObject({ code: 'output.symlink' });
    expect(readFileSync(join(outside, 'victim.txt'), 'utf8')).toBe('keep');
  });
});

describe('CSV output', () => {
  it('neutralises formula injection, also in full-width, and leaves numbers alone', () => {
    expect(neutralize('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(neutralize('＝cmd|calc')).toBe("'＝cmd|calc");
    expect(neutralize('+86 138')).toBe("'+86 138");
    expect(neutralize('-abc')).toBe("'-abc");
    expect(neutralize('@x')).toBe("'@x");
    expect(neutralize('\tx')).toBe("'\tx");
    expect(neutralize('华东')).toBe('华东');
    const csv = toCsv({ name: 's', header: ['a', 'b'], rows: [['=1+1', -5], ['x,"y"', null]] });
    expect(csv).toBe('\ufeffa,b\r\n\'=1+1,-5\r\n"x,""y""",\r\n');
    expect(toCsv({ name: 's', header: ['a'], rows: [['=1+1']] }, true)).toBe('\ufeffa\r\n=1+1\r\n');
  });

  it('writes XLSX text as text, never as a formula', async () => {
    const path = join(tempDir(), 'out.xlsx');
    await writeAtomicWith(path, (fh) => writeWorkbookTo(fh, [{ name: 'T', header: ['a'], rows: [['=HYPERLINK("http://x")'], [12.5], ['x_x0041_\u0001<&>']] }]));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.getWorksheet('T')!;
    expect(ws.getCell('A2').value).toBe('=HYPERLINK("http://x")');
    expect(ws.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('A3').value).toBe(12.5);
    // A control character and text that looks like OOXML's escape come back as written.
    expect(ws.getCell('A4').value).toBe('x_x0041_\u0001<&>');
    expect(ws.getCell('A1').font?.bold).toBe(true);
  });
});
