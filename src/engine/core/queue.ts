// A work queue of keys, as client-go's workqueue: adding a key already waiting
// is a no-op, so a burst of changes to one object collapses into one sync.

export class KeyQueue {
  private keys = new Set<string>();

  add(key: string): void {
    this.keys.add(key);
  }

  /** Takes the oldest waiting key. */
  take(): string | undefined {
    const it = this.keys.values().next();
    if (it.done) return undefined;
    this.keys.delete(it.value);
    return it.value;
  }

  get length(): number {
    return this.keys.size;
  }
}
