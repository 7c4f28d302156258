// kam init (issue 11): the template workbook and kam.config.json — read back through every command
// (the --example book passes kam check with no error), the drop-downs asserted from the XML (fed from
// the hidden lists sheet by bounded ranges), the config valid and pointing at the shipped schema,
// never a file replaced without --force, and the questions of --interactive scripted.
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { soffice } from '../helpers/soffice.js';
import { dirname, join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Prompter } from '../../src/cli/context.js';
import { eachRow } from '../../src/io/source.js';
import { openXlsx } from '../../src/io/xlsx/workbook.js';
import { ZipArchive } from '../../src/io/xlsx/zip.js';
import { parseFrequency, parseRaci, parseStatus } from '../../src/parse/codes.js';
import { parseBoolean } from '../../src/parse/values.js';
import { tempDir } from '../helpers/books.js';
import { EXAMPLES, kam } from '../helpers/cli.js';

async function part(file: string, name: string): Promise<string> {
  const zip = await ZipArchive.open(file);
  return (await zip.read(zip.find(name)!)).toString('utf8');
}

/** The sheet parts of a workbook by sheet name. */
async function sheetParts(file: string): Promise<Map<string, string>> {
  const book = await openXlsx(file);
  return new Map(book.sheets.map((s) => [s.name, s.part!]));
}

describe('kam init --example', () => {
  it.each([
    ['zh', '大客户管理分工表.xlsx', ['客户信息', '人员信息', '分工明细', '规则', '下拉选项']],
    ['en', 'key-accounts.xlsx', ['Accounts', 'Staff', 'Assignments', 'Rules', 'Lists']],
  ] as const)('%s: a book every command reads, kam check finds no error and no warning', async (lang, name, sheets) => {
    const dir = tempDir('kam-init-');
    const r = await kam(['init', '--example', '--lang', lang], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([name, 'kam.config.json'].sort());
    const book = join(dir, name);
    expect([...(await sheetParts(book)).keys()]).toEqual(sheets);
    const check = await kam(['check', book, '--format', 'json', '--as-of', '2025-11-15'], { cwd: dir });
    expect(check.code).toBe(0);
    const findings = (JSON.parse(check.stdout) as { findings: { rule: string; severity: string }[] }).findings;
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect((JSON.parse((await kam(['tier', book, '--format', 'json', '--as-of', '2025-11-15'], { cwd: dir })).stdout) as { accounts: unknown[] }).accounts).toHaveLength(6);
    for (const cmd of ['gaps', 'load', 'matrix']) expect((await kam([cmd, book, '--as-of', '2025-11-15'], { cwd: dir })).code, cmd).toBe(0);
  });
});

describe('the template workbook', () => {
  it('drop-downs from the hidden lists sheet over bounded ranges, whose choices kam reads as what they say', async () => {
    const dir = tempDir('kam-init-');
    await kam(['init', '--lang', 'zh'], { cwd: dir });
    const book = join(dir, '大客户管理分工表.xlsx');
    const parts = await sheetParts(book);
    expect(await part(book, 'xl/workbook.xml')).toMatch(/<sheet [^>]*name="下拉选项"[^>]*state="hidden"/);
    const validations = async (sheet: string) => [...(await part(book, parts.get(sheet)!)).matchAll(/<dataValidation [^>]*sqref="([^"]+)"[^>]*>\s*<formula1>([^<]+)<\/formula1>/g)].map((m) => [m[1], m[2]!.replace(/&apos;/g, "'")]);
    expect(await validations('客户信息')).toEqual([
      ['I3:I1002', "'下拉选项'!$F$2:$F$6"],
      ['K3:K1002', "'下拉选项'!$A$2:$A$4"],
      ['L3:L1002', "'下拉选项'!$A$2:$A$4"],
    ]);
    expect(await validations('人员信息')).toEqual([
      ['D3:D1002', "'下拉选项'!$G$2:$G$5"],
      ['H3:H1002', "'下拉选项'!$E$2:$E$3"],
    ]);
    expect(await validations('分工明细')).toEqual([
      ['E3:E1002', "'下拉选项'!$B$2:$B$6"],
      ['F3:F1002', "'下拉选项'!$C$2:$C$8"],
      ['I3:I1002', "'下拉选项'!$D$2:$D$6"],
      ['J3:J1002', "'下拉选项'!$E$2:$E$3"],
    ]);
    // The lists: every choice reads back as kam means it.
    const lists = new Map<number, string[]>();
    for await (const row of eachRow((await openXlsx(book)).sheets.find((s) => s.name === '下拉选项')!)) {
      if (row.row === 1) continue;
      row.cells.forEach((c, i) => c !== undefined && lists.set(i, [...(lists.get(i) ?? []), String(c.v)]));
    }
    expect(lists.get(0)).toEqual(['战略客户', '重要客户', '普通客户']);
    expect(lists.get(1)!.map((v) => parseRaci({ t: 's', v })?.ok)).toEqual([true, true, true, true, true]);
    expect(lists.get(2)!.map((v) => parseFrequency({ t: 's', v })?.ok)).toEqual(lists.get(2)!.map(() => true));
    expect(lists.get(3)!.map((v) => parseStatus({ t: 's', v })?.ok)).toEqual(lists.get(3)!.map(() => true));
    expect(lists.get(4)!.map((v) => parseBoolean({ t: 's', v }))).toEqual([{ ok: true, value: true }, { ok: true, value: false }]);
    expect(lists.get(6)).toEqual(['客户经理', '客服', '技术支持', '销售总监']);
    // Frozen header rows, a title row merged over the table, amounts in 万元 and dates formatted.
    const accounts = await part(book, parts.get('客户信息')!);
    expect(accounts).toMatch(/<pane [^>]*ySplit="2"[^>]*state="frozen"/);
    expect(accounts).toMatch(/<mergeCell ref="A1:P1"\/>/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    const ws = wb.getWorksheet('客户信息')!;
    expect([ws.getColumn(6).numFmt, ws.getColumn(7).numFmt, ws.getColumn(10).numFmt, ws.getColumn(13).numFmt]).toEqual(['#,##0.00', '#,##0.00', '0%', 'yyyy-mm-dd']);
    expect(wb.getWorksheet('下拉选项')!.state).toBe('hidden');
    // No whole-column range anywhere.
    for (const p of parts.values()) expect(await part(book, p)).not.toMatch(/sqref="[A-Z]+:[A-Z]+"|1048576/);
  });

  it('an empty template: kam finds every sheet and column (no missing sheet or column)', async () => {
    const dir = tempDir('kam-init-');
    await kam(['init', '--lang', 'en'], { cwd: dir });
    const r = await kam(['check', join(dir, 'key-accounts.xlsx'), '--format', 'json'], { cwd: dir });
    const rules = (JSON.parse(r.stdout) as { findings: { rule: string }[] }).findings.map((f) => f.rule);
    expect(rules.filter((rule) => rule.startsWith('schema/'))).toEqual([]);
  });
});

describe('the template in LibreOffice', () => {
  it('opens, and gives the example rows kam wrote', async () => {
    const dir = tempDir('kam-init-');
    await kam(['init', '--example', '--lang', 'zh'], { cwd: dir });
    mkdirSync(join(dir, 'csv'));
    soffice(dir, 'csv:Text - txt - csv (StarCalc):44,34,76,1', join(dir, 'csv'), [join(dir, '大客户管理分工表.xlsx')]);
    const rows = parse(readFileSync(join(dir, 'csv', '大客户管理分工表.csv'), 'utf8'), { relaxColumnCount: true }) as string[][];
    expect(rows[1]!.slice(0, 6)).toEqual(['客户编号', '客户名称', '行业', '区域', '客户经理', '年采购额（万元）']);
    expect(rows[2]!.slice(0, 5)).toEqual(['KA001', '华东精密制造有限公司', '制造业', '华东', '张伟']);
    expect(rows[2]![12]).toBe('2025-11-12');
  }, 240_000);
});

describe('kam.config.json', () => {
  it('every default, the flags applied, valid, its $schema the shipped schema', async () => {
    const dir = tempDir('kam-init-');
    const r = await kam(['init', 'book.xlsx', '--lang', 'zh', '--quota', 'strategic=15%,important=25%', '--weights', 'annual_revenue=0.5,years=0.05', '--cadence', 'strategic=14', '--ka-threshold', '100', '--ka-years', '5', '--roles', '大客户经理,客服'], { cwd: dir });
    expect(r.code).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, 'kam.config.json'), 'utf8')) as { $schema: string; lang: string; tiers: { top?: string }[]; scoring: { criteria: { column: string; weight: number }[] }; services: Record<string, { cadenceDays: number }>; promote: unknown[] };
    expect(existsSync(resolve(dir, json.$schema))).toBe(true);
    expect(readFileSync(resolve(dir, json.$schema), 'utf8')).toBe(readFileSync(join(dirname(resolve(dir, json.$schema)), 'kam.config.schema.json'), 'utf8'));
    expect(json.lang).toBe('zh');
    expect(json.tiers.map((t) => t.top)).toEqual(['15%', '25%', undefined]);
    expect(json.scoring.criteria.find((c) => c.column === 'annual_revenue')!.weight).toBe(0.5);
    // The weights as they will score are said: the criteria --weights leaves out keep their defaults (found by a new user).
    expect(r.stderr).toContain('评分指标及其实际权重：年采购额 48%、合同金额 19%、合作年限 5%、战略重要性 19%、满意度 10%');
    expect(json.services.strategic!.cadenceDays).toBe(14);
    expect(json.promote).toEqual([
      { column: 'annual_revenue', min: 1000000, tier: 'important' },
      { column: 'years', min: 5, tier: 'important' },
    ]);
    // Every command reads it: kam config prints the config in force.
    const config = await kam(['config', join(dir, 'book.xlsx')], { cwd: dir });
    expect(config.code).toBe(0);
    expect((JSON.parse(config.stdout) as { services: Record<string, { cadenceDays: number }> }).services.strategic!.cadenceDays).toBe(14);
    // A bad value is refused by the schema, nothing written.
    const bad = await kam(['init', 'other.xlsx', '--quota', 'strategic=lots', '--lang', 'en'], { cwd: tempDir('kam-init-') });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/tiers\[0\]\.top: expected a percentage such as "10%", got "lots"/);
  });
});

describe('kam init never replaces a file', () => {
  it('refuses an existing workbook or config unless --force; refuses while Excel has it open', async () => {
    const dir = tempDir('kam-init-');
    writeFileSync(join(dir, 'kam.config.json'), '{}');
    // With answers, the folder's config is not replaced.
    const r = await kam(['init', 'book.xlsx', '--lang', 'en', '--ka-years', '3'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/kam\.config\.json: the folder has its config already: kam init never replaces it; run kam init without answers to make a book to that config/);
    expect(readdirSync(dir)).toEqual(['kam.config.json']);
    expect(readFileSync(join(dir, 'kam.config.json'), 'utf8')).toBe('{}');
    writeFileSync(join(dir, '~$book.xlsx'), 'lock');
    expect((await kam(['init', 'book.xlsx', '--lang', 'en'], { cwd: dir })).code).toBe(2);
    expect(existsSync(join(dir, 'book.xlsx'))).toBe(false);
    expect((await kam(['init', 'book.xlsx', '--lang', 'en', '--force'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(join(dir, 'kam.config.json'), 'utf8')).not.toBe('{}');
  });

  it('a second book in a folder that has its config: made to that config, which is kept (found by a new user: refused)', async () => {
    const dir = tempDir('kam-init-');
    const config = { tiers: [{ id: 'gold', label: { zh: '金牌客户', en: 'Gold' }, top: '20%' }, { id: 'base', label: { zh: '普通客户', en: 'Base' } }] };
    writeFileSync(join(dir, 'kam.config.json'), JSON.stringify(config));
    const r = await kam(['init', 'second.xlsx', '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`kam: wrote ${join(dir, 'second.xlsx')}, made to the config beside it, ${join(dir, 'kam.config.json')}, which is kept as it was (--force writes a new one with the defaults)\n`);
    expect(JSON.parse(readFileSync(join(dir, 'kam.config.json'), 'utf8'))).toEqual(config);
    // Its tier drop-down (the Lists sheet's first column) offers the config's labels.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'second.xlsx'));
    const lists = wb.getWorksheet('Lists')!;
    expect([lists.getCell('A2').value, lists.getCell('A3').value]).toEqual(['Gold', 'Base']);
    // The same name again: refused, as any existing file.
    expect((await kam(['init', 'second.xlsx', '--lang', 'en'], { cwd: dir })).code).toBe(2);
  });

  it('writes both files or neither: a read-only config, or a folder where it goes, leaves the workbook as it was (found by a new user)', async () => {
    const dir = tempDir('kam-init-');
    expect((await kam(['init', 'book.xlsx', '--lang', 'en', '--example'], { cwd: dir })).code).toBe(0);
    const book = readFileSync(join(dir, 'book.xlsx'));
    chmodSync(join(dir, 'kam.config.json'), 0o444);
    // (The workbook was replaced by an empty template before the config was refused.)
    const r = await kam(['init', 'book.xlsx', '--lang', 'en', '--force'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`kam: ${join(dir, 'kam.config.json')}: the file is read-only: make it writable first (kam never replaces a file made read-only)\n`);
    expect(readFileSync(join(dir, 'book.xlsx')).equals(book)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['book.xlsx', 'kam.config.json']);
    const other = tempDir('kam-init-');
    mkdirSync(join(other, 'kam.config.json'));
    expect((await kam(['init', 'new.xlsx', '--lang', 'en', '--force'], { cwd: other })).code).toBe(2);
    // (A new workbook was left behind, and the next run refused it as existing.)
    expect(readdirSync(other)).toEqual(['kam.config.json']);
  });

  it('refuses a name that is not .xlsx, saying which name to give; nothing written (found by a new user: it wrote xlsx as t.csv)', async () => {
    const dir = tempDir('kam-init-');
    for (const [name, xlsx] of [['t.csv', 't.xlsx'], ['v.xls', 'v.xlsx'], ['noext', 'noext.xlsx']] as const) {
      const r = await kam(['init', name, '--lang', 'en'], { cwd: dir });
      expect(r.code, name).toBe(2);
      expect(r.stderr, name).toBe(`kam: kam init writes an .xlsx workbook (with its drop-downs), not ${name}: name it ${xlsx}; kam convert makes CSV files of it\n`);
    }
    expect(readdirSync(dir)).toEqual([]);
    expect((await kam(['init', 'Book.XLSX', '--lang', 'en'], { cwd: dir })).code).toBe(0);
  });

  it('into a folder that does not exist: exit 2 saying to create it, nothing written (found by a new user)', async () => {
    const dir = tempDir('kam-init-');
    const r = await kam(['init', join('sub', 'dir', 't.xlsx'), '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`kam: ${join(dir, 'sub', 'dir', 't.xlsx')}: the folder ${join(dir, 'sub', 'dir')} does not exist: create it first, or write the file elsewhere; nothing was changed\n`);
    expect(readdirSync(dir)).toEqual([]);
    const zh = await kam(['tier', join(EXAMPLES, 'accounts-zh.xlsx'), '-o', join(dir, 'nope', 't.csv'), '--lang', 'zh', '-q']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain(`文件夹 ${join(dir, 'nope')} 不存在：请先创建`);
  });
});

/** Answers in order; an answer its check refuses is recorded and the next one given. */
function script(answers: string[], refused: string[] = []): Prompter & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async input(q) {
      asked.push(q.message);
      for (;;) {
        const a = answers.shift();
        if (a === undefined) throw new Error(`no answer left for: ${q.message}`);
        const answer = a === '' ? (q.default ?? '') : a;
        const ok = q.validate ? q.validate(answer) : true;
        if (ok === true) return answer;
        refused.push(ok);
      }
    },
  };
}

describe('kam init --interactive', () => {
  it('asks what differs between companies, checks each answer, and writes what was answered', async () => {
    const dir = tempDir('kam-init-');
    const refused: string[] = [];
    // KA threshold, years, 2 quotas (the first answer refused), 5 weights, 3 cadences, roles.
    const prompt = script(['200', '3', 'many', '12%', '', '0.4', '', '', '', '', '21', '', '', '销售,客服'], refused);
    const r = await kam(['init', '--interactive', '--lang', 'zh', '--example'], { cwd: dir, prompt });
    expect(r.code).toBe(0);
    expect(prompt.asked).toHaveLength(13);
    expect(prompt.asked[0]).toBe('KA 门槛：年采购额达到多少万元的客户至少为重要客户？（0 表示不设）');
    expect(refused).toEqual(['请输入百分比，如 10%']);
    const json = JSON.parse(readFileSync(join(dir, 'kam.config.json'), 'utf8')) as { tiers: { top?: string }[]; scoring: { criteria: { column: string; weight: number }[] }; services: Record<string, { cadenceDays: number }>; promote: unknown[] };
    expect(json.promote).toEqual([
      { column: 'annual_revenue', min: 2000000, tier: 'important' },
      { column: 'years', min: 3, tier: 'important' },
    ]);
    expect(json.tiers.map((t) => t.top)).toEqual(['12%', '20%', undefined]);
    expect(json.scoring.criteria.map((c) => c.weight)).toEqual([0.4, 0.2, 0.15, 0.2, 0.1]);
    expect(json.services.strategic!.cadenceDays).toBe(21);
    expect((await kam(['check', join(dir, '大客户管理分工表.xlsx'), '--as-of', '2025-11-15'], { cwd: dir })).code).toBe(0);
  });

  it('a flag answers its question; Ctrl+C writes nothing (exit 130); without a terminal it asks nothing (exit 2)', async () => {
    const dir = tempDir('kam-init-');
    const flagged = script(['', '', '', '', '', '', '', '', '', '', '']);
    expect((await kam(['init', '--interactive', '--lang', 'en', '--ka-threshold', '50', '--roles', 'KAM'], { cwd: dir, prompt: flagged })).code).toBe(0);
    expect(flagged.asked).toHaveLength(11);
    expect(flagged.asked.some((q) => q.startsWith('KA threshold'))).toBe(false);
    const other = tempDir('kam-init-');
    const cancel: Prompter = {
      input: () => Promise.reject(Object.assign(new Error('User force closed the prompt with SIGINT'), { name: 'ExitPromptError' })),
    };
    const r = await kam(['init', '--interactive', '--lang', 'en'], { cwd: other, prompt: cancel });
    expect(r.code).toBe(130);
    expect(r.stderr).toBe('kam: cancelled: nothing was written\n');
    expect(readdirSync(other)).toEqual([]);
    const noTty = await kam(['init', '--interactive', '--lang', 'en'], { cwd: other });
    expect(noTty.code).toBe(2);
    expect(noTty.stderr).toMatch(/--interactive asks questions on a terminal, and this is none/);
  });
});
