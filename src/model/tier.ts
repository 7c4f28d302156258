/** Tiers (战略 / 重要 / 普通 by default): their definitions, labels, and the names people write for them. */
import type { Lang } from './lang.js';
import { foldKey } from '../util/text.js';

export interface TierDef {
  id: string;
  label?: string | { zh: string; en: string };
  aliases: readonly string[];
  top?: number | string;
  minScore?: number;
}

/** Builds a recogniser of tier ids from labels, aliases and forms such as `A类客户`, `Tier 1`, `1级`. */
export function tierRecognizer(tiers: readonly TierDef[]): (text: string) => string | undefined {
  const names = new Map<string, string>();
  tiers.forEach((t) => {
    const labels = t.label === undefined ? [] : typeof t.label === 'string' ? [t.label] : [t.label.zh, t.label.en];
    for (const name of [t.id, ...labels, ...t.aliases]) {
      const k = foldKey(name);
      if (k !== '' && !names.has(k)) names.set(k, t.id);
    }
  });
  const memo = new Map<string, string | undefined>();
  const recognize = (text: string): string | undefined => {
    const k = foldKey(text);
    if (k === '') return undefined;
    const direct = names.get(k);
    if (direct) return direct;
    const stripped = k.replace(/^(?:tier|level|class|grade)/, '').replace(/(?:类型|类|级别|级|型|等)?(?:客户|账户|customers?|accounts?)?$/, '');
    if (stripped !== k && stripped !== '') {
      const again = names.get(stripped);
      if (again) return again;
    }
    if (/^\d+$/.test(stripped) && stripped !== k) {
      const n = Number(stripped);
      if (n >= 1 && n <= tiers.length) return tiers[n - 1]!.id;
    }
    return undefined;
  };
  // A book writes a handful of tier labels over and over: recognise each once.
  return (text: string) => {
    if (memo.has(text)) return memo.get(text);
    const id = recognize(text);
    memo.set(text, id);
    return id;
  };
}

/** The label of the tier with this id among the tiers, in a language ('' when there is none). */
export function tierName(tiers: readonly TierDef[], id: string | undefined, lang: Lang): string {
  return id === undefined ? '' : tierLabel(tiers.find((t) => t.id === id), lang);
}

/** A tier's label in a language. */
export function tierLabel(tier: TierDef | undefined, lang: Lang): string {
  if (!tier) return '';
  if (tier.label === undefined) return tier.id;
  return typeof tier.label === 'string' ? tier.label : tier.label[lang];
}
