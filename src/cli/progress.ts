/** A progress line on stderr for long reads, only when stderr is a terminal. */
import type { CliContext } from './context.js';
import type { CommonOptions } from './options.js';

/** A progress callback, or undefined when no progress should be drawn. */
export function progressReporter(ctx: CliContext, options: Pick<CommonOptions, 'quiet'>, label: string): ((fraction: number) => void) | undefined {
  if (!ctx.stderr.isTTY || options.quiet) return undefined;
  const started = Date.now();
  let last = 0;
  let drawn = false;
  return (fraction) => {
    if (fraction >= 1) {
      if (drawn) ctx.stderr.write('\r\x1b[K');
      drawn = false;
      return;
    }
    const now = Date.now();
    // Short reads finish before anything would be seen: draw only after half a second.
    if (now - started < 500 || (now - last < 100 && fraction < 1)) return;
    last = now;
    const pct = Math.min(100, Math.round(fraction * 100));
    const width = 24;
    const filled = Math.round((pct / 100) * width);
    ctx.stderr.write(`\r${label} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${pct}%`);
    drawn = true;
  };
}
