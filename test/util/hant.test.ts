// Traditional Chinese headers, sheet names, task names and codes (issue 9): every word of kam's
// vocabulary, written in Taiwan's or Hong Kong's standard forms by OpenCC (an independent
// converter, used here only), reads as the simplified word it stands for.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TASKS } from '../../src/config/defaults.js';
import { COLUMNS, SHEET_ALIASES } from '../../src/model/columns.js';
import { parseFrequency, parseRaci, parseStatus } from '../../src/parse/codes.js';
import { aliasIndex, matchHeader } from '../../src/parse/headers.js';
import { toSimplified, toSimplifiedIfAny } from '../../src/util/hant.js';
import { fold } from '../../src/util/text.js';
import { ROOT } from '../helpers/cli.js';

const tw = OpenCC.Converter({ from: 'cn', to: 'tw' });
const hk = OpenCC.Converter({ from: 'cn', to: 'hk' });
const cjk = (w: string) => /[\u4e00-\u9fff]/.test(w);

describe('Traditional Chinese', () => {
  it('every header alias, sheet name and task name folds back from its Taiwan and Hong Kong forms', () => {
    const words = new Set<string>();
    for (const role of Object.values(COLUMNS)) for (const spec of Object.values(role)) for (const a of [...spec.aliases, ...(spec.loose ?? [])]) words.add(a);
    for (const list of Object.values(SHEET_ALIASES)) for (const a of list) words.add(a);
    for (const list of Object.values(DEFAULT_TASKS)) for (const a of list) words.add(a);
    const wrong = [...words].filter(cjk).flatMap((w) => [tw(w), hk(w)].filter((t) => toSimplified(t) !== w).map((t) => `${t} → ${toSimplified(t)} (not ${w})`));
    expect(wrong).toEqual([]);
    expect(words.size).toBeGreaterThan(400);
  });

  it('headers in Traditional forms match the same canonical columns', () => {
    for (const [role, columns] of Object.entries(COLUMNS) as [keyof typeof COLUMNS, (typeof COLUMNS)[keyof typeof COLUMNS]][]) {
      const index = aliasIndex(role);
      for (const spec of Object.values(columns)) {
        for (const a of spec.aliases.filter(cjk)) expect(matchHeader(tw(a), role, index).key, tw(a)).toBe(matchHeader(a, role, index).key);
      }
    }
  });

  it('RACI, status and frequency words read the same in Traditional forms (每週, 負責, 已取消, 擱置)', () => {
    const source = readFileSync(join(ROOT, 'src', 'parse', 'codes.ts'), 'utf8');
    const words = [...new Set([...source.matchAll(/([\u4e00-\u9fff][\u4e00-\u9fff0-9]*):\s*'/g)].map((m) => m[1]!))];
    expect(words).toEqual(expect.arrayContaining(['负责', '已取消', '搁置', '每周']));
    for (const w of words) {
      for (const parse of [parseRaci, parseStatus, parseFrequency]) {
        const cell = (v: string) => ({ t: 's' as const, v });
        expect(parse(cell(tw(w))), `${tw(w)} (${w})`).toEqual(parse(cell(w)));
      }
    }
  });

  it('names fold alike in either script, by every character OpenCC knows (陳大文 is 陈大文, 九龍電訊 is 九龙电讯)', () => {
    expect(toSimplified('陳大文')).toBe('陈大文');
    expect(fold('九龍電訊（香港）')).toBe(fold('九龙电讯(香港)'));
    // A character past the BMP, beside one in it; text around both kept.
    expect(toSimplified('a𠁞陳b')).toBe('a𠀾陈b');
    // A high surrogate that starts no character of the table, and a text with none: as they are.
    expect(toSimplified('𠀀陳')).toBe('𠀀陈');
    const plain = `张伟${'x'.repeat(3)}`;
    expect(toSimplifiedIfAny(plain)).toBe(plain);
    // Names of Taiwan and Hong Kong written by OpenCC's phrase converter read as the simplified name.
    const names = ['陈大文', '刘德华', '郑秀文', '张学友', '梁朝伟', '黄伟文', '龙应台', '邓丽君', '钟镇涛', '苏慧伦'];
    for (const n of names) for (const t of [tw(n), hk(n)]) expect(fold(t), `${t} (${n})`).toBe(n);
  });

  it('every pair of the table reads as its simplified form (or as OpenCC\'s converter gives it), past the BMP too', async () => {
    const t2s = OpenCC.Converter({ from: 't', to: 'cn' });
    const table = (await import('opencc-js/dict/TSCharacters')).default;
    const wrong = table
      .split('|')
      .map((e) => e.split(' ') as [string, string])
      .filter(([t, s]) => t !== s && toSimplified(t) !== s && toSimplified(t) !== t2s(t))
      .map(([t, s]) => `${t} → ${toSimplified(t)} (not ${s})`);
    expect(wrong).toEqual([]);
  });
});
