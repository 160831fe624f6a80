// kube-proxy's view of the cluster: Services and their EndpointSlices (never
// Endpoints, KUBERNETES.md §9.9), indexed by the addresses packets are sent to.
// Kept incrementally from the store's watch events, like kube-proxy's
// ServiceChangeTracker / EndpointsChangeTracker, so a trace costs O(endpoints
// of one Service), not O(cluster). Created on first use, one per cluster.

import { parseIPv4 } from '../api/validation/common';
import type { EngineContext } from '../context';
import type { WatchEvent } from '../core/store';
import type { EndpointSlice, KubeObject, Node, Pod, Service, ServicePort } from '../core/types';

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/** One port of one Service: kube-proxy's unit (a ServicePortName plus protocol). */
export interface ServicePortRef {
  svc: Service;
  port: ServicePort;
  /** `ns/name:portName` (or `ns/name` for an unnamed port), kube-proxy's ServicePortName.String(). */
  portName: string;
  protocol: string;
}

export type VipKind = 'cluster IP' | 'external IP' | 'loadbalancer IP';

export interface VipEntry {
  svcKey: string;
  portIndex: number;
  kind: VipKind;
}

/** An endpoint as kube-proxy keeps it (pkg/proxy/endpoint.go BaseEndpointInfo). */
export interface ProxyEndpoint {
  ip: string;
  port: number;
  /** `ip:port`, the sort key and the SEP chain input. */
  endpoint: string;
  nodeName?: string;
  pod?: { namespace: string; name: string };
  ready: boolean;
  serving: boolean;
  terminating: boolean;
}

const vipKey = (ip: string, port: number, protocol: string) => `${ip}|${port}|${protocol}`;
const svcKeyOf = (o: KubeObject) => `${o.metadata.namespace}/${o.metadata.name}`;

export class ServiceTable {
  readonly services = new Map<string, Service>();
  private readonly slices = new Map<string, Map<string, EndpointSlice>>();
  private readonly vips = new Map<string, VipEntry>();
  /** IPs that are some Service's ClusterIP (any port), for "no rule for this port" answers. */
  private readonly clusterIPs = new Map<string, string>();
  private readonly nodePorts = new Map<string, { svcKey: string; portIndex: number }>();
  private readonly healthCheckPorts = new Map<number, string>();
  private readonly podsByIP = new Map<string, string>();
  private readonly lbIPs = new Map<string, string>();

  constructor(private readonly ctx: EngineContext) {
    for (const s of ctx.store.list<Service>('Service')) this.addService(s);
    for (const s of ctx.store.list<EndpointSlice>('EndpointSlice')) this.addSlice(s);
    for (const p of ctx.store.list<Pod>('Pod')) this.addPod(p);
    ctx.store.subscribe((e) => this.onEvent(e));
  }

  private onEvent(e: WatchEvent): void {
    if (e.kind === 'Service') {
      if (e.old) this.removeService(e.old as Service);
      if (e.type !== 'DELETED') this.addService(e.object as Service);
    } else if (e.kind === 'EndpointSlice') {
      if (e.old) this.removeSlice(e.old as EndpointSlice);
      if (e.type !== 'DELETED') this.addSlice(e.object as EndpointSlice);
    } else if (e.kind === 'Pod') {
      if (e.old) this.removePod(e.old as Pod);
      if (e.type !== 'DELETED') this.addPod(e.object as Pod);
    }
  }

  private addService(svc: Service): void {
    const key = svcKeyOf(svc);
    this.services.set(key, svc);
    if (!hasProxyRules(svc)) return;
    const ports = svc.spec.ports ?? [];
    const lb = (svc.status?.loadBalancer?.ingress ?? []).map((i) => i.ip).filter((ip): ip is string => !!ip);
    for (const ip of lb) this.lbIPs.set(ip, key);
    this.clusterIPs.set(svc.spec.clusterIP!, key);
    ports.forEach((p, portIndex) => {
      const proto = p.protocol ?? 'TCP';
      this.vips.set(vipKey(svc.spec.clusterIP!, p.port, proto), { svcKey: key, portIndex, kind: 'cluster IP' });
      for (const ip of svc.spec.externalIPs ?? []) this.vips.set(vipKey(ip, p.port, proto), { svcKey: key, portIndex, kind: 'external IP' });
      for (const ip of lb) this.vips.set(vipKey(ip, p.port, proto), { svcKey: key, portIndex, kind: 'loadbalancer IP' });
      if (p.nodePort) this.nodePorts.set(`${p.nodePort}|${proto}`, { svcKey: key, portIndex });
    });
    if (svc.spec.healthCheckNodePort) this.healthCheckPorts.set(svc.spec.healthCheckNodePort, key);
  }

  private removeService(svc: Service): void {
    const key = svcKeyOf(svc);
    if (this.services.get(key) === svc) this.services.delete(key);
    if (!hasProxyRules(svc)) return;
    const del = <V>(m: Map<string, V>, k: string, owns: (v: V) => boolean) => {
      const v = m.get(k);
      if (v !== undefined && owns(v)) m.delete(k);
    };
    const mine = (v: { svcKey: string } | string) => (typeof v === 'string' ? v : v.svcKey) === key;
    const lb = (svc.status?.loadBalancer?.ingress ?? []).map((i) => i.ip).filter((ip): ip is string => !!ip);
    for (const ip of lb) del(this.lbIPs, ip, mine);
    del(this.clusterIPs, svc.spec.clusterIP!, mine);
    for (const p of svc.spec.ports ?? []) {
      const proto = p.protocol ?? 'TCP';
      del(this.vips, vipKey(svc.spec.clusterIP!, p.port, proto), mine);
      for (const ip of svc.spec.externalIPs ?? []) del(this.vips, vipKey(ip, p.port, proto), mine);
      for (const ip of lb) del(this.vips, vipKey(ip, p.port, proto), mine);
      if (p.nodePort) del(this.nodePorts, `${p.nodePort}|${proto}`, mine);
    }
    if (svc.spec.healthCheckNodePort && this.healthCheckPorts.get(svc.spec.healthCheckNodePort) === key) {
      this.healthCheckPorts.delete(svc.spec.healthCheckNodePort);
    }
  }

  private sliceOwner(s: EndpointSlice): string | undefined {
    const name = s.metadata.labels?.[SERVICE_NAME_LABEL];
    return name ? `${s.metadata.namespace}/${name}` : undefined;
  }

  private addSlice(s: EndpointSlice): void {
    const owner = this.sliceOwner(s);
    if (!owner) return;
    let m = this.slices.get(owner);
    if (!m) this.slices.set(owner, (m = new Map()));
    m.set(s.metadata.name!, s);
  }

  private removeSlice(s: EndpointSlice): void {
    const owner = this.sliceOwner(s);
    const m = owner ? this.slices.get(owner) : undefined;
    if (!m) return;
    m.delete(s.metadata.name!);
    if (m.size === 0) this.slices.delete(owner!);
  }

  private addPod(p: Pod): void {
    const ip = p.status?.podIP;
    if (ip && !p.spec.hostNetwork) this.podsByIP.set(ip, svcKeyOf(p));
  }

  private removePod(p: Pod): void {
    const ip = p.status?.podIP;
    if (ip && this.podsByIP.get(ip) === svcKeyOf(p)) this.podsByIP.delete(ip);
  }

  // ---- look-ups ----

  service(key: string): Service | undefined {
    return this.services.get(key);
  }

  portRef(svcKey: string, portIndex: number): ServicePortRef | undefined {
    const svc = this.services.get(svcKey);
    const port = svc?.spec.ports?.[portIndex];
    if (!svc || !port) return undefined;
    return { svc, port, portName: servicePortName(svc, port), protocol: port.protocol ?? 'TCP' };
  }

  vip(ip: string, port: number, protocol: string): VipEntry | undefined {
    return this.vips.get(vipKey(ip, port, protocol));
  }

  /** The Service whose ClusterIP this is (on any port). */
  clusterIPOwner(ip: string): string | undefined {
    return this.clusterIPs.get(ip);
  }

  /** The Service whose load-balancer ingress IP this is. */
  loadBalancerOwner(ip: string): string | undefined {
    return this.lbIPs.get(ip);
  }

  nodePort(port: number, protocol: string): { svcKey: string; portIndex: number } | undefined {
    return this.nodePorts.get(`${port}|${protocol}`);
  }

  healthCheck(port: number): string | undefined {
    return this.healthCheckPorts.get(port);
  }

  podByIP(ip: string): Pod | undefined {
    const key = this.podsByIP.get(ip);
    if (!key) return undefined;
    const i = key.indexOf('/');
    const pod = this.ctx.store.get<Pod>('Pod', key.slice(0, i), key.slice(i + 1));
    return pod?.status?.podIP === ip ? pod : undefined;
  }

  /** Every Service with kube-proxy rules, sorted by namespace/name (for printing rules). */
  proxiedServices(): Service[] {
    return [...this.services.entries()]
      .filter(([, s]) => hasProxyRules(s))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, s]) => s);
  }

  /**
   * The endpoints of one service port, merged over its EndpointSlices, de-duplicated
   * and sorted by `ip:port` as kube-proxy's EndpointSliceCache returns them.
   */
  endpoints(ref: ServicePortRef): ProxyEndpoint[] {
    const key = svcKeyOf(ref.svc);
    const slices = this.slices.get(key);
    if (!slices) return [];
    const wantName = ref.port.name ?? '';
    const seen = new Map<string, ProxyEndpoint>();
    for (const slice of slices.values()) {
      if (slice.addressType !== 'IPv4') continue;
      const sp = (slice.ports ?? []).find((p) => (p.name ?? '') === wantName && (p.protocol ?? 'TCP') === ref.protocol);
      if (!sp || !sp.port) continue;
      for (const ep of slice.endpoints ?? []) {
        const ip = ep.addresses[0];
        if (!ip) continue;
        const ready = ep.conditions.ready ?? true;
        const endpoint = `${ip}:${sp.port}`;
        if (seen.has(endpoint)) continue;
        seen.set(endpoint, {
          ip,
          port: sp.port,
          endpoint,
          nodeName: ep.nodeName,
          pod: ep.targetRef?.kind === 'Pod' ? { namespace: ep.targetRef.namespace ?? ref.svc.metadata.namespace!, name: ep.targetRef.name } : undefined,
          ready,
          serving: ep.conditions.serving ?? ready,
          terminating: ep.conditions.terminating ?? false,
        });
      }
    }
    return [...seen.values()].sort((a, b) => compareEndpoint(a.endpoint, b.endpoint));
  }

  // ---- nodes (at most ten: listed directly) ----

  nodes(): { name: string; ip: string; ready: boolean }[] {
    return this.ctx.store.list<Node>('Node').map((n) => ({
      name: n.metadata.name!,
      ip: n.status.addresses.find((a) => a.type === 'InternalIP')?.address ?? '',
      ready: !this.ctx.sim.stoppedNodes.has(n.metadata.name!),
    }));
  }

  nodeByIP(ip: string): { name: string; ip: string; ready: boolean } | undefined {
    return this.nodes().find((n) => n.ip === ip);
  }

  nodeIP(name: string): string | undefined {
    return this.nodes().find((n) => n.name === name)?.ip;
  }
}

function compareEndpoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** ExternalName and headless Services get no kube-proxy rules (KUBERNETES.md §11.10). */
export function hasProxyRules(svc: Service): boolean {
  return svc.spec.type !== 'ExternalName' && !!svc.spec.clusterIP && svc.spec.clusterIP !== 'None';
}

export function servicePortName(svc: Service, port: ServicePort): string {
  return `${svc.metadata.namespace}/${svc.metadata.name}${port.name ? `:${port.name}` : ''}`;
}

/** Whether `ip` lies in `cidr` (IPv4 only; anything unparsable is outside). */
export function inCIDR(ip: string, cidr: string): boolean {
  const [base, bitsText] = cidr.trim().split('/');
  const a = parseIPv4(ip);
  const b = parseIPv4(base);
  const bits = Number(bitsText ?? 32);
  if (a === undefined || b === undefined || !(bits >= 0 && bits <= 32)) return false;
  if (bits === 0) return true;
  const mask = (0xffffffff << (32 - bits)) >>> 0;
  return ((a & mask) >>> 0) === ((b & mask) >>> 0);
}
