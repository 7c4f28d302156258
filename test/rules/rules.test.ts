// Each rule of SPEC §4 with a case that fires and one that does not: rule, severity, cell, and
// nothing else reported.
import { describe, expect, it } from 'vitest';
import { brief, checkRows, cleanRows, type Row } from '../helpers/clean-book.js';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('the clean book', () => {
  it('has no findings and exits 0', async () => {
    const c = await checkRows(cleanRows());
    expect(brief(c)).toEqual([]);
    expect(c.json.summary).toEqual({ error: 0, warn: 0, info: 0 });
    expect(c.code).toBe(0);
  });
});

describe('references', () => {
  it('ref/unknown-account', async () => {
    const rows = cleanRows();
    rows.assignments.push(['Nope Ltd', 'Follow-up', 'Alice', 'Sales', 'R', null, 'weekly', 'doing'], ['Nope Ltd', 'Follow-up', 'Gina', 'Sales', 'A', null, 'weekly', 'doing']);
    const c = await checkRows(rows);
    expect(brief(c)).toEqual(['ref/unknown-account error Assignments!A16', 'ref/unknown-account error Assignments!A17']);
    expect(c.json.findings[0]).toMatchObject({ account: 'Nope Ltd', task: 'Follow-up' });
    expect(c.code).toBe(1);
  });

  it('ref/unknown-person, for an assignment and for an owner', async () => {
    const rows = cleanRows();
    rows.assignments[11]![2] = 'Zed';
    rows.accounts[3]![2] = 'Yvonne';
    const c = await checkRows(rows);
    expect(brief(c)).toEqual(['ref/unknown-person error Accounts!C4', 'ref/unknown-person error Assignments!C12']);
    expect(c.json.findings[1]).toMatchObject({ person: 'Zed', account: 'Bolt', task: 'Complaints' });
    expect(c.json.findings[0]!.message).toBe('Cove: account manager "Yvonne" is not in the staff sheet');
  });

  it('ref/inactive-person', async () => {
    const rows = cleanRows();
    rows.staff[4]![3] = '否';
    const c = await checkRows(rows);
    expect(brief(c)).toEqual(['ref/inactive-person error Assignments!C4', 'ref/inactive-person error Assignments!C12']);
  });

  it('ref/unknown-department, only when the staff sheet names departments', async () => {
    const rows = cleanRows();
    rows.assignments[3]![3] = 'Marketing';
    expect(brief(await checkRows(rows))).toEqual(['ref/unknown-department warn Assignments!D4']);
    rows.staff = rows.staff.map((r) => [r[0]!, r[1]!, r[3]!]);
    expect(brief(await checkRows(rows))).toEqual([]);
  });
});

describe('RACI per activity', () => {
  it('raci/no-accountable at the first row of the group', async () => {
    const rows = cleanRows();
    rows.assignments.splice(14, 1);
    const c = await checkRows(rows);
    expect(brief(c)).toEqual(['raci/no-accountable error Assignments!E14']);
    expect(c.json.findings[0]).toMatchObject({ account: 'Cove', task: 'Follow-up', message: 'Cove · Follow-up: nobody is accountable (A)' });
  });

  it('raci/multiple-accountable', async () => {
    const rows = cleanRows();
    rows.assignments.push(['Cove', 'Follow-up', 'Bob', 'Sales', 'A', null, 'monthly', 'doing']);
    expect(brief(await checkRows(rows))).toEqual(['raci/multiple-accountable error Assignments!E14']);
  });

  it('raci/no-responsible (and the coverage it breaks)', async () => {
    const rows = cleanRows();
    rows.assignments[13]![4] = 'C';
    expect(brief(await checkRows(rows))).toEqual(['coverage/required-task error Accounts!B4', 'raci/no-responsible error Assignments!E14']);
  });

  it('raci/too-many-responsible above max (3 by default, configurable)', async () => {
    const rows = cleanRows();
    rows.assignments.push(
      ['Apex', 'Follow-up', 'Bob', 'Sales', 'R', null, 'weekly', 'doing'],
      ['Apex', 'Follow-up', 'Carol', 'Sales', 'R', null, 'weekly', 'doing'],
      ['Apex', 'Follow-up', 'Hank', 'Sales', 'R', null, 'weekly', 'doing'],
    );
    expect(brief(await checkRows(rows))).toEqual(['raci/too-many-responsible warn Assignments!E2']);
    expect(brief(await checkRows(rows, [], { rules: { 'raci/too-many-responsible': ['warn', { max: 4 }] } }))).toEqual([]);
    const three = cleanRows();
    three.assignments.push(['Apex', 'Follow-up', 'Bob', 'Sales', 'R', null, 'weekly', 'doing'], ['Apex', 'Follow-up', 'Carol', 'Sales', 'R', null, 'weekly', 'doing']);
    expect(brief(await checkRows(three))).toEqual([]);
  });

  it('raci/role-conflict: one person with two letters on one task', async () => {
    const rows = cleanRows();
    rows.assignments[14]![2] = 'Carol';
    const c = await checkRows(rows);
    expect(brief(c)).toEqual(['raci/role-conflict warn Assignments!E14']);
    expect(c.json.findings[0]).toMatchObject({ person: 'Carol', message: 'Cove · Follow-up: Carol holds R+A on one task' });
  });

  it('raci/role-conflict: two departments both responsible (推诿)', async () => {
    const rows = cleanRows();
    rows.assignments.push(['Bolt', 'Complaints', null, 'Sales', 'R', null, 'monthly', 'doing']);
    const c = await checkRows(rows);
    expect(brief(c)).toEqual(['raci/role-conflict warn Assignments!E12']);
    expect(c.json.findings[0]!.message).toBe('Bolt · Complaints: departments Service, Sales are all responsible (R) — who really does it?');
  });

  it('reads a combined letter cell (R/A) as two letters', async () => {
    const rows = cleanRows();
    rows.assignments[13]![4] = 'R/A';
    rows.assignments.splice(14, 1);
    expect(brief(await checkRows(rows))).toEqual(['raci/role-conflict warn Assignments!E14']);
  });
});

describe('coverage', () => {
  it('coverage/no-owner: no owner and nobody accountable', async () => {
    const rows = cleanRows();
    rows.accounts[3]![2] = null;
    expect(brief(await checkRows(rows))).toEqual([]);
    rows.assignments.splice(14, 1);
    expect(brief(await checkRows(rows))).toEqual(['coverage/no-owner error Accounts!C4', 'raci/no-accountable error Assignments!E14']);
  });

  it('coverage/required-task: a task type the tier requires has no R', async () => {
    const rows = cleanRows();
    rows.assignments.splice(5, 2); // Apex's technical support
    const c = await checkRows(rows);
    expect(brief(c)).toEqual(['coverage/required-task error Accounts!B2']);
    expect(c.json.findings[0]!.message).toBe('Apex (Strategic) needs technical support, but nobody is responsible (R) for it');
  });

  it('matches task names to types after folding case, width and spaces', async () => {
    const rows = cleanRows();
    rows.assignments[5]![1] = 'ＴＥＣＨＮＩＣＡＬ  support';
    rows.assignments[6]![1] = 'technical support';
    rows.assignments[7]![1] = '季度业务回顾';
    rows.assignments[8]![1] = '季度业务回顾';
    expect(brief(await checkRows(rows))).toEqual([]);
  });
});

describe('messy division-of-labour rows', () => {
  it('task names with numbering, notes or more words still map to their type', async () => {
    const rows = cleanRows();
    rows.assignments[5]![1] = '3、Technical Support（每月）';
    rows.assignments[6]![1] = '3、Technical Support（每月）';
    rows.assignments[7]![1] = '(4) 重点客户季度业务回顾';
    rows.assignments[8]![1] = '(4) 重点客户季度业务回顾';
    expect(brief(await checkRows(rows))).toEqual([]);
  });

  it('a cell naming two staff members gives both the letters and half the hours', async () => {
    const rows = cleanRows();
    rows.assignments[13]![2] = 'Carol、Hank';
    expect(brief(await checkRows(rows))).toEqual([]);
    rows.assignments[13]![2] = 'Carol、Zed';
    expect(brief(await checkRows(rows))).toEqual(['ref/unknown-person error Assignments!C14']);
    const { kam } = await import('../helpers/cli.js');
    const { tempDir, writeBook } = await import('../helpers/books.js');
    const shared = cleanRows();
    shared.assignments[0]!.push('Hours');
    shared.assignments[13]!.push(20);
    shared.assignments[13]![2] = 'Carol / Hank';
    shared.assignments[13]![6] = 'weekly';
    const path = await writeBook(`${tempDir()}/b.xlsx`, [
      { name: 'Accounts', rows: shared.accounts },
      { name: 'Staff', rows: shared.staff },
      { name: 'Assignments', rows: shared.assignments },
    ]);
    const r = await kam(['load', path, '--format', 'json', '--as-of', '2025-11-15']);
    const people = (JSON.parse(r.stdout) as { people: { name: string; hours: number }[] }).people;
    expect(people.find((p) => p.name === 'Hank')!.hours).toBe(10);
    expect(people.find((p) => p.name === 'Carol')!.hours).toBe(10);
  });
});

describe('time', () => {
  const renewal = (due: Date | null, status: string): Row[] => [
    ['Bolt', 'Renewal', 'Bob', 'Sales', 'R', due, 'once', status],
    ['Bolt', 'Renewal', 'Gina', 'Sales', 'A', due, 'once', status],
  ];
  it('time/overdue once per task, at its due cell', async () => {
    const rows = cleanRows();
    rows.assignments.push(...renewal(d('2025-11-01'), 'doing'));
    const c = await checkRows(rows);
    expect(brief(c)).toEqual(['time/overdue warn Assignments!F16']);
    expect(c.json.findings[0]!.message).toBe('Bolt · Renewal: due 2025-11-01, 14 days overdue');
    expect(c.code).toBe(0);
    expect((await checkRows(rows, ['--fail-on', 'warn'])).code).toBe(1);
  });
  it('not overdue when done or due later', async () => {
    const done = cleanRows();
    done.assignments.push(...renewal(d('2025-11-01'), '已完成'));
    expect(brief(await checkRows(done))).toEqual([]);
    const later = cleanRows();
    later.assignments.push(...renewal(d('2025-11-15'), 'doing'));
    expect(brief(await checkRows(later))).toEqual([]);
  });
  it('time/missing-due for a one-off task without a date', async () => {
    const rows = cleanRows();
    rows.assignments.push(...renewal(null, 'todo'));
    expect(brief(await checkRows(rows))).toEqual(['time/missing-due warn Assignments!F16']);
  });
  it('time/cadence by the tier (30 / 60 / 90 days)', async () => {
    const rows = cleanRows();
    rows.accounts[3]![6] = d('2025-08-17'); // 90 days: fine
    expect(brief(await checkRows(rows))).toEqual([]);
    rows.accounts[3]![6] = d('2025-08-16'); // 91 days
    rows.accounts[1]![6] = d('2025-10-15'); // 31 days for a strategic account
    const c = await checkRows(rows);
    expect(brief(c)).toEqual(['time/cadence warn Accounts!G2', 'time/cadence warn Accounts!G4']);
    expect(c.json.findings[0]!.message).toBe('Apex: last contact 2025-10-15, 31 days ago (Strategic accounts are contacted every 30 days)');
  });
  it('does not measure an empty last-contact cell', async () => {
    const rows = cleanRows();
    rows.accounts[3]![6] = null;
    expect(brief(await checkRows(rows))).toEqual([]);
  });
  it('follows --as-of', async () => {
    expect(brief(await checkRows(cleanRows(), ['--as-of', '2026-03-01'])).filter((f) => f.startsWith('time/cadence'))).toHaveLength(3);
  });
});

describe('accounts', () => {
  it('account/declining-revenue when the last period is down more than 20%', async () => {
    const rows = cleanRows();
    rows.accounts[2]![5] = 80; // exactly −20%: not more than 20%
    expect(brief(await checkRows(rows))).toEqual([]);
    rows.accounts[2]![5] = 79;
    const c = await checkRows(rows);
    expect(brief(c)).toEqual(['account/declining-revenue warn Accounts!F3']);
    expect(c.json.findings[0]!.message).toBe('Bolt: revenue down 21.0% on the previous period (more than 20.0%)');
    expect(brief(await checkRows(rows, [], { rules: { 'account/declining-revenue': ['warn', { threshold: 0.25 }] } }))).toEqual([]);
  });

  it('account/tier-mismatch (info), and the recorded tier decides the service catalogue', async () => {
    const rows = cleanRows();
    rows.accounts[2]![7] = 'A类客户';
    const c = await checkRows(rows);
    expect(brief(c)).toEqual(['coverage/required-task error Accounts!B3', 'coverage/required-task error Accounts!B3', 'account/tier-mismatch info Accounts!H3']);
    expect(c.json.findings[2]!.message).toBe('Bolt: recorded as Strategic, scored as Important');
  });

  it('data/missing-value for an empty scoring input', async () => {
    const rows = cleanRows();
    rows.accounts[3]![3] = null;
    expect(brief(await checkRows(rows))).toEqual(['data/missing-value warn Accounts!D4']);
  });
});

describe('load', () => {
  it('load/over-capacity at the person\'s Staff row', async () => {
    const rows = cleanRows();
    rows.assignments[0]!.push('Hours');
    rows.assignments[1]!.push(40); // Alice: 40 h weekly follow-up, and a little more
    expect(brief(await checkRows(rows))).toEqual(['load/over-capacity warn Staff!A2']);
    rows.assignments[1]![8] = 30;
    expect(brief(await checkRows(rows))).toEqual([]);
  });

  it('load/max-accounts at the Max Accounts cell', async () => {
    const rows = cleanRows();
    rows.staff[0]!.push('Max Accounts');
    rows.staff[7]!.push(2); // Gina is accountable on three accounts
    const c = await checkRows(rows);
    expect(brief(c)).toEqual(['load/max-accounts warn Staff!E8']);
    expect(c.json.findings[0]!.message).toBe('Gina holds 3 accounts, more than the limit of 2');
    rows.staff[7]![4] = 3;
    expect(brief(await checkRows(rows))).toEqual([]);
  });

  it('load/idle (info) when turned on', async () => {
    const c = await checkRows(cleanRows(), [], { rules: { 'load/idle': 'info' } });
    expect(brief(c)).toHaveLength(8);
    expect(brief(c)[0]).toBe('load/idle info Staff!A2');
    expect(c.code).toBe(0);
  });

  it('coverage/single-point: one person holds every R and A of an important account', async () => {
    const rows = cleanRows();
    for (const i of [9, 10, 11, 12]) rows.assignments[i]![2] = 'Bob';
    rows.assignments[11]![3] = 'Sales';
    rows.assignments[12]![3] = 'Sales';
    expect(brief(await checkRows(rows))).toEqual(['coverage/single-point warn Accounts!B3', 'raci/role-conflict warn Assignments!E10', 'raci/role-conflict warn Assignments!E12']);
    const normal = cleanRows();
    normal.assignments[14]![2] = 'Carol'; // Cove is ordinary: not a single point by the rule
    expect(brief(await checkRows(normal))).toEqual(['raci/role-conflict warn Assignments!E14']);
  });
});

describe('structure', () => {
  it('schema/invalid-value, schema/empty-required and schema/duplicate-key at their cells', async () => {
    const rows = cleanRows();
    rows.assignments[9]![5] = 'soon';
    rows.assignments.push([null, 'Follow-up', 'Bob', 'Sales', 'R', null, 'weekly', 'doing']);
    rows.accounts.push(['A1', 'Apex again', 'Alice', 10, 1, 1, d('2025-11-10'), 'Ordinary']);
    const c = await checkRows(rows);
    // The second A1 is reported, and (serving nobody's tasks) lacks its follow-up.
    expect(brief(c)).toEqual([
      'schema/duplicate-key error Accounts!A5',
      'coverage/required-task error Accounts!B5',
      'schema/invalid-value error Assignments!F10',
      'schema/empty-required error Assignments!A16',
    ]);
  });

  it('schema/missing-sheet and schema/missing-column', async () => {
    const { tempDir, writeBook } = await import('../helpers/books.js');
    const { kam } = await import('../helpers/cli.js');
    const path = await writeBook(`${tempDir()}/b.xlsx`, [
      { name: 'Accounts', rows: cleanRows().accounts },
      { name: 'Staff', rows: cleanRows().staff },
    ]);
    const r = await kam(['check', path, '--format', 'json', '--as-of', '2025-11-15']);
    expect(JSON.parse(r.stdout).findings.map((f: { rule: string }) => f.rule)).toEqual(['schema/missing-sheet']);
    expect(r.code).toBe(1);
    const noTask = await writeBook(`${tempDir()}/c.xlsx`, [
      { name: 'Accounts', rows: cleanRows().accounts },
      { name: 'Assignments', rows: [['Account', 'Person'], ['Apex', 'Alice']] },
    ]);
    const r2 = await kam(['check', noTask, '--format', 'json', '--as-of', '2025-11-15']);
    expect(JSON.parse(r2.stdout).findings).toEqual([
      { rule: 'schema/missing-column', severity: 'error', message: 'required column "task" is missing', sheet: 'Assignments', row: 1, cell: 'Assignments!1:1' },
    ]);
    expect(r2.stderr).toContain('no staff sheet');
  });
});

describe('rule configuration', () => {
  it('sets severities, turns rules off, and validates options', async () => {
    const rows = cleanRows();
    rows.assignments.splice(14, 1);
    expect(brief(await checkRows(rows, [], { rules: { 'raci/no-accountable': 'warn' } }))).toEqual(['raci/no-accountable warn Assignments!E14']);
    expect((await checkRows(rows, [], { rules: { 'raci/no-accountable': 'warn' } })).code).toBe(0);
    expect(brief(await checkRows(rows, [], { rules: { 'raci/no-accountable': 'off' } }))).toEqual([]);
  });

  it('--max-warnings', async () => {
    const rows = cleanRows();
    rows.accounts[3]![3] = null;
    expect((await checkRows(rows, ['--max-warnings', '0'])).code).toBe(1);
    expect((await checkRows(rows, ['--max-warnings', '1'])).code).toBe(0);
    expect((await checkRows(rows, ['--fail-on', 'info'])).code).toBe(1);
  });
});
