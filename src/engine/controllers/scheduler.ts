// kube-scheduler for the simulated cluster: binds each unscheduled pod of the
// default scheduler to a feasible node. Filters follow the default plugins
// that matter here (NodeUnschedulable, NodeAffinity for nodeSelector,
// TaintToleration); scoring is replaced by "fewest pods, then name" so pods
// spread evenly and deterministically. Failure text is FitError.Error()
// (pkg/scheduler/framework/types.go) with the preemption post-filter message.

import type { EngineContext } from '../context';
import { KeyQueue } from '../core/queue';
import { holdsUndefined, keyOf, type WatchEvent } from '../core/store';
import type { Node, Pod, PodCondition, PodStatus } from '../core/types';
import { isMirrorPod } from '../controlPlanePods';
import { sharedCondition } from './kubelet/sharedStatus';
import { requiredNodeAffinityMatches } from './schedulerNodeAffinity';
import type { Controller } from './runtime';

export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

export interface Taint {
  key: string;
  value?: string;
  effect: string;
}

/** v1helper.TolerationsTolerateTaint / Toleration.ToleratesTaint. */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if ((t.operator ?? 'Equal') === 'Exists') return !t.key || t.key === taint.key;
  return (t.key ?? '') === taint.key && (t.value ?? '') === (taint.value ?? '');
}

export function podTolerations(pod: Pod): Toleration[] {
  return (pod.spec.tolerations ?? []) as Toleration[];
}

/** Plugin failure reasons, as the plugins word them. */
export const REASON_UNSCHEDULABLE = 'node(s) were unschedulable';
export const REASON_SELECTOR = "node(s) didn't match Pod's node affinity/selector";
/** NodeResourcesFit's reason when the node already runs status.allocatable.pods pods. */
export const REASON_TOO_MANY_PODS = 'Too many pods';
export const untoleratedTaintReason = (t: Taint) => `node(s) had untolerated taint {${t.key}: ${t.value ?? ''}}`;

/** The first filter a node fails for `pod`, or undefined when the node fits. */
export function filterNode(pod: Pod, node: Node): string | undefined {
  if (node.spec.unschedulable) {
    // NodeUnschedulable lets pods that tolerate node.kubernetes.io/unschedulable through.
    const taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };
    if (!podTolerations(pod).some((t) => toleratesTaint(t, taint))) return REASON_UNSCHEDULABLE;
  }
  const nodeSelector = pod.spec.nodeSelector;
  if (nodeSelector) {
    const labels = node.metadata.labels ?? {};
    for (const k of Object.keys(nodeSelector)) if (labels[k] !== nodeSelector[k]) return REASON_SELECTOR;
  }
  if ((pod.spec as { affinity?: unknown }).affinity && !requiredNodeAffinityMatches(pod, node)) return REASON_SELECTOR;
  // Checked for every node for every pod: no empty list or closure when the node has no taints.
  const taints = node.spec.taints;
  if (taints) {
    for (const taint of taints) {
      if (taint.effect !== 'NoSchedule' && taint.effect !== 'NoExecute') continue;
      if (!podTolerations(pod).some((t) => toleratesTaint(t, taint))) return untoleratedTaintReason(taint);
    }
  }
  return undefined;
}

export type ScheduleResult = { node: string } | { message: string };

/**
 * Picks the feasible node with the fewest pods by `spreadCount` (ties by name), after
 * NodeResourcesFit's pod-count check by `podCount`. When none fits,
 * returns FitError's message: reasons counted per node, each "<n> <reason>",
 * sorted as strings, then the preemption verdict (every reason here is
 * UnschedulableAndUnresolvable, so preemption cannot help on any node).
 */
export function chooseNode(pod: Pod, nodes: readonly Node[], podCount: (node: string) => number, spreadCount: (node: string) => number = podCount): ScheduleResult {
  let best: Node | undefined;
  let bestCount = 0;
  /** Failure reasons counted per node (only needed, so only built, when a node fails). */
  let reasons: Map<string, number> | undefined;
  for (const node of nodes) {
    let reason = filterNode(pod, node);
    let count = 0;
    if (!reason) {
      count = podCount(node.metadata.name!);
      if (count >= Number(node.status.allocatable?.pods ?? Infinity)) reason = REASON_TOO_MANY_PODS;
    }
    if (reason) {
      reasons ??= new Map();
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      continue;
    }
    if (spreadCount !== podCount) count = spreadCount(node.metadata.name!);
    if (!best || count < bestCount || (count === bestCount && node.metadata.name! < best.metadata.name!)) {
      best = node;
      bestCount = count;
    }
  }
  if (best) return { node: best.metadata.name! };
  return { message: fitErrorMessage(nodes.length, reasons ?? new Map()) };
}

export function fitErrorMessage(numNodes: number, reasons: Map<string, number>): string {
  const histogram = [...reasons].map(([reason, n]) => `${n} ${reason}`).sort();
  let msg = `0/${numNodes} nodes are available:`;
  if (histogram.length) msg += ` ${histogram.join(', ')}.`;
  // Resource shortage is resolvable by preemption in principle; with every pod at priority 0
  // there is nobody to evict. The other filters are UnschedulableAndUnresolvable.
  const resolvable = reasons.get(REASON_TOO_MANY_PODS) ?? 0;
  const verdicts: string[] = [];
  if (numNodes - resolvable > 0) verdicts.push(`${numNodes - resolvable} Preemption is not helpful for scheduling`);
  if (resolvable > 0) verdicts.push(`${resolvable} No preemption victims found for incoming pod`);
  msg += ` preemption: 0/${numNodes} nodes are available: ${verdicts.sort().join(', ')}.`;
  return msg;
}

const SOURCE = { component: 'default-scheduler' };

class Scheduler implements Controller {
  readonly name = 'scheduler';
  readonly kinds = ['Node', 'Pod'];
  readonly queue = new KeyQueue();
  /**
   * How many pods assigned to each node still count (not Succeeded/Failed). Counts, not sets
   * of keys: a pod's previous version comes with every watch event, so where it counted is known.
   */
  private readonly assigned = new Map<string, number>();
  /**
   * Of those, the mirror pods (the control plane's static pods). They count for the node's
   * pod capacity but not for the spreading score: the score stands in for the default
   * spreading (PodTopologySpread's system defaults), which counts the pods of the incoming
   * pod's own Service or ReplicaSet, and a mirror pod is never one of those.
   */
  private readonly mirrors = new Map<string, number>();
  /** Pods that could not be placed; retried whenever a node changes. */
  private readonly unschedulable = new Set<string>();
  /** The stored Nodes, in store order (listed again after any Node event). */
  private nodes: readonly Node[] | undefined;

  constructor(private readonly ctx: EngineContext) {}

  handle(event: WatchEvent): void {
    if (event.kind === 'Node') {
      this.nodes = undefined;
      if (event.type !== 'MODIFIED' || nodeSchedulingChanged(event.old as Node, event.object as Node)) {
        for (const key of this.unschedulable) this.queue.add(key);
      }
      return;
    }
    if (event.kind !== 'Pod') return;
    const pod = event.object as Pod;
    const phase = pod.status?.phase;
    const old = event.old as Pod | undefined;
    // A status write of a bound pod (same spec, so same node) that does not finish it: its
    // node's count stands and there is nothing to schedule.
    if (event.type === 'MODIFIED' && old && old.spec === pod.spec && pod.spec.nodeName && finished(old.status?.phase) === finished(phase)) return;
    const key = event.key ?? keyOf(pod);
    const counted = event.type !== 'DELETED' ? countedOn(pod) : undefined;
    // The version this scheduler saw last: the previous one (a DELETED event carries the last one).
    const before = event.type === 'ADDED' ? undefined : event.type === 'DELETED' ? pod : old;
    const was = before ? countedOn(before) : undefined;
    const freed = was !== undefined && !counted;
    if (was !== counted) {
      if (was !== undefined) this.assigned.set(was, this.assigned.get(was)! - 1);
      if (counted) this.assigned.set(counted, (this.assigned.get(counted) ?? 0) + 1);
      if (isMirrorPod(pod)) {
        if (was !== undefined) this.mirrors.set(was, this.mirrors.get(was)! - 1);
        if (counted) this.mirrors.set(counted, (this.mirrors.get(counted) ?? 0) + 1);
      }
    }
    // A pod leaving a node frees a slot that a pod waiting for room may take.
    if (freed) for (const waiting of this.unschedulable) this.queue.add(waiting);
    if (event.type === 'DELETED') {
      this.unschedulable.delete(key);
      return;
    }
    if (!pod.spec.nodeName && (pod.spec.schedulerName ?? 'default-scheduler') === 'default-scheduler' && !pod.metadata.deletionTimestamp) {
      // A pod already reported unschedulable waits for a node change, as in the scheduler's unschedulable queue.
      if (event.type === 'ADDED' || !this.unschedulable.has(key)) this.queue.add(key);
    }
  }

  /** Pods counted on a node (NodeResourcesFit's pod count, and the spreading score). */
  private readonly podCount = (node: string): number => this.assigned.get(node) ?? 0;

  /** Pods counted on a node for the spreading score: mirror pods left out. */
  private readonly spreadCount = (node: string): number => (this.assigned.get(node) ?? 0) - (this.mirrors.get(node) ?? 0);

  sync(key: string): void {
    const { ctx } = this;
    // The key split without an array (this runs once per pod).
    const slash = key.indexOf('/');
    const ns = key.slice(0, slash);
    const name = key.slice(slash + 1);
    const pod = ctx.store.get<Pod>('Pod', ns, name);
    if (!pod || pod.spec.nodeName || pod.metadata.deletionTimestamp) {
      this.unschedulable.delete(key);
      return;
    }
    const nodes = (this.nodes ??= ctx.store.list<Node>('Node'));
    const result = chooseNode(pod, nodes, this.podCount, this.mirrors.size ? this.spreadCount : this.podCount);
    const now = ctx.clock.timestamp();
    if ('node' in result) {
      this.unschedulable.delete(key);
      // The pods/binding subresource: nodeName plus PodScheduled=True (registry/core/pod/storage assignPod).
      // New spec and status built from the stored pod (replaceFields copies nothing else).
      const bound = ctx.api.replaceFields<Pod>('Pod', ns, name, (p) => ({ spec: { ...p.spec, nodeName: result.node }, status: boundStatus(p.status, now) }));
      ctx.events.record(bound, 'Normal', 'Scheduled', `Successfully assigned ${ns}/${name} to ${result.node}`, SOURCE);
      return;
    }
    this.unschedulable.add(key);
    const updated = ctx.api.updateStatus<Pod>('Pod', ns, name, (p) => {
      const old = p.status?.conditions?.find((c) => c.type === 'PodScheduled');
      const keep = old && old.status === 'False' && old.lastTransitionTime;
      p.status = { ...(p.status ?? {}), phase: p.status?.phase ?? 'Pending' };
      p.status.conditions = [
        ...(p.status.conditions ?? []).filter((c) => c.type !== 'PodScheduled'),
        { lastProbeTime: null, lastTransitionTime: keep ? old.lastTransitionTime : now, message: result.message, reason: 'Unschedulable', status: 'False', type: 'PodScheduled' },
      ];
    });
    ctx.events.record(updated, 'Warning', 'FailedScheduling', result.message, SOURCE);
  }
}

/**
 * The status the binding stores: the pod's status with phase (Pending unless set) and
 * PodScheduled=True at `now` replacing any PodScheduled condition. One PodScheduled object
 * for every pod bound in this second (shared, frozen); a pod with no other condition (nearly
 * all) gets a shared one-element list.
 */
export function boundStatus(status: PodStatus | undefined, now: string): PodStatus {
  const scheduled = sharedCondition('PodScheduled', 'True', now);
  const old = status ?? NO_STATUS;
  const prior = old.conditions;
  if (!prior?.length) {
    // Nearly every pod arrives with one of the API server's shared Pending statuses: pods bound
    // in a row from the same one share one frozen result (invisible in the JSON, key order
    // included), and the API server's sharing walk and the store's freeze stop at it.
    if (old === lastBoundFrom && lastBound?.conditions![0] === scheduled) return lastBound;
    const bound: PodStatus = { ...old, phase: old.phase ?? 'Pending' };
    bound.conditions = onlyCondition(scheduled);
    // Only a stored (frozen) status holding no undefined value below makes a shareable result:
    // the store's freeze skips frozen nodes, so it must not be told of one that holds undefined.
    if (!Object.isFrozen(old) || holdsUndefined(old)) return bound;
    lastBoundFrom = old;
    return (lastBound = Object.freeze(bound));
  }
  const bound: PodStatus = { ...old, phase: old.phase ?? 'Pending' };
  const others = prior.filter((c) => c.type !== 'PodScheduled');
  bound.conditions = others.length ? [...others, scheduled] : onlyCondition(scheduled);
  return bound;
}

const NO_STATUS: PodStatus = Object.freeze({});
/** The last shared result of boundStatus, and the (frozen, stored) status it was made from. */
let lastBoundFrom: PodStatus | undefined;
let lastBound: PodStatus | undefined;

let lastOnly: readonly PodCondition[] = [];

/** `[condition]`, frozen and shared by the pods bound in a row with that (shared) condition. */
function onlyCondition(condition: PodCondition): PodCondition[] {
  if (lastOnly[0] !== condition) lastOnly = Object.freeze([condition]);
  return lastOnly as PodCondition[];
}

/** Succeeded and Failed pods no longer count on their node. */
function finished(phase: string | undefined): boolean {
  return phase === 'Succeeded' || phase === 'Failed';
}

/** The node a pod counts on, or undefined (not bound, or finished). */
function countedOn(pod: Pod): string | undefined {
  return pod.spec.nodeName && !finished(pod.status?.phase) ? pod.spec.nodeName : undefined;
}

function nodeSchedulingChanged(a: Node | undefined, b: Node): boolean {
  if (!a) return true;
  return a.spec.unschedulable !== b.spec.unschedulable
    || JSON.stringify(a.spec.taints ?? []) !== JSON.stringify(b.spec.taints ?? [])
    || JSON.stringify(a.metadata.labels ?? {}) !== JSON.stringify(b.metadata.labels ?? {});
}

export function createSchedulerController(ctx: EngineContext): Controller {
  return new Scheduler(ctx);
}
