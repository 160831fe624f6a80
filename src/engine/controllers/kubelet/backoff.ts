// The kubelet's container restart back-off (pkg/kubelet/kuberuntime
// doBackOff + client-go util/flowcontrol/backoff.go): initial 10s, doubling,
// capped at 300s (MaxContainerBackOff); an entry older than twice the cap is
// forgotten. The first restart after a clean run happens at once.

export const INITIAL_BACKOFF_MS = 10_000;
export const MAX_BACKOFF_MS = 300_000;

export interface BackoffEntry {
  backoffMs: number;
  lastUpdate: number;
}

function expired(eventTime: number, entry: BackoffEntry): boolean {
  return eventTime - entry.lastUpdate > 2 * MAX_BACKOFF_MS;
}

/** Backoff.Next: the entry after a restart at `now`. */
export function nextBackoff(entry: BackoffEntry | undefined, now: number): BackoffEntry {
  if (!entry || expired(now, entry)) return { backoffMs: INITIAL_BACKOFF_MS, lastUpdate: now };
  return { backoffMs: Math.min(entry.backoffMs * 2, MAX_BACKOFF_MS), lastUpdate: now };
}

/**
 * When a container that exited at `finishedAt` may be restarted: at once if
 * not in back-off (IsInBackOffSince false), else `finishedAt + backoff`.
 */
export function restartAt(entry: BackoffEntry | undefined, finishedAt: number): number {
  if (!entry || expired(finishedAt, entry)) return finishedAt;
  return finishedAt + entry.backoffMs;
}

/** "10s", "5m0s": Go's time.Duration String for whole seconds. */
export function goDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${s % 60}s`;
  return `${Math.floor(m / 60)}h${m % 60}m${s % 60}s`;
}
