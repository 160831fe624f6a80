// A work queue of keys, as client-go's workqueue: adding a key already waiting
// is a no-op, so a burst of changes to one object collapses into one sync.
// Keys come out oldest first. (An array plus a membership set: taking the first
// element of a Set that keeps losing its head re-scans the deleted slots.)

export class KeyQueue {
  private waiting = new Set<string>();
  private order: string[] = [];
  private head = 0;

  add(key: string): void {
    // One hash look-up: the set grows only when the key was not waiting.
    const size = this.waiting.size;
    this.waiting.add(key);
    if (this.waiting.size !== size) this.order.push(key);
  }

  /** Takes the oldest waiting key. */
  take(): string | undefined {
    if (this.head >= this.order.length) {
      if (this.head > 0) {
        this.order = [];
        this.head = 0;
      }
      return undefined;
    }
    const key = this.order[this.head++];
    this.waiting.delete(key);
    if (this.head >= 1024 && this.head * 2 >= this.order.length) {
      this.order = this.order.slice(this.head);
      this.head = 0;
    }
    return key;
  }

  get length(): number {
    return this.waiting.size;
  }
}
