/**
 * The Assignments sheet (分工明细) as typed division-of-labour rows, streamed: 500,000 rows are
 * read without holding the sheet in memory, and repeated names are folded once.
 */
import { AssignmentRow, assignmentRow, type Assignment, type AssignmentsTable, type KeyedText } from '../../model/assignment.js';
import type { Frequency, Status } from '../../model/codes.js';
import type { IsoDate } from '../../util/date.js';
import type { Cell } from '../../model/cell.js';
import type { Finding } from '../../model/finding.js';
import { accountKeyer, fold, folder } from '../../util/text.js';
import { toSimplified } from '../../util/hant.js';
import { isNoLetter, parseFrequency, parseRaci, parseStatus } from '../../parse/codes.js';
import { invalidValue } from '../table/findings.js';
import type { SheetSource } from '../source.js';
import { scanTable, type TableOptions } from '../table/scan.js';
import { parseBoolean, parseHours, parseText, type Parsed } from '../../parse/values.js';
import { contradiction, DateColumn, followed, SheetDates } from '../table/dates.js';
import { textMemo } from '../table/memo.js';
import { hoursUnitOf } from '../../parse/headers.js';
import { DEFAULT_LOAD } from '../../config/defaults.js';
import type { Column, Layout } from '../../model/table.js';
import { RACI } from '../../model/codes.js';
import { byCell, cellFinding } from '../../model/finding.js';

/** The columns of the Assignments sheet, looked up once. */
function columnsOf(layout: Layout) {
  const col = (k: string): Column | undefined => layout.byKey.get(k);
  return {
    accountCol: col('account_id') ?? col('account'),
    // Both an id and a name column (and a tier), or a name and a tier column (found by a new user: a hand-made
    // matrix of 客户名称 | 客户等级 lost its tiers and the accounts without letters): the accounts the sheet
    // names, for a book without Accounts.
    nameCol: col('account_id') ? col('account') : col('tier') ? col('account') : undefined,
    tierCol: col('tier'),
    taskCol: col('task'),
    personCol: col('person'),
    deptCol: col('department'),
    raciCol: col('raci'),
    dueCol: col('due'),
    freqCol: col('frequency'),
    hoursCol: col('hours'),
    statusCol: col('status'),
    lockedCol: col('locked'),
  };
}

/** Reads the Assignments sheet row by row. */
export async function readAssignments(source: SheetSource, options: TableOptions): Promise<AssignmentsTable> {
  const assignments: Assignment[] = [];
  const rowFindings: Finding[] = [];
  const key = folder();
  // A matrix's holder columns: the name each header gives, as a text and its key once per column (not once per filled cell).
  const holders = new Map<Column, KeyedText>();
  const groups = new Map<Column, KeyedText>();
  const columnText = (cache: Map<Column, KeyedText>, c: Column, text: string): KeyedText => {
    let t = cache.get(c);
    if (!t) cache.set(c, (t = { value: text, key: key(text) }));
    return t;
  };
  // The same per column, the last text kept at hand (a text repeated row after row is one string).
  const keyer = (keyOf: (text: string) => string = key) => {
    let last: string | undefined;
    let lastKey = '';
    return (text: string): string => {
      if (text !== last) {
        last = text;
        lastKey = keyOf(text);
      }
      return lastKey;
    };
  };
  // A column holds few distinct words (or the same one row after row): each text parsed once, per column.
  const memo = textMemo;
  const parseCellText = (cell: Cell | undefined) => parseText(cell, options.date1904);
  // The columns of names carry their folded key with the text (one lookup a cell, not two).
  // `-`, `待定`, `TBD` where a person or a department goes: nobody (yet), as an empty cell (found by a new
  // user: `-` was a person, the A of its row, and a row without a Staff sheet passed raci/no-accountable).
  const keyedText = (placeholders = false, keyedBy?: (text: string) => string): ((cell: Cell | undefined) => Keyed | undefined) => {
    const keyOf = keyer(keyedBy);
    return (cell) => {
      const p = parseCellText(cell);
      if (placeholders && p?.ok && NOBODY.has(fold(p.value))) return undefined;
      return p?.ok ? { ok: true, value: p.value, key: keyOf(p.value) } : p;
    };
  };
  const textOf = memo(parseCellText);
  // (An account by its id or name: a Salesforce id of 15 characters keeps its case, see accountKey.)
  const accountOf = memo(keyedText(false, accountKeyer()));
  const taskOf = memo(keyedText());
  const personOf = memo(keyedText(true));
  const departmentOf = memo(keyedText(true));
  const raciOf = memo(parseRaci);
  const frequencyOf = memo(parseFrequency);
  const statusOf = memo(parseStatus);
  const lockedOf = memo(parseBoolean);
  // (hoursContext is the column's, set before the first row is read.)
  const hoursOf = memo((cell) => parseHours(cell, hoursContext));
  let cols: ReturnType<typeof columnsOf> | undefined;
  // Plain numbers under `预计工时（分钟）` are minutes, under `(天)` days: the header's unit, once.
  let hoursContext: Parameters<typeof parseHours>[1];
  const named = new Map<string, { id?: string; name: string; tier?: string; row: number }>();
  // Rows whose id cell is empty, named by the account's name: the sheet rows, the accounts they name, and each name's id where a row gives it.
  const byNameRows = new Set<number>();
  const namedByName = new Map<string, { name: string; tier?: string; row: number }>();
  const idOfName = new Map<string, KeyedText>();
  const nameOfId = new Map<string, string>();
  const twoNames = new Set<string>();
  const idNames: { idKey: string; name: string; nameKey: string; task: string; row: number }[] = [];
  const otherNames = new Set<string>();
  const formulaHolders = new Set<number>();
  let anyId = false;
  let dues: DateColumn | undefined;
  // The sheet's other dates, which tell the order of a due column of no order of its own (see SheetDates).
  const sheetDates = new SheetDates();
  let otherDates: Column[] | undefined;
  // The last row's account, for the rows under it that leave theirs blank.
  let previous: { row: number; account: Extract<Keyed, { ok: true }>; byName: boolean } | undefined;
  let filledDown = false;
  const { layout, findings } = await scanTable(source, 'assignments', options, ({ row, cells }, layout) => {
    if (!cols) {
      cols = columnsOf(layout);
      const day = options.hoursPerDay ?? DEFAULT_LOAD.hoursPerDay;
      const unit = cols.hoursCol ? hoursUnitOf(cols.hoursCol.header, day) : undefined;
      hoursContext = { scale: cols.hoursCol?.scale ?? 1, hoursPerDay: day, ...(unit !== undefined ? { unit } : {}), ...(cols.hoursCol && layout.decimalComma?.(cols.hoursCol.index) ? { decimalComma: true } : {}) };
    }
    const { accountCol, taskCol } = cols;
    otherDates ??= SheetDates.unreadColumns(layout, options.dateOrder);
    for (const c of otherDates) sheetDates.see(cells[c.index]);
    // A table without its key columns has a schema/missing-column finding and no rows.
    if (!accountCol || !taskCol) return;
    // An empty id beside a name: the account by its name (found by a new user: kam matrix -o of a book
    // without ids wrote an empty Account ID column, and reading it back gave every row as an error);
    // by the id the sheet gives that name elsewhere, when it does (below, once every row is read).
    let account = accountOf(cells[accountCol.index]);
    let byName = account === undefined && cols.nameCol !== undefined && cols.nameCol !== accountCol;
    if (byName) account = accountOf(cells[cols.nameCol!.index]);
    else if (account?.ok && cols.nameCol && cols.nameCol !== accountCol) {
      anyId = true;
      const name = accountOf(cells[cols.nameCol.index]);
      if (name?.ok && !idOfName.has(name.key)) idOfName.set(name.key, account);
      // An id written with two names: which account it is cannot be told by name.
      if (name?.ok) {
        const first = nameOfId.get(account.key);
        const task = taskOf(cells[taskCol.index]);
        const pair = { idKey: account.key, name: name.value, nameKey: name.key, task: task?.ok ? task.value : '', row };
        if (first === undefined) {
          nameOfId.set(account.key, name.key);
          idNames.push(pair);
        } else if (first !== name.key) {
          twoNames.add(account.key);
          const seen = `${account.key}\u0000${name.key}`;
          if (!otherNames.has(seen)) {
            otherNames.add(seen);
            idNames.push(pair);
          }
        }
      }
    }
    const task = taskOf(cells[taskCol.index]);
    // In a RACI matrix, the account written on its first row only, the rows under it blank (a pivot table without its
    // labels repeated): the account above, said once (found by a new user: each such row was an error, and its letters
    // lost). Only right under a row of the account, never past a blank or a skipped row; in a long division of labour a
    // blank account stays schema/empty-required (SPEC §4).
    if (account === undefined && layout.holders !== undefined && task?.ok && previous !== undefined && previous.row === row - 1) {
      account = previous.account;
      byName = previous.byName;
      if (!filledDown) {
        filledDown = true;
        options.note?.('note.accountFilledDown', { sheet: layout.sheet, row, account: account.value }, false);
      }
    }
    previous = account?.ok && task?.ok ? { row, account, byName } : undefined;
    if (!account?.ok || !task?.ok) {
      const aboutAccount = account?.ok ? { account: account.value } : {};
      for (const [p, c] of [[account, accountCol], [task, taskCol]] as const) {
        if (!p) rowFindings.push(cellFinding('schema/empty-required', layout, row, c, { header: c.header }, { ...aboutAccount, ...(task?.ok ? { task: task.value } : {}) }));
        else if (!p.ok) rowFindings.push(invalidValue(p, cells[c.index], layout, row, c, aboutAccount));
      }
      return;
    }
    if (cols.nameCol) {
      const k = account.key;
      const into = byName ? namedByName : named;
      if (!into.has(k)) {
        const name = textOf(cells[cols.nameCol.index]);
        const tier = cols.tierCol ? textOf(cells[cols.tierCol.index]) : undefined;
        const noId = byName || cols.nameCol === accountCol;
        if (name?.ok) into.set(k, { ...(noId ? {} : { id: account.value }), name: name.value, ...(tier?.ok ? { tier: tier.value } : {}), row });
      }
    }
    if (byName) byNameRows.add(row);
    // The row's values, then the row made at once with all of them (one object shape for every row).
    let person: Extract<Keyed, { ok: true }> | undefined;
    let department: Extract<Keyed, { ok: true }> | undefined;
    let raci: number = RACI.R;
    let due: IsoDate | undefined;
    let frequency: Frequency | undefined;
    let hours: number | undefined;
    let status: Status | undefined;
    let locked = false;
    const about = () => ({ account: account.value, task: task.value, ...(person ? { person: person.value } : {}) });
    const bad = (p: Extract<Parsed<unknown>, { ok: false }>, c: Column): void => {
      rowFindings.push(invalidValue(p, cells[c.index], layout, row, c, about()));
    };
    const { personCol, deptCol, raciCol, dueCol, freqCol, hoursCol, statusCol, lockedCol } = cols;
    // (A department by formula, `=VLOOKUP(负责人, …)`, is written by no move to a colleague of the department: only the person counts; found by review.)
    if (personCol && isFormulaResult(cells[personCol.index])) formulaHolders.add(row);
    if (personCol) {
      const p = personOf(cells[personCol.index]);
      if (p?.ok) person = p;
      else if (p) bad(p, personCol);
    }
    if (deptCol) {
      const p = departmentOf(cells[deptCol.index]);
      if (p?.ok) department = p;
      else if (p) bad(p, deptCol);
    }
    if (raciCol) {
      const p = raciOf(cells[raciCol.index]);
      if (p?.ok) raci = p.value;
      else if (p) {
        raci = 0;
        bad(p, raciCol);
      }
    }
    // A date whose order of day and month the column settles later: set on the row once made.
    let ambiguous: { cell: Cell; finding: Finding } | undefined;
    if (dueCol) {
      dues ??= new DateColumn(layout.date1904, options.dateOrder, contradiction(layout, dueCol, options.dateOrder, options.note), sheetDates, followed(layout, dueCol, options.note));
      const cell = cells[dueCol.index];
      let p = dues.read(cell);
      // 长期, 持续, 按需, ongoing: work without a deadline (found by a new user: each was an unreadable date).
      if (p && !p.ok && cell?.t === 's' && noDeadline(cell.v)) p = undefined;
      if (p?.ok) due = p.value;
      else if (p && DateColumn.ambiguous(p)) ambiguous = { cell: cell!, finding: invalidValue(p, cell, layout, row, dueCol, about()) };
      else if (p) bad(p, dueCol);
    }
    if (freqCol) {
      const p = frequencyOf(cells[freqCol.index]);
      if (p?.ok) frequency = p.value;
      else if (p) bad(p, freqCol);
    }
    if (hoursCol) {
      const p = hoursOf(cells[hoursCol.index]);
      if (p?.ok) hours = p.value;
      else if (p) bad(p, hoursCol);
    }
    if (statusCol) {
      const p = statusOf(cells[statusCol.index]);
      if (p?.ok) status = p.value;
      else if (p) bad(p, statusCol);
    }
    if (lockedCol) {
      const p = lockedOf(cells[lockedCol.index]);
      if (p?.ok) locked = p.value;
      else if (p) bad(p, lockedCol);
    }
    const columns = layout.holders ?? layout.letterColumns;
    if (!columns) {
      const a = assignmentRow(row, account, task, person, department, AssignmentRow.bits(raci, locked, status), due, frequency, hours);
      if (ambiguous) dues!.defer(ambiguous.cell, (d) => void (a.due = d), ambiguous.finding);
      assignments.push(a);
      return;
    }
    // A matrix row (a column per holder, letters in its cells) or a RACI chart's (a column per letter,
    // names in its cells): one assignment per filled cell, at that cell.
    const made: AssignmentRow[] = [];
    for (const c of columns) {
      const cell = cells[c.index];
      let holderPerson: KeyedText | undefined = person;
      let holderDepartment: KeyedText | undefined = department;
      let letters: number;
      if (c.raciBit !== undefined) {
        const p = personOf(cell);
        if (!p) continue;
        if (!p.ok) {
          rowFindings.push(invalidValue(p, cell, layout, row, c, { account: account.value, task: task.value }));
          continue;
        }
        holderPerson = p;
        letters = c.raciBit;
      } else {
        // (`-`, `N/A`, `0` in a person's column: nobody holds a letter there, as an empty cell.)
        if (isNoLetter(cell)) continue;
        const p = raciOf(cell);
        if (!p) continue;
        if (!p.ok) {
          rowFindings.push(invalidValue(p, cell, layout, row, c, { account: account.value, task: task.value, person: c.holder! }));
          continue;
        }
        // `市场部（部门）`, `Marketing (department)`: the rows of a department's own column (kam's matrix writes them so).
        const holder = columnText(holders, c, c.holder!);
        if (c.holderIsDepartment) holderDepartment = holder;
        else {
          holderPerson = holder;
          // A department row over the people (kam's matrix writes one): the column's department.
          if (c.holderGroup !== undefined) holderDepartment = columnText(groups, c, c.holderGroup);
        }
        letters = p.value;
      }
      const held = assignmentRow(row, account, task, holderPerson, holderDepartment, AssignmentRow.bits(letters, locked, status), due, frequency, hours, c.index);
      made.push(held);
      assignments.push(held);
    }
    // A due date the column's order settles later is every holder's of the line.
    if (ambiguous) dues!.defer(ambiguous.cell, (d) => made.forEach((r) => void (r.due = d)), ambiguous.finding);
  });
  const late = dues?.finish() ?? [];
  // Dates that waited for their column's order are reported in row order with the rest.
  for (const f of late.length > 0 ? rowFindings.concat(late).sort(byCell) : rowFindings) findings.push(f);
  if (byNameRows.size > 0) {
    if (!anyId) for (const [k, a] of namedByName) named.set(k, a);
    else {
      // Ids in the sheet: a row without one is the account the sheet gives its name's id (found by review:
      // named by its name alone it was another account of the same name, ref/ambiguous-account).
      for (let i = 0; i < assignments.length; i++) {
        const a = assignments[i]!;
        if (!byNameRows.has(a.row) || !(a instanceof AssignmentRow)) continue;
        const id = idOfName.get(a.accountKey);
        if (id) assignments[i] = a.withAccount(id);
      }
    }
  }
  return { layout, assignments, findings, ...(named.size > 0 ? { accounts: [...named.values()] } : {}), ...(twoNames.size > 0 ? { idsWithTwoNames: twoNames } : {}), ...(idNames.length > 0 ? { idNames } : {}), ...(formulaHolders.size > 0 ? { formulaHolders } : {}) };
}

/**
 * What people write where nobody is named yet. Fewer than the placeholders of numbers: `Na`, `None`,
 * `Nil` can be people (found by review: a staff member named Na lost her rows).
 */
const NOBODY = new Set(['-', '--', '---', '—', '——', '/', 'n/a', '#n/a', '无', '暂无', '待定', '待分配', '未定', '未分配', 'tbd', 'tba']);

/** Words people write where a task has no deadline: the due cell is as empty (as for a placeholder, `-`, `TBD`, which reads so already). */
const NO_DEADLINE = new Set(['长期', '长期有效', '持续', '持续进行', '常态化', '日常', '按需', '随时', '不定期', '无期限', '无截止', '无截止日期', '不限', 'ongoing', 'continuous', 'as needed', 'on demand', 'no deadline']);

function noDeadline(text: string): boolean {
  return NO_DEADLINE.has(toSimplified(fold(text)));
}

/** A text of a column of names read, with its folded key; or why it does not read. */
type Keyed = { ok: true; value: string; key: string } | Extract<Parsed<string>, { ok: false }>;

/** A formula's stored result (`=人员!A2` showing 张伟). */
function isFormulaResult(cell: Cell | undefined): boolean {
  return (cell?.t === 's' || cell?.t === 'n') && cell.formula === true;
}
