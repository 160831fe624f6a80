// traceDns: the path of one DNS lookup (nslookup, dig) as a Trace, so the UI can
// animate it like an HTTP request: the pod's query goes to the kube-dns Service
// (10.96.0.10:53/UDP), kube-proxy DNATs it to a CoreDNS pod, CoreDNS answers from
// its view of Services and EndpointSlices, and the answer comes back. Your
// machine asks its own resolver, which knows nothing of cluster.local.
//
// It never consumes ctx.rng: which CoreDNS pod is drawn is picked from the
// question itself, so running nslookup does not change later random choices.

import type { EngineContext } from '../context';
import type { Pod } from '../core/types';
import { askHostResolver, resolveQuery } from '../dns/resolver';
import { KUBE_DNS_IP } from '../dns/resolvConf';
import type { RecordType } from '../dns/types';
import type { Origin } from '../programs/types';
import { WORKSTATION, podPlace } from './routing';
import { dataplaneState } from './state';
import { traceListeners } from './trace';
import type { Hop, RequestSource, Trace, TraceOutcome } from './types';

export interface DnsTraceRequest {
  from: RequestSource;
  name: string;
  type?: RecordType;
}

/** Where a program runs, as a trace's request source. */
export function originSource(origin: Origin): RequestSource {
  return origin.kind === 'pod' ? { kind: 'pod', namespace: origin.namespace, name: origin.name, container: origin.container } : { kind: 'workstation' };
}

function pick(seed: string, n: number): number {
  let h = 0;
  for (let i = 0; i < seed.length; i++) h = (h * 31 + seed.charCodeAt(i)) >>> 0;
  return h % n;
}

/** The hop-by-hop path of one DNS question (pure: reads the cluster, changes nothing). */
export function traceDns(ctx: EngineContext, req: DnsTraceRequest): Trace {
  const type = req.type ?? 'A';
  const hops: Hop[] = [];
  const base = { request: { from: req.from, url: `dns:${req.name}` }, method: 'DNS', hops };
  if (req.from.kind !== 'pod') {
    const answer = askHostResolver(req.name, type);
    const rec = answer.answers[0];
    const reason = rec
      ? `Your machine's resolver answered ${rec.name} ${rec.type} ${rec.data}.`
      : `Your machine asks its own resolver, which knows nothing of the cluster's names: "${req.name}" does not resolve here (CoreDNS at ${KUBE_DNS_IP} answers only inside the cluster).`;
    hops.push({ action: 'dns', where: WORKSTATION, record: rec ? { name: rec.name, type: rec.type, data: rec.data } : undefined, reason });
    const outcome: TraceOutcome = rec
      ? { kind: 'response', status: 0, statusText: answer.rcode, headers: [], body: `${rec.data}\n`, reason }
      : { kind: 'nxdomain', name: req.name, reason };
    return { ...base, outcome };
  }
  const pod = ctx.store.get<Pod>('Pod', req.from.namespace, req.from.name);
  const podIP = pod?.status?.podIP;
  if (!pod || !podIP) return { ...base, outcome: { kind: 'invalid', reason: `pod ${req.from.namespace}/${req.from.name} is not running` } };
  const where = podPlace(pod);
  const state = dataplaneState(ctx);
  const nodeName = pod.spec.nodeName ?? '';
  const node = { kind: 'Node' as const, name: nodeName, ip: state.table.nodeIP(nodeName) };
  const svc = { namespace: 'kube-system', name: 'kube-dns', port: 53, protocol: 'UDP' };
  const query = { src: { ip: podIP, port: 40000 + pick(req.name, 20000) }, dst: { ip: KUBE_DNS_IP, port: 53 } };
  hops.push({ action: 'send', where, before: query, after: query, reason: `Pod ${req.from.name} sends the question "${req.name}" (${type}) to its nameserver, the kube-dns Service ${KUBE_DNS_IP}:53/UDP (from /etc/resolv.conf).` });
  const vip = state.table.vip(KUBE_DNS_IP, 53, 'UDP');
  const ref = vip && state.table.portRef(vip.svcKey, vip.portIndex);
  const ready = ref ? state.table.endpoints(ref).filter((e) => e.ready) : [];
  if (!ref || ready.length === 0) {
    const reason = `kube-proxy on ${nodeName} has no ready CoreDNS endpoint for kube-system/kube-dns, so its REJECT rule answers ${KUBE_DNS_IP}:53 at once: the lookup fails.`;
    hops.push({ action: 'reject', where: node, service: svc, before: query, reason });
    return { ...base, outcome: { kind: 'refused', ip: KUBE_DNS_IP, port: 53, reason } };
  }
  const ep = ready[pick(`${podIP} ${req.name}`, ready.length)];
  const after = { src: query.src, dst: { ip: ep.ip, port: ep.port } };
  const coredns = ep.pod ? { kind: 'Pod' as const, namespace: ep.pod.namespace, name: ep.pod.name, ip: ep.ip } : undefined;
  hops.push({
    action: 'dnat', where: node, to: { kind: 'Service', namespace: 'kube-system', name: 'kube-dns' }, service: svc, before: query, after,
    endpoint: { ip: ep.ip, port: ep.port, pod: ep.pod, nodeName: ep.nodeName, how: `random 1/${ready.length}`, of: ready.length },
    reason: `kube-proxy on ${nodeName} rewrote the destination ${KUBE_DNS_IP}:53 to ${ep.ip}:${ep.port} (CoreDNS pod ${ep.pod?.name ?? ep.ip}${ready.length > 1 ? `, one of ${ready.length} endpoints` : ', the only endpoint'}).`,
  });
  if (coredns) hops.push({ action: 'deliver', where: coredns, before: after, after, reason: `CoreDNS pod ${coredns.name} receives the question on port 53/UDP.` });
  const res = resolveQuery(ctx, { name: req.name, type, searchNamespace: pod.spec.dnsPolicy === 'Default' ? undefined : pod.metadata.namespace });
  const tried = res.tried.length > 1 ? `; the search path tried ${res.tried.map((t) => `${t.name} (${t.rcode})`).join(', ')}` : '';
  const answer = res.answers.find((r) => r.type === type) ?? res.answers[0];
  const reply = { src: after.dst, dst: query.src };
  const back = coredns ?? node;
  if (res.rcode === 'NOERROR' && answer) {
    const lines = res.answers.map((r) => `${r.name} ${r.type} ${r.data}`).join(', ');
    const reason = `CoreDNS answered ${lines}${tried}.`;
    hops.push({ action: 'dns', where: back, to: where, record: { name: answer.name, type: answer.type, data: answer.data }, before: reply, after: reply, reason });
    return { ...base, outcome: { kind: 'response', status: 0, statusText: 'NOERROR', headers: [], body: res.answers.map((r) => `${r.data}\n`).join(''), reason } };
  }
  const reason = `CoreDNS answered ${res.rcode} for every name it was asked${tried || ` (${res.name})`}.`;
  hops.push({ action: 'dns', where: back, to: where, before: reply, after: reply, reason });
  return { ...base, outcome: { kind: 'nxdomain', name: req.name, reason } };
}

/** Builds the DNS trace and announces it to the trace listeners (the UI animates it); returns it. */
export function announceDnsTrace(ctx: EngineContext, req: DnsTraceRequest): Trace | undefined {
  const listeners = traceListeners(ctx);
  if (listeners.size === 0) return undefined;
  const trace = traceDns(ctx, req);
  for (const listener of listeners) listener(trace);
  return trace;
}
