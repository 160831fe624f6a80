// The shapes of DNS questions and answers the cluster's resolvers produce.
// Names are absolute and lower-case with a trailing dot (`web.default.svc.cluster.local.`).

export type RecordType = 'A' | 'AAAA' | 'SRV' | 'PTR' | 'CNAME' | 'SOA' | 'ANY';

export interface DnsRecord {
  name: string;
  type: RecordType;
  ttl: number;
  /** A/AAAA: the IP; CNAME/PTR: the target name; SRV: `priority weight port target`; SOA: its rdata. */
  data: string;
}

export type Rcode = 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL';

/** One server's answer to one absolute question. */
export interface DnsAnswer {
  rcode: Rcode;
  answers: DnsRecord[];
  /** SOA of the zone on NXDOMAIN and empty answers (what dig shows under AUTHORITY SECTION). */
  authority: DnsRecord[];
  /** A records of SRV targets (ADDITIONAL SECTION). */
  additional: DnsRecord[];
  /** The `aa` flag: CoreDNS answers for cluster.local itself; forwarded answers are not authoritative. */
  authoritative: boolean;
}
