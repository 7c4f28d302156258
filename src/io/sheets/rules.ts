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
    out.push({ key: key.value, value: cellValue(cell, key.value), cell: cellAddress(layout.sheet, valueCol.index, row) });
  }
  return out;
}

/** Settings that are fractions (`load.over`, `threshold`): `120%` in a cell is 1.2, as a percentage is read everywhere. */
const FRACTION_KEY = /(?:^|\.)(?:over|high|idle|target|threshold)$/i;
/** A number with the unit a setting counts in (`30天` of `cadenceDays`, `8小时`, `5家`): the number. */
const WITH_UNIT = /^(-?\d+(?:\.\d+)?)\s*(?:天|日|days?|小时|个小时|h|hours?|家|个|人|次)$/i;

/**
 * A value as the cell holds it (numbers, booleans, JSON arrays and objects); and as people write a setting in a sheet
 * (found by a new user: `load.over` `120%` and `cadenceDays` `30天` were refused, though kam reads both in cells).
 */
function cellValue(cell: Cell, key: string): unknown {
  switch (cell.t) {
    case 'n':
    case 'b':
      return cell.v;
    default: {
      const s = cell.v.normalize('NFKC').trim();
      const pct = /^(-?\d+(?:\.\d+)?)\s*%$/.exec(s);
      if (pct && FRACTION_KEY.test(key.trim())) return Number(pct[1]) / 100;
      const unit = WITH_UNIT.exec(s);
      if (unit) return Number(unit[1]);
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
