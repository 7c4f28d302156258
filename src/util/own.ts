/**
 * A record's own entry for a key that may be user text: `__proto__`, `constructor` or `toString`
 * find nothing, never a property of Object.prototype.
 */
export function own<T>(dict: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(dict, key) ? dict[key] : undefined;
}
