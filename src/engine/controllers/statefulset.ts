// The StatefulSet controller (kube-controller-manager's statefulset-controller):
// pods `<set>-<ordinal>` with stable hostname/subdomain, created in order (or in
// parallel), removed from the highest ordinal, updated through ControllerRevisions.
// Thin wiring around workloads/statefulSetReconciler.ts and controllerRevision.ts.
// Source: pkg/controller/statefulset/stateful_set.go, stateful_pod_control.go.

import { jsonEqual } from '../api/apiServer';
import type { EngineContext } from '../context';
import { isStatusError } from '../core/errors';
import { fromLabelSelector } from '../core/labels';
import { KeyQueue } from '../core/queue';
import { objectKey, type WatchEvent } from '../core/store';
import type { Pod, StatefulSet } from '../core/types';
import type { Controller } from './runtime';
import { adopt, claimCandidates, DelayedRequeue, errorMessage, FailureBackoff, release, splitKey } from './workloads/controllerTools';
import {
  type ControllerRevision, decideRevisions, equalRevision, newRevision, revisionsToTruncate, sortRevisions,
} from './workloads/controllerRevision';
import { ControllerIndex, claimObjects } from './workloads/ownership';
import { sameLabelOrder, SelectingOwners } from './workloads/selectingOwners';
import { availableAt, controllerOf } from './workloads/pods';
import { isMemberOf, planStatefulSet, podRevision } from './workloads/statefulSetReconciler';

const COMPONENT = { component: 'statefulset-controller' };

export function createStatefulSetController(ctx: EngineContext): Controller {
  const queue = new KeyQueue();
  const pods = new ControllerIndex('Pod');
  const revisions = new ControllerIndex('ControllerRevision');
  /** StatefulSets by namespace, to find the set that owns a pod or the sets an orphan may belong to. */
  const owners = new SelectingOwners(ctx, 'StatefulSet', queue);
  const requeue = new DelayedRequeue(ctx, queue, 'statefulset resync');
  const backoff = new FailureBackoff(requeue);
  const enqueueRef = (pod: Pod) => owners.enqueueOwner(pod);
  const enqueueMatching = (pod: Pod) => owners.enqueueMatching(pod);

  const handle = (event: WatchEvent) => {
    pods.observe(event);
    revisions.observe(event);
    if (event.kind === 'StatefulSet') {
      owners.observe(event);
      if (event.type !== 'DELETED') queue.add(objectKey(event.object.metadata.namespace, event.object.metadata.name!));
      return;
    }
    if (event.kind !== 'Pod') return;
    const pod = event.object as Pod;
    const ref = enqueueRef(pod);
    const old = event.old as Pod | undefined;
    if (old && controllerOf(old)?.uid !== ref?.uid) enqueueRef(old);
    if (!ref && event.type !== 'DELETED') {
      const labelsChanged = !old || !sameLabelOrder(old.metadata.labels, pod.metadata.labels);
      if (labelsChanged || (old && controllerOf(old))) enqueueMatching(pod);
    }
  };

  /** getPodsForStatefulSet: ClaimPods with the isMemberOf filter. */
  const claimPods = (set: StatefulSet): Pod[] => {
    const selector = fromLabelSelector(set.spec.selector);
    const candidates = claimCandidates(ctx, set, selector, pods);
    const members: Pod[] = [];
    for (const p of candidates.values()) {
      if (isMemberOf(set, p)) members.push(p);
      else if (controllerOf(p)?.uid === set.metadata.uid) release(ctx, set, p);
    }
    const claim = claimObjects(set, selector, members);
    for (const p of claim.release) release(ctx, set, p);
    const adopted = new Set(claim.adopt);
    return claim.claimed.map((p) => (adopted.has(p) ? adopt(ctx, set, p) : p));
  };

  /** CreateControllerRevision: on a name clash with a different revision, bump collisionCount and retry. */
  const createRevision = (set: StatefulSet, revision: ControllerRevision, collisionCount: number): [ControllerRevision, number] => {
    for (let count = collisionCount; ; count++) {
      const candidate = newRevision(set, revision.revision, count);
      try {
        return [ctx.api.create<ControllerRevision>(candidate), count];
      } catch (e) {
        if (!(isStatusError(e) && e.code === 409)) throw e;
        const existing = ctx.store.get<ControllerRevision>('ControllerRevision', set.metadata.namespace, candidate.metadata.name!);
        if (existing && equalRevision(existing, candidate)) return [existing, count];
      }
    }
  };

  const sync = (key: string) => {
    const [ns, name] = splitKey(key);
    const set = ctx.store.get<StatefulSet>('StatefulSet', ns, name);
    if (!set) {
      backoff.forget(key);
      return;
    }
    const owned = claimPods(set);
    const history = sortRevisions(
      revisions.controlledBy(set.metadata.uid)
        .map((n) => ctx.store.get<ControllerRevision>('ControllerRevision', ns, n))
        .filter((r): r is ControllerRevision => !!r),
    );
    const decision = decideRevisions(set, history);
    let collisionCount = ((set.status ?? {}) as { collisionCount?: number }).collisionCount ?? 0;
    let { update } = decision;
    if (decision.write === 'create') [update, collisionCount] = createRevision(set, update, collisionCount);
    else if (decision.write === 'renumber') update = ctx.api.update<ControllerRevision>(update);
    const current = decision.current.metadata.name === decision.update.metadata.name ? update : decision.current;

    const plan = planStatefulSet({ set, current, update, collisionCount, pods: owned, nowMs: ctx.clock.now() });
    // A failed write ends the sync with an error: the queue retries it (FailureBackoff).
    let failed = false;
    for (const action of plan.actions) {
      if (action.type === 'event') {
        ctx.events.record(set, action.eventType, action.reason, action.message, COMPONENT);
        continue;
      }
      const verb = action.type === 'createPod' ? 'create' : 'delete';
      const podName = action.type === 'createPod' ? action.pod.metadata.name : action.name;
      try {
        if (action.type === 'createPod') ctx.api.create(action.pod);
        else ctx.api.delete('Pod', ns, action.name);
        // recordPodEvent: "create Pod web-0 in StatefulSet web successful".
        ctx.events.record(set, 'Normal', verb === 'create' ? 'SuccessfulCreate' : 'SuccessfulDelete', `${verb} Pod ${podName} in StatefulSet ${name} successful`, COMPONENT);
      } catch (e) {
        if (verb === 'delete' && isStatusError(e) && e.code === 404) continue;
        ctx.events.record(set, 'Warning', verb === 'create' ? 'FailedCreate' : 'FailedDelete', `${verb} Pod ${podName} in StatefulSet ${name} failed error: ${errorMessage(e)}`, COMPONENT);
        failed = true;
        break;
      }
    }
    if (!jsonEqual(plan.status, set.status)) {
      ctx.api.updateStatus<StatefulSet>('StatefulSet', ns, name, (o) => {
        o.status = plan.status as unknown as Record<string, unknown>;
      });
    }
    // truncateHistory: keep revisionHistoryLimit revisions that no pod uses.
    const live = new Set<string>([current.metadata.name!, update.metadata.name!]);
    for (const p of owned) {
      const r = podRevision(p);
      if (r) live.add(r);
    }
    for (const r of revisionsToTruncate(set, history, live)) {
      try {
        ctx.api.delete('ControllerRevision', ns, r.metadata.name!);
      } catch (e) {
        if (!(isStatusError(e) && e.code === 404)) throw e;
      }
    }
    if (failed) backoff.failed(key, ctx.clock.now());
    else backoff.forget(key);
    const next = availableAt(owned, (set.spec as { minReadySeconds?: number }).minReadySeconds ?? 0, ctx.clock.now());
    if (next !== undefined) requeue.at(key, next);
  };

  return { name: 'statefulset', kinds: ['StatefulSet', 'Pod', 'ControllerRevision'], queue, handle, sync };
}
