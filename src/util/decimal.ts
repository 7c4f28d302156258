/** A number as its shortest exact decimal, never in exponent form (1e21 → "1000000000000000000000"). */
export function exactDecimal(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  const [mantissa = '', exponent = '0'] = s.toLowerCase().split('e');
  const negative = mantissa.startsWith('-');
  const m = negative ? mantissa.slice(1) : mantissa;
  const point = m.indexOf('.');
  const digits = m.replace('.', '');
  const at = (point < 0 ? m.length : point) + Number(exponent);
  const out = at <= 0 ? `0.${'0'.repeat(-at)}${digits}` : at >= digits.length ? digits + '0'.repeat(at - digits.length) : `${digits.slice(0, at)}.${digits.slice(at)}`;
  return (negative ? '-' : '') + out;
}

/**
 * `Number(n.toFixed(digits))` (0–4 digits), without making the text when n·10^digits is not within
 * 0.01 of a half: toFixed rounds n's exact value to the nearest k/10^digits, and `k / 10^digits`
 * is the double nearest that decimal, which is what Number() of the text gives. (A whole book's
 * person view rounds 690,000 hours; the text took most of the time.) The sign of a result rounded
 * to zero is toFixed's: `-0.001` gives -0, `-0` gives 0.
 */
export function fixedNumber(n: number, digits: 0 | 1 | 2 | 3 | 4): number {
  const scale = SCALES[digits]!;
  // Below 1e9, n·scale (< 1e13) is within 0.002 of its exact value.
  if (n < 1e9 && n > -1e9) {
    const x = n * scale;
    const k = Math.round(x);
    if (x - k < 0.49 && k - x < 0.49) return k !== 0 ? k / scale : n < 0 ? -0 : 0;
  }
  return Number(n.toFixed(digits));
}

const SCALES = [1, 10, 100, 1000, 10000] as const;
