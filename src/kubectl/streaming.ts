// What kubectl's long-running commands (get -w, logs -f, port-forward) share: asking the
// engine to keep running (engine/running.ts) with the global --request-timeout.

import type { LiveCommand, LiveOutput } from '../engine/running';
import type { Invocation } from './command';
import { KubectlError } from './errors';

/**
 * --request-timeout as client-go's clientcmd reads it (client_config.go getRESTConfig /
 * ClientConfigLoadingRules): a bare integer is seconds, else a Go duration; 0 = none.
 */
export function requestTimeoutMs(inv: Invocation): number {
  const raw = inv.flags.string('request-timeout');
  if (raw === '' || raw === '0') return 0;
  if (/^\d+$/.test(raw)) return Number(raw) * 1000;
  const units: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/y;
  let total = 0;
  for (let i = 0; i < raw.length; i = re.lastIndex) {
    re.lastIndex = i;
    const m = re.exec(raw);
    if (!m) throw new KubectlError('invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)');
    total += Number(m[1]) * units[m[2]];
  }
  return total;
}

/**
 * Keeps the command running after it returns: `begin` is called at once with where to write
 * from now on. Without the engine's support (a bare runKubectl), nothing more happens.
 */
export function keepRunning(inv: Invocation, begin: (live: LiveOutput) => LiveCommand): void {
  inv.env.keepRunning?.(begin, { requestTimeoutMs: requestTimeoutMs(inv) });
}
