// The tier renderers (report/tier/*) on a result built in code: JSON in the shape of SPEC §8b,
// terminal text (plain, coloured, Chinese, --limit, --explain), markdown, CSV and the XLSX sheets.
import { describe, expect, it } from 'vitest';
import { isStyled } from '../../src/model/styled-sheet.js';
import { reportContext } from '../../src/report/context.js';
import { render, renderSheets, renderText } from '../../src/report/index.js';
import { scoreAccounts } from '../../src/scoring/score.js';
import { accountsTable, AS_OF, config } from '../helpers/rows.js';
import { lines, mdCells, parseJson, pieces, plain, TIER_COLUMNS, tierSample } from './samples.js';

const en = reportContext('en', false);
const zh = reportContext('zh', false);
const report = tierSample();
// The default weights of annual_revenue and contract_value, normalised over the two kept.
const wRevenue = 0.35 / 0.55;
const wContract = 0.2 / 0.55;

describe('tier json', () => {
  it('has the §8b fields, in rank order, with unrounded numbers', () => {
    const value = parseJson(render('tier', report, 'json', en)) as { method: string; accounts: Record<string, unknown>[]; summary: Record<string, unknown>[] };
    expect(Object.keys(value)).toEqual(['method', 'accounts', 'summary']);
    for (const a of value.accounts) expect(Object.keys(a)).toEqual(['rank', 'id', 'name', 'score', 'tier', 'recordedTier', 'pinned', 'trend', 'contributions']);
    for (const s of value.summary) expect(Object.keys(s)).toEqual(['tier', 'count', 'revenue', 'revenueShare']);
    const near = (n: number) => expect.closeTo(n, 10);
    expect(value).toEqual({
      method: 'weighted',
      accounts: [
        {
          rank: 1,
          id: 'A1',
          name: 'Apex',
          score: near(100 * (wRevenue + wContract * 0.5)),
          tier: 'strategic',
          recordedTier: 'strategic',
          pinned: false,
          trend: near(0.1),
          contributions: { annual_revenue: near(100 * wRevenue), contract_value: near(100 * wContract * 0.5) },
        },
        {
          rank: 2,
          id: 'A2',
          name: 'Bolt',
          score: near(100 * (wRevenue * (2 / 3) + wContract)),
          tier: 'important',
          recordedTier: null, // "Gold" is no tier
          pinned: false,
          trend: near(-0.2),
          contributions: { annual_revenue: near(100 * wRevenue * (2 / 3)), contract_value: near(100 * wContract) },
        },
        {
          rank: 3,
          id: 'A3',
          name: 'Cove | Pipe',
          score: near(100 * wRevenue * (1 / 3)),
          tier: 'strategic',
          recordedTier: null,
          pinned: true,
          trend: null,
          contributions: { annual_revenue: near(100 * wRevenue * (1 / 3)), contract_value: 0 },
        },
        {
          rank: 4,
          id: 'A4',
          name: '=Evil',
          score: 0,
          tier: 'normal',
          recordedTier: 'normal',
          pinned: false,
          trend: 0,
          contributions: { annual_revenue: 0, contract_value: 0 },
        },
      ],
      summary: [
        { tier: 'strategic', count: 2, revenue: 400, revenueShare: near(2 / 3) },
        { tier: 'important', count: 1, revenue: 200, revenueShare: near(1 / 3) },
        { tier: 'normal', count: 1, revenue: 0, revenueShare: 0 },
      ],
    });
    // Exactly the computed numbers, not the one decimal of the text.
    value.accounts.forEach((a, i) => expect(a.score).toBe(report.accounts[i]!.score));
    expect(value.accounts[0]!.score).not.toBe(81.8);
  });

  it('is streamed account by account, and is the same in every language', () => {
    // Rendered lazily, in blocks of about 64 KiB: never the whole text of many accounts in one string.
    const many = { ...report, accounts: Array.from({ length: 2000 }, (_v, i) => report.accounts[i % report.accounts.length]!) };
    const out = render('tier', many, 'json', en);
    expect(typeof out).not.toBe('string');
    const blocks = pieces(out);
    expect(blocks.length).toBeGreaterThan(3);
    for (const b of blocks) expect(b.length).toBeLessThan(65536 + 2000);
    expect((parseJson(blocks.join('')) as { accounts: unknown[] }).accounts).toHaveLength(2000);
    expect(renderText('tier', report, 'json', zh)).toBe(renderText('tier', report, 'json', en));
  });

  it('writes id null without an id column, and an empty report as valid JSON', () => {
    const noId = TIER_COLUMNS.filter(([k]) => k !== 'id' && k !== 'tier' && k !== 'tier_override');
    const one = scoreAccounts(accountsTable([{ name: 'Solo', numbers: { annual_revenue: 5, contract_value: 1 } }], noId), config(), AS_OF, 'book.xlsx');
    const value = parseJson(render('tier', one, 'json', en)) as { accounts: Record<string, unknown>[] };
    expect(value.accounts[0]).toMatchObject({ rank: 1, id: null, name: 'Solo', recordedTier: null, pinned: false, trend: null });
    const empty = scoreAccounts(accountsTable([], TIER_COLUMNS), config(), AS_OF, 'book.xlsx');
    expect(parseJson(render('tier', empty, 'json', en))).toMatchObject({ method: 'weighted', accounts: [] });
  });
});

describe('tier text', () => {
  it('shows the header, one line per account, the summary by tier and the data problems', () => {
    expect(renderText('tier', report, 'text', en)).toMatchInlineSnapshot(`
      "Account tiers · book.xlsx › Accounts · 4 accounts · weighted (min-max)
      Annual Revenue 64% · Contract Value 36%
      Rank  Account      Score  Tier                Recorded   Move   Trend  Top factor
      ────  ───────────  ─────  ──────────────────  ─────────  ────  ──────  ───────────────────
         1  Apex          81.8  Strategic           Strategic  =     +10.0%  Annual Revenue 63.6
         2  Bolt          78.8  Important           Gold       new   −20.0%  Annual Revenue 42.4
         3  Cove | Pipe   21.2  Strategic (pinned)             new        —  Annual Revenue 21.2
         4  =Evil          0.0  Ordinary            Ordinary   =      ±0.0%  —

      By tier
      ┌───────────┬──────────┬─────────┬────────┐
      │ Tier      │ Accounts │ Revenue │  Share │
      ├───────────┼──────────┼─────────┼────────┤
      │ Strategic │        2 │     400 │  66.7% │
      │ Important │        1 │     200 │  33.3% │
      │ Ordinary  │        1 │       0 │   0.0% │
      │ Total     │        4 │     600 │ 100.0% │
      └───────────┴──────────┴─────────┴────────┘

      Data problems
        ✖ Accounts!G3  "Gold" in column Tier cannot be read: expected a tier name or an alias in "tiers"  schema/invalid-value
        ⚠ Accounts!D5  Contract Value is empty: scored as the worst value  data/missing-value
        1 error, 1 warning, 0 notes
      "
    `);
  });

  it('is coloured on request, and is the plain text without the colours', () => {
    const coloured = renderText('tier', report, 'text', reportContext('en', true));
    expect(coloured).toContain('\u001b[');
    expect(plain(coloured)).toBe(renderText('tier', report, 'text', en));
  });

  it('speaks Chinese', () => {
    const out = lines(renderText('tier', report, 'text', zh));
    expect(out[0]).toBe('客户分级 · book.xlsx › Accounts · 4 个客户 · 加权评分（极差归一）');
    expect(out[2]!.split(/\s+/)).toEqual(['排名', '客户名称', '得分', '等级', '原等级', '变动', '趋势', '主要因素']);
    expect(out[4]).toMatch(/^ {3}1 {2}Apex +81\.8 {2}战略客户 +战略客户 +=/);
    expect(out[5]).toMatch(/^ {3}2 {2}Bolt +78\.8 {2}重要客户 +Gold +新 +−20\.0%/);
    expect(out[6]).toMatch(/ 21\.2 {2}战略客户 \(锁定\)/);
    expect(out[7]).toMatch(/ 0\.0 {2}普通客户 +普通客户/);
    const text = out.join('\n');
    for (const word of ['按等级汇总', '年采购额', '│ 合计     │      4 │      600 │ 100.0% │', '数据问题', '1 个错误，1 个警告，0 条提示']) expect(text).toContain(word);
    expect(text).toContain('Tier 列的「Gold」无法识别');
  });

  it('shows only the first rows with --limit and says how many there are', () => {
    const out = lines(renderText('tier', report, 'text', reportContext('en', false, { limit: 2 })));
    const ruleAt = out.findIndex((l) => l.startsWith('────'));
    expect(out.slice(ruleAt + 1, ruleAt + 4)).toEqual([
      '   1  Apex      81.8  Strategic  Strategic  =     +10.0%  Annual Revenue 63.6',
      '   2  Bolt      78.8  Important  Gold       new   −20.0%  Annual Revenue 42.4',
      'showing the first 2 of 4 rows',
    ]);
    // The summary still counts every account.
    expect(out.join('\n')).toContain('│ Total     │        4 │     600 │ 100.0% │');
    const zhOut = renderText('tier', report, 'text', reportContext('zh', false, { limit: 1 }));
    expect(zhOut).toContain('仅显示前 1 行（共 4 行）');
    expect(renderText('tier', report, 'text', reportContext('en', false, { limit: 4 }))).not.toContain('showing the first');
  });

  it('lists at most 20 data problems and says how many more there are', () => {
    const table = accountsTable(
      // Contract value only on the first: the other 25 are missing.
      Array.from({ length: 26 }, (_v, i) => ({ name: `Acc ${i + 1}`, numbers: i === 0 ? { annual_revenue: i, contract_value: 1 } : { annual_revenue: i } })),
      TIER_COLUMNS,
    );
    const out = lines(renderText('tier', scoreAccounts(table, config(), AS_OF, 'book.xlsx'), 'text', en));
    const at = out.indexOf('Data problems');
    expect(out.slice(at + 1, at + 21).every((l) => l.includes('data/missing-value'))).toBe(true);
    expect(out.slice(at + 21)).toEqual(['  … 5 more: run kam check for all', '  0 errors, 25 warnings, 0 notes']);
  });

  it('--explain shows the breakdown of one account: its points add up to its score', () => {
    const apex = report.accounts[0]!;
    const text = renderText('tier', { ...report, explain: apex.index }, 'text', en);
    expect(text).toMatchInlineSnapshot(`
      "Score of Apex (A1)
      ┌────────────────┬───────────┬───────────┬────────────┬────────┬────────┐
      │ Criterion      │ Raw value │ Scored as │ Normalised │ Weight │ Points │
      ├────────────────┼───────────┼───────────┼────────────┼────────┼────────┤
      │ Annual Revenue │       300 │       300 │     1.0000 │  63.6% │   63.6 │
      │ Contract Value │        50 │        50 │     0.5000 │  36.4% │   18.2 │
      │ Total          │           │           │            │        │   81.8 │
      └────────────────┴───────────┴───────────┴────────────┴────────┴────────┘
      Tier: Strategic
      "
    `);
    const points = lines(text)
      .filter((l) => l.startsWith('│') && !/Criterion|Total/.test(l))
      .map((l) => Number(l.split('│').at(-2)!.trim()));
    expect(points).toEqual([63.6, 18.2]);
    expect(points[0]! + points[1]!).toBeCloseTo(81.8, 10);
    expect(apex.points.reduce((s, p) => s + p, 0)).toBeCloseTo(apex.score, 10);
  });

  it('--explain names a missing value, a pinned tier, and speaks Chinese', () => {
    const evil = report.accounts.find((a) => a.name === '=Evil')!;
    expect(renderText('tier', { ...report, explain: evil.index }, 'text', en)).toContain('missing, scored as worst');
    const cove = report.accounts.find((a) => a.name === 'Cove | Pipe')!;
    const text = renderText('tier', { ...report, explain: cove.index }, 'text', zh);
    expect(text).toContain('评分明细：Cove | Pipe (A3)');
    expect(text).toMatch(/│ 总分 +│.*│ 21\.2 │/);
    expect(text).toContain('等级：战略客户');
    expect(text).toContain('人工定级锁定，按得分应为 普通客户');
  });
});

describe('tier markdown', () => {
  it('is a table with a header row and a separator, the summary, and the data problems', () => {
    const out = lines(renderText('tier', report, 'markdown', en));
    expect(out.slice(0, 4)).toEqual([
      '## Account tiers: book.xlsx',
      '',
      '| Rank | Account | Score | Tier | Recorded | Move | Trend | Top factor |',
      '| ---: | --- | ---: | --- | --- | --- | ---: | --- |',
    ]);
    const rows = out.slice(4, 8).map(mdCells);
    expect(rows).toEqual([
      ['1', 'Apex', '81.8', 'Strategic', 'Strategic', '=', '+10.0%', 'Annual Revenue 63.6'],
      ['2', 'Bolt', '78.8', 'Important', 'Gold', 'new', '−20.0%', 'Annual Revenue 42.4'],
      ['3', 'Cove \\| Pipe', '21.2', 'Strategic (pinned)', '', 'new', '—', 'Annual Revenue 21.2'],
      ['4', '=Evil', '0.0', 'Ordinary', 'Ordinary', '=', '±0.0%', '—'],
    ]);
    expect(out.slice(8, 16)).toEqual([
      '',
      '### By tier',
      '',
      '| Tier | Accounts | Revenue | Share |',
      '| --- | ---: | ---: | ---: |',
      '| Strategic | 2 | 400 | 66.7% |',
      '| Important | 1 | 200 | 33.3% |',
      '| Ordinary | 1 | 0 | 0.0% |',
    ]);
    expect(out.slice(16, 19)).toEqual(['', '### Data problems', '']);
    expect(out.slice(21).map(mdCells)).toEqual([
      ['error', 'Accounts!G3', 'schema/invalid-value', '"Gold" in column Tier cannot be read: expected a tier name or an alias in "tiers"'],
      ['warn', 'Accounts!D5', 'data/missing-value', 'Contract Value is empty: scored as the worst value'],
    ]);
  });

  it('escapes | in the file name and in cells', () => {
    const text = renderText('tier', tierSample('q4 | final.xlsx'), 'markdown', en);
    expect(text.split('\n')[0]).toBe('## Account tiers: q4 \\| final.xlsx');
    expect(text).toContain('| 3 | Cove \\| Pipe | 21.2 |');
    expect(text).not.toContain('Cove | Pipe');
  });

  it('honours --limit', () => {
    const out = lines(renderText('tier', report, 'markdown', reportContext('en', false, { limit: 1 })));
    expect(out.slice(4, 7)).toEqual(['| 1 | Apex | 81.8 | Strategic | Strategic | = | +10.0% | Annual Revenue 63.6 |', '', '_showing the first 1 of 4 rows_']);
  });

  it('speaks Chinese', () => {
    const out = lines(renderText('tier', report, 'markdown', zh));
    expect(out[0]).toBe('## 客户分级: book.xlsx');
    expect(mdCells(out[2]!)).toEqual(['排名', '客户名称', '得分', '等级', '原等级', '变动', '趋势', '主要因素']);
    expect(mdCells(out[4]!)).toEqual(['1', 'Apex', '81.8', '战略客户', '战略客户', '=', '+10.0%', 'Annual Revenue 63.6']);
    expect(mdCells(out[6]!)[3]).toBe('战略客户 (锁定)');
    expect(out).toContain('### 按等级汇总');
    expect(out).toContain('| 战略客户 | 2 | 400 | 66.7% |');
  });
});

describe('tier csv', () => {
  it('is a header and one row per account, CRLF, no BOM on stdout, formula-like text neutralised', () => {
    const text = renderText('tier', report, 'csv', en);
    expect(text.startsWith('\ufeff')).toBe(false);
    expect(text.split('\r\n')).toEqual([
      'Rank,ID,Account,Score,Tier,Recorded,Move,Pinned,Trend,Annual Revenue (points),Contract Value (points)',
      `1,A1,Apex,${report.accounts[0]!.score},Strategic,Strategic,same,FALSE,0.1,${report.accounts[0]!.points[0]},${report.accounts[0]!.points[1]}`,
      `2,A2,Bolt,${report.accounts[1]!.score},Important,Gold,new,FALSE,-0.2,${report.accounts[1]!.points[0]},${report.accounts[1]!.points[1]}`,
      `3,A3,Cove | Pipe,${report.accounts[2]!.score},Strategic,,new,TRUE,,${report.accounts[2]!.points[0]},0`,
      // The movement is a word: an unchanged tier is `same`, not a bare `=` to neutralise.
      "4,A4,'=Evil,0,Ordinary,Ordinary,same,FALSE,0,0,0",
      '',
    ]);
    // Scores unrounded.
    expect(text).toContain(',81.81818181818');
  });

  it('leaves text as it is with raw', () => {
    const text = renderText('tier', report, 'csv', reportContext('en', false, { raw: true }));
    expect(text.split('\r\n')[4]).toBe('4,A4,=Evil,0,Ordinary,Ordinary,same,FALSE,0,0,0');
  });

  it('neutralises every formula start (full-width too), quotes commas and quotes, leaves numbers alone', () => {
    const names = ['+1 Corp', '-Minus', '@At', '＝SUM(A1)', 'Quote "Q", Inc'];
    const table = accountsTable(
      names.map((name, i) => ({ name, numbers: { annual_revenue: (i + 1) * 10, contract_value: 1 }, periods: [10, 5] })),
      TIER_COLUMNS,
    );
    const text = renderText('tier', scoreAccounts(table, config(), AS_OF, 'book.xlsx'), 'csv', en);
    const names2 = text
      .split('\r\n')
      .slice(1, -1)
      .map((l) => l.replace(/^\d+,,/, '').replace(/,[^"]*$/, ''));
    expect(names2.sort()).toEqual(["'+1 Corp", "'-Minus", "'@At", "'＝SUM(A1)", '"Quote ""Q"", Inc"'].sort());
    // A negative trend is a number, not text to neutralise.
    expect(text).toContain(',-0.5,');
    expect(text).not.toContain("'-0.5");
  });

  it('speaks Chinese in its header and tier names', () => {
    const [head, first] = renderText('tier', report, 'csv', zh).split('\r\n');
    expect(head).toBe('排名,客户编号,客户名称,得分,等级,原等级,变动,锁定,趋势,Annual Revenue（得分）,Contract Value（得分）');
    expect(first).toMatch(/^1,A1,Apex,[\d.]+,战略客户,战略客户,不变,FALSE,0\.1,/);
  });
});

describe('tier xlsx', () => {
  it('gives the ranked table and the summary as two sheets, numbers as numbers', () => {
    // Plain tables, streamed by the writer (a styled sheet would go through the in-memory one).
    const [table, summary] = renderSheets('tier', report, en).map((s) => (isStyled(s) ? expect.unreachable('a styled tier sheet') : s));
    expect(table!.name).toBe('Account tiers');
    expect(table!.header).toEqual(['Rank', 'ID', 'Account', 'Score', 'Tier', 'Recorded', 'Move', 'Pinned', 'Trend', 'Annual Revenue (points)', 'Contract Value (points)']);
    expect(table!.rows[3]).toEqual([4, 'A4', '=Evil', 0, 'Ordinary', 'Ordinary', 'same', false, 0, 0, 0]);
    expect(summary!.name).toBe('By tier');
    expect(summary!.rows).toEqual([
      ['Strategic', 2, 400, report.summary[0]!.revenueShare],
      ['Important', 1, 200, report.summary[1]!.revenueShare],
      ['Ordinary', 1, 0, 0],
    ]);
  });
});
