/** How a table is read: which file it is in, the date system, the config's aliases and units. */
import type { Aliases } from '../../model/aliases.js';
import type { Params } from '../../model/errors.js';
import type { RowOptions } from '../source.js';

export interface TableOptions extends RowOptions {
  file: string;
  date1904: boolean;
  /** Numbers written with a decimal comma (a `;`-separated CSV): `1.250` is 1250, `2,5` is 2.5. */
  decimalComma?: (col: number) => boolean;
  /** Extra header aliases per canonical column, from the config. */
  aliases?: Aliases;
  /** Hours in a working day, for effort written in days (`2天`, `1人天`). */
  hoursPerDay?: number;
  /** The order of a date such as `11/3/2025` that its column does not settle (`dateOrder` in the config). */
  dateOrder?: 'month-first' | 'day-first';
  /** Whether a text is a tier's label or alias (the config's), to tell a tier column by its values. */
  tierWords?: (text: string) => boolean;
  /**
   * A row of one text between the table's records that records nothing (a section's label, `二、已离职人员`, over the
   * header repeated or over the rows), in the order of the rows: a reader may take what the section says of them.
   */
  onSection?: (text: string, row: number) => void;
  /** A note about how the table was read (two header rows, which of two columns was taken). */
  note?: (code: string, params: Params, verbose: boolean) => void;
}

