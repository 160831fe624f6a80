// Names outside the cluster. The playground has no Internet, so it does not
// pretend to know real addresses: the domains reserved for documentation
// (RFC 2606: example.com, example.org, example.net and their subdomains)
// resolve to fixed addresses in TEST-NET-2 (198.51.100.0/24, RFC 5737), and
// every other outside name answers NXDOMAIN, as an offline upstream resolver
// would. CoreDNS forwards such names to the node's resolver, which behaves the
// same, so pods and the person's machine agree.

import type { DnsAnswer, RecordType } from './types';

/** TTL the simulated upstream gives its answers. */
export const EXTERNAL_TTL = 300;

export const EXTERNAL_NOTE = 'The playground has no Internet: outside names other than example.com, example.org and example.net (RFC 2606) do not resolve.';

const FIXED: Record<string, string> = {
  'example.com.': '198.51.100.10',
  'example.org.': '198.51.100.11',
  'example.net.': '198.51.100.12',
};

/** A stable TEST-NET-2 address for a name under an example domain, or undefined outside them. */
export function exampleAddress(name: string): string | undefined {
  const fixed = FIXED[name];
  if (fixed) return fixed;
  if (!Object.keys(FIXED).some((d) => name.endsWith(`.${d}`))) return undefined;
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) >>> 0;
  return `198.51.100.${20 + (h % 200)}`;
}

/** The upstream's answer to an absolute, lower-case name: never authoritative (it comes through a forwarder). */
export function externalAnswer(name: string, type: RecordType): DnsAnswer {
  const ip = exampleAddress(name);
  if (!ip) return { rcode: 'NXDOMAIN', answers: [], authority: [], additional: [], authoritative: false };
  const answers = type === 'A' || type === 'ANY' ? [{ name, type: 'A' as const, ttl: EXTERNAL_TTL, data: ip }] : [];
  return { rcode: 'NOERROR', answers, authority: [], additional: [], authoritative: false };
}
