// The EndpointSlice controller's pure core: Service + its pods + the slices it
// already manages -> creates, updates and deletes. Source:
// staging/src/k8s.io/endpointslice/reconciler.go (Reconcile,
// reconcileByAddressType, reconcileByPortMapping, finalize) and utils.go
// (getSliceToFill, newEndpointSlice, placeholderSliceCompare). Go's random map
// and set order becomes insertion order here, so the result is deterministic.

import type { EndpointPort, EndpointSlice, Node, Pod, Service, SliceEndpoint } from '../../core/types';
import { ANNOTATION_TRIGGER_TIME, ENDPOINTSLICE_CONTROLLER, shouldPodBeInEndpoints, stringMapsEqual } from './podEndpoints';
import {
  addressTypesFor, controllerRef, endpointHash, endpointPortsFor, endpointsEqualBeyondHash, ownedBy, podToEndpoint,
  portMapKey, samePortList, sliceLabels,
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

type EndpointSet = Map<string, SliceEndpoint>;

function popAny(set: EndpointSet): SliceEndpoint {
  const [k, v] = set.entries().next().value as [string, SliceEndpoint];
  set.delete(k);
  return v;
}

function newDraft(svc: Service, ports: EndpointPort[], addressType: string): Draft {
  return { addressType, ports, endpoints: [], labels: sliceLabels(undefined, svc, ENDPOINTSLICE_CONTROLLER).labels };
}

/** reconcileByPortMapping: keep existing slices where possible, fill the ones being rewritten, then reuse or create. */
function reconcileByPortMapping(svc: Service, existing: readonly EndpointSlice[], desired: EndpointSet, ports: EndpointPort[], addressType: string, max: number) {
  const drafts = new Map<string, Draft>();
  const unchanged = new Set<string>();
  const toUpdate = new Set<string>();
  const toDelete: EndpointSlice[] = [];

  for (const slice of existing) {
    const name = slice.metadata.name!;
    const current = slice.endpoints ?? [];
    const kept: SliceEndpoint[] = [];
    let endpointUpdated = false;
    for (const ep of current) {
      const key = endpointHash(ep);
      const got = desired.get(key);
      if (!got) continue;
      kept.push(got);
      if (!endpointsEqualBeyondHash(got, ep)) endpointUpdated = true;
      desired.delete(key);
    }
    const { labels, changed } = sliceLabels(slice.metadata.labels, svc, ENDPOINTSLICE_CONTROLLER);
    const draft = (endpoints: SliceEndpoint[]): Draft => ({ base: slice, addressType: slice.addressType, ports: slice.ports ?? [], endpoints, labels });
    if (endpointUpdated || kept.length !== current.length) {
      if (kept.length === 0) toDelete.push(slice);
      else {
        drafts.set(name, draft(kept));
        toUpdate.add(name);
      }
    } else if (changed) {
      drafts.set(name, draft([...current]));
      toUpdate.add(name);
    } else {
      drafts.set(name, draft(current as SliceEndpoint[]));
      unchanged.add(name);
    }
  }

  // 2. Fill the slices being rewritten anyway, fullest first.
  if (desired.size > 0 && toUpdate.size > 0) {
    const byFullness = [...toUpdate].map((n) => drafts.get(n)!).sort((a, b) => b.endpoints.length - a.endpoints.length);
    for (const d of byFullness) while (desired.size > 0 && d.endpoints.length < max) d.endpoints.push(popAny(desired));
  }

  // 3. Leftovers go into the unchanged slice that ends closest to full, else into new slices.
  const creates: Draft[] = [];
  while (desired.size > 0) {
    let fill: Draft | undefined;
    if (desired.size < max && unchanged.size > 0) {
      let closest = max;
      for (const n of unchanged) {
        const d = drafts.get(n)!;
        const diff = max - (desired.size + d.endpoints.length);
        if (diff >= 0 && diff < closest) {
          closest = diff;
          fill = d;
          if (diff === 0) break;
        }
      }
    }
    if (fill) fill.endpoints = [...fill.endpoints];
    else fill = newDraft(svc, ports, addressType);
    while (desired.size > 0 && fill.endpoints.length < max) fill.endpoints.push(popAny(desired));
    if (fill.base) {
      toUpdate.add(fill.base.metadata.name!);
      unchanged.delete(fill.base.metadata.name!);
    } else creates.push(fill);
  }
  return { creates, updates: [...toUpdate].map((n) => drafts.get(n)!), deletes: toDelete };
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

  const desired = new Map<string, { ports: EndpointPort[]; endpoints: EndpointSet }>();
  // Pods of a Service usually resolve its ports alike: reuse the previous pod's key then.
  let lastPorts: EndpointPort[] | undefined;
  let lastKey = '';
  for (const pod of input.pods) {
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const ports = endpointPortsFor(svc, pod);
    if (!lastPorts || !samePortList(ports, lastPorts)) {
      lastPorts = ports;
      lastKey = portMapKey(ports);
    }
    const key = lastKey;
    let entry = desired.get(key);
    if (!entry) desired.set(key, (entry = { ports, endpoints: new Map() }));
    const node = pod.spec.nodeName ? input.node(pod.spec.nodeName) : undefined;
    if (!node && !svc.spec.publishNotReadyAddresses) {
      // The pod names a Node that does not exist: leave it out (and report), unless the user asked for every address.
      errors.push(`skipping Pod ${pod.metadata.name} for Service ${svc.metadata.namespace}/${svc.metadata.name}: Node ${pod.spec.nodeName ?? ''} Not Found`);
      continue;
    }
    const ep = podToEndpoint(pod, node, svc, addressType);
    if (ep.addresses.length > 0) entry.endpoints.set(endpointHash(ep), ep);
  }

  let creates: Draft[] = [];
  const updates: Draft[] = [];
  for (const [key, { ports, endpoints }] of desired) {
    const r = reconcileByPortMapping(svc, existingByPortMap.get(key) ?? [], endpoints, ports, addressType, max);
    creates.push(...r.creates);
    updates.push(...r.updates);
    toDelete.push(...r.deletes);
  }
  for (const [key, slices] of existingByPortMap) if (!desired.has(key)) toDelete.push(...slices);

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

/** Reconcile: per supported address type; slices of an address type the Service no longer has are deleted. */
export function reconcileEndpointSlices(input: SliceReconcileInput): SliceReconcileResult {
  const types = addressTypesFor(input.service);
  const errors: string[] = [];
  const byType = new Map<string, EndpointSlice[]>();
  const unsupported: EndpointSlice[] = [];
  for (const s of input.existingSlices) {
    if (!types.includes(s.addressType)) unsupported.push(s);
    else {
      const list = byType.get(s.addressType);
      if (list) list.push(s);
      else byType.set(s.addressType, [s]);
    }
  }
  const changes: SliceChange[] = [];
  for (const t of types) changes.push(...reconcileByAddressType(input, byType.get(t) ?? [], t, errors));
  for (const s of unsupported) changes.push({ op: 'delete', name: s.metadata.name! });
  return { changes, errors };
}
