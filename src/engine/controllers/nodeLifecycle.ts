// The node lifecycle controller and the taint-eviction controller
// (pkg/controller/nodelifecycle/node_lifecycle_controller.go,
// pkg/controller/tainteviction/taint_eviction.go). When a node's kubelet
// stops posting status for node-monitor-grace-period, its conditions turn
// Unknown, it gets the unreachable taints, its pods are marked not ready, and
// pods whose toleration of the NoExecute taint runs out are deleted. The
// kubelet being dead, those pods stay Terminating until the node returns (a
// real cluster shows exactly that; nothing force-removes them without the
// out-of-service taint).

import type { EngineContext } from '../context';
import { KeyQueue } from '../core/queue';
import { keyOf, type WatchEvent } from '../core/store';
import type { Timer } from '../core/timers';
import type { Node, NodeCondition, Pod } from '../core/types';
import { kubeletOf } from './kubelet';
import type { Controller } from './runtime';
import { podTolerations, type Taint, toleratesTaint } from './scheduler';

/**
 * kube-controller-manager --node-monitor-grace-period: 50s since v1.32
 * (raised from 40s so it exceeds HTTP/2 ping + read-idle timeouts; see the
 * field comment in pkg/controller/nodelifecycle/config/types.go).
 */
export const NODE_MONITOR_GRACE_PERIOD_MS = 50_000;

export const UNREACHABLE_TAINT_KEY = 'node.kubernetes.io/unreachable';
const UNKNOWN_REASON = 'NodeStatusUnknown';
const UNKNOWN_MESSAGE = 'Kubelet stopped posting node status.';

/** Conditions a healthy kubelet posts, with their reasons (kubelet nodestatus setters). */
const HEALTHY: Record<string, [NodeCondition['status'], string, string]> = {
  MemoryPressure: ['False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
  DiskPressure: ['False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
  PIDPressure: ['False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
  Ready: ['True', 'KubeletReady', 'kubelet is posting ready status'],
};

/** Conditions after the grace period: all Unknown, heartbeat left as it was. */
export function unknownConditions(conditions: readonly NodeCondition[], now: string): NodeCondition[] {
  return conditions.map((c) => ({ ...c, status: 'Unknown', reason: UNKNOWN_REASON, message: UNKNOWN_MESSAGE, lastTransitionTime: c.status === 'Unknown' ? c.lastTransitionTime : now }));
}

export function healthyConditions(conditions: readonly NodeCondition[], now: string): NodeCondition[] {
  return conditions.map((c) => {
    const h = HEALTHY[c.type];
    if (!h) return c;
    return { ...c, status: h[0], reason: h[1], message: h[2], lastHeartbeatTime: now, lastTransitionTime: c.status === h[0] ? c.lastTransitionTime : now };
  });
}

/** When a pod must be evicted from a node with `taints` (NoExecute), or undefined if never. */
export function evictionTime(pod: Pod, taints: readonly (Taint & { timeAdded?: string })[]): number | undefined {
  let at: number | undefined = undefined;
  for (const taint of taints) {
    if (taint.effect !== 'NoExecute') continue;
    const added = Date.parse(taint.timeAdded ?? '') || 0;
    const matching = podTolerations(pod).filter((t) => toleratesTaint(t, taint));
    if (matching.length === 0) return added;
    // The shortest tolerationSeconds wins; a toleration without one tolerates forever.
    if (matching.some((t) => t.tolerationSeconds === undefined)) continue;
    const secs = Math.min(...matching.map((t) => Math.max(0, t.tolerationSeconds!)));
    at = Math.min(at ?? Infinity, added + secs * 1000);
  }
  return at;
}

class NodeLifecycleController implements Controller {
  readonly name = 'node-lifecycle';
  readonly kinds = ['Pod'];
  readonly queue = new KeyQueue();
  private readonly timers = new Map<string, Timer>();

  constructor(private readonly ctx: EngineContext) {}

  handle(event: WatchEvent): void {
    // Pods bound to an unreachable node (new, or changed tolerations) need the taint manager's verdict.
    if (event.kind !== 'Pod' || event.type === 'DELETED' || this.ctx.sim.stoppedNodes.size === 0) return;
    const node = (event.object as Pod).spec.nodeName;
    if (node && this.ctx.sim.stoppedNodes.has(node)) this.queue.add(`pod:${keyOf(event.object)}`);
  }

  stop(nodeName: string): void {
    this.wake(`node:${nodeName}`, this.ctx.clock.now() + NODE_MONITOR_GRACE_PERIOD_MS);
  }

  start(nodeName: string): void {
    this.queue.add(`node:${nodeName}`);
  }

  private wake(key: string, at: number): void {
    const old = this.timers.get(key);
    if (old && !old.cancelled && old.at === at) return;
    if (old) old.cancelled = true;
    this.timers.set(key, this.ctx.timers.schedule(at, `node-lifecycle ${key}`, () => this.queue.add(key)));
  }

  sync(key: string): void {
    if (key.startsWith('pod:')) return this.syncPod(key.slice(4));
    const nodeName = key.slice(5);
    const node = this.ctx.store.get<Node>('Node', undefined, nodeName);
    if (!node) return;
    if (this.ctx.sim.stoppedNodes.has(nodeName)) this.syncStopped(node);
    else this.syncRunning(node);
  }

  private syncStopped(node: Node): void {
    const { ctx } = this;
    const name = node.metadata.name!;
    const now = ctx.clock.now();
    if (now < ctx.sim.stoppedNodes.get(name)! + NODE_MONITOR_GRACE_PERIOD_MS) return;
    const ready = node.status.conditions.find((c) => c.type === 'Ready');
    if (ready?.status !== 'Unknown') {
      const ts = ctx.clock.timestamp();
      ctx.api.systemUpdate<Node>('Node', undefined, name, (n) => {
        n.status.conditions = unknownConditions(n.status.conditions, ts);
        const others = (n.spec.taints ?? []).filter((t) => t.key !== UNREACHABLE_TAINT_KEY && t.key !== 'node.kubernetes.io/not-ready');
        n.spec.taints = [
          ...others,
          { effect: 'NoSchedule', key: UNREACHABLE_TAINT_KEY, timeAdded: ts },
          { effect: 'NoExecute', key: UNREACHABLE_TAINT_KEY, timeAdded: ts },
        ];
      });
      ctx.events.record(node, 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`, { component: 'node-controller' });
      this.markPodsNotReady(name);
    }
    for (const pod of this.podsOn(name)) this.queue.add(`pod:${keyOf(pod)}`);
  }

  /** MarkPodsNotReady (pkg/controller/util/node/controller_utils.go). */
  private markPodsNotReady(nodeName: string): void {
    const { ctx } = this;
    const ts = ctx.clock.timestamp();
    for (const pod of this.podsOn(nodeName)) {
      const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
      if (!ready || ready.status === 'False') continue;
      const updated = ctx.api.updateStatus<Pod>('Pod', pod.metadata.namespace, pod.metadata.name!, (p) => {
        p.status!.conditions = p.status!.conditions!.map((c) => (c.type === 'Ready' ? { ...c, status: 'False', lastTransitionTime: ts } : c));
      });
      ctx.events.record(updated, 'Warning', 'NodeNotReady', 'Node is not ready', { component: 'node-controller' });
    }
  }

  /** The taint-eviction controller's per-pod decision on an unreachable node. */
  private syncPod(podKey: string): void {
    const { ctx } = this;
    const [ns, name] = podKey.split('/');
    const pod = ctx.store.get<Pod>('Pod', ns, name);
    if (!pod || pod.metadata.deletionTimestamp || !pod.spec.nodeName) return;
    const node = ctx.store.get<Node>('Node', undefined, pod.spec.nodeName);
    const at = node ? evictionTime(pod, node.spec.taints ?? []) : undefined;
    if (at === undefined) return;
    if (at > ctx.clock.now()) return this.wake(`pod:${podKey}`, at);
    this.timers.delete(`pod:${podKey}`);
    ctx.events.record(pod, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${ns}/${name}`, { component: 'taint-eviction-controller' });
    ctx.api.delete('Pod', ns, name);
  }

  private syncRunning(node: Node): void {
    const { ctx } = this;
    const name = node.metadata.name!;
    const ready = node.status.conditions.find((c) => c.type === 'Ready');
    const tainted = (node.spec.taints ?? []).some((t) => t.key === UNREACHABLE_TAINT_KEY);
    if (ready?.status === 'True' && !tainted) return;
    const ts = ctx.clock.timestamp();
    ctx.api.systemUpdate<Node>('Node', undefined, name, (n) => {
      n.status.conditions = healthyConditions(n.status.conditions, ts);
      const taints = (n.spec.taints ?? []).filter((t) => t.key !== UNREACHABLE_TAINT_KEY);
      if (taints.length) n.spec.taints = taints;
      else delete n.spec.taints;
    });
    const source = { component: 'kubelet', host: name };
    ctx.events.record(node, 'Normal', 'Starting', 'Starting kubelet.', source);
    ctx.events.record(node, 'Normal', 'NodeReady', `Node ${name} status is now: NodeReady`, source);
    // Evictions that had not happened yet are off: a pending timer finds no taint when it fires.
  }

  private podsOn(nodeName: string): Pod[] {
    return this.ctx.store.list<Pod>('Pod').filter((p) => p.spec.nodeName === nodeName);
  }
}

const controllers = new WeakMap<EngineContext, NodeLifecycleController>();

/**
 * `sim node stop|start`: powers a node off or on. The kubelet freezes or
 * resumes; this controller notices the silence after the grace period.
 */
export function setNodePower(ctx: EngineContext, nodeName: string, on: boolean): void {
  // ctx.sim.stoppedNodes is the one record of when each node went down (the kubelet, this
  // controller and describe node's Lease read it).
  if (on) {
    const stoppedAt = ctx.sim.stoppedNodes.get(nodeName) ?? ctx.clock.now();
    ctx.sim.stoppedNodes.delete(nodeName);
    controllers.get(ctx)?.start(nodeName);
    kubeletOf(ctx)?.nodeStarted(nodeName, stoppedAt);
  } else {
    ctx.sim.stoppedNodes.set(nodeName, ctx.clock.now());
    controllers.get(ctx)?.stop(nodeName);
  }
}

export function createNodeLifecycleController(ctx: EngineContext): Controller {
  const c = new NodeLifecycleController(ctx);
  controllers.set(ctx, c);
  return c;
}
