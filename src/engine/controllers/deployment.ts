// The Deployment controller (kube-controller-manager's deployment-controller):
// rolls ReplicaSets forward with maxSurge/maxUnavailable (or Recreate), scales
// them proportionally, keeps revision history and reports status and conditions.
// Thin wiring around workloads/deploymentSync.ts.
// Source: pkg/controller/deployment/deployment_controller.go.

import { jsonEqual } from '../api/apiServer';
import type { EngineContext } from '../context';
import { isStatusError } from '../core/errors';
import { fromLabelSelector, matchesSelector } from '../core/labels';
import { KeyQueue } from '../core/queue';
import { objectKey, type WatchEvent } from '../core/store';
import type { Deployment, KubeObject, Pod, ReplicaSet } from '../core/types';
import type { Controller } from './runtime';
import { adopt, DelayedRequeue, errorMessage, release, splitKey } from './workloads/controllerTools';
import { newCondition, setCondition } from './workloads/deploymentStatus';
import { planDeploymentSync } from './workloads/deploymentSync';
import { strategyType } from './workloads/deploymentUtil';
import { ControllerIndex, claimObjects } from './workloads/ownership';
import { controllerOf } from './workloads/pods';

const COMPONENT = { component: 'deployment-controller' };

export function createDeploymentController(ctx: EngineContext): Controller {
  const queue = new KeyQueue();
  const replicaSets = new ControllerIndex('ReplicaSet', { orphans: true });
  const pods = new ControllerIndex('Pod');
  const deploymentsByNamespace = new Map<string, Set<string>>();
  const requeue = new DelayedRequeue(ctx, queue, 'deployment progress check');

  const enqueueOwner = (rs: KubeObject) => {
    const ref = controllerOf(rs);
    if (ref?.kind === 'Deployment') queue.add(objectKey(rs.metadata.namespace, ref.name));
    return ref;
  };

  /** getDeploymentsForReplicaSet: Deployments whose selector matches an orphan set. */
  const enqueueMatching = (rs: KubeObject) => {
    const ns = rs.metadata.namespace ?? '';
    for (const name of deploymentsByNamespace.get(ns) ?? []) {
      const d = ctx.store.get<Deployment>('Deployment', ns, name);
      const sel = d && fromLabelSelector(d.spec.selector);
      if (sel && sel.length && matchesSelector(rs.metadata.labels, sel)) queue.add(objectKey(ns, name));
    }
  };

  const handle = (event: WatchEvent) => {
    replicaSets.observe(event);
    pods.observe(event);
    const obj = event.object;
    switch (event.kind) {
      case 'Deployment': {
        const ns = obj.metadata.namespace ?? '';
        let names = deploymentsByNamespace.get(ns);
        if (!names) deploymentsByNamespace.set(ns, (names = new Set()));
        if (event.type === 'DELETED') names.delete(obj.metadata.name!);
        else {
          names.add(obj.metadata.name!);
          queue.add(objectKey(ns, obj.metadata.name!));
        }
        return;
      }
      case 'ReplicaSet': {
        const ref = enqueueOwner(obj);
        if (event.old && controllerOf(event.old)?.uid !== ref?.uid) enqueueOwner(event.old);
        if (!ref && event.type !== 'DELETED') enqueueMatching(obj);
        return;
      }
      case 'Pod': {
        // Recreate waits for the old pods to be gone (deletePod).
        if (event.type !== 'DELETED') return;
        const rsRef = controllerOf(obj);
        if (rsRef?.kind !== 'ReplicaSet') return;
        const rs = ctx.store.get<ReplicaSet>('ReplicaSet', obj.metadata.namespace, rsRef.name);
        const dRef = rs && controllerOf(rs);
        if (dRef?.kind !== 'Deployment') return;
        const d = ctx.store.get<Deployment>('Deployment', obj.metadata.namespace, dRef.name);
        if (d && strategyType(d) === 'Recreate') queue.add(objectKey(obj.metadata.namespace, dRef.name));
        return;
      }
    }
  };

  /** getReplicaSetsForDeployment: owned sets plus adopted orphans, minus released ones. */
  const claimReplicaSets = (d: Deployment): ReplicaSet[] => {
    const ns = d.metadata.namespace;
    const names = new Set([...replicaSets.controlledBy(d.metadata.uid), ...replicaSets.orphansIn(ns ?? '')]);
    const candidates: ReplicaSet[] = [];
    for (const name of names) {
      const rs = ctx.store.get<ReplicaSet>('ReplicaSet', ns, name);
      if (rs) candidates.push(rs);
    }
    const claim = claimObjects(d, fromLabelSelector(d.spec.selector), candidates);
    for (const rs of claim.release) release(ctx, d, rs);
    const adopted = new Set(claim.adopt);
    return claim.claimed.map((rs) => (adopted.has(rs) ? adopt(ctx, d, rs) : rs));
  };

  const sync = (key: string) => {
    const [ns, name] = splitKey(key);
    const d = ctx.store.get<Deployment>('Deployment', ns, name);
    if (!d) return;
    const sets = fromLabelSelector(d.spec.selector).length ? claimReplicaSets(d) : [];
    let podsBySet: Map<string, Pod[]> | undefined;
    if (strategyType(d) === 'Recreate') {
      podsBySet = new Map();
      for (const rs of sets) {
        const list = pods.controlledBy(rs.metadata.uid).map((n) => ctx.store.get<Pod>('Pod', ns, n)).filter((p): p is Pod => !!p);
        podsBySet.set(rs.metadata.uid!, list);
      }
    }
    const plan = planDeploymentSync({
      deployment: d,
      replicaSets: sets,
      lookupReplicaSet: (n) => ctx.store.get<ReplicaSet>('ReplicaSet', ns, n),
      podsBySet,
      nowMs: ctx.clock.now(),
      now: ctx.clock.timestamp(),
    });
    let status = plan.status;
    for (const change of plan.changes) {
      try {
        if (change.type === 'createReplicaSet') ctx.api.create(change.replicaSet);
        else if (change.type === 'updateReplicaSet') ctx.api.update(change.replicaSet);
        else if (change.type === 'deleteReplicaSet') ctx.api.delete('ReplicaSet', ns, change.name);
        else ctx.events.record(d, change.eventType, change.reason, change.message, COMPONENT);
      } catch (e) {
        if (change.type === 'deleteReplicaSet' && isStatusError(e) && e.code === 404) continue;
        if (change.type === 'createReplicaSet') {
          // getNewReplicaSet: ReplicaSetCreateError as an event and a Progressing=False condition.
          const msg = `Failed to create new replica set "${change.replicaSet.metadata.name}": ${errorMessage(e)}`;
          ctx.events.record(d, 'Warning', 'ReplicaSetCreateError', msg, COMPONENT);
          status = { ...status };
          setCondition(status, newCondition('Progressing', 'False', 'ReplicaSetCreateError', msg, ctx.clock.timestamp()));
        }
        // The rest of this sync depended on the failed write; the next event retries.
        break;
      }
    }
    const annotations = plan.annotations && Object.keys(plan.annotations).length ? plan.annotations : undefined;
    if (!jsonEqual(annotations, d.metadata.annotations) || !jsonEqual(status, d.status)) {
      ctx.api.systemUpdate<Deployment>('Deployment', ns, name, (o) => {
        if (annotations) o.metadata.annotations = annotations;
        else delete o.metadata.annotations;
        o.status = status as Record<string, unknown>;
      });
    }
    if (plan.requeue) queue.add(key);
    if (plan.recheckAt !== undefined) requeue.at(key, plan.recheckAt);
  };

  return { name: 'deployment', kinds: ['Deployment', 'ReplicaSet', 'Pod'], queue, handle, sync };
}
