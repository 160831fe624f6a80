// Parts of pod statuses that thousands of pods have in common, built once and
// shared. Pods that start in the same simulated second have the same Ready
// condition (same type, status and lastTransitionTime), the same running state,
// the same empty lastState, the same node IPs: storing one frozen object for all
// of them keeps the cluster's memory per pod small, and the store's freeze walk
// and the API server's sharing walk stop at them. Stored objects are frozen and
// copied before any edit, so sharing them between pods is invisible in the JSON
// (key order included) and to every reader.

import type { ContainerState, ContainerStatus, PodCondition } from '../../core/types';

/** Bound on each cache below (timestamps and names come and go). */
const CACHE_LIMIT = 4096;
/** Bound on the candidates compared for one key (each is a short list). */
const CANDIDATES_LIMIT = 32;

/** Shared conditions by lastTransitionTime (few types, statuses and reasons per second). */
const conditions = new Map<string, PodCondition[]>();

/**
 * The condition `{ lastProbeTime: null, lastTransitionTime, status, type, reason?, message? }`
 * (the kubelet's key order; reason and message only when set), frozen and shared.
 */
export function sharedCondition(type: string, status: PodCondition['status'], lastTransitionTime: string, reason?: string, message?: string): PodCondition {
  let list = conditions.get(lastTransitionTime);
  if (list) {
    for (const c of list) if (c.type === type && c.status === status && c.reason === reason && c.message === message) return c;
  } else {
    if (conditions.size >= CACHE_LIMIT) conditions.clear();
    conditions.set(lastTransitionTime, (list = []));
  }
  const c: PodCondition = { lastProbeTime: null, lastTransitionTime, status, type };
  if (reason) c.reason = reason;
  if (message) c.message = message;
  Object.freeze(c);
  if (list.length < CANDIDATES_LIMIT) list.push(c);
  return c;
}

/** Shared condition lists, by their third element (Ready, the one that varies most). */
const conditionLists = new Map<PodCondition, PodCondition[][]>();

/**
 * `list` itself, or a frozen list with the same elements (the same objects, in the same
 * order) shared with other pods. Only lists whose elements are all frozen are shared: a
 * frozen list is not walked again by the store's freeze.
 */
export function sharedConditionList(list: PodCondition[]): PodCondition[] {
  if (list.length < 3) return list;
  for (const c of list) if (!Object.isFrozen(c)) return list;
  const key = list[2];
  let candidates = conditionLists.get(key);
  if (candidates) {
    for (const other of candidates) if (sameElements(other, list)) return other;
  } else {
    if (conditionLists.size >= CACHE_LIMIT) conditionLists.clear();
    conditionLists.set(key, (candidates = []));
  }
  Object.freeze(list);
  if (candidates.length < CANDIDATES_LIMIT) candidates.push(list);
  return list;
}

function sameElements<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A container's lastState before it has ever terminated. */
export const NO_STATE: ContainerState = Object.freeze({});

/**
 * The value cached for `key`, made the first time (the cache is cleared when it holds
 * `limit` entries). `make` should be a module-level function: no closure per call.
 */
export function cached<V>(cache: Map<string, V>, key: string, make: (key: string) => V, limit = CACHE_LIMIT): V {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= limit) cache.clear();
    cache.set(key, (value = make(key)));
  }
  return value;
}

const running = new Map<string, ContainerState>();
const makeRunning = (startedAt: string): ContainerState => Object.freeze({ running: Object.freeze({ startedAt }) });

/** `{ running: { startedAt } }`, frozen and shared. */
export function runningState(startedAt: string): ContainerState {
  return cached(running, startedAt, makeRunning);
}

const waiting = new Map<string, ContainerState>();
const makeWaiting = (reason: string): ContainerState => Object.freeze({ waiting: Object.freeze({ reason }) });

/** `{ waiting: { reason } }` (no message), frozen and shared. */
export function waitingState(reason: string): ContainerState {
  return cached(waiting, reason, makeWaiting);
}

const ipLists = new Map<string, { ip: string }[]>();
const makeIPList = (ip: string) => Object.freeze([Object.freeze({ ip })]) as { ip: string }[];

/** `[{ ip }]`, frozen and shared (a node's address, in every pod on it). */
export function sharedIPList(ip: string): { ip: string }[] {
  return cached(ipLists, ip, makeIPList);
}

/** The last shared status of a container not started yet (pods of one template are admitted in a row). */
let lastWaiting: ContainerStatus | undefined;

/**
 * `{ image, imageID, lastState: {}, name, ready, restartCount, started, state }` (no containerID:
 * no container yet), frozen and shared while consecutive pods have the same one.
 */
export function sharedWaitingStatus(image: string, imageID: string, name: string, ready: boolean, restartCount: number, started: boolean, state: ContainerState): ContainerStatus {
  const s = lastWaiting;
  if (s && s.image === image && s.imageID === imageID && s.name === name && s.ready === ready && s.restartCount === restartCount && s.started === started && s.state === state) return s;
  // Only a shared (frozen) state makes the whole entry shareable.
  const status: ContainerStatus = { image, imageID, lastState: NO_STATE, name, ready, restartCount, started, state };
  if (!Object.isFrozen(state)) return status;
  return (lastWaiting = Object.freeze(status));
}

/** The last shared one-element container status list. */
let lastStatusList: readonly ContainerStatus[] = [];

/** `list` itself, or a frozen shared list when it holds one shared (frozen) entry (see sharedWaitingStatus). */
export function sharedStatusList(list: ContainerStatus[]): ContainerStatus[] {
  if (list.length !== 1 || !Object.isFrozen(list[0])) return list;
  if (lastStatusList[0] !== list[0]) lastStatusList = Object.freeze(list);
  return lastStatusList as ContainerStatus[];
}
