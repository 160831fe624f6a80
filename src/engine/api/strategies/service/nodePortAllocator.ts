// NodePort allocator over `--service-node-port-range` (30000-32767) and the
// all-or-nothing operation the Service storage wraps it in.
// Sources: pkg/registry/core/service/portallocator/allocator.go (texts,
// calculateRangeOffset min 16 / step 32 / max 128), portallocator/operation.go.

import type { SeededRandom } from '../../../core/random';
import { BitmapAllocator } from './bitmapAllocator';
import { AllocationError } from './clusterIPAllocator';

export const PORT_RANGE_FULL = 'range is full';
export const PORT_ALREADY_ALLOCATED = 'provided port is already allocated';

/** calculateRangeOffset (portallocator): min(max(16, size/32), 128), 0 for tiny ranges. */
export function portRangeOffset(size: number): number {
  if (size < 16) return 0;
  return Math.min(Math.max(Math.floor(size / 32), 16), 128);
}

export class NodePortAllocator {
  private readonly bitmap: BitmapAllocator;

  constructor(
    readonly base: number,
    readonly size: number,
  ) {
    this.bitmap = new BitmapAllocator(size, portRangeOffset(size));
  }

  /** `30000-32767` (net.PortRange String). */
  get rangeText(): string {
    return `${this.base}-${this.base + this.size - 1}`;
  }

  contains(port: number): boolean {
    return Number.isInteger(port) && port >= this.base && port < this.base + this.size;
  }

  has(port: number): boolean {
    return this.contains(port) && this.bitmap.has(port - this.base);
  }

  allocate(port: number): void {
    if (!this.contains(port)) {
      throw new AllocationError(`provided port is not in the valid range. The range of valid ports is ${this.rangeText}`);
    }
    if (!this.bitmap.allocate(port - this.base)) throw new AllocationError(PORT_ALREADY_ALLOCATED);
  }

  allocateNext(rng: SeededRandom): number {
    const at = this.bitmap.allocateNext(rng);
    if (at === undefined) throw new AllocationError(PORT_RANGE_FULL);
    return this.base + at;
  }

  release(port: number): void {
    if (this.contains(port)) this.bitmap.release(port - this.base);
  }

  get used(): number {
    return this.bitmap.count;
  }

  list(): number[] {
    return this.bitmap.list().map((at) => this.base + at);
  }
}

/**
 * PortAllocationOperation: allocations take effect at once (so later ports of
 * the same request see them) and are undone by `finish()` unless committed;
 * releases are deferred to `commit()` so a failed update keeps its old ports.
 */
export class PortAllocationOperation {
  private allocated: number[] = [];
  private releaseDeferred: number[] = [];
  private done = false;

  constructor(
    private readonly alloc: NodePortAllocator,
    private readonly rng: SeededRandom,
  ) {}

  allocate(port: number): void {
    this.alloc.allocate(port);
    this.allocated.push(port);
  }

  allocateNext(): number {
    const port = this.alloc.allocateNext(this.rng);
    this.allocated.push(port);
    return port;
  }

  releaseLater(port: number): void {
    this.releaseDeferred.push(port);
  }

  commit(): void {
    if (this.done) return;
    this.done = true;
    for (const p of this.releaseDeferred) this.alloc.release(p);
    this.allocated = [];
    this.releaseDeferred = [];
  }

  /** Rolls back this operation's allocations if it was not committed. */
  revert(): void {
    if (this.done) return;
    this.done = true;
    for (const p of this.allocated) this.alloc.release(p);
    this.allocated = [];
    this.releaseDeferred = [];
  }
}
