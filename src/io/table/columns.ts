/** Finding a column by the name a config gives it: canonical, an alias, or the header as written. */
import type { Aliases } from '../../model/aliases.js';
import type { Column, Layout } from '../../model/table.js';
import { aliasIndex, splitUnit } from '../../parse/headers.js';
import { fold, foldKey } from '../../util/text.js';

/**
 * Finds the column a criterion or rule names: a canonical column (`annual_revenue`), an alias
 * (`年采购额`), or a header as written (`服务评分`, with or without its unit).
 */
export function findColumn(layout: Layout, name: string, aliases: Aliases = {}): Column | undefined {
  const direct = layout.byKey.get(name);
  if (direct) return direct;
  const wanted = foldKey(splitUnit(name).base);
  for (const c of layout.columns) {
    if (c && (fold(c.header) === fold(name) || foldKey(splitUnit(c.header).base) === wanted)) return c;
  }
  const key = aliasIndex('accounts', aliases).get(wanted);
  return key ? layout.byKey.get(key) : undefined;
}
