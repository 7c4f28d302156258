/** Cells that name several people (`张伟、李娜`): one row per person, each with an equal part. */
import { fieldsOf, type Assignment } from '../model/assignment.js';
import type { Person } from '../model/person.js';
import { fold } from '../util/text.js';

/** Separators between names in one cell: 、 ， ， ； / & + 和 及 与. */
const NAME_SEPARATORS = /\s*(?:[、,，;；/&+]|和|及|与)\s*/;
/** Without a staff sheet only the separators no name contains. */
const CJK_SEPARATORS = /\s*[、，；/]\s*/;

/**
 * A cell naming several people (`张伟、李娜`) gives each of them the row's letters and an equal
 * part of its hours. It is split only when every part is a person of the staff sheet (or, with no
 * staff sheet, when it is separated by 、，；/): `Smith, John` stays one name.
 */
export function expandShared(rows: readonly Assignment[], people: Map<string, Person>, haveStaff: boolean): readonly Assignment[] {
  // The rows themselves where no cell names several people (the list is copied from the first that does).
  let out: Assignment[] | undefined;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (r.person === undefined || (haveStaff && people.has(r.personKey!))) {
      out?.push(r);
      continue;
    }
    const parts = r.person.split(haveStaff ? NAME_SEPARATORS : CJK_SEPARATORS).filter((p) => p !== '');
    const keys = parts.map(fold);
    if (parts.length < 2 || (haveStaff && !keys.every((k) => people.has(k)))) {
      out?.push(r);
      continue;
    }
    out ??= rows.slice(0, i);
    for (let k = 0; k < parts.length; k++) out.push({ ...fieldsOf(r), person: parts[k]!, personKey: keys[k]!, portion: 1 / parts.length });
  }
  return out ?? rows;
}
