// One sync of the Deployment controller as a pure function: the Deployment and
// its ReplicaSets in, the writes to make (ReplicaSets to create, scale, delete,
// events, the Deployment's new annotations and status) out.
// Sources: pkg/controller/deployment/{deployment_controller.go (syncDeployment),
// sync.go, rolling.go, recreate.go} in v1.32.

import { fromLabelSelector } from '../../core/labels';
import type { Deployment, Pod, ReplicaSet } from '../../core/types';
import {
  activeSets, byCreation, findNewReplicaSet, isRollingUpdate, isSaturated, maxRevision, maxSurge, maxUnavailable, newRSNewReplicas,
  POD_TEMPLATE_HASH_LABEL, replicaSetProportion, replicasAnnotationsNeedUpdate, replicasOf, REVISION_ANNOTATION, revisionHistoryLimit,
  revisionOf, rsReplicas, setNewReplicaSetAnnotations, setReplicasAnnotations, specReplicaCount, strategyType, availableReplicaCount,
  desiredReplicasAnnotation, equalIgnoreHash,
} from './deploymentUtil';
import {
  calculateStatus, deploymentComplete, type DeploymentStatus, getCondition, hasProgressDeadline, newCondition, rolloutStatus,
  setCondition, statusOf,
} from './deploymentStatus';
import { computePodTemplateHash } from './hash';
import { controllerOf, controllerRef, copyJson } from './pods';

export type DeploymentChange =
  | { type: 'createReplicaSet'; replicaSet: ReplicaSet }
  | { type: 'updateReplicaSet'; replicaSet: ReplicaSet }
  | { type: 'deleteReplicaSet'; name: string }
  | { type: 'event'; eventType: 'Normal' | 'Warning'; reason: string; message: string };

export interface DeploymentSyncInput {
  deployment: Deployment;
  /** The sets this Deployment controls (after adoption). */
  replicaSets: readonly ReplicaSet[];
  /** Any ReplicaSet in the namespace by name (to detect a pod-template-hash collision). */
  lookupReplicaSet: (name: string) => ReplicaSet | undefined;
  /** Pods by ReplicaSet uid, any state (Recreate waits until old pods are gone). */
  podsBySet?: ReadonlyMap<string, readonly Pod[]>;
  nowMs: number;
  /** The same instant as an RFC 3339 timestamp. */
  now: string;
}

export interface DeploymentSyncPlan {
  changes: DeploymentChange[];
  /** The Deployment's annotations after the sync (the revision annotation). */
  annotations: Record<string, string> | undefined;
  status: DeploymentStatus;
  /** Sync again at this time (progress deadline checks). */
  recheckAt?: number;
  /** Sync again at once (after a hash collision bumped collisionCount). */
  requeue?: boolean;
}

class Sync {
  readonly changes: DeploymentChange[] = [];
  readonly d: Deployment;
  status: DeploymentStatus;
  recheckAt?: number;
  requeue = false;
  private foundNew: ReplicaSet | undefined | null = null;

  constructor(readonly input: DeploymentSyncInput) {
    const d = input.deployment;
    // Shallow: conditions arrays are replaced, never mutated, by the helpers below.
    this.status = { ...statusOf(d) };
    // A private Deployment whose annotations and status this sync may change.
    this.d = { ...d, metadata: { ...d.metadata, annotations: d.metadata.annotations ? { ...d.metadata.annotations } : undefined } };
    this.d.status = this.status as Record<string, unknown>;
  }

  /** FindNewReplicaSet over the input sets (computed once per sync). */
  existingNew(): ReplicaSet | undefined {
    if (this.foundNew === null) this.foundNew = findNewReplicaSet(this.d, this.input.replicaSets);
    return this.foundNew;
  }

  event(reason: string, message: string, eventType: 'Normal' | 'Warning' = 'Normal'): void {
    this.changes.push({ type: 'event', eventType, reason, message });
  }

  /** scaleReplicaSet: new size and the desired/max annotations, with the ScalingReplicaSet event. */
  scale(rs: ReplicaSet, newScale: number, operation?: 'up' | 'down'): ReplicaSet {
    const d = this.d;
    const oldScale = rsReplicas(rs);
    const sizeChanged = oldScale !== newScale;
    const desired = replicasOf(d);
    const max = desired + maxSurge(d);
    if (!sizeChanged && !replicasAnnotationsNeedUpdate(rs, desired, max)) return rs;
    const copy: ReplicaSet = { ...rs, metadata: { ...rs.metadata, annotations: { ...rs.metadata.annotations } }, spec: { ...rs.spec, replicas: newScale } };
    setReplicasAnnotations(copy, desired, max);
    this.changes.push({ type: 'updateReplicaSet', replicaSet: copy });
    if (sizeChanged) {
      const op = operation ?? (oldScale < newScale ? 'up' : 'down');
      this.event('ScalingReplicaSet', `Scaled ${op} replica set ${rs.metadata.name} from ${oldScale} to ${newScale}`);
    }
    return copy;
  }

  setRevision(revision: string): void {
    const a = (this.d.metadata.annotations ??= {});
    a[REVISION_ANNOTATION] = revision;
  }

  /** getNewReplicaSet: finds (and updates) or creates the set for the current template. */
  newReplicaSet(oldRSs: ReplicaSet[], create: boolean): ReplicaSet | undefined {
    const { d, input } = this;
    const existing = this.existingNew();
    const newRevision = maxRevision(oldRSs) + 1;
    if (existing) {
      const copy: ReplicaSet = { ...existing, metadata: { ...existing.metadata, annotations: { ...existing.metadata.annotations } }, spec: { ...existing.spec } };
      const annotationsUpdated = setNewReplicaSetAnnotations(d, copy, newRevision, true);
      const minReady = d.spec.minReadySeconds ?? 0;
      if (annotationsUpdated || (copy.spec.minReadySeconds ?? 0) !== minReady) {
        if (minReady) copy.spec.minReadySeconds = minReady;
        else delete copy.spec.minReadySeconds;
        this.changes.push({ type: 'updateReplicaSet', replicaSet: copy });
        return copy;
      }
      this.setRevision(copy.metadata.annotations![REVISION_ANNOTATION] ?? '');
      if (hasProgressDeadline(d) && !getCondition(this.status, 'Progressing')) {
        setCondition(this.status, newCondition('Progressing', 'True', 'FoundNewReplicaSet', `Found new replica set "${copy.metadata.name}"`, input.now));
      }
      return copy;
    }
    if (!create) return undefined;

    const hash = computePodTemplateHash(d.spec.template, this.status.collisionCount);
    const template = copyJson(d.spec.template);
    template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, [POD_TEMPLATE_HASH_LABEL]: hash } };
    const selector = copyJson(d.spec.selector);
    selector.matchLabels = { ...selector.matchLabels, [POD_TEMPLATE_HASH_LABEL]: hash };
    const name = `${d.metadata.name}-${hash}`;
    const rs: ReplicaSet = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name, namespace: d.metadata.namespace, labels: { ...template.metadata.labels }, ownerReferences: [controllerRef(d)] },
      spec: { replicas: 0, ...(d.spec.minReadySeconds ? { minReadySeconds: d.spec.minReadySeconds } : {}), selector, template },
    };
    rs.spec.replicas = newRSNewReplicas(d, [...oldRSs, rs], rs);
    setNewReplicaSetAnnotations(d, rs, newRevision, false);

    const clash = input.lookupReplicaSet(name);
    if (clash) {
      const ref = controllerOf(clash);
      if (!(ref?.uid === d.metadata.uid && equalIgnoreHash(d.spec.template, clash.spec.template))) {
        // A different set holds the name: bump collisionCount and try another hash next sync.
        this.status.collisionCount = (this.status.collisionCount ?? 0) + 1;
        this.requeue = true;
        return undefined;
      }
      return clash;
    }
    this.changes.push({ type: 'createReplicaSet', replicaSet: rs });
    if (rs.spec.replicas! > 0) this.event('ScalingReplicaSet', `Scaled up replica set ${name} from 0 to ${rs.spec.replicas}`);
    this.setRevision(String(newRevision));
    if (hasProgressDeadline(d)) {
      setCondition(this.status, newCondition('Progressing', 'True', 'NewReplicaSetCreated', `Created new replica set "${name}"`, input.now));
    }
    return rs;
  }

  allSets(create: boolean): { newRS: ReplicaSet | undefined; oldRSs: ReplicaSet[] } {
    const existingNew = this.existingNew();
    const oldRSs = this.input.replicaSets.filter((rs) => rs !== existingNew);
    return { newRS: this.newReplicaSet(oldRSs, create), oldRSs };
  }

  finishRollout(allRSs: (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined): void {
    const r = rolloutStatus(allRSs, newRS, this.d, this.input.nowMs, this.input.now);
    this.status = r.status;
    this.recheckAt = r.recheckAt;
  }

  finishScaling(allRSs: (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined): void {
    this.status = calculateStatus(allRSs, newRS, this.d, this.input.now);
  }

  /** cleanupDeployment: deletes the oldest scaled-down sets beyond revisionHistoryLimit. */
  cleanup(oldRSs: ReplicaSet[]): void {
    const alive = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
    const diff = alive.length - revisionHistoryLimit(this.d);
    if (diff <= 0) return;
    alive.sort((a, b) => {
      const ra = revisionOf(a);
      const rb = revisionOf(b);
      return Number.isNaN(ra) || Number.isNaN(rb) || ra === rb ? byCreation(a, b) : ra - rb;
    });
    for (const rs of alive.slice(0, diff)) {
      if ((rs.status?.replicas ?? 0) !== 0 || rsReplicas(rs) !== 0 || (rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) continue;
      this.changes.push({ type: 'deleteReplicaSet', name: rs.metadata.name! });
    }
  }

  /** scale: resizes sets when spec.replicas changed, proportionally during a rollout. */
  scaleSets(newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): void {
    const d = this.d;
    const desired = replicasOf(d);
    const single = activeOrLatest(newRS, oldRSs);
    if (single) {
      if (rsReplicas(single) !== desired) this.scale(single, desired);
      return;
    }
    if (isSaturated(d, newRS)) {
      for (const old of activeSets(oldRSs)) this.scale(old, 0);
      return;
    }
    if (!isRollingUpdate(d)) return;
    const all = activeSets([...oldRSs, newRS]);
    const allowed = desired > 0 ? desired + maxSurge(d) : 0;
    const toAdd = allowed - specReplicaCount(all);
    let op: 'up' | 'down' | undefined;
    if (toAdd > 0) {
      all.sort((a, b) => (rsReplicas(a) === rsReplicas(b) ? byCreation(b, a) : rsReplicas(b) - rsReplicas(a)));
      op = 'up';
    } else if (toAdd < 0) {
      all.sort((a, b) => (rsReplicas(a) === rsReplicas(b) ? byCreation(a, b) : rsReplicas(b) - rsReplicas(a)));
      op = 'down';
    }
    let added = 0;
    const sizes = all.map((rs) => {
      if (toAdd === 0) return rsReplicas(rs);
      const p = replicaSetProportion(rs, d, toAdd, added, statusOf(this.input.deployment).replicas ?? 0);
      added += p;
      return rsReplicas(rs) + p;
    });
    if (toAdd !== 0 && all.length) sizes[0] = Math.max(sizes[0] + toAdd - added, 0);
    all.forEach((rs, i) => this.scale(rs, sizes[i], op));
  }
}

/** FindActiveOrLatest: the one active set, or the newest when none is active; undefined when several are. */
function activeOrLatest(newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): ReplicaSet | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const newestFirst = [...oldRSs].sort((a, b) => byCreation(b, a));
  const active = activeSets([...newestFirst, newRS]);
  if (active.length === 0) return newRS ?? newestFirst[0];
  return active.length === 1 ? active[0] : undefined;
}

function rolloutRolling(s: Sync): void {
  const { newRS: created, oldRSs } = s.allSets(true);
  // Status is computed from the sets as they were before this sync scaled them, as upstream does;
  // the ReplicaSet updates bring the Deployment back for the next step.
  const initial = [...oldRSs, created];
  if (!created) return s.finishRollout(initial, undefined);
  const newRS = created;
  const d = s.d;
  const desired = replicasOf(d);
  // reconcileNewReplicaSet: scale up within maxSurge (or down to spec.replicas).
  if (rsReplicas(newRS) !== desired) {
    const target = rsReplicas(newRS) > desired ? desired : newRSNewReplicas(d, initial, newRS);
    if (target !== rsReplicas(newRS)) {
      s.scale(newRS, target);
      return s.finishRollout(initial, created);
    }
  }
  // reconcileOldReplicaSets: scale down within maxUnavailable, unhealthy pods first.
  const old = activeSets(oldRSs).sort(byCreation);
  if (specReplicaCount(old) > 0) {
    const minAvailable = desired - maxUnavailable(d);
    const newUnavailable = rsReplicas(newRS) - (newRS.status?.availableReplicas ?? 0);
    const maxScaledDown = specReplicaCount(initial) - minAvailable - newUnavailable;
    if (maxScaledDown > 0) {
      let scaledDown = 0;
      // cleanupUnhealthyReplicas
      for (let i = 0; i < old.length && scaledDown < maxScaledDown; i++) {
        const rs = old[i];
        const unhealthy = rsReplicas(rs) - (rs.status?.availableReplicas ?? 0);
        if (rsReplicas(rs) === 0 || unhealthy === 0) continue;
        const count = Math.min(maxScaledDown - scaledDown, unhealthy);
        old[i] = s.scale(rs, rsReplicas(rs) - count);
        scaledDown += count;
      }
      // scaleDownOldReplicaSetsForRollingUpdate
      const available = availableReplicaCount([...old, newRS]);
      if (available > minAvailable) {
        const total = available - minAvailable;
        let done = 0;
        for (let i = 0; i < old.length && done < total; i++) {
          const rs = old[i];
          if (rsReplicas(rs) === 0) continue;
          const count = Math.min(rsReplicas(rs), total - done);
          old[i] = s.scale(rs, rsReplicas(rs) - count);
          done += count;
        }
        scaledDown += done;
      }
      if (scaledDown > 0) return s.finishRollout(initial, created);
    }
  }
  if (deploymentComplete(d, s.status)) s.cleanup(oldRSs);
  s.finishRollout(initial, created);
}

function rolloutRecreate(s: Sync): void {
  let { newRS, oldRSs } = s.allSets(false);
  // As in rolling: status is computed from the sets as read before this sync scaled them.
  let initial = [...oldRSs, newRS];
  let scaledDown = false;
  for (const rs of activeSets(oldRSs)) {
    s.scale(rs, 0);
    scaledDown = true;
  }
  if (scaledDown || oldPodsRunning(newRS, oldRSs, s.input.podsBySet)) return s.finishRollout(initial, newRS);
  if (!newRS) {
    ({ newRS, oldRSs } = s.allSets(true));
    initial = [...oldRSs, newRS];
  }
  if (newRS) s.scale(newRS, replicasOf(s.d));
  if (deploymentComplete(s.d, s.status)) s.cleanup(oldRSs);
  s.finishRollout(initial, newRS);
}

function oldPodsRunning(newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[], podsBySet: ReadonlyMap<string, readonly Pod[]> | undefined): boolean {
  if (oldRSs.some((rs) => (rs.status?.replicas ?? 0) > 0)) return true;
  for (const [uid, pods] of podsBySet ?? []) {
    if (newRS && newRS.metadata.uid === uid) continue;
    if (pods.some((p) => p.status?.phase !== 'Failed' && p.status?.phase !== 'Succeeded')) return true;
  }
  return false;
}

/** sync: the scaling path (spec.replicas changed, or the Deployment is paused). */
function syncScaling(s: Sync): void {
  const { newRS, oldRSs } = s.allSets(false);
  s.scaleSets(newRS, oldRSs);
  if (s.d.spec.paused) s.cleanup(oldRSs);
  // Status is calculated from the sets as read at the start of the sync, as upstream does.
  s.finishScaling([...oldRSs, newRS], newRS);
}

/** isScalingEvent: an active set's desired-replicas annotation differs from spec.replicas. */
function isScalingEvent(s: Sync): boolean {
  const newRS = s.existingNew();
  for (const rs of activeSets(newRS ? [...s.input.replicaSets.filter((r) => r !== newRS), newRS] : [...s.input.replicaSets])) {
    const desired = desiredReplicasAnnotation(rs);
    if (desired !== undefined && desired !== replicasOf(s.d)) return true;
  }
  return false;
}

/** checkPausedConditions: Progressing Unknown while paused, "resumed" after. */
function checkPaused(s: Sync): void {
  if (!hasProgressDeadline(s.d)) return;
  const c = getCondition(s.status, 'Progressing');
  if (c?.reason === 'ProgressDeadlineExceeded') return;
  const pausedCond = c?.reason === 'DeploymentPaused';
  if (s.d.spec.paused && !pausedCond) {
    setCondition(s.status, newCondition('Progressing', 'Unknown', 'DeploymentPaused', 'Deployment is paused', s.input.now));
  } else if (!s.d.spec.paused && pausedCond) {
    setCondition(s.status, newCondition('Progressing', 'Unknown', 'DeploymentResumed', 'Deployment is resumed', s.input.now));
  }
}

/** syncDeployment for one Deployment. */
export function planDeploymentSync(input: DeploymentSyncInput): DeploymentSyncPlan {
  const s = new Sync(input);
  const d = s.d;
  if (fromLabelSelector(d.spec.selector).length === 0) {
    s.event('SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.', 'Warning');
    if ((s.status.observedGeneration ?? 0) < (d.metadata.generation ?? 0)) s.status.observedGeneration = d.metadata.generation;
  } else if (d.metadata.deletionTimestamp) {
    const { newRS, oldRSs } = s.allSets(false);
    s.finishScaling([...oldRSs, newRS], newRS);
  } else {
    checkPaused(s);
    // The Progressing condition read by syncRolloutStatus is the one checkPaused may just have set.
    s.d.status = s.status as Record<string, unknown>;
    if (d.spec.paused || isScalingEvent(s)) syncScaling(s);
    else if (strategyType(d) === 'Recreate') rolloutRecreate(s);
    else rolloutRolling(s);
  }
  return { changes: s.changes, annotations: d.metadata.annotations, status: s.status, recheckAt: s.recheckAt, requeue: s.requeue || undefined };
}
