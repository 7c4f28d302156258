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
