/** Cells that name several people (`张伟、李娜`): one row per person, each with an equal part. */
import type { Assignment } from '../model/assignment.js';
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
export function expandShared(rows: readonly Assignment[], people: Map<string, Person>, haveStaff: boolean): Assignment[] {
  const out: Assignment[] = [];
  for (const r of rows) {
    if (r.person === undefined || (haveStaff && people.has(r.personKey!))) {
      out.push(r);
      continue;
    }
    const parts = r.person.split(haveStaff ? NAME_SEPARATORS : CJK_SEPARATORS).filter((p) => p !== '');
    const keys = parts.map(fold);
    if (parts.length < 2 || (haveStaff && !keys.every((k) => people.has(k)))) {
      out.push(r);
      continue;
    }
    parts.forEach((name, i) => out.push({ ...r, person: name, personKey: keys[i]!, portion: 1 / parts.length }));
  }
  return out;
}
