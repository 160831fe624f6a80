// Deployment status and its Available/Progressing conditions, as pure functions.
// Sources: pkg/controller/deployment/sync.go (calculateStatus), progress.go
// (syncRolloutStatus, requeueStuckDeployment), util/deployment_util.go
// (SetDeploymentCondition, DeploymentComplete, DeploymentProgressing, DeploymentTimedOut).

import { parseTimestamp } from '../../core/clock';
import type { Deployment, ReplicaSet } from '../../core/types';
import {
  actualReplicaCount, availableReplicaCount, maxUnavailable, progressDeadlineSeconds, readyReplicaCount, replicasOf, specReplicaCount,
} from './deploymentUtil';

export interface DeploymentCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  lastUpdateTime: string;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

export interface DeploymentStatus {
  observedGeneration?: number;
  replicas?: number;
  updatedReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  unavailableReplicas?: number;
  conditions?: DeploymentCondition[];
  collisionCount?: number;
}

export const statusOf = (d: Deployment): DeploymentStatus => (d.status ?? {}) as DeploymentStatus;

export function getCondition(status: DeploymentStatus, type: string): DeploymentCondition | undefined {
  return status.conditions?.find((c) => c.type === type);
}

export function newCondition(type: string, status: DeploymentCondition['status'], reason: string, message: string, now: string): DeploymentCondition {
  return { type, status, lastUpdateTime: now, lastTransitionTime: now, reason, message };
}

/** SetDeploymentCondition: same status and reason is a no-op; same status keeps lastTransitionTime. */
export function setCondition(status: DeploymentStatus, condition: DeploymentCondition): void {
  const current = getCondition(status, condition.type);
  if (current && current.status === condition.status && current.reason === condition.reason) return;
  const next = current && current.status === condition.status ? { ...condition, lastTransitionTime: current.lastTransitionTime } : condition;
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== condition.type), next];
}

export function removeCondition(status: DeploymentStatus, type: string): void {
  const rest = (status.conditions ?? []).filter((c) => c.type !== type);
  if (rest.length) status.conditions = rest;
  else delete status.conditions;
}

const omitZero = (n: number): number | undefined => (n ? n : undefined);

/** calculateStatus: counts over all sets; the Available condition from minimum availability. */
export function calculateStatus(allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined, d: Deployment, now: string): DeploymentStatus {
  const available = availableReplicaCount(allRSs);
  const unavailable = Math.max(specReplicaCount(allRSs) - available, 0);
  const old = statusOf(d);
  const status: DeploymentStatus = {
    observedGeneration: omitZero(d.metadata.generation ?? 0),
    replicas: omitZero(actualReplicaCount(allRSs)),
    updatedReplicas: omitZero(actualReplicaCount([newRS])),
    readyReplicas: omitZero(readyReplicaCount(allRSs)),
    availableReplicas: omitZero(available),
    unavailableReplicas: omitZero(unavailable),
    conditions: old.conditions ? [...old.conditions] : undefined,
    collisionCount: old.collisionCount,
  };
  if (available >= replicasOf(d) - maxUnavailable(d)) {
    setCondition(status, newCondition('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.', now));
  } else {
    setCondition(status, newCondition('Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.', now));
  }
  return dropUndefined(status);
}

function dropUndefined(status: DeploymentStatus): DeploymentStatus {
  for (const k of Object.keys(status) as (keyof DeploymentStatus)[]) if (status[k] === undefined) delete status[k];
  return status;
}

export function hasProgressDeadline(d: Deployment): boolean {
  const s = progressDeadlineSeconds(d);
  return s !== undefined && s !== 2147483647;
}

/** DeploymentComplete: every replica updated and available, and the latest spec observed. */
export function deploymentComplete(d: Deployment, s: DeploymentStatus): boolean {
  const r = replicasOf(d);
  return (s.updatedReplicas ?? 0) === r && (s.replicas ?? 0) === r && (s.availableReplicas ?? 0) === r && (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0);
}

/** DeploymentProgressing: more updated, ready or available pods, or fewer old ones. */
export function deploymentProgressing(d: Deployment, s: DeploymentStatus): boolean {
  const old = statusOf(d);
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0);
  return (s.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) || newOld < oldOld ||
    (s.readyReplicas ?? 0) > (old.readyReplicas ?? 0) || (s.availableReplicas ?? 0) > (old.availableReplicas ?? 0);
}

/** DeploymentTimedOut: no progress recorded for progressDeadlineSeconds. */
export function deploymentTimedOut(d: Deployment, s: DeploymentStatus, nowMs: number): boolean {
  const c = getCondition(s, 'Progressing');
  if (!c || c.reason === 'NewReplicaSetAvailable') return false;
  if (c.reason === 'ProgressDeadlineExceeded') return true;
  const from = parseTimestamp(c.lastUpdateTime) ?? nowMs;
  return from + (progressDeadlineSeconds(d) ?? 0) * 1000 < nowMs;
}

export interface RolloutStatusResult {
  status: DeploymentStatus;
  /** When to look again for a stalled rollout (requeueStuckDeployment), in ms. */
  recheckAt?: number;
}

/** syncRolloutStatus: the new status with the Progressing condition for the rollout's state. */
export function rolloutStatus(allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined, d: Deployment, nowMs: number, now: string): RolloutStatusResult {
  const status = calculateStatus(allRSs, newRS, d, now);
  if (!hasProgressDeadline(d)) removeCondition(status, 'Progressing');
  const current = getCondition(statusOf(d), 'Progressing');
  const complete = status.replicas === status.updatedReplicas && current?.reason === 'NewReplicaSetAvailable';
  if (hasProgressDeadline(d) && !complete) {
    const rsName = newRS?.metadata.name;
    if (deploymentComplete(d, status)) {
      const msg = rsName ? `ReplicaSet "${rsName}" has successfully progressed.` : `Deployment "${d.metadata.name}" has successfully progressed.`;
      setCondition(status, newCondition('Progressing', 'True', 'NewReplicaSetAvailable', msg, now));
    } else if (deploymentProgressing(d, status)) {
      const msg = rsName ? `ReplicaSet "${rsName}" is progressing.` : `Deployment "${d.metadata.name}" is progressing.`;
      const condition = newCondition('Progressing', 'True', 'ReplicaSetUpdated', msg, now);
      // Progress refreshes lastUpdateTime even with the same reason; a True condition keeps its transition time.
      if (current) {
        if (current.status === 'True') condition.lastTransitionTime = current.lastTransitionTime;
        removeCondition(status, 'Progressing');
      }
      setCondition(status, condition);
    } else if (deploymentTimedOut(d, status, nowMs)) {
      const msg = rsName ? `ReplicaSet "${rsName}" has timed out progressing.` : `Deployment "${d.metadata.name}" has timed out progressing.`;
      setCondition(status, newCondition('Progressing', 'False', 'ProgressDeadlineExceeded', msg, now));
    }
  }
  // ReplicaFailure from the sets (getReplicaFailures): the new set's first, else any old set's.
  const failure = [newRS, ...allRSs].map((rs) => (rs?.status as { conditions?: { type: string; status: string; reason?: string; message?: string; lastTransitionTime?: string }[] } | undefined)?.conditions?.find((c) => c.type === 'ReplicaFailure')).find((c) => c);
  if (failure) {
    setCondition(status, { type: 'ReplicaFailure', status: failure.status as DeploymentCondition['status'], lastUpdateTime: failure.lastTransitionTime ?? now, lastTransitionTime: failure.lastTransitionTime ?? now, reason: failure.reason ?? '', message: failure.message ?? '' });
  } else if (getCondition(status, 'ReplicaFailure')) removeCondition(status, 'ReplicaFailure');

  let recheckAt: number | undefined;
  const progressing = getCondition(statusOf(d), 'Progressing');
  if (hasProgressDeadline(d) && progressing && !deploymentComplete(d, status) && progressing.reason !== 'ProgressDeadlineExceeded') {
    const last = parseTimestamp(progressing.lastUpdateTime) ?? nowMs;
    recheckAt = Math.max(last + (progressDeadlineSeconds(d) ?? 0) * 1000 + 1000, nowMs + 1000);
  }
  return { status, recheckAt };
}
