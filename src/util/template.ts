/**
 * `{name}` placeholders filled from parameters; an unknown placeholder stays as written.
 * `{name:one|other}` picks a word by the number: `{days} {days:day|days}` is `1 day`, `3 days`.
 */
export function fill(template: string, params: Readonly<Record<string, string | number>>): string {
  const text = template.includes('|')
    ? template.replace(/\{(\w+):([^|{}]*)\|([^{}]*)\}/g, (m, k: string, one: string, other: string) => (Object.hasOwn(params, k) ? (Number(params[k]) === 1 ? one : other) : m))
    : template;
  const parts = placeholders(text);
  if (parts.length === 1) return text;
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const k = parts[i]!;
    out += (Object.hasOwn(params, k) ? String(params[k]) : `{${k}}`) + parts[i + 1]!;
  }
  return out;
}

/** Templates split once at their `{name}`s (a report fills the same few a hundred thousand times). */
const SPLIT = new Map<string, readonly string[]>();
const SPLIT_CAP = 4096;

/** The text around each `{name}` and the names between: literal, name, literal, …, literal. */
function placeholders(text: string): readonly string[] {
  let parts = SPLIT.get(text);
  if (parts) return parts;
  const split: string[] = [];
  const re = /\{(\w+)\}/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    split.push(text.slice(last, m.index), m[1]!);
    last = m.index + m[0].length;
  }
  split.push(text.slice(last));
  parts = split;
  if (SPLIT.size >= SPLIT_CAP) SPLIT.clear();
  SPLIT.set(text, parts);
  return parts;
}
