// StatefulSet controller: ordinal names, OrderedReady, Parallel, scale-down and
// rolling update in reverse ordinal order. Upstream: pkg/controller/statefulset.
import { describe, expect, it } from 'vitest';
import type { Pod, StatefulSet } from '../../core/types';
import type { ControllerRevision } from './controllerRevision';
import { createTestCluster, newStatefulSet, type TestCluster } from './testCluster';

const names = (c: TestCluster) => c.activePods().map((p) => p.metadata.name).sort();

function update(c: TestCluster, name: string, f: (s: StatefulSet) => void): void {
  const s = JSON.parse(JSON.stringify(c.get<StatefulSet>('StatefulSet', name))) as StatefulSet;
  f(s);
  c.ctx.api.update(s);
  c.settle();
}

describe('StatefulSet controller', () => {
  it('creates web-0, web-1, web-2 one at a time, each after the previous is Running and Ready', () => {
    const c = createTestCluster();
    c.ctx.api.create(newStatefulSet('web', 3));
    c.settle();
    expect(names(c)).toEqual(['web-0']);
    c.settle();
    expect(names(c)).toEqual(['web-0']);
    c.markReady('web-0');
    c.settle();
    expect(names(c)).toEqual(['web-0', 'web-1']);
    c.markReady('web-1');
    c.settle();
    c.markReady('web-2');
    c.settle();
    expect(names(c)).toEqual(['web-0', 'web-1', 'web-2']);
    expect(c.events('SuccessfulCreate').map((e) => [e.message, e.source.component])).toEqual([
      ['create Pod web-0 in StatefulSet web successful', 'statefulset-controller'],
      ['create Pod web-1 in StatefulSet web successful', 'statefulset-controller'],
      ['create Pod web-2 in StatefulSet web successful', 'statefulset-controller'],
    ]);
    const set = c.get<StatefulSet>('StatefulSet', 'web')!;
    const revision = c.ctx.store.list<ControllerRevision>('ControllerRevision', 'default');
    expect(revision).toHaveLength(1);
    expect(revision[0].metadata.name).toMatch(/^web-[4-9bcdf]{9,10}$/);
    expect(revision[0].revision).toBe(1);
    expect(set.status).toEqual({
      observedGeneration: 1, replicas: 3, readyReplicas: 3, currentReplicas: 3, updatedReplicas: 3,
      currentRevision: revision[0].metadata.name, updateRevision: revision[0].metadata.name, collisionCount: 0, availableReplicas: 3,
    });
    const pod = c.get<Pod>('Pod', 'web-1')!;
    expect(pod.spec.hostname).toBe('web-1');
    expect(pod.spec.subdomain).toBe('web');
    expect(pod.metadata.generateName).toBe('web-');
    expect(pod.metadata.labels).toEqual({
      app: 'web', 'statefulset.kubernetes.io/pod-name': 'web-1', 'apps.kubernetes.io/pod-index': '1', 'controller-revision-hash': revision[0].metadata.name,
    });
    expect(pod.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: set.metadata.uid, controller: true, blockOwnerDeletion: true }]);
  });

  it('Parallel creates every pod at once', () => {
    const c = createTestCluster();
    c.ctx.api.create(newStatefulSet('db', 3, { podManagementPolicy: 'Parallel' }));
    c.settle();
    expect(names(c)).toEqual(['db-0', 'db-1', 'db-2']);
  });

  it('scales down from the highest ordinal, one pod at a time', () => {
    const c = createTestCluster();
    c.ctx.api.create(newStatefulSet('web', 3));
    for (const n of ['web-0', 'web-1', 'web-2']) {
      c.settle();
      c.markReady(n);
    }
    c.settle();
    update(c, 'web', (s) => { s.spec.replicas = 1; });
    expect(c.get<Pod>('Pod', 'web-2')!.metadata.deletionTimestamp).toBeDefined();
    expect(c.get<Pod>('Pod', 'web-1')!.metadata.deletionTimestamp).toBeUndefined();
    c.finishTerminations();
    c.settle();
    expect(c.get<Pod>('Pod', 'web-1')!.metadata.deletionTimestamp).toBeDefined();
    c.finishTerminations();
    c.settle();
    expect(names(c)).toEqual(['web-0']);
    expect(c.events('SuccessfulDelete').map((e) => e.message)).toEqual([
      'delete Pod web-2 in StatefulSet web successful',
      'delete Pod web-1 in StatefulSet web successful',
    ]);
  });

  it('rolls out a new template from the highest ordinal down, waiting for each pod to be ready', () => {
    const c = createTestCluster();
    c.ctx.api.create(newStatefulSet('web', 3));
    for (const n of ['web-0', 'web-1', 'web-2']) {
      c.settle();
      c.markReady(n);
    }
    c.settle();
    const oldRevision = c.get<StatefulSet>('StatefulSet', 'web')!.status!.currentRevision;
    update(c, 'web', (s) => { s.spec.template.spec.containers[0].image = 'nginx:1.28'; });
    const order: string[] = [];
    for (let i = 0; i < 10; i++) {
      const doomed = c.pods().find((p) => p.metadata.deletionTimestamp);
      if (doomed) {
        order.push(doomed.metadata.name!);
        c.finishTerminations();
        c.settle();
      }
      const fresh = c.activePods().find((p) => p.status?.phase !== 'Running');
      if (!fresh) break;
      c.markReady(fresh.metadata.name!);
      c.settle();
    }
    expect(order).toEqual(['web-2', 'web-1', 'web-0']);
    const set = c.get<StatefulSet>('StatefulSet', 'web')!;
    expect(set.status!.currentRevision).toBe(set.status!.updateRevision);
    expect(set.status!.currentRevision).not.toBe(oldRevision);
    expect(c.activePods().every((p) => p.spec.containers[0].image === 'nginx:1.28')).toBe(true);
    expect(c.ctx.store.list<ControllerRevision>('ControllerRevision', 'default').map((r) => r.revision)).toEqual([1, 2]);
  });

  it('leaves ordinals below the partition at the old revision', () => {
    const c = createTestCluster();
    c.ctx.api.create(newStatefulSet('web', 2, { podManagementPolicy: 'Parallel' }));
    c.settle();
    c.markReady('web-0');
    c.markReady('web-1');
    c.settle();
    update(c, 'web', (s) => {
      s.spec.template.spec.containers[0].image = 'nginx:1.28';
      s.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { partition: 1 } };
    });
    c.finishTerminations();
    c.settle();
    c.markReady('web-1');
    c.settle();
    expect(c.activePods().map((p) => p.spec.containers[0].image)).toEqual(['nginx:1.27', 'nginx:1.28']);
    expect(c.get<StatefulSet>('StatefulSet', 'web')!.status).toMatchObject({ currentReplicas: 1, updatedReplicas: 1 });
  });
});
