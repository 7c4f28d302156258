// SPEC §7 and issue 8: what kam writes never replaces an input, keeps the target's mode, leaves no
// temporary file (a signal included), and is well-formed XML whatever the text in the cells.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, linkSync, lstatSync, readdirSync, readFileSync, renameSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { openBook } from '../../src/io/open.js';
import { eachRow } from '../../src/io/source.js';
import { patchRows } from '../../src/io/xlsx/patch.js';
import { ZipArchive } from '../../src/io/xlsx/zip.js';
import { tempDir, writeRawXlsx } from '../helpers/books.js';
import { BIN, EXAMPLES, kam } from '../helpers/cli.js';

const ZH = join(EXAMPLES, 'accounts-zh.xlsx');

/** Throws unless `xml` is well-formed XML (saxes is a strict, conformant parser). */
function assertWellFormed(xml: string, part: string): void {
  const parser = new SaxesParser({ xmlns: true });
  let error: Error | undefined;
  parser.on('error', (err) => {
    error ??= err;
  });
  parser.write(xml).close();
  if (error) throw new Error(`${part}: ${error.message}`);
}

/** Every XML part of an .xlsx file, checked well-formed. */
async function assertXlsxWellFormed(path: string): Promise<number> {
  const zip = await ZipArchive.open(path);
  let n = 0;
  for (const [name, entry] of zip.entries) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    assertWellFormed((await zip.read(entry)).toString('utf8'), name);
    n++;
  }
  return n;
}

function snapshot(dir: string): Map<string, string> {
  return new Map(readdirSync(dir).map((n) => [n, existsSync(join(dir, n)) && statSync(join(dir, n)).isFile() ? readFileSync(join(dir, n)).toString('base64') : 'dir']));
}

describe('-o never replaces a file the command reads', () => {
  it('refuses each CSV of an input folder, the config file, and a hard link of the workbook', async () => {
    const dir = tempDir();
    const book = join(dir, 'book');
    cpSync(join(EXAMPLES, 'csv-en'), book, { recursive: true });
    const before = snapshot(book);
    for (const name of readdirSync(book)) {
      const r = await kam(['tier', book, '-o', join(book, name)]);
      expect(r.code, name).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^kam: refusing to write over .*${name.replace('.', '\\.')}, which this command reads: -o must name a new file\\n$`));
    }
    expect(snapshot(book)).toEqual(before);

    const xlsx = join(dir, 'book.xlsx');
    copyFileSync(ZH, xlsx);
    const config = join(dir, 'kam.config.json');
    writeFileSync(config, JSON.stringify({ lang: 'en' }));
    const r = await kam(['tier', xlsx, '-o', config]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('which this command reads');
    expect(readFileSync(config, 'utf8')).toBe(JSON.stringify({ lang: 'en' }));

    linkSync(xlsx, join(dir, 'alias.xlsx'));
    const linked = await kam(['tier', xlsx, '-o', join(dir, 'alias.xlsx')]);
    expect(linked.code).toBe(2);
    expect(linked.stderr).toContain('refusing to write over the input book');
    expect(readFileSync(xlsx).equals(readFileSync(ZH))).toBe(true);
  });

  it('kam config -o refuses the config it prints and the book it read', async () => {
    const dir = tempDir();
    const xlsx = join(dir, 'book.xlsx');
    copyFileSync(ZH, xlsx);
    const config = join(dir, 'kam.config.json');
    writeFileSync(config, JSON.stringify({ lang: 'en' }));
    symlinkSync('book.xlsx', join(dir, 'book.json'));
    const before = snapshot(dir);
    for (const args of [['config', '-c', config, '-o', config], ['config', xlsx, '-o', config], ['config', xlsx, '-o', join(dir, 'book.json')]]) {
      const r = await kam(args, { cwd: dir });
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toMatch(/^kam: refusing to write over /);
    }
    const implicit = await kam(['config', '-o', config], { cwd: dir });
    expect(implicit.code).toBe(2);
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses an empty -o, and --apply from .xlsx to .xlsm', async () => {
    const empty = await kam(['tier', ZH, '-o', '']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toBe('kam: -o needs a file name\n');
    const dir = tempDir();
    const out = join(dir, 'new.xlsm');
    const r = await kam(['load', ZH, '--apply', '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('kam: --apply keeps the type of the book: a .xlsx book is written to a new .xlsx file\n');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('replacing a file', () => {
  it('keeps the mode of the file it replaces, and refuses a read-only one', async () => {
    const dir = tempDir();
    const out = join(dir, 'tiers.csv');
    writeFileSync(out, 'old');
    chmodSync(out, 0o640);
    expect((await kam(['tier', ZH, '-o', out])).code).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o640);
    expect(readFileSync(out, 'utf8')).toContain('KA001');
    chmodSync(out, 0o444);
    const before = readFileSync(out);
    const r = await kam(['tier', ZH, '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`kam: ${out}: the file is read-only: make it writable first (kam never replaces a file made read-only)\n`);
    expect(readFileSync(out).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['tiers.csv']);
  });

  it('writes a target whose name has the longest length a folder allows', async () => {
    const dir = tempDir();
    const out = join(dir, `${'长'.repeat(80)}.csv`); // 80 × 3 bytes + 4 = 244 bytes of 255
    expect((await kam(['tier', ZH, '-o', out])).code).toBe(0);
    expect(readdirSync(dir)).toEqual([`${'长'.repeat(80)}.csv`]);
  });

  it('removes what a killed kam left behind, and only that', async () => {
    const dir = tempDir();
    // Process 2^22 + 1 does not exist (pid_max is at most 2^22); this process does.
    const stale = `.kam-${2 ** 22 + 1}-0123abcd.tmp`;
    const live = `.kam-${process.pid}-89abcdef.tmp`;
    // A process id of another container sharing the folder means nothing here: a file written in the
    // last ten minutes is a write that may be going on.
    const recent = `.kam-${2 ** 22 + 2}-0123abce.tmp`;
    for (const n of [stale, live, recent, '.kam-notes.tmp']) writeFileSync(join(dir, n), 'x');
    const old = new Date(Date.now() - 11 * 60 * 1000);
    for (const n of [stale, live, '.kam-notes.tmp']) utimesSync(join(dir, n), old, old);
    expect((await kam(['tier', ZH, '-o', join(dir, 'tiers.json')])).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['.kam-notes.tmp', live, recent, 'tiers.json'].sort());
  });

  it('names where a dangling symlink out of the folder points', async () => {
    const dir = tempDir();
    symlinkSync('../nowhere/x.csv', join(dir, 'out.csv'));
    const r = await kam(['tier', ZH, '-o', join(dir, 'out.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/refusing to write through a symbolic link that leaves its folder: .*\/nowhere\/x\.csv\n$/);
  });

  it('checks for Excel\'s lock file beside the real file when the target is a symlink', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'real.xlsx'), 'x');
    writeFileSync(join(dir, '~$real.xlsx'), 'lock');
    symlinkSync('real.xlsx', join(dir, 'link.xlsx'));
    const r = await kam(['tier', ZH, '-o', join(dir, 'link.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is open in Excel (~$real.xlsx exists)');
    expect(readFileSync(join(dir, 'real.xlsx'), 'utf8')).toBe('x');
  });
});

describe('a signal during a write', () => {
  it('SIGTERM while writing a large -o file: exit 143, the previous target intact, no temporary file', async () => {
    const dir = tempDir();
    const book = join(dir, 'book');
    // A CSV book of 30,000 accounts: writing its tiers as .xlsx takes long enough to be interrupted.
    const rows = ['Account ID,Account Name,Revenue,Contract Value,Years,Strategic Importance'];
    for (let i = 0; i < 30000; i++) rows.push(`C${i},Account ${i},${(i * 7919) % 5000},${(i * 104729) % 3000},${1 + (i % 12)},${1 + (i % 5)}`);
    cpSync(join(EXAMPLES, 'csv-en'), book, { recursive: true });
    writeFileSync(join(book, 'accounts.csv'), rows.join('\n'));
    const out = join(dir, 'tiers.xlsx');
    writeFileSync(out, 'previous');
    const child = spawn(process.execPath, [BIN, 'tier', book, '-o', out], { env: { PATH: process.env.PATH, NO_COLOR: '1', LANG: 'en_US.UTF-8' }, stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Wait for the temporary file to appear, then stop kam.
    const deadline = Date.now() + 30_000;
    while (!readdirSync(dir).some((n) => n.startsWith('.kam-')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    expect(readdirSync(dir).some((n) => n.startsWith('.kam-'))).toBe(true);
    child.kill('SIGTERM');
    expect(await exited).toBe(143);
    expect(readdirSync(dir).sort()).toEqual(['book', 'tiers.xlsx']);
    expect(readFileSync(out, 'utf8')).toBe('previous');
  }, 60_000);
});

describe('text kam writes into XML', () => {
  const s = (ref: string, text: string, r = true) => `<c${r ? ` r="${ref}"` : ''} t="inlineStr"><is><t>${text}</t></is></c>`;
  const n = (ref: string, v: number, r = true) => `<c${r ? ` r="${ref}"` : ''}><v>${v}</v></c>`;

  /**
   * Ann holds 60 h a week, Bo (whose name carries a control character, as `_x0001_`, and a literal
   * `_x0041_`) none: --apply moves one assignment to Bo. The Assignments rows have no `r` on their cells.
   */
  function book(dir: string): string {
    const row = (r: number, cells: string[]) => `<row r="${r}">${cells.join('')}</row>`;
    const bo = 'Bo_x0001_b_x005F_x0041_';
    const asg = [
      row(1, ['Account', 'Task', 'Person', 'RACI', 'Frequency', 'Hours'].map((h, i) => s(`${'ABCDEF'[i]}1`, h, false))),
      ...[2, 3, 4].map((r) => row(r, [s('', `X${r}`, false), s('', 'Follow-up', false), s('', 'Ann', false), s('', 'R', false), s('', 'weekly', false), n('', 20, false)])),
      row(5, [s('A5', 'X2'), s('B5', 'Follow-up'), s('C5', 'Ann'), s('D5', 'A'), s('E5', 'weekly'), n('F5', 1)]),
    ].join('');
    return writeRawXlsx(join(dir, 'book.xlsx'), [
      { name: 'Accounts', data: row(1, [s('A1', 'Account Name'), s('B1', 'Revenue')]) + [2, 3, 4].map((r) => row(r, [s(`A${r}`, `X${r}`), n(`B${r}`, r)])).join('') },
      { name: 'Staff', data: row(1, [s('A1', 'Name'), s('B1', 'Role'), s('C1', 'Capacity')]) + row(2, [s('A2', 'Ann'), s('B2', 'AM'), n('C2', 40)]) + row(3, [s('A3', bo), s('B3', 'AM'), n('C3', 40)]) },
      { name: 'Assignments', data: asg },
    ]);
  }

  it('--apply escapes what XML forbids (_xHHHH_) and places cells without a reference by position', async () => {
    const dir = tempDir();
    const path = book(dir);
    const out = join(dir, 'out.xlsx');
    const r = await kam(['load', path, '--apply', '-o', out, '--format', 'json', '--as-of', '2025-11-15']);
    expect(r.code, r.stderr).toBe(0);
    const moves = (JSON.parse(r.stdout) as { suggestions: { to: string; cell?: string }[] }).suggestions;
    expect(moves.map((m) => m.to)).toEqual(['Bo\x01b_x0041_']);
    expect(await assertXlsxWellFormed(out)).toBeGreaterThan(4);
    const written = await openBook(out);
    const sheet = written.sheets.find((x) => x.name === 'Assignments')!;
    const rows = new Map<number, unknown[]>();
    for await (const row of eachRow(sheet)) rows.set(row.row, row.cells.map((c) => c?.v));
    const moved = [...rows.values()].filter((cells) => cells[2] !== 'Ann' && cells[2] !== 'Person');
    expect(moved).toHaveLength(1);
    // The moved row keeps its six cells in their columns: the person is in C, not appended after F.
    expect(moved[0]).toEqual([moved[0]![0], 'Follow-up', 'Bo\x01b_x0041_', 'R', 'weekly', 20]);
    expect(rows.size).toBe(5);
  });

  it('a patched row without cell references keeps every cell in its column', async () => {
    const xml = '<worksheet><sheetData><row r="2"><c t="inlineStr"><is><t>a</t></is></c><c><v>1</v></c><c t="inlineStr"><is><t>c</t></is></c></row></sheetData></worksheet>';
    let out = '';
    async function* chunks(): AsyncGenerator<Buffer> {
      yield Buffer.from(xml);
    }
    await patchRows(chunks(), new Map([[2, new Map([[1, 'b<&>\x02\r'], [4, 'e']])]]), (t) => (out += t));
    assertWellFormed(out, 'sheet');
    expect(out).toBe(
      '<worksheet><sheetData><row r="2"><c t="inlineStr"><is><t>a</t></is></c>' +
        '<c r="B2" t="inlineStr"><is><t xml:space="preserve">b&lt;&amp;&gt;_x0002__x000D_</t></is></c>' +
        '<c t="inlineStr"><is><t>c</t></is></c>' +
        '<c r="E2" t="inlineStr"><is><t xml:space="preserve">e</t></is></c></row></sheetData></worksheet>',
    );
  });

  it('-o .xlsx reports keep control characters as _xHHHH_ and stay well-formed', async () => {
    const dir = tempDir();
    const path = writeRawXlsx(join(dir, 'book.xlsx'), [
      { name: 'Accounts', data: `<row r="1">${s('A1', 'Account Name')}${s('B1', 'Revenue')}</row><row r="2">${s('A2', 'Evil_x0001__x001B_[31m\uFFFD Ltd')}${n('B2', 5)}</row><row r="3">${s('A3', 'Plain_x005F_x0041_')}${n('B3', 3)}</row>` },
    ]);
    const out = join(dir, 'tiers.xlsx');
    expect((await kam(['tier', path, '-o', out])).code).toBe(0);
    await assertXlsxWellFormed(out);
    const names: unknown[] = [];
    for (const sheet of (await openBook(out)).sheets) for await (const row of eachRow(sheet)) names.push(...row.cells.map((c) => c?.v));
    expect(names).toContain('Evil\x01\x1b[31m\uFFFD Ltd');
    expect(names).toContain('Plain_x0041_');
  });
});

describe('-o with an extension a command does not write (issue 9)', () => {
  it('every command refuses it the same way, listing exactly the extensions it writes; nothing is written', async () => {
    const dir = tempDir();
    const expected: [string[], string][] = [
      [['tier', ZH], '.csv, .json, .xlsx, .md, .txt'],
      [['check', ZH], '.json, .md, .txt, .xml'],
      [['gaps', ZH], '.json, .md, .txt, .xml'],
      [['load', ZH], '.csv, .json, .md, .txt'],
      [['config'], '.json'],
    ];
    for (const [args, extensions] of expected) {
      for (const name of ['out.pdf', 'out']) {
        const target = join(dir, `${args[0]}-${name}`);
        const r = await kam([...args, '-o', target]);
        expect(r.code, `${args[0]} ${name}`).toBe(2);
        expect(r.stderr).toBe(`kam: cannot tell the format of -o ${target}: this command writes ${extensions} files\n`);
        expect(existsSync(target)).toBe(false);
      }
    }
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('a book that changes while kam writes into it (found by a new user)', () => {
  /** A hook loaded into kam: when kam makes its first temporary file, `act` is done to the book. */
  const hook = (dir: string, act: string): string => {
    const file = join(dir, 'hook.cjs');
    writeFileSync(
      file,
      `const fsp = require('fs/promises'); const fs = require('fs'); const orig = fsp.open; let done = false;
fsp.open = async function (p, flags) {
  if (!done && flags === 'wx' && String(p).includes('.kam-')) { done = true; ${act} }
  return orig.apply(this, arguments);
};`,
    );
    return file;
  };
  const run = (dir: string, hookFile: string) =>
    spawnSync(process.execPath, [BIN, 'tier', 'book.xlsx', '--write', '--as-of', '2025-11-15'], { cwd: dir, env: { PATH: process.env.PATH, LANG: 'en_US.UTF-8', NODE_OPTIONS: `--require ${hookFile}` }, encoding: 'utf8' });

  it('saved again meanwhile (a new file renamed over it): exit 2, the save kept, no backup', () => {
    const dir = tempDir();
    copyFileSync(join(EXAMPLES, 'accounts-en.xlsx'), join(dir, 'book.xlsx'));
    copyFileSync(ZH, join(dir, 'saved.xlsx'));
    const r = run(dir, hook(dir, `fs.copyFileSync('saved.xlsx', 'book.tmp'); fs.renameSync('book.tmp', 'book.xlsx');`));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('book.xlsx: the file changed while kam was working on it');
    expect(readFileSync(join(dir, 'book.xlsx')).equals(readFileSync(ZH))).toBe(true);
    expect(existsSync(join(dir, 'book.xlsx.bak'))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith('.kam-'))).toEqual([]);
  });

  it('swapped for a link to a file elsewhere: exit 2, nothing of that file copied', () => {
    const dir = tempDir();
    const elsewhere = tempDir();
    copyFileSync(join(EXAMPLES, 'accounts-en.xlsx'), join(dir, 'book.xlsx'));
    copyFileSync(ZH, join(elsewhere, 'secret.xlsx'));
    const r = run(dir, hook(dir, `fs.unlinkSync('book.xlsx'); fs.symlinkSync(${JSON.stringify(join(elsewhere, 'secret.xlsx'))}, 'book.xlsx');`));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('the file changed while kam was working on it');
    expect(readdirSync(dir).sort()).toEqual(['book.xlsx', 'hook.cjs']);
    expect(readFileSync(join(elsewhere, 'secret.xlsx')).equals(readFileSync(ZH))).toBe(true);
  });

  it('a backup whose name is a link: the link is replaced, what it pointed at is left alone', async () => {
    const dir = tempDir();
    copyFileSync(join(EXAMPLES, 'accounts-en.xlsx'), join(dir, 'a.xlsx'));
    writeFileSync(join(dir, 'notes.txt'), 'precious\n');
    symlinkSync('notes.txt', join(dir, 'a.xlsx.bak'));
    const r = await kam(['tier', join(dir, 'a.xlsx'), '--write', '--as-of', '2025-11-15']);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('precious\n');
    expect(lstatSync(join(dir, 'a.xlsx.bak')).isFile()).toBe(true);
    expect(readFileSync(join(dir, 'a.xlsx.bak')).equals(readFileSync(join(EXAMPLES, 'accounts-en.xlsx')))).toBe(true);
  });

  it('a zip whose file is replaced after its directory was read is refused, not read at the old offsets', async () => {
    const dir = tempDir();
    copyFileSync(join(EXAMPLES, 'accounts-en.xlsx'), join(dir, 'b.xlsx'));
    const zip = await ZipArchive.open(join(dir, 'b.xlsx'));
    copyFileSync(ZH, join(dir, 'b.tmp'));
    renameSync(join(dir, 'b.tmp'), join(dir, 'b.xlsx'));
    await expect(zip.read(zip.find('xl/workbook.xml')!)).rejects.toMatchObject({ code: 'input.changed' });
  });
});
