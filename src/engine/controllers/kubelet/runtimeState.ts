// The simulated container runtime's view of one pod: what containerd and the
// kubelet's pod worker would remember between syncs. Plain data, owned by the
// kubelet controller; the API object's status is derived from it (podStatus.ts).

import type { Container } from '../../core/types';
import type { BackoffEntry } from './backoff';
import { fnv1a } from './ids';
import type { ProbeKind, ProbeState } from './probes';

export interface TerminatedInfo {
  exitCode: number;
  reason: string;
  startedAt: number;
  finishedAt: number;
  /** `containerd://<64 hex digits>`, as the status shows it. */
  containerID: string;
}

export interface ProbeRun {
  state: ProbeState;
  nextAt: number;
}

export interface ContainerRun {
  name: string;
  spec: Container;
  /** fnv1a of `<pod uid>:<name>:`, the prefix of every seed this container's ids and delays are drawn from. */
  seed: number;
  /** Number of restarts so far (status.containerStatuses[].restartCount). */
  restartCount: number;
  phase: 'waiting' | 'running' | 'terminated';
  waitingReason: 'ContainerCreating' | 'CrashLoopBackOff';
  waitingMessage?: string;
  /** When the pending (re)start happens. */
  startAt?: number;
  /** `containerd://<64 hex digits>` of the current (or last) container, as the status shows it. */
  containerID?: string;
  startedAt?: number;
  /** When the main process exits by itself (finite run durations only). */
  exitAt?: number;
  terminated?: TerminatedInfo;
  lastTerminated?: TerminatedInfo;
  /** Whether this container has ever run (the pod leaves Pending once all have). */
  everStarted: boolean;
  started: boolean;
  ready: boolean;
  /** The running container's probe workers (NO_PROBES, shared, while there are none). */
  probes: Partial<Record<ProbeKind, ProbeRun>>;
  backoff?: BackoffEntry;
  /** A `sim pod crash` waiting to be applied at the next sync. */
  crashRequested: boolean;
  /** The Pulled event text, recorded when the pull that is under way completes. */
  pendingPulled?: string;
  /** The container exited and must enter CrashLoopBackOff before its delayed restart. */
  pendingBackOff?: boolean;
}

export interface PodRun {
  key: string;
  namespace: string;
  name: string;
  uid: string;
  nodeName: string;
  hostIP: string;
  podIP: string;
  startTime: number;
  containers: ContainerRun[];
  /** Set once the kubelet has begun graceful termination: when the last container is gone. */
  killAt?: number;
  /** The pending wake-up: when the kubelet syncs this pod next (undefined: none), and its token. */
  wakeAt?: number;
  wakeToken: number;
  /** The resourceVersion of this kubelet's last status write, so that write does not queue another sync. */
  written?: string;
  /** Whether the derived status may have changed since the last write. */
  dirty: boolean;
  /**
   * Whether a change the kubelet learns of only at its next PLEG relist is waiting to be
   * written (a container started or exited): the status write waits for the relist, and
   * probe results found meanwhile go with it (probers work from the status the kubelet
   * knows). Probe results at other times are written at once.
   */
  awaitsRelist: boolean;
  /** Whether a change the kubelet reports at once is waiting (admission, termination, node start). */
  writeNow: boolean;
}

/** The probes of a container with none running (shared and frozen: a container with probes gets its own object). */
export const NO_PROBES: Partial<Record<ProbeKind, ProbeRun>> = Object.freeze({});

/**
 * Every field is set from the start (undefined until used), so all runs share one shape:
 * no property store grown on the side and monomorphic access in the pod worker.
 */
export function newContainerRun(spec: Container, startAt: number, podUID: string): ContainerRun {
  return {
    name: spec.name,
    spec,
    // fnv1a(`${podUID}:${spec.name}:`), hashed piece by piece (no string built per container).
    seed: fnv1a(':', fnv1a(spec.name, fnv1a(':', fnv1a(podUID)))),
    restartCount: 0,
    phase: 'waiting',
    waitingReason: 'ContainerCreating',
    waitingMessage: undefined,
    startAt,
    containerID: undefined,
    startedAt: undefined,
    exitAt: undefined,
    terminated: undefined,
    lastTerminated: undefined,
    everStarted: false,
    started: false,
    ready: false,
    probes: NO_PROBES,
    backoff: undefined,
    crashRequested: false,
    pendingPulled: undefined,
    pendingBackOff: false,
  };
}
