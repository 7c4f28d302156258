/** How numbers look in human reports (JSON keeps them unrounded). */

/** A score with one decimal. */
export function fmtScore(n: number): string {
  return n.toFixed(1);
}

/** A fraction as a percentage: 0.1234 → "12.3%". */
export function fmtPercent(n: number, digits = 1): string {
  return `${(n * 100).toFixed(digits)}%`;
}

/** A signed change: 0.125 → "+12.5%", null → "—". */
export function fmtTrend(n: number | null): string {
  if (n === null) return '—';
  return `${n > 0 ? '+' : n < 0 ? '−' : '±'}${Math.abs(n * 100).toFixed(1)}%`;
}

/** An amount in yuan with thousands separators, no decimals. */
export function fmtMoney(n: number): string {
  const sign = n < 0 ? '-' : '';
  return sign + Math.round(Math.abs(n)).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A plain value without float noise, up to 4 decimals. */
export function fmtValue(n: number | undefined): string {
  if (n === undefined || Number.isNaN(n)) return '—';
  if (Number.isInteger(n)) return Math.abs(n) >= 10000 ? fmtMoney(n) : String(n);
  return String(Number(n.toFixed(4)));
}
