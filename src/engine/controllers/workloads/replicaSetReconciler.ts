// The ReplicaSet controller's decisions, as pure functions.
// Source: pkg/controller/replicaset/replica_set.go (manageReplicas, calculateStatus)
// and replica_set_utils.go (updateReplicaSetStatus).

import type { Pod, ReplicaSet } from '../../core/types';
import { podsToDelete } from './podDeletionRank';
import { isPodAvailable, isPodReady } from './pods';
import { matchesMap } from '../../core/labels';

/** BurstReplicas: at most this many creations or deletions per sync. */
export const BURST_REPLICAS = 500;

export interface ReplicaSetPlan {
  /** Pods to create from the template. */
  create: number;
  /** Pods to delete, most expendable first. */
  delete: Pod[];
}

export function desiredReplicas(rs: ReplicaSet): number {
  return rs.spec.replicas ?? 1;
}

/**
 * manageReplicas: compares the active pods with spec.replicas. Deletions are
 * ranked against `relatedPods` (pods of sibling ReplicaSets too) by node.
 */
export function planReplicas(rs: ReplicaSet, activePods: readonly Pod[], relatedPods: readonly Pod[], nowMs: number): ReplicaSetPlan {
  const diff = activePods.length - desiredReplicas(rs);
  if (diff < 0) return { create: Math.min(-diff, BURST_REPLICAS), delete: [] };
  if (diff > 0) return { create: 0, delete: podsToDelete(activePods, relatedPods, Math.min(diff, BURST_REPLICAS), nowMs) };
  return { create: 0, delete: [] };
}

export type ReplicaSetStatus = NonNullable<ReplicaSet['status']> & { conditions?: ReplicaSetCondition[] };

export interface ReplicaSetCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

/**
 * calculateStatus + updateReplicaSetStatus. Zero counts are left out as the API
 * server's JSON (omitempty) leaves them out; `replicas` is always present.
 */
export function computeReplicaSetStatus(
  rs: ReplicaSet,
  activePods: readonly Pod[],
  nowMs: number,
  failure?: { reason: string; message: string; at: string },
): ReplicaSetStatus {
  const templateLabels = rs.spec.template.metadata?.labels ?? {};
  const minReadySeconds = rs.spec.minReadySeconds ?? 0;
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  for (const pod of activePods) {
    if (matchesMap(pod.metadata.labels, templateLabels)) fullyLabeled++;
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, minReadySeconds, nowMs)) available++;
    }
  }
  const status: ReplicaSetStatus = { replicas: activePods.length };
  if (fullyLabeled) status.fullyLabeledReplicas = fullyLabeled;
  if (ready) status.readyReplicas = ready;
  if (available) status.availableReplicas = available;
  if (rs.metadata.generation) status.observedGeneration = rs.metadata.generation;
  // ReplicaFailure: set when creating or deleting failed, cleared once a sync succeeds.
  const old = (rs.status as ReplicaSetStatus | undefined)?.conditions ?? [];
  const others = old.filter((c) => c.type !== 'ReplicaFailure');
  const existing = old.find((c) => c.type === 'ReplicaFailure');
  let conditions = others;
  if (failure) {
    conditions = existing
      ? old
      : [...others, { type: 'ReplicaFailure', status: 'True', lastTransitionTime: failure.at, reason: failure.reason, message: failure.message }];
  }
  if (conditions.length) status.conditions = conditions;
  return status;
}
