/** The coded values of a division-of-labour row: RACI letters, how often a task recurs, its status. */

/** RACI letters as a bit set: a cell may hold more than one (`R/A`). */
export const RACI = { R: 1, A: 2, C: 4, I: 8 } as const;
export type RaciLetter = keyof typeof RACI;
export const RACI_LETTERS: readonly RaciLetter[] = ['R', 'A', 'C', 'I'];

/** The letters of a RACI bit set, in R, A, C, I order. */
export function raciLetters(mask: number): RaciLetter[] {
  return RACI_LETTERS.filter((l) => mask & RACI[l]);
}

/** How often a task recurs: occurrences per week, or `once` for a one-off task. */
/** The letters in their canonical order and form: A, then R, C, I, joined by `/` (`A/R`). */
export const LETTER_ORDER: readonly RaciLetter[] = ['A', 'R', 'C', 'I'];

const LETTERS_TEXT: string[] = [];

/** A letters mask as the matrix and the diff write it: `A/R`, `R`, `C/I`; '' for none. */
export function lettersText(mask: number): string {
  return (LETTERS_TEXT[mask] ??= LETTER_ORDER.filter((l) => mask & RACI[l]).join('/'));
}

export type Frequency = { kind: 'recurring'; perWeek: number; word: FrequencyWord } | { kind: 'once' };
export type FrequencyWord = 'daily' | 'weekly' | 'biweekly' | 'monthly' | 'quarterly' | 'half-yearly' | 'yearly' | 'custom';

/** Occurrences per week of each frequency (SPEC §6): daily is five working days. */
export const PER_WEEK: Record<Exclude<FrequencyWord, 'custom'>, number> = {
  daily: 5,
  weekly: 1,
  biweekly: 0.5,
  monthly: 12 / 52,
  quarterly: 4 / 52,
  'half-yearly': 2 / 52,
  yearly: 1 / 52,
};

/** `cancelled` (已取消) work counts no hours and is never overdue, like `done`. */
export const STATUSES = ['todo', 'doing', 'done', 'paused', 'cancelled'] as const;

/** A status that closes the work: no hours, no due date to keep. */
export function isClosed(status: Status | undefined): boolean {
  return status === 'done' || status === 'cancelled';
}
export type Status = (typeof STATUSES)[number];
