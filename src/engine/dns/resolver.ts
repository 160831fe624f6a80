// Placeholder until DNS lands: CoreDNS's answer to one query, as a pod (with its
// search path and ndots:5) or the person's machine (no cluster DNS) asks it.
import type { EngineContext } from '../context';

export type RecordType = 'A' | 'AAAA' | 'SRV' | 'PTR' | 'CNAME' | 'ANY';

export interface DnsRecord {
  name: string;
  type: RecordType;
  ttl: number;
  /** A/AAAA: the IP; CNAME/PTR: the target name; SRV: `priority weight port target`. */
  data: string;
}

export interface DnsQuery {
  name: string;
  type: RecordType;
  /** The asking pod's namespace: its resolv.conf search path applies. Undefined for an absolute query. */
  searchNamespace?: string;
}

export interface DnsResolution {
  rcode: 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL';
  /** The fully-qualified name that produced the answer (after search-path expansion). */
  name: string;
  answers: DnsRecord[];
  /** Every name tried, in order, with its result (search-path expansion, for traces). */
  tried: { name: string; rcode: string }[];
}

export function resolveQuery(_ctx: EngineContext, query: DnsQuery): DnsResolution {
  return { rcode: 'NXDOMAIN', name: query.name, answers: [], tried: [{ name: query.name, rcode: 'NXDOMAIN' }] };
}
