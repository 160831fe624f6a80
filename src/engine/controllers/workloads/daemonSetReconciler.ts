// One sync of the DaemonSet controller as a pure function: which nodes should run the
// daemon pod (node selector/affinity and taints against the template plus the automatic
// tolerations), one pod per such node pinned there by node affinity, extra or failed pods
// deleted, the rolling update (maxUnavailable, or maxSurge), and the status.
// Sources: pkg/controller/daemon/daemon_controller.go (NodeShouldRunDaemonPod, predicates,
// podsShouldBeOnNode, manage, syncNodes, updateDaemonSetStatus, getUnscheduledPodsWithoutNode),
// update.go (rollingUpdate, findUpdatedPodsOnNode, updatedDesiredNodeCounts) and
// util/daemonset_util.go (AddOrUpdateDaemonPodTolerations, CreatePodTemplate,
// ReplaceDaemonSetPodNodeNameNodeAffinity, GetTargetNodeName, IsPodUpdated, SurgeCount).
// The failed pods' backoff is client-go's flowcontrol.Backoff (util/flowcontrol/backoff.go).

import { TEMPLATE_GENERATION_ANNOTATION } from '../../api/strategies/workloads';
import type { DaemonSet, DaemonSetStatus, IntOrString, Node, Pod } from '../../core/types';
import { podTolerations, type Taint, type Toleration, toleratesTaint } from '../scheduler';
import { requiredNodeAffinityMatches, requiredNodeSelectorTerms } from '../schedulerNodeAffinity';
import { DAEMONSET_HASH_LABEL } from './daemonSetHistory';
import { copyJson, isPodAvailable, isPodReady, podFromTemplate } from './pods';

/** extensions.DaemonSetTemplateGenerationKey. */
export const TEMPLATE_GENERATION_LABEL = 'pod-template-generation';

export type DaemonSetAction =
  | { type: 'createPod'; node: string; pod: Pod }
  | { type: 'deletePod'; name: string }
  | { type: 'event'; eventType: 'Normal' | 'Warning'; reason: string; message: string }
  /** failedPodsBackoff.Next: the entry to store under `key` (failedPodsBackoffKey). */
  | { type: 'failedPodsBackoff'; key: string; entry: BackoffEntry }
  /** enqueueDaemonSetAfter: sync again after this delay (a failed pod held back by the backoff). */
  | { type: 'requeueAfter'; delayMs: number };

/** One key's state in flowcontrol.Backoff. */
export interface BackoffEntry {
  backoffMs: number;
  lastUpdateMs: number;
}

/** daemon_controller.go: failedPodsBackoff = flowcontrol.NewBackOff(1*time.Second, 15*time.Minute). */
const FAILED_PODS_BACKOFF_INITIAL_MS = 1000;
const FAILED_PODS_BACKOFF_MAX_MS = 15 * 60_000;

/** hasExpired (and GC's test): an entry not updated for twice the maximum starts over. */
export const backoffExpired = (entry: BackoffEntry, nowMs: number): boolean => nowMs - entry.lastUpdateMs > 2 * FAILED_PODS_BACKOFF_MAX_MS;

/** Backoff.Next: 1 s, then doubling up to 15 min. */
function nextBackoff(entry: BackoffEntry | undefined, nowMs: number): BackoffEntry {
  const backoffMs = !entry || backoffExpired(entry, nowMs) ? FAILED_PODS_BACKOFF_INITIAL_MS : Math.min(entry.backoffMs * 2, FAILED_PODS_BACKOFF_MAX_MS);
  return { backoffMs, lastUpdateMs: nowMs };
}

/** failedPodsBackoffKey: per DaemonSet, observed generation and node (a new template starts over). */
const failedPodsBackoffKey = (ds: DaemonSet, nodeName: string): string => `${ds.metadata.uid}/${ds.status?.observedGeneration ?? 0}/${nodeName}`;

export interface DaemonSetSyncInput {
  ds: DaemonSet;
  nodes: readonly Node[];
  /** The pods this DaemonSet controls. */
  pods: readonly Pod[];
  /** The current revision's hash (constructHistory). */
  hash: string;
  nowMs: number;
  /**
   * The rolling update's plan (daemonSetRollingUpdate.ts), from the engine's extension
   * (extensionRegistry.ts). The browser's first picture runs without it: no command can
   * change a DaemonSet's template before the extension arrives, so every daemon pod is up to
   * date and the rolling update would plan nothing.
   */
  rollingUpdate?: (input: DaemonSetSyncInput, byNode: Map<string, Pod[]>, generation: string | undefined) => DaemonSetAction[];
  /** The controller's failedPodsBackoff entries, by failedPodsBackoffKey. */
  failedPodsBackoff?: ReadonlyMap<string, BackoffEntry>;
}

const exists = (key: string, effect: string): Toleration => ({ key, operator: 'Exists', effect });

/** AddOrUpdateDaemonPodTolerations: appended unless an equal toleration is there already. */
export function daemonPodTolerations(spec: Pod['spec']): Toleration[] {
  const out = [...podTolerations({ spec } as Pod)];
  const wanted = [
    exists('node.kubernetes.io/not-ready', 'NoExecute'),
    exists('node.kubernetes.io/unreachable', 'NoExecute'),
    exists('node.kubernetes.io/disk-pressure', 'NoSchedule'),
    exists('node.kubernetes.io/memory-pressure', 'NoSchedule'),
    exists('node.kubernetes.io/pid-pressure', 'NoSchedule'),
    exists('node.kubernetes.io/unschedulable', 'NoSchedule'),
    ...(spec.hostNetwork ? [exists('node.kubernetes.io/network-unavailable', 'NoSchedule')] : []),
  ];
  for (const t of wanted) {
    // MatchToleration: same key, operator, value and effect.
    const i = out.findIndex((o) => (o.key ?? '') === t.key && (o.operator ?? '') === t.operator && (o.value ?? '') === '' && (o.effect ?? '') === t.effect);
    if (i < 0) out.push(t);
  }
  return out;
}

export function templateGenerationOf(ds: DaemonSet): string | undefined {
  const g = ds.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION];
  return g !== undefined && /^-?\d+$/.test(g) ? g : undefined;
}

/** IsPodUpdated: the hash label matches, or the (legacy) template generation label does. */
export function isPodUpdated(pod: Pod, hash: string, generation: string | undefined): boolean {
  const labels = pod.metadata.labels ?? {};
  return (!!hash && labels[DAEMONSET_HASH_LABEL] === hash) || (generation !== undefined && labels[TEMPLATE_GENERATION_LABEL] === generation);
}

/** CreatePodTemplate + ReplaceDaemonSetPodNodeNameNodeAffinity + GetPodFromTemplate for one node. */
export function newDaemonPod(ds: DaemonSet, nodeName: string, hash: string): Pod {
  const pod = podFromTemplate(ds.spec.template, ds);
  const generation = templateGenerationOf(ds);
  pod.metadata.labels = {
    ...pod.metadata.labels,
    ...(generation !== undefined ? { [TEMPLATE_GENERATION_LABEL]: generation } : {}),
    ...(hash ? { [DAEMONSET_HASH_LABEL]: hash } : {}),
  };
  pod.spec.tolerations = daemonPodTolerations(pod.spec) as Pod['spec']['tolerations'];
  const pin = { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }] };
  const affinity = copyJson((pod.spec as { affinity?: Record<string, unknown> }).affinity) ?? {};
  const nodeAffinity = (affinity.nodeAffinity ?? {}) as Record<string, unknown>;
  affinity.nodeAffinity = { ...nodeAffinity, requiredDuringSchedulingIgnoredDuringExecution: pin };
  (pod.spec as { affinity?: unknown }).affinity = affinity;
  return pod;
}

/** GetTargetNodeName: spec.nodeName, else the node the affinity pins the pod to. */
export function targetNodeName(pod: Pod): string | undefined {
  if (pod.spec.nodeName) return pod.spec.nodeName;
  for (const term of requiredNodeSelectorTerms(pod) ?? []) {
    for (const f of term.matchFields ?? []) {
      if (f.key === 'metadata.name' && f.operator === 'In') return f.values?.length === 1 ? f.values[0] : undefined;
    }
  }
  return undefined;
}

/** NodeShouldRunDaemonPod: [shouldRun, shouldContinueRunning]. */
export function nodeShouldRunDaemonPod(node: Node, ds: DaemonSet): [boolean, boolean] {
  const template = ds.spec.template.spec;
  if (template.nodeName && template.nodeName !== node.metadata.name) return [false, false];
  const pod = { metadata: {}, spec: { ...template, nodeName: node.metadata.name } } as Pod;
  if (!requiredNodeAffinityMatches(pod, node)) return [false, false];
  const tolerations = daemonPodTolerations(pod.spec);
  const untolerated = (effects: string[]) => ((node.spec.taints ?? []) as Taint[]).some((t) => effects.includes(t.effect) && !tolerations.some((x) => toleratesTaint(x, t)));
  if (untolerated(['NoSchedule', 'NoExecute'])) return [false, !untolerated(['NoExecute'])];
  return [true, true];
}

const creationOrder = (a: Pod, b: Pod): number => {
  // podByCreationTimestampAndPhase: scheduled pods first, then oldest, then by name.
  if (!!a.spec.nodeName !== !!b.spec.nodeName) return a.spec.nodeName ? -1 : 1;
  const ta = a.metadata.creationTimestamp ?? '';
  const tb = b.metadata.creationTimestamp ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.metadata.name! < b.metadata.name! ? -1 : a.metadata.name! > b.metadata.name! ? 1 : 0;
};

/** intstr.GetScaledValueFromIntOrPercent, rounding up. */
function scaled(v: IntOrString | undefined, total: number): number {
  if (typeof v === 'string') return /^\d+%$/.test(v) ? Math.ceil((Number(v.slice(0, -1)) * total) / 100) : Number(v) || 0;
  return v ?? 0;
}

const rollingUpdateOf = (ds: DaemonSet) => (ds.spec.updateStrategy?.type === 'RollingUpdate' ? ds.spec.updateStrategy.rollingUpdate : undefined);
/** SurgeCount (DaemonSetUpdateSurge is on by default since v1.25). */
export const surgeCount = (ds: DaemonSet, n: number) => scaled(rollingUpdateOf(ds)?.maxSurge, n);
export const unavailableCount = (ds: DaemonSet, n: number) => scaled(rollingUpdateOf(ds)?.maxUnavailable, n);

export function planDaemonSet(input: DaemonSetSyncInput): { actions: DaemonSetAction[]; status: DaemonSetStatus } {
  const { ds, nodes, hash, nowMs } = input;
  const actions: DaemonSetAction[] = [];
  const minReady = ds.spec.minReadySeconds ?? 0;
  const generation = templateGenerationOf(ds);
  const available = (p: Pod) => isPodAvailable(p, minReady, nowMs);
  const byNode = new Map<string, Pod[]>();
  for (const p of input.pods) {
    const n = targetNodeName(p);
    if (n !== undefined) byNode.set(n, [...(byNode.get(n) ?? []), p]);
  }
  const status = computeStatus(ds, nodes, byNode, hash, generation, nowMs);
  if (ds.metadata.deletionTimestamp) return { actions, status };

  const surging = surgeCount(ds, 1) > 0;
  const create: string[] = [];
  const remove: string[] = [];
  /** This sync's Next calls: a second failed pod on the node is then in backoff, as upstream. */
  const backoff = new Map<string, BackoffEntry>();
  for (const node of nodes) {
    const name = node.metadata.name!;
    const [shouldRun, shouldContinueRunning] = nodeShouldRunDaemonPod(node, ds);
    const daemonPods = byNode.get(name);
    if (shouldRun && !daemonPods) {
      create.push(name);
    } else if (shouldContinueRunning && daemonPods) {
      const running: Pod[] = [];
      for (const p of daemonPods) {
        if (p.metadata.deletionTimestamp) continue;
        const where = `${p.metadata.namespace}/${p.metadata.name} on node ${name}`;
        if (p.status?.phase === 'Failed') {
          // A kubelet that rejects the pod fails it at once: back off instead of hot looping.
          const key = failedPodsBackoffKey(ds, name);
          const entry = backoff.get(key) ?? input.failedPodsBackoff?.get(key);
          // IsInBackOffSinceUpdate; the delay is the whole current backoff (Get), as upstream re-queues.
          if (entry && !backoffExpired(entry, nowMs) && nowMs - entry.lastUpdateMs < entry.backoffMs) {
            actions.push({ type: 'requeueAfter', delayMs: entry.backoffMs });
            continue;
          }
          const next = nextBackoff(entry, nowMs);
          backoff.set(key, next);
          actions.push({ type: 'failedPodsBackoff', key, entry: next });
          actions.push({ type: 'event', eventType: 'Warning', reason: 'FailedDaemonPod', message: `Found failed daemon pod ${where}, will try to kill it` });
          remove.push(p.metadata.name!);
        } else if (p.status?.phase === 'Succeeded') {
          actions.push({ type: 'event', eventType: 'Normal', reason: 'SucceededDaemonPod', message: `Found succeeded daemon pod ${where}, will try to delete it` });
          remove.push(p.metadata.name!);
        } else running.push(p);
      }
      running.sort(creationOrder);
      if (!surging) {
        for (const p of running.slice(1)) remove.push(p.metadata.name!);
      } else if (running.length === 0) {
        if (shouldRun) create.push(name);
      } else if (running.length > 1) {
        // Surge: keep the oldest new pod and the oldest old one while the new one is not yet available.
        let oldestNew: Pod | undefined, oldestOld: Pod | undefined;
        for (const p of running) {
          const isNew = p.metadata.labels?.[DAEMONSET_HASH_LABEL] === hash;
          if (isNew && !oldestNew) oldestNew = p;
          else if (!isNew && !oldestOld) oldestOld = p;
          else remove.push(p.metadata.name!);
        }
        if (oldestNew && oldestOld && (!isPodReady(oldestOld) || available(oldestNew))) remove.push(oldestOld.metadata.name!);
      }
    } else if (!shouldContinueRunning && daemonPods) {
      for (const p of daemonPods) if (!p.metadata.deletionTimestamp) remove.push(p.metadata.name!);
    }
  }
  // getUnscheduledPodsWithoutNode: pods pinned to a node that is gone, never bound.
  const known = new Set(nodes.map((n) => n.metadata.name!));
  for (const [n, list] of byNode) if (!known.has(n)) for (const p of list) if (!p.spec.nodeName) remove.push(p.metadata.name!);

  if (create.length || remove.length) {
    // Expectations: the rolling update waits until these writes have been observed (the next sync).
    for (const n of create) actions.push({ type: 'createPod', node: n, pod: newDaemonPod(ds, n, hash) });
    for (const name of remove) actions.push({ type: 'deletePod', name });
    return { actions, status };
  }
  if (ds.spec.updateStrategy?.type === 'RollingUpdate' && input.rollingUpdate) actions.push(...input.rollingUpdate(input, byNode, generation));
  return { actions, status };
}

/** updateDaemonSetStatus: counts per node from its oldest pod; zero optional counts left out. */
function computeStatus(ds: DaemonSet, nodes: readonly Node[], byNode: Map<string, Pod[]>, hash: string, generation: string | undefined, nowMs: number): DaemonSetStatus {
  let desired = 0, current = 0, misscheduled = 0, ready = 0, updated = 0, availableCount = 0;
  for (const node of nodes) {
    const [shouldRun] = nodeShouldRunDaemonPod(node, ds);
    const pods = byNode.get(node.metadata.name!);
    if (!shouldRun) {
      if (pods) misscheduled++;
      continue;
    }
    desired++;
    if (!pods) continue;
    current++;
    const pod = [...pods].sort(creationOrder)[0];
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, ds.spec.minReadySeconds ?? 0, nowMs)) availableCount++;
    }
    if (isPodUpdated(pod, hash, generation)) updated++;
  }
  const status: DaemonSetStatus = {
    currentNumberScheduled: current,
    numberMisscheduled: misscheduled,
    desiredNumberScheduled: desired,
    numberReady: ready,
  };
  if (ds.metadata.generation) status.observedGeneration = ds.metadata.generation;
  if (updated) status.updatedNumberScheduled = updated;
  if (availableCount) status.numberAvailable = availableCount;
  if (desired - availableCount) status.numberUnavailable = desired - availableCount;
  if (ds.status?.collisionCount !== undefined) status.collisionCount = ds.status.collisionCount;
  return status;
}
