// Pending work at future simulated times (container start, probe periods,
// grace periods, the cloud provider's delay). Ordered by time, then by the
// order of scheduling, so equal-time timers run deterministically.

export interface Timer {
  at: number;
  seq: number;
  run: () => void;
  label: string;
  cancelled: boolean;
}

export class TimerQueue {
  private heap: Timer[] = [];
  private seq = 0;

  schedule(at: number, label: string, run: () => void): Timer {
    const timer: Timer = { at, seq: this.seq++, run, label, cancelled: false };
    this.heap.push(timer);
    this.siftUp(this.heap.length - 1);
    return timer;
  }

  /** The earliest live timer's time, or undefined. */
  peekTime(): number | undefined {
    this.dropCancelled();
    return this.heap[0]?.at;
  }

  /** Removes and returns the earliest live timer due at or before `until`. */
  popDue(until: number): Timer | undefined {
    this.dropCancelled();
    const top = this.heap[0];
    if (!top || top.at > until) return undefined;
    this.pop();
    return top;
  }

  get size(): number {
    return this.heap.length;
  }

  private dropCancelled(): void {
    while (this.heap.length && this.heap[0].cancelled) this.pop();
  }

  private pop(): void {
    const last = this.heap.pop()!;
    if (this.heap.length) {
      this.heap[0] = last;
      this.siftDown(0);
    }
  }

  // Sifting moves the hole, not the timer: each step writes one slot (no swaps).
  private siftUp(i: number): void {
    const h = this.heap;
    const timer = h[i];
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!earlier(timer, h[p])) break;
      h[i] = h[p];
      i = p;
    }
    h[i] = timer;
  }

  private siftDown(i: number): void {
    const h = this.heap;
    const n = h.length;
    const timer = h[i];
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const child = r < n && earlier(h[r], h[l]) ? r : l;
      if (!earlier(h[child], timer)) break;
      h[i] = h[child];
      i = child;
    }
    h[i] = timer;
  }
}

/** Time order, then scheduling order. */
function earlier(a: Timer, b: Timer): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
