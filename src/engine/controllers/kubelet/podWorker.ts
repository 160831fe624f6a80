// One pod's life on its node, advanced in simulated time: image pulls,
// container start, probes, exits and restarts with back-off, crashes, and
// graceful termination. `advancePod` applies everything due up to `now` in
// time order and reports what the pod needs next; effects other than the
// runtime state (events) go through `env`.

import type { Container, Pod, Probe } from '../../core/types';
import { exitsOnSigterm, runDurationSeconds } from '../../workloads/containerBehaviour';
import { goDuration, nextBackoff, restartAt } from './backoff';
import { fnv1a, stableHex, stableInt } from './ids';
import { applyProbeResult, initialProbeState, type ProbeKind, probeFailedMessage, probeTiming, runProbe } from './probes';
import { type ContainerRun, NO_PROBES, type PodRun, type ProbeRun } from './runtimeState';
import { cached } from './sharedStatus';

export interface WorkerEnv {
  now: number;
  /** Records a kubelet event on the pod; `container` sets fieldPath spec.containers{name}. */
  event(type: 'Normal' | 'Warning', reason: string, message: string, container?: string): void;
  /** Whether the playground's readiness fault applies to this container. */
  readinessFaulted(container: string): boolean;
  /** Whether this node already holds the image (and records that it now does). */
  imagePresent(image: string): boolean;
}

/** Delay for the runtime to notice an exit and the pod worker to restart (PLEG relist, ~1s). */
const RESTART_SYNC_MS = 1000;
/** How long a server takes to stop after SIGTERM. */
const SIGTERM_EXIT_MS = 1000;

function pullPolicy(c: Container): string {
  if (c.imagePullPolicy) return c.imagePullPolicy;
  const image = (c.image ?? '').split('@')[0];
  const tagged = image.lastIndexOf(':') > image.lastIndexOf('/');
  return tagged && !image.endsWith(':latest') ? 'IfNotPresent' : 'Always';
}

/** Go's Duration String for sub-minute values: 812ms, 1.234s. */
function goMillis(ms: number): string {
  return ms < 1000 ? `${ms}ms` : `${(ms / 1000).toFixed(3).replace(/\.?0+$/, '')}s`;
}

/**
 * Image pull for one container start (pkg/kubelet/images/image_manager.go):
 * returns the time the pull finishes and records Pulling/Pulled.
 */
function pullImage(c: ContainerRun, from: number, env: WorkerEnv, attempt: number): number {
  const image = c.spec.image ?? '';
  const present = env.imagePresent(image);
  if (present && pullPolicy(c.spec) !== 'Always') {
    env.event('Normal', 'Pulled', alreadyPresentMessage(image), c.name);
    return from;
  }
  const seed = fnv1a(':pull', fnv1a(String(attempt), c.seed)); // fnv1a(`${attempt}:pull`, c.seed) without the string
  const ms = present ? stableInt(seed, 300, 900) : stableInt(seed, 1000, 2500);
  const size = stableInt(`size:${image}`, 5_000_000, 190_000_000);
  env.event('Normal', 'Pulling', `Pulling image "${image}"`, c.name);
  c.pendingPulled = `Successfully pulled image "${image}" in ${goMillis(ms)} (${goMillis(ms)} including waiting). Image size: ${size} bytes.`;
  return from + ms;
}

/** The Pulled event's text when the node has the image, by image (most pods find their image present). */
const alreadyPresent = new Map<string, string>();
const makeAlreadyPresent = (image: string): string => `Container image "${image}" already present on machine`;

function alreadyPresentMessage(image: string): string {
  return cached(alreadyPresent, image, makeAlreadyPresent, 1024);
}

/** The Created and Started events' texts, by container name (a few names recur across thousands of pods; the events keep them). */
const startTexts = new Map<string, { created: string; started: string }>();
const makeStartTexts = (container: string) => ({ created: `Created container: ${container}`, started: `Started container ${container}` });

function startMessages(container: string): { created: string; started: string } {
  return cached(startTexts, container, makeStartTexts, 1024);
}

/** Creates the runtime state for a pod the kubelet has just admitted. */
export function admitPod(run: PodRun, env: WorkerEnv): void {
  let at = env.now;
  const containers = run.containers;
  for (let i = 0; i < containers.length; i++) {
    const c = containers[i];
    at = pullImage(c, at, env, 0);
    c.startAt = at + stableInt(fnv1a('create', c.seed), 100, 400);
  }
}

function startProbes(c: ContainerRun, at: number): void {
  const { startupProbe, readinessProbe, livenessProbe } = c.spec;
  // Most containers have no probes: they share one empty (frozen) object.
  if (!startupProbe && !readinessProbe && !livenessProbe) {
    c.probes = NO_PROBES;
    return;
  }
  c.probes = {};
  if (startupProbe) c.probes.Startup = newProbeRun('Startup', startupProbe, at);
  if (readinessProbe) c.probes.Readiness = newProbeRun('Readiness', readinessProbe, at);
  if (livenessProbe) c.probes.Liveness = newProbeRun('Liveness', livenessProbe, at);
}

function newProbeRun(kind: ProbeKind, probe: Probe, at: number): ProbeRun {
  return { state: initialProbeState(kind), nextAt: at + probeTiming(probe).initialDelayMs };
}

function startContainer(pod: Pod, run: PodRun, c: ContainerRun, env: WorkerEnv): void {
  const at = c.startAt!;
  if (c.pendingPulled) env.event('Normal', 'Pulled', c.pendingPulled, c.name);
  c.pendingPulled = undefined;
  if (c.everStarted) c.restartCount++;
  c.containerID = stableHex(fnv1a(String(c.restartCount), c.seed), 64, 'containerd://');
  const texts = startMessages(c.name);
  env.event('Normal', 'Created', texts.created, c.name);
  env.event('Normal', 'Started', texts.started, c.name);
  c.phase = 'running';
  run.awaitsRelist = true;
  c.startAt = undefined;
  c.waitingMessage = undefined;
  c.startedAt = at;
  c.everStarted = true;
  if (c.terminated) c.lastTerminated = c.terminated;
  c.terminated = undefined;
  const runFor = runDurationSeconds(c.spec);
  c.exitAt = Number.isFinite(runFor) ? at + runFor * 1000 : undefined;
  startProbes(c, at);
  c.started = !c.probes.Startup;
  c.ready = c.started && !c.probes.Readiness;
  void pod;
}

/** The container's main process ended at `at`; schedules the restart the pod's policy allows. */
function exitContainer(pod: Pod, run: PodRun, c: ContainerRun, at: number, exitCode: number, reason: string): void {
  c.terminated = { exitCode, reason, startedAt: c.startedAt!, finishedAt: at, containerID: c.containerID! };
  c.phase = 'terminated';
  run.awaitsRelist = true;
  c.ready = false;
  c.started = false;
  c.exitAt = undefined;
  c.probes = NO_PROBES;
  if (run.killAt !== undefined) return;
  const policy = pod.spec.restartPolicy ?? 'Always';
  if (policy === 'Never' || (policy === 'OnFailure' && exitCode === 0)) return;
  const when = restartAt(c.backoff, at);
  c.backoff = nextBackoff(c.backoff, Math.max(when, at + RESTART_SYNC_MS));
  if (when > at) {
    c.startAt = when;
    c.pendingBackOff = true;
  } else {
    c.startAt = at + RESTART_SYNC_MS;
  }
}

function enterBackOff(pod: Pod, c: ContainerRun, env: WorkerEnv): void {
  c.pendingBackOff = false;
  const backoff = c.startAt! - c.terminated!.finishedAt;
  c.lastTerminated = c.terminated;
  c.terminated = undefined;
  c.phase = 'waiting';
  c.waitingReason = 'CrashLoopBackOff';
  const podRef = `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;
  c.waitingMessage = `back-off ${goDuration(backoff)} restarting failed container=${c.name} pod=${podRef}`;
  env.event('Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${podRef}`, c.name);
}

function probe(pod: Pod, run: PodRun, c: ContainerRun, kind: ProbeKind, env: WorkerEnv): void {
  const pr = c.probes[kind]!;
  const spec = (kind === 'Readiness' ? c.spec.readinessProbe : kind === 'Liveness' ? c.spec.livenessProbe : c.spec.startupProbe)!;
  const outcome = runProbe(spec, c.spec, run.podIP, kind === 'Readiness' && env.readinessFaulted(c.name));
  const timing = probeTiming(spec);
  pr.nextAt += timing.periodMs;
  if (!outcome.ok) env.event('Warning', 'Unhealthy', probeFailedMessage(kind, outcome.output), c.name);
  pr.state = applyProbeResult(pr.state, outcome.ok, spec);
  if (kind === 'Readiness') {
    c.ready = pr.state.passing;
    return;
  }
  if (kind === 'Startup' && pr.state.passing) {
    // Startup succeeded: its worker stops; readiness and liveness begin now.
    delete c.probes.Startup;
    c.started = true;
    c.ready = !c.probes.Readiness;
    return;
  }
  if (!pr.state.passing && pr.state.failures >= timing.failureThreshold) {
    env.event('Normal', 'Killing', `Container ${c.name} failed ${kind.toLowerCase()} probe, will be restarted`, c.name);
    const clean = exitsOnSigterm(c.spec);
    exitContainer(pod, run, c, env.now, clean ? 0 : 137, clean ? 'Completed' : 'Error');
  }
}

/** The earliest pending action of a container, or Infinity. */
function nextDue(c: ContainerRun, terminating: boolean): number {
  if (c.crashRequested && c.phase === 'running') return -Infinity;
  if (c.pendingBackOff) return c.terminated!.finishedAt;
  if (c.phase !== 'running') return terminating ? Infinity : c.startAt ?? Infinity;
  let t = c.exitAt ?? Infinity;
  const { Startup, Readiness, Liveness } = c.probes;
  if (Startup) t = Math.min(t, Startup.nextAt);
  if (Readiness) t = Math.min(t, Readiness.nextAt);
  if (Liveness) t = Math.min(t, Liveness.nextAt);
  return t;
}

/** Begins graceful termination (kuberuntime killContainersWithSyncResult). */
export function beginTermination(pod: Pod, run: PodRun, env: WorkerEnv): void {
  const grace = (pod.metadata.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30) * 1000;
  let exit = env.now;
  for (const c of run.containers) {
    if (c.phase !== 'running') continue;
    env.event('Normal', 'Killing', `Stopping container ${c.name}`, c.name);
    exit = Math.max(exit, env.now + (exitsOnSigterm(c.spec) ? Math.min(SIGTERM_EXIT_MS, grace) : grace));
  }
  for (const c of run.containers) if (c.phase !== 'running') c.startAt = undefined;
  run.killAt = exit;
}

/**
 * Applies every action due at or before env.now, in time order. Returns the
 * time of the next action (Infinity when none), or 'gone' when the pod's
 * containers are all gone after termination.
 */
export function advancePod(pod: Pod, run: PodRun, env: WorkerEnv): number | 'gone' {
  const terminating = run.killAt !== undefined;
  // Indexed loops: this runs at every sync of every pod, mostly before it is optimized.
  const containers = run.containers;
  for (let guard = 0; guard < 10_000; guard++) {
    let due: ContainerRun | undefined;
    let dueAt = Infinity;
    for (let i = 0; i < containers.length; i++) {
      const c = containers[i];
      const t = nextDue(c, terminating);
      if (t < dueAt) { dueAt = t; due = c; }
    }
    if (terminating && run.killAt! <= env.now && run.killAt! <= dueAt) return 'gone';
    if (!due || dueAt > env.now) return Math.min(dueAt, terminating ? run.killAt! : Infinity);
    run.dirty = true;
    applyDue(pod, run, due, env);
  }
  throw new Error(`kubelet: pod ${run.key} did not settle`);
}

function applyDue(pod: Pod, run: PodRun, c: ContainerRun, env: WorkerEnv): void {
  if (c.crashRequested && c.phase === 'running') {
    c.crashRequested = false;
    exitContainer(pod, run, c, env.now, 1, 'Error');
    return;
  }
  if (c.pendingBackOff) return enterBackOff(pod, c, env);
  if (c.phase !== 'running') {
    if (c.everStarted && !c.pendingPulled) {
      // A restart pulls again only under imagePullPolicy Always.
      const at = c.startAt!;
      const pulledAt = pullImage(c, at, env, c.restartCount + 1);
      if (pulledAt > at) { c.startAt = pulledAt; return; }
    }
    return startContainer(pod, run, c, env);
  }
  const { Startup, Liveness, Readiness } = c.probes;
  if (c.exitAt !== undefined && c.exitAt <= env.now && !(Startup && Startup.nextAt < c.exitAt) && !(Liveness && Liveness.nextAt < c.exitAt) && !(Readiness && Readiness.nextAt < c.exitAt)) {
    return exitContainer(pod, run, c, c.exitAt, 0, 'Completed');
  }
  // The probe due first; on a tie, the first of Startup, Liveness, Readiness.
  let kind: ProbeKind | undefined;
  let kindAt = Infinity;
  if (Startup) { kind = 'Startup'; kindAt = Startup.nextAt; }
  if (Liveness && (!kind || Liveness.nextAt < kindAt)) { kind = 'Liveness'; kindAt = Liveness.nextAt; }
  if (Readiness && (!kind || Readiness.nextAt < kindAt)) kind = 'Readiness';
  // A running container with nothing due but a probe: one of them is set.
  if (kind === 'Startup' || c.started) return probe(pod, run, c, kind!, env);
  // Readiness/liveness wait for the startup probe; push them past it.
  c.probes[kind!]!.nextAt += probeTiming(kind === 'Readiness' ? c.spec.readinessProbe! : c.spec.livenessProbe!).periodMs;
}
