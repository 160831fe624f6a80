// What `kubectl rollout undo` and `kubectl rollout history` need from a
// Deployment's ReplicaSets. kubectl does the roll-back client-side: it copies the
// chosen ReplicaSet's template (without pod-template-hash) and annotations back
// into the Deployment, and the controller then rolls forward to it.
// Source: staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollback.go
// (DeploymentRollbacker, deploymentRevision) and history.go.

import type { Deployment, PodTemplateSpec, ReplicaSet } from '../../core/types';
import { equalIgnoreHash, POD_TEMPLATE_HASH_LABEL, revisionOf, skipCopyAnnotation } from './deploymentUtil';
import { controllerOf, copyJson } from './pods';

export type RollbackPlan =
  | { ok: true; template: PodTemplateSpec; annotations: Record<string, string> }
  /** kubectl prints `deployment.apps/web skipped rollback (current template already matches revision 2)`. */
  | { ok: true; skipped: string }
  | { ok: false; error: string };

/** The Deployment's ReplicaSets with their revisions, oldest revision first (`kubectl rollout history`). */
export function rolloutHistory(d: Deployment, sets: readonly ReplicaSet[]): { revision: number; changeCause?: string; replicaSet: ReplicaSet }[] {
  return sets
    .filter((rs) => controllerOf(rs)?.uid === d.metadata.uid)
    .map((rs) => ({ revision: revisionOf(rs), changeCause: rs.metadata.annotations?.['kubernetes.io/change-cause'], replicaSet: rs }))
    .filter((h) => !Number.isNaN(h.revision))
    .sort((a, b) => a.revision - b.revision);
}

/** DeploymentRollbacker.Rollback: the patch for `--to-revision` (0 = the previous revision). */
export function planRollback(d: Deployment, sets: readonly ReplicaSet[], toRevision = 0): RollbackPlan {
  if (toRevision < 0) return { ok: false, error: `unable to find specified revision ${toRevision} in history` };
  const history = rolloutHistory(d, sets);
  let target: ReplicaSet | undefined;
  if (toRevision > 0) {
    target = history.find((h) => h.revision === toRevision)?.replicaSet;
    if (!target) return { ok: false, error: `unable to find specified revision ${toRevision} in history` };
  } else {
    if (history.length < 2) return { ok: false, error: `no rollout history found for deployment "${d.metadata.name}"` };
    target = history[history.length - 2].replicaSet;
  }
  if (equalIgnoreHash(target.spec.template, d.spec.template)) {
    return { ok: true, skipped: `skipped rollback (current template already matches revision ${revisionOf(target)})` };
  }
  const template = copyJson(target.spec.template);
  if (template.metadata?.labels) delete template.metadata.labels[POD_TEMPLATE_HASH_LABEL];
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (skipCopyAnnotation(k)) annotations[k] = v;
  for (const [k, v] of Object.entries(target.metadata.annotations ?? {})) if (!skipCopyAnnotation(k)) annotations[k] = v;
  return { ok: true, template, annotations };
}
