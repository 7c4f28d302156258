// The division-of-labour rows the reader makes (AssignmentRow) keep the texts of names as pairs
// and the letters, the lock and the status as one number: every combination reads back as set,
// and a changed copy made from fieldsOf() has every field of the row.
import { describe, expect, it } from 'vitest';
import { AssignmentRow, assignmentRow, fieldsOf, type Assignment } from '../../src/model/assignment.js';
import { STATUSES, type Frequency, type Status } from '../../src/model/codes.js';

const account = { value: '华东精密制造', key: '华东精密制造' };
const task = { value: 'Follow-up', key: 'follow-up' };
const person = { value: '张伟', key: '张伟' };
const department = { value: 'Sales', key: 'sales' };
const weekly: Frequency = { kind: 'recurring', perWeek: 1, word: 'weekly' };

describe('AssignmentRow', () => {
  it('reads back every letter mask, lock and status it was made with', () => {
    for (let raci = 0; raci < 16; raci++) {
      for (const locked of [false, true]) {
        for (const status of [undefined, ...STATUSES] as (Status | undefined)[]) {
          const r = assignmentRow(7, account, task, person, undefined, AssignmentRow.bits(raci, locked, status), undefined, undefined, undefined);
          expect([r.raci, r.locked, r.status]).toEqual([raci, locked, status]);
        }
      }
    }
  });

  it('changes one of letters, lock and status without the others', () => {
    const r = assignmentRow(7, account, task, person, department, AssignmentRow.bits(0b0101, true, 'paused'), '2025-12-01', weekly, 1.5);
    r.raci = 0b1010;
    expect([r.raci, r.locked, r.status]).toEqual([0b1010, true, 'paused']);
    r.locked = false;
    expect([r.raci, r.locked, r.status]).toEqual([0b1010, false, 'paused']);
    r.status = 'cancelled';
    expect([r.raci, r.locked, r.status]).toEqual([0b1010, false, 'cancelled']);
    r.status = undefined;
    expect([r.raci, r.locked, r.status]).toEqual([0b1010, false, undefined]);
    r.due = '2026-01-05';
    expect(r.due).toBe('2026-01-05');
  });

  it('gives its texts, keys and values as fields, and a plain copy of all of them', () => {
    const r = assignmentRow(12, account, task, person, department, AssignmentRow.bits(2, false, 'doing'), '2025-12-01', weekly, 1.5);
    const expected: Assignment = { row: 12, account: '华东精密制造', accountKey: '华东精密制造', task: 'Follow-up', taskKey: 'follow-up', person: '张伟', personKey: '张伟', department: 'Sales', departmentKey: 'sales', raci: 2, due: '2025-12-01', frequency: weekly, hours: 1.5, status: 'doing', locked: false };
    const plain = fieldsOf(r);
    expect(Object.getPrototypeOf(plain)).toBe(Object.prototype);
    expect(plain).toStrictEqual(expected);
    // A copy with one field changed keeps the rest (how shared cells and a matrix's rows are split).
    expect({ ...fieldsOf(r), person: '李娜', personKey: '李娜', portion: 0.5 }).toStrictEqual({ ...expected, person: '李娜', personKey: '李娜', portion: 0.5 });
    // No person, no department: undefined, as on a plain row.
    const bare = assignmentRow(3, account, task, undefined, undefined, AssignmentRow.bits(1, false, undefined), undefined, undefined, undefined);
    expect([bare.person, bare.personKey, bare.department, bare.departmentKey, bare.column]).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('copies a matrix row with its column, and gives a plain row back as it is', () => {
    const r = assignmentRow(4, account, task, person, undefined, AssignmentRow.bits(1, false, undefined), undefined, undefined, undefined);
    r.column = 5;
    expect(fieldsOf(r).column).toBe(5);
    const plain: Assignment = { row: 1, account: 'A', accountKey: 'a', task: 'T', taskKey: 't', raci: 1, locked: false, portion: 0.5 };
    expect(fieldsOf(plain)).toBe(plain);
  });
});
