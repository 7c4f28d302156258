// Every example and template is run or read back, so that none can drift from the code.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { configJsonSchema } from '../../src/config/schema.js';
import { tempDir } from '../helpers/books.js';
import { EXAMPLES, kam, ROOT, spawnKam } from '../helpers/cli.js';

describe('examples', () => {
  // raci-zh.xlsx is a matrix (kam matrix's output), checked below.
  const books = readdirSync(EXAMPLES).filter((f) => (/\.(xlsx|csv)$/.test(f) || f === 'csv-en') && !f.startsWith('raci-'));
  it.each(books)('kam tier %s runs through the built binary', (book) => {
    const r = spawnKam(['tier', join('examples', book), '--format', 'json', '--as-of', '2025-11-15']);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { accounts: unknown[] }).accounts.length).toBeGreaterThan(10);
  });

  it('the example config is valid', () => {
    const raw = JSON.parse(readFileSync(join(EXAMPLES, 'kam.config.json'), 'utf8')) as Record<string, unknown>;
    expect(() => resolveConfig({ raw }, { lang: 'en' })).not.toThrow();
  });

  it('the committed books are what the generator makes', () => {
    const dir = tempDir();
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'make-examples.mjs'), dir], { stdio: 'pipe' });
    for (const book of ['accounts-zh.xlsx', 'accounts-en.xlsx', 'accounts-zh.csv', 'csv-en']) {
      const committed = spawnKam(['tier', join(EXAMPLES, book), '--format', 'json', '-q']);
      const rebuilt = spawnKam(['tier', join(dir, book), '--format', 'json', '-q', '-c', join(EXAMPLES, 'kam.config.json')]);
      expect(rebuilt.stdout, book).toBe(committed.stdout);
    }
    expect(readFileSync(join(dir, 'accounts-zh.csv')).equals(readFileSync(join(EXAMPLES, 'accounts-zh.csv')))).toBe(true);
  });
});

describe('examples/raci-zh.xlsx', () => {
  it('is what kam matrix makes of accounts-zh.xlsx, and reads back as the same matrix', async () => {
    const dir = tempDir();
    const args = ['--lang', 'zh', '--as-of', '2025-11-15'];
    const made = join(dir, 'raci-zh.xlsx');
    expect((await kam(['matrix', join(EXAMPLES, 'accounts-zh.xlsx'), ...args, '-o', made])).code).toBe(1);
    const json = async (book: string) => JSON.parse((await kam(['matrix', book, ...args, '--format', 'json', '-q'])).stdout) as { rows: unknown[]; columns: unknown[] };
    const committed = await json(join(EXAMPLES, 'raci-zh.xlsx'));
    const remade = await json(made);
    expect(committed.rows).toEqual(remade.rows);
    expect(committed.columns).toEqual(remade.columns);
    expect(committed.rows).toEqual((await json(join(EXAMPLES, 'accounts-zh.xlsx'))).rows);
    // kam check reads the handed-out matrix: the RACI findings at the matrix cells.
    const check = JSON.parse((await kam(['check', join(EXAMPLES, 'raci-zh.xlsx'), ...args, '--format', 'json', '-q'])).stdout) as { findings: { rule: string; cell?: string }[] };
    expect(check.findings.filter((f) => f.rule === 'raci/no-accountable').map((f) => f.cell?.split('!')[0])).toEqual(['按客户']);
  });
});

describe('examples/ci', () => {
  const kamCmd = `${process.execPath} ${join(ROOT, 'bin', 'kam.js')}`;

  it('the pre-commit hook refuses a staged book with errors and accepts a clean one', () => {
    const repo = tempDir();
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: repo, stdio: 'pipe' });
    git('init', '-q');
    const hook = join(ROOT, 'examples', 'ci', 'pre-commit');
    const run = () => spawnSync('sh', [hook], { cwd: repo, env: { ...process.env, KAM: kamCmd, NO_COLOR: '1' }, encoding: 'utf8' });
    expect(run().status).toBe(0); // nothing staged
    copyFileSync(join(EXAMPLES, 'accounts-en.xlsx'), join(repo, 'clean.xlsx'));
    git('add', 'clean.xlsx');
    expect(run().status).toBe(0);
    copyFileSync(join(EXAMPLES, 'accounts-zh.xlsx'), join(repo, '大客户.xlsx'));
    git('add', '大客户.xlsx');
    const bad = run();
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('raci/no-accountable');
    // What is staged is checked, not the working tree (found by a new user: a bad book staged, the
    // good one put back unstaged, and the hook passed the commit).
    git('rm', '-q', '--cached', '大客户.xlsx');
    rmSync(join(repo, '大客户.xlsx'));
    copyFileSync(join(EXAMPLES, 'accounts-zh.xlsx'), join(repo, 'clean.xlsx'));
    git('add', 'clean.xlsx');
    copyFileSync(join(EXAMPLES, 'accounts-en.xlsx'), join(repo, 'clean.xlsx'));
    const staged = run();
    expect(staged.status).toBe(1);
    expect(staged.stdout).toContain('raci/no-accountable');
    expect(staged.stderr).toContain('kam: clean.xlsx changed after it was staged: checking the staged version');
    // And with the config the book finds (kam.config.json beside it, in force for the staged copy too).
    writeFileSync(join(repo, 'kam.config.json'), JSON.stringify({ rules: { 'raci/no-accountable': 'off', 'ref/unknown-person': 'off', 'ref/inactive-person': 'off', 'coverage/required-task': 'off' } }));
    const configured = run();
    expect(configured.stdout).not.toContain('raci/no-accountable');
  });

  it('the pre-commit hook checks a staged version with the config the book finds above the repository, and no other', () => {
    const top = tempDir();
    const repo = join(top, 'repo');
    mkdirSync(repo);
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: repo, stdio: 'pipe' });
    git('init', '-q');
    const hook = join(ROOT, 'examples', 'ci', 'pre-commit');
    const tmp = join(top, 'tmp');
    mkdirSync(tmp);
    const run = () => spawnSync('sh', [hook], { cwd: repo, env: { ...process.env, KAM: kamCmd, NO_COLOR: '1', TMPDIR: tmp }, encoding: 'utf8' });
    // The config above the repository turns the book's errors off: kam finds it for the book, so the staged copy must be checked with it.
    writeFileSync(join(top, 'kam.config.json'), JSON.stringify({ rules: { 'raci/no-accountable': 'off', 'ref/unknown-person': 'off', 'ref/inactive-person': 'off', 'coverage/required-task': 'off' } }));
    copyFileSync(join(EXAMPLES, 'accounts-zh.xlsx'), join(repo, 'book.xlsx'));
    git('add', 'book.xlsx');
    expect(run().status).toBe(0);
    writeFileSync(join(repo, 'book.xlsx'), Buffer.concat([readFileSync(join(repo, 'book.xlsx')), Buffer.from('x')]));
    const staged = run();
    expect(staged.stderr).toContain('checking the staged version');
    expect(staged.status).toBe(0);
    // And a config lying in the temporary folder is never taken for a book that finds none.
    rmSync(join(top, 'kam.config.json'));
    writeFileSync(join(tmp, 'kam.config.json'), JSON.stringify({ rules: { 'raci/no-accountable': 'off' } }));
    const none = run();
    expect(none.status).toBe(1);
    expect(none.stdout).toContain('raci/no-accountable');
    expect(readdirSync(tmp)).toEqual(['kam.config.json']);
  });

  it('the pre-commit hook checks the CSV folders named in KAM_CSV_BOOKS, as staged (found by a new user: a CSV book lost its A and the commit passed)', () => {
    const repo = tempDir();
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: repo, stdio: 'pipe' });
    git('init', '-q');
    const hook = join(ROOT, 'examples', 'ci', 'pre-commit');
    const run = (books?: string) => spawnSync('sh', [hook], { cwd: repo, env: { ...process.env, KAM: kamCmd, NO_COLOR: '1', ...(books !== undefined ? { KAM_CSV_BOOKS: books } : {}) }, encoding: 'utf8' });
    const dir = join(repo, 'export');
    mkdirSync(dir);
    writeFileSync(join(dir, 'accounts.csv'), 'Account Name,Annual Revenue,Tier\nAcme,100,Ordinary\n');
    writeFileSync(join(dir, 'staff.csv'), 'Name\nJane\nTom\n');
    const good = 'Account Name,Task,Person,RACI\nAcme,Follow-up,Jane,R\nAcme,Follow-up,Tom,A\n';
    writeFileSync(join(dir, 'assignments.csv'), good);
    git('add', 'export');
    expect(run('export').status).toBe(0);
    git('commit', '-q', '-m', 'book');
    // The A is lost: the folder is checked only when named.
    writeFileSync(join(dir, 'assignments.csv'), 'Account Name,Task,Person,RACI\nAcme,Follow-up,Jane,R\n');
    git('add', 'export/assignments.csv');
    expect(run().status).toBe(0);
    const bad = run('export/');
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('raci/no-accountable');
    // As staged: the working tree put right, the staged loss still refused.
    writeFileSync(join(dir, 'assignments.csv'), good);
    expect(run('export').status).toBe(1);
    // Through git config too.
    git('config', 'hooks.kamCsvBooks', 'export');
    expect(run().status).toBe(1);
    git('config', '--unset', 'hooks.kamCsvBooks');
    // A rename out of the book is a change of it (found by review: --diff-filter left renames out).
    git('reset', '-q', 'export/assignments.csv');
    git('mv', 'export/assignments.csv', 'export/assignments.csv.old');
    const renamed = run('export');
    expect(renamed.status).toBe(1);
    expect(renamed.stdout).toContain('schema/missing-sheet');
  });

  it("the workflow's kam commands run as written", () => {
    const yml = readFileSync(join(ROOT, 'examples', 'ci', 'kam-check.yml'), 'utf8');
    const commands = yml.split('\n').flatMap((l) => (/^\s+run: kam /.exec(l) ? [l.replace(/^\s+run: /, '')] : []));
    expect(commands).toHaveLength(3);
    const dir = tempDir();
    for (const cmd of commands) {
      const r = spawnSync('sh', ['-c', `kam() { ${kamCmd} "$@"; }; ${cmd}`], {
        cwd: dir,
        env: { ...process.env, KAM_BOOK: join(EXAMPLES, 'accounts-zh.xlsx'), GITHUB_STEP_SUMMARY: join(dir, 'summary.md'), NO_COLOR: '1' },
        encoding: 'utf8',
      });
      expect(r.status, `${cmd}\n${r.stderr}`).toBeLessThan(2);
    }
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toContain('## Responsibility check');
    expect(readFileSync(join(dir, 'kam-check.xml'), 'utf8')).toContain('<testsuites');
  });
});

describe('the report workflow (examples/ci/kam-report.yml, issue 12)', () => {
  it('its kam commands run as written: the markdown in the step summary, the HTML file beside it', () => {
    const kamCmd = `${process.execPath} ${join(ROOT, 'bin', 'kam.js')}`;
    const yml = readFileSync(join(ROOT, 'examples', 'ci', 'kam-report.yml'), 'utf8');
    const commands = yml.split('\n').flatMap((l) => (/^\s+run: kam /.exec(l) ? [l.replace(/^\s+run: /, '')] : []));
    expect(commands).toHaveLength(2);
    const dir = tempDir();
    for (const cmd of commands) {
      const r = spawnSync('sh', ['-c', `kam() { ${kamCmd} "$@"; }; ${cmd}`], {
        cwd: dir,
        env: { ...process.env, KAM_BOOK: join(EXAMPLES, 'accounts-zh.xlsx'), GITHUB_STEP_SUMMARY: join(dir, 'summary.md'), NO_COLOR: '1', LANG: 'zh_CN.UTF-8' },
        encoding: 'utf8',
      });
      expect(r.status, `${cmd}\n${r.stderr}`).toBe(0);
    }
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toMatch(/^## 大客户管理报告\n/);
    expect(readFileSync(join(dir, 'kam-report.html'), 'utf8')).toContain('<section id="workload">');
  });
});

describe('the diff workflow (examples/ci/kam-diff.yml, issue 13)', () => {
  const kamCmd = `${process.execPath} ${join(ROOT, 'bin', 'kam.js')}`;
  const yml = readFileSync(join(ROOT, 'examples', 'ci', 'kam-diff.yml'), 'utf8');
  const commands = yml.split('\n').flatMap((l) => (/^\s+run: (git|kam) /.exec(l) ? [l.replace(/^\s+run: /, '')] : []));
  const pullRequest = (book: string, base: (repo: string) => void, change: (repo: string) => void) => {
    // The checkout in a folder of its own: the base version goes beside it.
    const repo = join(tempDir('kam-pr-'), 'repo');
    mkdirSync(repo);
    const env = { ...process.env, NO_COLOR: '1', LANG: 'en_US.UTF-8', GIT_CONFIG_NOSYSTEM: '1', HOME: repo, KAM_BOOK: book, BASE_REF: 'main' };
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'ci@example.com');
    git('config', 'user.name', 'CI');
    base(repo);
    git('add', '.');
    git('commit', '-qm', 'base');
    git('update-ref', 'refs/remotes/origin/main', 'HEAD');
    git('checkout', '-qb', 'change');
    change(repo);
    git('commit', '-qam', 'hand over');
    const codes = commands.map((cmd) => spawnSync('sh', ['-c', `kam() { ${kamCmd} "$@" --as-of 2025-11-15; }; ${cmd}`], { cwd: repo, env, encoding: 'utf8' }));
    return { repo, codes };
  };

  it('its git and kam commands run as written on a pull request that hands work over and drops an A', () => {
    expect(commands).toHaveLength(3);
    const { repo, codes } = pullRequest(
      'book.xlsx',
      (repo) => copyFileSync(join(EXAMPLES, 'accounts-zh.xlsx'), join(repo, 'book.xlsx')),
      (repo) => copyFileSync(join(ROOT, 'test', 'fixtures', 'diff', 'changes.xlsx'), join(repo, 'book.xlsx')),
    );
    // The base version, the comment (written although the change introduces an error), the annotations (failing on it).
    expect(codes.map((r) => r.status)).toEqual([0, 0, 1]);
    const md = readFileSync(join(repo, 'kam-diff.md'), 'utf8');
    expect(md).toContain('### kam diff: ../kam-base/book.xlsx → book.xlsx');
    expect(md).toContain('日常跟进: R 张伟 → 李娜 (handover)');
    expect(codes[2]!.stdout).toContain('::error file=book.xlsx,title=raci/no-accountable::');
  });

  it('a book kept as a folder of CSV files (found by a new user: the workflow wrote it to old.xlsx, exit 2)', () => {
    const { codes } = pullRequest(
      'export',
      (repo) => {
        mkdirSync(join(repo, 'export'));
        writeFileSync(join(repo, 'export', 'accounts.csv'), 'Account Name,Annual Revenue,Tier\nAcme,100,Strategic\n');
        writeFileSync(join(repo, 'export', 'assignments.csv'), 'Account Name,Task,Person,RACI\nAcme,Follow-up,Jane,R\nAcme,Follow-up,Tom,A\n');
      },
      (repo) => writeFileSync(join(repo, 'export', 'assignments.csv'), 'Account Name,Task,Person,RACI\nAcme,Follow-up,Jane,R\n'),
    );
    expect(codes.map((r) => r.status)).toEqual([0, 0, 1]);
    expect(codes[2]!.stdout).toContain('title=raci/no-accountable::');
  });
});

describe('templates', () => {
  it('kam.config.json holds exactly the defaults', () => {
    const template = JSON.parse(readFileSync(join(ROOT, 'templates', 'kam.config.json'), 'utf8')) as Record<string, unknown>;
    const { $schema: _s, ...raw } = template;
    expect(resolveConfig({ raw }, { lang: 'zh' })).toEqual(resolveConfig({ raw: {} }, { lang: 'zh' }));
  });
  it('kam.config.schema.json is the schema of the code', () => {
    expect(JSON.parse(readFileSync(join(ROOT, 'templates', 'kam.config.schema.json'), 'utf8'))).toEqual(configJsonSchema());
  });
});
