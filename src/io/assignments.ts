/**
 * The Assignments sheet (分工明细) as typed division-of-labour rows, streamed: 500,000 rows are
 * read without holding the sheet in memory, and repeated names are folded once.
 */
import type { Cell } from '../model/cell.js';
import type { Finding } from '../model/finding.js';
import { fold } from '../util/text.js';
import type { IsoDate } from '../util/date.js';
import { parseFrequency, parseRaci, parseStatus, RACI, type Frequency, type Status } from './codes.js';
import { cellFinding, invalidValue } from './findings.js';
import type { SheetSource } from './source.js';
import { scanTable, type Column, type Layout, type TableOptions } from './table.js';
import { parseBoolean, parseDate, parseNumber, parseText, type Parsed } from './values.js';

export interface Assignment {
  row: number;
  /** The account as written (an id or a name) and its folded key. */
  account: string;
  accountKey: string;
  task: string;
  /** The task folded for case, width and spaces: rows with the same key form one activity. */
  taskKey: string;
  person?: string;
  personKey?: string;
  department?: string;
  departmentKey?: string;
  /** RACI letters as a bit set (R 1, A 2, C 4, I 8); R where the cell is empty, 0 where unreadable. */
  raci: number;
  due?: IsoDate;
  frequency?: Frequency;
  /** Hours per occurrence. */
  hours?: number;
  status?: Status;
  locked: boolean;
}

export interface AssignmentsTable {
  layout: Layout;
  assignments: Assignment[];
  findings: Finding[];
}

/** Reads the Assignments sheet row by row. */
export async function readAssignments(source: SheetSource, options: TableOptions): Promise<AssignmentsTable> {
  const assignments: Assignment[] = [];
  const rowFindings: Finding[] = [];
  const folded = new Map<string, string>();
  const key = (text: string): string => {
    let k = folded.get(text);
    if (k === undefined) {
      k = fold(text);
      folded.set(text, k);
    }
    return k;
  };
  // Coded columns hold a few distinct words: parse each once.
  const memo = <T>(parse: (cell: Cell | undefined) => Parsed<T> | undefined) => {
    const seen = new Map<string, Parsed<T> | undefined>();
    return (cell: Cell | undefined): Parsed<T> | undefined => {
      if (cell?.t !== 's') return parse(cell);
      let p = seen.get(cell.v);
      if (p === undefined && !seen.has(cell.v)) {
        p = parse(cell);
        seen.set(cell.v, p);
      }
      return p;
    };
  };
  const textOf = memo((cell) => parseText(cell, options.date1904));
  const raciOf = memo(parseRaci);
  const frequencyOf = memo(parseFrequency);
  const statusOf = memo(parseStatus);
  const lockedOf = memo(parseBoolean);
  let missingAccount = false;
  const { layout, findings } = await scanTable(source, 'assignments', options, ({ row, cells }, layout) => {
    const col = (k: string): Column | undefined => layout.byKey.get(k);
    const accountCol = col('account_id') ?? col('account');
    const taskCol = col('task');
    if (!accountCol) {
      missingAccount = true;
      return;
    }
    if (!taskCol) return;
    const account = textOf(cells[accountCol.index]);
    const task = textOf(cells[taskCol.index]);
    const aboutAccount = account?.ok ? { account: account.value } : {};
    if (!account?.ok || !task?.ok) {
      for (const [p, c] of [[account, accountCol], [task, taskCol]] as const) {
        if (!p) rowFindings.push(cellFinding('schema/empty-required', layout, row, c, { header: c.header }, { ...aboutAccount, ...(task?.ok ? { task: task.value } : {}) }));
        else if (!p.ok) rowFindings.push(invalidValue(p, cells[c.index], layout, row, c, aboutAccount));
      }
      return;
    }
    // Every field is set in the literal, so that all rows share one object shape (faster, smaller).
    const a: Assignment = {
      row,
      account: account.value,
      accountKey: key(account.value),
      task: task.value,
      taskKey: key(task.value),
      person: undefined,
      personKey: undefined,
      department: undefined,
      departmentKey: undefined,
      raci: RACI.R,
      due: undefined,
      frequency: undefined,
      hours: undefined,
      status: undefined,
      locked: false,
    };
    const about = { account: a.account, task: a.task };
    const read = <T>(k: string, parse: (cell: Cell | undefined, c: Column) => Parsed<T> | undefined, set: (v: T) => void): void => {
      const c = col(k);
      if (!c) return;
      const p = parse(cells[c.index], c);
      if (p?.ok) set(p.value);
      else if (p) rowFindings.push(invalidValue(p, cells[c.index], layout, row, c, about));
    };
    read('person', textOf, (v) => {
      a.person = v;
      a.personKey = key(v);
    });
    read('department', textOf, (v) => {
      a.department = v;
      a.departmentKey = key(v);
    });
    const raciCol = col('raci');
    if (raciCol) {
      const p = raciOf(cells[raciCol.index]);
      if (p?.ok) a.raci = p.value;
      else if (p) {
        a.raci = 0;
        rowFindings.push(invalidValue(p, cells[raciCol.index], layout, row, raciCol, { ...about, ...(a.person ? { person: a.person } : {}) }));
      }
    }
    read('due', (c) => parseDate(c, layout.date1904), (v) => (a.due = v));
    read('frequency', frequencyOf, (v) => (a.frequency = v));
    read('hours', (c, column) => parseNumber(c, { scale: column.scale }), (v) => (a.hours = v));
    read('status', statusOf, (v) => (a.status = v));
    read('locked', lockedOf, (v) => (a.locked = v));
    assignments.push(a);
  });
  if (missingAccount || (!layout.byKey.has('account') && !layout.byKey.has('account_id'))) {
    findings.push({ rule: 'schema/missing-column', severity: 'error', args: { column: 'account' }, sheet: layout.sheet, ...(layout.headerRow ? { row: layout.headerRow } : {}) });
  }
  findings.push(...rowFindings);
  return { layout, assignments, findings };
}
