// A pod's state as the graph shows it (icon + colour), with the reason in a few words.
import type { Pod } from '../engine';
import type { PodState } from './types';

export interface PodStateInfo {
  state: PodState;
  reason?: string;
  restarts: number;
}

const condition = (pod: Pod, type: string) => pod.status?.conditions?.find((c) => c.type === type);

export function podState(pod: Pod, readinessFailing = false): PodStateInfo {
  const statuses = pod.status?.containerStatuses ?? [];
  const restarts = statuses.reduce((n, s) => n + (s.restartCount ?? 0), 0);
  if (pod.metadata.deletionTimestamp) return { state: 'terminating', reason: 'Terminating', restarts };
  const phase = pod.status?.phase ?? 'Pending';
  for (const s of statuses) {
    const waiting = s.state?.waiting?.reason;
    if (waiting === 'CrashLoopBackOff') return { state: 'crashLooping', reason: 'CrashLoopBackOff', restarts };
    if (s.state?.terminated && phase === 'Running') {
      return { state: 'crashLooping', reason: `container ${s.name} exited (${s.state.terminated.reason ?? s.state.terminated.exitCode})`, restarts };
    }
  }
  if (phase === 'Pending') {
    const scheduled = condition(pod, 'PodScheduled');
    if (scheduled?.status === 'False') return { state: 'pending', reason: scheduled.reason ?? 'Unschedulable', restarts };
    const waiting = statuses.find((s) => s.state?.waiting)?.state.waiting?.reason;
    return { state: 'pending', reason: waiting ?? (pod.spec.nodeName ? 'ContainerCreating' : 'waiting for a node'), restarts };
  }
  if (phase === 'Succeeded' || phase === 'Failed') return { state: 'notReady', reason: pod.status?.reason ?? phase, restarts };
  const ready = condition(pod, 'Ready');
  if (ready?.status === 'True') return { state: 'ready', restarts };
  return { state: 'notReady', reason: notReadyReason(pod, readinessFailing), restarts };
}

/** Why a Running pod is not Ready, as a person would say it. */
export function notReadyReason(pod: Pod, readinessFailing = false): string {
  const statuses = pod.status?.containerStatuses ?? [];
  const notRunning = statuses.find((s) => !s.state?.running);
  if (notRunning) return `container ${notRunning.name} not running`;
  const probed = pod.spec.containers.some((c) => c.readinessProbe);
  if (readinessFailing || (probed && statuses.some((s) => s.started !== false && !s.ready))) return 'readiness probe failing';
  const ready = condition(pod, 'Ready');
  // Containers ready but the pod not: the node lifecycle controller marked it
  // (MarkPodsNotReady) because its node stopped reporting.
  if (ready?.reason === 'NodeNotReady' || ready?.reason === 'NodeLost' || condition(pod, 'ContainersReady')?.status === 'True') return 'its node is NotReady';
  return ready?.reason ?? 'not ready';
}
