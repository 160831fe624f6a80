// CoreDNS's answer to one absolute question: the kubernetes plugin for the
// cluster zone and in-addr.arpa (kubeadm's Corefile: `kubernetes cluster.local
// in-addr.arpa ip6.arpa { pods insecure; fallthrough in-addr.arpa ip6.arpa;
// ttl 30 }`), and `forward . /etc/resolv.conf` for everything else.
// Sources: kubernetes/dns docs/specification.md (schema 1.0.1); coredns
// plugin/kubernetes/{kubernetes.go,parse.go,reverse.go} and plugin/backend_lookup.go.

import type { EngineContext } from '../context';
import type { Service } from '../core/types';
import { externalAnswer } from './external';
import { ipFromDashed, ipFromReverse } from './names';
import type { DnsAnswer, DnsRecord, RecordType } from './types';
import { getService, isHeadless, reverseIndex, serviceEndpoints } from './zoneIndex';

/** kubeadm's Corefile sets `ttl 30` in the kubernetes block (CoreDNS's own default is 5). */
export const CLUSTER_TTL = 30;

export function soaRecord(ctx: EngineContext): DnsRecord {
  const zone = `${ctx.config.clusterDomain}.`;
  // CoreDNS's serial is the Unix time of the last change it saw; the simulated clock stands in.
  const serial = Math.floor(ctx.clock.now() / 1000) >>> 0;
  return { name: zone, type: 'SOA', ttl: CLUSTER_TTL, data: `ns.dns.${zone} hostmaster.${zone} ${serial} 7200 1800 86400 ${CLUSTER_TTL}` };
}

const answer = (answers: DnsRecord[], additional: DnsRecord[] = []): DnsAnswer => ({ rcode: 'NOERROR', answers, authority: [], additional, authoritative: true });

function noData(ctx: EngineContext): DnsAnswer {
  return { rcode: 'NOERROR', answers: [], authority: [soaRecord(ctx)], additional: [], authoritative: true };
}

function nxdomain(ctx: EngineContext): DnsAnswer {
  return { rcode: 'NXDOMAIN', answers: [], authority: [soaRecord(ctx)], additional: [], authoritative: true };
}

/** Whether CoreDNS (rather than its upstream) answers for this absolute, lower-case name. */
export function inClusterZone(ctx: EngineContext, name: string): boolean {
  const zone = `${ctx.config.clusterDomain}.`;
  return name === zone || name.endsWith(`.${zone}`);
}

/** What the kube-dns Service answers (CoreDNS reachable and running). `name` is absolute and lower-case. */
export function coreDnsAnswer(ctx: EngineContext, name: string, type: RecordType, depth = 0): DnsAnswer {
  if (name.endsWith('.in-addr.arpa.')) {
    const ip = ipFromReverse(name);
    const target = ip && reverseIndex(ctx).get(ip);
    if (target && (type === 'PTR' || type === 'ANY')) return answer([{ name, type: 'PTR', ttl: CLUSTER_TTL, data: target }]);
    // `fallthrough in-addr.arpa`: addresses CoreDNS does not know go to the upstream resolver.
    return externalAnswer(name, type);
  }
  if (!inClusterZone(ctx, name)) return externalAnswer(name, type);
  const zone = `${ctx.config.clusterDomain}.`;
  if (name === zone) return type === 'SOA' ? answer([soaRecord(ctx)]) : noData(ctx);
  const labels = name.slice(0, -zone.length - 1).split('.');
  const kind = labels.pop();
  const nsExists = (ns: string) => ctx.store.get('Namespace', undefined, ns) !== undefined;
  if (kind === 'pod') {
    if (labels.length === 1) return nsExists(labels[0]) ? noData(ctx) : nxdomain(ctx);
    const ip = labels.length === 2 ? ipFromDashed(labels[0]) : undefined;
    // `pods insecure`: any well-formed dashed address answers, without checking that such a pod exists.
    if (!ip || !nsExists(labels[1])) return nxdomain(ctx);
    return type === 'A' || type === 'ANY' ? answer([{ name, type: 'A', ttl: CLUSTER_TTL, data: ip }]) : noData(ctx);
  }
  if (kind !== 'svc') return nxdomain(ctx);
  if (labels.length === 0) return noData(ctx);
  if (labels.length === 1) return nsExists(labels[0]) ? noData(ctx) : nxdomain(ctx);
  const [ns, svcName] = [labels[labels.length - 1], labels[labels.length - 2]];
  const svc = getService(ctx, ns, svcName);
  if (!svc) return nxdomain(ctx);
  if (labels.length === 2) return serviceAnswer(ctx, svc, name, type, undefined, depth);
  if (labels.length === 3) return endpointAnswer(ctx, svc, name, type, labels[0]);
  if (labels.length === 4 && labels[0].startsWith('_') && labels[1].startsWith('_')) {
    return serviceAnswer(ctx, svc, name, type, { port: labels[0].slice(1), protocol: labels[1].slice(1) }, depth);
  }
  return nxdomain(ctx);
}

const serviceFqdn = (ctx: EngineContext, svc: Service) => `${svc.metadata.name}.${svc.metadata.namespace}.svc.${ctx.config.clusterDomain}.`;

function addressRecords(name: string, ips: string[], type: RecordType): DnsRecord[] {
  const wantV6 = type === 'AAAA';
  return ips.filter((ip) => ip.includes(':') === wantV6).map((ip) => ({ name, type: wantV6 ? 'AAAA' : 'A', ttl: CLUSTER_TTL, data: ip }));
}

/** CoreDNS's SRV weight: 100 split evenly over the records of one priority (backend_lookup.go SRV). */
function srvRecords(name: string, targets: { port: number; target: string; ip: string }[]): { answers: DnsRecord[]; additional: DnsRecord[] } {
  const weight = Math.floor(100 / Math.max(targets.length, 1));
  const answers: DnsRecord[] = [];
  const additional: DnsRecord[] = [];
  const seenTargets = new Set<string>();
  for (const t of targets) {
    answers.push({ name, type: 'SRV', ttl: CLUSTER_TTL, data: `0 ${weight} ${t.port} ${t.target}` });
    if (!seenTargets.has(t.target)) {
      seenTargets.add(t.target);
      additional.push(...addressRecords(t.target, [t.ip], t.ip.includes(':') ? 'AAAA' : 'A'));
    }
  }
  return { answers, additional };
}

const portMatches = (want: { port: string; protocol: string } | undefined, p: { name?: string; protocol?: string }) =>
  !want || ((p.name ?? '').toLowerCase() === want.port && (p.protocol ?? 'TCP').toLowerCase() === want.protocol);

function serviceAnswer(ctx: EngineContext, svc: Service, name: string, type: RecordType, want: { port: string; protocol: string } | undefined, depth: number): DnsAnswer {
  if (svc.spec.type === 'ExternalName') {
    const target = `${(svc.spec.externalName ?? '').toLowerCase().replace(/\.$/, '')}.`;
    const cname: DnsRecord = { name, type: 'CNAME', ttl: CLUSTER_TTL, data: target };
    if (type !== 'A' && type !== 'AAAA' && type !== 'ANY') return answer([cname]);
    // CoreDNS chases the CNAME itself (in the zone, or through its upstream) and appends what it finds;
    // a target that does not resolve leaves the CNAME alone in the answer.
    const chased = depth < 8 ? coreDnsAnswer(ctx, target, type === 'ANY' ? 'A' : type, depth + 1) : undefined;
    return answer([cname, ...(chased?.rcode === 'NOERROR' ? chased.answers : [])]);
  }
  if (isHeadless(svc)) {
    const eps = serviceEndpoints(ctx, svc.metadata.namespace!, svc.metadata.name!);
    if (type === 'SRV') {
      const targets = eps.flatMap((ep) => ep.ports.filter((p) => (want ? portMatches(want, p) : true)).map((p) => ({ port: p.port, ip: ep.ip, target: `${ep.hostname}.${serviceFqdn(ctx, svc)}` })));
      if (targets.length === 0) return nxdomain(ctx);
      const srv = srvRecords(name, targets);
      return answer(srv.answers, srv.additional);
    }
    if (want && !eps.some((ep) => ep.ports.some((p) => portMatches(want, p)))) return nxdomain(ctx);
    // No ready endpoints: the name does not exist (specification.md 2.4.1).
    if (eps.length === 0) return nxdomain(ctx);
    const records = addressRecords(name, eps.map((ep) => ep.ip), type === 'ANY' ? 'A' : type);
    return records.length ? answer(records) : noData(ctx);
  }
  const ports = (svc.spec.ports ?? []).filter((p) => portMatches(want, p));
  if (want && ports.length === 0) return nxdomain(ctx);
  const ips = (svc.spec.clusterIPs ?? [svc.spec.clusterIP ?? '']).filter((ip) => ip && ip !== 'None');
  if (type === 'SRV') {
    const target = serviceFqdn(ctx, svc);
    const targets = ports.flatMap((p) => ips.map((ip) => ({ port: p.port, ip, target })));
    if (targets.length === 0) return noData(ctx);
    const srv = srvRecords(name, targets);
    return answer(srv.answers, srv.additional);
  }
  const records = addressRecords(name, ips, type === 'ANY' ? 'A' : type);
  return records.length ? answer(records) : noData(ctx);
}

/** `<hostname>.<svc>.<ns>.svc.<zone>`: the endpoint whose hostname (or dashed IP) is that label. */
function endpointAnswer(ctx: EngineContext, svc: Service, name: string, type: RecordType, label: string): DnsAnswer {
  if (svc.spec.type === 'ExternalName') return nxdomain(ctx);
  const eps = serviceEndpoints(ctx, svc.metadata.namespace!, svc.metadata.name!).filter((ep) => ep.hostname === label);
  if (eps.length === 0) return nxdomain(ctx);
  const records = addressRecords(name, eps.map((ep) => ep.ip), type === 'ANY' ? 'A' : type);
  return records.length ? answer(records) : noData(ctx);
}
