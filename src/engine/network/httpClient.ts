// What curl and wget share: where the request comes from, and the trace's hops
// as the one-line comments both print in verbose mode (`* [kube-proxy] …`).

import type { RequestSource, Trace } from '../dataplane/types';
import type { Origin } from '../programs/types';

export function sourceOf(origin: Origin): RequestSource {
  return origin.kind === 'workstation' ? { kind: 'workstation' } : { kind: 'pod', namespace: origin.namespace, name: origin.name, container: origin.container };
}

const LABELS: Record<string, string> = {
  dns: 'dns', route: 'network', loadbalancer: 'load balancer', firewall: 'kube-proxy', dnat: 'kube-proxy', snat: 'kube-proxy',
  policy: 'networkpolicy', ingress: 'ingress-nginx', deliver: 'pod', reject: 'kube-proxy', drop: 'kube-proxy',
};

/** The trace's hops as `* [who] reason` lines (the `send` and `respond` hops are what curl itself prints). */
export function hopLines(trace: Trace, include: (action: string) => boolean = () => true): string[] {
  const out: string[] = [];
  for (const h of trace.hops) {
    if (h.action === 'send' || h.action === 'respond' || !include(h.action)) continue;
    let who = LABELS[h.action] ?? h.action;
    if ((h.action === 'reject' || h.action === 'drop') && h.where.kind !== 'Node') who = h.where.kind === 'Pod' ? 'pod' : 'network';
    if (h.action === 'drop' && !h.service && h.where.kind === 'Node') who = 'network';
    out.push(`* [${who}] ${h.reason}`);
  }
  return out;
}

/** Seconds given to -m / -T / --connect-timeout: a non-negative decimal number. */
export function parseSeconds(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d+(\.\d+)?$/.test(text)) return undefined;
  return Number(text);
}

/** How long the kernel tries to connect before ETIMEDOUT (tcp_syn_retries=6: 1+2+4+…+64 s, plus jitter). */
export const KERNEL_CONNECT_TIMEOUT_MS = 134_003;
