// A hand-made RACI matrix with its own due-date column: a date whose order of day and month the
// column settles later (03/04/2025 beside 15/11/2025, so day-first) is every holder's of the line.
// Each filled cell of a matrix line is a row of its own, made before the column's order is known;
// the settled date was set only on the line itself, which is no row, and the rows lost it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/books.js';
import { kam } from '../helpers/cli.js';

describe('a matrix with a due column', () => {
  it('gives each holder of a line the date its column settles', async () => {
    const dir = join(tempDir(), 'book');
    mkdirSync(dir);
    writeFileSync(join(dir, 'assignments.csv'), '客户名称,工作内容,时间节点,张伟,李娜\n甲公司,日常跟进,15/11/2025,R,A\n乙公司,日常跟进,03/04/2025,R,A\n');
    const { stdout } = await kam(['check', dir, '--format', 'json', '--as-of', '2025-10-01']);
    const findings = (JSON.parse(stdout) as { findings: { rule: string; cell?: string; account?: string; message: string }[] }).findings;
    const about = findings.filter((f) => f.account === '乙公司').map((f) => [f.rule, f.cell, f.message]);
    expect(about).toEqual([['time/overdue', 'assignments.csv!C3', '乙公司 · 日常跟进: due 2025-04-03, 181 days overdue']]);
  });
});
