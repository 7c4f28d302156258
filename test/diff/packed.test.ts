// kam diff keeps each version packed (src/diff/packed.ts, packSide): an account's activities made
// again from typed arrays must be the book's own, field by field, and a comparison of packed sides
// must be the comparison of the sides as read. The findings are paired by small keys, which must
// pair exactly what findingKey's strings pair.
import { describe, expect, it } from 'vitest';
import { compareFindings, diffSides, findingKey } from '../../src/diff/compare.js';
import { packSide, sideOf, type ComparedAccount, type FullSide, type SideActivity } from '../../src/diff/side.js';
import { AssignmentRow, assignmentRow, type Assignment, type KeyedText } from '../../src/model/assignment.js';
import { RULES } from '../../src/model/rules.js';
import type { Finding } from '../../src/model/finding.js';
import type { Status } from '../../src/model/codes.js';
import { computeLoad } from '../../src/workload/load.js';
import { fold } from '../../src/util/text.js';
import { accountsTable, assignment, assignmentsTable, bookOf, check, staffTable, type AccountInput, type AssignmentInput } from '../helpers/rows.js';
import { rng } from '../helpers/random.js';

const FIELDS = ['row', 'account', 'accountKey', 'task', 'taskKey', 'person', 'personKey', 'department', 'departmentKey', 'raci', 'due', 'frequency', 'hours', 'status', 'locked', 'portion', 'column', 'longRow', 'longCells', 'onLong'] as const;

/** Every field of a row as the comparison reads it, absent ones left out. */
function fieldsOf(r: Assignment): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of FIELDS) if (r[f] !== undefined) out[f] = r[f];
  return out;
}

function accountOf(a: ComparedAccount | undefined): unknown {
  return a && { row: a.row, id: a.id, name: a.name, key: a.key, owner: a.owner, tier: a.tier, revenue: a.numbers.annual_revenue };
}

function activities(list: readonly SideActivity[]): unknown[] {
  return list.map((g) => ({ account: accountOf(g.account), accountText: g.accountText, taskKey: g.taskKey, rows: g.rows.map(fieldsOf) }));
}

const STATUSES: (Status | undefined)[] = [undefined, 'todo', 'doing', 'done', 'cancelled', 'doing'];
const TASKS = ['Follow-up', 'follow-up', 'ＦＯＬＬＯＷ-UP', 'Complaints', 'Renewal', '日常跟进'];
const PEOPLE = ['Alice', 'alice', 'Bob', '张伟', '张 伟', 'Gina', 'Nobody'];

/** A random book: accounts (names folding alike, some without id), rows naming accounts by id, by name or not at all. */
function randomBook(seed: number): { accounts: AccountInput[]; rows: AssignmentInput[]; rand: () => number } {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const accounts: AccountInput[] = [];
  const n = 5 + Math.floor(rand() * 20);
  for (let i = 0; i < n; i++) {
    const a: AccountInput = { name: rand() < 0.1 ? 'Shared Name' : `Acct ${i}`, numbers: rand() < 0.8 ? { annual_revenue: Math.round(rand() * 1000) } : {} };
    if (rand() < 0.9) a.id = rand() < 0.05 ? 'A0' : `A${i}`;
    if (rand() < 0.7) a.owner = pick(PEOPLE);
    if (rand() < 0.5) a.tier = pick(['Strategic', 'Important', 'Ordinary', 'Gold']);
    accounts.push(a);
  }
  const rows: AssignmentInput[] = [];
  const m = Math.floor(rand() * 80);
  for (let i = 0; i < m; i++) {
    const a = pick(accounts);
    const r: AssignmentInput = { account: rand() < 0.1 ? 'Unknown Co' : rand() < 0.5 && a.id ? a.id : a.name, task: pick(TASKS), raci: pick(['R', 'A', 'C', 'I', 'R/A', '', 'X']) };
    if (rand() < 0.85) r.person = pick(PEOPLE);
    if (rand() < 0.5 || r.person === undefined) r.department = pick(['Sales', 'sales', 'Service']);
    if (rand() < 0.5) r.due = `2025-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-1${Math.floor(rand() * 9)}`;
    if (rand() < 0.6) r.frequency = pick(['weekly', 'monthly', 'once', 2.5] as const);
    if (rand() < 0.5) r.hours = pick([0, 1, 1.5, 2, 0.25]);
    const status = pick(STATUSES);
    if (status) r.status = status;
    if (rand() < 0.1) r.locked = true;
    rows.push(r);
  }
  return { accounts, rows, rand };
}

/** The rows as the reader makes them (AssignmentRow, texts read once per column), some as other code makes them (a holder of a shared cell, a matrix's cell). */
function asRead(rows: readonly AssignmentInput[], rand: () => number): Assignment[] {
  const texts = new Map<string, KeyedText>();
  const text = (v: string | undefined): KeyedText | undefined => {
    if (v === undefined) return undefined;
    let t = texts.get(v);
    if (!t) texts.set(v, (t = { value: v, key: fold(v) }));
    return t;
  };
  return rows.map((input, i) => {
    const a = assignment(input, i + 2);
    const roll = rand();
    if (roll < 0.05) return { ...a, portion: 0.5 };
    if (roll < 0.08) return { ...a, column: 4, longRow: 7 };
    const row = assignmentRow(a.row, text(a.account)!, text(a.task)!, text(a.person), text(a.department), AssignmentRow.bits(a.raci, a.locked, a.status), a.due, a.frequency, a.hours);
    if (roll < 0.2) row.column = 3 + Math.floor(rand() * 5);
    return row;
  });
}

function sideFor(seed: number, file = 'book.xlsx'): FullSide {
  const { accounts, rows, rand } = randomBook(seed);
  const tables = { accounts: accountsTable(accounts), staff: staffTable([{ name: 'Alice', department: 'Sales' }, { name: 'Bob', department: 'Sales' }, { name: '张伟', department: 'Service' }]), assignments: assignmentsTable(rows) };
  tables.assignments.assignments = asRead(rows, rand);
  const book = bookOf(tables);
  return sideOf({ file, book, findings: check(tables).findings, load: computeLoad(book, { items: false }) });
}

describe('a packed side', () => {
  it('makes each account’s activities again as the book made them, field by field (200 random books)', () => {
    let packedRows = 0;
    let keptRows = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const full = sideFor(seed);
      const packed = packSide(full);
      for (const sa of full.accounts) {
        const again = packed.groupsOf(sa.at);
        expect(activities(again), `seed ${seed}, account ${sa.account.name}`).toEqual(activities(full.groupsOf(sa.at)));
        // Made anew: an activity of rows as read comes back as rows as read (their getters, their
        // letters' bits), an activity with any other row as it was.
        for (const [k, g] of again.entries()) {
          const rows = full.groupsOf(sa.at)[k]!.rows;
          const asRead = rows.every((r: Assignment) => r.portion === undefined && r.longRow === undefined && r instanceof AssignmentRow);
          for (const [j, r] of g.rows.entries()) {
            if (asRead) {
              expect(r).toBeInstanceOf(AssignmentRow);
              expect(r).not.toBe(rows[j]);
              packedRows++;
            } else {
              expect(r).toBe(rows[j]);
              keptRows++;
            }
          }
        }
        expect(packed.accounts[sa.at]).toEqual({ account: expect.anything(), at: sa.at, recorded: sa.recorded, computed: sa.computed, effective: sa.effective, ...(sa.owner !== undefined ? { owner: sa.owner } : {}) });
        expect(accountOf(packed.accounts[sa.at]!.account)).toEqual(accountOf(sa.account));
      }
      expect(activities(packed.unowned)).toEqual(activities(full.unowned));
      expect(packed.cancelled.map(fieldsOf)).toEqual(full.cancelled.map(fieldsOf));
      for (const key of [...full.accountIndex.keys(), 'unknown co', 'shared name']) expect(accountOf(packed.accountOf(key))).toEqual(accountOf(full.accountOf(key)));
      expect([...packed.holds]).toEqual([...full.holds]);
      expect(packed.findings).toBe(full.findings);
      expect('rows' in packed).toBe(false);
    }
    // Both ways were taken.
    expect(packedRows).toBeGreaterThan(1000);
    expect(keptRows).toBeGreaterThan(50);
  });

  it('compares as the sides it was packed from (200 random pairs)', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const old = sideFor(seed, 'old.xlsx');
      // The next seed's book: other rows for the same kind of accounts; every third pair the same book.
      const now = sideFor(seed % 3 === 0 ? seed : seed + 1000, 'new.xlsx');
      const options = { asOf: '2025-11-15' as const, tiers: [], revenueThreshold: 0.1 };
      const plain = diffSides(old, now, options);
      expect(diffSides(packSide(old), packSide(now), options), `seed ${seed}`).toEqual(plain);
      if (seed % 3 === 0) expect(plain.changes).toEqual([]);
    }
  });
});

describe('findings paired by small keys', () => {
  const RULE_CODES = Object.keys(RULES) as (keyof typeof RULES)[];

  /** The pairing by findingKey's strings: a key's first n findings in one list paired with the other's n. */
  function reference(before: readonly Finding[], after: readonly Finding[], oldNames: ReadonlyMap<string, string>, newNames: ReadonlyMap<string, string>) {
    const beyond = (list: readonly Finding[], names: ReadonlyMap<string, string>, other: readonly Finding[], otherNames: ReadonlyMap<string, string>) => {
      const count = new Map<string, number>();
      for (const f of other) {
        const k = findingKey(f, otherNames);
        count.set(k, (count.get(k) ?? 0) + 1);
      }
      const seen = new Map<string, number>();
      return list.filter((f) => {
        const k = findingKey(f, names);
        seen.set(k, (seen.get(k) ?? 0) + 1);
        return seen.get(k)! > (count.get(k) ?? 0);
      });
    };
    return { introduced: beyond(after, newNames, before, oldNames), resolved: beyond(before, oldNames, after, newNames) };
  }

  function randomFindings(rand: () => number, n: number, parts: readonly string[]): Finding[] {
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    return Array.from({ length: n }, (_, i): Finding => {
      const rule = pick(RULE_CODES);
      const f: Finding = { rule, severity: RULES[rule], args: rand() < 0.5 ? { row: i, value: pick(['x', 'y']) } : { value: pick(['x', 'y']) } };
      if (rand() < 0.7) f.account = pick(parts);
      if (rand() < 0.6) f.task = pick(parts);
      if (rand() < 0.5) f.person = pick(parts);
      return f;
    });
  }

  it('pairs what findingKey pairs: names folding alike, renamed accounts, empty parts, activity rules, a NUL in a part (500 random pairs)', () => {
    const PARTS = ['Apex', 'APEX', 'Ａｐｅｘ', 'Bolt', ' bolt ', '', '  ', '张伟', '张 伟', 'Follow-up', 'i:a1', 'a\u0000b', 'a', 'b', 'b\u0000'];
    for (let seed = 1; seed <= 500; seed++) {
      const rand = rng(seed);
      // With no NUL, most seeds: the small keys are used.
      const parts = seed % 5 === 0 ? PARTS : PARTS.filter((p) => !p.includes('\u0000'));
      const names = (): Map<string, string> => {
        const m = new Map<string, string>();
        for (const p of parts) if (rand() < 0.5 && fold(p) !== '') m.set(fold(p), rand() < 0.5 ? `i:${Math.floor(rand() * 3)}` : `n:${fold(p)}`);
        return m;
      };
      const oldNames = names();
      const newNames = rand() < 0.3 ? oldNames : names();
      const before = randomFindings(rand, Math.floor(rand() * 40), parts);
      // Often the same findings again, some gone and some new: the common case of a diff.
      const after = rand() < 0.5 ? [...before.filter(() => rand() < 0.9), ...randomFindings(rand, 5, parts)] : randomFindings(rand, Math.floor(rand() * 40), parts);
      expect(compareFindings(before, after, oldNames, newNames), `seed ${seed}`).toEqual(reference(before, after, oldNames, newNames));
    }
    // findingKey joins on NUL: account `a␀b` and task `c` is account `a` and task `b␀c` to it, so the two are one finding.
    const rule = 'ref/unknown-person' as const;
    const was: Finding = { rule, severity: RULES[rule], args: {}, account: 'a\u0000b', task: 'c' };
    const is: Finding = { rule, severity: RULES[rule], args: {}, account: 'a', task: 'b\u0000c' };
    expect(findingKey(was)).toBe(findingKey(is));
    expect(compareFindings([was], [is], new Map(), new Map())).toEqual({ introduced: [], resolved: [] });
    // And a finding about nothing but its arguments (a header ending in NUL) is one with a finding about task `header=客户` alone.
    // (A rule about a row's own content, not about one cell's value: those take their column and value.)
    const empty = 'schema/duplicate-key' as const;
    const header: Finding = { rule: empty, severity: RULES[empty], args: { header: '客户\u0000', row: 3 } };
    const task: Finding = { rule: empty, severity: RULES[empty], args: { row: 4 }, task: 'header=客户' };
    expect(findingKey(header)).toBe(findingKey(task));
    expect(compareFindings([header], [task], new Map(), new Map())).toEqual({ introduced: [], resolved: [] });
    expect(compareFindings([task, header], [header], new Map(), new Map())).toEqual(reference([task, header], [header], new Map(), new Map()));
    // Without a finding its key could be, an argument's NUL changes nothing: the small keys are used and pair as findingKey's.
    const other: Finding = { rule: empty, severity: RULES[empty], args: {}, task: 'header=其他' };
    expect(compareFindings([header, other], [other], new Map(), new Map())).toEqual({ introduced: [], resolved: [header] });
  });
});
