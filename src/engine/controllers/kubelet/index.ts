// The kubelet of every node, as one controller: it admits pods bound to a
// running node (pod IP from the node's podCIDR, image pulls, container start),
// runs their probes on simulated time, restarts crashed containers with
// back-off, finishes graceful deletion and removes the pod. Pods on a stopped
// node are frozen: nothing on that node posts status until it starts again.

import type { EngineContext } from '../../context';
import { KeyQueue } from '../../core/queue';
import { keyOf, type WatchEvent } from '../../core/store';
import type { Timer } from '../../core/timers';
import type { Node, Pod } from '../../core/types';
import { controlPlaneImages, isMirrorPod } from '../../controlPlanePods';
import type { Controller } from '../runtime';
import { fnv1a, stableHex, stableInt } from './ids';
import { NodeIPAllocator } from './ipam';
import { syncMirrorPod } from './mirrorPods';
import { buildPodStatus } from './podStatus';
import { type NodeState, PodEnv } from './podEnv';
import { admitPod, advancePod, beginTermination, type WorkerEnv } from './podWorker';
import { type ContainerRun, newContainerRun, NO_PROBES, type PodRun } from './runtimeState';

/** The generic PLEG's relist period (pkg/kubelet/kubelet.go genericPlegRelistPeriod). */
const PLEG_RELIST_MS = 1000;

/**
 * What this kubelet keeps per node name, in one entry: a sync looks its node up once
 * (store object, images, event source, IPAM, PLEG phase) instead of once per map.
 * Entries outlive their Node object: a node deleted and created again keeps its images
 * and its allocated pod IPs, as the separate maps did.
 */
interface NodeEntry extends NodeState {
  /**
   * The stored Node, kept from Node watch events (an informer's cache): every sync asks
   * whether its pod's node exists, and the store announces every Node change before any
   * sync can run, so this answers as `store.get('Node', undefined, nodeName)` would.
   */
  object: Node | undefined;
  /** The Node object `hostIP` was read from (its InternalIP, '' when it has none). */
  hostIPOf: Node | undefined;
  hostIP: string;
  ipam: NodeIPAllocator | undefined;
  /** Pods whose sandbox could not get an IP; retried when an IP is released. */
  awaitingIP: Set<string> | undefined;
  /** The PLEG relist phase (ms within the second), 0 unless the node was started again. */
  relistPhase: number;
  /** Keys of the pods bound to the node, in the order they were bound (a restart syncs them in that order). */
  podKeys: Set<string>;
}

/** The pods waking at one simulated time: `runs[i]` wakes if its wake-up is still `tokens[i]`. */
interface WakeBatch {
  timer: Timer;
  runs: PodRun[];
  tokens: number[];
  /** How many of the entries are still current. */
  live: number;
}

export class Kubelet implements Controller {
  readonly name = 'kubelet';
  readonly kinds = ['Pod', 'Node'];
  readonly queue = new KeyQueue();
  private readonly runs = new Map<string, PodRun>();
  /** Per node name (a Node's store key is its name). */
  private readonly nodes = new Map<string, NodeEntry>();
  /** Pods to wake at each simulated time (see wakeAt). */
  private readonly wakeBatches = new Map<number, WakeBatch>();
  private wakeTokens = 0;
  /** Key of the pod whose status this kubelet is writing right now. */
  private writing: string | undefined;
  /** The run whose status is being written (read by buildStatus). */
  private writingRun: PodRun | undefined;
  /** The pod worker's env, pointed at each synced pod in turn. */
  private readonly podEnv: PodEnv;
  /**
   * Keys of the mirror pods of the control plane's static pods, with their component. The
   * static pod runs whatever happens to its mirror pod: its run outlives the mirror pod's
   * uid, and a mirror pod deleted through the API is posted again (syncMirrorPod).
   */
  private readonly staticPods = new Map<string, string>();

  /** RFC 3339 text of a simulated time (one function for every status write). */
  private readonly timestamp = (ms?: number): string => this.ctx.clock.timestamp(ms);

  /** The status write's field builder (one closure for every write). buildPodStatus only reads the pod, so it reads the stored one. */
  private readonly buildStatus = (p: Pod): Partial<Pod> => ({ status: buildPodStatus(p, this.writingRun!, this.timestamp) });

  constructor(private readonly ctx: EngineContext) {
    this.podEnv = new PodEnv(ctx);
    // Nodes stored before this kubelet was watching (none in a cluster built by createCluster).
    for (const node of ctx.store.list<Node>('Node')) this.node(keyOf(node)).object = node;
  }

  /** The node's entry, made the first time the name comes up. */
  private node(nodeName: string): NodeEntry {
    let entry = this.nodes.get(nodeName);
    if (!entry) {
      entry = {
        images: new Set(controlPlaneImages(nodeName)), source: { component: 'kubelet', host: nodeName }, object: undefined, hostIPOf: undefined, hostIP: '',
        ipam: undefined, awaitingIP: undefined, relistPhase: 0, podKeys: new Set(),
      };
      this.nodes.set(nodeName, entry);
    }
    return entry;
  }

  handle(event: WatchEvent): void {
    if (event.kind === 'Node') {
      const key = event.key ?? keyOf(event.object);
      if (event.type === 'DELETED') {
        const entry = this.nodes.get(key);
        if (entry) entry.object = undefined;
      } else this.node(key).object = event.object as Node;
      return;
    }
    if (event.kind !== 'Pod') return;
    const pod = event.object as Pod;
    const key = event.key ?? keyOf(pod);
    if (event.type === 'DELETED') {
      this.trackNode(key, pod.spec.nodeName, undefined);
      if (this.runs.has(key)) this.queue.add(key);
      return;
    }
    // This kubelet's own status write (announced before the run can record it): a sync
    // now would find nothing due and write nothing. Same spec: same node, nothing to track.
    if (event.type === 'MODIFIED' && key === this.writing && event.old?.spec === pod.spec) return;
    const nodeName = pod.spec.nodeName;
    // The previous version is the one this kubelet saw last (the store announces every change).
    this.trackNode(key, (event.old as Pod | undefined)?.spec.nodeName, nodeName);
    if (!nodeName) return;
    // A status this kubelet wrote itself queues no sync.
    const run = this.runs.get(key);
    if (run && run.written === pod.metadata.resourceVersion) return;
    this.queue.add(key);
  }

  private trackNode(key: string, prev: string | undefined, nodeName: string | undefined): void {
    if (prev === nodeName) return;
    if (prev) this.nodes.get(prev)?.podKeys.delete(key);
    if (nodeName) this.node(nodeName).podKeys.add(key);
  }

  sync(key: string): void {
    const { ctx } = this;
    let run = this.runs.get(key);
    // A pod already running here is named by its stored strings (hashed already): no key to split.
    let ns: string;
    let name: string;
    if (run) {
      ns = run.namespace;
      name = run.name;
    } else {
      const slash = key.indexOf('/');
      ns = key.slice(0, slash);
      name = key.slice(slash + 1);
    }
    let pod = ctx.store.get<Pod>('Pod', ns, name);
    if (run && (!pod || pod.metadata.uid !== run.uid || pod.metadata.deletionTimestamp) && this.staticPods.has(key)) {
      const node = this.nodes.get(run.nodeName)?.object;
      pod = node && syncMirrorPod(this.ctx, node, run, pod, this.staticPods.get(key)!);
      if (!pod) return;
    }
    if (run && (!pod || pod.metadata.uid !== run.uid)) {
      this.forget(run);
      run = undefined;
    }
    if (!pod || !pod.spec.nodeName) return;
    const nodeName = pod.spec.nodeName;
    const entry = this.nodes.get(nodeName);
    const node = entry?.object;
    const stopped = ctx.sim.stoppedNodes;
    if (!node || (stopped.size !== 0 && stopped.has(nodeName))) return;
    const env = this.podEnv.reset(pod, entry!);
    if (!run) {
      if (pod.metadata.deletionTimestamp) {
        ctx.api.removeNow('Pod', ns, name);
        return;
      }
      if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return;
      const created = this.admit(key, pod, node, entry!, env);
      if (!created) return;
      run = created;
    }
    if (pod.metadata.deletionTimestamp && run.killAt === undefined) {
      beginTermination(pod, run, env);
      run.dirty = true;
      run.writeNow = true;
    }
    const nextAt = advancePod(pod, run, env);
    if (nextAt === 'gone') {
      this.forget(run);
      ctx.api.removeNow('Pod', ns, name);
      return;
    }
    if (run.dirty) {
      const writeAt = run.awaitsRelist && !run.writeNow ? nextRelist(entry!.relistPhase, env.now) : env.now;
      if (writeAt > env.now) {
        this.wakeAt(run, Math.min(nextAt, writeAt));
        return;
      }
      run.dirty = false;
      run.awaitsRelist = false;
      run.writeNow = false;
      this.writing = key;
      this.writingRun = run;
      let written: Pod;
      try {
        written = ctx.api.replaceFields<Pod>('Pod', ns, name, this.buildStatus);
      } finally {
        this.writing = undefined;
        this.writingRun = undefined;
      }
      run.written = written.metadata.resourceVersion;
    }
    this.wakeAt(run, nextAt);
  }

  /** Sandbox creation: pod IP from the node's range, then image pulls. */
  private admit(key: string, pod: Pod, node: Node, entry: NodeEntry, env: WorkerEnv): PodRun | undefined {
    // Read once per Node object, not per pod (thousands of pods are admitted to each node).
    if (entry.hostIPOf !== node) {
      entry.hostIP = node.status.addresses.find((a) => a.type === 'InternalIP')?.address ?? '';
      entry.hostIPOf = node;
    }
    const hostIP = entry.hostIP;
    let podIP = hostIP;
    if (!pod.spec.hostNetwork) {
      const cidr = node.spec.podCIDR;
      if (!cidr) return undefined;
      const alloc = (entry.ipam ??= new NodeIPAllocator(cidr));
      const ip = alloc.allocate();
      if (!ip) {
        (entry.awaitingIP ??= new Set()).add(key);
        // host-local IPAM is out of addresses: the sandbox cannot be created and the pod stays ContainerCreating.
        const last = cidr.replace(/\.0\/24$/, '');
        env.event('Warning', 'FailedCreatePodSandBox', `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "${stableHex(`sandbox:${pod.metadata.uid}`, 64)}": plugin type="host-local" failed (add): failed to allocate for range 0: no IP addresses available in range set: ${last}.1-${last}.254`);
        return undefined;
      }
      podIP = ip;
    }
    const uid = pod.metadata.uid!;
    const specs = pod.spec.containers;
    const containers: ContainerRun[] = [];
    for (let i = 0; i < specs.length; i++) containers.push(newContainerRun(specs[i], env.now, uid));
    const run: PodRun = {
      key,
      namespace: pod.metadata.namespace!,
      name: pod.metadata.name!,
      uid,
      nodeName: node.metadata.name!,
      hostIP,
      podIP,
      startTime: env.now,
      containers,
      // Every field from the start: one shape for all runs (see newContainerRun).
      killAt: undefined,
      wakeAt: undefined,
      wakeToken: 0,
      written: undefined,
      dirty: true,
      awaitsRelist: false,
      writeNow: true,
    };
    admitPod(run, env);
    this.runs.set(key, run);
    if (isMirrorPod(pod) && pod.metadata.labels?.component) this.staticPods.set(key, pod.metadata.labels.component);
    return run;
  }

  private forget(run: PodRun): void {
    this.cancelWake(run);
    this.staticPods.delete(run.key);
    if (run.podIP !== run.hostIP) {
      const entry = this.nodes.get(run.nodeName);
      entry?.ipam?.release(run.podIP);
      const waiting = entry?.awaitingIP;
      const next = waiting?.values().next();
      if (next && !next.done) {
        waiting!.delete(next.value);
        this.queue.add(next.value);
      }
    }
    this.runs.delete(run.key);
  }

  /**
   * Queues the pod's sync at simulated time `at` (Infinity: nothing to do). Pods waking at
   * the same time share one timer (thousands of pods wait for the same PLEG relist) and are
   * queued in the order their wake-ups were set, as one timer each would queue them.
   */
  private wakeAt(run: PodRun, at: number): void {
    if (run.wakeAt === at) return;
    this.cancelWake(run);
    if (!Number.isFinite(at)) return;
    let batch = this.wakeBatches.get(at);
    if (!batch) {
      const runs: PodRun[] = [];
      const tokens: number[] = [];
      const timer = this.ctx.timers.schedule(at, 'kubelet pod syncs', () => this.wakeUp(at));
      this.wakeBatches.set(at, (batch = { timer, runs, tokens, live: 0 }));
    }
    const token = ++this.wakeTokens;
    batch.runs.push(run);
    batch.tokens.push(token);
    batch.live++;
    run.wakeAt = at;
    run.wakeToken = token;
  }

  private cancelWake(run: PodRun): void {
    const at = run.wakeAt;
    if (at === undefined) return;
    run.wakeAt = undefined;
    const batch = this.wakeBatches.get(at);
    // No pod left to wake at that time: its timer goes, as a cancelled timer of its own would.
    if (batch && --batch.live === 0) {
      batch.timer.cancelled = true;
      this.wakeBatches.delete(at);
    }
  }

  private wakeUp(at: number): void {
    const batch = this.wakeBatches.get(at);
    if (!batch) return;
    this.wakeBatches.delete(at);
    for (let i = 0; i < batch.runs.length; i++) {
      const run = batch.runs[i];
      // Skip wake-ups that were moved or cancelled since they were set.
      if (run.wakeAt === undefined || run.wakeToken !== batch.tokens[i]) continue;
      run.wakeAt = undefined;
      this.queue.add(run.key);
    }
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

  /**
   * Power on: the kubelet starts again and finds every container gone. Pods
   * being deleted finish at once; the others get new containers (restartCount+1,
   * lastState terminated with reason Unknown, exit code 255, as after a reboot).
   * `stopped`: when it went down (its containers' finishedAt). While it is down
   * (ctx.sim.stoppedNodes) this kubelet syncs and writes nothing.
   */
  nodeStarted(nodeName: string, stopped: number): void {
    const now = this.ctx.clock.now();
    const entry = this.node(nodeName);
    entry.relistPhase = now % PLEG_RELIST_MS;
    // Static pods run from the node's manifests, whether or not their mirror pods survived.
    for (const key of this.staticPods.keys()) if (this.runs.get(key)?.nodeName === nodeName) entry.podKeys.add(key);
    for (const key of entry.podKeys) {
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
            c.probes = NO_PROBES;
            c.exitAt = undefined;
            c.startAt = now + stableInt(fnv1a(`boot:${now}`, c.seed), 1000, 3000);
          }
        }
        run.dirty = true;
        run.writeNow = true;
      }
      this.queue.add(key);
    }
  }
}

/**
 * The first PLEG relist at or after `now` on a node whose relists fall at `phase` ms within
 * the second. The kubelet learns that a container started or exited only when its generic
 * PLEG relists the runtime, once a second from the kubelet's start (pkg/kubelet/kubelet.go
 * genericPlegRelistPeriod = 1s), and the status write follows that relist. Nodes that start
 * with the cluster relist in step, at whole seconds; a node started again later relists in
 * step with its own start.
 */
function nextRelist(phase: number, now: number): number {
  return phase + Math.ceil((now - phase) / PLEG_RELIST_MS) * PLEG_RELIST_MS;
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
