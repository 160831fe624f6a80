// createCluster: wires the store, API server, controllers and the command
// line into one simulated cluster behind the public contract (DESIGN.md).

import { ApiServer } from './api/apiServer';
import { Registry } from './api/registry';
import { registerStrategies } from './api/strategies';
import { bootstrapCluster } from './bootstrap';
import { SimClock } from './core/clock';
import { EventRecorder } from './core/events';
import { SeededRandom } from './core/random';
import { ObjectStore } from './core/store';
import { TimerQueue } from './core/timers';
import type { KubeObject } from './core/types';
import { DEFAULT_CONFIG, type ClusterConfig, type EngineContext } from './context';
import { startControllers } from './controllers';
import { ControllerManager } from './controllers/runtime';
import { type ExecResult, fail, splitCommandLine } from './exec';
import { proxyRules } from './dataplane/proxyRules';
import { traceListeners, traceRequest, type TraceListener } from './dataplane/trace';
import type { Trace, TraceRequest } from './dataplane/types';
import { dnsRecords } from './dns/records';
import { findProgram } from './programs';
import { registerBuiltinPrograms } from './programs/builtin';
import { runSim } from './sim';
import { Workspace } from './workspace';
import { runKubectl } from '../kubectl';

export interface ClusterOptions {
  /** Seed of the one random generator (names, IPs, endpoint choices). Default 1. */
  seed?: number;
  /** Number of nodes, 1–10. Default 3. */
  nodes?: number;
  /** Start with the simulated cloud load-balancer provider on (default) or off (`<pending>` as on minikube). */
  cloudProvider?: boolean;
  /** Pod CIDR prefix length per node (kube-controller-manager --node-cidr-mask-size), 16–28. Default 24. */
  nodeCIDRMaskSize?: number;
  /** Pods each node accepts (kubelet maxPods). Default 110. */
  maxPodsPerNode?: number;
}

export interface ClusterSnapshot {
  /** Simulated time, RFC 3339. */
  readonly time: string;
  readonly nowMs: number;
  readonly resourceVersion: string;
  /** Every stored object by kind; objects are frozen and shared, never copied. */
  readonly objects: Readonly<Record<string, readonly KubeObject[]>>;
  readonly sim: {
    readonly cloudProvider: boolean;
    readonly proxyMode: 'iptables' | 'ipvs';
    readonly readinessFailures: readonly string[];
    readonly stoppedNodes: readonly string[];
  };
  readonly files: Readonly<Record<string, string>>;
  /** kube-proxy's rules on each node, derived from Services and EndpointSlices (computed on first read). */
  readonly proxyRules: readonly unknown[];
  /** The records CoreDNS serves (computed on first read). */
  readonly dnsRecords: readonly unknown[];
}

export interface Cluster {
  writeFile(path: string, text: string): void;
  readFile(path: string): string | undefined;
  deleteFile(path: string): boolean;
  listFiles(): string[];
  exec(commandLine: string, stdin?: string): ExecResult;
  advance(ms: number): void;
  snapshot(): ClusterSnapshot;
  /** The hop-by-hop path of one request (what `curl -v` prints and the UI animates). */
  trace(request: TraceRequest): Trace;
  /** Calls `listener` with every trace the cluster makes, including those of curl and wget typed in a terminal. */
  onTrace(listener: TraceListener): () => void;
  /** Simulated milliseconds since the Unix epoch. */
  now(): number;
  /** The engine's internals, for tests, benchmarks and the UI's store. */
  readonly context: EngineContext;
}

export function createCluster(options: ClusterOptions = {}): Cluster {
  const seed = options.seed ?? 1;
  const nodeCount = options.nodes ?? 3;
  if (!Number.isInteger(nodeCount) || nodeCount < 1 || nodeCount > 10) {
    throw new RangeError(`nodes must be a whole number from 1 to 10, got ${nodeCount}`);
  }
  const config: ClusterConfig = {
    ...DEFAULT_CONFIG,
    seed,
    nodeCount,
    nodeCIDRMaskSize: options.nodeCIDRMaskSize ?? DEFAULT_CONFIG.nodeCIDRMaskSize,
    maxPodsPerNode: options.maxPodsPerNode ?? DEFAULT_CONFIG.maxPodsPerNode,
  };
  const mask = config.nodeCIDRMaskSize;
  if (!Number.isInteger(mask) || mask < 16 + Math.ceil(Math.log2(nodeCount)) || mask > 28) {
    throw new RangeError(`nodeCIDRMaskSize must leave room for ${nodeCount} node(s) in ${config.clusterCIDR} and be at most 28, got ${mask}`);
  }
  const clock = new SimClock();
  const rng = new SeededRandom(seed);
  const store = new ObjectStore();
  const registry = new Registry();
  const api = new ApiServer(store, registry, clock, rng);
  const ctx: EngineContext = {
    config,
    clock,
    rng,
    store,
    registry,
    api,
    timers: new TimerQueue(),
    events: new EventRecorder(store, clock),
    controllers: new ControllerManager(store),
    sim: {
      cloudProvider: options.cloudProvider ?? true,
      proxyMode: 'iptables',
      readinessFailures: new Set(),
      stoppedNodes: new Set(),
    },
  };
  registerBuiltinPrograms();
  registerStrategies(ctx);
  startControllers(ctx);
  bootstrapCluster(ctx);
  const workspace = new Workspace();

  const settle = () => ctx.controllers.settle();

  const advance = (ms: number) => {
    if (!(ms >= 0) || !Number.isFinite(ms)) throw new RangeError(`advance takes a finite, non-negative number of milliseconds, got ${ms}`);
    const target = clock.now() + ms;
    settle();
    for (let t = ctx.timers.popDue(target); t; t = ctx.timers.popDue(target)) {
      clock.advanceTo(t.at);
      t.run();
      settle();
    }
    clock.advanceTo(target);
    settle();
  };

  // Let the bootstrap objects (CoreDNS pods, system endpoints) come up, as on a fresh cluster.
  advance(60_000);

  const exec = (commandLine: string, stdin?: string): ExecResult => {
    const words = splitCommandLine(commandLine);
    if (!Array.isArray(words)) return fail(`bash: ${words.error}\n`, 2);
    if (words.length === 0) return { stdout: '', stderr: '', exitCode: 0 };
    let result: ExecResult;
    try {
      switch (words[0]) {
        case 'kubectl':
          result = runKubectl({ ctx, workspace, advance }, words.slice(1), stdin);
          break;
        case 'sim':
          result = runSim(ctx, words.slice(1));
          break;
        default: {
          const program = findProgram(words[0]);
          result = program
            ? program({ ctx, workspace, origin: { kind: 'workstation' }, stdin }, words)
            : fail(`bash: ${words[0]}: command not found\n`, 127);
        }
      }
    } catch (e) {
      // An engine bug must not take the terminal down; report it like a crashed command.
      result = fail(`internal error: ${e instanceof Error ? e.message : String(e)}\n`, 1);
    }
    settle();
    return result;
  };

  const snapshot = (): ClusterSnapshot => {
    let rules: readonly unknown[] | undefined;
    let records: readonly unknown[] | undefined;
    const objects: Record<string, readonly KubeObject[]> = {};
    for (const kind of store.kinds()) objects[kind] = Object.freeze(store.list(kind));
    return Object.freeze({
      time: clock.timestamp(),
      nowMs: clock.now(),
      resourceVersion: store.currentResourceVersion,
      objects: Object.freeze(objects),
      sim: Object.freeze({
        cloudProvider: ctx.sim.cloudProvider,
        proxyMode: ctx.sim.proxyMode,
        readinessFailures: Object.freeze([...ctx.sim.readinessFailures].sort()),
        stoppedNodes: Object.freeze([...ctx.sim.stoppedNodes].sort()),
      }),
      files: Object.freeze(workspace.entries()),
      // Derived data is computed only when someone reads it, once per snapshot.
      get proxyRules() {
        return (rules ??= Object.freeze(proxyRules(ctx)));
      },
      get dnsRecords() {
        return (records ??= Object.freeze(dnsRecords(ctx)));
      },
    });
  };

  return {
    writeFile: (path, text) => workspace.write(path, text),
    readFile: (path) => workspace.read(path),
    deleteFile: (path) => workspace.remove(path),
    listFiles: () => workspace.list(),
    exec,
    advance,
    snapshot,
    trace: (request) => {
      const result = traceRequest(ctx, request);
      settle();
      return result;
    },
    onTrace: (listener) => {
      traceListeners(ctx).add(listener);
      return () => traceListeners(ctx).delete(listener);
    },
    now: () => clock.now(),
    context: ctx,
  };
}
