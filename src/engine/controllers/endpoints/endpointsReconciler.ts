// The Endpoints controller's pure core: Service + its pods + the stored
// Endpoints -> the one write to make, if any.
// Source: pkg/controller/endpoint/endpoints_controller.go (syncService,
// podToEndpointAddressForService, addEndpointSubset, truncateEndpoints,
// capacityAnnotationSetCorrectly).

import { jsonEqual } from '../../api/apiServer';
import type { EndpointAddress, EndpointPort, Endpoints, EndpointSubset, Pod, Service, ServicePort } from '../../core/types';
import { keysAre } from '../keyOrder';
import {
  ANNOTATION_OVER_CAPACITY, ANNOTATION_TRIGGER_TIME, findPort, isIPv6, isPodReady, isServiceIPSet, LABEL_HEADLESS,
  podIPs, protocolOf, shouldPodBeInEndpoints, shouldSetHostname, stringMapsEqual,
} from './podEndpoints';
import { packOnePort, repackSubsets } from './repackSubsets';

/** maxCapacity: Endpoints hold at most 1000 addresses (ready + not ready). */
export const MAX_ENDPOINTS_CAPACITY = 1000;

export type EndpointsChange = { op: 'create'; object: Endpoints } | { op: 'update'; object: Endpoints };

export interface EndpointsInput {
  service: Service;
  /** Pods matching the Service's selector, in its namespace. */
  pods: readonly Pod[];
  existing: Endpoints | undefined;
  /** From the TriggerTimeTracker, already formatted; undefined clears the annotation. */
  triggerTime: string | undefined;
}

/** Whether the endpoints controllers manage this Service at all (§8.1, §7.3). */
export function isManagedService(svc: Service): boolean {
  return svc.spec.type !== 'ExternalName' && svc.spec.selector != null;
}

/**
 * The address family podToEndpointAddressForService picks for every pod of the
 * Service: its primary ipFamily, else its ClusterIP's family; undefined when
 * neither is set (then each pod's own podIP decides).
 */
function serviceWantsIPv6(svc: Service): boolean | undefined {
  const families = svc.spec.ipFamilies;
  if (families && families.length) return families[0] === 'IPv6';
  if (isServiceIPSet(svc)) return isIPv6(svc.spec.clusterIP!);
  return undefined;
}

/**
 * The stored Endpoints' addresses (ready and not ready), found by their pod's name: an
 * address podAddress would build exactly as it is stored is reused, the same JSON
 * without two objects per pod per sync (a pod that turns Ready keeps its address object).
 */
class PreviousAddresses {
  private readonly list: EndpointAddress[] = [];
  private byName?: Map<string, EndpointAddress>;

  constructor(subsets: readonly EndpointSubset[] | undefined) {
    if (subsets) {
      for (const s of subsets) {
        if (s.addresses) for (const a of s.addresses) this.list.push(a);
        if (s.notReadyAddresses) for (const a of s.notReadyAddresses) this.list.push(a);
      }
    }
    if (this.list.length > 16) {
      this.byName = new Map();
      // The first address of a name wins, as the scan below finds it.
      for (const a of this.list) if (a.targetRef?.name !== undefined && !this.byName.has(a.targetRef.name)) this.byName.set(a.targetRef.name, a);
    }
  }

  /** The stored address for `pod` if it is exactly { ip, hostname?, nodeName, targetRef } as podAddress builds it. */
  reusable(pod: Pod, ip: string, hostname: string | undefined): EndpointAddress | undefined {
    const name = pod.metadata.name;
    let prev: EndpointAddress | undefined;
    if (this.byName) prev = name === undefined ? undefined : this.byName.get(name);
    else for (let i = 0; i < this.list.length && !prev; i++) if (this.list[i].targetRef?.name === name) prev = this.list[i];
    if (!prev || prev.ip !== ip || prev.hostname !== hostname || prev.nodeName !== (pod.spec.nodeName ?? '')) return undefined;
    if (!keysAre(prev, hostname === undefined ? ADDRESS_KEYS : ADDRESS_KEYS_WITH_HOSTNAME)) return undefined;
    const ref = prev.targetRef!;
    if (!keysAre(ref, REF_KEYS) || ref.kind !== 'Pod' || ref.namespace !== pod.metadata.namespace || ref.name !== name || ref.uid !== pod.metadata.uid) return undefined;
    return prev;
  }
}

const ADDRESS_KEYS: readonly string[] = ['ip', 'nodeName', 'targetRef'];
const ADDRESS_KEYS_WITH_HOSTNAME: readonly string[] = ['ip', 'hostname', 'nodeName', 'targetRef'];
const REF_KEYS: readonly string[] = ['kind', 'namespace', 'name', 'uid'];

/** podToEndpointAddressForService: the pod IP of the Service's primary family. */
function podAddress(svc: Service, pod: Pod, serviceWantsV6: boolean | undefined, previous: PreviousAddresses): EndpointAddress | undefined {
  const wantV6 = serviceWantsV6 ?? isIPv6(pod.status?.podIP ?? '');
  const ips = podIPs(pod);
  let ip: string | undefined;
  for (let i = 0; i < ips.length && ip === undefined; i++) if (isIPv6(ips[i].ip) === wantV6) ip = ips[i].ip;
  if (ip === undefined) return undefined;
  const hostname = shouldSetHostname(pod, svc) ? pod.spec.hostname : undefined;
  const prev = previous.reusable(pod, ip, hostname);
  if (prev) return prev;
  const addr: EndpointAddress = { ip };
  if (hostname !== undefined) addr.hostname = hostname;
  addr.nodeName = pod.spec.nodeName ?? '';
  addr.targetRef = { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name!, uid: pod.metadata.uid };
  return addr;
}

function rawSubset(addr: EndpointAddress, ready: boolean, ports: EndpointPort[]): EndpointSubset {
  return ready ? { addresses: [addr], ports } : { notReadyAddresses: [addr], ports };
}

/** Field order as the Go struct: name, port, protocol, appProtocol. */
function endpointPort(sp: ServicePort, port: number): EndpointPort {
  const epp: EndpointPort = sp.name ? { name: sp.name, port, protocol: protocolOf(sp) } : { port, protocol: protocolOf(sp) };
  if (sp.appProtocol) epp.appProtocol = sp.appProtocol;
  return epp;
}

/** The repacked subsets the Service's pods call for, before truncation. */
export function desiredSubsets(svc: Service, pods: readonly Pod[], existing?: readonly EndpointSubset[]): EndpointSubset[] {
  const previous = new PreviousAddresses(existing);
  const ports = svc.spec.ports ?? [];
  if (ports.length === 1) {
    const packed = desiredOnePortSubsets(svc, pods, ports[0], previous);
    if (packed) return packed;
  }
  const publishNotReady = !!svc.spec.publishNotReadyAddresses;
  const wantV6 = serviceWantsIPv6(svc);
  const raw: EndpointSubset[] = [];
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, publishNotReady)) continue;
    const addr = podAddress(svc, pod, wantV6, previous);
    if (!addr) continue;
    const ready = publishNotReady || isPodReady(pod);
    if (ports.length === 0) {
      // Allow a headless Service not to have ports.
      if (svc.spec.clusterIP === 'None') raw.push(rawSubset(addr, ready, []));
      continue;
    }
    for (const sp of ports) {
      const port = findPort(pod, sp);
      if (port === undefined) continue; // this pod lacks the named port: it is left out for this port
      raw.push(rawSubset(addr, ready, [endpointPort(sp, port)]));
    }
  }
  return repackSubsets(raw);
}

/**
 * The usual Service (one port, which every pod resolves to the same number),
 * packed directly into ready and not-ready lists: what repackSubsets makes of
 * the one-address subsets the general path builds. undefined: take that path.
 */
function desiredOnePortSubsets(svc: Service, pods: readonly Pod[], sp: ServicePort, previous: PreviousAddresses): EndpointSubset[] | undefined {
  const publishNotReady = !!svc.spec.publishNotReadyAddresses;
  const wantV6 = serviceWantsIPv6(svc);
  let port: number | undefined;
  const ready: EndpointAddress[] = [];
  const notReady: EndpointAddress[] = [];
  for (let i = 0; i < pods.length; i++) {
    const pod = pods[i];
    if (!shouldPodBeInEndpoints(pod, publishNotReady)) continue;
    const addr = podAddress(svc, pod, wantV6, previous);
    if (!addr) continue;
    const p = findPort(pod, sp);
    if (p === undefined) continue;
    if (port === undefined) port = p;
    else if (p !== port) return undefined; // pods resolve a named port differently: several subsets
    (publishNotReady || isPodReady(pod) ? ready : notReady).push(addr);
  }
  if (port === undefined) return [];
  return packOnePort(ready, notReady, endpointPort(sp, port));
}

function countAddresses(subsets: readonly EndpointSubset[]): [number, number] {
  let ready = 0;
  let notReady = 0;
  for (const s of subsets) {
    ready += s.addresses?.length ?? 0;
    notReady += s.notReadyAddresses?.length ?? 0;
  }
  return [ready, notReady];
}

/**
 * truncateEndpoints: over 1000 addresses, keep ready ones first and share the
 * room among subsets in proportion (rounded up). Returns undefined when no
 * truncation is needed.
 */
export function truncateSubsets(subsets: readonly EndpointSubset[]): EndpointSubset[] | undefined {
  const [totalReady, totalNotReady] = countAddresses(subsets);
  if (totalReady + totalNotReady <= MAX_ENDPOINTS_CAPACITY) return undefined;
  const truncateReady = totalReady > MAX_ENDPOINTS_CAPACITY;
  const max = truncateReady ? MAX_ENDPOINTS_CAPACITY : MAX_ENDPOINTS_CAPACITY - totalReady;
  const numTotal = truncateReady ? totalReady : totalNotReady;
  let canBeAdded = max;
  return subsets.map((s) => {
    const inSubset = (truncateReady ? s.addresses?.length : s.notReadyAddresses?.length) ?? 0;
    const toBeAdded = Math.min(Math.ceil((inSubset / numTotal) * max), canBeAdded);
    const out: EndpointSubset = { ...s };
    if (truncateReady) {
      out.addresses = (s.addresses ?? []).slice(0, toBeAdded);
      delete out.notReadyAddresses;
      canBeAdded -= out.addresses.length;
      if (!out.addresses.length) delete out.addresses;
    } else {
      const kept = (s.notReadyAddresses ?? []).slice(0, toBeAdded);
      canBeAdded -= kept.length;
      if (kept.length) out.notReadyAddresses = kept;
      else delete out.notReadyAddresses;
    }
    return out;
  });
}

function withoutKey(m: Record<string, string> | undefined, key: string): Record<string, string> | undefined {
  if (!m || !(key in m)) return m;
  const { [key]: _drop, ...rest } = m;
  return rest;
}

/** The write that brings the Service's Endpoints up to date, or undefined when it already is. */
export function reconcileEndpoints(input: EndpointsInput): EndpointsChange | undefined {
  const { service, existing } = input;
  const subsets = desiredSubsets(service, input.pods, existing?.subsets);
  const svcLabels = service.metadata.labels;

  let subsetsEqual = false;
  if (existing) {
    subsetsEqual = jsonEqual(existing.subsets ?? [], subsets);
    const [r, n] = countAddresses(existing.subsets ?? []);
    const capacityOk = r + n <= MAX_ENDPOINTS_CAPACITY && !(existing.metadata.annotations && ANNOTATION_OVER_CAPACITY in existing.metadata.annotations);
    if (subsetsEqual && stringMapsEqual(withoutKey(existing.metadata.labels, LABEL_HEADLESS), svcLabels) && capacityOk) return undefined;
  }

  const annotations: Record<string, string> = { ...(existing?.metadata.annotations ?? {}) };
  if (input.triggerTime) annotations[ANNOTATION_TRIGGER_TIME] = input.triggerTime;
  else delete annotations[ANNOTATION_TRIGGER_TIME];
  const truncated = truncateSubsets(subsets);
  if (truncated) annotations[ANNOTATION_OVER_CAPACITY] = 'truncated';
  else delete annotations[ANNOTATION_OVER_CAPACITY];

  const labels: Record<string, string> = { ...(svcLabels ?? {}) };
  if (!isServiceIPSet(service)) labels[LABEL_HEADLESS] = '';
  else delete labels[LABEL_HEADLESS];

  const finalSubsets = truncated ?? subsets;
  const metadata = existing
    ? { ...existing.metadata, labels, annotations }
    : { name: service.metadata.name, namespace: service.metadata.namespace, labels, annotations };
  if (Object.keys(annotations).length === 0) delete (metadata as { annotations?: unknown }).annotations;
  const object: Endpoints = { ...(existing ?? { apiVersion: 'v1', kind: 'Endpoints' }), metadata } as Endpoints;
  if (finalSubsets.length) object.subsets = finalSubsets;
  else delete object.subsets;

  if (!existing) return { op: 'create', object };
  // New subsets (written as they are, untruncated) already make this an update; else compare the whole object.
  if ((subsetsEqual || truncated) && jsonEqual(object, existing)) return undefined;
  return { op: 'update', object };
}
