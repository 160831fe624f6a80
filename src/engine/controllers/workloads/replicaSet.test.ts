// ReplicaSet controller: manageReplicas, deletion ranking, adoption and status.
// Upstream: pkg/controller/replicaset/replica_set.go, pkg/controller/controller_utils.go.
import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../core/store';
import type { Pod, ReplicaSet } from '../../core/types';
import { podsToDelete } from './podDeletionRank';
import { computeReplicaSetStatus, planReplicas } from './replicaSetReconciler';
import { createTestCluster, newReplicaSet } from './testCluster';

const NOW = Date.UTC(2026, 0, 1, 1, 0, 0);
const ts = (msAgo: number) => new Date(Math.floor((NOW - msAgo) / 1000) * 1000).toISOString().replace('.000Z', 'Z');

interface PodOpts { node?: string; phase?: string; ready?: boolean; readyAgo?: number; createdAgo?: number; restarts?: number; cost?: string; uid?: string }
function newPod(name: string, o: PodOpts = {}): Pod {
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: {
      name, namespace: 'default', uid: o.uid ?? name, labels: { app: 'rs' }, creationTimestamp: ts(o.createdAgo ?? 3_600_000),
      ...(o.cost ? { annotations: { 'controller.kubernetes.io/pod-deletion-cost': o.cost } } : {}),
    },
    spec: { containers: [{ name: 'c', image: 'nginx' }], ...(o.node ? { nodeName: o.node } : {}) },
    status: {
      phase: o.phase ?? 'Running',
      conditions: [{ type: 'Ready', status: o.ready === false ? 'False' : 'True', lastTransitionTime: ts(o.readyAgo ?? 3_000_000) }],
      containerStatuses: [{ name: 'c', image: 'nginx', imageID: '', ready: true, restartCount: o.restarts ?? 0, state: {}, lastState: {} }],
    },
  };
}

describe('getPodsToDelete ranking (ActivePodsWithRanks.Less)', () => {
  it.each([
    ['unassigned before assigned', newPod('a', { node: 'n1' }), newPod('b')],
    ['Pending before Running', newPod('a', { node: 'n1' }), newPod('b', { node: 'n1', phase: 'Pending' })],
    ['not ready before ready', newPod('a', { node: 'n1' }), newPod('b', { node: 'n1', ready: false })],
    ['lower pod-deletion-cost first', newPod('a', { node: 'n1', cost: '10' }), newPod('b', { node: 'n1', cost: '-5' })],
    ['ready for less time first', newPod('a', { node: 'n1', readyAgo: 3_000_000 }), newPod('b', { node: 'n1', readyAgo: 60_000 })],
    ['more restarts first', newPod('a', { node: 'n1' }), newPod('b', { node: 'n1', restarts: 3 })],
    ['newer first', newPod('a', { node: 'n1', createdAgo: 3_600_000, readyAgo: 100 }), newPod('b', { node: 'n1', createdAgo: 120_000, readyAgo: 100 })],
  ])('%s', (_name, keep, remove) => {
    const input = deepFreeze([keep, remove]);
    const before = JSON.stringify(input);
    expect(podsToDelete(input, input, 1, NOW).map((p) => p.metadata.name)).toEqual(['b']);
    expect(JSON.stringify(input)).toBe(before);
  });

  it('prefers pods doubled up on a node with more related pods', () => {
    const pods = [newPod('alone', { node: 'n1' }), newPod('crowded', { node: 'n2' }), newPod('sibling', { node: 'n2' })];
    expect(podsToDelete(pods.slice(0, 2), pods, 1, NOW).map((p) => p.metadata.name)).toEqual(['crowded']);
  });

  it('plans creations and deletions within the burst of 500', () => {
    const rs = deepFreeze(newReplicaSet('rs', 700));
    expect(planReplicas(rs, [], [], NOW)).toEqual({ create: 500, delete: [] });
    const three = [newPod('x', { node: 'n' }), newPod('y', { node: 'n', ready: false }), newPod('z')];
    expect(planReplicas({ ...rs, spec: { ...rs.spec, replicas: 1 } }, three, three, NOW).delete.map((p) => p.metadata.name)).toEqual(['z', 'y']);
  });

  it('counts fully labeled, ready and available (minReadySeconds) replicas and omits zeros', () => {
    const rs = deepFreeze({ ...newReplicaSet('rs', 3, { app: 'rs' }), spec: { ...newReplicaSet('rs', 3, { app: 'rs' }).spec, minReadySeconds: 30 } });
    const pods = [newPod('old', { readyAgo: 60_000 }), newPod('fresh', { readyAgo: 10_000 }), newPod('unready', { ready: false })];
    expect(computeReplicaSetStatus(rs as ReplicaSet, pods, NOW)).toEqual({ replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 2, availableReplicas: 1 });
    expect(computeReplicaSetStatus(rs as ReplicaSet, [], NOW)).toEqual({ replicas: 0 });
  });
});

describe('ReplicaSet controller', () => {
  it('creates pods <rs>-<5 chars> with events and reports status once they are ready', () => {
    const c = createTestCluster();
    c.ctx.api.create(newReplicaSet('frontend', 3));
    c.settle();
    const pods = c.pods();
    expect(pods.map((p) => p.metadata.name)).toEqual(pods.map(() => expect.stringMatching(/^frontend-[bcdfghjklmnpqrstvwxz2456789]{5}$/)));
    expect(c.events('SuccessfulCreate').map((e) => [e.message, e.source.component])).toEqual(pods.map((p) => [`Created pod: ${p.metadata.name}`, 'replicaset-controller']));
    expect(c.get<ReplicaSet>('ReplicaSet', 'frontend')!.status).toEqual({ replicas: 3, fullyLabeledReplicas: 3, observedGeneration: 1 });
    for (const p of pods) c.markReady(p.metadata.name!);
    c.settle();
    expect(c.get<ReplicaSet>('ReplicaSet', 'frontend')!.status).toEqual({ replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 });
  });

  it('replaces a deleted pod and deletes not-ready pods first when scaled down', () => {
    const c = createTestCluster();
    c.ctx.api.create(newReplicaSet('frontend', 3));
    c.settle();
    const [a, b, d] = c.pods().map((p) => p.metadata.name!);
    c.markReady(a);
    c.markReady(b);
    c.ctx.api.delete('Pod', 'default', a);
    c.finishTerminations();
    c.settle();
    expect(c.activePods()).toHaveLength(3);
    const doomed = c.activePods().map((p) => p.metadata.name!).filter((n) => n !== b);
    expect(doomed).toContain(d);
    const rs = JSON.parse(JSON.stringify(c.get<ReplicaSet>('ReplicaSet', 'frontend'))) as ReplicaSet;
    rs.spec.replicas = 1;
    c.ctx.api.update(rs);
    c.settle();
    // The replacement and `d` are unassigned and not ready; `b` is ready on a node and stays.
    expect(c.activePods().map((p) => p.metadata.name)).toEqual([b]);
    expect(c.events('SuccessfulDelete').map((e) => e.message).sort()).toEqual(doomed.map((n) => `Deleted pod: ${n}`).sort());
  });

  it('adopts a matching orphan pod and releases a pod whose labels stop matching', () => {
    const c = createTestCluster();
    c.ctx.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'orphan', namespace: 'default', labels: { app: 'frontend' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    c.ctx.api.create(newReplicaSet('frontend', 2));
    c.settle();
    const rs = c.get<ReplicaSet>('ReplicaSet', 'frontend')!;
    expect(c.get<Pod>('Pod', 'orphan')!.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'frontend', uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(c.pods()).toHaveLength(2);
    c.ctx.api.systemUpdate<Pod>('Pod', 'default', 'orphan', (p) => { p.metadata.labels = { app: 'debug' }; });
    c.settle();
    expect(c.get<Pod>('Pod', 'orphan')!.metadata.ownerReferences).toBeUndefined();
    expect(c.activePods()).toHaveLength(3);
  });
});
