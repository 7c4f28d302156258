// indexBook groups the rows by account and task in two passes (a row's group found, then every
// group's list made at its size): against a plain grouping on random books — accounts with one
// task and accounts with dozens (past 16 an account's tasks are looked up in a map), unknown
// accounts, rows in any order — the same groups in the same order, each with the same rows.
import { describe, expect, it } from 'vitest';
import type { Assignment } from '../../src/model/assignment.js';
import { fold } from '../../src/util/text.js';
import { pick, rng } from '../helpers/random.js';
import { accountsTable, assignmentsTable, bookOf, type AssignmentInput } from '../helpers/rows.js';

describe('indexBook: groups', () => {
  for (const seed of [1, 2, 3, 4]) {
    it(`seed ${seed}`, () => {
      const rand = rng(seed);
      const accounts = Array.from({ length: 30 }, (_, i) => ({ name: `Account ${i}`, numbers: { annual_revenue: 100 + i } }));
      const rows: AssignmentInput[] = [];
      for (let i = 0; i < 3000; i++) {
        // Account 0 and 1 have up to 60 tasks each; the others a few; some rows name no known account.
        const a = rand() < 0.05 ? `Ghost ${Math.floor(rand() * 3)}` : pick(rand, accounts).name;
        const many = a === 'Account 0' || a === 'Account 1';
        const task = many ? `Task ${Math.floor(rand() * 60)}` : pick(rand, ['Follow-up', 'Complaints', 'follow-up ', 'Renewal']);
        rows.push({ account: rand() < 0.1 ? a.toUpperCase() : a, task, person: 'Alice', raci: pick(rand, ['R', 'A']) });
      }
      const book = bookOf({ accounts: accountsTable(accounts), assignments: assignmentsTable(rows) });
      // The plain grouping: by the account the row names (else its folded text) and the folded task, in order of first appearance.
      const expected = new Map<string, { account?: string; rows: Assignment[] }>();
      for (const r of book.rows) {
        const account = book.accountIndex.get(r.accountKey);
        const key = `${account ? `#${account.row}` : r.accountKey}\u0000${r.taskKey}`;
        let g = expected.get(key);
        if (!g) expected.set(key, (g = { ...(account ? { account: account.name } : {}), rows: [] }));
        g.rows.push(r);
      }
      expect(Math.max(...[...book.groupsByAccount.values()].map((l) => l.length))).toBeGreaterThan(40);
      expect(book.groups.map((g) => ({ ...(g.account ? { account: g.account.name } : {}), rows: g.rows }))).toEqual([...expected.values()]);
      // Every row is in its group as itself (not a copy), and each account's groups are its own, in order.
      expect(book.groups.every((g) => g.rows.every((r) => book.rows.includes(r) && r.taskKey === g.taskKey))).toBe(true);
      for (const [account, list] of book.groupsByAccount) expect(list).toEqual(book.groups.filter((g) => g.account === account));
      expect(book.groups.filter((g) => !g.account).every((g) => fold(g.accountText).startsWith('ghost'))).toBe(true);
    });
  }
});
