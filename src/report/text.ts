/** `--format text` (the default): for people at a terminal. */
import { checkText, gapsText } from './check-text.js';
import type { ReportContext } from './context.js';
import { loadText } from './load-text.js';
import type { Result } from './index.js';
import { explainText, tierText } from './tier-text.js';

export function text(result: Result, ctx: ReportContext): string {
  switch (result.kind) {
    case 'tier': {
      if (result.explain !== undefined) {
        const a = result.accounts.find((x) => x.index === result.explain);
        if (a) return explainText(result, a, ctx);
      }
      return tierText(result, ctx);
    }
    case 'check':
      return checkText(result, ctx);
    case 'gaps':
      return gapsText(result, ctx);
    case 'load':
      return loadText(result, ctx);
    case 'config':
      return `${JSON.stringify(result.value, null, 2)}\n`;
  }
}
