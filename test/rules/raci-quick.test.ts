// raciRules looks at most activities quickly (nothing to say) and at the rest in full: on random
// activities (holders named twice, people and departments, letters in every combination, people
// off the staff list, departments that differ), both ways give the same findings.
import { describe, expect, it } from 'vitest';
import { raciRules } from '../../src/rules/raci.js';
import { pick, rng } from '../helpers/random.js';
import { accountsTable, assignmentsTable, bookOf, staffTable, type AssignmentInput } from '../helpers/rows.js';

// Erin and Sales are not on the staff list (Sales is also a department's name); Dan has no department.
const PEOPLE = ['Alice', 'Bob', 'Carol', 'Dan', 'Erin', 'Sales'];
const DEPARTMENTS = ['Sales', 'Service', 'Marketing'];
const LETTERS = ['R', 'A', 'C', 'I', 'R/A', 'A/R', 'R/C', 'A/C', 'R/A/C', ''];

describe('raciRules: the quick look agrees with the full one', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`seed ${seed}`, () => {
      const rand = rng(seed);
      const accounts = Array.from({ length: 300 }, (_, i) => ({ name: `Account ${i}`, numbers: { annual_revenue: 100 + i } }));
      const staff = staffTable(PEOPLE.slice(0, 4).map((name, i) => (i === 3 ? { name } : { name, department: DEPARTMENTS[i % 2]! })));
      const rows: AssignmentInput[] = [];
      for (let i = 0; i < 600; i++) {
        // 600 activities of one to four rows.
        const account = accounts[i % accounts.length]!.name;
        const task = i < accounts.length ? 'Follow-up' : 'Complaints';
        // Most activities well formed (one A, one R), the rest anything.
        const n = 1 + Math.floor(rand() * 4);
        for (let k = 0; k < n; k++) {
          const byDepartment = rand() < 0.1;
          rows.push({
            account,
            task,
            ...(byDepartment ? {} : { person: pick(rand, PEOPLE) }),
            ...(byDepartment || rand() < 0.3 ? { department: pick(rand, DEPARTMENTS) } : {}),
            raci: rand() < 0.85 ? (k === 0 ? 'A' : 'R') : pick(rand, LETTERS),
          });
        }
      }
      const book = bookOf({ accounts: accountsTable(accounts), staff, assignments: assignmentsTable(rows) });
      for (const [max, allow] of [[2, ['R+A']], [1, []], [3, ['R+A', 'A+C']]] as const) {
        const full = raciRules(book, max, allow, false);
        // Most kinds of finding are among them (of six), and activities with nothing to say.
        const kinds = new Set(full.map((f) => `${f.rule}${f.args?.variant ?? ''}`));
        expect(kinds.size).toBeGreaterThanOrEqual(5);
        expect(new Set(full.map((f) => f.row)).size).toBeLessThan(book.groups.length - 50);
        expect(raciRules(book, max, allow)).toEqual(full);
      }
    });
  }
});
