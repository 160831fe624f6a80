// The Endpoints controller's pure core: Service + its pods + the stored
// Endpoints -> the one write to make, if any.
// Source: pkg/controller/endpoint/endpoints_controller.go (syncService,
// podToEndpointAddressForService, addEndpointSubset, truncateEndpoints,
// capacityAnnotationSetCorrectly).

import { jsonEqual } from '../../api/apiServer';
import type { EndpointAddress, EndpointPort, Endpoints, EndpointSubset, Pod, Service } from '../../core/types';
import {
  ANNOTATION_OVER_CAPACITY, ANNOTATION_TRIGGER_TIME, findPort, isIPv6, isPodReady, isServiceIPSet, LABEL_HEADLESS,
  podIPs, protocolOf, shouldPodBeInEndpoints, shouldSetHostname, stringMapsEqual,
} from './podEndpoints';
import { repackSubsets } from './repackSubsets';

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

/** podToEndpointAddressForService: the pod IP of the Service's primary family. */
function podAddress(svc: Service, pod: Pod): EndpointAddress | undefined {
  let wantV6: boolean;
  const families = svc.spec.ipFamilies;
  if (families && families.length) wantV6 = families[0] === 'IPv6';
  else if (isServiceIPSet(svc)) wantV6 = isIPv6(svc.spec.clusterIP!);
  else wantV6 = isIPv6(pod.status?.podIP ?? '');
  const ip = podIPs(pod).find((x) => isIPv6(x) === wantV6);
  if (!ip) return undefined;
  const addr: EndpointAddress = { ip };
  if (shouldSetHostname(pod, svc)) addr.hostname = pod.spec.hostname;
  addr.nodeName = pod.spec.nodeName ?? '';
  addr.targetRef = { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name!, uid: pod.metadata.uid };
  return addr;
}

function rawSubset(addr: EndpointAddress, ready: boolean, ports: EndpointPort[]): EndpointSubset {
  return ready ? { addresses: [addr], ports } : { notReadyAddresses: [addr], ports };
}

/** The repacked subsets the Service's pods call for, before truncation. */
export function desiredSubsets(svc: Service, pods: readonly Pod[]): EndpointSubset[] {
  const publishNotReady = !!svc.spec.publishNotReadyAddresses;
  const raw: EndpointSubset[] = [];
  const ports = svc.spec.ports ?? [];
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, publishNotReady)) continue;
    const addr = podAddress(svc, pod);
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
      // Field order as the Go struct: name, port, protocol, appProtocol.
      const epp: EndpointPort = sp.name ? { name: sp.name, port, protocol: protocolOf(sp) } : { port, protocol: protocolOf(sp) };
      if (sp.appProtocol) epp.appProtocol = sp.appProtocol;
      raw.push(rawSubset(addr, ready, [epp]));
    }
  }
  return repackSubsets(raw);
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
  const subsets = desiredSubsets(service, input.pods);
  const svcLabels = service.metadata.labels;

  if (existing) {
    const [r, n] = countAddresses(existing.subsets ?? []);
    const capacityOk = r + n <= MAX_ENDPOINTS_CAPACITY && !(existing.metadata.annotations && ANNOTATION_OVER_CAPACITY in existing.metadata.annotations);
    if (
      jsonEqual(existing.subsets ?? [], subsets) &&
      stringMapsEqual(withoutKey(existing.metadata.labels, LABEL_HEADLESS), svcLabels) &&
      capacityOk
    ) return undefined;
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
  if (jsonEqual(object, existing)) return undefined;
  return { op: 'update', object };
}
