// One sync of the StatefulSet controller as a pure function: stable ordinal
// names, OrderedReady (one pod at a time, each waiting for its predecessors to be
// Running and Ready) or Parallel management, scale-down from the highest ordinal,
// rolling update from the highest ordinal down to the partition.
// Source: pkg/controller/statefulset/stateful_set_control.go (updateStatefulSet,
// processReplica, processCondemned, updateStatus, completeRollingUpdate) and
// stateful_set_utils.go (newStatefulSetPod, initIdentity, newVersionedStatefulSetPod).

import type { Pod, StatefulSet } from '../../core/types';
import { applyRevision, type ControllerRevision } from './controllerRevision';
import { isPodAvailable, isPodReady, podFromTemplate } from './pods';

export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';
export const REVISION_LABEL = 'controller-revision-hash';

export type StatefulSetAction =
  | { type: 'createPod'; pod: Pod }
  | { type: 'deletePod'; name: string; reason: 'scale' | 'update' | 'recreate' }
  | { type: 'event'; eventType: 'Normal' | 'Warning'; reason: string; message: string };

export interface StatefulSetStatus {
  observedGeneration?: number;
  replicas: number;
  readyReplicas?: number;
  currentReplicas?: number;
  updatedReplicas?: number;
  currentRevision?: string;
  updateRevision?: string;
  collisionCount?: number;
  availableReplicas: number;
}

export interface StatefulSetSyncInput {
  set: StatefulSet;
  current: ControllerRevision;
  update: ControllerRevision;
  collisionCount: number;
  /** The pods this set controls. */
  pods: readonly Pod[];
  nowMs: number;
}

const ORDINAL = /^(.*)-([0-9]+)$/;

/** getParentNameAndOrdinal: `web-2` -> ["web", 2]; -1 when the name has no ordinal. */
export function parentAndOrdinal(podName: string): [string, number] {
  const m = ORDINAL.exec(podName);
  if (!m) return ['', -1];
  const n = Number(m[2]);
  return n > 2147483647 ? ['', -1] : [m[1], n];
}

export const startOrdinal = (set: StatefulSet): number => ((set.spec as { ordinals?: { start?: number } }).ordinals?.start ?? 0);
export const replicasOf = (set: StatefulSet): number => set.spec.replicas ?? 1;
/** allowsBurst: Parallel pod management. */
export const allowsBurst = (set: StatefulSet): boolean => set.spec.podManagementPolicy === 'Parallel';

/** isMemberOf: the pod's name is `<set>-<ordinal>`. */
export function isMemberOf(set: StatefulSet, pod: Pod): boolean {
  return parentAndOrdinal(pod.metadata.name!)[0] === set.metadata.name;
}

const isTerminating = (p: Pod) => !!p.metadata.deletionTimestamp;
const isRunningAndReady = (p: Pod) => p.status?.phase === 'Running' && isPodReady(p);
const isRunningAndAvailable = (p: Pod, minReady: number, now: number) => p.status?.phase === 'Running' && isPodAvailable(p, minReady, now);
const isHealthy = (p: Pod) => isRunningAndReady(p) && !isTerminating(p);
const isFailed = (p: Pod) => p.status?.phase === 'Failed';
const isSucceeded = (p: Pod) => p.status?.phase === 'Succeeded';
export const podRevision = (p: Pod): string | undefined => p.metadata.labels?.[REVISION_LABEL];

/** newStatefulSetPod + initIdentity + setPodRevision for one ordinal. */
export function newStatefulSetPod(set: StatefulSet, revision: ControllerRevision, ordinal: number): Pod {
  const templated = applyRevision(set, revision);
  const pod = podFromTemplate(templated.spec.template, set);
  const name = `${set.metadata.name}-${ordinal}`;
  pod.metadata.name = name;
  pod.metadata.labels = { ...pod.metadata.labels, [POD_NAME_LABEL]: name, [POD_INDEX_LABEL]: String(ordinal), [REVISION_LABEL]: revision.metadata.name! };
  pod.spec.hostname = name;
  if (set.spec.serviceName) pod.spec.subdomain = set.spec.serviceName;
  return pod;
}

interface Slot {
  pod: Pod;
  /** Whether the pod exists in the API (false: planned in this sync). */
  created: boolean;
}

export function planStatefulSet(input: StatefulSetSyncInput): { actions: StatefulSetAction[]; status: StatefulSetStatus } {
  const { set, current, update, nowMs } = input;
  const actions: StatefulSetAction[] = [];
  const minReady = (set.spec as { minReadySeconds?: number }).minReadySeconds ?? 0;
  const start = startOrdinal(set);
  const count = replicasOf(set);
  const partition = set.spec.updateStrategy?.rollingUpdate?.partition ?? 0;
  const onDelete = set.spec.updateStrategy?.type === 'OnDelete';
  const monotonic = !allowsBurst(set);
  const name = set.metadata.name;
  const event = (eventType: 'Normal' | 'Warning', reason: string, message: string) => actions.push({ type: 'event', eventType, reason, message });

  // newVersionedStatefulSetPod: ordinals below the partition stay at the current revision
  // (v1 defaulting always sets rollingUpdate.partition, 0 unless given).
  const versioned = (ordinal: number): Slot => {
    const useCurrent = !onDelete && ordinal < start + partition;
    return { pod: newStatefulSetPod(set, useCurrent ? current : update, ordinal), created: false };
  };

  const replicas: (Slot | undefined)[] = new Array(count).fill(undefined);
  const condemned: Slot[] = [];
  for (const pod of input.pods) {
    const ord = parentAndOrdinal(pod.metadata.name!)[1];
    if (ord >= start && ord < start + count) replicas[ord - start] = { pod, created: true };
    else if (ord >= 0) condemned.push({ pod, created: true });
  }
  for (let i = 0; i < count; i++) replicas[i] ??= versioned(start + i);
  const slots = replicas as Slot[];
  condemned.sort((a, b) => parentAndOrdinal(b.pod.metadata.name!)[1] - parentAndOrdinal(a.pod.metadata.name!)[1]);

  let firstUnhealthy: Slot | undefined;
  for (const s of slots) if (!(s.created && isHealthy(s.pod))) firstUnhealthy ??= s;
  for (let i = condemned.length - 1; i >= 0; i--) if (!isHealthy(condemned[i].pod)) firstUnhealthy ??= condemned[i];

  const status = (): StatefulSetStatus => computeStatus(set, current, update, input.collisionCount, [...slots, ...condemned], minReady, nowMs);
  if (set.metadata.deletionTimestamp) return { actions, status: status() };

  // processReplica for each ordinal, in order; OrderedReady stops at the first pod not yet Running and Ready.
  for (let i = 0; i < slots.length; i++) {
    const s = slots[i];
    if (s.created && (isFailed(s.pod) || isSucceeded(s.pod))) {
      if (isFailed(s.pod)) event('Warning', 'RecreatingFailedPod', `StatefulSet ${set.metadata.namespace}/${name} is recreating failed Pod ${s.pod.metadata.name}`);
      else event('Normal', 'RecreatingTerminatedPod', `StatefulSet ${set.metadata.namespace}/${name} is recreating terminated Pod ${s.pod.metadata.name}`);
      actions.push({ type: 'deletePod', name: s.pod.metadata.name!, reason: 'recreate' });
      slots[i] = versioned(start + i);
    }
    const slot = slots[i];
    if (!slot.created) {
      actions.push({ type: 'createPod', pod: slot.pod });
      slot.created = true;
      if (monotonic) return { actions, status: status() };
      continue;
    }
    if (!monotonic) continue;
    if (isTerminating(slot.pod) || !isRunningAndReady(slot.pod) || !isRunningAndAvailable(slot.pod, minReady, nowMs)) {
      return { actions, status: status() };
    }
  }

  // processCondemned: from the highest ordinal down; OrderedReady waits for each to go.
  for (const s of condemned) {
    if (isTerminating(s.pod)) {
      if (monotonic) return { actions, status: status() };
      continue;
    }
    if (monotonic && s !== firstUnhealthy && (!isRunningAndReady(s.pod) || !isRunningAndAvailable(s.pod, minReady, nowMs))) {
      return { actions, status: status() };
    }
    actions.push({ type: 'deletePod', name: s.pod.metadata.name!, reason: 'scale' });
    if (monotonic) return { actions, status: status() };
  }
  const st = status();
  if (onDelete) return { actions, status: st };

  // Rolling update: delete the highest ordinal not at the update revision, waiting for each to be healthy.
  for (let target = slots.length - 1; target >= partition; target--) {
    const pod = slots[target].pod;
    if (podRevision(pod) !== update.metadata.name && !isTerminating(pod)) {
      actions.push({ type: 'deletePod', name: pod.metadata.name!, reason: 'update' });
      st.currentReplicas = Math.max((st.currentReplicas ?? 0) - 1, 0) || undefined;
      return { actions, status: st };
    }
    if (!isHealthy(pod)) return { actions, status: st };
  }
  return { actions, status: st };
}

/** updateStatus + completeRollingUpdate; zero counts left out as the API's JSON does. */
function computeStatus(
  set: StatefulSet, current: ControllerRevision, update: ControllerRevision, collisionCount: number,
  slots: readonly Slot[], minReady: number, nowMs: number,
): StatefulSetStatus {
  let replicas = 0, ready = 0, available = 0, currentCount = 0, updated = 0;
  for (const { pod, created } of slots) {
    // A pod created in this sync is counted on the next one, as upstream counts only pods with a phase.
    if (!created || !pod.metadata.uid) continue;
    replicas++;
    if (isRunningAndReady(pod)) {
      ready++;
      if (isRunningAndAvailable(pod, minReady, nowMs)) available++;
    }
    if (!isTerminating(pod)) {
      if (podRevision(pod) === current.metadata.name) currentCount++;
      if (podRevision(pod) === update.metadata.name) updated++;
    }
  }
  const status: StatefulSetStatus = {
    observedGeneration: set.metadata.generation || undefined,
    replicas,
    readyReplicas: ready || undefined,
    currentReplicas: currentCount || undefined,
    updatedReplicas: updated || undefined,
    currentRevision: current.metadata.name,
    updateRevision: update.metadata.name,
    collisionCount,
    availableReplicas: available,
  };
  if (set.spec.updateStrategy?.type !== 'OnDelete' && updated === replicas && ready === replicas) {
    status.currentReplicas = status.updatedReplicas;
    status.currentRevision = status.updateRevision;
  }
  for (const k of Object.keys(status) as (keyof StatefulSetStatus)[]) if (status[k] === undefined) delete status[k];
  return status;
}
