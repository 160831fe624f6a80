// Deployment arithmetic and bookkeeping, as pure functions.
// Source: pkg/controller/deployment/util/deployment_util.go (v1.32) and
// apimachinery/pkg/util/intstr (GetScaledValueFromIntOrPercent).

import { jsonEqual } from '../../api/apiServer';
import { parseTimestamp } from '../../core/clock';
import type { Deployment, IntOrString, PodTemplateSpec, ReplicaSet } from '../../core/types';

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';
/** The controller's --deployment-controller-max-rev-history-length-in-chars default (MaxRevHistoryLengthInChars). */
const MAX_REV_HISTORY_LENGTH_IN_CHARS = 2000;

/** Annotations a Deployment never copies to its ReplicaSets (annotationsToSkip). */
const ANNOTATIONS_TO_SKIP = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  'deprecated.deployment.rollback.to',
]);

export function skipCopyAnnotation(key: string): boolean {
  return ANNOTATIONS_TO_SKIP.has(key);
}

// Readers with the v1 defaults (pkg/apis/apps/v1/defaults.go), so the controller also
// works on objects stored without them.
export const replicasOf = (d: { spec: { replicas?: number } }): number => d.spec.replicas ?? 1;
export const rsReplicas = (rs: ReplicaSet): number => rs.spec.replicas ?? 1;
export const strategyType = (d: Deployment): string => d.spec.strategy?.type ?? 'RollingUpdate';
export const isRollingUpdate = (d: Deployment): boolean => strategyType(d) === 'RollingUpdate';
export const revisionHistoryLimit = (d: Deployment): number => d.spec.revisionHistoryLimit ?? 10;
export const progressDeadlineSeconds = (d: Deployment): number | undefined =>
  d.spec.progressDeadlineSeconds === undefined ? 600 : d.spec.progressDeadlineSeconds;

function rollingParams(d: Deployment): { maxSurge: IntOrString; maxUnavailable: IntOrString } {
  const ru = d.spec.strategy?.rollingUpdate;
  return { maxSurge: ru?.maxSurge ?? '25%', maxUnavailable: ru?.maxUnavailable ?? '25%' };
}

/** intstr.GetScaledValueFromIntOrPercent: percentages of `total`, rounded up or down. */
export function scaledValue(value: IntOrString, total: number, roundUp: boolean): number {
  if (typeof value === 'number') return value;
  const m = /^(-?\d+)%$/.exec(value);
  // Upstream returns "invalid type: string is not a percentage"; validation refuses such values first.
  if (!m) return 0;
  const scaled = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}

/** ResolveFenceposts: surge rounds up, unavailable rounds down; both 0 means unavailable 1. */
export function resolveFenceposts(maxSurge: IntOrString, maxUnavailable: IntOrString, desired: number): { surge: number; unavailable: number } {
  const surge = scaledValue(maxSurge, desired, true);
  let unavailable = scaledValue(maxUnavailable, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

export function maxSurge(d: Deployment): number {
  if (!isRollingUpdate(d)) return 0;
  const p = rollingParams(d);
  return resolveFenceposts(p.maxSurge, p.maxUnavailable, replicasOf(d)).surge;
}

export function maxUnavailable(d: Deployment): number {
  const replicas = replicasOf(d);
  if (!isRollingUpdate(d) || replicas === 0) return 0;
  const p = rollingParams(d);
  return Math.min(resolveFenceposts(p.maxSurge, p.maxUnavailable, replicas).unavailable, replicas);
}

export function revisionOf(rs: ReplicaSet): number {
  const v = rs.metadata.annotations?.[REVISION_ANNOTATION];
  if (v === undefined) return 0;
  return /^\d+$/.test(v) ? Number(v) : NaN;
}

export function maxRevision(list: readonly ReplicaSet[]): number {
  let max = 0;
  for (const rs of list) {
    const v = revisionOf(rs);
    if (v > max) max = v;
  }
  return max;
}

/** LastRevision: the second highest revision (what `kubectl rollout undo` goes back to). */
export function lastRevision(list: readonly ReplicaSet[]): number {
  let max = 0;
  let second = 0;
  for (const rs of list) {
    const v = revisionOf(rs);
    if (Number.isNaN(v)) continue;
    if (v >= max) {
      second = max;
      max = v;
    } else if (v > second) second = v;
  }
  return second;
}

/** controller.ReplicaSetsByCreationTimestamp: oldest first, then by name. */
export function byCreation(a: ReplicaSet, b: ReplicaSet): number {
  const ta = parseTimestamp(a.metadata.creationTimestamp) ?? 0;
  const tb = parseTimestamp(b.metadata.creationTimestamp) ?? 0;
  if (ta !== tb) return ta - tb;
  return a.metadata.name! < b.metadata.name! ? -1 : a.metadata.name! > b.metadata.name! ? 1 : 0;
}

function withoutHash(t: PodTemplateSpec): PodTemplateSpec {
  const labels = t.metadata?.labels;
  if (!labels || !(POD_TEMPLATE_HASH_LABEL in labels)) return t;
  const { [POD_TEMPLATE_HASH_LABEL]: _h, ...rest } = labels;
  return { ...t, metadata: { ...t.metadata, labels: rest } };
}

/** EqualIgnoreHash: templates equal once the pod-template-hash label is ignored. */
export function equalIgnoreHash(a: PodTemplateSpec, b: PodTemplateSpec): boolean {
  const x = withoutHash(a);
  const y = withoutHash(b);
  // An empty labels map and no labels are the same template.
  const norm = (t: PodTemplateSpec) =>
    t.metadata?.labels && Object.keys(t.metadata.labels).length === 0 ? { ...t, metadata: { ...t.metadata, labels: undefined } } : t;
  return jsonEqual(norm(x), norm(y));
}

/** FindNewReplicaSet: the oldest set whose template equals the Deployment's. */
export function findNewReplicaSet(d: Deployment, list: readonly ReplicaSet[]): ReplicaSet | undefined {
  return [...list].sort(byCreation).find((rs) => equalIgnoreHash(rs.spec.template, d.spec.template));
}

/** FilterActiveReplicaSets: sets with spec.replicas > 0. */
export const activeSets = (list: readonly (ReplicaSet | undefined)[]): ReplicaSet[] =>
  list.filter((rs): rs is ReplicaSet => !!rs && rsReplicas(rs) > 0);

const sum = (list: readonly (ReplicaSet | undefined)[], f: (rs: ReplicaSet) => number | undefined): number =>
  list.reduce((n, rs) => n + (rs ? (f(rs) ?? 0) : 0), 0);

/** GetReplicaCountForReplicaSets: sum of spec.replicas. */
export const specReplicaCount = (list: readonly (ReplicaSet | undefined)[]) => sum(list, rsReplicas);
/** GetActualReplicaCountForReplicaSets: sum of status.replicas. */
export const actualReplicaCount = (list: readonly (ReplicaSet | undefined)[]) => sum(list, (rs) => rs.status?.replicas);
export const readyReplicaCount = (list: readonly (ReplicaSet | undefined)[]) => sum(list, (rs) => rs.status?.readyReplicas);
export const availableReplicaCount = (list: readonly (ReplicaSet | undefined)[]) => sum(list, (rs) => rs.status?.availableReplicas);

/** NewRSNewReplicas: how far the new set may grow this step. */
export function newRSNewReplicas(d: Deployment, allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet): number {
  if (!isRollingUpdate(d)) return replicasOf(d);
  const desired = replicasOf(d);
  const surge = scaledValue(rollingParams(d).maxSurge, desired, true);
  const current = specReplicaCount(allRSs);
  const maxTotal = desired + surge;
  if (current >= maxTotal) return rsReplicas(newRS);
  const scaleUp = Math.min(maxTotal - current, desired - rsReplicas(newRS));
  return rsReplicas(newRS) + scaleUp;
}

function intAnnotation(rs: ReplicaSet, key: string): number | undefined {
  const v = rs.metadata.annotations?.[key];
  return v !== undefined && /^-?\d+$/.test(v) ? Number(v) : undefined;
}

export const desiredReplicasAnnotation = (rs: ReplicaSet) => intAnnotation(rs, DESIRED_REPLICAS_ANNOTATION);

/** IsSaturated: the new set runs the full desired count, all available. */
export function isSaturated(d: Deployment, rs: ReplicaSet | undefined): boolean {
  if (!rs) return false;
  const desired = desiredReplicasAnnotation(rs);
  return rsReplicas(rs) === replicasOf(d) && desired === replicasOf(d) && (rs.status?.availableReplicas ?? 0) === replicasOf(d);
}

/** SetReplicasAnnotations on a private copy; returns whether anything changed. */
export function setReplicasAnnotations(rs: ReplicaSet, desired: number, max: number): boolean {
  const a = (rs.metadata.annotations ??= {});
  let changed = false;
  if (a[DESIRED_REPLICAS_ANNOTATION] !== String(desired)) {
    a[DESIRED_REPLICAS_ANNOTATION] = String(desired);
    changed = true;
  }
  if (a[MAX_REPLICAS_ANNOTATION] !== String(max)) {
    a[MAX_REPLICAS_ANNOTATION] = String(max);
    changed = true;
  }
  return changed;
}

export function replicasAnnotationsNeedUpdate(rs: ReplicaSet, desired: number, max: number): boolean {
  const a = rs.metadata.annotations ?? {};
  return a[DESIRED_REPLICAS_ANNOTATION] !== String(desired) || a[MAX_REPLICAS_ANNOTATION] !== String(max);
}

/**
 * SetNewReplicaSetAnnotations on a private copy: copies the Deployment's annotations
 * (minus the skipped ones), raises the revision, keeps revision-history on a roll-back.
 */
export function setNewReplicaSetAnnotations(d: Deployment, rs: ReplicaSet, newRevision: number, exists: boolean): boolean {
  let changed = false;
  const a = (rs.metadata.annotations ??= {});
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (skipCopyAnnotation(k) || a[k] === v) continue;
    a[k] = v;
    changed = true;
  }
  const oldText = a[REVISION_ANNOTATION];
  const hadRevision = oldText !== undefined;
  const oldRevision = oldText === undefined || oldText === '' ? 0 : /^\d+$/.test(oldText) ? Number(oldText) : NaN;
  if (Number.isNaN(oldRevision)) return false;
  if (oldRevision < newRevision) {
    a[REVISION_ANNOTATION] = String(newRevision);
    changed = true;
    if (hadRevision) {
      // Rolling back to this set: remember the revisions it served before.
      const history = a[REVISION_HISTORY_ANNOTATION] ?? '';
      const old = history === '' ? [] : history.split(',');
      let total = history.length + oldText.length + 1;
      let start = 0;
      while (total > MAX_REV_HISTORY_LENGTH_IN_CHARS && start < old.length) total -= old[start++].length + 1;
      if (old.length === 0) a[REVISION_HISTORY_ANNOTATION] = oldText;
      else if (total <= MAX_REV_HISTORY_LENGTH_IN_CHARS) a[REVISION_HISTORY_ANNOTATION] = [...old.slice(start), oldText].join(',');
    }
  }
  if (!exists && setReplicasAnnotations(rs, replicasOf(d), replicasOf(d) + maxSurge(d))) changed = true;
  return changed;
}

/** GetReplicaSetProportion: this set's share of `toAdd` when a Deployment is resized mid-rollout. */
export function replicaSetProportion(rs: ReplicaSet, d: Deployment, toAdd: number, added: number, lastStatusReplicas: number): number {
  if (rsReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = replicaSetFraction(rs, d, lastStatusReplicas);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

function replicaSetFraction(rs: ReplicaSet, d: Deployment, lastStatusReplicas: number): number {
  if (replicasOf(d) === 0) return -rsReplicas(rs);
  const deploymentReplicas = replicasOf(d) + maxSurge(d);
  const annotated = intAnnotation(rs, MAX_REPLICAS_ANNOTATION) ?? lastStatusReplicas;
  const size = (rsReplicas(rs) * deploymentReplicas) / annotated;
  // integer.RoundToInt32: round half away from zero.
  return Math.sign(size) * Math.round(Math.abs(size)) - rsReplicas(rs);
}
