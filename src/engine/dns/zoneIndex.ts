// What CoreDNS's kubernetes plugin keeps from its watches: Services by name, and
// the EndpointSlices of each Service (CoreDNS watches slices, not Endpoints).
// Built lazily per cluster and dropped when a Service, EndpointSlice or
// Namespace changes, so queries cost a map look-up, not a scan, and bursts of
// pod churn elsewhere cost nothing.

import type { EngineContext } from '../context';
import type { EndpointSlice, Service } from '../core/types';
import { endpointHostname } from './names';

const WATCHED = new Set(['Service', 'EndpointSlice', 'Namespace']);
const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/** One ready (or published) endpoint address of a Service, as CoreDNS serves it. */
export interface DnsEndpoint {
  ip: string;
  /** The label CoreDNS uses for `<hostname>.<svc>.<ns>.svc`: the endpoint hostname or the dashed IP. */
  hostname: string;
  ports: { name: string; port: number; protocol: string }[];
}

interface ZoneData {
  slicesByService: Map<string, EndpointSlice[]>;
  endpoints: Map<string, DnsEndpoint[]>;
  reverse?: Map<string, string>;
}

interface IndexState {
  data?: ZoneData;
}

const states = new WeakMap<EngineContext, IndexState>();

function stateOf(ctx: EngineContext): IndexState {
  let state = states.get(ctx);
  if (!state) {
    const s: IndexState = {};
    ctx.store.subscribe((e) => {
      if (WATCHED.has(e.kind)) s.data = undefined;
    });
    states.set(ctx, (state = s));
  }
  return state;
}

function zoneData(ctx: EngineContext): ZoneData {
  const state = stateOf(ctx);
  if (state.data) return state.data;
  const slicesByService = new Map<string, EndpointSlice[]>();
  for (const slice of ctx.store.list<EndpointSlice>('EndpointSlice')) {
    const svc = slice.metadata.labels?.[SERVICE_NAME_LABEL];
    if (!svc) continue;
    const key = `${slice.metadata.namespace}/${svc}`;
    const list = slicesByService.get(key);
    if (list) list.push(slice);
    else slicesByService.set(key, [slice]);
  }
  return (state.data = { slicesByService, endpoints: new Map() });
}

export function getService(ctx: EngineContext, namespace: string, name: string): Service | undefined {
  return ctx.store.get<Service>('Service', namespace, name);
}

export function isHeadless(svc: Service): boolean {
  return svc.spec.clusterIP === 'None';
}

/**
 * The endpoints CoreDNS answers with for a Service: addresses of its slices whose
 * `ready` condition is not false (the EndpointSlice controller already sets ready
 * for not-ready pods when publishNotReadyAddresses is on), de-duplicated by IP,
 * in slice order. Source: coredns plugin/kubernetes/object/endpoint.go.
 */
export function serviceEndpoints(ctx: EngineContext, namespace: string, name: string): DnsEndpoint[] {
  const data = zoneData(ctx);
  const key = `${namespace}/${name}`;
  let eps = data.endpoints.get(key);
  if (eps) return eps;
  eps = [];
  const seen = new Set<string>();
  const slices = [...(data.slicesByService.get(key) ?? [])].sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1));
  for (const slice of slices) {
    if (slice.addressType === 'FQDN') continue;
    const ports = (slice.ports ?? []).map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP' }));
    for (const ep of slice.endpoints ?? []) {
      if (ep.conditions?.ready === false) continue;
      for (const ip of ep.addresses) {
        if (seen.has(ip)) continue;
        seen.add(ip);
        eps.push({ ip, hostname: endpointHostname(ep.hostname, ip), ports });
      }
    }
  }
  data.endpoints.set(key, eps);
  return eps;
}

/** Whether kube-dns has a ready endpoint: without one, kube-proxy rejects every query to 10.96.0.10. */
export function kubeDnsReady(ctx: EngineContext): boolean {
  return serviceEndpoints(ctx, 'kube-system', 'kube-dns').length > 0;
}

/**
 * PTR targets by IP: ClusterIPs first, then endpoint addresses
 * (`<hostname>.<svc>.<ns>.svc.<zone>.`), first match wins, as CoreDNS's
 * serviceRecordForIP does. Built on the first reverse query.
 */
export function reverseIndex(ctx: EngineContext): Map<string, string> {
  const data = zoneData(ctx);
  if (data.reverse) return data.reverse;
  const zone = ctx.config.clusterDomain;
  const reverse = new Map<string, string>();
  const services = ctx.store.list<Service>('Service').sort(byNamespaceAndName);
  for (const svc of services) {
    for (const ip of svc.spec.clusterIPs ?? (svc.spec.clusterIP ? [svc.spec.clusterIP] : [])) {
      if (ip !== 'None' && !reverse.has(ip)) reverse.set(ip, `${svc.metadata.name}.${svc.metadata.namespace}.svc.${zone}.`);
    }
  }
  for (const svc of services) {
    for (const ep of serviceEndpoints(ctx, svc.metadata.namespace!, svc.metadata.name!)) {
      if (!reverse.has(ep.ip)) reverse.set(ep.ip, `${ep.hostname}.${svc.metadata.name}.${svc.metadata.namespace}.svc.${zone}.`);
    }
  }
  return (data.reverse = reverse);
}

export function byNamespaceAndName(a: { metadata: { namespace?: string; name?: string } }, b: { metadata: { namespace?: string; name?: string } }): number {
  const ka = `${a.metadata.namespace}/${a.metadata.name}`;
  const kb = `${b.metadata.namespace}/${b.metadata.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
