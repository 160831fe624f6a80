// Garbage collection by ownerReferences (background propagation).
// Upstream: pkg/controller/garbagecollector/garbagecollector.go (attemptToDeleteItem).
import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../core/store';
import type { KubeObject, Pod, ReplicaSet } from '../../core/types';
import { decideDependent } from './dependencyGraph';
import { createTestCluster, newDeployment, newReplicaSet, newStatefulSet } from './testCluster';

const ref = (uid: string) => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: uid, uid, controller: true, blockOwnerDeletion: true });
const obj = (owners: string[], deleting = false): KubeObject => ({
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name: 'p', namespace: 'default', ownerReferences: owners.map(ref), ...(deleting ? { deletionTimestamp: '2026-01-01T00:00:30Z' } : {}) },
});

describe('decideDependent (attemptToDeleteItem)', () => {
  it.each([
    ['no owners', obj([]), { type: 'none' }],
    ['owner exists', obj(['live']), { type: 'none' }],
    ['owner gone', obj(['gone']), { type: 'delete' }],
    ['owner gone, already terminating', obj(['gone'], true), { type: 'none' }],
    ['one of two owners gone', obj(['live', 'gone']), { type: 'removeOwnerReferences', keep: [ref('live')] }],
  ])('%s', (_n, input, expected) => {
    const frozen = deepFreeze(input);
    const before = JSON.stringify(frozen);
    expect(decideDependent(frozen, (uid) => uid === 'live')).toEqual(expected);
    expect(JSON.stringify(frozen)).toBe(before);
  });
});

describe('garbage collector', () => {
  it('deletes the ReplicaSets and pods of a deleted Deployment and nothing else', () => {
    const c = createTestCluster();
    c.ctx.api.create(newDeployment('web', 2));
    c.ctx.api.create(newDeployment('api', 2));
    c.ctx.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bare', namespace: 'default', labels: { app: 'none' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    c.settle();
    for (const p of c.pods()) c.markReady(p.metadata.name!);
    c.settle();
    c.ctx.api.delete('Deployment', 'default', 'web');
    c.settle();
    // Pods bound to a node terminate gracefully; the kubelet removes them afterwards.
    expect(c.pods().filter((p) => p.metadata.name!.startsWith('web-')).every((p) => p.metadata.deletionTimestamp)).toBe(true);
    c.finishTerminations();
    c.settle();
    expect(c.ctx.store.list<ReplicaSet>('ReplicaSet', 'default').map((rs) => rs.metadata.name)).toEqual([expect.stringMatching(/^api-/)]);
    expect(c.pods().map((p) => p.metadata.name).sort()).toEqual([...c.pods().filter((p) => p.metadata.name!.startsWith('api-')).map((p) => p.metadata.name), 'bare'].sort());
    expect(c.activePods()).toHaveLength(3);
  });

  it('deletes the pods of a deleted ReplicaSet and StatefulSet', () => {
    const c = createTestCluster();
    c.ctx.api.create(newReplicaSet('rs', 2));
    c.ctx.api.create(newStatefulSet('db', 2, { podManagementPolicy: 'Parallel' }));
    c.settle();
    expect(c.pods()).toHaveLength(4);
    c.ctx.api.delete('ReplicaSet', 'default', 'rs');
    c.ctx.api.delete('StatefulSet', 'default', 'db');
    c.settle();
    expect(c.pods()).toHaveLength(0);
    expect(c.ctx.store.list('ControllerRevision', 'default')).toHaveLength(0);
  });

  it('deletes EndpointSlices owned by a deleted Service and keeps the others', () => {
    const c = createTestCluster();
    const svc = c.ctx.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
    const owned = {
      apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', addressType: 'IPv4', endpoints: [], ports: null,
      metadata: { name: 'web-abcde', namespace: 'default', labels: { 'kubernetes.io/service-name': 'web' }, ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: 'web', uid: svc.metadata.uid!, controller: true, blockOwnerDeletion: true }] },
    };
    c.ctx.api.create(owned);
    c.ctx.api.create({ ...owned, metadata: { name: 'manual', namespace: 'default' } });
    c.settle();
    expect(c.ctx.store.list('EndpointSlice', 'default')).toHaveLength(2);
    c.ctx.api.delete('Service', 'default', 'web');
    c.settle();
    expect(c.ctx.store.list('EndpointSlice', 'default').map((s) => s.metadata.name)).toEqual(['manual']);
  });

  it('removes an object created with an owner that does not exist', () => {
    const c = createTestCluster();
    c.ctx.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'stray', namespace: 'default', ownerReferences: [ref('no-such-uid')] }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    c.settle();
    expect(c.get<Pod>('Pod', 'stray')).toBeUndefined();
  });
});
