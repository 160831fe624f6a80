import { describe, expect, it } from 'vitest';
import type { KubeEvent, Service } from '../core/types';
import { createCluster, type Cluster } from '../index';
import { LoadBalancerIPPool } from './cloudProvider';

const lb = (name: string): Service => ({
  apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' },
  spec: { type: 'LoadBalancer', selector: { app: name }, ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }] },
});
const ingress = (c: Cluster, name: string) => c.context.store.get<Service>('Service', 'default', name)?.status?.loadBalancer?.ingress;

describe('LoadBalancerIPPool', () => {
  it('hands out 203.0.113.1 upward and reuses the lowest free', () => {
    const pool = new LoadBalancerIPPool();
    expect([pool.allocate('a'), pool.allocate('b'), pool.allocate('c')]).toEqual(['203.0.113.1', '203.0.113.2', '203.0.113.3']);
    pool.release('203.0.113.1');
    expect(pool.allocate('d')).toBe('203.0.113.1');
  });
});

// ingress-nginx's LoadBalancer Service, installed with the cluster, holds 203.0.113.1,
// so the first Service a person creates gets 203.0.113.2.
describe('simulated cloud provider', () => {
  it('assigns an external IP after the delay, with the service-controller events', () => {
    const c = createCluster({ seed: 2 });
    c.context.api.create(lb('web'));
    c.advance(c.context.config.loadBalancerDelayMs - 1000);
    expect(ingress(c, 'web')).toBeUndefined();
    c.advance(1000);
    expect(ingress(c, 'web')).toEqual([{ ip: '203.0.113.2', ipMode: 'VIP' }]);
    const ev = c.context.store.list<KubeEvent>('Event', 'default').filter((e) => e.involvedObject.name === 'web');
    expect(ev.map((e) => `${e.reason}: ${e.message} (${e.source.component})`)).toEqual([
      'EnsuringLoadBalancer: Ensuring load balancer (service-controller)',
      'EnsuredLoadBalancer: Ensured load balancer (service-controller)',
    ]);
  });

  it('stays pending with the cloud off and is provisioned when it is switched on', () => {
    const c = createCluster({ seed: 2 });
    expect(c.exec('sim cloud off').stdout).toBe('cloud load-balancer provider: off\n');
    c.context.api.create(lb('web'));
    c.advance(60_000);
    expect(ingress(c, 'web')).toBeUndefined();
    c.exec('sim cloud on');
    c.advance(c.context.config.loadBalancerDelayMs);
    expect(ingress(c, 'web')).toEqual([{ ip: '203.0.113.2', ipMode: 'VIP' }]);
  });

  it('releases the IP when the Service is deleted', () => {
    const c = createCluster({ seed: 2 });
    c.context.api.create(lb('a'));
    c.advance(5000);
    c.context.api.delete('Service', 'default', 'a');
    c.context.api.create(lb('b'));
    c.advance(5000);
    expect(ingress(c, 'b')).toEqual([{ ip: '203.0.113.2', ipMode: 'VIP' }]);
  });

  it('ignores Services with a loadBalancerClass', () => {
    const c = createCluster({ seed: 2 });
    c.context.api.create({ ...lb('x'), spec: { ...lb('x').spec, loadBalancerClass: 'example.com/lb' } });
    c.advance(10_000);
    expect(ingress(c, 'x')).toBeUndefined();
  });
});
