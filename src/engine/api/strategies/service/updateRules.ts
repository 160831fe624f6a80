// How an update request is reconciled with the stored Service before
// allocation and validation.
// Sources: pkg/registry/core/service/storage/storage.go (normalizeClusterIPs,
// patchAllocatedValues), pkg/registry/core/service/strategy.go
// (dropTypeDependentFields, PrepareForUpdate).

import type { Service } from '../../../core/types';
import {
  collectNodePorts, externallyAccessible, needsClusterIP, needsHealthCheck, needsNodePort, sameStrings, setOrDelete,
  TYPE_LOAD_BALANCER,
} from './serviceUtil';

/**
 * normalizeClusterIPs: keeps clusterIP and clusterIPs in step. On create a
 * lone clusterIP seeds clusterIPs; on update a change of the singular field
 * alone rewrites the plural one.
 */
export function normalizeClusterIPs(svc: Service, old?: Service): void {
  const spec = svc.spec;
  const ip = spec.clusterIP ?? '';
  if (!old) {
    if (ip && (spec.clusterIPs ?? []).length === 0) spec.clusterIPs = [ip];
    return;
  }
  const oldIP = old.spec.clusterIP ?? '';
  const oldIPs = old.spec.clusterIPs ?? [];
  // An old client patching other fields sent no clusterIPs.
  if (oldIPs.length > 0 && (spec.clusterIPs ?? []).length === 0 && oldIP === ip) spec.clusterIPs = [...oldIPs];
  if (oldIP !== ip) {
    if (oldIP && !ip) {
      // Clearing the singular while the plural is untouched clears both.
      if (sameStrings(oldIPs, spec.clusterIPs)) delete spec.clusterIPs;
    } else if (sameStrings(oldIPs, spec.clusterIPs)) {
      spec.clusterIPs = [ip];
    }
  }
}

/**
 * patchAllocatedValues: a request that omits values the server allocated
 * (clusterIP(s), nodePorts, healthCheckNodePort) gets the stored ones back, so
 * re-applying the original manifest succeeds.
 */
export function patchAllocatedValues(svc: Service, old: Service): void {
  const spec = svc.spec;
  if (needsClusterIP(old) && needsClusterIP(svc)) {
    if (!spec.clusterIP && old.spec.clusterIP) spec.clusterIP = old.spec.clusterIP;
    if ((spec.clusterIPs ?? []).length === 0 && (old.spec.clusterIPs ?? []).length > 0) spec.clusterIPs = [...old.spec.clusterIPs!];
  }
  if (needsNodePort(old) && needsNodePort(svc)) {
    // Numbers kept by the new spec can't be patched onto another port.
    const newUsed = new Set(collectNodePorts(svc));
    const used = new Set(collectNodePorts(old).filter((p) => newUsed.has(p)));
    // Matched by port name: the user may have changed other fields of the port.
    const byName = new Map<string, number>();
    for (const p of old.spec.ports ?? []) byName.set(p.name ?? '', p.nodePort ?? 0);
    for (const p of spec.ports ?? []) {
      if (p.nodePort) continue;
      const oldVal = byName.get(p.name ?? '') ?? 0;
      if (oldVal && !used.has(oldVal)) p.nodePort = oldVal;
    }
  }
  if (needsHealthCheck(old) && needsHealthCheck(svc) && !spec.healthCheckNodePort && old.spec.healthCheckNodePort) {
    spec.healthCheckNodePort = old.spec.healthCheckNodePort;
  }
}

/**
 * dropTypeDependentFields: on a type change, clears fields the new type does
 * not use, but only those the user left as they were (a changed value is left
 * for validation to reject). Released allocations are handled by the
 * allocation phase.
 */
export function dropTypeDependentFields(svc: Service, old: Service): void {
  const spec = svc.spec;
  if (needsClusterIP(old) && !needsClusterIP(svc)) {
    if ((old.spec.clusterIP ?? '') === (spec.clusterIP ?? '') && sameStrings(old.spec.clusterIPs, spec.clusterIPs)) {
      delete spec.clusterIP;
      delete spec.clusterIPs;
    }
    if (sameStrings(old.spec.ipFamilies, spec.ipFamilies)) delete spec.ipFamilies;
    if ((old.spec.ipFamilyPolicy ?? '') === (spec.ipFamilyPolicy ?? '')) delete spec.ipFamilyPolicy;
  }

  if (needsNodePort(old) && !needsNodePort(svc)) {
    // sameNodePorts: the user added no net-new nodePort.
    const oldPorts = new Set(collectNodePorts(old));
    if (collectNodePorts(svc).every((p) => oldPorts.has(p))) {
      for (const p of spec.ports ?? []) delete p.nodePort;
    }
  }

  if (needsHealthCheck(old) && !needsHealthCheck(svc) && (old.spec.healthCheckNodePort ?? 0) === (spec.healthCheckNodePort ?? 0)) {
    delete spec.healthCheckNodePort;
  }

  if (old.spec.type === TYPE_LOAD_BALANCER && spec.type !== TYPE_LOAD_BALANCER) {
    if (spec.allocateLoadBalancerNodePorts != null && old.spec.allocateLoadBalancerNodePorts != null &&
        spec.allocateLoadBalancerNodePorts === old.spec.allocateLoadBalancerNodePorts) {
      delete spec.allocateLoadBalancerNodePorts;
    }
    if ((old.spec.loadBalancerClass ?? null) === (spec.loadBalancerClass ?? null)) delete spec.loadBalancerClass;
  }

  if (externallyAccessible(old) && !externallyAccessible(svc) && (old.spec.externalTrafficPolicy ?? '') === (spec.externalTrafficPolicy ?? '')) {
    setOrDelete(spec, 'externalTrafficPolicy', '');
  }

  // LB de-provisioning is asynchronous upstream too, but the status is cleared at once.
  if (spec.type !== TYPE_LOAD_BALANCER) {
    svc.status = { ...(svc.status ?? {}), loadBalancer: {} };
  }
}
