// What the seventeenth session found (its own list of leftovers, new-user trials and reviews), each a test that fails
// without its fix.
import { describe, expect, it } from 'vitest';
import { csvFolder } from '../helpers/books.js';
import { kam } from '../helpers/cli.js';

const asOf = ['--as-of', '2025-11-15'];

describe('the seventeenth session', () => {
  it('kam diff shows a removed responsibility at its row in the old version (text, Markdown); JSON gives both cells', async () => {
    const book = (rows: string) => csvFolder({ 'accounts.csv': '客户名称,年采购额\n甲,100\n乙,200\n', 'staff.csv': '姓名,部门\n张三,销售部\n李四,销售部\n', 'assignments.csv': `客户名称,工作内容,负责人,角色\n${rows}` });
    const old = book('乙,业务回顾,张三,A/R\n甲,日常跟进,张三,R\n甲,日常跟进,李四,A\n');
    const now = book('甲,日常跟进,张三,R\n乙,业务回顾,张三,A/R\n');
    const text = (await kam(['diff', old, now, '--lang', 'en', ...asOf])).stdout;
    expect(text).toMatch(/− 日常跟进: A 李四 removed — the task has no accountable person \(A\) now\s+assignments\.csv!C4\n/);
    const md = (await kam(['diff', old, now, '--format', 'markdown', '--lang', 'en', ...asOf])).stdout;
    expect(md).toContain('A 李四 removed — the task has no accountable person (A) now** · `assignments.csv!C4`');
    const json = JSON.parse((await kam(['diff', old, now, '--format', 'json', '--lang', 'en', ...asOf])).stdout) as { changes: { kind: string; oldCell?: string; newCell?: string }[] };
    expect(json.changes.filter((c) => c.kind === 'responsibility-removed').map((c) => [c.oldCell, c.newCell])).toEqual([['assignments.csv!C4', 'assignments.csv!C2']]);
  });
});
