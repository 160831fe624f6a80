// Simulated time. It only moves forward when the cluster is told to advance,
// so every run with the same inputs sees the same timestamps.

/** 2026-01-01T00:00:00Z: a fixed epoch keeps ages and timestamps reproducible. */
export const DEFAULT_EPOCH_MS = Date.UTC(2026, 0, 1, 0, 0, 0);

/** RFC 3339 text by Unix second: a pure function, shared by every clock. */
const formatted = new Map<number, string>();

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
      // Many objects are written within one simulated second: format once. Writers also
      // alternate between a few seconds (a pod's start time, its containers' start), hence the map.
      let text = formatted.get(second);
      if (text === undefined) {
        if (formatted.size >= 4096) formatted.clear();
        text = new Date(second * 1000).toISOString().replace('.000Z', 'Z');
        formatted.set(second, text);
      }
      this.cachedSecond = second;
      this.cachedText = text;
    }
    return this.cachedText;
  }
}

export function parseTimestamp(ts: string | undefined | null): number | undefined {
  if (!ts) return undefined;
  const ms = Date.parse(ts);
  return Number.isNaN(ms) ? undefined : ms;
}
