// The ReplicaSet controller (kube-controller-manager's replicaset-controller):
// keeps spec.replicas active pods, adopting matching orphans, and reports status.
// Thin wiring around workloads/replicaSetReconciler.ts.
// Source: pkg/controller/replicaset/replica_set.go.

import { jsonEqual } from '../api/apiServer';
import type { EngineContext } from '../context';
import { fromLabelSelector } from '../core/labels';
import { KeyQueue } from '../core/queue';
import { objectKey, type WatchEvent } from '../core/store';
import type { Pod, ReplicaSet } from '../core/types';
import type { Controller } from './runtime';
import { adopt, DelayedRequeue, FailureBackoff, errorMessage, release, specOrLifecycleChanged, splitKey } from './workloads/controllerTools';
import { ControllerIndex, claimObjects } from './workloads/ownership';
import { SelectingOwners } from './workloads/selectingOwners';
import { availableAt, controllerOf, isPodActive, podFromTemplate } from './workloads/pods';
import { computeReplicaSetStatus, desiredReplicas, planReplicas } from './workloads/replicaSetReconciler';

const COMPONENT = { component: 'replicaset-controller' };

function sameLabels(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  if (a === b) return true;
  const ka = Object.keys(a ?? {});
  if (ka.length !== Object.keys(b ?? {}).length) return false;
  return ka.every((k) => a![k] === b?.[k]);
}

export function createReplicaSetController(ctx: EngineContext): Controller {
  const queue = new KeyQueue();
  const pods = new ControllerIndex('Pod');
  const replicaSets = new ControllerIndex('ReplicaSet');
  /** ReplicaSets by namespace, to find the set that owns a pod or the sets an orphan may belong to. */
  const owners = new SelectingOwners(ctx, 'ReplicaSet', queue);
  const requeue = new DelayedRequeue(ctx, queue, 'replicaset resync');
  const backoff = new FailureBackoff(requeue);
  const enqueueRef = (pod: Pod) => owners.enqueueOwner(pod);
  const enqueueMatchingSets = (pod: Pod) => owners.enqueueMatching(pod);

  const handle = (event: WatchEvent) => {
    pods.observe(event);
    replicaSets.observe(event);
    if (event.kind === 'ReplicaSet') {
      owners.observe(event);
      // The set's own status writes echo back here; they need no sync (nothing in the status feeds manageReplicas).
      if (event.type !== 'DELETED' && specOrLifecycleChanged(event)) queue.add(objectKey(event.object.metadata.namespace, event.object.metadata.name!));
      return;
    }
    if (event.kind !== 'Pod') return;
    const pod = event.object as Pod;
    const old = event.old as Pod | undefined;
    const ref = enqueueRef(pod);
    if (event.type !== 'MODIFIED' || !old) {
      if (!ref && event.type === 'ADDED') enqueueMatchingSets(pod);
      return;
    }
    const oldRef = controllerOf(old);
    const refChanged = oldRef?.uid !== ref?.uid;
    if (refChanged && oldRef) enqueueRef(old);
    const labelsChanged = !sameLabels(old.metadata.labels, pod.metadata.labels);
    if (!ref && (labelsChanged || refChanged)) enqueueMatchingSets(pod);
    // A pod whose labels changed may now match a different set's selector (adoption elsewhere, or release).
    if (ref && labelsChanged) enqueueMatchingSets(pod);
  };

  /** Pods of this set's siblings (sets with the same controller), for the deletion ranking. */
  const relatedPods = (rs: ReplicaSet, own: readonly Pod[]): Pod[] => {
    const ref = controllerOf(rs);
    if (!ref) return [...own];
    const ns = rs.metadata.namespace;
    const out: Pod[] = [];
    for (const setName of replicaSets.controlledBy(ref.uid)) {
      const sibling = ctx.store.get<ReplicaSet>('ReplicaSet', ns, setName);
      for (const podName of pods.controlledBy(sibling?.metadata.uid)) {
        const p = ctx.store.get<Pod>('Pod', ns, podName);
        if (p) out.push(p);
      }
    }
    return out;
  };

  const sync = (key: string) => {
    const [ns, name] = splitKey(key);
    const rs = ctx.store.get<ReplicaSet>('ReplicaSet', ns, name);
    if (!rs) {
      backoff.forget(key);
      return;
    }
    const selector = fromLabelSelector(rs.spec.selector);
    // Candidates: pods the selector matches plus pods this set controls (which may no longer match).
    const candidates = new Map<string, Pod>();
    if (selector.length) for (const p of ctx.store.podIndex.match(ns, selector)) if (isPodActive(p)) candidates.set(p.metadata.name!, p);
    for (const podName of pods.controlledBy(rs.metadata.uid)) {
      const p = ctx.store.get<Pod>('Pod', ns, podName);
      if (p && isPodActive(p) && !candidates.has(podName)) candidates.set(podName, p);
    }
    const claim = claimObjects(rs, selector, candidates.values());
    for (const p of claim.release) release(ctx, rs, p);
    const adopted = new Set(claim.adopt.map((p) => p.metadata.name));
    const active = claim.claimed.map((p) => (adopted.has(p.metadata.name) ? adopt(ctx, rs, p) : p));

    const now = ctx.clock.now();
    let failure: { reason: string; message: string; at: string } | undefined;
    if (!rs.metadata.deletionTimestamp) {
      const surplus = active.length > desiredReplicas(rs);
      const plan = planReplicas(rs, active, surplus ? relatedPods(rs, active) : [], now);
      for (let i = 0; i < plan.create; i++) {
        try {
          const created = ctx.api.create<Pod>(podFromTemplate(rs.spec.template, rs));
          ctx.events.record(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`, COMPONENT);
        } catch (e) {
          // slowStartBatch stops at the first failure; the rest is retried on the next sync.
          ctx.events.record(rs, 'Warning', 'FailedCreate', `Error creating: ${errorMessage(e)}`, COMPONENT);
          failure = { reason: 'FailedCreate', message: errorMessage(e), at: ctx.clock.timestamp() };
          break;
        }
      }
      for (const pod of plan.delete) {
        try {
          ctx.api.delete('Pod', ns, pod.metadata.name!);
          ctx.events.record(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, COMPONENT);
        } catch (e) {
          ctx.events.record(rs, 'Warning', 'FailedDelete', `Error deleting: ${errorMessage(e)}`, COMPONENT);
          failure = { reason: 'FailedDelete', message: errorMessage(e), at: ctx.clock.timestamp() };
        }
      }
    }
    // Status is computed from the pods seen at the start of the sync, as upstream does;
    // the watch events of the pods created or deleted above bring the set back here.
    const status = computeReplicaSetStatus(rs, active, now, failure);
    // Skipping an unchanged status avoids copying the whole object (updateStatus would no-op anyway).
    if (!jsonEqual(status, rs.status)) {
      ctx.api.updateStatus<ReplicaSet>('ReplicaSet', ns, name, (o) => {
        o.status = status;
      });
    }
    const next = availableAt(active, rs.spec.minReadySeconds ?? 0, now);
    if (failure) backoff.failed(key, now);
    else backoff.forget(key);
    if (next !== undefined) requeue.at(key, next);
  };

  return { name: 'replicaset', kinds: ['ReplicaSet', 'Pod'], queue, handle, sync };
}
