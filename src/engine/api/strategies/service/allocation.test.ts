// ClusterIP and NodePort allocation, through the API server and on the
// allocators themselves. Upstream: pkg/registry/core/service/ipallocator
// (bitmap.go), portallocator (allocator.go, operation.go), allocator/bitmap.go
// (randomScanStrategyWithOffset), storage/alloc.go; KUBERNETES.md §5, §6.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../index';
import { SeededRandom } from '../../../core/random';
import type { Service } from '../../../core/types';
import { ClusterIPAllocator, ipRangeOffset } from './clusterIPAllocator';
import { NodePortAllocator, portRangeOffset } from './nodePortAllocator';
import { serviceAllocations } from './strategy';
import { newService, statusErrorOf } from './testHelpers';
import { parseIPv4 } from '../../validation/common';

/**
 * A fresh cluster, with what its system Services (kubernetes, kube-dns, the ingress-nginx
 * install) already hold, so tests assert only what their own Services add.
 */
function setup() {
  const c = createCluster({ seed: 11, nodes: 1 });
  const alloc = serviceAllocations(c.context)!;
  const systemIPs = alloc.clusterIPs();
  const systemPorts = alloc.nodePorts();
  const userNodePorts = () => alloc.nodePorts().filter((p) => !systemPorts.includes(p));
  return { api: c.context.api, alloc, systemIPs, userNodePorts };
}

describe('ClusterIP allocator (ipallocator/bitmap.go)', () => {
  it('uses a 256-address static band for a /12 and excludes network and broadcast', () => {
    expect(ipRangeOffset(2 ** 20)).toBe(256);
    expect(ipRangeOffset(256)).toBe(16);
    expect(ipRangeOffset(8)).toBe(0);
    const a = new ClusterIPAllocator('10.96.0.0/12');
    expect(a.contains('10.96.0.0')).toBe(false);
    expect(a.contains('10.96.0.1')).toBe(true);
    expect(a.contains('10.111.255.254')).toBe(true);
    expect(a.contains('10.111.255.255')).toBe(false);
    expect(() => a.allocate('10.111.255.255')).toThrow(
      'the provided IP (10.111.255.255) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
    );
  });

  it('allocates from the dynamic band first, then the static band, then reports range is full', () => {
    const a = new ClusterIPAllocator('10.0.0.0/24'); // 254 usable, static band 16
    const rng = new SeededRandom(1);
    const staticMax = parseIPv4('10.0.0.16')!;
    for (let i = 0; i < 254 - 16; i++) expect(parseIPv4(a.allocateNext(rng))!).toBeGreaterThan(staticMax);
    const low = a.allocateNext(rng);
    expect(parseIPv4(low)!).toBeLessThanOrEqual(staticMax);
    for (let i = 0; i < 15; i++) a.allocateNext(rng);
    expect(() => a.allocateNext(rng)).toThrow('range is full');
    a.release(low);
    expect(a.allocateNext(rng)).toBe(low);
  });
});

describe('NodePort allocator (portallocator/allocator.go)', () => {
  it('has the static band 30000-30085 for the default range', () => {
    expect(portRangeOffset(2768)).toBe(86);
    const p = new NodePortAllocator(30000, 2768);
    const rng = new SeededRandom(5);
    for (let i = 0; i < 200; i++) expect(p.allocateNext(rng)).toBeGreaterThanOrEqual(30086);
    expect(() => p.allocate(32768)).toThrow('provided port is not in the valid range. The range of valid ports is 30000-32767');
  });
});

describe('ClusterIP allocation through the API server (alloc.go allocClusterIPs)', () => {
  it('gives kubernetes 10.96.0.1 and kube-dns 10.96.0.10 from the static band', () => {
    const { api, alloc } = setup();
    expect(api.get<Service>('Service', 'default', 'kubernetes').spec.clusterIP).toBe('10.96.0.1');
    expect(api.get<Service>('Service', 'kube-system', 'kube-dns').spec.clusterIP).toBe('10.96.0.10');
    // Nothing else was placed in the static band 10.96.0.1–10.96.1.0 (automatic picks go above it).
    const staticBand = alloc.clusterIPs().filter((ip) => ip.startsWith('10.96.0.') || ip === '10.96.1.0');
    expect(staticBand).toEqual(['10.96.0.1', '10.96.0.10']);
  });

  it('picks automatic IPs above the static band, deterministically per seed', () => {
    const a = setup();
    const b = setup();
    const ipsA = [1, 2, 3].map((i) => a.api.create<Service>(newService(`s${i}`, { ports: [{ port: 80 }] })).spec.clusterIP!);
    const ipsB = [1, 2, 3].map((i) => b.api.create<Service>(newService(`s${i}`, { ports: [{ port: 80 }] })).spec.clusterIP!);
    expect(ipsA).toEqual(ipsB);
    for (const ip of ipsA) expect(parseIPv4(ip)!).toBeGreaterThan(parseIPv4('10.96.1.0')!);
  });

  it('grants a free requested IP in the static band and refuses it a second time', () => {
    const { api } = setup();
    expect(api.create<Service>(newService('a', { clusterIP: '10.96.0.20', ports: [{ port: 80 }] })).spec.clusterIPs).toEqual(['10.96.0.20']);
    const err = statusErrorOf(() => api.create(newService('b', { clusterIP: '10.96.0.20', ports: [{ port: 80 }] })));
    expect(err.message).toBe('Service "b" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.20"}: failed to allocate IP 10.96.0.20: provided IP is already allocated');
  });

  it('refuses the network address as out of range', () => {
    const { api } = setup();
    const err = statusErrorOf(() => api.create(newService('b', { clusterIP: '10.96.0.0', ports: [{ port: 80 }] })));
    expect(err.message).toContain('the provided IP (10.96.0.0) is not in the valid range. The range of valid IPs is 10.96.0.0/12');
  });

  it('releases the IP on delete and when a later step fails (AlreadyExists)', () => {
    const { api, alloc } = setup();
    api.create(newService('a', { clusterIP: '10.96.0.30', ports: [{ port: 80 }] }));
    const dup = statusErrorOf(() => api.create(newService('a', { clusterIP: '10.96.0.31', ports: [{ port: 80 }] })));
    expect(dup.reason).toBe('AlreadyExists');
    expect(alloc.isClusterIPAllocated('10.96.0.31')).toBe(false);
    api.delete('Service', 'default', 'a');
    expect(alloc.isClusterIPAllocated('10.96.0.30')).toBe(false);
    api.create(newService('again', { clusterIP: '10.96.0.30', ports: [{ port: 80 }] }));
  });

  it('releases an IP taken before a validation failure', () => {
    const { api, alloc } = setup();
    statusErrorOf(() => api.create(newService('x', { clusterIP: '10.96.0.40', ports: [{ port: 80, protocol: 'tcp' }] })));
    expect(alloc.isClusterIPAllocated('10.96.0.40')).toBe(false);
  });

  it('gives headless and ExternalName services no IP', () => {
    const { api, alloc, systemIPs } = setup();
    expect(api.create<Service>(newService('h', { clusterIP: 'None', selector: { a: 'b' } })).spec.clusterIPs).toEqual(['None']);
    expect(api.create<Service>(newService('e', { type: 'ExternalName', externalName: 'example.com' })).spec.clusterIP).toBeUndefined();
    expect(alloc.clusterIPs()).toEqual(systemIPs);
  });

  it('dry-run allocates nothing', () => {
    const { api, alloc } = setup();
    api.create(newService('d', { clusterIP: '10.96.0.50', type: 'NodePort', ports: [{ port: 80, nodePort: 30050 }] }), { dryRun: true });
    expect(alloc.isClusterIPAllocated('10.96.0.50')).toBe(false);
    expect(alloc.isNodePortAllocated(30050)).toBe(false);
  });
});

describe('NodePort allocation through the API server (alloc.go initNodePorts)', () => {
  it('grants requested nodePorts, also in the static band, and refuses conflicts with any service', () => {
    const { api } = setup();
    api.create(newService('a', { type: 'NodePort', ports: [{ port: 80, nodePort: 30008 }] }));
    const err = statusErrorOf(() => api.create(newService('b', { type: 'NodePort', ports: [{ port: 80, nodePort: 30008 }] })));
    expect(err.message).toBe('Service "b" is invalid: spec.ports[0].nodePort: Invalid value: 30008: provided port is already allocated');
  });

  it('refuses a nodePort repeated on another port of the same service', () => {
    const { api } = setup();
    const err = statusErrorOf(() =>
      api.create(newService('b', { type: 'NodePort', ports: [{ name: 'a', port: 80, nodePort: 30080 }, { name: 'b', port: 81, nodePort: 30080 }] })),
    );
    expect(err.message).toBe('Service "b" is invalid: spec.ports[1].nodePort: Invalid value: 30080: provided port is already allocated');
  });

  it('shares one nodePort between TCP and UDP ports with the same number', () => {
    const { api, userNodePorts } = setup();
    const svc = api.create<Service>(newService('dns', { type: 'NodePort', ports: [{ name: 'u', port: 53, protocol: 'UDP' }, { name: 't', port: 53 }] }));
    const [u, t] = svc.spec.ports!;
    expect(u.nodePort).toBe(t.nodePort);
    expect(userNodePorts()).toEqual([u.nodePort]);
    const requested = api.create<Service>(newService('dns2', { type: 'NodePort', ports: [{ name: 'u', port: 53, protocol: 'UDP' }, { name: 't', port: 53, nodePort: 30053 }] }));
    expect(requested.spec.ports!.map((p) => p.nodePort)).toEqual([30053, 30053]);
  });

  it('allocates no nodePorts with allocateLoadBalancerNodePorts: false but keeps requested ones', () => {
    const { api } = setup();
    const svc = api.create<Service>(newService('lb', {
      type: 'LoadBalancer', allocateLoadBalancerNodePorts: false,
      ports: [{ name: 'a', port: 80 }, { name: 'b', port: 81, nodePort: 30081 }],
    }));
    expect(svc.spec.ports!.map((p) => p.nodePort)).toEqual([undefined, 30081]);
  });

  it('allocates a healthCheckNodePort for LoadBalancer + externalTrafficPolicy Local and releases all on delete', () => {
    const { api, userNodePorts } = setup();
    const svc = api.create<Service>(newService('lb', { type: 'LoadBalancer', externalTrafficPolicy: 'Local', ports: [{ port: 80 }] }));
    const hc = svc.spec.healthCheckNodePort!;
    expect(hc).toBeGreaterThanOrEqual(30086);
    expect(userNodePorts()).toEqual([hc, svc.spec.ports![0].nodePort!].sort());
    api.delete('Service', 'default', 'lb');
    expect(userNodePorts()).toEqual([]);
  });

  it('reports a taken healthCheckNodePort as an InternalError 500 and rolls back the other allocations', () => {
    const { api, alloc } = setup();
    api.create(newService('np', { type: 'NodePort', ports: [{ port: 80, nodePort: 31234 }] }));
    const err = statusErrorOf(() =>
      api.create(newService('lb', { type: 'LoadBalancer', clusterIP: '10.96.0.77', externalTrafficPolicy: 'Local', healthCheckNodePort: 31234, ports: [{ port: 80, nodePort: 30777 }] })),
    );
    expect(err.code).toBe(500);
    expect(err.reason).toBe('InternalError');
    expect(err.message).toBe('Internal error occurred: failed to allocate requested HealthCheck NodePort 31234: provided port is already allocated');
    expect(alloc.isNodePortAllocated(30777)).toBe(false);
    expect(alloc.isClusterIPAllocated('10.96.0.77')).toBe(false);
  });

  it('reports an exhausted range as an InternalError', () => {
    const { api } = setup();
    const ports = Array.from({ length: 100 }, (_, i) => ({ name: `p${i}`, port: 1000 + i }));
    for (let i = 0; i < 27; i++) api.create(newService(`n${i}`, { type: 'NodePort', ports }));
    const err = statusErrorOf(() => api.create(newService('last', { type: 'NodePort', ports })));
    expect(err.message).toBe('Internal error occurred: failed to allocate a nodePort: range is full');
  });
});
