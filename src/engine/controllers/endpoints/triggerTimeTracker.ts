// The endpoints.kubernetes.io/last-change-trigger-time bookkeeping, as
// staging/src/k8s.io/endpointslice/util/trigger_time_tracker.go: remember, per
// Service, the last seen Ready-transition time of each pod and the Service's
// creation time; a sync's trigger time is the earliest of those that moved
// since the previous sync (the Service's creation for a Service seen first).
// Returns undefined when nothing moved (the annotation is then removed).

import { parseTimestamp } from '../../core/clock';
import type { Pod, Service } from '../../core/types';
import { podReadyTransitionTime } from './podEndpoints';

/** Pods share a handful of distinct timestamps; parsing each once keeps syncs cheap. */
const parsed = new Map<string, number | undefined>();
function parse(ts: string | undefined | null): number | undefined {
  if (!ts) return undefined;
  if (!parsed.has(ts)) {
    if (parsed.size > 10_000) parsed.clear();
    parsed.set(ts, parseTimestamp(ts));
  }
  return parsed.get(ts);
}

interface State {
  pods: Map<string, number>;
  service: number;
}

export class TriggerTimeTracker {
  private states = new Map<string, State>();

  compute(service: Service, pods: readonly Pod[]): number | undefined {
    const key = `${service.metadata.namespace}/${service.metadata.name}`;
    const prev = this.states.get(key);
    let min: number | undefined;
    const podTimes = new Map<string, number>();
    for (const pod of pods) {
      const t = parse(podReadyTransitionTime(pod));
      if (t === undefined) continue;
      podTimes.set(pod.metadata.name!, t);
      if (t > (prev?.pods.get(pod.metadata.name!) ?? -Infinity) && (min === undefined || t < min)) min = t;
    }
    const created = parse(service.metadata.creationTimestamp) ?? 0;
    if (created > (prev?.service ?? -Infinity) && (min === undefined || created < min)) min = created;
    this.states.set(key, { pods: podTimes, service: created });
    if (!prev) return created;
    return min;
  }

  deleteService(key: string): void {
    this.states.delete(key);
  }
}
