/** A zod issue as "what was expected", in the user's language. */
import type { core } from 'zod';
import type { Lang } from '../model/lang.js';

type Issue = core.$ZodIssue;

const TYPE_NAMES: Record<string, { zh: string; en: string }> = {
  number: { zh: '数字', en: 'a number' },
  string: { zh: '文本', en: 'text' },
  boolean: { zh: 'true 或 false', en: 'true or false' },
  array: { zh: '数组', en: 'an array' },
  object: { zh: '对象', en: 'an object' },
};

/** What a check of the schema expects, in English (zod's message) and Chinese (kept beside it). */
const ZH = new Map<string, string>();

/** The message of a check the schema makes itself: English for zod, Chinese kept for describeIssue. */
export function expect(en: string, zh: string): { message: string; params: { zh: string } } {
  ZH.set(en, zh);
  return { message: en, params: { zh } };
}

/** The value a user wrote, short, for "got …" (never a whole object). */
function got(input: unknown, zh: boolean): string {
  if (input === undefined || (typeof input === 'object' && input !== null)) return '';
  const text = JSON.stringify(input);
  const short = text.length > 40 ? `${text.slice(0, 39)}…` : text;
  return zh ? `，实为 ${short}` : `, got ${short}`;
}

/** Describes what the config value at an issue's path should have been, and what it was. */
export function describeIssue(issue: Issue, lang: Lang): string {
  return expected(issue, lang) + got((issue as { input?: unknown }).input, lang === 'zh');
}

function expected(issue: Issue, lang: Lang): string {
  const zh = lang === 'zh';
  switch (issue.code) {
    case 'invalid_type': {
      const t = TYPE_NAMES[issue.expected];
      return zh ? `应为${t?.zh ?? issue.expected}` : `expected ${t?.en ?? issue.expected}`;
    }
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'array') return zh ? `至少 ${min} 项` : `expected at least ${min} item(s)`;
      if (issue.origin === 'string') return zh ? '不能为空' : 'expected non-empty text';
      const op = issue.inclusive ? '≥' : '>';
      return zh ? `应为 ${op} ${min} 的数字` : `expected a number ${op} ${min}`;
    }
    case 'too_big': {
      const op = issue.inclusive ? '≤' : '<';
      return zh ? `应为 ${op} ${String(issue.maximum)} 的数字` : `expected a number ${op} ${String(issue.maximum)}`;
    }
    case 'invalid_value':
      return zh ? `应为 ${issue.values.map((v) => JSON.stringify(v)).join(' / ')} 之一` : `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return zh ? `未知的键 ${issue.keys.map((k) => `"${k}"`).join(', ')}` : `unknown key ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_key':
      return zh ? '未知的键' : 'unknown key';
    case 'invalid_format':
      return zh ? `应为${ZH.get(issue.message) ?? issue.message}` : `expected ${issue.message.replace(/^Invalid string: /, '')}`;
    case 'invalid_union': {
      const last = issue.path[issue.path.length - 1];
      if (last === 'top') return zh ? '应为客户数（整数）或百分比，如 "10%"' : 'expected a count or a percentage such as "10%"';
      if (issue.path[0] === 'rules') return zh ? '应为 error / warn / info / off，或 [级别, {选项}]' : 'expected error, warn, info or off, or [level, {options}]';
      if (last === 'label') return zh ? '应为文本或 {"zh": …, "en": …}' : 'expected text or {"zh": …, "en": …}';
      return zh ? '值无效' : 'invalid value';
    }
    case 'custom':
      return zh ? `应为${(issue.params as { zh?: string } | undefined)?.zh ?? ZH.get(issue.message) ?? issue.message}` : `expected ${issue.message}`;
    default:
      return issue.message;
  }
}
