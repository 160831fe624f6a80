// ControllerRevisions: the StatefulSet's template history.
// Sources: pkg/controller/history/controller_history.go (NewControllerRevision,
// HashControllerRevision, FindEqualRevisions, SortControllerRevisions) and
// pkg/controller/statefulset/stateful_set_utils.go (getPatch, newRevision, ApplyRevision).

import type { KubeObject, PodTemplateSpec, StatefulSet } from '../../core/types';
import { canonicalJson, hashControllerRevision } from './hash';
import { controllerRef, copyJson } from './pods';

/** history.ControllerRevisionHashLabel, on the ControllerRevision itself. */
export const CONTROLLER_REVISION_HASH_LABEL = 'controller.kubernetes.io/hash';

export interface ControllerRevision extends KubeObject {
  data: { spec: { template: PodTemplateSpec & { $patch?: string } } };
  revision: number;
}

/**
 * getPatch (the StatefulSet's and the DaemonSet's alike): `{"spec":{"template":{…,"$patch":"replace"}}}`
 * as Go marshals it (sorted keys).
 */
export function revisionPatch(owner: { spec: { template: PodTemplateSpec } }): string {
  return canonicalJson({ spec: { template: { ...owner.spec.template, $patch: 'replace' } } });
}

/** newRevision / history.NewControllerRevision (the name depends on the collision count). */
export function newRevision(set: StatefulSet, revision: number, collisionCount: number): ControllerRevision {
  const raw = revisionPatch(set);
  const hash = hashControllerRevision(raw, collisionCount);
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: `${set.metadata.name}-${hash}`,
      namespace: set.metadata.namespace,
      labels: { ...set.spec.template.metadata?.labels, [CONTROLLER_REVISION_HASH_LABEL]: hash },
      ownerReferences: [controllerRef(set)],
    },
    data: JSON.parse(raw),
    revision,
  };
}

/** SortControllerRevisions: by revision, then creation time, then name. */
export function sortRevisions(list: readonly ControllerRevision[]): ControllerRevision[] {
  return [...list].sort((a, b) =>
    a.revision !== b.revision ? a.revision - b.revision
      : (a.metadata.creationTimestamp ?? '') !== (b.metadata.creationTimestamp ?? '') ? ((a.metadata.creationTimestamp ?? '') < (b.metadata.creationTimestamp ?? '') ? -1 : 1)
        : a.metadata.name! < b.metadata.name! ? -1 : a.metadata.name! > b.metadata.name! ? 1 : 0);
}

/** history.EqualRevision: same hash label and the same data. */
export function equalRevision(a: ControllerRevision, b: ControllerRevision): boolean {
  const ha = a.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL];
  const hb = b.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL];
  if (ha !== undefined && hb !== undefined && ha !== hb) return false;
  return canonicalJson(a.data) === canonicalJson(b.data);
}

/** ApplyRevision: the set with the revision's template. */
export function applyRevision(set: StatefulSet, revision: ControllerRevision): StatefulSet {
  const { $patch: _p, ...template } = copyJson(revision.data.spec.template);
  return { ...set, spec: { ...set.spec, template: template as PodTemplateSpec } };
}

export interface RevisionDecision {
  current: ControllerRevision;
  update: ControllerRevision;
  /** What to write for the update revision: nothing, a new object, or an older one re-numbered (roll back). */
  write: 'none' | 'create' | 'renumber';
}

/** getStatefulSetRevisions: the current and update revisions, given the sorted history. */
export function decideRevisions(set: StatefulSet, sorted: readonly ControllerRevision[]): RevisionDecision {
  const collisionCount = ((set.status ?? {}) as { collisionCount?: number }).collisionCount ?? 0;
  const next = sorted.length ? sorted[sorted.length - 1].revision + 1 : 1;
  let update = newRevision(set, next, collisionCount);
  const equal = sorted.filter((r) => equalRevision(r, update));
  let write: RevisionDecision['write'] = 'create';
  if (equal.length && equalRevision(sorted[sorted.length - 1], equal[equal.length - 1])) {
    update = sorted[sorted.length - 1];
    write = 'none';
  } else if (equal.length) {
    update = { ...equal[equal.length - 1], revision: next };
    write = 'renumber';
  }
  const currentName = ((set.status ?? {}) as { currentRevision?: string }).currentRevision;
  const current = sorted.find((r) => r.metadata.name === currentName) ?? update;
  return { current, update, write };
}

/** truncateHistory: deletes the oldest revisions no pod uses beyond revisionHistoryLimit. */
export function revisionsToTruncate(set: StatefulSet, sorted: readonly ControllerRevision[], liveNames: ReadonlySet<string>): ControllerRevision[] {
  const history = sorted.filter((r) => !liveNames.has(r.metadata.name!));
  const limit = set.spec.revisionHistoryLimit ?? 10;
  return history.length <= limit ? [] : history.slice(0, history.length - limit);
}
