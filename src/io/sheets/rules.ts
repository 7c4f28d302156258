/** The optional Rules sheet: key/value rows that override kam.config.json. */
import type { RulesEntry } from '../../config/resolve.js';
import type { Cell } from '../../model/cell.js';
import { cellAddress } from '../../util/cellref.js';
import type { SheetSource } from '../source.js';
import { readTable, type TableOptions } from '../table/scan.js';
import { parseText } from '../../parse/values.js';

/** Reads `key | value` rows; values keep their type (numbers, booleans, JSON arrays and objects). */
export async function readRulesSheet(source: SheetSource, options: TableOptions): Promise<RulesEntry[]> {
  const { layout, rows } = await readTable(source, 'rules', options);
  const keyCol = layout.byKey.get('key');
  const valueCol = layout.byKey.get('value');
  if (!keyCol || !valueCol) return [];
  const out: RulesEntry[] = [];
  for (const { row, cells } of rows) {
    const key = parseText(cells[keyCol.index]);
    if (!key?.ok) continue;
    const cell = cells[valueCol.index];
    if (cell === undefined) continue;
    out.push({ key: key.value, value: cellValue(cell), cell: cellAddress(layout.sheet, valueCol.index, row) });
  }
  return out;
}

function cellValue(cell: Cell): unknown {
  switch (cell.t) {
    case 'n':
    case 'b':
      return cell.v;
    default: {
      const s = cell.v.normalize('NFKC').trim();
      if (/^(?:[[{"]|-?\d+(?:\.\d+)?$|true$|false$|null$)/.test(s)) {
        try {
          return JSON.parse(s) as unknown;
        } catch {
          return s;
        }
      }
      return s;
    }
  }
}
