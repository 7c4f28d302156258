/**
 * `{name}` placeholders filled from parameters; an unknown placeholder stays as written.
 * `{name:one|other}` picks a word by the number: `{days} {days:day|days}` is `1 day`, `3 days`.
 */
export function fill(template: string, params: Readonly<Record<string, string | number>>): string {
  return template
    .replace(/\{(\w+):([^|{}]*)\|([^{}]*)\}/g, (m, k: string, one: string, other: string) => (Object.hasOwn(params, k) ? (Number(params[k]) === 1 ? one : other) : m))
    .replace(/\{(\w+)\}/g, (m, k: string) => (Object.hasOwn(params, k) ? String(params[k]) : m));
}
