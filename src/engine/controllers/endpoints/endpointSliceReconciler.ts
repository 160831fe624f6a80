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
  sameEndpointHash, samePortList, sliceLabels, sliceLabelsChanged,
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
}

/**
 * The desired endpoints of one port mapping: upstream's EndpointSet, as a list in pod
 * order. The desired endpoints are one per pod, and the endpoint hash includes the pod's
 * name, so an existing endpoint is looked up by its pod's name; it counts as one of
 * them only when the whole hash matches (sameEndpointHash). No hash string per
 * endpoint, and no map unless the list is long. An entry an existing slice keeps is
 * cleared (undefined), as upstream removes it from the set.
 */
interface DesiredGroup {
  key: string;
  ports: EndpointPort[];
  endpoints: (SliceEndpoint | undefined)[];
}

/** The slices being written, in upstream's order, and the ones to delete. */
interface Plan {
  creates: Draft[];
  updates: Draft[];
  deletes: EndpointSlice[];
}

function newDraft(ports: EndpointPort[], addressType: string): Draft {
  return { addressType, ports, endpoints: [] };
}

/** A draft of an existing slice, holding `endpoints`. */
function draftOf(slice: EndpointSlice, endpoints: SliceEndpoint[]): Draft {
  return { base: slice, addressType: slice.addressType, ports: slice.ports ?? [], endpoints };
}

/** Up to this many endpoints, a desired one is found by scanning the list (no map to build). */
const SCAN_LIMIT = 16;

/** Index of the uncleared desired endpoint of pod `name`, or -1. */
function indexOfPod(endpoints: readonly (SliceEndpoint | undefined)[], byName: Map<string, number> | undefined, name: string): number {
  if (byName) {
    const i = byName.get(name);
    return i !== undefined && endpoints[i] !== undefined ? i : -1;
  }
  for (let i = 0; i < endpoints.length; i++) if (endpoints[i]?.targetRef!.name === name) return i;
  return -1;
}

function indexByPodName(endpoints: readonly (SliceEndpoint | undefined)[]): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < endpoints.length; i++) out.set(endpoints[i]!.targetRef!.name!, i);
  return out;
}

/**
 * reconcileByPortMapping: keep existing slices where possible, fill the ones being
 * rewritten, then reuse or create. Appends to `plan` in upstream's order.
 */
function reconcileByPortMapping(existing: readonly EndpointSlice[], desired: DesiredGroup, addressType: string, max: number, svc: Service, plan: Plan) {
  const firstUpdate = plan.updates.length;
  const unchanged: Draft[] = [];
  const want = desired.endpoints;
  const byName = want.length > SCAN_LIMIT && existing.length > 0 ? indexByPodName(want) : undefined;

  for (let s = 0; s < existing.length; s++) {
    const slice = existing[s];
    const current = slice.endpoints ?? [];
    const kept: SliceEndpoint[] = [];
    let endpointUpdated = false;
    for (let e = 0; e < current.length; e++) {
      const ep = current[e];
      const at = indexOfPod(want, byName, ep.targetRef?.name ?? '');
      if (at < 0) continue;
      const got = want[at]!;
      if (!sameEndpointHash(got, ep)) continue;
      kept.push(got);
      if (!endpointsEqualBeyondHash(got, ep)) endpointUpdated = true;
      want[at] = undefined;
    }
    if (endpointUpdated || kept.length !== current.length) {
      if (kept.length === 0) plan.deletes.push(slice);
      else plan.updates.push(draftOf(slice, kept));
    } else if (sliceLabelsChanged(slice.metadata.labels, svc)) {
      plan.updates.push(draftOf(slice, [...current]));
    } else unchanged.push(draftOf(slice, current as SliceEndpoint[]));
  }

  // The endpoints no existing slice holds, in the set's order (Go's set pops any): the list, compacted.
  let left = 0;
  for (let i = 0; i < want.length; i++) if (want[i] !== undefined) want[left++] = want[i];
  want.length = left;
  const pending = want as SliceEndpoint[];
  let next = 0;

  // 2. Fill the slices being rewritten anyway, fullest first (a stable sort, as upstream's).
  if (pending.length > 0 && plan.updates.length > firstUpdate) {
    const rewritten = plan.updates.slice(firstUpdate);
    if (rewritten.length > 1) rewritten.sort((a, b) => b.endpoints.length - a.endpoints.length);
    for (const d of rewritten) while (next < pending.length && d.endpoints.length < max) d.endpoints.push(pending[next++]);
  }

  // 3. Leftovers go into the unchanged slice that ends closest to full, else into new slices.
  while (next < pending.length) {
    const remaining = pending.length - next;
    let at = -1;
    if (remaining < max) {
      let closest = max;
      for (let i = 0; i < unchanged.length; i++) {
        const diff = max - (remaining + unchanged[i].endpoints.length);
        if (diff >= 0 && diff < closest) {
          closest = diff;
          at = i;
          if (diff === 0) break;
        }
      }
    }
    let fill: Draft;
    if (at >= 0) {
      fill = unchanged[at];
      unchanged.splice(at, 1);
      fill.endpoints = [...fill.endpoints];
    } else fill = newDraft(desired.ports, addressType);
    while (next < pending.length && fill.endpoints.length < max) fill.endpoints.push(pending[next++]);
    if (fill.base) plan.updates.push(fill);
    else plan.creates.push(fill);
  }
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
    stringMapsEqual(slice.metadata.labels, sliceLabels(svc, ENDPOINTSLICE_CONTROLLER)) &&
    owners.length === 1 &&
    (Object.keys(ref) as (keyof typeof ref)[]).every((k) => owners[0][k] === ref[k]) &&
    slice.addressType === placeholder.addressType &&
    (slice.endpoints ?? []).length === 0 &&
    (slice.ports ?? []).length === 0
  );
}

/**
 * The desired endpoints by port mapping, in first-seen order (usually one mapping).
 * Pods of a Service usually resolve its targetPorts alike: then the previous pod's
 * port list and key are reused, and no list is built for this pod.
 */
function desiredGroups(input: SliceReconcileInput, addressType: string, errors: string[]): DesiredGroup[] {
  const svc = input.service;
  const groups: DesiredGroup[] = [];
  const svcPorts = svc.spec.ports ?? [];
  const resolved: (number | undefined)[] = [];
  let lastPorts: EndpointPort[] | undefined;
  let lastKey = '';
  let group: DesiredGroup | undefined;
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
    if (!group || group.key !== key) {
      group = groupOf(groups, key);
      if (!group) groups.push((group = { key, ports, endpoints: [] }));
    }
    const node = pod.spec.nodeName ? input.node(pod.spec.nodeName) : undefined;
    if (!node && !svc.spec.publishNotReadyAddresses) {
      // The pod names a Node that does not exist: leave it out (and report), unless the user asked for every address.
      errors.push(`skipping Pod ${pod.metadata.name} for Service ${svc.metadata.namespace}/${svc.metadata.name}: Node ${pod.spec.nodeName ?? ''} Not Found`);
      continue;
    }
    const ep = podToEndpoint(pod, node, svc, addressType);
    if (ep.addresses.length > 0) group.endpoints.push(ep);
  }
  return groups;
}

function groupOf<G extends { key: string }>(groups: readonly G[], key: string): G | undefined {
  for (let i = 0; i < groups.length; i++) if (groups[i].key === key) return groups[i];
  return undefined;
}

/** NewPortMapKey of a slice's ports: a desired group's key when the ports are its very list, else built. */
function slicePortKey(ports: readonly EndpointPort[] | null | undefined, groups: readonly DesiredGroup[]): string {
  for (let i = 0; i < groups.length; i++) if (samePortList(ports ?? NO_PORTS, groups[i].ports)) return groups[i].key;
  return portMapKey(ports);
}

const NO_PORTS: readonly EndpointPort[] = Object.freeze([]);

function reconcileByAddressType(input: SliceReconcileInput, existing: readonly EndpointSlice[], addressType: string, errors: string[], changes: SliceChange[]): void {
  const svc = input.service;
  const max = input.maxEndpointsPerSlice ?? MAX_ENDPOINTS_PER_SLICE;
  const groups = desiredGroups(input, addressType, errors);
  const plan: Plan = { creates: [], updates: [], deletes: [] };
  const existingByPortMap: { key: string; slices: EndpointSlice[] }[] = [];
  for (const slice of existing) {
    if (!ownedBy(slice, svc)) {
      plan.deletes.push(slice);
      continue;
    }
    const key = slicePortKey(slice.ports, groups);
    const known = groupOf(existingByPortMap, key);
    if (known) known.slices.push(slice);
    else existingByPortMap.push({ key, slices: [slice] });
  }

  for (const g of groups) reconcileByPortMapping(groupOf(existingByPortMap, g.key)?.slices ?? [], g, addressType, max, svc, plan);
  for (const e of existingByPortMap) if (!groupOf(groups, e.key)) for (const s of e.slices) plan.deletes.push(s);

  const { creates, updates } = plan;
  let toDelete = plan.deletes;
  // When no slice would be left, keep (or create) one placeholder with no endpoints and no ports.
  if (existing.length === toDelete.length && creates.length < 1) {
    const placeholder = newDraft([], addressType);
    if (toDelete.length === 1 && isSamePlaceholder(toDelete[0], placeholder, svc)) toDelete = [];
    else creates.push(placeholder);
  }

  // finalize: turn creates into updates of slices that would otherwise be deleted.
  for (let i = 0; i < toDelete.length && creates.length > 0; ) {
    const old = toDelete[i];
    const draft = creates[creates.length - 1];
    if (old.addressType === draft.addressType && ownedBy(old, svc)) {
      draft.recycled = old;
      creates.pop();
      updates.push(draft);
      toDelete.splice(i, 1);
    } else i++;
  }

  // Don't create new slices for a Service that is being deleted (the garbage collector is removing them).
  if (!svc.metadata.deletionTimestamp) for (const d of creates) changes.push({ op: 'create', slice: toSlice(d, input) });
  for (const d of updates) changes.push({ op: 'update', slice: toSlice(d, input) });
  for (const s of toDelete) changes.push({ op: 'delete', name: s.metadata.name! });
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
    const metadata: EndpointSlice['metadata'] = { ...d.base.metadata, labels: sliceLabels(svc, ENDPOINTSLICE_CONTROLLER), annotations };
    if (Object.keys(annotations).length === 0) delete metadata.annotations;
    return { ...d.base, metadata, ...body };
  }
  const metadata: EndpointSlice['metadata'] = {
    ...(d.recycled ? { name: d.recycled.metadata.name } : {}),
    generateName: `${svc.metadata.name}-`,
    namespace: svc.metadata.namespace,
    labels: sliceLabels(svc, ENDPOINTSLICE_CONTROLLER),
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
    reconcileByAddressType(input, ofType, t, errors, changes);
  }
  for (const s of existing) if (!types.includes(s.addressType)) changes.push({ op: 'delete', name: s.metadata.name! });
  return { changes, errors };
}
