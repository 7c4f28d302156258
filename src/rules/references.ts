/** References: accounts, people and departments the assignments name must exist (and be active). */
import { cellFinding } from '../model/finding.js';
import type { Finding } from '../model/finding.js';
import type { IndexedBook } from '../book/book.js';
import { personNamer, severalPeople } from '../book/shared.js';
import { sheetOf } from '../model/assignment.js';
import type { Account } from '../model/account.js';
import { fold } from '../util/text.js';
import { nearest } from '../util/near.js';

/** ref/unknown-account, ref/ambiguous-account, ref/unknown-person, ref/inactive-person, ref/unknown-department. */
export function referenceRules(book: IndexedBook): Finding[] {
  const out: Finding[] = [];
  const t = book.assignments;
  const near = nearStaff(book);
  if (t) {
    // An account's rows follow each other: its lookups are kept for the next row.
    let lastKey: string | undefined;
    let account: Account | undefined;
    let shared: Account[] | undefined;
    for (const a of book.rows) {
      if (a.accountKey !== lastKey) {
        lastKey = a.accountKey;
        account = book.accountIndex.get(a.accountKey);
        shared = book.sharedNames.get(a.accountKey);
      }
      const unknownAccount = book.accounts !== undefined && !account;
      const p = book.staff && a.person !== undefined && a.personKey !== undefined ? book.people.get(a.personKey) : undefined;
      const personGap = book.staff !== undefined && a.person !== undefined && a.personKey !== undefined && (!p || !p.active);
      // (A matrix's group header over a person's column is no department the sheet names for the row: not looked up.)
      const unknownDepartment = book.departments !== undefined && a.department !== undefined && !(a.column !== undefined && a.person !== undefined) && !book.departments.has(a.departmentKey!);
      // Most rows name what exists: nothing is built for them.
      if (!unknownAccount && !shared && !personGap && !unknownDepartment) continue;
      const layout = sheetOf(t, a);
      const accountCol = layout.byKey.get('account_id') ?? layout.byKey.get('account');
      const about = { account: account?.name ?? a.account, task: a.task };
      if (unknownAccount) out.push(cellFinding('ref/unknown-account', layout, a.row, accountCol, { ...about, account: a.account }, about));
      if (shared) {
        const ids = shared.map((s) => s.id ?? `#${s.row}`).join(', ');
        out.push(cellFinding('ref/ambiguous-account', layout, a.row, accountCol, { ...about, account: a.account, count: shared.length, ids }, { ...about, account: a.account }));
      }
      if (personGap) {
        // In a matrix the person is the column's header: the finding points at the cell of letters.
        const at = a.column !== undefined ? layout.columns[a.column] : layout.byKey.get('person');
        if (!p) out.push(cellFinding('ref/unknown-person', layout, a.row, at, { ...about, person: a.person!, ...near(a.person!) }, { ...about, person: a.person! }));
        else out.push(cellFinding('ref/inactive-person', layout, a.row, at, { ...about, person: p.name }, { ...about, person: p.name }));
      }
      if (unknownDepartment) out.push(cellFinding('ref/unknown-department', layout, a.row, layout.byKey.get('department'), { ...about, department: a.department! }, about));
    }
  }
  // A row whose id is one account and whose name another's (`0015g00000AbCdEAAV | Acme Holdings`, the id Acme Corp's):
  // which one is meant is ambiguous; the id is read, and this is said (found by a new user: the row went to Acme Corp
  // without a word, and Acme Holdings was reported without the work it has). A name that is only shorter or longer
  // than the account's (`华东精密` for `华东精密制造有限公司`) names no other account, and is not said.
  if (t?.idNames && book.accounts) {
    const nameCol = t.layout.byKey.get('account');
    for (const n of t.idNames) {
      const account = book.accountIndex.get(n.idKey);
      if (!account || fold(account.name) === n.nameKey || book.sharedNames.has(n.nameKey)) continue;
      const other = book.accountIndex.get(n.nameKey);
      if (!other || other === account || other.key === account.key) continue;
      const about = { account: account.name, task: n.task };
      out.push(cellFinding('ref/ambiguous-account', t.layout, n.row, nameCol, { variant: 'idName', ...about, id: account.id ?? account.name, name: n.name, other: other.id ?? other.name }, about));
    }
  }
  // An account's owner (客户经理) is a person too: one who left, or whom nobody knows, is a gap.
  if (book.accounts && book.staff) {
    const { layout } = book.accounts;
    const ownerCol = layout.byKey.get('owner');
    // The owner as the rows name people: `Mary Lee` of a staff member `李美玲 (Mary Lee)`, `张伟（客户经理）` (found by a new user).
    const personOf = personNamer(book.people);
    let severalOf: ((text: string) => string[] | undefined) | undefined;
    for (const acc of book.accounts.accounts) {
      if (acc.owner === undefined) continue;
      const p = book.people.get(personOf(acc.owner).key);
      const about = { account: acc.name, person: acc.owner };
      const several = p ? undefined : (severalOf ??= severalPeople(book.people))(acc.owner);
      // `张伟/李娜` as the account manager: two staff members where an account has one (found by a new user: "not in
      // the staff sheet", though both are); said as that, the owner read as nobody.
      if (several) out.push(cellFinding('ref/unknown-person', layout, acc.row, ownerCol, { variant: 'severalOwners', account: acc.name, person: acc.owner, count: several.length, names: several.join(', ') }, about));
      else if (!p) {
        const hint = near(acc.owner);
        out.push(cellFinding('ref/unknown-person', layout, acc.row, ownerCol, { account: acc.name, person: acc.owner, ...hint, variant: hint.variant === 'twoStaff' ? 'twoStaffOwner' : 'owner' }, about));
      }
      else if (!p.active) out.push(cellFinding('ref/inactive-person', layout, acc.row, ownerCol, { variant: 'owner', account: acc.name, person: p.name }, about));
    }
  }
  return out;
}

/**
 * The staff member a name not on the Staff sheet is most likely meant as: the same name the other way round
 * (`Smith, John` for `John Smith`), or one a letter or two from it (`jose garcía` for `José García`) — for the hint,
 * never read as that person (found by a new user: "fix the spelling" named nobody). Asked once a name.
 */
function nearStaff(book: IndexedBook): (name: string) => { near?: string; variant?: string; count?: number } {
  const asked = new Map<string, { near?: string; variant?: string; count?: number }>();
  let names: string[] | undefined;
  let turned: Map<string, string> | undefined;
  const turn = (text: string): string | undefined => {
    const m = /^\s*([^,，]+?)\s*[,，]\s*([^,，]+?)\s*$/.exec(text);
    return m ? `${m[2]} ${m[1]}` : undefined;
  };
  return (name) => {
    let found = asked.get(name);
    if (found) return found;
    // A name two staff members share, each known by their 工号 (`张伟(E001)`, `张伟(E009)`): which one is meant is not guessed.
    const shared = book.staff?.sharedNames?.get(fold(name));
    if (shared) {
      found = { near: shared.join(', '), variant: 'twoStaff', count: shared.length };
      asked.set(name, found);
      return found;
    }
    names ??= [...book.people.values()].map((p) => p.name);
    // `Smith, John` and `John Smith`, either way round.
    turned ??= new Map(names.flatMap((n) => (turn(n) !== undefined ? [[fold(turn(n)!), n] as const] : [])));
    const close = (turn(name) !== undefined ? book.people.get(fold(turn(name)!))?.name : undefined) ?? turned.get(fold(name)) ?? nearest(name, names, (s) => fold(s).normalize('NFD').replace(/[\u0300-\u036f]/g, ''));
    found = close !== undefined ? { near: close } : {};
    asked.set(name, found);
    return found;
  };
}
