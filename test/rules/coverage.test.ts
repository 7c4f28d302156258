// SPEC §4 coverage: every account has an owner, each task type its tier requires someone
// responsible, and an important account more than one person.
import { describe, expect, it } from 'vitest';
import { computeLoad } from '../../src/workload/load.js';
import { ASSIGNMENT_COLUMNS, atRow, bookOf, brief, checkQuiet, cleanInputs, described, dropRows, tablesOf } from '../helpers/rows.js';

describe('coverage', () => {
  it('coverage/no-owner: no owner and nobody accountable', () => {
    const rows = cleanInputs();
    delete atRow(rows.accounts, 4).owner;
    expect(brief(checkQuiet(tablesOf(rows)).findings)).toEqual([]);
    dropRows(rows.assignments, 15); // Cove's A
    expect(brief(checkQuiet(tablesOf(rows)).findings)).toEqual(['coverage/no-owner error Accounts!C4', 'raci/no-accountable error Assignments!E14']);
  });

  it('coverage/required-task: a task type the tier requires has no R', () => {
    const rows = cleanInputs();
    dropRows(rows.assignments, 6, 2); // Apex's technical support
    const c = checkQuiet(tablesOf(rows));
    expect(brief(c.findings)).toEqual(['coverage/required-task error Accounts!B2']);
    expect(described(c)[0]!.message).toBe('Apex (Strategic) needs technical support, but nobody is responsible (R) for it');
  });

  it('matches task names to types after folding case, width and spaces', () => {
    const rows = cleanInputs();
    atRow(rows.assignments, 6).task = 'ＴＥＣＨＮＩＣＡＬ  support';
    atRow(rows.assignments, 7).task = 'technical support';
    atRow(rows.assignments, 8).task = '季度业务回顾';
    atRow(rows.assignments, 9).task = '季度业务回顾';
    expect(brief(checkQuiet(tablesOf(rows)).findings)).toEqual([]);
  });

  it('coverage/single-point: one person holds every R and A of an important account', () => {
    const rows = cleanInputs();
    for (const r of [10, 11, 12, 13]) atRow(rows.assignments, r).person = 'Bob';
    atRow(rows.assignments, 12).department = 'Sales';
    atRow(rows.assignments, 13).department = 'Sales';
    expect(brief(checkQuiet(tablesOf(rows)).findings)).toEqual(['coverage/single-point warn Accounts!B3', 'raci/role-conflict warn Assignments!E10', 'raci/role-conflict warn Assignments!E12']);
    const normal = cleanInputs();
    atRow(normal.assignments, 15).person = 'Carol'; // Cove is ordinary: not a single point by the rule
    expect(brief(checkQuiet(tablesOf(normal)).findings)).toEqual(['raci/role-conflict warn Assignments!E14']);
  });
});

describe('messy division-of-labour rows', () => {
  it('task names with numbering, notes or more words still map to their type', () => {
    const rows = cleanInputs();
    atRow(rows.assignments, 6).task = '3、Technical Support（每月）';
    atRow(rows.assignments, 7).task = '3、Technical Support（每月）';
    atRow(rows.assignments, 8).task = '(4) 重点客户季度业务回顾';
    atRow(rows.assignments, 9).task = '(4) 重点客户季度业务回顾';
    expect(brief(checkQuiet(tablesOf(rows)).findings)).toEqual([]);
  });

  it('a cell naming two staff members gives both the letters and half the hours', () => {
    const rows = cleanInputs();
    atRow(rows.assignments, 14).person = 'Carol、Hank';
    expect(brief(checkQuiet(tablesOf(rows)).findings)).toEqual([]);
    atRow(rows.assignments, 14).person = 'Carol、Zed';
    expect(brief(checkQuiet(tablesOf(rows)).findings)).toEqual(['ref/unknown-person error Assignments!C14']);
    const shared = cleanInputs();
    Object.assign(atRow(shared.assignments, 14), { person: 'Carol / Hank', frequency: 'weekly', hours: 20 });
    const people = computeLoad(bookOf(tablesOf(shared, { assignments: [...ASSIGNMENT_COLUMNS, ['hours', 'Hours']] }))).people;
    expect(people.find((p) => p.name === 'Hank')!.hours).toBe(10);
    expect(people.find((p) => p.name === 'Carol')!.hours).toBe(10);
  });
});
