// Probes as the kubelet's prober runs them (pkg/kubelet/prober/worker.go,
// prober.go): defaults from SetDefaults_Probe, thresholds counted over
// consecutive results, and the failure texts the Go HTTP/TCP clients produce.

import type { Container, IntOrString, Probe } from '../../core/types';
import { listensOn } from '../../workloads/containerBehaviour';

export type ProbeKind = 'Readiness' | 'Liveness' | 'Startup';

/** pkg/apis/core/v1/defaults.go SetDefaults_Probe (0 means "use the default"). */
export function probeTiming(probe: Probe): { initialDelayMs: number; periodMs: number; successThreshold: number; failureThreshold: number } {
  return {
    initialDelayMs: Math.max(0, probe.initialDelaySeconds ?? 0) * 1000,
    periodMs: (probe.periodSeconds || 10) * 1000,
    successThreshold: probe.successThreshold || 1,
    failureThreshold: probe.failureThreshold || 3,
  };
}

/** Consecutive-result counters of one probe worker, and the result it reports. */
export interface ProbeState {
  successes: number;
  failures: number;
  /** The worker's current verdict; readiness starts false, liveness/startup start "no failure". */
  passing: boolean;
}

export function initialProbeState(kind: ProbeKind): ProbeState {
  // worker.go: readiness starts at Failure, liveness at Success, startup at Unknown (not started).
  return { successes: 0, failures: 0, passing: kind === 'Liveness' };
}

/**
 * worker.doProbe: the verdict flips only after `successThreshold` consecutive
 * successes or `failureThreshold` consecutive failures. Returns a new state.
 */
export function applyProbeResult(state: ProbeState, ok: boolean, probe: Probe): ProbeState {
  const { successThreshold, failureThreshold } = probeTiming(probe);
  const successes = ok ? state.successes + 1 : 0;
  const failures = ok ? 0 : state.failures + 1;
  let passing = state.passing;
  if (ok && successes >= successThreshold) passing = true;
  if (!ok && failures >= failureThreshold) passing = false;
  return { successes, failures, passing };
}

/** Resolves a probe port (number or the name of one of the container's ports). */
export function resolveProbePort(port: IntOrString, container: Container): number | undefined {
  if (typeof port === 'number') return port;
  if (/^\d+$/.test(port)) return Number(port);
  return container.ports?.find((p) => p.name === port)?.containerPort;
}

export interface ProbeOutcome {
  ok: boolean;
  /** The prober's output on failure, as it appears after "<Kind> probe failed: ". */
  output: string;
}

/**
 * One probe attempt against the simulated container. `faulted` is the
 * playground's readiness fault: the endpoint answers 503 / refuses / exits 1.
 */
export function runProbe(probe: Probe, container: Container, podIP: string, faulted: boolean): ProbeOutcome {
  if (probe.httpGet) {
    const port = resolveProbePort(probe.httpGet.port, container);
    const scheme = (probe.httpGet.scheme ?? 'HTTP').toLowerCase();
    const host = probe.httpGet.host || podIP;
    const path = probe.httpGet.path || '/';
    if (port === undefined) return { ok: false, output: `strconv.Atoi: parsing "${probe.httpGet.port}": invalid syntax` };
    const addr = `${host}:${port}`;
    if (!listensOn(container, port)) {
      return { ok: false, output: `Get "${scheme}://${addr}${path}": dial tcp ${addr}: connect: connection refused` };
    }
    if (faulted) return { ok: false, output: 'HTTP probe failed with statuscode: 503' };
    return { ok: true, output: '' };
  }
  if (probe.tcpSocket) {
    const port = resolveProbePort(probe.tcpSocket.port, container);
    const addr = `${probe.tcpSocket.host || podIP}:${port ?? probe.tcpSocket.port}`;
    if (port === undefined || !listensOn(container, port) || faulted) {
      return { ok: false, output: `dial tcp ${addr}: connect: connection refused` };
    }
    return { ok: true, output: '' };
  }
  if (probe.grpc) {
    const addr = `${podIP}:${probe.grpc.port}`;
    if (!listensOn(container, probe.grpc.port)) {
      return { ok: false, output: `timeout: failed to connect service "${addr}" within 1s: context deadline exceeded` };
    }
    if (faulted) return { ok: false, output: `service unhealthy (responded with "NOT_SERVING")` };
    return { ok: true, output: '' };
  }
  // exec: succeeds (exit 0) unless faulted; busybox `cat FILE` prints why it failed.
  if (!faulted) return { ok: true, output: '' };
  const cmd = probe.exec?.command ?? [];
  if (cmd[0] === 'cat' && cmd[1]) return { ok: false, output: `cat: can't open '${cmd[1]}': No such file or directory\n` };
  return { ok: false, output: '' };
}

/** Event text of a failed probe (prober.go: "%s probe failed: %s"). */
export function probeFailedMessage(kind: ProbeKind, output: string): string {
  return `${kind} probe failed: ${output}`;
}
