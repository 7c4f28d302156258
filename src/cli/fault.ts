/**
 * `KAM_FAULT=<point>[:<how>]`: a test hook that makes a write fail at a named point, to prove that
 * nothing is lost there. Points: `written` (the new copy written, not yet checked), `backup` (the
 * backup kept), `rename` (the copy flushed, not yet renamed over the book). How: `fail` (default,
 * an error as a full disk would give), `term` (SIGTERM to kam itself), `kill` (SIGKILL). Unset in
 * normal use.
 */
import type { Fault } from '../io/write/atomic.js';
import type { CliContext } from './context.js';

export function faultFrom(ctx: CliContext): { fault?: Fault } {
  const spec = ctx.env.KAM_FAULT;
  if (!spec) return {};
  const [at = '', how = 'fail'] = spec.split(':');
  return {
    fault: {
      at,
      act: async () => {
        if ((how === 'term' || how === 'kill') && ctx.kill) {
          ctx.kill(how === 'term' ? 'SIGTERM' : 'SIGKILL');
          // The signal is delivered on the next turn of the event loop: wait for it.
          await new Promise((resolve) => setTimeout(resolve, 10_000));
        }
        throw new Error(`injected failure at ${at}`);
      },
    },
  };
}
