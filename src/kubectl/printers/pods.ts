// `kubectl get pods`. Source: pkg/printers/internalversion/printers.go (printPod,
// hasPodReadyCondition, isPodInitializedConditionTrue), printers_test.go TestPrintPod*.

import type { ContainerStatus, Pod } from '../../engine/core/types';
import { parseTimestamp } from '../../engine/core/clock';
import { ageSince } from './age';
import { AGE, NAME, type KindTable, type RowEnv } from './columns';

interface ContainerStatusX extends ContainerStatus {
  state: ContainerStatus['state'] & { terminated?: { exitCode: number; signal?: number; reason?: string; finishedAt?: string } };
}

/** Reason kubelet sets on pods of an unreachable node (pkg/util/node NodeUnreachablePodReason). */
const NODE_UNREACHABLE_POD_REASON = 'NodeLost';

function isRestartable(c: { restartPolicy?: string } | undefined): boolean {
  return c?.restartPolicy === 'Always';
}

function hasCondition(pod: Pod, type: string): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === type && c.status === 'True');
}

function laterOf(current: number, ts: string | undefined): number {
  const t = parseTimestamp(ts);
  return t !== undefined && t > current ? t : current;
}

export interface PodSummary {
  ready: string;
  status: string;
  restarts: string;
}

/** READY, STATUS and RESTARTS exactly as printPod derives them. */
export function podSummary(pod: Pod, nowMs: number): PodSummary {
  const spec = pod.spec;
  const status = pod.status ?? {};
  let restarts = 0;
  let restartableInitRestarts = 0;
  let totalContainers = spec.containers.length;
  let readyContainers = 0;
  let lastRestart = 0;
  let lastRestartableInitRestart = 0;
  const phase = status.phase ?? '';
  let reason = status.reason || phase;
  for (const c of status.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }
  const initContainers = new Map((spec.initContainers ?? []).map((c) => [c.name, c]));
  for (const c of spec.initContainers ?? []) if (isRestartable(c)) totalContainers++;

  let initializing = false;
  const initStatuses = ((status as { initContainerStatuses?: ContainerStatusX[] }).initContainerStatuses ?? []);
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i];
    restarts += c.restartCount;
    lastRestart = laterOf(lastRestart, c.lastState?.terminated?.finishedAt);
    const restartable = isRestartable(initContainers.get(c.name));
    if (restartable) {
      restartableInitRestarts += c.restartCount;
      lastRestartableInitRestart = laterOf(lastRestartableInitRestart, c.lastState?.terminated?.finishedAt);
    }
    const term = c.state?.terminated;
    if (term && term.exitCode === 0) continue;
    if (restartable && c.started) {
      if (c.ready) readyContainers++;
      continue;
    }
    if (term) {
      reason = term.reason ? `Init:${term.reason}` : term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode}`;
    } else if (c.state?.waiting?.reason && c.state.waiting.reason !== 'PodInitializing') {
      reason = `Init:${c.state.waiting.reason}`;
    } else {
      reason = `Init:${i}/${(spec.initContainers ?? []).length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || hasCondition(pod, 'Initialized')) {
    restarts = restartableInitRestarts;
    lastRestart = lastRestartableInitRestart;
    let hasRunning = false;
    const statuses = (status.containerStatuses ?? []) as ContainerStatusX[];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      restarts += c.restartCount;
      lastRestart = laterOf(lastRestart, c.lastState?.terminated?.finishedAt);
      const term = c.state?.terminated;
      if (c.state?.waiting?.reason) reason = c.state.waiting.reason;
      else if (term?.reason) reason = term.reason;
      else if (term) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode}`;
      else if (c.ready && c.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    // Back to Running when a container still runs after others completed.
    if (reason === 'Completed' && hasRunning) reason = hasCondition(pod, 'Ready') ? 'Running' : 'NotReady';
  }

  const terminal = phase === 'Succeeded' || phase === 'Failed';
  if (pod.metadata.deletionTimestamp && status.reason === NODE_UNREACHABLE_POD_REASON) reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && !terminal) reason = 'Terminating';

  let restartsText = String(restarts);
  if (restarts !== 0 && lastRestart !== 0) restartsText = `${restarts} (${ageSince(nowMs, new Date(lastRestart).toISOString())} ago)`;
  return { ready: `${readyContainers}/${totalContainers}`, status: reason, restarts: restartsText };
}

export const podTable: KindTable = {
  columns: [NAME, { name: 'Ready' }, { name: 'Status' }, { name: 'Restarts' }, AGE, { name: 'IP', wide: true }, { name: 'Node', wide: true }, { name: 'Nominated Node', wide: true }, { name: 'Readiness Gates', wide: true }],
  row(obj, env: RowEnv) {
    const pod = obj as Pod;
    const s = podSummary(pod, env.nowMs);
    const cells = [pod.metadata.name ?? '', s.ready, s.status, s.restarts, ageSince(env.nowMs, pod.metadata.creationTimestamp)];
    if (env.wide) {
      const st = pod.status ?? {};
      const gates = pod.spec.readinessGates ?? [];
      let gatesText = '<none>';
      if (gates.length > 0) {
        let trueCount = 0;
        for (const g of gates) {
          const c = (st.conditions ?? []).find((cond) => cond.type === g.conditionType);
          if (c?.status === 'True') trueCount++;
        }
        gatesText = `${trueCount}/${gates.length}`;
      }
      const nominated = (st as { nominatedNodeName?: string }).nominatedNodeName;
      cells.push(st.podIPs?.[0]?.ip || '<none>', pod.spec.nodeName || '<none>', nominated || '<none>', gatesText);
    }
    return cells;
  },
};
