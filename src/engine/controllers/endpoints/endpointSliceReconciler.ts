// The EndpointSlice controller's pure core: Service + its pods + the slices it
// already manages -> creates, updates and deletes. Source:
// staging/src/k8s.io/endpointslice/reconciler.go (Reconcile,
// reconcileByAddressType, reconcileByPortMapping, finalize) and utils.go
// (getSliceToFill, newEndpointSlice, placeholderSliceCompare). Go's random map
// and set order becomes insertion order here, so the result is deterministic.

import type { EndpointPort, EndpointSlice, Node, Pod, Service, ServicePort, SliceEndpoint } from '../../core/types';
import { ANNOTATION_TRIGGER_TIME, ENDPOINTSLICE_CONTROLLER, findPort, shouldPodBeInEndpoints, stringMapsEqual } from './podEndpoints';
import {
  addressTypesFor, controllerRef, endpointPortsFor, endpointsEqualBeyondHash, ownedBy, podToEndpoint, portMapKey,
  sameEndpointHash, samePortList, sliceLabels,
} from './sliceEndpoints';

/** kube-controller-manager --max-endpoints-per-slice default. */
export const MAX_ENDPOINTS_PER_SLICE = 100;

export type SliceChange =
  | { op: 'create'; slice: EndpointSlice }
  | { op: 'update'; slice: EndpointSlice }
  | { op: 'delete'; name: string };

export interface SliceReconcileInput {
  service: Service;
  pods: readonly Pod[];
  /** Slices labelled with this Service's name and managed by the endpointslice controller. */
  existingSlices: readonly EndpointSlice[];
  node: (name: string) => Node | undefined;
  /** Formatted trigger time; undefined removes the annotation from written slices. */
  triggerTime: string | undefined;
  maxEndpointsPerSlice?: number;
}

export interface SliceReconcileResult {
  changes: SliceChange[];
  /** Errors upstream aggregates into the FailedToUpdateEndpointSlices event (pods on missing nodes). */
  errors: string[];
}

/** A slice being worked on: an existing one (`base`) or a new one. Never aliases stored arrays it changes. */
interface Draft {
  base?: EndpointSlice;
  /** Name of a slice this new one replaces (finalize's create-to-update recycling). */
  recycled?: EndpointSlice;
  addressType: string;
  ports: EndpointPort[];
  endpoints: SliceEndpoint[];
  labels: Record<string, string>;
}

/**
 * Upstream's EndpointSet, keyed by the endpoint's pod name rather than by its hash:
 * the desired endpoints are one per pod, and the hash includes the pod's name, so the
 * two keys pick out the same endpoints; an existing endpoint counts as one of them
 * only when the whole hash matches (sameEndpointHash). No hash string per endpoint.
 */
type EndpointSet = Map<string, SliceEndpoint>;

function newDraft(svc: Service, ports: EndpointPort[], addressType: string): Draft {
  return { addressType, ports, endpoints: [], labels: sliceLabels(undefined, svc, ENDPOINTSLICE_CONTROLLER).labels };
}

/** A draft of an existing slice, holding `endpoints`. */
function draftOf(slice: EndpointSlice, endpoints: SliceEndpoint[], labels: Record<string, string>): Draft {
  return { base: slice, addressType: slice.addressType, ports: slice.ports ?? [], endpoints, labels };
}

/** reconcileByPortMapping: keep existing slices where possible, fill the ones being rewritten, then reuse or create. */
function reconcileByPortMapping(svc: Service, existing: readonly EndpointSlice[], desired: EndpointSet, ports: EndpointPort[], addressType: string, max: number) {
  const drafts = new Map<string, Draft>();
  const unchanged = new Set<string>();
  const toUpdate = new Set<string>();
  const toDelete: EndpointSlice[] = [];

  for (let s = 0; s < existing.length; s++) {
    const slice = existing[s];
    const name = slice.metadata.name!;
    const current = slice.endpoints ?? [];
    const kept: SliceEndpoint[] = [];
    let endpointUpdated = false;
    for (let e = 0; e < current.length; e++) {
      const ep = current[e];
      const key = ep.targetRef?.name ?? '';
      const got = desired.get(key);
      if (!got || !sameEndpointHash(got, ep)) continue;
      kept.push(got);
      if (!endpointsEqualBeyondHash(got, ep)) endpointUpdated = true;
      desired.delete(key);
    }
    const { labels, changed } = sliceLabels(slice.metadata.labels, svc, ENDPOINTSLICE_CONTROLLER);
    if (endpointUpdated || kept.length !== current.length) {
      if (kept.length === 0) toDelete.push(slice);
      else {
        drafts.set(name, draftOf(slice, kept, labels));
        toUpdate.add(name);
      }
    } else if (changed) {
      drafts.set(name, draftOf(slice, [...current], labels));
      toUpdate.add(name);
    } else {
      drafts.set(name, draftOf(slice, current as SliceEndpoint[], labels));
      unchanged.add(name);
    }
  }

  // The endpoints no existing slice holds, taken in the set's order (Go's set pops any).
  const pending = desired.size > 0 ? [...desired.values()] : [];
  let next = 0;

  // 2. Fill the slices being rewritten anyway, fullest first.
  if (pending.length > 0 && toUpdate.size > 0) {
    const byFullness = [...toUpdate].map((n) => drafts.get(n)!).sort((a, b) => b.endpoints.length - a.endpoints.length);
    for (const d of byFullness) while (next < pending.length && d.endpoints.length < max) d.endpoints.push(pending[next++]);
  }

  // 3. Leftovers go into the unchanged slice that ends closest to full, else into new slices.
  const creates: Draft[] = [];
  while (next < pending.length) {
    const left = pending.length - next;
    let fill: Draft | undefined;
    if (left < max && unchanged.size > 0) {
      let closest = max;
      for (const n of unchanged) {
        const d = drafts.get(n)!;
        const diff = max - (left + d.endpoints.length);
        if (diff >= 0 && diff < closest) {
          closest = diff;
          fill = d;
          if (diff === 0) break;
        }
      }
    }
    if (fill) fill.endpoints = [...fill.endpoints];
    else fill = newDraft(svc, ports, addressType);
    while (next < pending.length && fill.endpoints.length < max) fill.endpoints.push(pending[next++]);
    if (fill.base) {
      toUpdate.add(fill.base.metadata.name!);
      unchanged.delete(fill.base.metadata.name!);
    } else creates.push(fill);
  }
  return { creates, updates: [...toUpdate].map((n) => drafts.get(n)!), deletes: toDelete };
}

/** Whether `pod` resolves each Service port to the number in `resolved` (as the previous pod did). */
function resolvesAlike(pod: Pod, svcPorts: readonly ServicePort[], resolved: readonly (number | undefined)[]): boolean {
  for (let j = 0; j < svcPorts.length; j++) if (findPort(pod, svcPorts[j]) !== resolved[j]) return false;
  return true;
}

/** placeholderSliceCompare: namespace, labels, owners, address type, no endpoints, no ports. */
function isSamePlaceholder(slice: EndpointSlice, placeholder: Draft, svc: Service): boolean {
  const owners = slice.metadata.ownerReferences ?? [];
  const ref = controllerRef(svc, 'Service');
  return (
    slice.metadata.namespace === svc.metadata.namespace &&
    stringMapsEqual(slice.metadata.labels, placeholder.labels) &&
    owners.length === 1 &&
    (Object.keys(ref) as (keyof typeof ref)[]).every((k) => owners[0][k] === ref[k]) &&
    slice.addressType === placeholder.addressType &&
    (slice.endpoints ?? []).length === 0 &&
    (slice.ports ?? []).length === 0
  );
}

function reconcileByAddressType(input: SliceReconcileInput, existing: readonly EndpointSlice[], addressType: string, errors: string[]): SliceChange[] {
  const svc = input.service;
  const max = input.maxEndpointsPerSlice ?? MAX_ENDPOINTS_PER_SLICE;
  let toDelete: EndpointSlice[] = [];
  const existingByPortMap = new Map<string, EndpointSlice[]>();
  for (const slice of existing) {
    if (!ownedBy(slice, svc)) {
      toDelete.push(slice);
      continue;
    }
    const key = portMapKey(slice.ports);
    const list = existingByPortMap.get(key);
    if (list) list.push(slice);
    else existingByPortMap.set(key, [slice]);
  }

  const desired = new Map<string, { key: string; ports: EndpointPort[]; endpoints: EndpointSet }>();
  // Pods of a Service usually resolve its targetPorts alike: then the previous pod's
  // port list and key are reused, and no list is built for this pod.
  const svcPorts = svc.spec.ports ?? [];
  const resolved: (number | undefined)[] = [];
  let lastPorts: EndpointPort[] | undefined;
  let lastKey = '';
  const pods = input.pods;
  for (let i = 0; i < pods.length; i++) {
    const pod = pods[i];
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    let ports = lastPorts;
    if (!ports || !resolvesAlike(pod, svcPorts, resolved)) {
      ports = endpointPortsFor(svc, pod);
      for (let j = 0; j < svcPorts.length; j++) resolved[j] = findPort(pod, svcPorts[j]);
      if (!lastPorts || !samePortList(ports, lastPorts)) {
        lastPorts = ports;
        lastKey = portMapKey(ports);
      }
    }
    const key = lastKey;
    let entry = desired.get(key);
    if (!entry) desired.set(key, (entry = { key, ports, endpoints: new Map() }));
    const node = pod.spec.nodeName ? input.node(pod.spec.nodeName) : undefined;
    if (!node && !svc.spec.publishNotReadyAddresses) {
      // The pod names a Node that does not exist: leave it out (and report), unless the user asked for every address.
      errors.push(`skipping Pod ${pod.metadata.name} for Service ${svc.metadata.namespace}/${svc.metadata.name}: Node ${pod.spec.nodeName ?? ''} Not Found`);
      continue;
    }
    const ep = podToEndpoint(pod, node, svc, addressType);
    if (ep.addresses.length > 0) entry.endpoints.set(pod.metadata.name!, ep);
  }

  let creates: Draft[] = [];
  const updates: Draft[] = [];
  for (const { key, ports, endpoints } of desired.values()) {
    const r = reconcileByPortMapping(svc, existingByPortMap.get(key) ?? [], endpoints, ports, addressType, max);
    creates.push(...r.creates);
    updates.push(...r.updates);
    toDelete.push(...r.deletes);
  }
  for (const key of existingByPortMap.keys()) if (!desired.has(key)) toDelete.push(...existingByPortMap.get(key)!);

  // When no slice would be left, keep (or create) one placeholder with no endpoints and no ports.
  if (existing.length === toDelete.length && creates.length < 1) {
    const placeholder = newDraft(svc, [], addressType);
    if (toDelete.length === 1 && isSamePlaceholder(toDelete[0], placeholder, svc)) toDelete = [];
    else creates.push(placeholder);
  }

  // finalize: turn creates into updates of slices that would otherwise be deleted.
  for (let i = 0; i < toDelete.length && creates.length > 0; ) {
    const old = toDelete[i];
    const draft = creates[creates.length - 1];
    if (old.addressType === draft.addressType && ownedBy(old, svc)) {
      draft.recycled = old;
      creates = creates.slice(0, -1);
      updates.push(draft);
      toDelete.splice(i, 1);
    } else i++;
  }

  const changes: SliceChange[] = [];
  // Don't create new slices for a Service that is being deleted (the garbage collector is removing them).
  if (!svc.metadata.deletionTimestamp) for (const d of creates) changes.push({ op: 'create', slice: toSlice(d, input) });
  for (const d of updates) changes.push({ op: 'update', slice: toSlice(d, input) });
  for (const s of toDelete) changes.push({ op: 'delete', name: s.metadata.name! });
  return changes;
}

/** The object to write for a draft (newEndpointSlice + addTriggerTimeAnnotation). */
function toSlice(d: Draft, input: SliceReconcileInput): EndpointSlice {
  const svc = input.service;
  const annotations: Record<string, string> = { ...(d.base?.metadata.annotations ?? {}) };
  if (input.triggerTime) annotations[ANNOTATION_TRIGGER_TIME] = input.triggerTime;
  else delete annotations[ANNOTATION_TRIGGER_TIME];
  const body = {
    addressType: d.addressType,
    endpoints: d.endpoints.length ? d.endpoints : null,
    ports: d.ports.length ? d.ports : null,
  };
  if (d.base) {
    const metadata: EndpointSlice['metadata'] = { ...d.base.metadata, labels: d.labels, annotations };
    if (Object.keys(annotations).length === 0) delete metadata.annotations;
    return { ...d.base, metadata, ...body };
  }
  const metadata: EndpointSlice['metadata'] = {
    ...(d.recycled ? { name: d.recycled.metadata.name } : {}),
    generateName: `${svc.metadata.name}-`,
    namespace: svc.metadata.namespace,
    labels: d.labels,
    ...(Object.keys(annotations).length ? { annotations } : {}),
    ownerReferences: [controllerRef(svc, 'Service')],
  };
  return { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata, ...body };
}

function slicesOfType(slices: readonly EndpointSlice[], addressType: string): EndpointSlice[] {
  const out: EndpointSlice[] = [];
  for (const s of slices) if (s.addressType === addressType) out.push(s);
  return out;
}

/** Reconcile: per supported address type; slices of an address type the Service no longer has are deleted. */
export function reconcileEndpointSlices(input: SliceReconcileInput): SliceReconcileResult {
  const types = addressTypesFor(input.service);
  const existing = input.existingSlices;
  const errors: string[] = [];
  const changes: SliceChange[] = [];
  for (const t of types) {
    // A Service has one or two address types: a filter per type, no map.
    const ofType = existing.length === 0 ? existing : slicesOfType(existing, t);
    for (const c of reconcileByAddressType(input, ofType, t, errors)) changes.push(c);
  }
  for (const s of existing) if (!types.includes(s.addressType)) changes.push({ op: 'delete', name: s.metadata.name! });
  return { changes, errors };
}
