// Hostile and broken CSV input (issue 8): special files and links in a CSV folder, files too big
// or shaped to exhaust memory, and bytes that are not the encoding they seem. Every case builds
// its file in a temp folder, exits 2 with one line naming the file, and writes nothing.
import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, rmSync, existsSync, mkdirSync, openSync, readdirSync, symlinkSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { inputErrorFor } from '../../src/io/input-file.js';
import { readCsvSheet } from '../../src/io/csv/read.js';
import { openBook } from '../../src/io/open.js';
import { tempDir } from '../helpers/books.js';
import { BIN, kam } from '../helpers/cli.js';
import { readRows } from '../helpers/read.js';
import type { RawRow } from '../../src/model/cell.js';

const ACCOUNTS = '客户名称,年采购额\n华东精密,120万\n北方重工,80万\n';
const STAFF = '姓名,岗位\n王芳,客户经理\n';

/** A CSV folder with accounts.csv; `extra` builds the hostile entry in it. */
function folder(extra: (dir: string) => void): { dir: string; out: string } {
  const root = tempDir('kam-hostile-');
  const dir = join(root, 'book');
  mkdirSync(dir);
  writeFileSync(join(root, '.env'), 'SECRET_TOKEN=hunter2\n');
  writeFileSync(join(dir, 'accounts.csv'), ACCOUNTS);
  extra(dir);
  return { dir, out: join(root, 'out.csv') };
}

/** Runs kam and checks the shape of a refusal: exit 2, one line naming the file, no output file. */
async function refused(args: string[], out: string, file: string, pattern: RegExp): Promise<string> {
  const r = await kam([...args, '-o', out]);
  expect(r.code).toBe(2);
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(file);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(existsSync(out)).toBe(false);
  return lines[0]!;
}

describe('special files and links in a CSV folder', () => {
  it('refuses a link to /dev/zero and a link out of the folder, and never reads them', async () => {
    const zero = folder((d) => symlinkSync('/dev/zero', join(d, 'staff.csv')));
    await refused(['tier', zero.dir], zero.out, 'staff.csv', /outside the folder/);
    const env = folder((d) => symlinkSync('../.env', join(d, 'staff.csv')));
    const r = await kam(['check', env.dir, '--format', 'github']);
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).not.toContain('hunter2');
    await refused(['check', env.dir], env.out, 'staff.csv', /outside the folder/);
  });

  it('refuses a FIFO without opening it (no hang), in a folder and as the argument', async () => {
    const { dir, out } = folder((d) => spawnSync('mkfifo', [join(d, 'staff.csv')]));
    await refused(['check', dir], out, 'staff.csv', /not a regular file \(FIFO\)/);
    await refused(['tier', join(dir, 'staff.csv')], out, 'staff.csv', /FIFO/);
  });

  it('says a pipe is a FIFO when it comes as a link (/dev/stdin, <(…)), not a link to a path that does not exist (found by a new user)', () => {
    const r = spawnSync('bash', ['-c', `echo 'name\nA' | node ${JSON.stringify(BIN)} tier /dev/stdin`], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('kam: /dev/stdin: not a regular file (FIFO): kam reads only plain files\n');
  });

  it('refuses a device named as the argument', async () => {
    const { dir, out } = folder((d) => symlinkSync('/dev/zero', join(d, 'zero.csv')));
    await refused(['tier', join(dir, 'zero.csv')], out, 'zero.csv', /not a regular file \(device\)/);
  });

  it('refuses a folder, a dangling link and a link loop with exit 2, not 3', async () => {
    const sub = folder((d) => mkdirSync(join(d, 'staff.csv')));
    await refused(['check', sub.dir], sub.out, 'staff.csv', /not a regular file \(folder\)/);
    const dangling = folder((d) => symlinkSync('gone.csv', join(d, 'staff.csv')));
    await refused(['check', dangling.dir], dangling.out, 'staff.csv', /link to gone\.csv, which does not exist/);
    const loop = folder((d) => {
      symlinkSync('b.csv', join(d, 'a.csv'));
      symlinkSync('a.csv', join(d, 'b.csv'));
    });
    await refused(['check', loop.dir], loop.out, 'a.csv', /symbolic link loop/);
  });

  it('maps EACCES to exit 2 (and, when not root, refuses an unreadable file)', async () => {
    expect(inputErrorFor(Object.assign(new Error('denied'), { code: 'EACCES' }), 'x.csv')).toMatchObject({ code: 'input.unreadable', params: { reason: 'EACCES' }, where: { file: 'x.csv' } });
    const { dir, out } = folder((d) => writeFileSync(join(d, 'staff.csv'), STAFF));
    chmodSync(join(dir, 'staff.csv'), 0o000);
    // Root reads any file: there the file is read, and only the mapping above can be tested.
    if (process.getuid?.() !== 0) await refused(['check', dir], out, 'staff.csv', /cannot read the file \(EACCES\)/);
  });

  it('reads a link to another file inside the folder, and lists the real paths it read', async () => {
    const { dir } = folder((d) => {
      mkdirSync(join(d, 'archive'));
      writeFileSync(join(d, 'archive', 'staff-2025.csv'), STAFF);
      symlinkSync('archive/staff-2025.csv', join(d, 'staff.csv'));
    });
    const r = await kam(['tier', dir]);
    expect(r.code).toBe(0);
    const book = await openBook(dir);
    expect(book.files).toEqual([join(dir, 'accounts.csv'), join(dir, 'archive', 'staff-2025.csv')].map((p) => p.replace(/^\/private/, '')));
    expect((await openBook(join(dir, 'staff.csv'))).files).toEqual([join(dir, 'archive', 'staff-2025.csv')]);
  });
});

/** Spawns the built kam with a small heap: it must finish within seconds, never crash. */
function spawnSmall(args: string[], cwd: string): { code: number | null; stderr: string; ms: number } {
  const start = Date.now();
  const r = spawnSync(process.execPath, ['--max-old-space-size=48', BIN, ...args], { cwd, env: { PATH: process.env.PATH, NO_COLOR: '1', LANG: 'en_US.UTF-8' }, encoding: 'utf8', timeout: 20_000 });
  return { code: r.status, stderr: r.stderr, ms: Date.now() - start };
}

/** Writes `size` bytes: `head`, then `fill` repeated. */
function bigFile(path: string, head: string, fill: string, size: number): string {
  const fd = openSync(path, 'w');
  writeSync(fd, head);
  const block = Buffer.from(fill.repeat(Math.ceil((1 << 20) / fill.length)));
  for (let n = head.length; n < size; n += block.length) writeSync(fd, block);
  closeSync(fd);
  return path;
}

/** Folders of files of a hundred MB and more: removed when the file's tests are done. */
const bigDirs: string[] = [];
function bigDir(): string {
  const dir = tempDir('kam-big-');
  bigDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of bigDirs) rmSync(dir, { recursive: true, force: true });
});

describe('size: bounded memory or a clear exit 2', () => {
  it('refuses a file above limits.inputMB before reading it, and says how to raise the limit', async () => {
    const dir = bigDir();
    const file = join(dir, 'accounts.csv');
    writeFileSync(file, ACCOUNTS);
    truncateSync(file, 1.5 * 2 ** 30); // sparse: 1.5 GiB on paper, nothing on disk
    const r = spawnSmall(['tier', file], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`kam: ${file}: the file is 1536 MB, above the input limit of 256 MB: if it is meant, raise "limits": { "inputMB": … } in kam.config.json`);
    expect(r.ms).toBeLessThan(5000);
    writeFileSync(join(dir, 'small.csv'), ACCOUNTS.repeat(40_000));
    writeFileSync(join(dir, 'kam.config.json'), JSON.stringify({ limits: { inputMB: 1 } }));
    const small = await kam(['tier', join(dir, 'small.csv'), '-o', join(dir, 'out.csv')]);
    expect(small.code).toBe(2);
    expect(small.stderr).toMatch(/small\.csv: the file is \d\.\d MB, above the input limit of 1 MB/);
    expect(existsSync(join(dir, 'out.csv'))).toBe(false);
  });

  it('stops a 128 MB field at the record cap, with a 48 MB heap, in seconds', () => {
    const dir = bigDir();
    bigFile(join(dir, 'accounts.csv'), '客户名称,备注\n华东精密,"', 'x', 128 * 2 ** 20);
    writeFileSync(join(dir, 'kam.config.json'), JSON.stringify({ limits: { inputMB: 1024 } }));
    const r = spawnSmall(['tier', 'accounts.csv'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('kam: accounts.csv: row 2 (line 2) is longer than 4194304 characters (an unclosed quote, or a wrong delimiter?): fix the file or export it again');
    expect(r.ms).toBeLessThan(8000);
  });

  it('stops a 128 MB line of delimiters at the field-count cap, with a 48 MB heap, in seconds', () => {
    const dir = bigDir();
    bigFile(join(dir, 'accounts.csv'), '', ',', 128 * 2 ** 20);
    const r = spawnSmall(['tier', 'accounts.csv'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe("kam: accounts.csv: row 1 has more than 16384 fields (Excel's column limit): check the delimiter, or pass --delimiter");
    expect(r.ms).toBeLessThan(8000);
  });

  it("caps a field at Excel's 32,767 characters and a row at 16,384 fields, naming row and column", async () => {
    const dir = tempDir('kam-caps-');
    const out = join(dir, 'out.csv');
    writeFileSync(join(dir, 'long.csv'), `name,note\nA,ok\nB,${'y'.repeat(32_768)}\n`);
    await refused(['tier', join(dir, 'long.csv')], out, 'long.csv', /row 3, column B: a field longer than 32767 characters/);
    writeFileSync(join(dir, 'long.csv'), `name,note\nB,${'y'.repeat(32_767)}\n`);
    expect((await readRows(join(dir, 'long.csv')))[1]!.cells[1]).toEqual({ t: 's', v: 'y'.repeat(32_767) });
    writeFileSync(join(dir, 'wide.csv'), `name,amount\nA,1\n${'z,'.repeat(16_384)}\n`);
    await refused(['tier', join(dir, 'wide.csv')], out, 'wide.csv', /row 3 has more than 16384 fields/);
  });
});

describe('streaming keeps what the whole-file reader did', () => {
  // A 64 KiB sample instead of 4 MiB: the files below stream in 64 KiB chunks, as a large file does.
  const sampleBytes = 65_536;
  const read = async (path: string) => {
    const sheet = await readCsvSheet(path, { sampleBytes });
    const rows: RawRow[] = [];
    for await (const batch of sheet.rows()) rows.push(...batch);
    return { sheet, rows };
  };

  it('numbers rows across chunks and batches, decodes UTF-8, UTF-16 and GB18030 split at chunk edges, and reads twice', async () => {
    const dir = tempDir('kam-stream-');
    const rows = ['sep=;', '客户名称;备注'];
    const pad = '甲乙丙'.repeat(7);
    for (let i = 0; i < 9000; i++) rows.push(i % 1000 === 0 ? `华东${i};"多行\n备注"` : `客户${i}号;${pad}`);
    const text = `${rows.join('\n')}\n`;
    writeFileSync(join(dir, 'utf8.csv'), text);
    writeFileSync(join(dir, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]));
    writeFileSync(join(dir, 'gbk.csv'), iconv.encode(text, 'gb18030'));
    for (const name of ['utf8.csv', 'utf16.txt', 'gbk.csv']) {
      for (let pass = 0; pass < 2; pass++) {
        const { sheet, rows: got } = await read(join(dir, name));
        expect(sheet.delimiter).toBe(';');
        expect(got).toHaveLength(9001);
        expect(got[0]).toEqual({ row: 1, cells: [{ t: 's', v: '客户名称' }, { t: 's', v: '备注' }] });
        expect(got[1]).toEqual({ row: 2, cells: [{ t: 's', v: '华东0' }, { t: 's', v: '多行\n备注' }] });
        expect(got[9000]).toEqual({ row: 9001, cells: [{ t: 's', v: '客户8999号' }, { t: 's', v: pad }] });
        // Lines: `sep=;` is line 1, each tenth-thousand record spans two lines.
        expect([2, 3, 1002, 1003, 9001].map((r) => sheet.lineOf!(r))).toEqual([3, 5, 1004, 1006, 9011]);
      }
    }
  });

  it('knows the line each row starts on, as git counts lines: line breaks inside quotes (LF, CRLF; not a lone CR) move the rows after them', async () => {
    const dir = tempDir('kam-lines-');
    const body = ['name,note', '"A\r\nB",x', '', '"C\n\nD","e\rf"', 'G,h', '"I\r\n",j'].join('\r\n') + '\r\n';
    writeFileSync(join(dir, 'small.csv'), body);
    // The same rows far down a file that streams (past the sample).
    writeFileSync(join(dir, 'large.csv'), `${'name,note\r\n'}${'k,v\r\n'.repeat(20_000)}${body.slice('name,note\r\n'.length)}`);
    const small = await readCsvSheet(join(dir, 'small.csv'));
    for await (const _batch of small.rows()) void _batch;
    expect([1, 2, 3, 4, 5, 6].map((r) => small.lineOf!(r))).toEqual([1, 2, 4, 5, 8, 9]);
    const { sheet: large } = await read(join(dir, 'large.csv'));
    expect([1, 20_001, 20_002, 20_003, 20_004, 20_005, 20_006].map((r) => large.lineOf!(r))).toEqual([1, 20_001, 20_002, 20_004, 20_005, 20_008, 20_009]);
  });

  it('finds an invalid byte past the sample while streaming, naming its offset and line', async () => {
    const dir = tempDir('kam-enc-');
    const file = join(dir, 'accounts.csv');
    const body = Buffer.from(`客户名称,年采购额\n${`王芳${'甲'.repeat(30)},1\n`.repeat(3000)}`);
    writeFileSync(file, Buffer.concat([body, Buffer.from([0xff]), Buffer.from(',2\n')]));
    await expect(read(file)).rejects.toMatchObject({ code: 'input.badUtf8', params: { offset: body.length, line: 3002 }, where: { file } });
  });
});

describe('encodings: never a silent guess', () => {
  const names = ['客户名称,年采购额', ...Array.from({ length: 50 }, (_v, i) => `王芳${i},${i}`)];

  it('stops on one invalid byte in a UTF-8 file, naming offset and line; --encoding decides', async () => {
    const dir = tempDir('kam-enc-');
    const good = Buffer.from(`${names.join('\n')}\n`);
    const at = good.indexOf('王芳7');
    const file = join(dir, 'accounts.csv');
    writeFileSync(file, Buffer.concat([good.subarray(0, at), Buffer.from([0xb7]), good.subarray(at)]));
    const line = await refused(['tier', file], join(dir, 'out.csv'), 'accounts.csv', /invalid UTF-8 at byte \d+ \(line 9\)/);
    expect(line).toContain(`byte ${at} `);
    expect((await kam(['tier', file, '--encoding', 'utf-8'])).code).toBe(0);
  });

  it('a UTF-8 BOM does not excuse an invalid byte, nor GBK bytes behind it', async () => {
    const dir = tempDir('kam-enc-');
    const good = Buffer.from(`\ufeff${names.join('\n')}\n`);
    const at = good.indexOf('王芳7');
    const file = join(dir, 'accounts.csv');
    writeFileSync(file, Buffer.concat([good.subarray(0, at), Buffer.from([0xff]), good.subarray(at)]));
    const line = await refused(['tier', file], join(dir, 'out.csv'), 'accounts.csv', /invalid UTF-8 at byte \d+ \(line 9\)/);
    expect(line).toContain(`byte ${at} `);
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode(`${names.join('\n')}\n`, 'gbk')]));
    await refused(['tier', file], join(dir, 'out.csv'), 'accounts.csv', /invalid UTF-8 at byte 3 \(line 1\)/);
  });

  it('stops on bytes that are neither UTF-8 nor plausible GB18030; still reads real GBK', async () => {
    const dir = tempDir('kam-enc-');
    writeFileSync(join(dir, 'latin1.csv'), Buffer.from('name,amount\nCaf\xe9,1\n', 'latin1'));
    await refused(['tier', join(dir, 'latin1.csv')], join(dir, 'out.csv'), 'latin1.csv', /neither UTF-8 \(invalid byte at 15, line 2\) nor plausible GB18030/);
    writeFileSync(join(dir, 'gbk.csv'), iconv.encode(`客户名称,年采购额,负责人\n${names.slice(1).join('\n')}\n华东精密（上海）有限公司,120万,李强\n`, 'gbk'));
    const book = await openBook(join(dir, 'gbk.csv'));
    expect(book.encoding).toBe('gb18030');
    expect((await kam(['tier', join(dir, 'gbk.csv')])).code).toBe(0);
  });
});

it('leaves the folder as it was', () => {
  const { dir } = folder((d) => symlinkSync('../.env', join(d, 'staff.csv')));
  const before = readdirSync(dir).sort();
  return kam(['tier', dir, '--write']).then((r) => {
    expect(r.code).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(before);
  });
});

describe('more records than a sheet has rows', () => {
  it('refuses a CSV of more than 1,048,576 records with one line, exit 2 (6 million lines ran V8 out of memory, exit 134); the limit itself reads', async () => {
    const dir = tempDir('kam-rows-');
    const lines = (n: number) => `客户名称,年采购额\n${Array.from({ length: n }, (_, i) => `A${i},${i % 97}`).join('\n')}\n`;
    const over = join(dir, 'over.csv');
    writeFileSync(over, lines(1_048_576));
    const r = spawnSync(process.execPath, [BIN, 'tier', over, '--lang', 'en', '-q'], { encoding: 'utf8', timeout: 60_000 });
    expect([r.status, r.stderr]).toEqual([2, `kam: ${over}: the file has more than 1048576 rows, the most a sheet holds (Excel's row limit): split it into files of at most that many rows, or check that it is the table meant\n`]);
    const at = join(dir, 'at.csv');
    writeFileSync(at, lines(1_048_575));
    const ok = spawnSync(process.execPath, [BIN, 'tier', at, '--lang', 'en', '-q', '--format', 'json'], { encoding: 'utf8', timeout: 60_000, maxBuffer: 2 ** 30 });
    expect(ok.status, ok.stderr).toBe(0);
  }, 120_000);
});
