// The kubelet of every node, as one controller: it admits pods bound to a
// running node (pod IP from the node's podCIDR, image pulls, container start),
// runs their probes on simulated time, restarts crashed containers with
// back-off, finishes graceful deletion and removes the pod. Pods on a stopped
// node are frozen: nothing on that node posts status until it starts again.

import type { EngineContext } from '../../context';
import { KeyQueue } from '../../core/queue';
import { keyOf, type WatchEvent } from '../../core/store';
import type { Node, Pod } from '../../core/types';
import type { Controller } from '../runtime';
import { stableHex, stableInt } from './ids';
import { NodeIPAllocator } from './ipam';
import { buildPodStatus } from './podStatus';
import { admitPod, advancePod, beginTermination, type WorkerEnv } from './podWorker';
import { newContainerRun, type PodRun } from './runtimeState';

/** The generic PLEG's relist period (pkg/kubelet/kubelet.go genericPlegRelistPeriod). */
const PLEG_RELIST_MS = 1000;

export class Kubelet implements Controller {
  readonly name = 'kubelet';
  readonly kinds = ['Pod'];
  readonly queue = new KeyQueue();
  private readonly runs = new Map<string, PodRun>();
  private readonly podsByNode = new Map<string, Set<string>>();
  private readonly nodeOfPod = new Map<string, string>();
  private readonly ipam = new Map<string, NodeIPAllocator>();
  private readonly images = new Map<string, Set<string>>();
  private readonly stoppedAt = new Map<string, number>();
  /** Pods whose sandbox could not get an IP, per node; retried when an IP is released. */
  private readonly awaitingIP = new Map<string, Set<string>>();
  /** resourceVersions this kubelet wrote, so its own writes do not queue another sync. */
  private readonly written = new Map<string, string>();
  /** Each node's PLEG relist phase (ms within the second), when it is not 0. */
  private readonly relistPhase = new Map<string, number>();
  /** Key of the pod whose status this kubelet is writing right now. */
  private writing: string | undefined;

  constructor(private readonly ctx: EngineContext) {}

  handle(event: WatchEvent): void {
    if (event.kind !== 'Pod') return;
    const pod = event.object as Pod;
    const key = event.key ?? keyOf(pod);
    if (event.type === 'DELETED') {
      this.trackNode(key, undefined);
      if (this.runs.has(key)) this.queue.add(key);
      return;
    }
    const nodeName = pod.spec.nodeName;
    this.trackNode(key, nodeName);
    if (!nodeName) return;
    if (this.written.get(key) === pod.metadata.resourceVersion) return;
    // This kubelet's own status write (announced before `written` can record it): a sync
    // now would find nothing due and write nothing.
    if (key === this.writing && event.type === 'MODIFIED') return;
    this.queue.add(key);
  }

  private trackNode(key: string, nodeName: string | undefined): void {
    const prev = this.nodeOfPod.get(key);
    if (prev === nodeName) return;
    if (prev) this.podsByNode.get(prev)?.delete(key);
    if (nodeName) {
      this.nodeOfPod.set(key, nodeName);
      let set = this.podsByNode.get(nodeName);
      if (!set) this.podsByNode.set(nodeName, (set = new Set()));
      set.add(key);
    } else {
      this.nodeOfPod.delete(key);
    }
  }

  sync(key: string): void {
    const { ctx } = this;
    const [ns, name] = key.split('/');
    const pod = ctx.store.get<Pod>('Pod', ns, name);
    let run = this.runs.get(key);
    if (run && (!pod || pod.metadata.uid !== run.uid)) {
      this.forget(run);
      run = undefined;
    }
    if (!pod || !pod.spec.nodeName) return;
    const nodeName = pod.spec.nodeName;
    const node = ctx.store.get<Node>('Node', undefined, nodeName);
    if (!node || ctx.sim.stoppedNodes.has(nodeName)) return;
    const env = this.env(pod, nodeName);
    if (!run) {
      if (pod.metadata.deletionTimestamp) {
        ctx.api.removeNow('Pod', ns, name);
        return;
      }
      if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return;
      const created = this.admit(pod, node, env);
      if (!created) return;
      run = created;
    }
    if (pod.metadata.deletionTimestamp && run.killAt === undefined) {
      beginTermination(pod, run, env);
      run.dirty = true;
      run.writeNow = true;
    }
    const { nextAt, gone } = advancePod(pod, run, env);
    if (gone) {
      this.forget(run);
      ctx.api.removeNow('Pod', ns, name);
      return;
    }
    if (run.dirty) {
      const writeAt = run.awaitsRelist && !run.writeNow ? this.nextRelist(nodeName, env.now) : env.now;
      if (writeAt > env.now) {
        this.wakeAt(run, Math.min(nextAt, writeAt));
        return;
      }
      run.dirty = false;
      run.awaitsRelist = false;
      run.writeNow = false;
      // buildPodStatus only reads the pod, so it can read the stored one (no copy of spec and metadata).
      this.writing = key;
      let written: Pod;
      try {
        written = ctx.api.replaceFields<Pod>('Pod', ns, name, (p) => ({
          status: buildPodStatus(p, run!, (ms) => ctx.clock.timestamp(ms)),
        }));
      } finally {
        this.writing = undefined;
      }
      this.written.set(key, written.metadata.resourceVersion!);
    }
    this.wakeAt(run, nextAt);
  }

  /**
   * The first PLEG relist at or after `now` on a node. The kubelet learns that a container
   * started or exited only when its generic PLEG relists the runtime, once a second from the
   * kubelet's start (pkg/kubelet/kubelet.go genericPlegRelistPeriod = 1s), and the status
   * write follows that relist. Nodes that start with the cluster relist in step, at whole
   * seconds; a node started again later relists in step with its own start.
   */
  private nextRelist(nodeName: string, now: number): number {
    const phase = this.relistPhase.get(nodeName) ?? 0;
    return phase + Math.ceil((now - phase) / PLEG_RELIST_MS) * PLEG_RELIST_MS;
  }

  private env(pod: Pod, nodeName: string): WorkerEnv {
    let images = this.images.get(nodeName);
    if (!images) this.images.set(nodeName, (images = new Set()));
    return new PodEnv(this.ctx, pod, nodeName, images);
  }

  /** Sandbox creation: pod IP from the node's range, then image pulls. */
  private admit(pod: Pod, node: Node, env: WorkerEnv): PodRun | undefined {
    const hostIP = node.status.addresses.find((a) => a.type === 'InternalIP')?.address ?? '';
    let podIP = hostIP;
    if (!pod.spec.hostNetwork) {
      const cidr = node.spec.podCIDR;
      if (!cidr) return undefined;
      let alloc = this.ipam.get(node.metadata.name!);
      if (!alloc) this.ipam.set(node.metadata.name!, (alloc = new NodeIPAllocator(cidr)));
      const ip = alloc.allocate();
      if (!ip) {
        let waiting = this.awaitingIP.get(node.metadata.name!);
        if (!waiting) this.awaitingIP.set(node.metadata.name!, (waiting = new Set()));
        waiting.add(keyOf(pod));
        // host-local IPAM is out of addresses: the sandbox cannot be created and the pod stays ContainerCreating.
        const last = cidr.replace(/\.0\/24$/, '');
        env.event('Warning', 'FailedCreatePodSandBox', `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "${stableHex(`sandbox:${pod.metadata.uid}`, 64)}": plugin type="host-local" failed (add): failed to allocate for range 0: no IP addresses available in range set: ${last}.1-${last}.254`);
        return undefined;
      }
      podIP = ip;
    }
    const key = keyOf(pod);
    const run: PodRun = {
      key,
      uid: pod.metadata.uid!,
      nodeName: node.metadata.name!,
      hostIP,
      podIP,
      startTime: env.now,
      containers: pod.spec.containers.map((c) => newContainerRun(c, env.now)),
      dirty: true,
      writeNow: true,
    };
    admitPod(pod, run, env);
    this.runs.set(key, run);
    return run;
  }

  private forget(run: PodRun): void {
    if (run.timer) run.timer.cancelled = true;
    if (run.podIP !== run.hostIP) {
      this.ipam.get(run.nodeName)?.release(run.podIP);
      const waiting = this.awaitingIP.get(run.nodeName);
      const next = waiting?.values().next();
      if (next && !next.done) {
        waiting!.delete(next.value);
        this.queue.add(next.value);
      }
    }
    this.runs.delete(run.key);
    this.written.delete(run.key);
  }

  private wakeAt(run: PodRun, at: number): void {
    if (run.timer && !run.timer.cancelled && run.timer.at === at) return;
    if (run.timer) run.timer.cancelled = true;
    run.timer = Number.isFinite(at) ? this.ctx.timers.schedule(at, `kubelet ${run.key}`, () => this.queue.add(run.key)) : undefined;
  }

  // --- the playground's faults -------------------------------------------

  /** `sim pod crash`: the named (or every running) container exits with code 1. Returns the containers crashed. */
  crash(ns: string, name: string, container?: string): string[] {
    const run = this.runs.get(`${ns}/${name}`);
    if (!run || this.ctx.sim.stoppedNodes.has(run.nodeName)) return [];
    const targets = run.containers.filter((c) => c.phase === 'running' && (!container || c.name === container));
    for (const c of targets) c.crashRequested = true;
    if (targets.length) this.queue.add(run.key);
    return targets.map((c) => c.name);
  }

  /** Powering a node off: its containers die with it; nothing is written until it comes back. */
  nodeStopped(nodeName: string): void {
    this.stoppedAt.set(nodeName, this.ctx.clock.now());
  }

  /**
   * Power on: the kubelet starts again and finds every container gone. Pods
   * being deleted finish at once; the others get new containers (restartCount+1,
   * lastState terminated with reason Unknown, exit code 255, as after a reboot).
   */
  nodeStarted(nodeName: string): void {
    const now = this.ctx.clock.now();
    const stopped = this.stoppedAt.get(nodeName) ?? now;
    this.stoppedAt.delete(nodeName);
    this.relistPhase.set(nodeName, now % PLEG_RELIST_MS);
    for (const key of this.podsByNode.get(nodeName) ?? []) {
      const run = this.runs.get(key);
      if (run) {
        if (run.killAt !== undefined) run.killAt = now;
        else {
          for (const c of run.containers) {
            if (c.phase === 'running') {
              c.terminated = { exitCode: 255, reason: 'Unknown', startedAt: c.startedAt!, finishedAt: stopped, containerID: c.containerID! };
            }
            if (c.terminated) c.lastTerminated = c.terminated;
            c.terminated = undefined;
            c.phase = 'waiting';
            c.waitingReason = 'ContainerCreating';
            c.waitingMessage = undefined;
            c.pendingBackOff = false;
            c.crashRequested = false;
            c.ready = false;
            c.started = false;
            c.probes = {};
            c.exitAt = undefined;
            c.startAt = now + stableInt(`${run.uid}:${c.name}:boot:${now}`, 1000, 3000);
          }
        }
        run.dirty = true;
        run.writeNow = true;
      }
      this.queue.add(key);
    }
  }
}

/** What the pod worker may do for one pod on one node (a class: no closures per sync). */
class PodEnv implements WorkerEnv {
  readonly now: number;
  private readonly prefix: string;

  constructor(
    private readonly ctx: EngineContext,
    private readonly pod: Pod,
    private readonly nodeName: string,
    private readonly nodeImages: Set<string>,
  ) {
    this.now = ctx.clock.now();
    this.prefix = `${pod.metadata.namespace}/${pod.metadata.name}/`;
  }

  event(type: 'Normal' | 'Warning', reason: string, message: string, container?: string): void {
    this.ctx.events.record(this.pod, type, reason, message, { component: 'kubelet', host: this.nodeName }, container ? `spec.containers{${container}}` : undefined);
  }

  readinessFaulted(container: string): boolean {
    return this.ctx.sim.readinessFailures.has(this.prefix + container) || this.ctx.sim.readinessFailures.has(`${this.prefix}*`);
  }

  imagePresent(image: string): boolean {
    const had = this.nodeImages.has(image);
    this.nodeImages.add(image);
    return had;
  }
}

const kubelets = new WeakMap<EngineContext, Kubelet>();

/** The cluster's kubelet, for the `sim` fault commands. */
export function kubeletOf(ctx: EngineContext): Kubelet | undefined {
  return kubelets.get(ctx);
}

export function createKubeletController(ctx: EngineContext): Controller {
  const kubelet = new Kubelet(ctx);
  kubelets.set(ctx, kubelet);
  return kubelet;
}
