// Every record CoreDNS serves, for the UI's DNS panel and snapshot().dnsRecords:
// per Service its A/AAAA (ClusterIP) or per-endpoint answers (headless), the
// endpoint hostname records, SRV for ports, the ExternalName CNAME and the PTRs;
// then one A per running pod under <ns>.pod. Deterministic order: Services by
// namespace and name, records in the order above; pods by namespace and name.

import type { EngineContext } from '../context';
import type { Pod, Service } from '../core/types';
import { reverseName } from './names';
import type { DnsRecord } from './types';
import { CLUSTER_TTL } from './zone';
import { byNamespaceAndName, isHeadless, serviceEndpoints } from './zoneIndex';

export type { DnsRecord } from './types';

function serviceRecords(ctx: EngineContext, svc: Service, out: DnsRecord[]): void {
  const ns = svc.metadata.namespace!;
  const name = `${svc.metadata.name}.${ns}.svc.${ctx.config.clusterDomain}.`;
  const rec = (n: string, type: DnsRecord['type'], data: string) => out.push({ name: n, type, ttl: CLUSTER_TTL, data });
  const srvName = (p: { name?: string; protocol?: string }) => `_${p.name!.toLowerCase()}._${(p.protocol ?? 'TCP').toLowerCase()}.${name}`;
  if (svc.spec.type === 'ExternalName') {
    rec(name, 'CNAME', `${(svc.spec.externalName ?? '').toLowerCase().replace(/\.$/, '')}.`);
    return;
  }
  if (isHeadless(svc)) {
    const eps = serviceEndpoints(ctx, ns, svc.metadata.name!);
    for (const ep of eps) rec(name, ep.ip.includes(':') ? 'AAAA' : 'A', ep.ip);
    for (const ep of eps) rec(`${ep.hostname}.${name}`, ep.ip.includes(':') ? 'AAAA' : 'A', ep.ip);
    const named = new Map<string, { name?: string; protocol?: string }>();
    for (const ep of eps) for (const p of ep.ports) if (p.name) named.set(srvName(p), p);
    for (const [srv, p] of named) {
      const targets = eps.flatMap((ep) => ep.ports.filter((q) => q.name === p.name && q.protocol === p.protocol).map((q) => ({ port: q.port, target: `${ep.hostname}.${name}` })));
      const weight = Math.floor(100 / Math.max(targets.length, 1));
      for (const t of targets) rec(srv, 'SRV', `0 ${weight} ${t.port} ${t.target}`);
    }
    for (const ep of eps) {
      const ptr = reverseName(ep.ip);
      if (ptr) rec(ptr, 'PTR', `${ep.hostname}.${name}`);
    }
    return;
  }
  const ips = (svc.spec.clusterIPs ?? [svc.spec.clusterIP ?? '']).filter((ip) => ip && ip !== 'None');
  for (const ip of ips) rec(name, ip.includes(':') ? 'AAAA' : 'A', ip);
  for (const p of svc.spec.ports ?? []) {
    if (p.name) for (const _ of ips) rec(srvName(p), 'SRV', `0 100 ${p.port} ${name}`);
  }
  for (const ip of ips) {
    const ptr = reverseName(ip);
    if (ptr) rec(ptr, 'PTR', name);
  }
}

export function dnsRecords(ctx: EngineContext): DnsRecord[] {
  const out: DnsRecord[] = [];
  for (const svc of ctx.store.list<Service>('Service').sort(byNamespaceAndName)) serviceRecords(ctx, svc, out);
  const zone = ctx.config.clusterDomain;
  for (const pod of ctx.store.list<Pod>('Pod').sort(byNamespaceAndName)) {
    const ip = pod.status?.podIP;
    if (ip && !ip.includes(':') && !pod.spec.hostNetwork) out.push({ name: `${ip.replace(/\./g, '-')}.${pod.metadata.namespace}.pod.${zone}.`, type: 'A', ttl: CLUSTER_TTL, data: ip });
  }
  return out;
}
