// Update rules through the API server (PUT of a whole object).
// Upstream: validation.go ValidateServiceUpdate, validateUpgradeDowngradeClusterIPs,
// validateLoadBalancerClassField, validateServiceExternalTrafficFieldsUpdate;
// storage.go patchAllocatedValues, normalizeClusterIPs; strategy.go
// dropTypeDependentFields; alloc.go allocateUpdate; KUBERNETES.md §4.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../index';
import type { Service, ServiceSpec } from '../../../core/types';
import { serviceAllocations } from './strategy';
import { dropTypeDependentFields, normalizeClusterIPs, patchAllocatedValues } from './updateRules';
import { deepClone, newService, statusErrorOf } from './testHelpers';

function setup() {
  const c = createCluster({ seed: 21, nodes: 1 });
  return { api: c.context.api, alloc: serviceAllocations(c.context)! };
}

describe('Service update (ValidateServiceUpdate, beginUpdate)', () => {
  it('re-applying the original manifest keeps the allocated clusterIP, nodePorts and healthCheckNodePort', () => {
    const { api } = setup();
    const manifest: ServiceSpec = { type: 'LoadBalancer', externalTrafficPolicy: 'Local', selector: { app: 'w' }, ports: [{ name: 'http', port: 80 }] };
    const created = api.create<Service>(newService('w', manifest));
    // Identical re-apply: nothing changes, not even the resourceVersion (kubectl's "unchanged").
    expect(api.update<Service>(newService('w', manifest))).toBe(created);
    const updated = api.update<Service>(newService('w', { ...manifest, selector: { app: 'w2' } }));
    expect(updated.spec.clusterIP).toBe(created.spec.clusterIP);
    expect(updated.spec.clusterIPs).toEqual(created.spec.clusterIPs);
    expect(updated.spec.ports![0].nodePort).toBe(created.spec.ports![0].nodePort);
    expect(updated.spec.healthCheckNodePort).toBe(created.spec.healthCheckNodePort);
  });

  it('ClusterIP may not change once set', () => {
    const { api, alloc } = setup();
    api.create(newService('c', { clusterIP: '10.96.0.60', ports: [{ port: 80 }] }));
    const err = statusErrorOf(() => api.update(newService('c', { clusterIP: '10.96.0.61', ports: [{ port: 80 }] })));
    expect(err.message).toBe('Service "c" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.96.0.61"}: may not change once set');
    expect(alloc.isClusterIPAllocated('10.96.0.61')).toBe(false);
  });

  it('ClusterIP may not change to None; omitting None on a headless service is a no-op', () => {
    const { api } = setup();
    api.create(newService('c', { ports: [{ port: 80 }] }));
    const err = statusErrorOf(() => api.update(newService('c', { clusterIP: 'None', ports: [{ port: 80 }] })));
    expect(err.message).toMatch(/^Service "c" is invalid: spec.clusterIPs\[0\]: Invalid value: \[\]string\{"None"\}: may not change once set$/);
    api.create(newService('h', { clusterIP: 'None', selector: { a: 'b' } }));
    expect(api.update<Service>(newService('h', { selector: { a: 'c' } })).spec.clusterIPs).toEqual(['None']);
  });

  it('NodePort → ClusterIP with the old nodePort still in the manifest clears and releases it, and clears ETP', () => {
    const { api, alloc } = setup();
    api.create(newService('n', { type: 'NodePort', ports: [{ port: 80, nodePort: 30111 }] }));
    const updated = api.update<Service>(newService('n', { type: 'ClusterIP', externalTrafficPolicy: 'Cluster', ports: [{ port: 80, nodePort: 30111 }] }));
    expect(updated.spec.ports![0].nodePort).toBeUndefined();
    expect(updated.spec.externalTrafficPolicy).toBeUndefined();
    expect(alloc.isNodePortAllocated(30111)).toBe(false);
  });

  it('NodePort → ClusterIP introducing a new nodePort is forbidden and keeps the old allocation', () => {
    const { api, alloc } = setup();
    api.create(newService('n', { type: 'NodePort', ports: [{ port: 80, nodePort: 30111 }] }));
    const err = statusErrorOf(() => api.update(newService('n', { type: 'ClusterIP', ports: [{ port: 80, nodePort: 30112 }] })));
    expect(err.message).toBe("Service \"n\" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'");
    expect(alloc.isNodePortAllocated(30111)).toBe(true);
  });

  it('ClusterIP → NodePort allocates nodePorts (reserving requested ones) and defaults ETP', () => {
    const { api } = setup();
    api.create(newService('n', { ports: [{ name: 'a', port: 80 }, { name: 'b', port: 81 }] }));
    const updated = api.update<Service>(newService('n', { type: 'NodePort', ports: [{ name: 'a', port: 80, nodePort: 30200 }, { name: 'b', port: 81 }] }));
    expect(updated.spec.ports![0].nodePort).toBe(30200);
    expect(updated.spec.ports![1].nodePort).toBeGreaterThanOrEqual(30086);
    expect(updated.spec.externalTrafficPolicy).toBe('Cluster');
  });

  it('a failed update rolls back the nodePorts it took', () => {
    const { api, alloc } = setup();
    api.create(newService('n', { ports: [{ port: 80 }] }));
    statusErrorOf(() => api.update(newService('n', { type: 'NodePort', sessionAffinity: 'Sticky', ports: [{ port: 80, nodePort: 30300 }] })));
    expect(alloc.isNodePortAllocated(30300)).toBe(false);
  });

  it('LoadBalancer → ClusterIP clears healthCheckNodePort, allocateLoadBalancerNodePorts and status', () => {
    const { api, alloc, } = setup();
    const lb = api.create<Service>(newService('lb', { type: 'LoadBalancer', externalTrafficPolicy: 'Local', loadBalancerClass: 'example.com/lb', ports: [{ port: 80 }] }));
    const hc = lb.spec.healthCheckNodePort!;
    const sent = deepClone(lb);
    sent.spec.type = 'ClusterIP';
    sent.status = { loadBalancer: { ingress: [{ ip: '203.0.113.5' }] } };
    const updated = api.update<Service>(sent);
    expect(updated.spec.healthCheckNodePort).toBeUndefined();
    expect(updated.spec.allocateLoadBalancerNodePorts).toBeUndefined();
    expect(updated.spec.loadBalancerClass).toBeUndefined();
    expect(updated.spec.externalTrafficPolicy).toBeUndefined();
    expect(updated.status).toEqual({ loadBalancer: {} });
    expect(alloc.nodePorts()).not.toContain(hc);
    expect(updated.spec.clusterIP).toBe(lb.spec.clusterIP);
  });

  it('switching ETP Local → Cluster releases the healthCheckNodePort', () => {
    const { api, alloc } = setup();
    const lb = api.create<Service>(newService('lb', { type: 'LoadBalancer', externalTrafficPolicy: 'Local', ports: [{ port: 80 }] }));
    const updated = api.update<Service>(newService('lb', { type: 'LoadBalancer', externalTrafficPolicy: 'Cluster', ports: [{ port: 80 }] }));
    expect(updated.spec.healthCheckNodePort).toBeUndefined();
    expect(alloc.isNodePortAllocated(lb.spec.healthCheckNodePort!)).toBe(false);
  });

  it('healthCheckNodePort is immutable while LB + Local', () => {
    const { api } = setup();
    const lb = api.create<Service>(newService('lb', { type: 'LoadBalancer', externalTrafficPolicy: 'Local', ports: [{ port: 80 }] }));
    const changed = lb.spec.healthCheckNodePort! === 32000 ? 32001 : 32000;
    const err = statusErrorOf(() => api.update(newService('lb', { type: 'LoadBalancer', externalTrafficPolicy: 'Local', healthCheckNodePort: changed, ports: [{ port: 80 }] })));
    expect(err.message).toBe('Service "lb" is invalid: spec.healthCheckNodePort: Forbidden: field is immutable');
  });

  it('loadBalancerClass may not change while the service stays LoadBalancer', () => {
    const { api } = setup();
    api.create(newService('lb', { type: 'LoadBalancer', loadBalancerClass: 'example.com/a', ports: [{ port: 80 }] }));
    const err = statusErrorOf(() => api.update(newService('lb', { type: 'LoadBalancer', loadBalancerClass: 'example.com/b', ports: [{ port: 80 }] })));
    expect(err.message).toBe('Service "lb" is invalid: spec.loadBalancerClass: Invalid value: "example.com/b": may not change once set');
  });

  it('ClusterIP → ExternalName releases the IP; ExternalName → ClusterIP takes a requested one', () => {
    const { api, alloc } = setup();
    api.create(newService('e', { clusterIP: '10.96.0.70', ports: [{ port: 80 }] }));
    const en = api.update<Service>(newService('e', { type: 'ExternalName', externalName: 'example.com', ports: [{ port: 80 }] }));
    expect(en.spec.clusterIP).toBeUndefined();
    expect(en.spec.ipFamilies).toBeUndefined();
    expect(alloc.isClusterIPAllocated('10.96.0.70')).toBe(false);
    const back = api.update<Service>(newService('e', { clusterIP: '10.96.0.71', ports: [{ port: 80 }] }));
    expect(back.spec.clusterIPs).toEqual(['10.96.0.71']);
    expect(back.spec.ipFamilyPolicy).toBe('SingleStack');
    expect(alloc.isClusterIPAllocated('10.96.0.71')).toBe(true);
  });

  it('ClusterIP → ExternalName with the stored IP fields still present (kubectl edit) clears them', () => {
    const { api, alloc } = setup();
    const sent = deepClone(api.create<Service>(newService('e', { clusterIP: '10.96.0.72', ports: [{ port: 80 }] })));
    sent.spec.type = 'ExternalName';
    sent.spec.externalName = 'example.com';
    const en = api.update<Service>(sent);
    expect([en.spec.clusterIP, en.spec.clusterIPs, en.spec.ipFamilies, en.spec.ipFamilyPolicy]).toEqual([undefined, undefined, undefined, undefined]);
    expect(alloc.isClusterIPAllocated('10.96.0.72')).toBe(false);
  });

  it('a spec update keeps the stored status', () => {
    const { api } = setup();
    api.create(newService('lb', { type: 'LoadBalancer', ports: [{ port: 80 }] }));
    api.updateStatus<Service>('Service', 'default', 'lb', (s) => {
      s.status = { loadBalancer: { ingress: [{ ip: '203.0.113.9', ipMode: 'VIP' }] } };
    });
    const sent = newService('lb', { type: 'LoadBalancer', ports: [{ port: 80 }] });
    sent.status = { loadBalancer: {} };
    expect(api.update<Service>(sent).status).toEqual({ loadBalancer: { ingress: [{ ip: '203.0.113.9', ipMode: 'VIP' }] } });
  });
});

describe('update rules as pure functions (storage.go / strategy.go)', () => {
  const stored = (spec: ServiceSpec) => newService('s', spec);

  it('patchAllocatedValues matches nodePorts by port name, skipping numbers the new spec uses elsewhere', () => {
    const old = stored({ type: 'NodePort', clusterIP: '10.96.5.5', clusterIPs: ['10.96.5.5'], ports: [{ name: 'a', port: 80, nodePort: 30001 }, { name: 'b', port: 81, nodePort: 30002 }] });
    const svc = stored({ type: 'NodePort', ports: [{ name: 'a', port: 80 }, { name: 'c', port: 82, nodePort: 30002 }, { name: 'b', port: 81 }] });
    const before = deepClone(old);
    patchAllocatedValues(svc, old);
    expect(svc.spec.clusterIPs).toEqual(['10.96.5.5']);
    expect(svc.spec.ports!.map((p) => p.nodePort)).toEqual([30001, 30002, undefined]);
    expect(old).toEqual(before);
  });

  it('normalizeClusterIPs: a changed singular clusterIP rewrites the unchanged plural', () => {
    const old = stored({ clusterIP: '10.96.5.5', clusterIPs: ['10.96.5.5'] });
    const svc = stored({ clusterIP: '10.96.5.6', clusterIPs: ['10.96.5.5'] });
    normalizeClusterIPs(svc, old);
    expect(svc.spec.clusterIPs).toEqual(['10.96.5.6']);
  });

  it('dropTypeDependentFields leaves fields the user changed for validation to reject', () => {
    const old = stored({ type: 'NodePort', externalTrafficPolicy: 'Cluster', ports: [{ port: 80, nodePort: 30001 }] });
    const svc = stored({ type: 'ClusterIP', externalTrafficPolicy: 'Local', ports: [{ port: 80, nodePort: 30001 }] });
    dropTypeDependentFields(svc, old);
    expect(svc.spec.ports![0].nodePort).toBeUndefined();
    expect(svc.spec.externalTrafficPolicy).toBe('Local');
  });
});
