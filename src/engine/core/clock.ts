// Simulated time. It only moves forward when the cluster is told to advance,
// so every run with the same inputs sees the same timestamps.

/** 2026-01-01T00:00:00Z: a fixed epoch keeps ages and timestamps reproducible. */
export const DEFAULT_EPOCH_MS = Date.UTC(2026, 0, 1, 0, 0, 0);

export class SimClock {
  private current: number;

  constructor(startMs: number = DEFAULT_EPOCH_MS) {
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  /** Moves time to `ms`; never backwards. */
  advanceTo(ms: number): void {
    if (ms < this.current) throw new Error(`SimClock cannot run backwards (${ms} < ${this.current})`);
    this.current = ms;
  }

  private cachedSecond = NaN;
  private cachedText = '';

  /** RFC 3339 with whole seconds, as the API server serialises metav1.Time. */
  timestamp(ms: number = this.current): string {
    const second = Math.floor(ms / 1000);
    if (second !== this.cachedSecond) {
      // Many objects are written within one simulated second: format once.
      this.cachedSecond = second;
      this.cachedText = new Date(second * 1000).toISOString().replace('.000Z', 'Z');
    }
    return this.cachedText;
  }
}

export function parseTimestamp(ts: string | undefined | null): number | undefined {
  if (!ts) return undefined;
  const ms = Date.parse(ts);
  return Number.isNaN(ms) ? undefined : ms;
}
