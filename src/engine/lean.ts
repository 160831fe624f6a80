// createCluster without its command line: the store, API server, controllers
// and workspace behind the public contract (DESIGN.md), with kubectl, sim, the
// programs and the data plane's traces reached through commandLineRegistry.ts.
//
// Node code (tests, bench, docs) imports createCluster from index.ts or
// cluster.ts, which install the full command line synchronously: there this
// module behaves exactly as the whole engine. The browser imports this module,
// draws the cluster at once and calls loadCommandLine(), which fetches the
// command line's code (kubectl, manifests and the yaml parser, sim, curl …) as
// a chunk of its own. Until it has arrived, exec answers with an error instead
// of crashing, and the app does not run commands. That chunk also brings the
// engine's extension (extensionRegistry.ts: Ingress, NetworkPolicy, the StatefulSet
// and ingress-nginx controllers, spec validation); a cluster drawn without it is
// rebuilt with it on first use, so it too then is the full engine.

import { ApiServer } from './api/apiServer';
import { Registry } from './api/registry';
import { registerStrategies } from './api/strategies';
import { type EngineExtension, installedExtension } from './extensionRegistry';
import { bootstrapCluster } from './bootstrap';
import { installedCommandLine, type CommandLine, type TraceListener } from './commandLineRegistry';
import { SimClock } from './core/clock';
import { EventRecorder } from './core/events';
import { SeededRandom } from './core/random';
import { ObjectStore } from './core/store';
import { TimerQueue } from './core/timers';
import type { KubeObject } from './core/types';
import { DEFAULT_CONFIG, type ClusterConfig, type EngineContext } from './context';
import { startControllers } from './controllers';
import { ControllerManager } from './controllers/runtime';
import { type ExecResult, fail, internalErrorText } from './exec';
import type { ShellState } from './programs/shell';
import type { FilterProgram } from './programs/types';
import { finishInExec, type KeepRequest, type KeepRunning, Running, type RunningCommand } from './running';
import type { Trace, TraceRequest } from './dataplane/types';
import { Workspace } from './workspace';
import { advanceSimulatedTime } from './time';

export type { TraceListener } from './commandLineRegistry';

let loading: Promise<void> | undefined;

/**
 * Loads and installs the command line (a separate chunk in the browser). Safe to
 * call many times; resolves at once when it is already installed (as in Node,
 * where index.ts installs it). On a failed load the next call tries again.
 */
export function loadCommandLine(): Promise<void> {
  if (installedCommandLine()) return Promise.resolve();
  loading ??= import('./commandLine').then(
    (m) => m.installFullCommandLine(),
    (e: unknown) => {
      loading = undefined;
      throw e;
    },
  );
  return loading;
}

/** Whether exec, trace and the derived snapshot data are available yet. */
export function commandLineReady(): boolean {
  return installedCommandLine() !== undefined;
}

const NOT_READY = 'The playground is still starting: try again in a moment.\n';

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
  /**
   * One line as a person types it in the terminal. Its shell variables and `$?` stay for the
   * next line; with `subshell` the line runs as `( line )` would: it reads them and changes
   * neither (for lines the UI runs on its own behalf, which a reload does not replay).
   */
  exec(commandLine: string, stdin?: string, options?: { subshell?: boolean }): ExecResult;
  /**
   * Starts a line that may keep running (`kubectl get -w`, `logs -f`, `port-forward`): its
   * output streams as the cluster changes and time moves, until it ends or is interrupted
   * (running.ts). Any other line ends at once, with exec's output. exec runs such a line
   * to its --request-timeout (none: only its initial output) and returns.
   */
  start(commandLine: string, stdin?: string): RunningCommand;
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
  const cloudProvider = options.cloudProvider ?? true;
  /** A fresh control plane, bootstrapped, with its system pods up. */
  const build = (extension: EngineExtension | undefined): EngineContext => {
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
        cloudProvider,
        proxyMode: 'iptables',
        readinessFailures: new Set(),
        stoppedNodes: new Map(),
      },
    };
    registerStrategies(ctx, extension);
    startControllers(ctx, extension);
    bootstrapCluster(ctx);
    // Let the bootstrap objects (CoreDNS pods, system endpoints) come up, as on a fresh cluster.
    advanceSimulatedTime(ctx, 60_000);
    return ctx;
  };

  let ctx = build(installedExtension());
  // Built without the engine's extension (the browser's first picture, before the
  // command line's chunk has arrived; extensionRegistry.ts): until then nothing but
  // time can change this cluster, so once the extension is there the cluster is
  // built again with it and the same advances replayed — the full engine from the
  // start, byte for byte. `early` holds those advances; undefined once complete.
  let early: number[] | undefined = installedExtension() ? undefined : [];
  const engine = (): EngineContext => {
    if (early && installedExtension()) {
      const advances = early;
      early = undefined;
      ctx = build(installedExtension());
      for (const ms of advances) advanceSimulatedTime(ctx, ms);
    }
    return ctx;
  };
  const workspace = new Workspace();

  const settle = () => engine().controllers.settle();

  const advance = (ms: number) => {
    const current = engine();
    early?.push(ms);
    advanceSimulatedTime(current, ms);
    pollRunning();
  };

  // Traces are reported to the listeners of onTrace through one listener on the
  // command line's own set, added once the command line is there (to the
  // rebuilt context, if the cluster was rebuilt).
  const listeners = new Set<TraceListener>();
  let bridged: EngineContext | undefined;
  const reachCommandLine = (): CommandLine | undefined => {
    const cl = installedCommandLine();
    if (cl && bridged !== engine()) {
      bridged = ctx;
      cl.traceListeners(ctx).add((trace) => {
        for (const listener of listeners) listener(trace);
      });
    }
    return cl;
  };

  // Commands started with start() that keep running: polled after every change settles.
  const running = new Set<Running>();
  // Runs after every command and every advance: nothing to copy or allocate while none runs.
  // A command that ends while polled leaves the set, which its iteration allows.
  const pollRunning = () => {
    if (running.size !== 0) for (const r of running) r.poll();
  };

  /** Runs one simple command (argv); a command that asks to keep running hands its request to `keep`. */
  const runCommand = (cl: CommandLine, words: string[], stdin: string | undefined, keep: KeepRunning): ExecResult => {
    let result: ExecResult;
    try {
      switch (words[0]) {
        case 'kubectl':
          result = cl.runKubectl({ ctx, workspace, advance, keepRunning: keep }, words.slice(1), stdin);
          break;
        case 'sim':
          result = cl.runSim(ctx, words.slice(1));
          break;
        default: {
          const program = cl.findProgram(words[0]);
          result = program
            ? program({ ctx, workspace, origin: { kind: 'workstation' }, stdin }, words)
            : fail(`bash: ${words[0]}: command not found\n`, 127);
        }
      }
    } catch (e) {
      // An engine bug must not take the terminal down; report it like a crashed command.
      result = fail(internalErrorText(e), 1);
    }
    settle();
    return result;
  };

  // The terminal's shell session: its variables and $? outlive a line, as in a terminal. They
  // change only through exec and start, which a saved session's replay repeats in order, so a
  // reload gives them back (programs/shell.ts).
  const shell: ShellState = { variables: new Map(), exported: new Set(), status: 0 };

  /**
   * Runs one line as the shell does (programs/shell.ts, which comes with the command line): lists,
   * pipelines, variables, for loops. `streaming` is start's: a command that asks to keep
   * running hands its request to `keep`; exec's lines close such a command themselves (keep
   * only records the request of a line whose last pipeline is one command).
   */
  const runLine = (line: string, stdin: string | undefined, keep: KeepRunning, streaming: boolean, session = shell): ExecResult => {
    const cl = reachCommandLine();
    if (!cl) return line.trim() === '' ? { stdout: '', stderr: '', exitCode: 0 } : fail(NOT_READY, 1);
    const filterOf = (name: string) => {
      const program = cl.findProgram(name);
      return program && 'startFilter' in program ? (program as FilterProgram) : undefined;
    };
    return cl.runShellLine(line, session, stdin, {
      runCommand: (words, input, keepCommand) => runCommand(cl, words, input, keepCommand),
      isFilter: (name) => filterOf(name) !== undefined,
      startFilter: (words) => filterOf(words[0])!.startFilter({ ctx, workspace, origin: { kind: 'workstation' } }, words),
      advance,
      errorPrefix: 'bash',
    }, keep, streaming);
  };

  const exec = (line: string, stdin?: string, options?: { subshell?: boolean }): ExecResult => {
    let request: KeepRequest | undefined;
    const session = options?.subshell ? { variables: new Map(shell.variables), exported: new Set(shell.exported), status: shell.status } : shell;
    let result = runLine(line, stdin, (begin, opts) => (request = { begin, options: opts }), false, session);
    // exec cannot wait for a Ctrl-C: it closes the stream as a timed-out request (running.ts).
    if (request && result.exitCode === 0) result = finishInExec(line, result, request, advance);
    pollRunning();
    return result;
  };

  const start = (line: string, stdin?: string): RunningCommand => {
    let request: KeepRequest | undefined;
    const result = runLine(line, stdin, (begin, options) => (request = { begin, options }), true);
    const handle = new Running(line, (r) => running.delete(r));
    handle.writeResult(result);
    if (request && result.exitCode === 0) {
      running.add(handle);
      handle.attach(request);
      settle();
    } else handle.finish(result.exitCode);
    pollRunning();
    return handle;
  };

  const snapshot = (): ClusterSnapshot => {
    // This snapshot and its derived data describe the context of this moment.
    const ctx = engine();
    const { clock, store, sim } = ctx;
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
        cloudProvider: sim.cloudProvider,
        proxyMode: sim.proxyMode,
        readinessFailures: Object.freeze([...sim.readinessFailures].sort()),
        stoppedNodes: Object.freeze([...sim.stoppedNodes.keys()].sort()),
      }),
      files: Object.freeze(workspace.entries()),
      // Derived data is computed only when someone reads it, once per snapshot.
      get proxyRules() {
        const cl = reachCommandLine();
        // Before the command line has loaded (browser only) there is nothing to derive them with yet.
        return cl ? (rules ??= Object.freeze(cl.proxyRules(ctx))) : [];
      },
      get dnsRecords() {
        const cl = reachCommandLine();
        return cl ? (records ??= Object.freeze(cl.dnsRecords(ctx))) : [];
      },
    });
  };

  return {
    writeFile: (path, text) => workspace.write(path, text),
    readFile: (path) => workspace.read(path),
    deleteFile: (path) => workspace.remove(path),
    listFiles: () => workspace.list(),
    exec,
    start,
    advance,
    snapshot,
    trace: (request) => {
      const cl = reachCommandLine();
      // Before the command line has loaded (browser only) nothing is sent.
      if (!cl) return notSent(request);
      const result = cl.traceRequest(ctx, request);
      settle();
      pollRunning();
      return result;
    },
    onTrace: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    now: () => engine().clock.now(),
    get context() {
      return engine();
    },
  };
}

/** The answer of trace() while the command line is still loading: nothing was sent. */
function notSent(request: TraceRequest): Trace {
  const method = (request.method ?? (request.body !== undefined ? 'POST' : 'GET')).toUpperCase();
  return { request, method, hops: [], outcome: { kind: 'invalid', reason: 'The playground is still starting: nothing was sent.' } };
}
