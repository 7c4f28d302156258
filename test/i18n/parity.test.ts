// Every sentence and word kam prints exists in Chinese and in English, with the same parameters,
// and no message sits in the dictionaries that no code can ask for.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TASKS } from '../../src/config/defaults.js';
import { EXPECTED, FINDING_HINTS, FINDING_MESSAGES, TASK_TYPES } from '../../src/i18n/findings.js';
import { LABELS } from '../../src/i18n/labels.js';
import { MESSAGES, t } from '../../src/i18n/messages.js';
import { columnTitle, ZH_COLUMN_NAMES } from '../../src/i18n/columns.js';
import { COLUMNS, SHEET_ROLES } from '../../src/model/columns.js';
import { RULE_IDS } from '../../src/model/rules.js';
import { ROOT } from '../helpers/cli.js';

type Dict = Readonly<Record<string, string>>;
const DICTS: Record<string, { zh: Dict; en: Dict }> = { MESSAGES, LABELS, FINDING_MESSAGES, FINDING_HINTS, EXPECTED, TASK_TYPES };

const params = (s: string): string[] => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** The code outside the dictionaries: string literals name keys, template literals key prefixes. */
const literals = new Set<string>();
const prefixes: string[] = [];
for (const file of sources(join(ROOT, 'src')).filter((f) => !f.includes('/i18n/'))) {
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) literals.add(node.text);
    else if (ts.isTemplateExpression(node) && /^[\w-]+[.#/:]/.test(node.head.text)) prefixes.push(node.head.text);
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest));
}
const used = (key: string): boolean => literals.has(key) || prefixes.some((p) => key.startsWith(p));

describe('i18n', () => {
  it.each(Object.keys(DICTS))('%s: the same keys in zh and en, with the same parameters', (name) => {
    const { zh, en } = DICTS[name]!;
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    const differ = Object.keys(en).filter((k) => params(en[k]!).join() !== params(zh[k]!).join());
    expect(differ).toEqual([]);
  });

  it('every message and label is asked for by some code', () => {
    const unused = [...Object.keys(MESSAGES.en), ...Object.keys(LABELS.en)].filter((k) => !used(k));
    expect(unused).toEqual([]);
  });

  it('every rule has a message, and every message and hint belongs to a rule (or a variant the rules report)', () => {
    const rules = new Set<string>(RULE_IDS);
    const keys = Object.keys(FINDING_MESSAGES.en);
    const withoutMessage = RULE_IDS.filter((r) => !keys.some((k) => k === r || k.startsWith(`${r}#`)));
    expect(withoutMessage).toEqual([]);
    const strays = keys.filter((k) => !rules.has(k.split('#')[0]!) || (k.includes('#') && !literals.has(k.split('#')[1]!)));
    expect(strays).toEqual([]);
    expect(Object.keys(FINDING_HINTS.en).filter((k) => !rules.has(k.split('#')[0]!) || (k.includes('#') && !literals.has(k.split('#')[1]!)))).toEqual([]);
  });

  it('every reason a value could not be read is worded, and every wording is a reason some code gives', () => {
    const reasons = Object.keys(EXPECTED.en);
    expect(reasons.filter((r) => !literals.has(r) && !prefixes.some((p) => `${r}:`.startsWith(p)))).toEqual([]);
    for (const r of ['number', 'date', 'ambiguous-date', 'boolean', 'formula', 'tier', 'raci', 'frequency', 'status']) expect(reasons).toContain(r);
  });

  it('every default task type has a name in both languages', () => {
    expect(Object.keys(TASK_TYPES.en).sort()).toEqual(Object.keys(DEFAULT_TASKS).sort());
  });

  it('every canonical column has a Chinese name', () => {
    for (const role of SHEET_ROLES) expect(Object.keys(ZH_COLUMN_NAMES[role]).sort(), role).toEqual(Object.keys(COLUMNS[role]).sort());
  });
});

describe('columns named in messages (issue 9 user test)', () => {
  it('zh messages name a canonical column by its Chinese name, not its id', () => {
    expect(t('zh', 'warn.droppedCriterion', { column: 'contract_value', sheet: '客户信息' })).toBe('评分指标「合同金额」在 客户信息 中没有对应列：已忽略，其余权重重新归一');
    expect(t('zh', 'warn.emptyCriterion', { column: 'satisfaction', sheet: '客户信息' })).toBe('评分指标「满意度」在 客户信息 中没有任何数值：已忽略，其余权重重新归一');
    expect(t('zh', 'input.missingColumn', { role: 'accounts', column: 'annual_revenue / contract_value / years' })).toBe('表头中找不到「年采购额 / 合同金额 / 合作年限」列：请添加该列，或在 kam.config.json 的 "columns" 中映射你的表头');
    expect(t('zh', 'input.missingColumn', { role: 'staff', column: 'name' })).toBe('表头中找不到「姓名」列：请添加该列，或在 kam.config.json 的 "columns" 中映射你的表头');
    expect(t('zh', 'note.columnByValues', { sheet: '客户信息', key: 'tier', chosen: 'C 客户等级', other: 'D 级别' })).toBe('客户信息：读取 C 客户等级 列作为 客户等级；D 级别 列的值不是 客户等级，作为未知列保留');
    expect(t('zh', 'note.columnByName', { sheet: '分工', key: 'raci', chosen: 'D RACI', other: 'E 角色' })).toBe('分工：读取 D RACI 列作为 角色（RACI）；E 角色 列的名称不如它贴切，作为未知列保留');
  });

  it('a criterion of the user\'s own, a key that differs by sheet, and English stay as written', () => {
    expect(t('zh', 'warn.droppedCriterion', { column: '客户潜力', sheet: '客户信息' })).toBe('评分指标「客户潜力」在 客户信息 中没有对应列：已忽略，其余权重重新归一');
    expect(t('zh', 'note.columnByName', { sheet: 'S', key: 'name', chosen: 'A 姓名', other: 'B 名字' })).toContain('作为 name；');
    expect(columnTitle('en', 'accounts', 'annual_revenue')).toBe('annual_revenue');
    expect(t('en', 'warn.droppedCriterion', { column: 'contract_value', sheet: 'Accounts' })).toBe('criterion "contract_value" has no column in Accounts: dropped, the other weights re-normalised');
  });
});
