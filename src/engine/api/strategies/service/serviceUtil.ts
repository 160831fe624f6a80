// Small predicates on Services shared by defaulting, allocation, validation
// and update rules. Sources: pkg/api/service/util.go (ExternallyAccessible,
// NeedsHealthCheck), pkg/apis/core/validation/validation.go (isHeadlessService),
// pkg/registry/core/service/storage/storage.go (needsClusterIP, needsNodePort,
// needsHCNodePort).

import type { Service, ServiceSpec } from '../../../core/types';

export const CLUSTER_IP_NONE = 'None';

export const TYPE_CLUSTER_IP = 'ClusterIP';
export const TYPE_NODE_PORT = 'NodePort';
export const TYPE_LOAD_BALANCER = 'LoadBalancer';
export const TYPE_EXTERNAL_NAME = 'ExternalName';

export const IPV4 = 'IPv4';
export const IPV6 = 'IPv6';

export const SINGLE_STACK = 'SingleStack';
export const PREFER_DUAL_STACK = 'PreferDualStack';
export const REQUIRE_DUAL_STACK = 'RequireDualStack';

/** isHeadlessService: clusterIPs is exactly ["None"]. */
export function isHeadless(svc: Service): boolean {
  const ips = svc.spec.clusterIPs;
  return !!ips && ips.length === 1 && ips[0] === CLUSTER_IP_NONE;
}

export function needsClusterIP(svc: Service): boolean {
  return svc.spec.type !== TYPE_EXTERNAL_NAME;
}

export function needsNodePort(svc: Service): boolean {
  return svc.spec.type === TYPE_NODE_PORT || svc.spec.type === TYPE_LOAD_BALANCER;
}

/** NeedsHealthCheck / needsHCNodePort: LoadBalancer with externalTrafficPolicy Local. */
export function needsHealthCheck(svc: Service): boolean {
  return svc.spec.type === TYPE_LOAD_BALANCER && svc.spec.externalTrafficPolicy === 'Local';
}

/** ExternallyAccessible: NodePort, LoadBalancer, or ClusterIP with externalIPs. */
export function externallyAccessible(svc: Service): boolean {
  const t = svc.spec.type;
  return t === TYPE_LOAD_BALANCER || t === TYPE_NODE_PORT || (t === TYPE_CLUSTER_IP && (svc.spec.externalIPs?.length ?? 0) > 0);
}

/** shouldAllocateNodePorts (alloc.go): NodePort always, LoadBalancer unless allocateLoadBalancerNodePorts is false. */
export function shouldAllocateNodePorts(svc: Service): boolean {
  if (svc.spec.type === TYPE_NODE_PORT) return true;
  if (svc.spec.type === TYPE_LOAD_BALANCER) return svc.spec.allocateLoadBalancerNodePorts !== false;
  return false;
}

/** collectServiceNodePorts: every non-zero nodePort in spec order. */
export function collectNodePorts(svc: Service): number[] {
  const out: number[] = [];
  for (const p of svc.spec.ports ?? []) if (p.nodePort) out.push(p.nodePort);
  return out;
}

export function sameStrings(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  const x = a ?? [];
  const y = b ?? [];
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

export function ipFamilyOf(ip: string): string {
  return ip.includes(':') ? IPV6 : IPV4;
}

/** Writes a string field the way Go's omitempty serialises it: "" is absent. */
export function setOrDelete<K extends keyof ServiceSpec>(spec: ServiceSpec, key: K, value: ServiceSpec[K] | '' | 0 | undefined): void {
  if (value === '' || value === 0 || value === undefined || value === null) delete spec[key];
  else spec[key] = value as ServiceSpec[K];
}

/** Go's %#v of a []string: `[]string{"a", "b"}`, or `[]string(nil)` when empty. */
export function goStrings(values: readonly string[] | undefined, typeName = 'string'): string {
  if (!values || values.length === 0) return `[]${typeName}(nil)`;
  return `[]${typeName}{${values.map((v) => JSON.stringify(v)).join(', ')}}`;
}
