// Same seed and inputs give byte-identical objects; the full cluster runs CoreDNS through these controllers.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../index';
import type { Deployment, ReplicaSet } from '../../core/types';
import { createTestCluster, newDeployment, newStatefulSet } from './testCluster';

function scenario(seed: number): string {
  const c = createTestCluster(seed);
  c.ctx.api.create(newDeployment('web', 4));
  c.ctx.api.create(newStatefulSet('db', 2));
  for (let i = 0; i < 6; i++) {
    c.advance(1000);
    const p = c.activePods().find((x) => x.status?.phase !== 'Running');
    if (p) c.markReady(p.metadata.name!);
  }
  const d = JSON.parse(JSON.stringify(c.get<Deployment>('Deployment', 'web'))) as Deployment;
  d.spec.template.spec.containers[0].image = 'nginx:1.28';
  c.ctx.api.update(d);
  c.advance(5000);
  return JSON.stringify(c.ctx.store.kinds().map((k) => c.ctx.store.list(k)));
}

describe('determinism', () => {
  it('produces identical state for the same seed and different pod names for another', () => {
    expect(scenario(7)).toBe(scenario(7));
    expect(scenario(8)).not.toBe(scenario(7));
  });

  it('runs the CoreDNS Deployment of a fresh cluster through a ReplicaSet', () => {
    const cluster = createCluster({ seed: 3 });
    const ctx = cluster.context;
    const rs = ctx.store.list<ReplicaSet>('ReplicaSet', 'kube-system');
    expect(rs.map((r) => r.metadata.name)).toEqual([expect.stringMatching(/^coredns-[4-9bcdf]{9,10}$/)]);
    expect(ctx.store.podIndex.matchMap('kube-system', { 'k8s-app': 'kube-dns' })).toHaveLength(2);
    const d = ctx.store.get<Deployment>('Deployment', 'kube-system', 'coredns')!;
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
  });
});
