// Pod helpers shared by the workload controllers: controller references, pods
// built from a template, and the readiness/availability predicates.
// Sources: pkg/controller/controller_utils.go (GetPodFromTemplate, FilterActivePods),
// pkg/api/v1/pod/util.go (IsPodReady, IsPodAvailable), apimachinery metav1.NewControllerRef.

import { parseTimestamp } from '../../core/clock';
import type { KubeObject, OwnerReference, Pod, PodTemplateSpec } from '../../core/types';

/** metav1.NewControllerRef: the owner reference a controller puts on what it creates. */
export function controllerRef(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name!,
    uid: owner.metadata.uid!,
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** metav1.GetControllerOf. */
export function controllerOf(obj: KubeObject): OwnerReference | undefined {
  const refs = obj.metadata.ownerReferences;
  if (refs) for (const r of refs) if (r.controller === true) return r;
  return undefined;
}

/** Copies a JSON value (templates are plain JSON). */
export function copyJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/**
 * controller.GetPodFromTemplate: labels, annotations and finalizers from the template,
 * `generateName` `<owner>-`, the controller reference, and a copy of the spec.
 */
export function podFromTemplate(template: PodTemplateSpec, owner: KubeObject): Pod {
  const meta = template.metadata ?? {};
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${owner.metadata.name}-`,
      namespace: owner.metadata.namespace,
      ...(meta.labels ? { labels: { ...meta.labels } } : {}),
      ...(meta.annotations ? { annotations: { ...meta.annotations } } : {}),
      ...(meta.finalizers ? { finalizers: [...meta.finalizers] } : {}),
      ownerReferences: [controllerRef(owner)],
    },
    // Shallow: the API server copies the request body; callers only set top-level spec fields.
    spec: { ...template.spec },
  };
  return pod;
}

export function isPodTerminating(pod: Pod): boolean {
  return !!pod.metadata.deletionTimestamp;
}

/** controller.IsPodActive: not Succeeded, not Failed, not being deleted. */
export function isPodActive(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}

export function readyCondition(pod: Pod) {
  return pod.status?.conditions?.find((c) => c.type === 'Ready');
}

/** podutil.IsPodReady: the Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return readyCondition(pod)?.status === 'True';
}

/** When the pod last became ready (the Ready condition's lastTransitionTime), in ms. */
export function podReadyTime(pod: Pod): number | undefined {
  const c = readyCondition(pod);
  return c?.status === 'True' ? parseTimestamp(c.lastTransitionTime) : undefined;
}

/** podutil.IsPodAvailable: ready for at least minReadySeconds (strictly before now). */
export function isPodAvailable(pod: Pod, minReadySeconds: number, nowMs: number): boolean {
  if (!isPodReady(pod)) return false;
  if (!minReadySeconds) return true;
  const since = podReadyTime(pod);
  return since !== undefined && since + minReadySeconds * 1000 < nowMs;
}

/**
 * When a ready but not yet available pod becomes available (ms), so a controller can
 * re-sync then; undefined when nothing is pending.
 */
export function availableAt(pods: Iterable<Pod>, minReadySeconds: number, nowMs: number): number | undefined {
  if (!minReadySeconds) return undefined;
  let next: number | undefined;
  for (const pod of pods) {
    const since = podReadyTime(pod);
    if (since === undefined || !isPodActive(pod)) continue;
    const at = since + minReadySeconds * 1000 + 1; // available once now > since + minReadySeconds
    if (at > nowMs && (next === undefined || at < next)) next = at;
  }
  return next;
}
