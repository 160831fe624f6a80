// Pod status as the kubelet's generateAPIPodStatus writes it, derived purely
// from the runtime state: phase (pkg/kubelet/kubelet_pods.go getPhase),
// container statuses, and the conditions PodReadyToStartContainers,
// Initialized, Ready, ContainersReady, PodScheduled (pkg/kubelet/status/generate.go)
// with lastTransitionTime kept while a condition's status does not change.
//
// Parts of the stored status that would come out the same (same JSON, key order
// included) are reused as they are: the stored objects are frozen, so the API
// server's sharing walk and the store's freeze stop at them, and a write that
// changes one condition allocates only that condition.

import type { ContainerState, ContainerStatus, Pod, PodCondition, PodStatus } from '../../core/types';
import { imageRepository, qualifiedImage } from '../../workloads/containerBehaviour';
import { keysAre } from '../keyOrder';
import { stableHex } from './ids';
import type { ContainerRun, PodRun, TerminatedInfo } from './runtimeState';
import { cached, NO_STATE, runningState, sharedCondition, sharedConditionList, sharedIPList, sharedStatusList, sharedWaitingStatus, waitingState } from './sharedStatus';

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
      containerID: t.containerID,
      exitCode: t.exitCode,
      finishedAt: ts(t.finishedAt),
      reason: t.reason,
      startedAt: ts(t.startedAt),
    } as ContainerState['terminated'],
  };
}

const TERMINATED_KEYS = ['containerID', 'exitCode', 'finishedAt', 'reason', 'startedAt'];
const ONE_KEY: Record<string, readonly string[]> = { terminated: ['terminated'], running: ['running'], waiting: ['waiting'], startedAt: ['startedAt'], reason: ['reason'], ip: ['ip'] };
const MESSAGE_REASON = ['message', 'reason'];
const NO_KEYS: readonly string[] = [];

/** Whether `state` is what terminatedState(t) would build. */
function sameTerminated(state: ContainerState | undefined, t: TerminatedInfo, ts: Ts): boolean {
  const x = state?.terminated as (ContainerState['terminated'] & { containerID?: string }) | undefined;
  return !!x && keysAre(state!, ONE_KEY.terminated) && keysAre(x, TERMINATED_KEYS) && x.containerID === t.containerID && x.exitCode === t.exitCode
    && x.finishedAt === ts(t.finishedAt) && x.reason === t.reason && x.startedAt === ts(t.startedAt);
}

/** Whether `state` is the state containerStatus would build for `c`. */
function sameState(state: ContainerState | undefined, c: ContainerRun, ts: Ts): boolean {
  if (!state) return false;
  if (c.phase === 'running') {
    const r = state.running;
    return !!r && keysAre(state, ONE_KEY.running) && keysAre(r, ONE_KEY.startedAt) && r.startedAt === ts(c.startedAt);
  }
  if (c.phase === 'terminated' && c.terminated) return sameTerminated(state, c.terminated, ts);
  const w = state.waiting;
  if (!w || !keysAre(state, ONE_KEY.waiting) || w.reason !== c.waitingReason) return false;
  return c.waitingMessage ? keysAre(w, MESSAGE_REASON) && w.message === c.waitingMessage : keysAre(w, ONE_KEY.reason);
}

const STATUS_KEYS = ['containerID', 'image', 'imageID', 'lastState', 'name', 'ready', 'restartCount', 'started', 'state'];
const STATUS_KEYS_NO_ID = STATUS_KEYS.slice(1);

/** The container's status entry; `prev` (the stored entry) itself when it would come out the same. */
export function containerStatus(c: ContainerRun, ts: Ts, prev?: ContainerStatus): ContainerStatus {
  const image = qualifiedImage(c.spec.image);
  const imageId = c.everStarted ? imageID(c.spec.image) : '';
  const started = c.phase === 'running' && c.started;
  const id = c.phase === 'terminated' ? c.terminated?.containerID : c.phase === 'running' ? c.containerID : c.lastTerminated?.containerID;
  if (prev && prev.name === c.name && prev.image === image && prev.imageID === imageId && prev.ready === c.ready && prev.restartCount === c.restartCount
    && prev.started === started && prev.containerID === id && keysAre(prev, id ? STATUS_KEYS : STATUS_KEYS_NO_ID) && sameState(prev.state, c, ts)
    && (c.lastTerminated ? sameTerminated(prev.lastState, c.lastTerminated, ts) : !!prev.lastState && keysAre(prev.lastState, NO_KEYS))) {
    return prev;
  }
  // States many containers have in common are shared objects (sharedStatus.ts).
  let state: ContainerState;
  if (c.phase === 'running') state = runningState(ts(c.startedAt));
  else if (c.phase === 'terminated' && c.terminated) state = terminatedState(c.terminated, ts);
  else state = c.waitingMessage ? { waiting: { message: c.waitingMessage, reason: c.waitingReason } } : waitingState(c.waitingReason);
  const lastState = c.lastTerminated ? terminatedState(c.lastTerminated, ts) : NO_STATE;
  // A container not started yet (ContainerCreating) reads the same in every pod of its template: shared.
  if (!id && lastState === NO_STATE && !c.waitingMessage && c.phase === 'waiting') {
    return sharedWaitingStatus(image, imageId, c.name, c.ready, c.restartCount, started, state);
  }
  // containerID leads when there is one (the key order of the kubelet's JSON).
  if (id) return { containerID: id, image, imageID: imageId, lastState, name: c.name, ready: c.ready, restartCount: c.restartCount, started, state };
  return { image, imageID: imageId, lastState, name: c.name, ready: c.ready, restartCount: c.restartCount, started, state };
}

/** getPhase for the pod's restartPolicy. */
export function podPhase(run: PodRun, restartPolicy: string): string {
  // Indexed loops, no closure: this runs for every status write, mostly before it is optimized.
  const cs = run.containers;
  for (let i = 0; i < cs.length; i++) if (!cs[i].everStarted) return 'Pending';
  if (restartPolicy === 'Always') return 'Running';
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i];
    const restarting = c.phase !== 'terminated' || (restartPolicy === 'OnFailure' && (c.terminated?.exitCode ?? 0) !== 0);
    if (restarting) return 'Running';
  }
  for (let i = 0; i < cs.length; i++) if (cs[i].terminated?.exitCode !== 0) return 'Failed';
  return 'Succeeded';
}

/** A condition's lastTransitionTime: kept while its status does not change. */
function since(prev: PodCondition | undefined, status: PodCondition['status'], now: string): string {
  return prev && prev.status === status && prev.lastTransitionTime ? prev.lastTransitionTime : now;
}

const CONDITION_KEYS = ['lastProbeTime', 'lastTransitionTime', 'status', 'type'];
const CONDITION_KEYS_REASON = [...CONDITION_KEYS, 'reason'];
const CONDITION_KEYS_MESSAGE = [...CONDITION_KEYS_REASON, 'message'];

/** The condition; `prev` (the stored one of its type) itself when it would come out the same, else a shared one. */
function condition(prev: PodCondition | undefined, type: string, status: PodCondition['status'], now: string, reason?: string, message?: string): PodCondition {
  const lastTransitionTime = since(prev, status, now);
  if (prev && prev.status === status && prev.lastTransitionTime === lastTransitionTime && prev.lastProbeTime === null && prev.type === type
    && prev.reason === reason && prev.message === message
    && keysAre(prev, message ? CONDITION_KEYS_MESSAGE : reason ? CONDITION_KEYS_REASON : CONDITION_KEYS)) {
    return prev;
  }
  return sharedCondition(type, status, lastTransitionTime, reason, message);
}

const NO_CONDITIONS: readonly PodCondition[] = [];

/** `[{ ip }]`; `prev` itself when it is that already, else a new list or (`shared`) a shared one. */
function ipList(prev: readonly { ip: string }[] | undefined, ip: string, shared: boolean): { ip: string }[] {
  if (Array.isArray(prev) && prev.length === 1 && 0 in prev && prev[0].ip === ip && keysAre(prev[0], ONE_KEY.ip)) return prev as { ip: string }[];
  return shared ? sharedIPList(ip) : [{ ip }];
}

/** `prev` itself when every element of `next` is the same object in the same place, else `next` (or what `share` makes of it). */
function reuseOr<T>(next: T[], prev: readonly T[] | undefined, share?: (list: T[]) => T[]): T[] {
  if (!Array.isArray(prev) || prev.length !== next.length) return share ? share(next) : next;
  for (let i = 0; i < next.length; i++) if (next[i] !== prev[i] || !(i in prev)) return share ? share(next) : next;
  return prev as T[];
}

const unreadyMessages = new Map<string, string>();
const makeUnreadyMessage = (names: string): string => `containers with unready status: [${names}]`;

/** ContainersReady's message, by the unready containers' names (a few name lists recur across thousands of pods). */
function unreadyMessage(names: string): string {
  return cached(unreadyMessages, names, makeUnreadyMessage, 1024);
}

/** What the last conditions list was derived from (see buildPodStatus), and the list. */
const lastConditions = {
  from: null as readonly PodCondition[] | undefined | null,
  now: '',
  phase: '',
  unready: 0,
  unreadyNames: '',
  list: NO_CONDITIONS as PodCondition[],
};

/** The whole status the kubelet would write for `pod` now. */
export function buildPodStatus(pod: Pod, run: PodRun, ts: Ts): PodStatus {
  const old = pod.status ?? {};
  const now = ts();
  const phase = podPhase(run, pod.spec.restartPolicy ?? 'Always');
  let unready = 0;
  let unreadyNames = '';
  const containers = run.containers;
  for (let i = 0; i < containers.length; i++) {
    const c = containers[i];
    if (!c.ready) unreadyNames = unready++ ? `${unreadyNames} ${c.name}` : c.name;
  }
  const gates = pod.spec.readinessGates;
  const from = old.conditions;
  // The conditions are a pure function of the stored list, the time, the phase and the unready
  // containers (with no readiness gates). Pods written in a row mostly agree on all of these:
  // the scheduler's binding gives the pods bound in one second one shared status, and the
  // shared list written here is again the same for pods started in the same second. Only a
  // stored (frozen) list can be recognised by identity.
  const memo = lastConditions;
  let conditions: PodCondition[];
  if (!gates && from === memo.from && now === memo.now && phase === memo.phase && unready === memo.unready && unreadyNames === memo.unreadyNames) {
    conditions = memo.list;
  } else {
    conditions = podConditions(from, gates, now, phase, unready, unreadyNames);
    if (!gates && (from === undefined || Object.isFrozen(from))) {
      memo.from = from;
      memo.now = now;
      memo.phase = phase;
      memo.unready = unready;
      memo.unreadyNames = unreadyNames;
      memo.list = conditions;
    }
  }
  const oldStatuses = Array.isArray(old.containerStatuses) ? old.containerStatuses : undefined;
  const containerStatuses: ContainerStatus[] = [];
  for (let i = 0; i < containers.length; i++) containerStatuses.push(containerStatus(containers[i], ts, oldStatuses?.[i]));
  return {
    conditions,
    containerStatuses: reuseOr(containerStatuses, oldStatuses, sharedStatusList),
    hostIP: run.hostIP,
    // The node's list is shared by its pods; a pod's own IP is its own.
    hostIPs: ipList(old.hostIPs, run.hostIP, true),
    phase,
    podIP: run.podIP,
    podIPs: ipList(old.podIPs, run.podIP, false),
    qosClass: old.qosClass ?? 'BestEffort',
    startTime: ts(run.startTime),
  };
}

/**
 * The pod's conditions (generate.go): the kubelet's five, with lastTransitionTime kept while a
 * status does not change, then the ones other writers own. `from` (the stored list) itself
 * when they come out the same.
 */
function podConditions(from: readonly PodCondition[] | undefined, gates: Pod['spec']['readinessGates'], now: string, phase: string, unready: number, unreadyNames: string): PodCondition[] {
  const finished = phase === 'Succeeded' || phase === 'Failed';
  // The previous conditions the kubelet owns (the first of each type), and the ones other writers own.
  const oldConditions = from ?? NO_CONDITIONS;
  let prevStart: PodCondition | undefined;
  let prevInitialized: PodCondition | undefined;
  let prevReady: PodCondition | undefined;
  let prevContainersReady: PodCondition | undefined;
  let prevScheduled: PodCondition | undefined;
  let others: PodCondition[] | undefined;
  for (let i = 0; i < oldConditions.length; i++) {
    const c = oldConditions[i];
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
  const missingGate = gates?.find((g) => oldConditions.find((c) => c.type === g.conditionType)?.status !== 'True');
  let containersReady: PodCondition;
  let ready: PodCondition;
  if (unready === 0) {
    containersReady = condition(prevContainersReady, 'ContainersReady', 'True', now);
    if (missingGate) {
      ready = condition(prevReady, 'Ready', 'False', now, 'ReadinessGatesNotReady', `corresponding condition of pod readiness gate "${missingGate.conditionType}" does not exist.`);
    } else {
      ready = condition(prevReady, 'Ready', 'True', now);
    }
  } else {
    // Ready mirrors ContainersReady's verdict and words while containers are unready.
    const reason = finished ? 'PodCompleted' : 'ContainersNotReady';
    const message = finished ? undefined : unreadyMessage(unreadyNames);
    containersReady = condition(prevContainersReady, 'ContainersReady', 'False', now, reason, message);
    ready = condition(prevReady, 'Ready', 'False', now, reason, message);
  }
  const conditions: PodCondition[] = [
    condition(prevStart, 'PodReadyToStartContainers', finished ? 'False' : 'True', now),
    condition(prevInitialized, 'Initialized', 'True', now, finished ? 'PodCompleted' : undefined),
    ready,
    containersReady,
    prevScheduled ?? sharedCondition('PodScheduled', 'True', now),
  ];
  if (others) for (const c of others) conditions.push(c);
  return reuseOr(conditions, from, sharedConditionList);
}
