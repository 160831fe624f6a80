// The endpoints.kubernetes.io/last-change-trigger-time bookkeeping, as
// staging/src/k8s.io/endpointslice/util/trigger_time_tracker.go: remember, per
// Service, the last seen Ready-transition time of each pod and the Service's
// creation time; a sync's trigger time is the earliest of those that moved
// since the previous sync (the Service's creation for a Service seen first).
// Returns undefined when nothing moved (the annotation is then removed).

import type { Pod, Service } from '../../core/types';
import { parseTime, podReadyTransitionTime } from './podEndpoints';

interface State {
  pods: Map<string, number>;
  service: number;
}

export class TriggerTimeTracker {
  private states = new Map<string, State>();

  /** `key` is the Service's namespace/name (the controller's queue key). */
  compute(key: string, service: Service, pods: readonly Pod[]): number | undefined {
    const prev = this.states.get(key);
    const created = parseTime(service.metadata.creationTimestamp) ?? 0;
    if (!prev) {
      this.states.set(key, { pods: podTimes(pods), service: created });
      return created;
    }
    const prevPods = prev.pods;
    let min: number | undefined;
    // The previous map is updated in place when it holds exactly these pods (the usual
    // case: a pod's readiness moved); otherwise a new one is built below.
    let reuse = true;
    let count = 0;
    for (let i = 0; i < pods.length; i++) {
      const t = podReadyTransitionTime(pods[i]);
      if (t === undefined) continue;
      count++;
      const name = pods[i].metadata.name!;
      const before = prevPods.get(name);
      if (before === undefined) reuse = false;
      else if (reuse) prevPods.set(name, t);
      if (t > (before ?? -Infinity) && (min === undefined || t < min)) min = t;
    }
    if (!reuse || count !== prevPods.size) prev.pods = podTimes(pods);
    if (created > prev.service && (min === undefined || created < min)) min = created;
    prev.service = created;
    return min;
  }

  deleteService(key: string): void {
    this.states.delete(key);
  }
}

/** Each pod's Ready-transition time by pod name (pods without one are left out). */
function podTimes(pods: readonly Pod[]): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < pods.length; i++) {
    const t = podReadyTransitionTime(pods[i]);
    if (t !== undefined) out.set(pods[i].metadata.name!, t);
  }
  return out;
}
