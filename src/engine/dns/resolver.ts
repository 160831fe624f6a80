// A stub resolver's view of one lookup: a pod (kube-dns at 10.96.0.10, its
// namespace's search path, ndots:5) or a host (the person's machine, a node, a
// dnsPolicy: Default pod), which has no cluster DNS at all.
// Search-list order follows glibc's res_search (resolv/res_query.c): a name with
// fewer dots than ndots tries every search suffix first and then the name
// itself; a name with enough dots goes as-is first; a trailing dot means
// absolute, no search.

import type { EngineContext } from '../context';
import type { Pod } from '../core/types';
import { externalAnswer, EXTERNAL_NOTE } from './external';
import { dotCount, fqdn, isAbsolute } from './names';
import { clusterSearchPath, KUBE_DNS_IP, podResolvConf, WORKSTATION_NAMESERVER, NODE_NAMESERVER } from './resolvConf';
import type { DnsAnswer, DnsRecord, Rcode, RecordType } from './types';
import { coreDnsAnswer } from './zone';
import { kubeDnsReady } from './zoneIndex';

export type { DnsAnswer, DnsRecord, Rcode, RecordType } from './types';

export interface DnsQuery {
  name: string;
  type: RecordType;
  /** The asking pod's namespace: its resolv.conf search path applies. Undefined for an absolute query. */
  searchNamespace?: string;
  /**
   * Who answers: `kube-dns` (default; a pod with dnsPolicy ClusterFirst) or `host`, the resolver of the
   * person's machine or of a node, which knows nothing of cluster.local.
   */
  resolver?: 'kube-dns' | 'host';
}

export interface DnsResolution {
  rcode: Rcode;
  /** The fully-qualified name that produced the answer (after search-path expansion), with a trailing dot. */
  name: string;
  answers: DnsRecord[];
  /** Every name tried, in order, with its result (search-path expansion, for traces). */
  tried: { name: string; rcode: string }[];
  /** The nameserver asked (`10.96.0.10` for kube-dns). */
  server: string;
  /** Set when no answer came back at all: kube-dns has no ready CoreDNS endpoint, so kube-proxy rejects the query. */
  unreachable?: 'no-endpoints';
  /** Why, in words, for traces and terminal hints. */
  note?: string;
}

/** The names a resolver asks, in order, for `name` with this search list and ndots. */
export function searchCandidates(name: string, search: string[], ndots: number): string[] {
  if (isAbsolute(name)) return [fqdn(name)];
  const suffixed = search.map((s) => fqdn(`${name}.${s}`));
  return dotCount(name) >= ndots ? [fqdn(name), ...suffixed] : [...suffixed, fqdn(name)];
}

/** One absolute question to kube-dns; undefined when no CoreDNS pod is ready to answer. */
export function askKubeDns(ctx: EngineContext, name: string, type: RecordType): DnsAnswer | undefined {
  return kubeDnsReady(ctx) ? coreDnsAnswer(ctx, fqdn(name), type) : undefined;
}

/** One absolute question to a host's resolver: cluster names are unknown there. */
export function askHostResolver(name: string, type: RecordType): DnsAnswer {
  return externalAnswer(fqdn(name), type);
}

export function resolveQuery(ctx: EngineContext, query: DnsQuery): DnsResolution {
  const host = query.resolver === 'host';
  const server = host ? (query.searchNamespace === undefined ? WORKSTATION_NAMESERVER : NODE_NAMESERVER) : KUBE_DNS_IP;
  const search = !host && query.searchNamespace !== undefined ? clusterSearchPath(ctx, query.searchNamespace) : [];
  const candidates = searchCandidates(query.name, search, search.length ? 5 : 1);
  if (!host && !kubeDnsReady(ctx)) {
    return {
      rcode: 'SERVFAIL', name: candidates[0], answers: [], server,
      tried: candidates.map((name) => ({ name, rcode: 'no reply' })),
      unreachable: 'no-endpoints',
      note: `no CoreDNS pod is ready: the kube-dns Service (${KUBE_DNS_IP}) has no endpoints, so kube-proxy rejects the query and the resolver gives up`,
    };
  }
  const tried: { name: string; rcode: string }[] = [];
  let noData: string | undefined;
  for (const name of candidates) {
    const a = host ? askHostResolver(name, query.type) : coreDnsAnswer(ctx, name, query.type);
    tried.push({ name, rcode: a.rcode });
    if (a.rcode === 'NOERROR' && a.answers.length) return { rcode: 'NOERROR', name, answers: a.answers, tried, server };
    // glibc keeps searching after an empty answer but reports it (NODATA) rather than NXDOMAIN at the end.
    if (a.rcode === 'NOERROR') noData ??= name;
  }
  const last = candidates[candidates.length - 1];
  let note: string | undefined;
  if (host && (last.endsWith(`.${ctx.config.clusterDomain}.`) || !query.name.replace(/\.$/, '').includes('.'))) {
    note = `${server} is not the cluster's DNS: only pods (through kube-dns at ${KUBE_DNS_IP}) resolve ${ctx.config.clusterDomain} names`;
  } else if (host && !noData) {
    note = EXTERNAL_NOTE;
  }
  if (noData) return { rcode: 'NOERROR', name: noData, answers: [], tried, server, ...(note ? { note } : {}) };
  return { rcode: 'NXDOMAIN', name: last, answers: [], tried, server, ...(note ? { note } : {}) };
}

/** The query a pod's resolver makes for `name`, from its dnsPolicy (ClusterFirst → kube-dns with the search path). */
export function podDnsQuery(ctx: EngineContext, pod: Pod, name: string, type: RecordType = 'A'): DnsQuery {
  return podResolvConf(ctx, pod).clusterDns
    ? { name, type, searchNamespace: pod.metadata.namespace ?? 'default' }
    : { name, type, searchNamespace: pod.metadata.namespace ?? 'default', resolver: 'host' };
}

/** The first address of a resolution (what curl connects to), or undefined. */
export function firstAddress(res: DnsResolution): string | undefined {
  return res.answers.find((r) => r.type === 'A' || r.type === 'AAAA')?.data;
}
