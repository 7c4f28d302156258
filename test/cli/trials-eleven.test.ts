// What the eleventh session's trials found, each a test that fails without its fix.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, writeBook } from '../helpers/books.js';
import { kam } from '../helpers/cli.js';

const asOf = ['--as-of', '2025-11-15'];

describe('a Staff department cell that lists several (销售部/客服部)', () => {
  const book = (departments: string[]) =>
    writeBook(join(tempDir(), 'several.xlsx'), [
      { name: '客户', rows: [['客户名称', '年采购额'], ['甲公司', 100]] },
      { name: '人员', rows: [['姓名', '部门'], ...departments.map((d, i) => [`人员${i + 1}`, d])] },
      { name: '分工', rows: [['客户名称', '工作内容', '负责人', '角色'], ['甲公司', '日常跟进', '人员1', 'R'], ['甲公司', '日常跟进', '人员2', 'A']] },
    ]);

  it('is read as one department as written, and stderr says so once, naming the cell', async () => {
    const r = await kam(['load', await book(['销售部/客服部', '客服部']), '--lang', 'en', ...asOf]);
    expect(r.code).toBe(0);
    const lines = r.stderr.split('\n').filter((l) => l.includes('is read as one department'));
    expect(lines).toEqual([`kam: 人员!B2: 人员1's department "销售部/客服部" is read as one department of that name (a department check compares it as written); if it names more than one, write the one whose work this person does, and let the others hold work by rows of their own`]);
  });

  it('several such cells: one line with how many more; plain departments: none', async () => {
    const r = await kam(['load', await book(['销售部、客服部', 'Sales, Support', '客服部']), '--lang', 'en', ...asOf]);
    expect(r.stderr).toContain(`人员!B2: 人员1's department "销售部、客服部" is read as one department of that name, and so are 1 more people's`);
    expect(r.stderr.match(/read as one department/g)).toHaveLength(1);
    const plain = await kam(['load', await book(['销售部', '客服部']), '--lang', 'en', ...asOf]);
    expect(plain.stderr).not.toContain('read as one department');
    const quiet = await kam(['load', await book(['销售部/客服部', '客服部']), '-q', ...asOf]);
    expect(quiet.stderr).toBe('');
  });
});
