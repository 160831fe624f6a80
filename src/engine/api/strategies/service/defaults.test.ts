// Defaulting and the read-back of created Services.
// Upstream: pkg/apis/core/v1/defaults.go SetDefaults_Service; storage/alloc.go
// initIPFamilyFields; KUBERNETES.md §2.2–§2.5.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../index';
import type { Service, ServiceSpec } from '../../../core/types';
import { setServiceDefaults } from './defaults';
import { deepClone, newService } from './testHelpers';

const api = createCluster({ seed: 5, nodes: 1 }).context.api;
let n = 0;
const create = (spec: ServiceSpec) => api.create<Service>(newService(`d${n++}`, spec));

describe('read-back of created Services (KUBERNETES.md §2.5)', () => {
  it('a minimal ClusterIP Service', () => {
    const svc = create({ selector: { app: 'web' }, ports: [{ port: 80 }] });
    const ip = svc.spec.clusterIP!;
    expect(svc.spec).toEqual({
      clusterIP: ip,
      clusterIPs: [ip],
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
      selector: { app: 'web' },
      sessionAffinity: 'None',
      type: 'ClusterIP',
    });
    expect(svc.status).toEqual({ loadBalancer: {} });
  });

  it('NodePort adds externalTrafficPolicy and nodePort', () => {
    const svc = create({ type: 'NodePort', ports: [{ port: 80, targetPort: 8080 }] });
    expect(svc.spec.externalTrafficPolicy).toBe('Cluster');
    expect(svc.spec.ports![0]).toEqual({ port: 80, protocol: 'TCP', targetPort: 8080, nodePort: expect.any(Number) });
    expect(svc.spec.allocateLoadBalancerNodePorts).toBeUndefined();
  });

  it('LoadBalancer adds allocateLoadBalancerNodePorts, and healthCheckNodePort when ETP is Local', () => {
    const svc = create({ type: 'LoadBalancer', externalTrafficPolicy: 'Local', ports: [{ port: 80 }] });
    expect(svc.spec.allocateLoadBalancerNodePorts).toBe(true);
    expect(svc.spec.healthCheckNodePort).toEqual(expect.any(Number));
    expect(svc.status).toEqual({ loadBalancer: {} });
  });

  it('headless + selectorless reads back RequireDualStack with [IPv4, IPv6] even on a single-stack cluster', () => {
    const svc = create({ clusterIP: 'None', ports: [{ port: 80 }] });
    expect(svc.spec.ipFamilyPolicy).toBe('RequireDualStack');
    expect(svc.spec.ipFamilies).toEqual(['IPv4', 'IPv6']);
    expect(svc.spec.clusterIPs).toEqual(['None']);
  });

  it('headless with a selector is SingleStack IPv4', () => {
    const svc = create({ clusterIP: 'None', selector: { app: 'db' } });
    expect(svc.spec.ipFamilyPolicy).toBe('SingleStack');
    expect(svc.spec.ipFamilies).toEqual(['IPv4']);
  });

  it('ExternalName gets no IP fields and no internalTrafficPolicy', () => {
    const svc = create({ type: 'ExternalName', externalName: 'example.com' });
    expect(svc.spec).toEqual({ type: 'ExternalName', externalName: 'example.com', sessionAffinity: 'None' });
  });
});

describe('setServiceDefaults (defaults.go SetDefaults_Service)', () => {
  const defaulted = (spec: ServiceSpec, status?: Service['status']) => {
    const svc = newService('s', deepClone({ spec } as Service).spec);
    if (status) svc.status = status;
    setServiceDefaults(svc);
    return svc;
  };

  it.each([[undefined], [0], ['']])('targetPort %j becomes the port', (targetPort) => {
    expect(defaulted({ ports: [{ port: 8080, targetPort }] }).spec.ports![0].targetPort).toBe(8080);
  });

  it('ClientIP affinity gets a 10800 s timeout; None drops the config', () => {
    expect(defaulted({ sessionAffinity: 'ClientIP' }).spec.sessionAffinityConfig).toEqual({ clientIP: { timeoutSeconds: 10800 } });
    expect(defaulted({ sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } } }).spec.sessionAffinityConfig).toEqual({ clientIP: { timeoutSeconds: 60 } });
    expect(defaulted({ sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } } }).spec.sessionAffinityConfig).toBeUndefined();
  });

  it('externalTrafficPolicy defaults to Cluster for ClusterIP with externalIPs', () => {
    expect(defaulted({ externalIPs: ['192.0.2.10'] }).spec.externalTrafficPolicy).toBe('Cluster');
    expect(defaulted({}).spec.externalTrafficPolicy).toBeUndefined();
  });

  it('LoadBalancer ingress with an ip gets ipMode VIP', () => {
    const svc = defaulted({ type: 'LoadBalancer' }, { loadBalancer: { ingress: [{ ip: '203.0.113.1' }, { hostname: 'lb.example.com' }] } });
    expect(svc.status!.loadBalancer!.ingress).toEqual([{ ip: '203.0.113.1', ipMode: 'VIP' }, { hostname: 'lb.example.com' }]);
  });
});
