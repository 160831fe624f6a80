// Building and comparing EndpointSlice endpoints and ports: podToEndpoint,
// getEndpointPorts, setEndpointSliceLabels, the endpoint hash and
// EndpointsEqualBeyondHash, as staging/src/k8s.io/endpointslice/utils.go and
// util/{controller_utils,endpointset}.go define them.

import type { EndpointPort, EndpointSlice, Node, OwnerReference, Pod, Service, SliceEndpoint } from '../../core/types';
import {
  findPort, isIPv6, isPodReady, isServiceIPSet, LABEL_HEADLESS, LABEL_MANAGED_BY, LABEL_SERVICE_NAME, podIPs,
  protocolOf, shouldSetHostname,
} from './podEndpoints';

export const LABEL_ZONE = 'topology.kubernetes.io/zone';

/**
 * The eight possible endpoint conditions, frozen and shared (index: ready 4, serving 2,
 * terminating 1): every endpoint with the same three flags holds the same object, the
 * same JSON as one built per endpoint, without an object per endpoint per sync.
 */
const CONDITIONS: readonly SliceEndpoint['conditions'][] = [0, 1, 2, 3, 4, 5, 6, 7].map((i) =>
  Object.freeze({ ready: (i & 4) !== 0, serving: (i & 2) !== 0, terminating: (i & 1) !== 0 }),
);

/** podToEndpoint: conditions per §9.2 (a terminating pod is never ready unless publishNotReadyAddresses). */
export function podToEndpoint(pod: Pod, node: Node | undefined, svc: Service, addressType: string): SliceEndpoint {
  const serving = isPodReady(pod);
  const terminating = !!pod.metadata.deletionTimestamp;
  const ready = !!svc.spec.publishNotReadyAddresses || (serving && !terminating);
  const wantV6 = addressType === 'IPv6';
  const ips = podIPs(pod);
  let addresses: string[];
  // One IP (the usual pod): a literal list, where one grown from [] by push reserves room for 17.
  if (ips.length === 1) addresses = isIPv6(ips[0].ip) === wantV6 ? [ips[0].ip] : [];
  else {
    addresses = [];
    for (let i = 0; i < ips.length; i++) if (isIPv6(ips[i].ip) === wantV6) addresses.push(ips[i].ip);
  }
  const ep: SliceEndpoint = { addresses, conditions: CONDITIONS[(ready ? 4 : 0) + (serving ? 2 : 0) + (terminating ? 1 : 0)] };
  if (shouldSetHostname(pod, svc)) ep.hostname = pod.spec.hostname;
  ep.targetRef = { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name!, uid: pod.metadata.uid };
  if (pod.spec.nodeName) ep.nodeName = pod.spec.nodeName;
  const zone = node?.metadata.labels?.[LABEL_ZONE];
  if (zone) ep.zone = zone;
  return ep;
}

/** getEndpointPorts: the ports this pod offers for the Service; a named targetPort it lacks is left out. */
export function endpointPortsFor(svc: Service, pod: Pod): EndpointPort[] {
  const out: EndpointPort[] = [];
  const ports = svc.spec.ports ?? [];
  if (ports.length === 0 && svc.spec.clusterIP === 'None') return out;
  for (const sp of ports) {
    const port = findPort(pod, sp);
    if (port === undefined) continue;
    // discovery/v1 field order: name (always set, "" when unnamed), protocol, port, appProtocol.
    const epp: EndpointPort = { name: sp.name ?? '', protocol: protocolOf(sp), port };
    if (sp.appProtocol) epp.appProtocol = sp.appProtocol;
    out.push(epp);
  }
  return out;
}

/** NewPortMapKey: the same set of ports in any order gives the same key. */
export function portMapKey(ports: readonly EndpointPort[] | null | undefined): string {
  if (!ports || ports.length === 0) return '';
  if (ports.length === 1) return portKey(ports[0]);
  return ports.map(portKey).sort().join('\u0001');
}

/** The same ports in the same order (then portMapKey gives both the same key). */
export function samePortList(a: readonly EndpointPort[], b: readonly EndpointPort[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.port !== y.port || x.name !== y.name || x.protocol !== y.protocol || x.appProtocol !== y.appProtocol) return false;
  }
  return true;
}

function portKey(p: EndpointPort): string {
  return `${p.name ?? ''}\u0000${p.protocol ?? ''}\u0000${p.port}\u0000${p.appProtocol ?? ''}`;
}

/** hashEndpoint: addresses, hostname and the target's namespace/name identify an endpoint. */
export function endpointHash(ep: SliceEndpoint): string {
  const addrs = ep.addresses.length > 1 ? [...ep.addresses].sort() : ep.addresses;
  return `${addrs.join(',')}\u0000${ep.hostname ?? ''}\u0000${ep.targetRef?.namespace ?? ''}\u0000${ep.targetRef?.name ?? ''}`;
}

/** endpointHash(a) === endpointHash(b), comparing the parts instead of building the strings. */
export function sameEndpointHash(a: SliceEndpoint, b: SliceEndpoint): boolean {
  if ((a.hostname ?? '') !== (b.hostname ?? '')) return false;
  if ((a.targetRef?.name ?? '') !== (b.targetRef?.name ?? '') || (a.targetRef?.namespace ?? '') !== (b.targetRef?.namespace ?? '')) return false;
  // One address each (the usual endpoint): the joined lists are those addresses.
  if (a.addresses.length === 1 && b.addresses.length === 1) return a.addresses[0] === b.addresses[0];
  return endpointHash(a) === endpointHash(b);
}

/** EndpointsEqualBeyondHash: nodeName, zone, the three conditions and targetRef. */
export function endpointsEqualBeyondHash(a: SliceEndpoint, b: SliceEndpoint): boolean {
  if (a.nodeName !== b.nodeName || a.zone !== b.zone) return false;
  const ca = a.conditions ?? {};
  const cb = b.conditions ?? {};
  if (ca.ready !== cb.ready || ca.serving !== cb.serving || ca.terminating !== cb.terminating) return false;
  const ta = a.targetRef;
  const tb = b.targetRef;
  if (!ta || !tb) return ta === tb;
  return ta.kind === tb.kind && ta.namespace === tb.namespace && ta.name === tb.name && ta.uid === tb.uid;
}

function isReservedLabel(k: string): boolean {
  return k === LABEL_SERVICE_NAME || k === LABEL_MANAGED_BY || k === LABEL_HEADLESS;
}

/**
 * setEndpointSliceLabels: the Service's labels (reserved keys excepted), the
 * headless label for headless Services, then service-name and managed-by.
 */
export function sliceLabels(svc: Service, controllerName: string): Record<string, string> {
  const svcLabels = svc.metadata.labels;
  const out: Record<string, string> = {};
  for (const k in svcLabels) if (!isReservedLabel(k)) out[k] = svcLabels[k];
  if (!isServiceIPSet(svc)) out[LABEL_HEADLESS] = '';
  out[LABEL_SERVICE_NAME] = svc.metadata.name!;
  out[LABEL_MANAGED_BY] = controllerName;
  return out;
}

/**
 * setEndpointSliceLabels' `updated`: the slice's non-reserved labels differ from the
 * Service's (reserved keys excepted on both sides), compared without copying either.
 */
export function sliceLabelsChanged(current: Record<string, string> | undefined, svc: Service): boolean {
  const svcLabels = svc.metadata.labels;
  let n = 0;
  for (const k in current) {
    if (isReservedLabel(k)) continue;
    if (svcLabels?.[k] !== current[k]) return true;
    n++;
  }
  for (const k in svcLabels) if (!isReservedLabel(k)) n--;
  return n !== 0;
}

/** metav1.NewControllerRef */
export function controllerRef(owner: { metadata: { name?: string; uid?: string } }, kind: string): OwnerReference {
  return { apiVersion: 'v1', kind, name: owner.metadata.name!, uid: owner.metadata.uid!, controller: true, blockOwnerDeletion: true };
}

/** ownedBy: the slice names this Service (by uid) among its owners. */
export function ownedBy(slice: EndpointSlice, svc: Service): boolean {
  const owners = slice.metadata.ownerReferences;
  if (owners) {
    for (let i = 0; i < owners.length; i++) {
      const o = owners[i];
      if (o.uid === svc.metadata.uid && o.kind === 'Service' && o.apiVersion === 'v1') return true;
    }
  }
  return false;
}

const IPV4: readonly string[] = Object.freeze(['IPv4']);
const IPV6: readonly string[] = Object.freeze(['IPv6']);
const DUAL: readonly string[] = Object.freeze(['IPv4', 'IPv6']);

/** getAddressTypesForService, in a fixed order (IPv4 first). Shared lists: never modify. */
export function addressTypesFor(svc: Service): readonly string[] {
  const fams = svc.spec.ipFamilies ?? [];
  const v4 = fams.includes('IPv4');
  const v6 = fams.includes('IPv6');
  if (v4 || v6) return v4 && v6 ? DUAL : v4 ? IPV4 : IPV6;
  // No ipFamilies (an old API server): the ClusterIP's family, or both for a headless Service.
  if (isServiceIPSet(svc)) return isIPv6(svc.spec.clusterIP!) ? IPV6 : IPV4;
  return DUAL;
}
