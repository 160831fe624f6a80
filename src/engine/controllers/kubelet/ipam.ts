// Pod IPs from a node's podCIDR, as the host-local IPAM plugin hands them out:
// .0 is the network, .1 the bridge gateway, .255 broadcast; allocation moves
// forward from the last IP handed out and wraps, so a released IP is reused
// only after every other free one has been used.

import { formatIPv4, parseIPv4 } from '../../api/validation/common';

export class NodeIPAllocator {
  private readonly base: number;
  private readonly size: number;
  private readonly used = new Set<number>();
  /** Offset of the last IP handed out (host-local's "last reserved IP"). */
  private last = 1;

  constructor(cidr: string) {
    const [ip, bits] = cidr.split('/');
    const prefix = Number(bits);
    this.size = 2 ** (32 - prefix);
    this.base = (parseIPv4(ip)! & ~(this.size - 1)) >>> 0;
  }

  /** The next free IP, or undefined when the range is exhausted. */
  allocate(): string | undefined {
    const first = 2;
    const lastUsable = this.size - 2;
    const count = lastUsable - first + 1;
    for (let i = 1; i <= count; i++) {
      const offset = first + ((this.last - first + i) % count + count) % count;
      if (!this.used.has(offset)) {
        this.used.add(offset);
        this.last = offset;
        return formatIPv4((this.base + offset) >>> 0);
      }
    }
    return undefined;
  }

  /** Marks an IP as taken (a pod that already carries it). */
  reserve(ip: string): void {
    const n = parseIPv4(ip);
    if (n !== undefined) this.used.add(n - this.base);
  }

  release(ip: string): void {
    const n = parseIPv4(ip);
    if (n !== undefined) this.used.delete(n - this.base);
  }
}
