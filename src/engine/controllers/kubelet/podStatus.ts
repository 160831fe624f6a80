// Pod status as the kubelet's generateAPIPodStatus writes it, derived purely
// from the runtime state: phase (pkg/kubelet/kubelet_pods.go getPhase),
// container statuses, and the conditions PodReadyToStartContainers,
// Initialized, Ready, ContainersReady, PodScheduled (pkg/kubelet/status/generate.go)
// with lastTransitionTime kept while a condition's status does not change.

import type { ContainerState, ContainerStatus, Pod, PodCondition, PodStatus } from '../../core/types';
import { imageRepository, qualifiedImage } from '../../workloads/containerBehaviour';
import { stableHex } from './ids';
import type { ContainerRun, PodRun, TerminatedInfo } from './runtimeState';

type Ts = (ms?: number) => string;

const imageIDs = new Map<string, string>();

/** `docker.io/library/nginx@sha256:…`: one stable digest per repository (cached by image reference). */
function imageID(image: string | undefined): string {
  const key = image ?? '';
  let id = imageIDs.get(key);
  if (!id) {
    const repo = imageRepository(image);
    imageIDs.set(key, (id = `${repo}@sha256:${stableHex(`image:${repo}`, 64)}`));
  }
  return id;
}

function terminatedState(t: TerminatedInfo, ts: Ts): ContainerState {
  return {
    terminated: {
      containerID: `containerd://${t.containerID}`,
      exitCode: t.exitCode,
      finishedAt: ts(t.finishedAt),
      reason: t.reason,
      startedAt: ts(t.startedAt),
    } as ContainerState['terminated'],
  };
}

export function containerStatus(c: ContainerRun, ts: Ts): ContainerStatus {
  let state: ContainerState;
  if (c.phase === 'running') state = { running: { startedAt: ts(c.startedAt) } };
  else if (c.phase === 'terminated' && c.terminated) state = terminatedState(c.terminated, ts);
  else state = { waiting: c.waitingMessage ? { message: c.waitingMessage, reason: c.waitingReason } : { reason: c.waitingReason } };
  const image = qualifiedImage(c.spec.image);
  const imageId = c.everStarted ? imageID(c.spec.image) : '';
  const lastState = c.lastTerminated ? terminatedState(c.lastTerminated, ts) : {};
  const started = c.phase === 'running' && c.started;
  const id = c.phase === 'terminated' ? c.terminated?.containerID : c.phase === 'running' ? c.containerID : c.lastTerminated?.containerID;
  // containerID leads when there is one (the key order of the kubelet's JSON).
  if (id) return { containerID: `containerd://${id}`, image, imageID: imageId, lastState, name: c.name, ready: c.ready, restartCount: c.restartCount, started, state };
  return { image, imageID: imageId, lastState, name: c.name, ready: c.ready, restartCount: c.restartCount, started, state };
}

/** getPhase for the pod's restartPolicy. */
export function podPhase(run: PodRun, restartPolicy: string): string {
  const cs = run.containers;
  for (const c of cs) if (!c.everStarted) return 'Pending';
  if (restartPolicy === 'Always') return 'Running';
  for (const c of cs) {
    const restarting = c.phase !== 'terminated' || (restartPolicy === 'OnFailure' && (c.terminated?.exitCode ?? 0) !== 0);
    if (restarting) return 'Running';
  }
  return cs.every((c) => c.terminated?.exitCode === 0) ? 'Succeeded' : 'Failed';
}

/** A condition's lastTransitionTime: kept while its status does not change. */
function since(prev: PodCondition | undefined, status: PodCondition['status'], now: string): string {
  return prev && prev.status === status && prev.lastTransitionTime ? prev.lastTransitionTime : now;
}

function condition(type: string, status: PodCondition['status'], lastTransitionTime: string, reason?: string, message?: string): PodCondition {
  const c: PodCondition = { lastProbeTime: null, lastTransitionTime, status, type };
  if (reason) c.reason = reason;
  if (message) c.message = message;
  return c;
}

const NO_CONDITIONS: readonly PodCondition[] = [];

/** The whole status the kubelet would write for `pod` now. */
export function buildPodStatus(pod: Pod, run: PodRun, ts: Ts): PodStatus {
  const old = pod.status ?? {};
  const now = ts();
  const phase = podPhase(run, pod.spec.restartPolicy ?? 'Always');
  const finished = phase === 'Succeeded' || phase === 'Failed';
  // The previous conditions the kubelet owns (the first of each type), and the ones other writers own.
  const oldConditions = old.conditions ?? NO_CONDITIONS;
  let prevStart: PodCondition | undefined;
  let prevInitialized: PodCondition | undefined;
  let prevReady: PodCondition | undefined;
  let prevContainersReady: PodCondition | undefined;
  let prevScheduled: PodCondition | undefined;
  let others: PodCondition[] | undefined;
  for (const c of oldConditions) {
    switch (c.type) {
      case 'PodReadyToStartContainers': prevStart ??= c; break;
      case 'Initialized': prevInitialized ??= c; break;
      case 'Ready': prevReady ??= c; break;
      case 'ContainersReady': prevContainersReady ??= c; break;
      case 'PodScheduled': prevScheduled ??= c; break;
      // Conditions other writers own (readiness gates, DisruptionTarget) are kept.
      default: (others ??= []).push(c);
    }
  }
  let unready = 0;
  let unreadyNames = '';
  for (const c of run.containers) if (!c.ready) unreadyNames = unready++ ? `${unreadyNames} ${c.name}` : c.name;
  const gates = pod.spec.readinessGates;
  const missingGate = gates?.find((g) => oldConditions.find((c) => c.type === g.conditionType)?.status !== 'True');
  let containersReady: PodCondition;
  let ready: PodCondition;
  if (unready === 0) {
    containersReady = condition('ContainersReady', 'True', since(prevContainersReady, 'True', now));
    if (missingGate) {
      ready = condition('Ready', 'False', since(prevReady, 'False', now), 'ReadinessGatesNotReady', `corresponding condition of pod readiness gate "${missingGate.conditionType}" does not exist.`);
    } else {
      ready = condition('Ready', 'True', since(prevReady, 'True', now));
    }
  } else {
    // Ready mirrors ContainersReady's verdict and words while containers are unready.
    const reason = finished ? 'PodCompleted' : 'ContainersNotReady';
    const message = finished ? undefined : `containers with unready status: [${unreadyNames}]`;
    containersReady = condition('ContainersReady', 'False', since(prevContainersReady, 'False', now), reason, message);
    ready = condition('Ready', 'False', since(prevReady, 'False', now), reason, message);
  }
  const conditions: PodCondition[] = [
    condition('PodReadyToStartContainers', finished ? 'False' : 'True', since(prevStart, finished ? 'False' : 'True', now)),
    condition('Initialized', 'True', since(prevInitialized, 'True', now), finished ? 'PodCompleted' : undefined),
    ready,
    containersReady,
    prevScheduled ?? condition('PodScheduled', 'True', now),
  ];
  if (others) for (const c of others) conditions.push(c);
  const containerStatuses: ContainerStatus[] = [];
  for (const c of run.containers) containerStatuses.push(containerStatus(c, ts));
  return {
    conditions,
    containerStatuses,
    hostIP: run.hostIP,
    hostIPs: [{ ip: run.hostIP }],
    phase,
    podIP: run.podIP,
    podIPs: [{ ip: run.podIP }],
    qosClass: old.qosClass ?? 'BestEffort',
    startTime: ts(run.startTime),
  };
}
