// kam load end to end on the Chinese example: hours to the cent, the suggested moves, --apply.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBook } from '../../src/io/open.js';
import { eachRow } from '../../src/io/source.js';
import { tempDir, writeBook } from '../helpers/books.js';
import { EXAMPLES, kam } from '../helpers/cli.js';

const zh = join(EXAMPLES, 'accounts-zh.xlsx');
const asOf = ['--as-of', '2025-11-15'];

interface LoadJson {
  asOf: string;
  people: { name: string; role: string | null; department: string | null; hours: number; capacity: number; utilization: number | null; status: string; accounts: number; accountable: number }[];
  suggestions: { account: string; task: string; from: string; to: string; hours: number }[];
}

const loadJson = async (args: string[]): Promise<LoadJson> => {
  const r = await kam(['load', zh, '--format', 'json', ...asOf, ...args]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as LoadJson;
};

describe('kam load on the Chinese example', () => {
  it("gives 张伟's weekly hours by SPEC §6, to the cent", async () => {
    const out = await loadJson([]);
    const zhang = out.people.find((p) => p.name === '张伟')!;
    // Four strategic accounts: weekly follow-up R 8 h; technical support A (monthly 6 h × 0.2); quarterly review R 8 h.
    const strategic = 8 + (6 * 12) / 52 * 0.2 + (8 * 4) / 52;
    // One ordinary (monthly follow-up 3 h), two important (biweekly 4 h, support A), and a one-off
    // contract negotiation of 10 h due 2025-12-20: 35 days, 5 weeks.
    const expected = 4 * strategic + (3 * 12) / 52 + 2 * (2 + (6 * 12) / 52 * 0.2) + 10 / 5;
    expect(zhang.hours).toBeCloseTo(expected, 10);
    expect(zhang.hours.toFixed(2)).toBe('42.82');
    expect(zhang).toMatchObject({ role: '客户经理', department: '销售部', capacity: 40, status: 'over', accounts: 7, accountable: 6 });
    expect(zhang.utilization).toBeCloseTo(expected / 40, 10);
    expect(out.people.find((p) => p.name === '郑浩')).toMatchObject({ status: 'inactive' });
    expect(out.people.find((p) => p.name === '王小明')).toMatchObject({ status: 'unknown', role: null });
    expect(out.people.find((p) => p.name === '吴婷')).toMatchObject({ capacity: 20 });
    expect(out.suggestions).toEqual([]);
  });

  it('suggests moves that fix the over-capacity person without pushing anyone above target', async () => {
    const out = await loadJson(['--suggest']);
    expect(out.suggestions.length).toBeGreaterThan(0);
    expect(out.suggestions.every((s) => s.from === '张伟')).toBe(true);
    expect(out.suggestions[0]).toEqual({ account: '长江水务集团', task: '日常跟进', from: '张伟', to: '李娜', hours: (3 * 12) / 52 });
    const hours = new Map(out.people.map((p) => [p.name, p.hours]));
    for (const s of out.suggestions) {
      hours.set(s.from, hours.get(s.from)! - s.hours);
      hours.set(s.to, hours.get(s.to)! + s.hours);
    }
    const capacity = new Map(out.people.map((p) => [p.name, p.capacity]));
    expect(hours.get('张伟')! / 40).toBeLessThanOrEqual(0.85);
    for (const s of out.suggestions) expect(hours.get(s.to)! / capacity.get(s.to)!).toBeLessThanOrEqual(0.85 + 1e-9);
    const roles = new Map(out.people.map((p) => [p.name, p.role]));
    for (const s of out.suggestions) expect(roles.get(s.to)).toBe('客户经理');
    expect(out.suggestions.find((s) => s.account === '华东精密制造有限公司' && s.task === '季度业务回顾')).toBeUndefined(); // locked
  });

  it('reads at a glance: bars, statuses in words, fairness, totals, moves', async () => {
    const r = await kam(['load', zh, ...asOf, '--suggest', '--lang', 'zh']);
    expect(r.stdout).toMatch(/张伟\s+客户经理\s+销售部\s+42\.82\s+40\s+█+[▏▎▍▌▋▊▉]?\s+107% 超载\s+7\/8\s+6/);
    expect(r.stdout).toContain('另列：不在职或不在人员表的人');
    expect(r.stdout).toContain('按岗位的公平性');
    expect(r.stdout).toMatch(/团队合计：12 人/);
    expect(r.stdout).toMatch(/1\. 长江水务集团 · 日常跟进（普通客户，0\.69 小时\/周，第 \d+ 行）\n\s+张伟 107% → 105%\s+李娜 14% → 16%/);
  });

  it('filters by role and department', async () => {
    expect((await loadJson(['--role', '客户经理'])).people.map((p) => p.name)).toEqual(['张伟', '王芳', '陈静', '刘洋', '李娜']);
    // 王小明 is not on the Staff sheet: his row's 负责部门 (技术部) is his department.
    expect((await loadJson(['--department', '技术部'])).people.map((p) => p.name)).toEqual(['周杰', '徐明', '王小明']);
    // A role or department the book does not have is refused rather than shown as nobody (found by a new user).
    const role = await kam(['load', zh, ...asOf, '--role', '外星人', '--lang', 'en']);
    expect(role.code).toBe(2);
    expect(role.stderr).toBe('kam: no role "外星人" in the Staff sheet: give it as written there\n');
    const dept = await kam(['load', zh, ...asOf, '--department', '财务部', '--lang', 'zh']);
    expect(dept.code).toBe(2);
    expect(dept.stderr).toBe('kam: 工作簿中没有部门「财务部」：请按人员表或分工表中的写法填写\n');
  });

  it('writes the rebalanced book with --apply: only the moved assignments change', async () => {
    const dir = tempDir();
    const out = join(dir, 'rebalanced.xlsx');
    const before = readFileSync(zh);
    const r = await kam(['load', zh, ...asOf, '--apply', '-o', out, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(zh).equals(before)).toBe(true);
    const moves = (JSON.parse(r.stdout) as LoadJson).suggestions;
    const cells = async (path: string) => {
      const book = await openBook(path);
      const all = new Map<string, string>();
      for (const sheet of book.sheets) for await (const row of eachRow(sheet)) row.cells.forEach((c, i) => c && all.set(`${sheet.name}!${i}:${row.row}`, String(c.v)));
      return all;
    };
    const a = await cells(zh);
    const b = await cells(out);
    const changed = [...b].filter(([k, v]) => a.get(k) !== v);
    expect(changed).toHaveLength(moves.length);
    expect(changed.every(([k]) => k.startsWith('分工明细!2:'))).toBe(true);
    expect(changed.map(([, v]) => v).sort()).toEqual(moves.map((m) => m.to).sort());
    expect([...a.keys()].filter((k) => !b.has(k))).toEqual([]);
    // Every other part of the file is byte for byte what it was.
    const { ZipArchive } = await import('../../src/io/xlsx/zip.js');
    const [za, zb] = await Promise.all([ZipArchive.open(zh), ZipArchive.open(out)]);
    expect([...zb.entries.keys()]).toEqual([...za.entries.keys()]);
    const differing: string[] = [];
    for (const [name, e] of za.entries) if (!(await za.read(e)).equals(await zb.read(zb.find(name)!))) differing.push(name);
    expect(differing).toEqual(['xl/worksheets/sheet3.xml']);
    const after = await kam(['load', out, '--format', 'json', ...asOf]);
    const zhang = (JSON.parse(after.stdout) as LoadJson).people.find((p) => p.name === '张伟')!;
    expect(zhang.utilization).toBeLessThanOrEqual(0.85);
  });

  it('refuses to apply without -o, over the input, or to a CSV book', async () => {
    expect((await kam(['load', zh, '--apply'])).code).toBe(2);
    expect((await kam(['load', zh, '--apply', '-o', zh])).code).toBe(2);
    expect((await kam(['load', join(EXAMPLES, 'csv-en'), '--apply', '-o', join(tempDir(), 'x.xlsx')])).code).toBe(2);
  });
});

describe('kam load exit codes (SPEC §3: as every command)', () => {
  it('exits 1 when a finding reaches --fail-on: over capacity is a warning', async () => {
    expect((await kam(['load', zh, '--format', 'json', ...asOf])).code).toBe(0);
    const warn = await kam(['load', zh, '--format', 'json', '--fail-on', 'warn', ...asOf]);
    expect(warn.code).toBe(1);
    // The over-capacity finding is the person's status in the report, not a line on stderr.
    expect(warn.stderr).toBe('');
    expect((await kam(['load', zh, '--format', 'json', '--max-warnings', '0', ...asOf])).code).toBe(1);
    expect((await kam(['load', zh, '--format', 'json', '--fail-on', 'warn', '-c', join(EXAMPLES, 'kam.config.json'), ...asOf])).code).toBe(1);
  });

  it('reports unreadable hours on stderr with their cell, and exits 1 (an error)', async () => {
    const dir = tempDir();
    const path = await writeBook(join(dir, 'book.xlsx'), [
      { name: 'Staff', rows: [['Name', 'Role'], ['Ann', 'AM'], ['Bo', 'AM']] },
      { name: 'Assignments', rows: [['Account', 'Task', 'Person', 'RACI', 'Frequency', 'Hours'], ['X', 'Follow-up', 'Ann', 'R', 'weekly', 'lots'], ['X', 'Follow-up', 'Bo', 'A', 'weekly', 2]] },
    ]);
    const r = await kam(['load', path, '--format', 'json', ...asOf]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('kam: error: Assignments!F2: "lots" in column Hours cannot be read: expected hours per occurrence (e.g. 2, 1.5h, 0.5小时, 30分钟, 90min, 1天, 半天)');
    expect(r.stderr).toContain('(schema/invalid-value)');
    // The rule's level is the config's: turned down to a warning it no longer fails the run.
    writeFileSync(join(dir, 'kam.config.json'), JSON.stringify({ rules: { 'schema/invalid-value': 'warn' } }));
    expect((await kam(['load', path, '--format', 'json', ...asOf])).code).toBe(0);
  });
});


describe('kam load --suggest and 客户上限 (found by a new user)', () => {
  it('hands no account to someone at their account limit, and says why the person stays over', async () => {
    const dir = tempDir('kam-limit-');
    writeFileSync(join(dir, 'accounts.csv'), '客户名称,客户经理,年采购额\n甲公司,张伟,100\n乙公司,王芳,200\n丙公司,王芳,300\n');
    writeFileSync(join(dir, 'staff.csv'), '姓名,岗位,每周可用工时,客户上限\n张伟,客户经理,40,1\n王芳,客户经理,40,5\n赵敏,销售经理,40,\n');
    writeFileSync(join(dir, 'assignments.csv'), '客户名称,工作内容,负责人,RACI,频率,预计工时\n甲公司,日常跟进,张伟,R,每周,2\n甲公司,日常跟进,赵敏,A,每周,1\n乙公司,日常跟进,王芳,R,每周,36\n乙公司,日常跟进,赵敏,A,每周,1\n丙公司,投诉处理,王芳,R,每周,8\n丙公司,投诉处理,赵敏,A,每周,1\n');
    const json = JSON.parse((await kam(['load', dir, '--suggest', '--format', 'json', '--as-of', '2025-11-15'])).stdout) as { suggestions?: { moves: unknown[] } } & Record<string, unknown>;
    expect(JSON.stringify(json)).not.toContain('"to": "张伟"');
    const text = await kam(['load', dir, '--suggest', '--as-of', '2025-11-15', '--lang', 'en', '--wide']);
    expect(text.stdout).toContain('王芳 stays over (110%): the colleagues with room would go past their account limit (客户上限)');
    // With room under the limit, the same move is made.
    writeFileSync(join(dir, 'staff.csv'), '姓名,岗位,每周可用工时,客户上限\n张伟,客户经理,40,2\n王芳,客户经理,40,5\n赵敏,销售经理,40,\n');
    const moved = await kam(['load', dir, '--suggest', '--as-of', '2025-11-15', '--lang', 'en', '--wide']);
    expect(moved.stdout).toMatch(/1\. 丙公司 · 投诉处理 \(Strategic, 8\.00 h\/week, row 6\)\n\s+王芳 110% → 90%\s+张伟 5% → 25%/);
    // The only colleague with room already holds a letter on the work: said so, not "no room".
    const held = tempDir('kam-held-');
    writeFileSync(join(held, 'staff.csv'), '姓名,岗位,每周可用工时\n王芳,客户经理,40\n张伟,客户经理,40\n');
    writeFileSync(join(held, 'assignments.csv'), '客户名称,工作内容,负责人,RACI,频率,预计工时\n乙公司,日常跟进,王芳,R,每周,40\n丙公司,投诉处理,王芳,R,每周,4\n丙公司,投诉处理,张伟,A,每周,1\n');
    const h = await kam(['load', held, '--suggest', '--as-of', '2025-11-15', '--lang', 'en', '--wide']);
    expect(h.stdout).toContain('王芳 stays over (110%): the colleagues with room already hold a letter on that work (one person, one letter)');
    // Written into the CSV itself: said as a CSV's write (it named a sheet "of" the file and zip parts).
    const w = await kam(['load', dir, '--suggest', '--apply', '--write', '--as-of', '2025-11-15', '--lang', 'en']);
    expect(w.stderr).toContain(`kam: wrote the moves into ${join(dir, 'assignments.csv')} (1 moved, 1 fields changed); backup: ${join(dir, 'assignments.csv')}.bak`);
  });

  it('--apply --write into a CSV writes a name guarded, and kam reads it back as the same person (found by a new user)', async () => {
    const dir = tempDir('kam-eq-');
    writeFileSync(join(dir, 'staff.csv'), '姓名,岗位,每周可用工时\n=王芳,客户经理,40\n@张伟,客户经理,40\n');
    writeFileSync(join(dir, 'assignments.csv'), '客户名称,工作内容,负责人,RACI,频率,预计工时\n乙公司,日常跟进,=王芳,R,每周,40\n丙公司,投诉处理,=王芳,R,每周,8\n丙公司,投诉处理,=王芳,A,每周,1\n');
    const before = await kam(['check', dir, '--format', 'json', '--as-of', '2025-11-15']);
    const w = await kam(['load', dir, '--suggest', '--apply', '--write', '--as-of', '2025-11-15', '--lang', 'en']);
    expect(w.stderr).toContain('1 moved');
    expect(readFileSync(join(dir, 'assignments.csv'), 'utf8')).toContain("丙公司,投诉处理,'@张伟,R,每周,8");
    // The person it names is the staff's: no finding of an unknown person came of the move.
    const after = await kam(['check', dir, '--format', 'json', '--as-of', '2025-11-15']);
    const unknown = (stdout: string) => (JSON.parse(stdout) as { findings: { rule: string }[] }).findings.filter((f) => f.rule === 'ref/unknown-person');
    expect(unknown(after.stdout)).toEqual(unknown(before.stdout));
  });
});
