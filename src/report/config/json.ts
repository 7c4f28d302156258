/** `kam config`: the configuration in force, or its JSON Schema, as JSON. */
import type { ConfigResult } from '../../config/resolve.js';

/** The config (or schema) as indented JSON. */
export function configJson(result: ConfigResult): string {
  return `${JSON.stringify(result.value, null, 2)}\n`;
}
