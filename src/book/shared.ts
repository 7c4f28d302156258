/**
 * Cells that name several people (`张伟、李娜`): one row per person, each with an equal part; and a
 * staff name with a gloss after it (`张伟（客户经理）`): that person.
 */
import { editDistance } from '../util/near.js';
import { fieldsOf, type Assignment } from '../model/assignment.js';
import type { Person } from '../model/person.js';
import { fold } from '../util/text.js';

/**
 * Separators between names in one cell, tried in turn until every part is a person of the staff
 * sheet: those no name contains (、 ； ; / & + 和 及 与, a line break), then the comma too (`Nguyen, Mai;
 * Smith, John` is two people, `Jane Doe, John Smith` two as well), then spaces between Chinese names (`周杰 王芳`; `Mary Ann` stays one).
 */
const SPACES = /\s+/;
const NAME_SEPARATORS = [/\s*(?:[、，;；/&+\n]|和|及|与)\s*/, /\s*(?:[、,，;；/&+\n]|和|及|与)\s*/, SPACES];
/** Without a staff sheet only the separators no name contains. */
const CJK_SEPARATORS = /\s*[、，；/\n]\s*/;

/** A name with a gloss in brackets after it: `张伟（客户经理）`, `Ann Lee (PM)`. */
const GLOSSED = /^(.+?)\s*[（(]([^()（）]{1,20})[)）]$/;

/**
 * The staff person a text names: as written, else without a gloss in brackets after it when the
 * name alone is on the Staff sheet and the gloss is one of its roles or departments
 * (`张伟（客户经理）` as a matrix's column header: found by a new user, every letter in the column was
 * an unknown person). Any other gloss is no role — `张伟（已离职）`, `李娜（张伟交接）` stay unknown people
 * (found by review) — and a text that is a staff name as written stays that person (`王芳(大)`
 * beside `王芳(小)`).
 */
export function staffNamer(people: ReadonlyMap<string, Person>): (text: string) => { name: string; key: string } | undefined {
  let glosses: Set<string> | undefined;
  let aliases: Map<string, string | null> | undefined;
  const alias = (key: string): { name: string; key: string } | undefined => {
    aliases ??= englishNames(people);
    const to = aliases.get(key);
    return to ? { name: people.get(to)!.name, key: to } : undefined;
  };
  return (text) => {
    const key = fold(text);
    if (people.has(key)) return { name: text, key };
    const m = GLOSSED.exec(text.trim());
    if (!m) return alias(key);
    // `张伟 (E009)`, `张伟（E009）`: one of two staff members of one name, as the sheet knows them (`张伟(E009)`).
    const joined = fold(`${m[1]!.trim()}(${m[2]!.trim()})`);
    if (people.has(joined)) return { name: people.get(joined)!.name, key: joined };
    const bare = fold(m[1]!);
    // `张伟(E001)`: a name with its own staff id (found by a new user, as CRM exports write people).
    if (people.has(bare) && people.get(bare)!.id !== undefined && fold(people.get(bare)!.id!) === fold(m[2]!)) return { name: m[1]!.trim(), key: bare };
    if (ENGLISH_NAME.test(m[2]!.trim())) {
      // `李美玲 (Mary Lee)` of a staff member 李美玲: a name (capitalised words), not a note such as `(left)` or `(PM)`.
      if (people.has(bare)) return { name: m[1]!.trim(), key: bare };
      // `陈大文 (David Chan)` of a staff member `陳大文 (David Chan)`: the English name is hers, and the Chinese
      // one is no other staff member's (found by review: `王小明 (David Chan)` went to 陳大文).
      const byEnglish = alias(fold(m[2]!));
      const byChinese = alias(bare);
      if (byChinese) return !byEnglish || byEnglish.key === byChinese.key ? byChinese : undefined;
      // By the English name only when the Chinese one is hers written another way (陈/陳: one character apart).
      const hers = byEnglish ? GLOSSED.exec(people.get(byEnglish.key)!.name.trim())?.[1] : undefined;
      return byEnglish && hers !== undefined && editDistance(bare, fold(hers)) <= 1 ? byEnglish : undefined;
    }
    if (!people.has(bare)) return undefined;
    if (!glosses) {
      glosses = new Set();
      for (const p of people.values()) for (const g of [p.role, p.department]) if (g !== undefined) glosses.add(fold(g));
    }
    return glosses.has(fold(m[2]!)) ? { name: m[1]!.trim(), key: bare } : undefined;
  };
}

/**
 * The person a text names as {@link staffNamer} reads it, else the text as written (a person the Staff
 * sheet does not list): the account manager of the Accounts sheet, read the way the rows name people.
 */
export function personNamer(people: ReadonlyMap<string, Person>): (text: string) => { name: string; key: string } {
  const staffName = staffNamer(people);
  return (text) => staffName(text) ?? { name: text, key: fold(text) };
}

/** An English name in brackets beside a Chinese one (`陳大文 (David Chan)`, Hong Kong's way): two to four capitalised words. */
const ENGLISH_NAME = /^[A-Z][a-z'-]+(?: [A-Z][a-z'-]+){1,3}$/;

/**
 * A staff member written with an English name in brackets (`陳大文 (David Chan)`) is also either name
 * alone (found by a new user: rows naming 陳大文 or David Chan were unknown people); a name two people
 * would share is nobody's. So is a staff id or e-mail address.
 */
function englishNames(people: ReadonlyMap<string, Person>): Map<string, string | null> {
  const out = new Map<string, string | null>();
  // A staff id (工号 `E001`) or e-mail address names its person too, where it is no name of the sheet's (found by a new
  // user: rows and 客户经理 cells naming people by 工号 were unknown people, and their hours went to nobody); one two people
  // share, nobody.
  for (const [key, p] of people) {
    for (const other of [p.id, p.email]) {
      if (other === undefined || other.trim() === '') continue;
      const id = fold(other);
      if (people.has(id)) continue;
      out.set(id, out.has(id) && out.get(id) !== key ? null : key);
    }
  }
  for (const [key, p] of people) {
    const m = GLOSSED.exec(p.name.trim());
    if (!m || !ENGLISH_NAME.test(m[2]!.trim()) || !/[\u3400-\u9fff]/.test(m[1]!)) continue;
    for (const name of [fold(m[1]!), fold(m[2]!)]) {
      if (people.has(name)) continue;
      out.set(name, out.has(name) && out.get(name) !== key ? null : key);
    }
  }
  return out;
}

/** The staff people a text names when it names two or more (`张伟/李娜`, every part on the Staff sheet), else undefined. */
export function severalPeople(people: ReadonlyMap<string, Person>): (text: string) => string[] | undefined {
  const staffName = staffNamer(people);
  return (text) => {
    const found = partsOf(text, true, staffName);
    return found && found.parts.length > 1 ? found.parts : undefined;
  };
}

/** The people a cell names: its parts when it names several (all of them staff, with a staff sheet), else undefined. */
function partsOf(text: string, haveStaff: boolean, staffName: ReturnType<typeof staffNamer>): { parts: string[]; keys: string[] } | undefined {
  for (const separator of haveStaff ? NAME_SEPARATORS : [CJK_SEPARATORS]) {
    // Spaces part Chinese names only: `Mary Ann` is one person though `Mary` and `Ann` are two others.
    if (separator === SPACES && /[A-Za-z]/.test(text)) continue;
    const parts = text.split(separator).filter((p) => p !== '');
    // One name with a separator left after it (`张三、`, found by a new user: an unknown person): that name.
    if (parts.length === 1 && parts[0] !== text.trim() && /^[\s、,，;；/&+]+$/.test(text.replace(parts[0]!, ''))) {
      const named = haveStaff ? staffName(parts[0]!) : { name: parts[0]!, key: fold(parts[0]!) };
      if (named) return { parts: [named.name], keys: [named.key] };
    }
    if (parts.length < 2) continue;
    if (!haveStaff) return { parts, keys: parts.map(fold) };
    const named = parts.map(staffName);
    if (named.every((n) => n !== undefined)) return { parts: named.map((n) => n!.name), keys: named.map((n) => n!.key) };
  }
  return undefined;
}

/**
 * A cell naming several people (`张伟、李娜`) gives each of them the row's letters and an equal
 * part of its hours. It is split only when every part is a person of the staff sheet (or, with no
 * staff sheet, when it is separated by 、，；/ or a line break): `Smith, John` stays one name.
 */
export function expandShared(rows: readonly Assignment[], people: Map<string, Person>, haveStaff: boolean): readonly Assignment[] {
  // The rows themselves where no cell names several people (the list is copied from the first that does).
  let out: Assignment[] | undefined;
  const staffName = staffNamer(people);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (r.person === undefined || (haveStaff && people.has(r.personKey!))) {
      out?.push(r);
      continue;
    }
    const split = partsOf(r.person, haveStaff, staffName);
    if (!split) {
      const glossed = haveStaff ? staffName(r.person) : undefined;
      if (glossed) {
        out ??= rows.slice(0, i);
        out.push({ ...fieldsOf(r), person: glossed.name, personKey: glossed.key });
      } else out?.push(r);
      continue;
    }
    const { parts, keys } = split;
    out ??= rows.slice(0, i);
    for (let k = 0; k < parts.length; k++) out.push({ ...fieldsOf(r), person: parts[k]!, personKey: keys[k]!, portion: 1 / parts.length });
  }
  return out ?? rows;
}
