// Every sentence and word kam prints exists in Chinese and in English, with the same parameters,
// and no message sits in the dictionaries that no code can ask for.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TASKS } from '../../src/config/defaults.js';
import { EXPECTED, FINDING_HINTS, FINDING_MESSAGES, TASK_TYPES } from '../../src/i18n/findings.js';
import { LABELS } from '../../src/i18n/labels.js';
import { MESSAGES } from '../../src/i18n/messages.js';
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
    expect(Object.keys(FINDING_HINTS.en).filter((k) => !rules.has(k))).toEqual([]);
  });

  it('every reason a value could not be read is worded, and every wording is a reason some code gives', () => {
    const reasons = Object.keys(EXPECTED.en);
    expect(reasons.filter((r) => !literals.has(r) && !prefixes.some((p) => `${r}:`.startsWith(p)))).toEqual([]);
    for (const r of ['number', 'date', 'ambiguous-date', 'boolean', 'formula', 'tier', 'raci', 'frequency', 'status']) expect(reasons).toContain(r);
  });

  it('every default task type has a name in both languages', () => {
    expect(Object.keys(TASK_TYPES.en).sort()).toEqual(Object.keys(DEFAULT_TASKS).sort());
  });
});
