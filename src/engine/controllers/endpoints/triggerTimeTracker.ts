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
  const known = parsed.get(ts);
  if (known !== undefined || parsed.has(ts)) return known;
  if (parsed.size > 10_000) parsed.clear();
  const ms = parseTimestamp(ts);
  parsed.set(ts, ms);
  return ms;
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
    const prevPods = prev?.pods;
    let min: number | undefined;
    // The previous map is updated in place when it holds exactly these pods (the usual
    // case: a pod's readiness moved); otherwise a new one is built below.
    let reuse = prevPods !== undefined;
    let count = 0;
    for (const pod of pods) {
      const t = parse(podReadyTransitionTime(pod));
      if (t === undefined) continue;
      count++;
      const name = pod.metadata.name!;
      const before = prevPods?.get(name);
      if (before === undefined) reuse = false;
      else if (reuse) prevPods!.set(name, t);
      if (t > (before ?? -Infinity) && (min === undefined || t < min)) min = t;
    }
    let podTimes = prevPods;
    if (!reuse || count !== prevPods!.size) {
      podTimes = new Map<string, number>();
      for (const pod of pods) {
        const t = parse(podReadyTransitionTime(pod));
        if (t !== undefined) podTimes.set(pod.metadata.name!, t);
      }
    }
    const created = parse(service.metadata.creationTimestamp) ?? 0;
    if (created > (prev?.service ?? -Infinity) && (min === undefined || created < min)) min = created;
    if (prev) {
      prev.pods = podTimes!;
      prev.service = created;
    } else this.states.set(key, { pods: podTimes!, service: created });
    if (!prev) return created;
    return min;
  }

  deleteService(key: string): void {
    this.states.delete(key);
  }
}
