// Deployment rollouts driven end to end through the API server, with a hand-driven
// kubelet. Upstream: pkg/controller/deployment/rolling.go, sync.go, progress.go.
import { describe, expect, it } from 'vitest';
import type { Deployment, ReplicaSet } from '../../core/types';
import { createTestCluster, newDeployment, type TestCluster } from './testCluster';

function sets(c: TestCluster): ReplicaSet[] {
  return c.ctx.store.list<ReplicaSet>('ReplicaSet', 'default');
}

/** Marks every active pod that is not ready yet as ready, one at a time, checking `check` after each step. */
function driveRollout(c: TestCluster, check: () => void, maxSteps = 200): number {
  let steps = 0;
  for (; steps < maxSteps; steps++) {
    c.settle();
    check();
    const terminating = c.pods().find((p) => p.metadata.deletionTimestamp);
    if (terminating) {
      c.ctx.api.removeNow('Pod', 'default', terminating.metadata.name!);
      continue;
    }
    const pending = c.activePods().find((p) => p.status?.conditions?.find((x) => x.type === 'Ready')?.status !== 'True');
    if (!pending) break;
    c.ctx.clock.advanceTo(c.ctx.clock.now() + 1000);
    c.markReady(pending.metadata.name!);
  }
  c.settle();
  check();
  return steps;
}

function updateImage(c: TestCluster, name: string, image: string): void {
  const d = c.get<Deployment>('Deployment', name)!;
  const next = JSON.parse(JSON.stringify(d)) as Deployment;
  next.spec.template.spec.containers[0].image = image;
  c.ctx.api.update(next);
}

function readyActive(c: TestCluster): number {
  return c.activePods().filter((p) => p.status?.conditions?.some((x) => x.type === 'Ready' && x.status === 'True')).length;
}

describe('Deployment rolling update (rolling.go)', () => {
  it.each([
    // [maxSurge, maxUnavailable, resolved surge, resolved unavailable] for 3 replicas:
    // surge rounds up (25% of 3 -> 1), unavailable rounds down (25% of 3 -> 0).
    ['25%', '25%', 1, 0],
    [1, 0, 1, 0],
    [0, 1, 0, 1],
    [2, 2, 2, 2],
  ] as const)('maxSurge %s maxUnavailable %s keeps at most 3+%i pods wanted and at least 3-%i available at every step', (surge, unavailable, s, u) => {
    const c = createTestCluster();
    c.ctx.api.create(newDeployment('web', 3, { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: surge, maxUnavailable: unavailable } } }));
    driveRollout(c, () => {});
    expect(readyActive(c)).toBe(3);

    updateImage(c, 'web', 'nginx:1.28');
    let sawSurge = false;
    const steps = driveRollout(c, () => {
      const wanted = sets(c).reduce((n, rs) => n + (rs.spec.replicas ?? 0), 0);
      expect(wanted).toBeLessThanOrEqual(3 + s);
      expect(readyActive(c)).toBeGreaterThanOrEqual(3 - u);
      if (wanted > 3) sawSurge = true;
    });
    expect(steps).toBeLessThan(200);
    expect(sawSurge).toBe(s > 0);
    const d = c.get<Deployment>('Deployment', 'web')!;
    const newRS = sets(c).find((rs) => rs.metadata.annotations?.['deployment.kubernetes.io/revision'] === '2')!;
    expect(newRS.spec.replicas).toBe(3);
    expect(c.activePods().every((p) => p.spec.containers[0].image === 'nginx:1.28')).toBe(true);
    expect(d.status).toMatchObject({ replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 2 });
    expect(d.status).not.toHaveProperty('unavailableReplicas');
    const progressing = (d.status!.conditions as { type: string; reason: string; message: string }[]).find((x) => x.type === 'Progressing')!;
    expect(progressing.reason).toBe('NewReplicaSetAvailable');
    expect(progressing.message).toBe(`ReplicaSet "${newRS.metadata.name}" has successfully progressed.`);
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
  });

  it('creates the ReplicaSet <deployment>-<pod-template-hash> with its annotations and pods <rs>-<5 chars>', () => {
    const c = createTestCluster();
    c.ctx.api.create(newDeployment('web', 3));
    c.settle();
    const [rs] = sets(c);
    const hash = rs.metadata.labels!['pod-template-hash'];
    expect(hash).toMatch(/^[4-9bcdf]{9,10}$/);
    expect(rs.metadata.name).toBe(`web-${hash}`);
    expect(rs.spec.selector.matchLabels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs.spec.template.metadata!.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs.metadata.annotations).toEqual({
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
      'deployment.kubernetes.io/revision': '1',
    });
    const d = c.get<Deployment>('Deployment', 'web')!;
    expect(rs.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: d.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    const pods = c.pods();
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(new RegExp(`^${rs.metadata.name}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
      expect(p.metadata.generateName).toBe(`${rs.metadata.name}-`);
      expect(p.metadata.ownerReferences![0]).toMatchObject({ kind: 'ReplicaSet', name: rs.metadata.name, uid: rs.metadata.uid, controller: true });
    }
    expect(c.events('ScalingReplicaSet').map((e) => e.message)).toEqual([`Scaled up replica set ${rs.metadata.name} from 0 to 3`]);
    expect(c.events('ScalingReplicaSet')[0].source.component).toBe('deployment-controller');
    expect(c.events('SuccessfulCreate').map((e) => e.message).sort()).toEqual(pods.map((p) => `Created pod: ${p.metadata.name}`).sort());
    const available = (d.status!.conditions as { type: string; status: string; reason: string; message: string }[]).find((x) => x.type === 'Available')!;
    expect(available).toMatchObject({ status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' });
  });

  it('records the scale-down steps of a rollout as kubectl describe shows them', () => {
    const c = createTestCluster();
    c.ctx.api.create(newDeployment('web', 3, { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } } }));
    driveRollout(c, () => {});
    const first = sets(c)[0].metadata.name;
    updateImage(c, 'web', 'nginx:1.28');
    driveRollout(c, () => {});
    const second = sets(c).find((rs) => rs.metadata.name !== first)!.metadata.name;
    expect(c.events('ScalingReplicaSet').map((e) => e.message)).toEqual([
      `Scaled up replica set ${first} from 0 to 3`,
      `Scaled up replica set ${second} from 0 to 1`,
      `Scaled down replica set ${first} from 3 to 2`,
      `Scaled up replica set ${second} from 1 to 2`,
      `Scaled down replica set ${first} from 2 to 1`,
      `Scaled up replica set ${second} from 2 to 3`,
      `Scaled down replica set ${first} from 1 to 0`,
    ]);
  });

  it('keeps revisionHistoryLimit old ReplicaSets and renumbers a rolled-back template', () => {
    const c = createTestCluster();
    c.ctx.api.create(newDeployment('web', 2, { revisionHistoryLimit: 2 }));
    driveRollout(c, () => {});
    for (const image of ['nginx:1.1', 'nginx:1.2', 'nginx:1.3', 'nginx:1.4']) {
      updateImage(c, 'web', image);
      driveRollout(c, () => {});
    }
    const revisions = sets(c).map((rs) => rs.metadata.annotations!['deployment.kubernetes.io/revision']).sort();
    expect(revisions).toEqual(['3', '4', '5']);
    // Back to nginx:1.2 (revision 3), which an old set still has: it becomes revision 6 and remembers 3.
    updateImage(c, 'web', 'nginx:1.2');
    driveRollout(c, () => {});
    const back = sets(c).find((rs) => rs.spec.template.spec.containers[0].image === 'nginx:1.2')!;
    expect(back.metadata.annotations!['deployment.kubernetes.io/revision']).toBe('6');
    expect(back.metadata.annotations!['deployment.kubernetes.io/revision-history']).toBe('3');
    expect(c.get<Deployment>('Deployment', 'web')!.metadata.annotations!['deployment.kubernetes.io/revision']).toBe('6');
  });

  it('scales proportionally and records it when spec.replicas changes', () => {
    const c = createTestCluster();
    c.ctx.api.create(newDeployment('web', 3));
    driveRollout(c, () => {});
    const d = JSON.parse(JSON.stringify(c.get<Deployment>('Deployment', 'web'))) as Deployment;
    d.spec.replicas = 5;
    c.ctx.api.update(d);
    c.settle();
    const [rs] = sets(c);
    expect(rs.spec.replicas).toBe(5);
    expect(rs.metadata.annotations!['deployment.kubernetes.io/desired-replicas']).toBe('5');
    expect(c.events('ScalingReplicaSet').at(-1)!.message).toBe(`Scaled up replica set ${rs.metadata.name} from 3 to 5`);
    expect(c.activePods()).toHaveLength(5);
  });

  it('Recreate scales the old set to zero and waits for its pods to be gone', () => {
    const c = createTestCluster();
    c.ctx.api.create(newDeployment('web', 2, { strategy: { type: 'Recreate' } }));
    driveRollout(c, () => {});
    for (const p of c.pods()) c.ctx.api.systemUpdate('Pod', 'default', p.metadata.name!, (o) => { (o as unknown as { spec: { nodeName?: string } }).spec.nodeName = 'node-1'; });
    updateImage(c, 'web', 'nginx:1.28');
    c.settle();
    expect(sets(c)).toHaveLength(1); // the new set waits while old pods terminate
    expect(c.pods().every((p) => p.metadata.deletionTimestamp)).toBe(true);
    c.finishTerminations();
    c.settle();
    expect(sets(c)).toHaveLength(2);
    expect(c.activePods().map((p) => p.spec.containers[0].image)).toEqual(['nginx:1.28', 'nginx:1.28']);
  });
});

describe('rollout undo support (kubectl rollback.go)', () => {
  it('plans the previous template, then reports a skipped rollback once it matches', async () => {
    const { planRollback, rolloutHistory } = await import('./rollback');
    const c = createTestCluster();
    c.ctx.api.create(newDeployment('web', 2));
    driveRollout(c, () => {});
    const d1 = c.get<Deployment>('Deployment', 'web')!;
    expect(planRollback(d1, sets(c))).toEqual({ ok: false, error: 'no rollout history found for deployment "web"' });
    updateImage(c, 'web', 'nginx:1.28');
    driveRollout(c, () => {});
    const d2 = c.get<Deployment>('Deployment', 'web')!;
    expect(rolloutHistory(d2, sets(c)).map((h) => h.revision)).toEqual([1, 2]);
    expect(planRollback(d2, sets(c), 7)).toEqual({ ok: false, error: 'unable to find specified revision 7 in history' });
    const plan = planRollback(d2, sets(c));
    if (!plan.ok || !('template' in plan)) throw new Error('expected a template');
    expect(plan.template.metadata!.labels).toEqual({ app: 'web' });
    expect(plan.template.spec.containers[0].image).toBe('nginx:1.27');
    const next = JSON.parse(JSON.stringify(d2)) as Deployment;
    next.spec.template = plan.template;
    c.ctx.api.update(next);
    driveRollout(c, () => {});
    const d3 = c.get<Deployment>('Deployment', 'web')!;
    expect(d3.metadata.annotations!['deployment.kubernetes.io/revision']).toBe('3');
    expect(planRollback(d3, sets(c), 3)).toEqual({ ok: true, skipped: 'skipped rollback (current template already matches revision 3)' });
  });
});
