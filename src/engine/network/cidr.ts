// CIDR arithmetic for NetworkPolicy ipBlocks (IPv4 and IPv6), as Go's net.ParseCIDR
// and IPNet.Contains see them: the network is the address masked to the prefix.

import { isIPv6, parseIPv4 } from '../api/validation/common';

export interface ParsedCIDR {
  v6: boolean;
  /** The masked network address. */
  base: bigint;
  bits: number;
  contains(ip: bigint): boolean;
}

function ipv6ToBigInt(s: string): bigint | undefined {
  if (!isIPv6(s)) return undefined;
  const [head, tail] = s.includes('::') ? s.split('::') : [s, undefined];
  const groups = (part: string | undefined): number[] => {
    if (!part) return [];
    const out: number[] = [];
    for (const g of part.split(':')) {
      if (g.includes('.')) {
        const v4 = parseIPv4(g)!;
        out.push(v4 >>> 16, v4 & 0xffff);
      } else out.push(parseInt(g, 16));
    }
    return out;
  };
  const h = groups(head);
  const t = groups(tail);
  const all = tail === undefined ? h : [...h, ...new Array<number>(8 - h.length - t.length).fill(0), ...t];
  return all.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n);
}

/** An IP as a number in its family, or undefined when it is not an IP. */
export function parseIP(s: string): { v6: boolean; value: bigint } | undefined {
  const v4 = parseIPv4(s);
  if (v4 !== undefined) return { v6: false, value: BigInt(v4) };
  const v6 = ipv6ToBigInt(s);
  return v6 === undefined ? undefined : { v6: true, value: v6 };
}

export function parseCIDR(s: string): ParsedCIDR | undefined {
  const slash = s.lastIndexOf('/');
  if (slash < 0) return undefined;
  const ip = parseIP(s.slice(0, slash));
  const bits = Number(s.slice(slash + 1));
  if (!ip || !/^\d{1,3}$/.test(s.slice(slash + 1))) return undefined;
  const width = ip.v6 ? 128 : 32;
  if (bits > width) return undefined;
  const hostBits = BigInt(width - bits);
  const base = (ip.value >> hostBits) << hostBits;
  return { v6: ip.v6, base, bits, contains: (x: bigint) => x >> hostBits === base >> hostBits };
}

/** Whether `ip` lies in `cidr` (both of one family). */
export function cidrContains(cidr: string, ip: string): boolean {
  const net = parseCIDR(cidr);
  const addr = parseIP(ip);
  return !!net && !!addr && net.v6 === addr.v6 && net.contains(addr.value);
}
