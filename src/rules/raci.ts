/** RACI per activity (account × task): one A, at least one R, not too many R, no role conflicts. */
import { RACI, raciLetters, type RaciLetter } from '../model/codes.js';
import { cellFinding } from '../model/finding.js';
import type { Finding } from '../model/finding.js';
import { HolderLetters, holders } from '../book/holders.js';
import type { Params } from '../model/errors.js';
import type { IndexedBook, TaskGroup } from '../book/book.js';
import { sheetOf } from '../model/assignment.js';
import { fold } from '../util/text.js';

const scan = new HolderLetters();

/**
 * The quick look (most activities are fine): true when the activity has one A, between one and
 * `maxResponsible` R, no person holding conflicting letters and its R in one department — exactly
 * when the full look below would find nothing; holders counted as {@link holders} counts them,
 * without building them.
 */
function nothingToSay(book: IndexedBook, g: TaskGroup, maxResponsible: number, conflict: readonly boolean[]): boolean {
  const n = scan.gather(g.rows);
  const { keys, person, letters, department } = scan;
  let accountable = 0;
  let responsible = 0;
  let dept: string | undefined;
  for (let j = 0; j < n; j++) {
    const l = letters[j]!;
    if (l & RACI.A) accountable++;
    if (l & RACI.R) {
      responsible++;
      // A holder's department as holders() takes it: the first of its rows' that names one, else the Staff sheet's.
      const d = department[j] ?? (person[j] ? book.people.get(keys[j]!)?.department : undefined);
      if (d !== undefined) {
        if (dept === undefined) dept = d;
        else if (d !== dept) return false;
      }
    }
    if (person[j] && conflict[l]) return false;
  }
  return accountable === 1 && responsible >= 1 && responsible <= maxResponsible;
}

/**
 * raci/no-accountable, raci/multiple-accountable, raci/no-responsible, raci/too-many-responsible,
 * raci/role-conflict. `quick` false looks at every activity in full (the tests compare both).
 */
export function raciRules(book: IndexedBook, maxResponsible: number, allow: readonly string[] = ['R+A'], quick = true): Finding[] {
  // `a+r`, `R + A` and `A+R` all name the letters R and A: compared in RACI order.
  const allowed = new Set(allow.map((combo) => raciLetters(combo.toUpperCase().split('+').reduce((m, l) => m | (RACI[l.trim() as RaciLetter] ?? 0), 0)).join('+')));
  const t = book.assignments;
  if (!t) return [];
  // For each set of letters a person may hold: whether holding them all is a role conflict.
  const conflict = Array.from({ length: 16 }, (_, mask) => {
    const letters = raciLetters(mask);
    return letters.length > 1 && !allowed.has(letters.join('+'));
  });
  const out: Finding[] = [];
  for (const g of book.groups) {
    if (quick && nothingToSay(book, g, maxResponsible, conflict)) continue;
    const first = g.rows[0]!;
    // An activity's rows are all on one sheet: the matrix, or the long sheet beside it for one the matrix does not show.
    const layout = sheetOf(t, first);
    const col = layout.byKey.get('raci') ?? layout.byKey.get('task');
    const account = g.account?.name ?? g.accountText;
    // In a matrix the letters are in the person's column: a finding points at the activity's first
    // cell of letters, or at the person's own cell.
    const cellOf = (person?: string): typeof col => {
      const r = person !== undefined ? (g.rows.find((x) => x.person !== undefined && fold(x.person) === fold(person)) ?? first) : first;
      return r.column !== undefined ? layout.columns[r.column] : col;
    };
    const at = (rule: Parameters<typeof cellFinding>[0], args: Params, person?: string): void => {
      out.push(cellFinding(rule, layout, first.row, cellOf(person), { account, task: first.task, ...args }, { account, task: first.task, ...(person !== undefined ? { person } : {}) }));
    };
    const hs = [...holders(book, g).values()];
    const accountable = hs.filter((h) => h.letters & RACI.A);
    const responsible = hs.filter((h) => h.letters & RACI.R);
    if (accountable.length === 0) at('raci/no-accountable', {});
    if (accountable.length > 1) at('raci/multiple-accountable', { holders: namesList(accountable.map((h) => h.name)), count: accountable.length });
    if (responsible.length === 0) at('raci/no-responsible', {});
    if (responsible.length > maxResponsible) at('raci/too-many-responsible', { holders: namesList(responsible.map((h) => h.name)), count: responsible.length, max: maxResponsible });
    for (const h of hs) {
      const letters = raciLetters(h.letters);
      if (h.kind === 'person' && letters.length > 1 && !allowed.has(letters.join('+'))) at('raci/role-conflict', { variant: 'person', holder: h.name, letters: letters.join('+') }, h.name);
    }
    const departments = [...new Set(responsible.flatMap((h) => (h.department !== undefined ? [h.department] : [])))];
    if (departments.length > 1) at('raci/role-conflict', { variant: 'departments', departments: departments.join(', ') });
  }
  return out;
}

/**
 * Names as a list: `, ` between them, or `; ` when a name holds a comma itself (`Nguyen, Mai; Smith,
 * John` is two people, `Nguyen, Mai, Smith, John` read as four: found by a new user).
 */
function namesList(names: readonly string[]): string {
  return names.join(names.some((n) => n.includes(',')) ? '; ' : ', ');
}
