// Small DNS name helpers shared by the zone, the resolver and the tools.
// Names are compared case-insensitively (RFC 4343), so everything is lower-cased
// once on the way in; absolute names keep their trailing dot.

import { parseIPv4 } from '../api/validation/common';

/** `Web.Default.` → `web.default.` ; `web` → `web.` (callers decide whether a name is absolute). */
export function fqdn(name: string): string {
  const lower = name.toLowerCase();
  return lower.endsWith('.') ? lower : `${lower}.`;
}

export function isAbsolute(name: string): boolean {
  return name.endsWith('.');
}

/** Dots in the name as typed, without a trailing one: what resolv.conf's ndots compares against. */
export function dotCount(name: string): number {
  let n = 0;
  for (let i = 0; i < name.length; i++) if (name[i] === '.') n++;
  return name.endsWith('.') ? n - 1 : n;
}

/** `10.244.1.5` → `5.1.244.10.in-addr.arpa.` */
export function reverseName(ip: string): string | undefined {
  if (parseIPv4(ip) === undefined) return undefined;
  return `${ip.split('.').reverse().join('.')}.in-addr.arpa.`;
}

/** `5.1.244.10.in-addr.arpa.` → `10.244.1.5` */
export function ipFromReverse(name: string): string | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\.in-addr\.arpa\.$/.exec(name);
  if (!m) return undefined;
  const ip = `${m[4]}.${m[3]}.${m[2]}.${m[1]}`;
  return parseIPv4(ip) === undefined ? undefined : ip;
}

/** CoreDNS endpointHostname: the endpoint's hostname, else its IP with `.`/`:` turned into `-`. */
export function endpointHostname(hostname: string | undefined, ip: string): string {
  return hostname ? hostname.toLowerCase() : ip.replace(/[.:]/g, '-');
}

/** `10-244-1-5` → `10.244.1.5` (CoreDNS `pods insecure`), or undefined when it is no IPv4 address. */
export function ipFromDashed(label: string): string | undefined {
  const ip = label.replace(/-/g, '.');
  return /^\d+\.\d+\.\d+\.\d+$/.test(ip) && parseIPv4(ip) !== undefined ? ip : undefined;
}
