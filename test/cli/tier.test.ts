import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM data module shared with the example generator
import { ZH_ACCOUNTS, EN_ACCOUNTS } from '../../scripts/example-data.mjs';
import { tempDir, writeBook, writeRawXlsx } from '../helpers/books.js';
import { EXAMPLES, kam } from '../helpers/cli.js';
import { weightedScores } from '../helpers/expected.js';

interface TierJson {
  method: string;
  accounts: { rank: number; id: string | null; name: string; score: number; tier: string; recordedTier: string | null; pinned: boolean; trend: number | null; contributions: Record<string, number> }[];
  summary: { tier: string; count: number; revenue: number; revenueShare: number }[];
}

const tierJson = async (args: string[], options?: Parameters<typeof kam>[1]): Promise<TierJson> => {
  const r = await kam(['tier', ...args, '--format', 'json'], options);
  expect(r.code, r.stderr).toBeLessThan(2);
  return JSON.parse(r.stdout) as TierJson;
};

/** The Chinese example's expected scores, from its source data (万元 → yuan does not change min-max). */
const zhExpected = weightedScores(
  (ZH_ACCOUNTS as unknown[][]).map((a) => ({ name: a[1] as string, values: [a[5], a[6], a[7], a[8], a[9]] as number[] })),
  [0.35, 0.2, 0.15, 0.2, 0.1],
);

describe('kam tier on the Chinese example', () => {
  it('gives the §5 weighted scores exactly, for the book and for its GBK CSV export', async () => {
    for (const file of ['accounts-zh.xlsx', 'accounts-zh.csv']) {
      const out = await tierJson([join(EXAMPLES, file)]);
      expect(out.method).toBe('weighted');
      expect(out.accounts).toHaveLength(30);
      for (const a of out.accounts) expect(a.score, `${file} ${a.name}`).toBeCloseTo(zhExpected.get(a.name)!, 9);
      const sorted = [...zhExpected.entries()].sort((x, y) => y[1] - x[1]).map(([n]) => n);
      expect(out.accounts.map((a) => a.name)).toEqual(sorted);
    }
  });

  it('tiers by quota, pins tier_override, applies the promotion rule and summarises revenue', async () => {
    const out = await tierJson([join(EXAMPLES, 'accounts-zh.xlsx')]);
    const by = Object.fromEntries(out.accounts.map((a) => [a.id!, a]));
    // Top 10% of 30 = 3 strategic, next 20% = 6 important.
    expect(out.accounts.slice(0, 3).map((a) => a.tier)).toEqual(['strategic', 'strategic', 'strategic']);
    expect(by.KA003).toMatchObject({ tier: 'strategic', pinned: true, recordedTier: 'important' });
    expect(by.KA005).toMatchObject({ recordedTier: 'important' }); // recorded as "B"
    expect(by.KA008).toMatchObject({ recordedTier: 'strategic' }); // recorded as "A"
    expect(by.KA001!.trend).toBeCloseTo((1720 - 1500) / 1500, 12);
    expect(by.KA013!.trend).toBeNull(); // previous period 0
    expect(out.summary.map((s) => s.tier)).toEqual(['strategic', 'important', 'normal']);
    expect(out.summary.reduce((s, x) => s + x.count, 0)).toBe(30);
    const total = (ZH_ACCOUNTS as unknown[][]).reduce((s, a) => s + (a[5] as number) * 10000, 0);
    expect(out.summary.reduce((s, x) => s + x.revenue, 0)).toBe(total);
    expect(out.summary.reduce((s, x) => s + x.revenueShare, 0)).toBeCloseTo(1, 12);
    const contributions = Object.values(by.KA001!.contributions).reduce((s, x) => s + x, 0);
    expect(contributions).toBeCloseTo(by.KA001!.score, 9);
  });

  it('reports the missing satisfaction value at its cell, as a warning', async () => {
    const r = await kam(['tier', join(EXAMPLES, 'accounts-zh.xlsx')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('客户信息!J35');
    expect(r.stdout).toContain('data/missing-value');
    expect((await kam(['tier', join(EXAMPLES, 'accounts-zh.xlsx'), '--fail-on', 'warn'])).code).toBe(1);
    expect((await kam(['tier', join(EXAMPLES, 'accounts-zh.xlsx'), '--max-warnings', '0'])).code).toBe(1);
    expect((await kam(['tier', join(EXAMPLES, 'accounts-zh.xlsx'), '--max-warnings', '1'])).code).toBe(0);
  });

  it('prints in Chinese with --lang zh or a Chinese LANG', async () => {
    const r = await kam(['tier', join(EXAMPLES, 'accounts-zh.xlsx'), '--limit', '3'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(r.stdout).toContain('客户分级');
    expect(r.stdout).toContain('战略客户');
    expect(r.stdout).toContain('按等级汇总');
    expect(r.stdout).toContain('仅显示前 3 行（共 30 行）');
  });

  it('explains one account criterion by criterion', async () => {
    const r = await kam(['tier', join(EXAMPLES, 'accounts-zh.xlsx'), '--explain', 'KA030']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Score of 智联软件服务 (KA030)');
    expect(r.stdout).toMatch(/满意度\s+│\s+missing, scored as worst\s+│\s+0\.7\s+│\s+0\.0000/);
    expect(r.stdout).toContain(zhExpected.get('智联软件服务')!.toFixed(1));
    const topsis = await kam(['tier', join(EXAMPLES, 'accounts-zh.xlsx'), '--method', 'topsis', '--explain', '华东精密']);
    expect(topsis.stdout).toContain('distance to ideal S+');
    expect((await kam(['tier', join(EXAMPLES, 'accounts-zh.xlsx'), '--explain', 'nobody'])).code).toBe(2);
  });

  it('--explain --format json gives the breakdown as JSON; CSV and markdown refuse it, and --normalize refuses a method it does not apply to (found by a new user: both were ignored)', async () => {
    const book = join(EXAMPLES, 'accounts-zh.xlsx');
    const r = await kam(['tier', book, '--explain', 'KA030', '--format', 'json']);
    expect(r.code).toBe(0);
    const e = JSON.parse(r.stdout) as { method: string; account: { id: string; score: number }; criteria: { criterion: string; raw: number | null; points: number }[] };
    expect(e.method).toBe('weighted');
    expect(e.account.id).toBe('KA030');
    expect(e.account.score).toBeCloseTo(zhExpected.get('智联软件服务')!, 6);
    // The points add up to the score; a missing value is null (scored as the worst).
    expect(e.criteria.reduce((sum, c) => sum + c.points, 0)).toBeCloseTo(e.account.score, 9);
    expect(e.criteria.find((c) => c.criterion === 'satisfaction')?.raw).toBeNull();
    const topsis = JSON.parse((await kam(['tier', book, '--method', 'topsis', '--explain', 'KA001', '--format', 'json'])).stdout) as { topsis: { closeness: number }; account: { score: number } };
    expect(topsis.topsis.closeness).toBeCloseTo(topsis.account.score / 100, 12);
    for (const format of ['csv', 'markdown']) {
      const x = await kam(['tier', book, '--explain', 'KA030', '--format', format]);
      expect(x.code).toBe(2);
      expect(x.stderr).toBe(`kam: --explain shows one account as text or JSON, not as ${format}: drop --format ${format}, or use --format json\n`);
    }
    const n = await kam(['tier', book, '--method', 'topsis', '--normalize', 'rank']);
    expect(n.code).toBe(2);
    expect(n.stderr).toContain('--normalize chooses how the weighted method normalises, and this book is scored by topsis');
  });

  it('refuses to pick one of two accounts --explain names alike: a duplicated id, a shared name (found by a new user)', async () => {
    const dir = tempDir();
    const file = join(dir, 'accounts.csv');
    writeFileSync(file, 'ID,Name,Owner,Annual Revenue\nK1,Acme,Al,100\nK1,Beta,Al,200\nK3,Acme,Al,300\nK4,Delta,Al,50\n');
    const explain = (name: string) => kam(['tier', file, '--explain', name, '-q']);
    const dup = await explain('K1');
    expect(dup.code).toBe(2);
    expect(dup.stderr).toBe(`kam: "K1" names 2 accounts (K1 Acme (accounts.csv!2:2), K1 Beta (accounts.csv!3:3)): name one by its id (a book without unique ids needs an ID column of them)\n`);
    const zh = await kam(['tier', file, '--explain', 'K1', '-q', '--lang', 'zh']);
    expect(zh.stderr).toBe(`kam: 「K1」对应 2 个客户（K1 Acme (accounts.csv!2:2)、K1 Beta (accounts.csv!3:3)）：请用客户编号指明其中一个（客户编号不唯一或没有客户编号列时，请先添加唯一的客户编号）\n`);
    const shared = await explain('acme');
    expect(shared.code).toBe(2);
    expect(shared.stderr).toContain('K1 Acme (accounts.csv!2:2), K3 Acme (accounts.csv!4:4)');
    // An id wins over a name; a unique name or a unique part of one still names its account.
    expect((await explain('K3')).stdout).toContain('Score of Acme (K3)');
    expect((await explain('Beta')).stdout).toContain('Score of Beta (K1)');
    expect((await explain('elt')).stdout).toContain('Score of Delta (K4)');
  });
});

describe('kam tier methods end to end', () => {
  it('abc tiers by cumulative revenue share', async () => {
    const out = await tierJson([join(EXAMPLES, 'accounts-en.xlsx'), '--method', 'abc']);
    const revenue = (EN_ACCOUNTS as unknown[][]).map((a) => ({ name: a[1] as string, rev: a[5] as number })).sort((a, b) => b.rev - a.rev);
    const total = revenue.reduce((s, a) => s + a.rev, 0);
    let cum = 0;
    const expected = revenue.map((a) => {
      const before = cum / total;
      cum += a.rev;
      return [a.name, before < 0.8 ? 'strategic' : before < 0.95 ? 'important' : 'normal'];
    });
    expect(out.accounts.map((a) => [a.name, a.tier])).toEqual(expected);
    expect(out.accounts[0]!.score).toBeCloseTo((100 * revenue[0]!.rev) / total, 12);
  });

  it('rank normalisation and scorecard bands from the config', async () => {
    const dir = tempDir();
    copyFileSync(join(EXAMPLES, 'accounts-en.xlsx'), join(dir, 'book.xlsx'));
    writeFileSync(
      join(dir, 'kam.config.json'),
      JSON.stringify({
        scoring: {
          method: 'scorecard',
          criteria: [
            { column: 'annual_revenue', weight: 3, bands: [{ min: 10000000, points: 5 }, { min: 5000000, points: 3 }, { min: 0, points: 1 }] },
            { column: 'Satisfaction', weight: 1, bands: [{ min: 4.5, points: 2 }, { min: 4, points: 1 }] },
          ],
        },
      }),
    );
    const out = await tierJson([join(dir, 'book.xlsx')]);
    const apex = out.accounts.find((a) => a.name === 'Apex Manufacturing Ltd')!;
    expect(apex.score).toBeCloseTo(100 * (0.75 * 5 / 5 + 0.25 * 2 / 2), 12);
    const nimbus = out.accounts.find((a) => a.name === 'Nimbus Cloud')!; // 3.8M → 1 point; satisfaction 4.2 → 1 point
    expect(nimbus.score).toBeCloseTo(100 * (0.75 * 1 / 5 + 0.25 * 1 / 2), 12);
    const orbit = out.accounts.find((a) => a.name === 'Orbit Media')!; // 1.5M → 1 point; satisfaction 3.8 → below all bands
    expect(orbit.score).toBeCloseTo(100 * (0.75 * 1 / 5), 12);
    const rank = await tierJson([join(dir, 'book.xlsx'), '--method', 'weighted', '--normalize', 'rank']);
    expect(rank.method).toBe('weighted');
    expect(rank.accounts[0]!.name).toBe('Apex Manufacturing Ltd');
  });

  it('drops an absent criterion with a warning and re-normalises the others', async () => {
    const dir = tempDir();
    const book = await writeBook(join(dir, 'b.xlsx'), [{ name: 'Accounts', rows: [['Name', 'Revenue', 'Satisfaction'], ['A', 100, 1], ['B', 300, 5], ['C', 200, 3]] }]);
    const r = await kam(['tier', book, '--format', 'json']);
    expect(r.stderr).toContain('criterion "contract_value" has no column in Accounts');
    expect(r.stderr).toContain('criterion "years" has no column');
    const out = JSON.parse(r.stdout) as TierJson;
    // revenue 0.35 and satisfaction 0.10 re-normalised over 0.45
    expect(out.accounts.map((a) => [a.name, a.score])).toEqual([
      ['B', expect.closeTo(100, 9)],
      ['C', expect.closeTo(50, 9)],
      ['A', expect.closeTo(0, 9)],
    ]);
  });

  it('reads a Rules sheet that overrides the config', async () => {
    const dir = tempDir();
    const book = await writeBook(join(dir, 'b.xlsx'), [
      { name: 'Accounts', rows: [['Name', 'Revenue'], ['A', 100], ['B', 300], ['C', 200]] },
      { name: '规则', rows: [['参数', '值', '说明'], ['scoring.method', 'abc', ''], ['scoring.abc.cutoffs', '[0.6, 0.9]', '']] },
    ]);
    const out = await tierJson([book]);
    expect(out.method).toBe('abc');
    // B: 0 → 50% (A); C: 50% → 83% crossing 60% (A); A: from 83% (B)
    expect(out.accounts.map((a) => a.tier)).toEqual(['strategic', 'strategic', 'important']);
    const bad = await writeBook(join(dir, 'bad.xlsx'), [
      { name: 'Accounts', rows: [['Name'], ['A']] },
      { name: 'Rules', rows: [['Key', 'Value'], ['load.over', 'lots']] },
    ]);
    const r = await kam(['tier', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`kam: ${bad}: Rules!B2: load.over: expected a number, got "lots"\n`);
    // A value that clashes with another key (idle < high ≤ over) is the Rules sheet's too, not the config file's (found by a new user).
    writeFileSync(join(dir, 'kam.config.json'), '{}');
    const clash = await writeBook(join(dir, 'clash.xlsx'), [
      { name: 'Accounts', rows: [['Name'], ['A']] },
      { name: 'Rules', rows: [['Key', 'Value'], ['load.over', 0.5]] },
    ]);
    const c = await kam(['tier', clash, '--lang', 'en']);
    expect(c.code).toBe(2);
    expect(c.stderr).toBe(`kam: ${clash}: Rules!B2: load: expected idle < high ≤ over\n`);
    // Of two values under the section, the one without which the rest holds (found by review).
    writeFileSync(join(dir, 'kam.config.json'), '{"load": {"high": 0.95, "over": 1.2}}');
    const two = await writeBook(join(dir, 'two.xlsx'), [
      { name: 'Accounts', rows: [['Name'], ['A']] },
      { name: 'Rules', rows: [['Key', 'Value'], ['load.over', 0.5], ['load.idle', 0.4]] },
    ]);
    expect((await kam(['tier', two, '--lang', 'en'])).stderr).toBe(`kam: ${two}: Rules!B2: load: expected idle < high ≤ over\n`);
    // A value elsewhere that another key of the file still names: a tier renamed that a promotion rule uses.
    writeFileSync(join(dir, 'kam.config.json'), '{"promote": [{"column": "annual_revenue", "min": 100, "tier": "strategic"}]}');
    const renamed = await writeBook(join(dir, 'renamed.xlsx'), [
      { name: 'Accounts', rows: [['Name'], ['A']] },
      { name: 'Rules', rows: [['Key', 'Value'], ['load.idle', 0.3], ['tiers.0.id', 'vip']] },
    ]);
    const r2 = await kam(['tier', renamed, '--lang', 'en']);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(new RegExp(`^kam: ${renamed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: Rules!B3: promote`));
  });

  it('breaks a tie between a percent written as text and the same fraction as a number by name, as the spec says (found by a new user)', async () => {
    const dir = tempDir();
    const file = join(dir, 'tie.csv');
    const filler = 'CDEFGHIJ'.split('').map((n) => `${n},0.5,50`);
    writeFileSync(file, ['客户名称,满意度,年采购额', 'Beta,95%,100', 'Acme,0.95,100', ...filler].join('\n'));
    const out = await tierJson([file, '-q']);
    expect(out.accounts.slice(0, 2).map((a) => a.name)).toEqual(['Acme', 'Beta']);
    expect(out.accounts[0]!.score).toBe(out.accounts[1]!.score);
    expect(out.accounts[0]!.contributions).toEqual(out.accounts[1]!.contributions);
  });

  it('its points columns, read back, are not taken for the criteria (found by review)', async () => {
    const dir = tempDir();
    const out = join(dir, 't.csv');
    expect((await kam(['tier', join(EXAMPLES, 'csv-en'), '-o', out, '-q'])).code).toBe(0);
    expect(readFileSync(out, 'utf8').split('\r\n')[0]).toContain('Annual Revenue (points)');
    const again = await kam(['tier', out, '-q']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/no "annual_revenue .*" column found/);
  });

  it('scoring columns that are there but empty: said so, not "no column found" (found by a new user)', async () => {
    const dir = tempDir();
    const file = join(dir, 'empty.csv');
    writeFileSync(file, '客户名称,年采购额,合同金额,满意度\n甲,,,\n乙,,,\n');
    const r = await kam(['tier', file, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`kam: ${file}: the scoring columns (年采购额, 合同金额, 满意度) have no values, so there is nothing to score by: fill them in (kam check lists the sheet's other problems)\n`);
    // The book is still checked (found by review: check refused it too, exit 2).
    expect((await kam(['check', file, '--as-of', '2025-11-15', '-q'])).code).toBe(1);
  });

  it('--config naming a folder or no file: one line saying so (found by a new user: it said to check permissions)', async () => {
    const dir = tempDir();
    const book = join(EXAMPLES, 'accounts-zh.xlsx');
    const folder = await kam(['tier', book, '--config', dir, '--lang', 'en']);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toBe(`kam: ${dir}: not a regular file (folder): kam reads only plain files\n`);
    const missing = await kam(['tier', book, '--config', join(dir, 'nope.json'), '--lang', 'en']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`kam: ${join(dir, 'nope.json')}: file not found: check the path\n`);
  });

  it('refuses an unknown --lang, before or after the command, exit 2 (found by a new user: it crashed)', async () => {
    for (const args of [['tier', join(EXAMPLES, 'accounts-zh.xlsx'), '--lang', 'fr'], ['--lang', 'fr', 'check', EXAMPLES], ['--lang=fr', 'tier', join(EXAMPLES, 'accounts-zh.xlsx')]]) {
      const r = await kam(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toEqual([expect.stringMatching(/--lang.*'fr'.*zh, en/)]);
    }
  });

  it('reports unreadable cells at their reference and still scores', async () => {
    const dir = tempDir();
    const book = await writeBook(join(dir, 'b.xlsx'), [{ name: '客户', rows: [['客户名称', '年采购额'], ['甲', 'lots'], ['乙', 100], ['丙', { error: '#N/A' }]] }]);
    const r = await kam(['tier', book, '--lang', 'zh']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('客户!B2');
    expect(r.stdout).toContain('年采购额 列的「lots」无法识别');
    expect(r.stdout).toContain('客户!B4');
  });
});

describe('kam tier -o', () => {
  it('writes CSV (BOM, injection-safe), JSON and XLSX files, never over the input', async () => {
    const dir = tempDir();
    const src = join(dir, 'in.xlsx');
    await writeBook(src, [{ name: 'Accounts', rows: [['Name', 'Revenue'], ['=HACK()', 100], ['Beta', 50]] }]);
    const csv = await kam(['tier', src, '-o', join(dir, 'tiers.csv')]);
    expect(csv.code).toBe(0);
    expect(csv.stdout).toBe('');
    expect(csv.stderr).toContain('wrote');
    const text = readFileSync(join(dir, 'tiers.csv'), 'utf8');
    expect(text.startsWith('\ufeffRank,ID,Account,Score')).toBe(true);
    expect(text).toContain("'=HACK()");
    await kam(['tier', src, '-o', join(dir, 'tiers.json')]);
    expect((JSON.parse(readFileSync(join(dir, 'tiers.json'), 'utf8')) as TierJson).accounts[0]!.name).toBe('=HACK()');
    await kam(['tier', src, '-o', join(dir, 'tiers.xlsx'), '--lang', 'zh']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'tiers.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['客户分级', '按等级汇总']);
    expect(wb.worksheets[0]!.getCell('C2').value).toBe('=HACK()');
    expect(wb.worksheets[0]!.getCell('E2').value).toBe('战略客户');
    const before = readFileSync(src);
    const same = await kam(['tier', src, '-o', src]);
    expect(same.code).toBe(2);
    expect(readFileSync(src).equals(before)).toBe(true);
    expect((await kam(['tier', src, '-o', join(dir, 'x.pdf')])).code).toBe(2);
    expect(existsSync(join(dir, 'x.pdf'))).toBe(false);
  });
});

describe('kam tier on other inputs', () => {
  it('reads a folder of CSV files and a GBK CSV with a Chinese title row', async () => {
    const folder = await tierJson([join(EXAMPLES, 'csv-en')]);
    const book = await tierJson([join(EXAMPLES, 'accounts-en.xlsx')]);
    expect(folder.accounts.map((a) => [a.name, a.score])).toEqual(book.accounts.map((a) => [a.name, expect.closeTo(a.score, 9)]));
    const dir = tempDir();
    const gbk = join(dir, '客户.csv');
    writeFileSync(gbk, iconv.encode('2025年大客户名单,,\r\n客户名称,年采购额(万元),战略重要性\r\n甲公司,"1,200",5\r\n乙公司,300,3\r\n合计,"1,500",\r\n', 'gbk'));
    const out = await tierJson([gbk]);
    expect(out.accounts.map((a) => a.name)).toEqual(['甲公司', '乙公司']);
    expect(out.summary.reduce((s, x) => s + x.revenue, 0)).toBe(15000000);
  });
});

describe('books with only per-period revenue (issue 9)', () => {
  it('takes the latest period as the annual revenue, says so once, and sums it by tier', async () => {
    const dir = tempDir();
    const rows = [
      ['客户名称', '2023年采购额(万元)', '2024年采购额(万元)', '2025年采购额(万元)', '合作年限'],
      ['华东精密', 100, 120, 150, 5],
      ['北方重工', 200, 180, 90, 10],
      ['南方电网', 50, 60, 70, 2],
    ];
    const xlsx = await writeBook(join(dir, 'periods.xlsx'), [{ name: '客户', rows }]);
    const csv = join(dir, 'periods.csv');
    writeFileSync(csv, rows.map((r) => r.join(',')).join('\n'));
    for (const path of [xlsx, csv]) {
      const r = await kam(['tier', path, '--format', 'json', '--as-of', '2025-11-15']);
      expect(r.code).toBe(0);
      expect(r.stderr.match(/the latest period, "2025年采购额\(万元\)", is taken as the annual revenue/g)).toHaveLength(1);
      const json = JSON.parse(r.stdout) as { accounts: { name: string; contributions: Record<string, number> }[]; summary: { tier: string; revenue: number }[] };
      // The 35% revenue criterion is kept (re-normalised with years to 70%): the top account's share is all of it.
      expect(json.accounts.map((a) => [a.name, a.contributions.annual_revenue])).toEqual([
        ['华东精密', 70],
        ['北方重工', 17.5],
        ['南方电网', 0],
      ]);
      expect(json.summary.map((s) => [s.tier, s.revenue])).toEqual([
        ['strategic', 1_500_000],
        ['important', 900_000],
        ['normal', 700_000],
      ]);
    }
  });
});

describe('hidden sheets (issue 9)', () => {
  const book = async (path: string, sheets: { name: string; hidden: boolean; names: string[] }[]): Promise<string> => {
    const wb = new ExcelJS.Workbook();
    for (const s of sheets) {
      const ws = wb.addWorksheet(s.name, { state: s.hidden ? 'hidden' : 'visible' });
      ws.addRow(['客户名称', '年采购额']);
      s.names.forEach((n, i) => ws.addRow([n, 100 - i]));
    }
    await wb.xlsx.writeFile(path);
    return path;
  };

  it('a visible sheet wins over a hidden stale copy (said with --verbose); a hidden only match is read with a warning', async () => {
    const dir = tempDir();
    const both = await book(join(dir, 'both.xlsx'), [
      { name: '客户信息', hidden: true, names: ['旧客户甲', '旧客户乙'] },
      { name: '客户', hidden: false, names: ['华东精密', '北方重工', '南方电网'] },
    ]);
    const r = await kam(['tier', both, '--format', 'json', '--verbose', '--lang', 'zh']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { accounts: { name: string }[] }).accounts.map((a) => a.name)).toEqual(['华东精密', '北方重工', '南方电网']);
    expect(r.stderr).toContain('kam: 工作表「客户信息」已隐藏：读取可见的「客户」作为 客户 工作表');
    // The hidden sheet has the role's name, the visible copy only Excel's name for a copy: the visible one is current.
    const copy = await book(join(dir, 'copy.xlsx'), [
      { name: '客户信息', hidden: true, names: ['已流失客户'] },
      { name: '客户信息 (2)', hidden: false, names: ['华东精密', '北方重工'] },
    ]);
    const c = await kam(['tier', copy, '--format', 'json', '--verbose']);
    expect((JSON.parse(c.stdout) as { accounts: { name: string }[] }).accounts.map((a) => a.name)).toEqual(['华东精密', '北方重工']);
    expect(c.stderr).toContain('kam: sheet "客户信息" is hidden: the visible "客户信息 (2)" is read as the Accounts sheet');
    const onlyHidden = await book(join(dir, 'hidden.xlsx'), [{ name: 'Data', hidden: false, names: [] }, { name: '客户', hidden: true, names: ['华东精密'] }]);
    const h = await kam(['tier', onlyHidden, '--format', 'json']);
    expect(h.code).toBe(0);
    expect(h.stderr).toContain('kam: the Accounts sheet "客户" is hidden in the workbook: it is read, but check that it is not a stale copy');
  });
});

describe('scoring columns without one readable value (issue 9)', () => {
  it('tier says so (formulas never calculated), exit 2; check still reports every cell', async () => {
    const cell = (ref: string, v: string) => `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
    const path = writeRawXlsx(join(tempDir(), 'formulas.xlsx'), [
      {
        name: '客户信息',
        data: `<row r="1">${cell('A1', '客户名称')}${cell('B1', '年采购额（万元）')}</row><row r="2">${cell('A2', '华东精密')}<c r="B2"><f>1850*1</f></c></row><row r="3">${cell('A3', '北方重工')}<c r="B3"><f>1320*1</f></c></row>`,
      },
    ]);
    const t = await kam(['tier', path]);
    expect(t.code).toBe(2);
    expect(t.stderr).toBe(`kam: ${path}: 客户信息: no value in column "年采购额（万元）" can be read, so the accounts cannot be scored by it (the first is 客户信息!B2; a formula has a result only once the file is opened and saved in Excel): fix the cells — kam check lists each\n`);
    const c = await kam(['check', path, '--format', 'json']);
    expect((JSON.parse(c.stdout) as { findings: { rule: string; cell: string }[] }).findings.filter((f) => f.rule === 'schema/invalid-value').map((f) => f.cell)).toEqual(['客户信息!B2', '客户信息!B3']);
  });

  it('other criteria left do not hide it: exit 2 naming its first cell, and --write writes nothing (found by a new user: the tiers of the other four were stored)', async () => {
    const cell = (ref: string, v: string) => `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
    const path = writeRawXlsx(join(tempDir(), 'formulas.xlsx'), [
      {
        name: '客户信息',
        data: `<row r="1">${cell('A1', '客户名称')}${cell('B1', '年采购额（万元）')}${cell('C1', '满意度')}</row><row r="2">${cell('A2', '华东精密')}<c r="B2"><f>1850*1</f></c><c r="C2"><v>90</v></c></row><row r="3">${cell('A3', '北方重工')}${cell('B3', '待确认')}<c r="C3"><v>70</v></c></row>`,
      },
    ]);
    const before = readFileSync(path);
    const t = await kam(['tier', path, '--write', '--lang', 'en']);
    expect(t.code).toBe(2);
    expect(t.stderr).toContain('no value in column "年采购额（万元）" can be read, so the accounts cannot be scored by it (the first is 客户信息!B2;');
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(existsSync(`${path}.bak`)).toBe(false);
    // An empty column is dropped, as said.
    const empty = writeRawXlsx(join(tempDir(), 'empty.xlsx'), [
      {
        name: '客户信息',
        data: `<row r="1">${cell('A1', '客户名称')}${cell('B1', '年采购额（万元）')}${cell('C1', '满意度')}</row><row r="2">${cell('A2', '华东精密')}<c r="C2"><v>90</v></c></row><row r="3">${cell('A3', '北方重工')}<c r="C3"><v>70</v></c></row>`,
      },
    ]);
    const e = await kam(['tier', empty, '--lang', 'en']);
    expect(e.code).toBe(0);
    expect(e.stderr).toContain('criterion "annual_revenue" has no values in 客户信息: dropped, the other weights re-normalised');
  });
});
