/** Tiers: recognising tier labels people write, quotas and thresholds, promotion rules. */
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

/** A tier's label in a language. */
export function tierLabel(tier: TierDef | undefined, lang: 'zh' | 'en'): string {
  if (!tier) return '';
  if (tier.label === undefined) return tier.id;
  return typeof tier.label === 'string' ? tier.label : tier.label[lang];
}

/** How many accounts a `top` quota takes out of n: counts as given, percentages rounded half up, at least one. */
export function quotaCount(top: number | string, n: number): number {
  if (typeof top === 'number') return Math.min(top, n);
  const pct = Number(top.replace('%', '').trim());
  if (pct <= 0) return 0;
  const exact = (n * pct) / 100;
  return Math.min(n, Math.max(1, Math.floor(exact + 0.5 + 1e-9)));
}

/**
 * Tier index per account from scores, given accounts in rank order: each tier takes its quota (or
 * everyone at or above its minScore) from those left after the tiers above it; the last takes the rest.
 */
export function assignTiers(rankOrder: readonly number[], scores: ArrayLike<number>, tiers: readonly TierDef[]): number[] {
  const n = rankOrder.length;
  const out = new Array<number>(n).fill(tiers.length - 1);
  let next = 0;
  for (let t = 0; t < tiers.length - 1 && next < n; t++) {
    const tier = tiers[t]!;
    if (tier.top !== undefined) {
      const k = quotaCount(tier.top, n);
      for (let taken = 0; taken < k && next < n; taken++) out[rankOrder[next++]!] = t;
    } else if (tier.minScore !== undefined) {
      while (next < n && scores[rankOrder[next]!]! >= tier.minScore - 1e-9) out[rankOrder[next++]!] = t;
    }
  }
  return out;
}
