// The EndpointSlice mirroring controller's pure core: a user-managed Endpoints
// object (of a Service without a selector) -> the EndpointSlices that mirror it.
// Source: pkg/controller/endpointslicemirroring/{reconciler.go,
// reconciler_helpers.go, utils.go}. One slice per (address type, port set),
// at most maxEndpointsPerSubset addresses per subset.

import { isValidIP } from '../../api/validation/common';
import type { EndpointPort, Endpoints, EndpointSlice, EndpointSubset, SliceEndpoint } from '../../core/types';
import { ANNOTATION_LAST_APPLIED, ANNOTATION_TRIGGER_TIME, isIPv6, LABEL_MANAGED_BY, LABEL_SERVICE_NAME, MIRRORING_CONTROLLER, stringMapsEqual } from './podEndpoints';
import type { SliceChange } from './endpointSliceReconciler';
import { controllerRef, endpointHash, endpointsEqualBeyondHash, portMapKey } from './sliceEndpoints';

/** kube-controller-manager --mirroring-max-endpoints-per-subset default. */
export const MAX_ENDPOINTS_PER_SUBSET = 1000;

export interface MirroringEvent {
  reason: 'InvalidIPAddress' | 'TooManyAddressesToMirror';
  message: string;
}

export interface MirroringResult {
  changes: SliceChange[];
  /** Warning events to record on the Endpoints object. */
  events: MirroringEvent[];
}

type EndpointSet = Map<string, SliceEndpoint>;

/** epPortsToEpsPorts */
function slicePorts(ports: readonly EndpointPort[] | undefined): EndpointPort[] {
  return (ports ?? []).map((p) => {
    const out: EndpointPort = { name: p.name ?? '', protocol: p.protocol || 'TCP', port: p.port };
    if (p.appProtocol) out.appProtocol = p.appProtocol;
    return out;
  });
}

/** addressToEndpoint: mirrored endpoints carry only the `ready` condition. */
function addressToEndpoint(a: NonNullable<EndpointSubset['addresses']>[number], ready: boolean): SliceEndpoint {
  const ep: SliceEndpoint = { addresses: [a.ip], conditions: { ready } };
  if (a.hostname) ep.hostname = a.hostname;
  if (a.targetRef) ep.targetRef = a.targetRef;
  if (a.nodeName !== undefined) ep.nodeName = a.nodeName;
  return ep;
}

function withoutKeys(m: Record<string, string> | undefined, ...keys: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k in m) if (!keys.includes(k)) out[k] = m[k];
  return out;
}

/** newEndpointSlice (mirroring): Endpoints' labels and annotations, owned by the Endpoints. */
function newMirroredSlice(ep: Endpoints, ports: EndpointPort[], addressType: string, endpoints: SliceEndpoint[], name: string | undefined): EndpointSlice {
  const labels = { ...(ep.metadata.labels ?? {}), [LABEL_SERVICE_NAME]: ep.metadata.name!, [LABEL_MANAGED_BY]: MIRRORING_CONTROLLER };
  const annotations = withoutKeys(ep.metadata.annotations, ANNOTATION_TRIGGER_TIME, ANNOTATION_LAST_APPLIED);
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      ...(name ? { name } : { generateName: `${ep.metadata.name}-` }),
      namespace: ep.metadata.namespace,
      labels,
      ...(Object.keys(annotations).length ? { annotations } : {}),
      ownerReferences: [controllerRef(ep, 'Endpoints')],
    },
    addressType,
    endpoints: endpoints.length ? endpoints : null,
    ports: ports.length ? ports : null,
  };
}

/** totalChanges: whether the first existing slice already holds exactly the desired endpoints. */
function sliceMatches(slice: EndpointSlice, desired: EndpointSet): boolean {
  let matches = 0;
  for (const ep of slice.endpoints ?? []) {
    const got = desired.get(endpointHash(ep));
    if (!got || !endpointsEqualBeyondHash(got, ep)) return false;
    matches++;
  }
  return desired.size === matches;
}

export function reconcileMirroredSlices(ep: Endpoints, existingSlices: readonly EndpointSlice[], maxPerSubset = MAX_ENDPOINTS_PER_SUBSET): MirroringResult {
  const portsByKey = new Map<string, EndpointPort[]>();
  const endpointsByKey = new Map<string, EndpointSet>();
  const keyOf = (addressType: string, ports: readonly EndpointPort[] | null) => `${addressType}\u0000${portMapKey(ports)}`;
  let invalid = 0;
  let skipped = 0;
  for (const subset of ep.subsets ?? []) {
    const ports = slicePorts(subset.ports);
    for (const t of ['IPv4', 'IPv6']) {
      const k = keyOf(t, ports);
      if (!endpointsByKey.has(k)) endpointsByKey.set(k, new Map());
      portsByKey.set(k, ports);
    }
    const total = (subset.addresses?.length ?? 0) + (subset.notReadyAddresses?.length ?? 0);
    let added = 0;
    const addAll = (addrs: EndpointSubset['addresses'], ready: boolean) => {
      for (const a of addrs ?? []) {
        if (added >= maxPerSubset) break;
        if (!isValidIP(a.ip)) {
          invalid++;
          continue;
        }
        const e = addressToEndpoint(a, ready);
        endpointsByKey.get(keyOf(isIPv6(a.ip) ? 'IPv6' : 'IPv4', ports))!.set(endpointHash(e), e);
        added++;
      }
    };
    addAll(subset.addresses, true);
    addAll(subset.notReadyAddresses, false);
    skipped += total - added;
  }

  const events: MirroringEvent[] = [];
  if (invalid > 0) events.push({ reason: 'InvalidIPAddress', message: `Skipped ${invalid} invalid IP addresses when mirroring to EndpointSlices` });
  if (skipped > invalid) {
    events.push({
      reason: 'TooManyAddressesToMirror',
      message: `A max of ${maxPerSubset} addresses can be mirrored to EndpointSlices per Endpoints subset. ${skipped} addresses were skipped`,
    });
  }

  const existingByKey = new Map<string, EndpointSlice[]>();
  for (const s of existingSlices) {
    const k = keyOf(s.addressType, s.ports);
    existingByKey.set(k, [...(existingByKey.get(k) ?? []), s]);
  }

  const creates: EndpointSlice[] = [];
  const updates: EndpointSlice[] = [];
  const deletes: EndpointSlice[] = [];
  const wantLabels = ep.metadata.labels;
  const wantAnnotations = withoutKeys(ep.metadata.annotations, ANNOTATION_TRIGGER_TIME, ANNOTATION_LAST_APPLIED);
  for (const [k, desired] of endpointsByKey) {
    const existing = existingByKey.get(k) ?? [];
    if (desired.size === 0) {
      deletes.push(...existing);
      continue;
    }
    const addressType = k.startsWith('IPv6') ? 'IPv6' : 'IPv4';
    if (existing.length > 0) {
      deletes.push(...existing.slice(1));
      const first = existing[0];
      if (
        sliceMatches(first, desired) &&
        stringMapsEqual(wantLabels, withoutKeys(first.metadata.labels, LABEL_MANAGED_BY, LABEL_SERVICE_NAME)) &&
        stringMapsEqual(wantAnnotations, first.metadata.annotations)
      ) continue;
    }
    const endpoints = [...desired.values()].slice(0, maxPerSubset);
    const slice = newMirroredSlice(ep, portsByKey.get(k)!, addressType, endpoints, existing[0]?.metadata.name);
    (existing.length ? updates : creates).push(slice);
  }
  for (const [k, slices] of existingByKey) if (!endpointsByKey.has(k)) deletes.push(...slices);

  // recycleSlices: per address type, reuse a slice about to be deleted for each one to create.
  for (const t of ['IPv4', 'IPv6']) {
    const c = creates.filter((s) => s.addressType === t);
    const d = deletes.filter((s) => s.addressType === t);
    for (let i = 0; i < c.length && i < d.length; i++) {
      creates.splice(creates.indexOf(c[i]), 1);
      deletes.splice(deletes.indexOf(d[i]), 1);
      const { generateName: _g, ...meta } = c[i].metadata;
      updates.push({ ...c[i], metadata: { name: d[i].metadata.name, generateName: _g, ...meta } });
    }
  }

  const changes: SliceChange[] = [];
  if (!ep.metadata.deletionTimestamp) for (const s of creates) changes.push({ op: 'create', slice: s });
  for (const s of updates) changes.push({ op: 'update', slice: s });
  for (const s of deletes) changes.push({ op: 'delete', name: s.metadata.name! });
  return { changes, events };
}
