// The offset-indexed allocator both ClusterIPs and nodePorts sit on, with the
// static/dynamic band scan of KEP-3070.
// Source: pkg/registry/core/service/allocator/bitmap.go (randomScanStrategyWithOffset).
// A Set of taken offsets stands in for the big.Int bitmap: the range may hold
// a million addresses but only a few thousand are ever taken.

import type { SeededRandom } from '../../../core/random';

export class BitmapAllocator {
  private readonly taken = new Set<number>();

  /** `max` offsets in all; the first `offset` of them form the static band. */
  constructor(
    readonly max: number,
    readonly offset: number,
  ) {}

  get count(): number {
    return this.taken.size;
  }

  has(at: number): boolean {
    return this.taken.has(at);
  }

  /** Takes a specific offset; false when it is already taken. */
  allocate(at: number): boolean {
    if (this.taken.has(at)) return false;
    this.taken.add(at);
    return true;
  }

  /**
   * Random free offset from the upper (dynamic) band first, scanning forward
   * from a random start; only when it is full, the same from the static band.
   * Returns undefined when the whole range is full.
   */
  allocateNext(rng: SeededRandom): number | undefined {
    if (this.taken.size >= this.max) return undefined;
    const upper = this.max - this.offset;
    if (upper > 0) {
      const start = rng.int(upper);
      for (let i = 0; i < upper; i++) {
        const at = this.offset + ((start + i) % upper);
        if (!this.taken.has(at)) {
          this.taken.add(at);
          return at;
        }
      }
    }
    if (this.offset > 0) {
      const start = rng.int(this.offset);
      for (let i = 0; i < this.offset; i++) {
        const at = (start + i) % this.offset;
        if (!this.taken.has(at)) {
          this.taken.add(at);
          return at;
        }
      }
    }
    return undefined;
  }

  release(at: number): void {
    this.taken.delete(at);
  }

  /** Taken offsets, ascending. */
  list(): number[] {
    return [...this.taken].sort((a, b) => a - b);
  }
}
