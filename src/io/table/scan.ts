/**
 * From a sheet's rows to a table: the header row found under title rows, headers matched to
 * canonical columns, blank and totals rows skipped. Rows keep their sheet row numbers and columns
 * their letters, so every later finding can point at a cell.
 */
import type { Layout } from '../../model/table.js';
import { isBlank, type RawRow } from '../../model/cell.js';
import type { SheetRole } from '../../model/columns.js';
import type { Finding } from '../../model/finding.js';
import { RULES } from '../../model/rules.js';
import { columnLetter } from '../../util/cellref.js';
import { aliasIndex } from '../../parse/headers.js';
import type { SheetSource } from '../source.js';
import { chooseHeader } from './header.js';
import type { TableOptions } from './options.js';
import { isEmptyRow, isRecordRow } from './rows.js';

export type { TableOptions } from './options.js';

/** Rows above the header that may be titles, notes or blank. */
const HEADER_SCAN_ROWS = 30;

/** Streams a sheet's data rows to `onRow` and returns its layout and structural findings. */
export async function scanTable(
  source: SheetSource,
  role: SheetRole,
  options: TableOptions,
  onRow: (row: RawRow, layout: Layout) => void,
): Promise<{ layout: Layout; findings: Finding[] }> {
  const index = aliasIndex(role, options.aliases);
  const head: RawRow[] = [];
  let layout: Layout | undefined;
  let findings: Finding[] = [];
  let lastHeaderRow = 0;
  const blankWithData = new Set<number>();
  // kam's own columns (`kam tier --write`) are never data: a note row with a value there is still a note.
  let own: number[] | undefined;
  const emit = (row: RawRow): void => {
    own ??= ['computed_tier', 'computed_score'].flatMap((k) => (layout!.byKey.has(k) ? [layout!.byKey.get(k)!.index] : []));
    if (own.length > 0 && own.some((c) => row.cells[c] !== undefined)) {
      const cells = row.cells.slice();
      for (const c of own) cells[c] = undefined;
      row = { row: row.row, cells };
    }
    if (!isRecordRow(row)) return;
    for (let c = 0; c < row.cells.length; c++) {
      if (!layout!.columns[c] && !blankWithData.has(c) && !isBlank(row.cells[c])) {
        blankWithData.add(c);
        findings.push({ rule: 'schema/blank-header', severity: RULES['schema/blank-header'], args: { column: columnLetter(c) }, sheet: layout!.sheet, row: layout!.headerRow, column: columnLetter(c) });
      }
    }
    onRow(row, layout!);
  };
  for await (const batch of source.rows({ onProgress: options.onProgress })) {
    for (const row of batch) {
      if (layout) {
        emit(row);
        continue;
      }
      if (isEmptyRow(row)) continue;
      head.push(row);
      if (head.length >= HEADER_SCAN_ROWS) {
        ({ layout, findings, lastHeaderRow } = chooseHeader(head, source.name, role, index, options));
        for (const r of head) if (r.row > lastHeaderRow) emit(r);
      }
    }
  }
  if (!layout) {
    ({ layout, findings, lastHeaderRow } = chooseHeader(head, source.name, role, index, options));
    for (const r of head) if (r.row > lastHeaderRow) emit(r);
  }
  options.onProgress?.(1);
  return { layout, findings };
}

/** Reads a whole table into memory (for sheets of modest size such as Accounts and Staff). */
export async function readTable(
  source: SheetSource,
  role: SheetRole,
  options: TableOptions,
): Promise<{ layout: Layout; rows: RawRow[]; findings: Finding[] }> {
  const rows: RawRow[] = [];
  const { layout, findings } = await scanTable(source, role, options, (r) => rows.push(r));
  return { layout, rows, findings };
}

