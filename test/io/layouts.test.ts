// The same book written by several tools in the shapes teams really keep (issue 9): a plain twin
// with one header row per sheet, and re-layouted twins with a title row, two header rows
// (采购额（万元） merged over 2024年 | 2025年, other headers merged down), section rows, a footnote and
// sign-off rows, names padded to align (王\u3000芳, 张 伟) and a hidden stale copy of the accounts sheet.
// Built by scripts/fixtures/layouts.py with openpyxl, xlsxwriter, pandas and LibreOffice, and as a
// CSV export. kam must give the same answers on each: same tiers, findings, gaps and load.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kam, ROOT } from '../helpers/cli.js';

const DIR = join(ROOT, 'test', 'fixtures', 'layouts');
const PLAIN = join(DIR, 'plain-openpyxl.xlsx');
const TWINS = ['twin-openpyxl.xlsx', 'twin-xlsxwriter.xlsx', 'twin-libreoffice.xlsx', 'twin-pandas.xlsx', 'twin-csv'];
const COMMANDS = [['tier'], ['check'], ['gaps'], ['load', '--suggest']];

/** A command's JSON answer without where it was found (cells, rows and sheets differ by layout). */
async function answer(cmd: string[], path: string): Promise<unknown> {
  const r = await kam([...cmd, path, '--format', 'json', '--as-of', '2025-11-15']);
  expect(r.stdout, r.stderr).not.toBe('');
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.entries(v)
          .filter(([k]) => !['cell', 'row', 'sheet', 'file', 'column', 'cells'].includes(k))
          .map(([k, x]) => [k, strip(x)]),
      );
    }
    return v;
  };
  return strip(JSON.parse(r.stdout));
}

describe('a book and its re-layouted twins, written by five tools', () => {
  it('the plain book reads as planted: 8 accounts, the periods in 万元, the two RACI errors', async () => {
    const tier = (await kam(['tier', PLAIN, '--format', 'json'])).stdout;
    const result = JSON.parse(tier) as { accounts: { name: string; tier: string }[]; summary: { tier: string; revenue: number }[] };
    expect(result.accounts.map((a) => a.name)).toEqual(['华东电网', '岭南医药', '申城地铁', '海湾通信', '江南银行', '珠江食品', '苏州精工', '深港物流']);
    expect(result.summary.map((s) => s.revenue)).toEqual([9_600_000, 13_300_000, 12_500_000]);
    const check = await kam(['check', PLAIN, '--format', 'json', '--as-of', '2025-11-15']);
    const rules = (JSON.parse(check.stdout) as { findings: { rule: string; cell?: string }[] }).findings.filter((f) => f.rule.startsWith('raci/'));
    expect(rules).toMatchObject([
      { rule: 'raci/no-accountable', cell: '分工!E14' },
      { rule: 'raci/multiple-accountable', cell: '分工!E23' },
    ]);
  });

  for (const twin of TWINS) {
    it(`${twin}: tier, check, gaps and load --suggest answer as on the plain book`, async () => {
      for (const cmd of COMMANDS) expect(await answer(cmd, join(DIR, twin)), cmd.join(' ')).toEqual(await answer(cmd, PLAIN));
    });
  }

  it('points at the cells of the twin: the sub-labelled 2025 column, the A column under the merged header rows', async () => {
    const check = await kam(['check', join(DIR, 'twin-xlsxwriter.xlsx'), '--format', 'json', '--as-of', '2025-11-15']);
    const findings = (JSON.parse(check.stdout) as { findings: { rule: string; cell?: string }[] }).findings;
    // 深港物流 is the third account under 二、华南区: row 11, its 2025 revenue in column G.
    expect(findings.find((f) => f.rule === 'account/declining-revenue')?.cell).toBe('客户!G11');
    expect(findings.find((f) => f.rule === 'raci/no-accountable')?.cell).toBe('分工!E15');
  });

  it('says in --verbose that the hidden stale copy was passed over for the visible sheet', async () => {
    const r = await kam(['tier', join(DIR, 'twin-openpyxl.xlsx'), '--verbose']);
    expect(r.stderr).toMatch(/sheet "Accounts" is hidden: the visible "客户" is read as the Accounts sheet/);
  });
});
