/** A person of the Staff sheet (人员), and the sheet read as a table. */
import type { Finding } from './finding.js';
import type { Layout } from './table.js';

export interface Person {
  row: number;
  name: string;
  /** The folded name: how assignments find the person. */
  key: string;
  /** 工号, and the e-mail address: rows may name the person by either (`E001`, `zhang.wei@corp.com`). */
  id?: string;
  email?: string;
  role?: string;
  department?: string;
  /** Weekly hours available (每周可用工时); the config default applies where absent. */
  capacity?: number;
  maxAccounts?: number;
  manager?: string;
  /** 在职: true unless the sheet says otherwise. */
  active: boolean;
}

export interface StaffTable {
  layout: Layout;
  people: Person[];
  findings: Finding[];
  /**
   * Names two staff members or more share, each told apart by their own 工号 (`张伟` of `张伟(E001)` and `张伟(E009)`):
   * by the folded name, the names the sheet's people are known by. The name alone names nobody.
   */
  sharedNames?: Map<string, string[]>;
}
