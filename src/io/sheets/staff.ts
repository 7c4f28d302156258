/** The Staff sheet as typed people. */
import type { Person, StaffTable } from '../../model/person.js';
import type { Finding } from '../../model/finding.js';
import { fold } from '../../util/text.js';
import { toSimplified } from '../../util/hant.js';
import { invalidValue } from '../table/findings.js';
import type { SheetSource } from '../source.js';
import { scanTable, type TableOptions } from '../table/scan.js';
import { parseActive, parseHours, parseNumber, parseText } from '../../parse/values.js';
import { hoursUnitOf } from '../../parse/headers.js';
import { DEFAULT_LOAD } from '../../config/defaults.js';
import { isBlank, type Cell } from '../../model/cell.js';
import { cellFinding } from '../../model/finding.js';

/** A department cell that lists several: `销售部/客服部`, `销售部、客服部`, `Sales, Support`. */
const SEVERAL = /[/／、,，;；|]/;
/** Separators of a list; the others (`/`, `|`) also write a path, a department and its team (`销售部/华东组`, `Sales/EMEA`). */
const LIST = /[、,，;；]/;

/**
 * Whether a department cell written with a separator names several departments rather than one
 * by its path: a list (`销售部、客服部`, `Sales, Support`) does; `销售部/客服部` does when its parts are
 * of one level (each ends in the same word: 部, 中心, 组…) or each is another person's department
 * alone; `销售部/华东组`, `Sales/EMEA` are one team by its path (found by review: the note fired on them).
 */
function namesSeveral(department: string, alone: ReadonlySet<string>): boolean {
  const parts = department.split(SEVERAL).map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length < 2) return false;
  if (LIST.test(department)) return true;
  if (parts.every((p) => alone.has(fold(p)))) return true;
  const level = (p: string): string | undefined => LEVELS.find((w) => p.length > w.length && p.endsWith(w));
  const first = level(parts[0]!);
  return first !== undefined && parts.every((p) => level(p) === first);
}

/** The words that end a department's name at one level of an organisation. */
const LEVELS = ['事业部', '部', '中心', '处', '科', '室', '组', '团队', '队', '办', '院', '所'];

/** A section's label over people who have left: `二、已离职人员`, `【离职】`, `离职员工`, `Former staff`, `Inactive users`. */
const LEAVERS = /^(?:[一二三四五六七八九十]+\s*[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}\s*[、.．]|[【[［])?\s*(?:已|以)?(?:离职|离任|退休|辞职|调离|停用)(?:的)?(?:人员|员工|同事|名单|账号|帐号)?(?:名单)?\s*[】\]］]?$|^(?:former|inactive|departed|left|terminated|deactivated)\s+(?:staff|employees|users|members|people)$/i;

/** Reads the Staff sheet: names required and unique; capacities, limits and 在职 normalised. */
export async function readStaff(source: SheetSource, options: TableOptions): Promise<StaffTable> {
  const people: Person[] = [];
  const rowFindings: Finding[] = [];
  const seen = new Map<string, number>();
  // Departments written as several (销售部/客服部): read as one, and said once (a trial: silently a department of its own).
  const several: { cell: string; person: string; department: string }[] = [];
  const day = options.hoursPerDay ?? DEFAULT_LOAD.hoursPerDay;
  // The capacity column's unit where its header names one (`每周可用时间（天）`), once.
  let capacityUnit: number | undefined;
  let unitRead = false;
  // A section of leavers (`二、已离职人员`, `Former staff`) in the sheet: its people are not active, whatever no 在职 column
  // says (found by a new user: read as active and idle, kam load --suggest handed them work). Another section ends it.
  let leavers: { text: string; row: number; people: number } | undefined;
  const sections: { text: string; row: number; people: number }[] = [];
  const tableOptions: TableOptions = {
    ...options,
    onSection: (text, row) => {
      leavers = LEAVERS.test(toSimplified(text.trim())) ? { text: text.trim(), row, people: 0 } : undefined;
      if (leavers) sections.push(leavers);
    },
  };
  const { layout, findings } = await scanTable(source, 'staff', tableOptions, ({ row, cells }, layout) => {
    const col = (key: string) => layout.byKey.get(key);
    if (!unitRead) {
      unitRead = true;
      const c = col('capacity_hours');
      // (`（天/周）`, `(days/week)`: the week is what the column counts per anyway.)
      if (c) capacityUnit = hoursUnitOf(c.header.replace(/\s*[/／]\s*(?:周|星期|week|wk)(?=\s*[)）]|\s*$)/gi, ''), day);
    }
    const nameCol = col('name');
    if (!nameCol) return;
    const name = parseText(cells[nameCol.index]);
    if (!name?.ok) {
      rowFindings.push(name ? invalidValue(name, cells[nameCol.index], layout, row, nameCol) : cellFinding('schema/empty-required', layout, row, nameCol, { header: nameCol.header }));
      return;
    }
    // A leavers' label alone in its row, unnumbered (`离职员工`, `Former staff`): read as a record, it was a person, and the
    // leavers under it active (found by review).
    if (LEAVERS.test(toSimplified(name.value)) && cells.every((c, i) => i === nameCol.index || isBlank(c))) {
      tableOptions.onSection!(name.value, row);
      return;
    }
    const person: Person = { row, name: name.value, key: fold(name.value), active: true };
    const about = { person: name.value };
    const first = seen.get(person.key);
    if (first !== undefined) rowFindings.push(cellFinding('schema/duplicate-key', layout, row, nameCol, { key: name.value, first }, about));
    else seen.set(person.key, row);
    for (const key of ['id', 'email', 'role', 'department', 'manager'] as const) {
      const c = col(key);
      if (!c) continue;
      const t = parseText(cells[c.index], layout.date1904);
      if (t?.ok) {
        person[key] = t.value;
        if (key === 'department' && SEVERAL.test(t.value)) several.push({ cell: `${c.letter}${row}`, person: name.value, department: t.value });
      } else if (t) rowFindings.push(invalidValue(t, cells[c.index], layout, row, c, about));
    }
    for (const [key, field] of [['capacity_hours', 'capacity'], ['max_accounts', 'maxAccounts']] as const) {
      const c = col(key);
      if (!c) continue;
      const comma = layout.decimalComma?.(c.index) ? { decimalComma: true } : {};
      // A week's capacity in hours, as an effort is written (`40小时`, `5天` of 8 hours, `2400分钟`, `40h/周`); a cap of accounts a count (`20家`).
      // (Found by a new user: `5天` was 5 hours, `2400分钟` 2,400.)
      const n = field === 'capacity' ? parseHours(perWeek(cells[c.index]), { scale: c.scale, hoursPerDay: day, ...(capacityUnit !== undefined ? { unit: capacityUnit } : {}), ...comma }) : parseNumber(cells[c.index], { scale: c.scale, units: 'count', ...comma });
      // A week's capacity of 0 would make any work an infinite load (found by a new user: `Infinity%`): above 0, or empty for the default.
      const least = field === 'capacity' ? Number.MIN_VALUE : 0;
      if (n?.ok && n.value >= least) person[field] = n.value;
      else if (n) rowFindings.push(invalidValue(n.ok || field === 'capacity' ? { ok: false, reason: field === 'capacity' ? 'capacity' : 'number' } : n, cells[c.index], layout, row, c, about));
    }
    const activeCol = col('active');
    const b = activeCol ? parseActive(cells[activeCol.index]) : undefined;
    if (b?.ok) person.active = b.value;
    else if (b) rowFindings.push(invalidValue(b, cells[activeCol!.index], layout, row, activeCol!, about));
    else if (leavers) {
      person.active = false;
      leavers.people++;
    }
    people.push(person);
  });
  for (const section of sections) {
    if (section.people > 0) options.note?.('note.leaversSection', { sheet: layout.sheet, row: section.row, text: section.text, people: section.people }, false);
  }
  const sharedNames = tellApart(people);
  for (const f of rowFindings) if (!(f.rule === 'schema/duplicate-key' && sharedNames?.has(fold(String(f.args.key))))) findings.push(f);
  const alone = new Set(people.flatMap((p) => (p.department !== undefined && !SEVERAL.test(p.department) ? [fold(p.department)] : [])));
  const listed = several.filter((d) => namesSeveral(d.department, alone));
  if (listed.length > 0) {
    const first = listed[0]!;
    options.note?.(listed.length > 1 ? 'note.severalDepartmentsMore' : 'note.severalDepartments', { sheet: layout.sheet, cell: first.cell, person: first.person, department: first.department, more: listed.length - 1 }, false);
  }
  return { layout, people, findings, ...(sharedNames ? { sharedNames } : {}) };
}

/**
 * Two staff members or more of one name, each with a 工号 of their own (`张伟 | E001` and `张伟 | E009`): two people,
 * known as `张伟(E001)` and `张伟(E009)` — as a row or an owner names them, or by the 工号 alone — and the name alone
 * names neither (found by a new user: the second 张伟 was dropped, and his rows went to the first or to nobody).
 * Renames them in place; returns the shared names, or undefined when there are none.
 */
function tellApart(people: Person[]): Map<string, string[]> | undefined {
  const byKey = new Map<string, Person[]>();
  for (const p of people) {
    const list = byKey.get(p.key);
    if (list) list.push(p);
    else byKey.set(p.key, [p]);
  }
  let out: Map<string, string[]> | undefined;
  for (const [key, list] of byKey) {
    if (list.length < 2 || list.some((p) => p.id === undefined || p.id.trim() === '')) continue;
    if (new Set(list.map((p) => fold(p.id!))).size < list.length) continue;
    for (const p of list) {
      p.name = `${p.name}(${p.id!.trim()})`;
      p.key = fold(p.name);
    }
    (out ??= new Map()).set(key, list.map((p) => p.name));
  }
  return out;
}

/** `40小时/周`, `每周40小时`, `40h per week`: the week said beside the hours of a week's capacity, left out. */
function perWeek(cell: Cell | undefined): Cell | undefined {
  if (cell?.t !== 's') return cell;
  const v = cell.v.replace(/^\s*每周\s*/, '').replace(/\s*(?:[/／]\s*(?:周|星期|week|wk)|每周|per\s+week|a\s+week)\s*$/i, '');
  return v === cell.v ? cell : { t: 's', v };
}
