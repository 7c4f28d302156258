/** The Staff sheet as typed people. */
import type { Person, StaffTable } from '../../model/person.js';
import type { Finding } from '../../model/finding.js';
import { fold } from '../../util/text.js';
import { invalidValue } from '../table/findings.js';
import type { SheetSource } from '../source.js';
import { scanTable, type TableOptions } from '../table/scan.js';
import { parseBoolean, parseNumber, parseText } from '../../parse/values.js';
import { cellFinding } from '../../model/finding.js';

/** A department cell that lists several: `销售部/客服部`, `销售部、客服部`, `Sales, Support`. */
const SEVERAL = /[/／、,，;；|]/;

/** Reads the Staff sheet: names required and unique; capacities, limits and 在职 normalised. */
export async function readStaff(source: SheetSource, options: TableOptions): Promise<StaffTable> {
  const people: Person[] = [];
  const rowFindings: Finding[] = [];
  const seen = new Map<string, number>();
  // Departments written as several (销售部/客服部): read as one, and said once (a trial: silently a department of its own).
  const several: { cell: string; person: string; department: string }[] = [];
  const { layout, findings } = await scanTable(source, 'staff', options, ({ row, cells }, layout) => {
    const col = (key: string) => layout.byKey.get(key);
    const nameCol = col('name');
    if (!nameCol) return;
    const name = parseText(cells[nameCol.index]);
    if (!name?.ok) {
      rowFindings.push(name ? invalidValue(name, cells[nameCol.index], layout, row, nameCol) : cellFinding('schema/empty-required', layout, row, nameCol, { header: nameCol.header }));
      return;
    }
    const person: Person = { row, name: name.value, key: fold(name.value), active: true };
    const about = { person: name.value };
    const first = seen.get(person.key);
    if (first !== undefined) rowFindings.push(cellFinding('schema/duplicate-key', layout, row, nameCol, { key: name.value, first }, about));
    else seen.set(person.key, row);
    for (const key of ['id', 'role', 'department', 'manager'] as const) {
      const c = col(key);
      if (!c) continue;
      const t = parseText(cells[c.index], layout.date1904);
      if (t?.ok) {
        person[key] = t.value;
        if (key === 'department' && SEVERAL.test(t.value) && t.value.split(SEVERAL).filter((p) => p.trim() !== '').length > 1) several.push({ cell: `${c.letter}${row}`, person: name.value, department: t.value });
      } else if (t) rowFindings.push(invalidValue(t, cells[c.index], layout, row, c, about));
    }
    for (const [key, field] of [['capacity_hours', 'capacity'], ['max_accounts', 'maxAccounts']] as const) {
      const c = col(key);
      if (!c) continue;
      const n = parseNumber(cells[c.index], { scale: c.scale, ...(layout.decimalComma?.(c.index) ? { decimalComma: true } : {}) });
      // A week's capacity of 0 would make any work an infinite load (found by a new user: `Infinity%`): above 0, or empty for the default.
      const least = field === 'capacity' ? Number.MIN_VALUE : 0;
      if (n?.ok && n.value >= least) person[field] = n.value;
      else if (n) rowFindings.push(invalidValue(n.ok || field === 'capacity' ? { ok: false, reason: field === 'capacity' ? 'capacity' : 'number' } : n, cells[c.index], layout, row, c, about));
    }
    const activeCol = col('active');
    if (activeCol) {
      const b = parseBoolean(cells[activeCol.index]);
      if (b?.ok) person.active = b.value;
      else if (b) rowFindings.push(invalidValue(b, cells[activeCol.index], layout, row, activeCol, about));
    }
    people.push(person);
  });
  for (const f of rowFindings) findings.push(f);
  if (several.length > 0) {
    const first = several[0]!;
    options.note?.(several.length > 1 ? 'note.severalDepartmentsMore' : 'note.severalDepartments', { sheet: layout.sheet, cell: first.cell, person: first.person, department: first.department, more: several.length - 1 }, false);
  }
  return { layout, people, findings };
}
