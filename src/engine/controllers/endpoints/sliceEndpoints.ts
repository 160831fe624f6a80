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

/** podToEndpoint: conditions per §9.2 (a terminating pod is never ready unless publishNotReadyAddresses). */
export function podToEndpoint(pod: Pod, node: Node | undefined, svc: Service, addressType: string): SliceEndpoint {
  const serving = isPodReady(pod);
  const terminating = !!pod.metadata.deletionTimestamp;
  const ready = !!svc.spec.publishNotReadyAddresses || (serving && !terminating);
  const wantV6 = addressType === 'IPv6';
  const ips = podIPs(pod);
  const addresses: string[] = [];
  for (let i = 0; i < ips.length; i++) if (isIPv6(ips[i]) === wantV6) addresses.push(ips[i]);
  const ep: SliceEndpoint = { addresses, conditions: { ready, serving, terminating } };
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

function withoutReserved(m: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k in m) if (!isReservedLabel(k)) out[k] = m[k];
  return out;
}

/** Whether `current`'s non-reserved labels are exactly `wanted` (which holds none), without copying. */
function sameNonReserved(current: Record<string, string> | undefined, wanted: Record<string, string>): boolean {
  let n = 0;
  for (const k in current) {
    if (isReservedLabel(k)) continue;
    if (wanted[k] !== current[k]) return false;
    n++;
  }
  for (const _k in wanted) n--;
  return n === 0;
}

/**
 * setEndpointSliceLabels: the Service's labels (reserved keys excepted), the
 * headless label for headless Services, then service-name and managed-by.
 * `changed` reports whether the non-reserved labels differ from the slice's.
 */
export function sliceLabels(current: Record<string, string> | undefined, svc: Service, controllerName: string): { labels: Record<string, string>; changed: boolean } {
  const svcLabels = withoutReserved(svc.metadata.labels);
  const changed = !sameNonReserved(current, svcLabels);
  if (!isServiceIPSet(svc)) svcLabels[LABEL_HEADLESS] = '';
  svcLabels[LABEL_SERVICE_NAME] = svc.metadata.name!;
  svcLabels[LABEL_MANAGED_BY] = controllerName;
  return { labels: svcLabels, changed };
}

/** metav1.NewControllerRef */
export function controllerRef(owner: { metadata: { name?: string; uid?: string } }, kind: string): OwnerReference {
  return { apiVersion: 'v1', kind, name: owner.metadata.name!, uid: owner.metadata.uid!, controller: true, blockOwnerDeletion: true };
}

/** ownedBy: the slice names this Service (by uid) among its owners. */
export function ownedBy(slice: EndpointSlice, svc: Service): boolean {
  return (slice.metadata.ownerReferences ?? []).some((o) => o.uid === svc.metadata.uid && o.kind === 'Service' && o.apiVersion === 'v1');
}

/** getAddressTypesForService, in a fixed order (IPv4 first). */
export function addressTypesFor(svc: Service): string[] {
  const fams = svc.spec.ipFamilies ?? [];
  const out: string[] = [];
  if (fams.includes('IPv4')) out.push('IPv4');
  if (fams.includes('IPv6')) out.push('IPv6');
  if (out.length) return out;
  // No ipFamilies (an old API server): the ClusterIP's family, or both for a headless Service.
  if (isServiceIPSet(svc)) return [isIPv6(svc.spec.clusterIP!) ? 'IPv6' : 'IPv4'];
  return ['IPv4', 'IPv6'];
}
