/** The languages kam speaks: every message, label and header exists in both. */
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];
