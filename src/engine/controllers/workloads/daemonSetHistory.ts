// A DaemonSet's template history (ControllerRevisions), as pure functions.
// Sources: pkg/controller/daemon/update.go (constructHistory, snapshot, getPatch, Match,
// cleanupHistory) and pkg/controller/controller_utils.go (ComputeHash).

import type { DaemonSet } from '../../core/types';
import { type ControllerRevision, revisionPatch } from './controllerRevision';
import { canonicalJson, computePodTemplateHash } from './hash';
import { controllerRef, copyJson } from './pods';

/** apps.DefaultDaemonSetUniqueLabelKey: on the revision and on every pod made from it. */
export const DAEMONSET_HASH_LABEL = 'controller-revision-hash';

/** controller.ComputeHash of the template with status.collisionCount (nil when unset). */
export function daemonSetHash(ds: DaemonSet): string {
  return computePodTemplateHash(ds.spec.template, ds.status?.collisionCount);
}

/** snapshot: `<ds>-<hash>`, labelled with the template's labels and the hash, with the DaemonSet's annotations. */
export function newDaemonSetRevision(ds: DaemonSet, revision: number): ControllerRevision {
  const hash = daemonSetHash(ds);
  const annotations = ds.metadata.annotations;
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: `${ds.metadata.name}-${hash}`,
      namespace: ds.metadata.namespace,
      labels: { ...ds.spec.template.metadata?.labels, [DAEMONSET_HASH_LABEL]: hash },
      ...(annotations ? { annotations: copyJson(annotations) } : {}),
      ownerReferences: [controllerRef(ds)],
    },
    data: JSON.parse(revisionPatch(ds)),
    revision,
  };
}

export interface DaemonSetHistory {
  /** The revision of the current template: an existing one, or one to create (`write`). */
  current: ControllerRevision;
  write: 'none' | 'create' | 'renumber';
  /** The other revisions, oldest first. */
  old: ControllerRevision[];
}

const byRevision = (a: ControllerRevision, b: ControllerRevision) => a.revision - b.revision;

/**
 * constructHistory: revisions whose data equals the template's patch are current (the one
 * with the highest revision kept, as dedupCurHistories does); the current one is re-numbered
 * above every old one, or made new with that number.
 */
export function constructHistory(ds: DaemonSet, histories: readonly ControllerRevision[]): DaemonSetHistory {
  const patch = revisionPatch(ds);
  const current: ControllerRevision[] = [];
  const old: ControllerRevision[] = [];
  for (const h of histories) (canonicalJson(h.data) === patch ? current : old).push(h);
  old.sort(byRevision);
  const next = (old.length ? old[old.length - 1].revision : 0) + 1;
  if (!current.length) return { current: newDaemonSetRevision(ds, next), write: 'create', old };
  current.sort(byRevision);
  const keep = current[current.length - 1];
  // dedupCurHistories deletes the duplicates; they are simply left among the old ones here.
  old.push(...current.slice(0, -1));
  old.sort(byRevision);
  if (keep.revision < next) return { current: { ...keep, revision: next }, write: 'renumber', old };
  return { current: keep, write: 'none', old };
}
