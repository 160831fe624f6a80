// The /etc/resolv.conf the kubelet writes into a pod (pkg/kubelet/network/dns/dns.go):
// ClusterFirst → the cluster DNS Service, the namespace search path and ndots:5;
// Default (and ClusterFirst on hostNetwork) → the node's own resolv.conf.

import type { EngineContext } from '../context';
import type { Pod } from '../core/types';

export const KUBE_DNS_IP = '10.96.0.10';
/** The nodes' resolver (minikube's Docker network gateway answers DNS for them). */
export const NODE_NAMESERVER = '192.168.49.1';
/** The person's machine: systemd-resolved's stub listener. */
export const WORKSTATION_NAMESERVER = '127.0.0.53';

export interface ResolvConf {
  nameservers: string[];
  search: string[];
  ndots: number;
  /** Whether the nameserver is kube-dns (cluster names resolve) or the host's resolver. */
  clusterDns: boolean;
}

export function clusterSearchPath(ctx: EngineContext, namespace: string): string[] {
  const zone = ctx.config.clusterDomain;
  return [`${namespace}.svc.${zone}`, `svc.${zone}`, zone];
}

export function podResolvConf(ctx: EngineContext, pod: Pod): ResolvConf {
  const policy = pod.spec.dnsPolicy ?? 'ClusterFirst';
  const cluster = policy === 'ClusterFirstWithHostNet' || (policy === 'ClusterFirst' && !pod.spec.hostNetwork);
  if (cluster) return { nameservers: [KUBE_DNS_IP], search: clusterSearchPath(ctx, pod.metadata.namespace ?? 'default'), ndots: 5, clusterDns: true };
  // dnsPolicy None would take spec.dnsConfig; without it the pod gets the node's file as with Default.
  return { nameservers: [NODE_NAMESERVER], search: [], ndots: 1, clusterDns: false };
}

/** The file's text, as `cat /etc/resolv.conf` shows it inside the container. */
export function resolvConfText(conf: ResolvConf): string {
  const lines: string[] = [];
  if (conf.search.length) lines.push(`search ${conf.search.join(' ')}`);
  for (const ns of conf.nameservers) lines.push(`nameserver ${ns}`);
  if (conf.ndots !== 1) lines.push(`options ndots:${conf.ndots}`);
  return `${lines.join('\n')}\n`;
}
