/** RACI per activity (account × task): one A, at least one R, not too many R, no role conflicts. */
import { RACI, raciLetters, type RaciLetter } from '../model/codes.js';
import { cellFinding } from '../model/finding.js';
import type { Finding } from '../model/finding.js';
import { holders } from '../book/holders.js';
import type { Params } from '../model/errors.js';
import type { IndexedBook } from '../book/book.js';
import { sheetOf } from '../model/assignment.js';
import { fold } from '../util/text.js';

/** raci/no-accountable, raci/multiple-accountable, raci/no-responsible, raci/too-many-responsible, raci/role-conflict. */
export function raciRules(book: IndexedBook, maxResponsible: number, allow: readonly string[] = ['R+A']): Finding[] {
  // `a+r`, `R + A` and `A+R` all name the letters R and A: compared in RACI order.
  const allowed = new Set(allow.map((combo) => raciLetters(combo.toUpperCase().split('+').reduce((m, l) => m | (RACI[l.trim() as RaciLetter] ?? 0), 0)).join('+')));
  const t = book.assignments;
  if (!t) return [];
  const out: Finding[] = [];
  for (const g of book.groups) {
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
    if (accountable.length > 1) at('raci/multiple-accountable', { holders: accountable.map((h) => h.name).join(', '), count: accountable.length });
    if (responsible.length === 0) at('raci/no-responsible', {});
    if (responsible.length > maxResponsible) at('raci/too-many-responsible', { holders: responsible.map((h) => h.name).join(', '), count: responsible.length, max: maxResponsible });
    for (const h of hs) {
      const letters = raciLetters(h.letters);
      if (h.kind === 'person' && letters.length > 1 && !allowed.has(letters.join('+'))) at('raci/role-conflict', { variant: 'person', holder: h.name, letters: letters.join('+') }, h.name);
    }
    const departments = [...new Set(responsible.flatMap((h) => (h.department !== undefined ? [h.department] : [])))];
    if (departments.length > 1) at('raci/role-conflict', { variant: 'departments', departments: departments.join(', ') });
  }
  return out;
}
