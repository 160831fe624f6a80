// ClusterIP allocator over the service CIDR (IPv4), with the error texts of
// pkg/registry/core/service/ipallocator (bitmap.go, interfaces.go):
// the network and broadcast addresses are excluded; the first
// min(max(16, size/16), 256) usable addresses form the static band.

import type { SeededRandom } from '../../../core/random';
import { formatIPv4, parseIPv4 } from '../../validation/common';
import { BitmapAllocator } from './bitmapAllocator';

export const IP_RANGE_FULL = 'range is full';
export const IP_ALREADY_ALLOCATED = 'provided IP is already allocated';

/** An allocator refusal; `message` is the upstream error text. */
export class AllocationError extends Error {}

/** calculateRangeOffset (ipallocator/bitmap.go): min(max(16, size/16), 256), 0 for tiny ranges. */
export function ipRangeOffset(size: number): number {
  if (size < 16) return 0;
  const offset = Math.floor(size / 16);
  return Math.min(Math.max(offset, 16), 256);
}

export class ClusterIPAllocator {
  /** First usable address (network + 1), as a 32-bit number. */
  private readonly base: number;
  private readonly network: number;
  private readonly prefix: number;
  private readonly bitmap: BitmapAllocator;

  constructor(readonly cidr: string) {
    const [ip, bits] = cidr.split('/');
    const parsed = parseIPv4(ip);
    const prefix = Number(bits);
    if (parsed === undefined || !Number.isInteger(prefix) || prefix < 1 || prefix > 30) {
      throw new RangeError(`unsupported service CIDR ${cidr}`);
    }
    const size = 2 ** (32 - prefix);
    this.prefix = prefix;
    this.network = parsed - (parsed % size);
    this.base = this.network + 1;
    // RangeSize minus network and broadcast addresses.
    this.bitmap = new BitmapAllocator(size - 2, ipRangeOffset(size));
  }

  /** `10.96.0.0/12`, as the "valid range" message prints it (net.IPNet String). */
  get rangeText(): string {
    return `${formatIPv4(this.network)}/${this.prefix}`;
  }

  private offsetOf(ip: string): number | undefined {
    const n = parseIPv4(ip);
    if (n === undefined) return undefined;
    const at = n - this.base;
    return at >= 0 && at < this.bitmap.max ? at : undefined;
  }

  contains(ip: string): boolean {
    return this.offsetOf(ip) !== undefined;
  }

  has(ip: string): boolean {
    const at = this.offsetOf(ip);
    return at !== undefined && this.bitmap.has(at);
  }

  /** Allocate(ip): throws AllocationError with the upstream text. */
  allocate(ip: string): void {
    const at = this.offsetOf(ip);
    if (at === undefined) {
      throw new AllocationError(`the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${this.rangeText}`);
    }
    if (!this.bitmap.allocate(at)) throw new AllocationError(IP_ALREADY_ALLOCATED);
  }

  /** AllocateNext: a random free IP from the dynamic band first. */
  allocateNext(rng: SeededRandom): string {
    const at = this.bitmap.allocateNext(rng);
    if (at === undefined) throw new AllocationError(IP_RANGE_FULL);
    return formatIPv4(this.base + at);
  }

  release(ip: string): void {
    const at = this.offsetOf(ip);
    if (at !== undefined) this.bitmap.release(at);
  }

  get used(): number {
    return this.bitmap.count;
  }

  /** Allocated IPs, ascending. */
  list(): string[] {
    return this.bitmap.list().map((at) => formatIPv4(this.base + at));
  }
}
