// The DNS side of a program's origin: which resolv.conf it reads and what a
// question sent to a given server gets back. From a pod with ClusterFirst the
// server is kube-dns (10.96.0.10), reachable only while a CoreDNS pod is ready
// (else kube-proxy REJECTs: connection refused). The person's machine asks its
// own stub resolver, which knows nothing of cluster.local, and cannot reach
// ClusterIPs at all (the question times out).

import { askHostResolver } from '../dns/resolver';
import { fqdn } from '../dns/names';
import { KUBE_DNS_IP, podResolvConf, WORKSTATION_NAMESERVER, type ResolvConf } from '../dns/resolvConf';
import type { DnsAnswer, RecordType } from '../dns/types';
import { coreDnsAnswer } from '../dns/zone';
import { kubeDnsReady, serviceEndpoints } from '../dns/zoneIndex';
import type { Container, Pod } from '../core/types';
import type { ProgramEnv } from '../programs/types';
import { imageTools, type ImageTools } from './podTools';

export interface DnsClient {
  conf: ResolvConf;
  /** The container's tools, or undefined on the person's machine. */
  tools?: ImageTools;
  pod?: Pod;
}

export function dnsClient(env: ProgramEnv): DnsClient {
  const { origin, ctx } = env;
  if (origin.kind === 'workstation') {
    return { conf: { nameservers: [WORKSTATION_NAMESERVER], search: [], ndots: 1, clusterDns: false } };
  }
  const pod = ctx.store.get<Pod>('Pod', origin.namespace, origin.name);
  const container: Container | undefined = pod?.spec.containers.find((c) => c.name === origin.container);
  const conf = pod ? podResolvConf(ctx, pod) : { nameservers: [KUBE_DNS_IP], search: [], ndots: 5, clusterDns: true };
  return { conf, tools: imageTools(container?.image), pod };
}

export type ServerReply = DnsAnswer | 'refused' | 'timeout';

/** Sends one absolute question to `server` (an IP) as this client. */
export function askServer(env: ProgramEnv, client: DnsClient, server: string, name: string, type: RecordType): ServerReply {
  const { ctx } = env;
  const inCluster = env.origin.kind === 'pod';
  if (server === client.conf.nameservers[0] && !client.conf.clusterDns) return askHostResolver(name, type);
  if (inCluster && server === KUBE_DNS_IP) return kubeDnsReady(ctx) ? coreDnsAnswer(ctx, fqdn(name), type) : 'refused';
  // A CoreDNS pod asked directly by its IP.
  if (inCluster && serviceEndpoints(ctx, 'kube-system', 'kube-dns').some((ep) => ep.ip === server)) return coreDnsAnswer(ctx, fqdn(name), type);
  return 'timeout';
}

/** `10.96.0.1` → its in-addr.arpa name, for tools that turn an address argument into a PTR query. */
export function isIPv4Literal(s: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(s) && s.split('.').every((p) => Number(p) <= 255);
}
