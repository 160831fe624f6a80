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

/** `docker.io/library/nginx@sha256:…`: one stable digest per repository. */
function imageID(image: string | undefined): string {
  const repo = imageRepository(image);
  let id = imageIDs.get(repo);
  if (!id) imageIDs.set(repo, (id = `${repo}@sha256:${stableHex(`image:${repo}`, 64)}`));
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
  const status: ContainerStatus = {
    image: qualifiedImage(c.spec.image),
    imageID: c.everStarted ? imageID(c.spec.image) : '',
    lastState: c.lastTerminated ? terminatedState(c.lastTerminated, ts) : {},
    name: c.name,
    ready: c.ready,
    restartCount: c.restartCount,
    started: c.phase === 'running' && c.started,
    state,
  };
  const id = c.phase === 'terminated' ? c.terminated?.containerID : c.phase === 'running' ? c.containerID : c.lastTerminated?.containerID;
  return id ? { containerID: `containerd://${id}`, ...status } : status;
}

/** getPhase for the pod's restartPolicy. */
export function podPhase(run: PodRun, restartPolicy: string): string {
  const cs = run.containers;
  if (cs.some((c) => !c.everStarted)) return 'Pending';
  if (restartPolicy === 'Always') return 'Running';
  const restarting = (c: ContainerRun) =>
    c.phase !== 'terminated' || (restartPolicy === 'OnFailure' && (c.terminated?.exitCode ?? 0) !== 0);
  if (cs.some(restarting)) return 'Running';
  return cs.every((c) => c.terminated?.exitCode === 0) ? 'Succeeded' : 'Failed';
}

function condition(old: PodCondition[] | undefined, type: string, status: PodCondition['status'], now: string, reason?: string, message?: string): PodCondition {
  const prev = old?.find((c) => c.type === type);
  const lastTransitionTime = prev && prev.status === status && prev.lastTransitionTime ? prev.lastTransitionTime : now;
  const c: PodCondition = { lastProbeTime: null, lastTransitionTime, status, type };
  if (reason) c.reason = reason;
  if (message) c.message = message;
  return c;
}

/** The whole status the kubelet would write for `pod` now. */
export function buildPodStatus(pod: Pod, run: PodRun, ts: Ts): PodStatus {
  const old = pod.status ?? {};
  const now = ts();
  const phase = podPhase(run, pod.spec.restartPolicy ?? 'Always');
  const unready = run.containers.filter((c) => !c.ready).map((c) => c.name);
  const gates = pod.spec.readinessGates ?? [];
  const missingGate = gates.find((g) => old.conditions?.find((c) => c.type === g.conditionType)?.status !== 'True');
  const finished = phase === 'Succeeded' || phase === 'Failed';
  const containersReady = unready.length === 0
    ? condition(old.conditions, 'ContainersReady', 'True', now)
    : condition(old.conditions, 'ContainersReady', 'False', now, finished ? 'PodCompleted' : 'ContainersNotReady', finished ? undefined : `containers with unready status: [${unready.join(' ')}]`);
  let ready: PodCondition;
  if (unready.length) ready = { ...containersReady, type: 'Ready' };
  else if (missingGate) ready = condition(old.conditions, 'Ready', 'False', now, 'ReadinessGatesNotReady', `corresponding condition of pod readiness gate "${missingGate.conditionType}" does not exist.`);
  else ready = condition(old.conditions, 'Ready', 'True', now);
  ready.lastTransitionTime = condition(old.conditions, 'Ready', ready.status, now).lastTransitionTime;
  const scheduled = old.conditions?.find((c) => c.type === 'PodScheduled') ?? condition(undefined, 'PodScheduled', 'True', now);
  const conditions: PodCondition[] = [
    condition(old.conditions, 'PodReadyToStartContainers', finished ? 'False' : 'True', now),
    condition(old.conditions, 'Initialized', 'True', now, finished ? 'PodCompleted' : undefined),
    ready,
    containersReady,
    scheduled,
    // Conditions other writers own (readiness gates, DisruptionTarget) are kept.
    ...(old.conditions ?? []).filter((c) => !['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].includes(c.type)),
  ];
  const status: PodStatus = {
    conditions,
    containerStatuses: run.containers.map((c) => containerStatus(c, ts)),
    hostIP: run.hostIP,
    hostIPs: [{ ip: run.hostIP }],
    phase,
    podIP: run.podIP,
    podIPs: [{ ip: run.podIP }],
    qosClass: old.qosClass ?? 'BestEffort',
    startTime: ts(run.startTime),
  };
  return status;
}
