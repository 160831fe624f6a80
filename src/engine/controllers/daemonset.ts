// The DaemonSet controller (kube-controller-manager's daemonset-controller): one pod per
// eligible node, pinned there by node affinity and placed by the scheduler, template history
// in ControllerRevisions, rolling updates, status. Thin wiring around
// workloads/daemonSetReconciler.ts and workloads/daemonSetHistory.ts.
// Sources: pkg/controller/daemon/daemon_controller.go (event handlers, syncDaemonSet,
// syncNodes), update.go (constructHistory, cleanupHistory), pkg/controller/controller_utils.go
// (RealPodControl: "Created pod: …", "Deleted pod: …", "Error creating: …").
// failedPodsBackoff: client-go util/flowcontrol/backoff.go, collected as its GC does.

import { jsonEqual } from '../api/apiServer';
import type { EngineContext } from '../context';
import { installedExtension } from '../extensionRegistry';
import { isStatusError } from '../core/errors';
import { fromLabelSelector } from '../core/labels';
import { KeyQueue } from '../core/queue';
import { objectKey, type WatchEvent } from '../core/store';
import type { DaemonSet, Node, Pod } from '../core/types';
import type { Controller } from './runtime';
import { adopt, claimCandidates, DelayedRequeue, errorMessage, FailureBackoff, release, splitKey } from './workloads/controllerTools';
import type { ControllerRevision } from './workloads/controllerRevision';
import { constructHistory, DAEMONSET_HASH_LABEL } from './workloads/daemonSetHistory';
import { backoffExpired, type BackoffEntry, planDaemonSet } from './workloads/daemonSetReconciler';
import { ControllerIndex, claimObjects } from './workloads/ownership';
import { sameLabelOrder, SelectingOwners } from './workloads/selectingOwners';
import { availableAt, controllerOf } from './workloads/pods';

const COMPONENT = { component: 'daemonset-controller' };

/** What a node change may alter for a DaemonSet: its labels, taints and schedulability (shouldIgnoreNodeUpdate). */
function nodeMattersChanged(a: Node | undefined, b: Node): boolean {
  return !a || !jsonEqual(a.metadata.labels, b.metadata.labels) || !jsonEqual(a.spec.taints, b.spec.taints) || a.spec.unschedulable !== b.spec.unschedulable;
}

export function createDaemonSetController(ctx: EngineContext): Controller {
  const queue = new KeyQueue();
  const pods = new ControllerIndex('Pod');
  const revisions = new ControllerIndex('ControllerRevision');
  /** DaemonSets by namespace: to queue every set on a node change, and an orphan pod's candidates in its namespace only. */
  const sets = new SelectingOwners(ctx, 'DaemonSet', queue);
  const requeue = new DelayedRequeue(ctx, queue, 'daemonset resync');
  const backoff = new FailureBackoff(requeue);
  /** failedPodsBackoff: per DaemonSet, generation and node, how long to wait before deleting another failed pod. */
  const failedPodsBackoff = new Map<string, BackoffEntry>();

  const handle = (event: WatchEvent) => {
    pods.observe(event);
    revisions.observe(event);
    if (event.kind === 'DaemonSet') {
      sets.observe(event);
      if (event.type !== 'DELETED') queue.add(objectKey(event.object.metadata.namespace, event.object.metadata.name!));
      return;
    }
    if (event.kind === 'Node') {
      if (event.type === 'MODIFIED' && !nodeMattersChanged(event.old as Node | undefined, event.object as Node)) return;
      sets.enqueueAll();
      return;
    }
    if (event.kind !== 'Pod') return;
    const pod = event.object as Pod;
    const ref = sets.enqueueOwner(pod);
    const old = event.old as Pod | undefined;
    const oldRef = old && controllerOf(old);
    if (oldRef?.kind === 'DaemonSet' && oldRef.uid !== ref?.uid) queue.add(objectKey(pod.metadata.namespace, oldRef.name));
    // An orphan may be adopted when it appears, when its labels change or when it is released.
    if (!ref && event.type !== 'DELETED' && (!old || !sameLabelOrder(old.metadata.labels, pod.metadata.labels) || oldRef)) sets.enqueueMatching(pod);
  };

  /** getDaemonPods: ClaimPods over the selected pods and the ones this set controls. */
  const claimPods = (ds: DaemonSet): Pod[] => {
    const selector = fromLabelSelector(ds.spec.selector);
    const candidates = claimCandidates(ctx, ds, selector, pods);
    const claim = claimObjects(ds, selector, candidates.values());
    for (const p of claim.release) release(ctx, ds, p);
    const adopted = new Set(claim.adopt);
    return claim.claimed.map((p) => (adopted.has(p) ? adopt(ctx, ds, p) : p));
  };

  /** constructHistory's writes: a new revision (bumping collisionCount on a name clash) or a re-numbered one. */
  const currentRevision = (ds: DaemonSet, history: ControllerRevision[]): [DaemonSet, ControllerRevision, ControllerRevision[]] => {
    for (;;) {
      const h = constructHistory(ds, history);
      if (h.write === 'none') return [ds, h.current, h.old];
      if (h.write === 'renumber') return [ds, ctx.api.update<ControllerRevision>(h.current), h.old];
      try {
        return [ds, ctx.api.create<ControllerRevision>(h.current), h.old];
      } catch (e) {
        if (!(isStatusError(e) && e.code === 409)) throw e;
        const count = (ds.status?.collisionCount ?? 0) + 1;
        ds = ctx.api.updateStatus<DaemonSet>('DaemonSet', ds.metadata.namespace, ds.metadata.name!, (o) => {
          o.status = { ...o.status!, collisionCount: count };
        });
      }
    }
  };

  const sync = (key: string) => {
    const [ns, name] = splitKey(key);
    let ds = ctx.store.get<DaemonSet>('DaemonSet', ns, name);
    if (!ds || ds.metadata.deletionTimestamp) {
      backoff.forget(key);
      return;
    }
    const history = revisions.controlledBy(ds.metadata.uid)
      .map((n) => ctx.store.get<ControllerRevision>('ControllerRevision', ns, n))
      .filter((r): r is ControllerRevision => !!r);
    const [latest, current, old] = currentRevision(ds, history);
    ds = latest;
    const owned = claimPods(ds);
    const hash = current.metadata.labels?.[DAEMONSET_HASH_LABEL] ?? '';
    const rollingUpdate = installedExtension()?.planDaemonSetRollingUpdate;
    const now = ctx.clock.now();
    // Backoff.GC (upstream every minute): entries past twice the maximum behave as absent anyway.
    for (const [k, entry] of failedPodsBackoff) if (backoffExpired(entry, now)) failedPodsBackoff.delete(k);
    const plan = planDaemonSet({ ds, nodes: ctx.store.list<Node>('Node'), pods: owned, hash, nowMs: now, rollingUpdate, failedPodsBackoff });
    let failed = false;
    for (const action of plan.actions) {
      if (action.type === 'event') {
        ctx.events.record(ds, action.eventType, action.reason, action.message, COMPONENT);
        continue;
      }
      if (action.type === 'failedPodsBackoff') {
        failedPodsBackoff.set(action.key, action.entry);
        continue;
      }
      if (action.type === 'requeueAfter') {
        requeue.at(key, now + action.delayMs);
        continue;
      }
      try {
        if (action.type === 'createPod') {
          const pod = ctx.api.create<Pod>(action.pod);
          ctx.events.record(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, COMPONENT);
        } else {
          ctx.api.delete('Pod', ns, action.name);
          ctx.events.record(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${action.name}`, COMPONENT);
        }
      } catch (e) {
        if (action.type === 'deletePod' && isStatusError(e) && e.code === 404) continue;
        const verb = action.type === 'createPod' ? 'creating' : 'deleting';
        ctx.events.record(ds, 'Warning', action.type === 'createPod' ? 'FailedCreate' : 'FailedDelete', `Error ${verb}: ${errorMessage(e)}`, COMPONENT);
        failed = true;
        // Slow start: the first failed batch stops the rest (syncNodes).
        break;
      }
    }
    // Without the extension (the first picture) no template has changed: one revision, nothing to clean.
    for (const r of installedExtension()?.daemonSetHistoryToClean(ds, old, owned) ?? []) {
      try {
        ctx.api.delete('ControllerRevision', ns, r.metadata.name!);
      } catch (e) {
        if (!(isStatusError(e) && e.code === 404)) throw e;
      }
    }
    if (!jsonEqual(plan.status, ds.status)) {
      ctx.api.updateStatus<DaemonSet>('DaemonSet', ns, name, (o) => {
        o.status = plan.status;
      });
    }
    if (failed) backoff.failed(key, ctx.clock.now());
    else backoff.forget(key);
    const next = availableAt(owned, ds.spec.minReadySeconds ?? 0, ctx.clock.now());
    if (next !== undefined) requeue.at(key, next);
  };

  return { name: 'daemonset', kinds: ['DaemonSet', 'Pod', 'Node', 'ControllerRevision'], queue, handle, sync };
}
