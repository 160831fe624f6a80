// The endpoints.kubernetes.io/last-change-trigger-time bookkeeping, as
// staging/src/k8s.io/endpointslice/util/trigger_time_tracker.go: remember, per
// Service, the last seen Ready-transition time of each pod and the Service's
// creation time; a sync's trigger time is the earliest of those that moved
// since the previous sync (the Service's creation for a Service seen first).
// Returns undefined when nothing moved (the annotation is then removed).

import type { Pod, Service } from '../../core/types';
import { parseTime, podReadyTransitionTime } from './podEndpoints';

/**
 * What a Service's last sync saw, as one flat list: the Service's creation time, then
 * each pod's name and Ready-transition time (pods without one are left out). Upstream
 * keeps a map per Service; a flat list holds the same in about a third of the memory,
 * and a Service's few pods are found in it by a short scan.
 */
type State = (string | number)[];

export class TriggerTimeTracker {
  private states = new Map<string, State>();

  /** `key` is the Service's namespace/name (the controller's queue key). */
  compute(key: string, service: Service, pods: readonly Pod[]): number | undefined {
    const prev = this.states.get(key);
    const created = parseTime(service.metadata.creationTimestamp) ?? 0;
    // This sync's state is written to `scratch` as the pods are read; it becomes the new
    // state (an exact-size copy) unless the previous one could be updated in place.
    scratch[0] = created;
    let size = 1;
    let min: number | undefined;
    // Each pod's previous time is found by name (a map only for large Services). While
    // every pod is found, the times are updated in place.
    const byName = prev && prev.length > 2 * SCAN_LIMIT ? indexByName(prev) : undefined;
    let sameSet = prev !== undefined;
    let found = 0;
    let hint = 1;
    for (let i = 0; i < pods.length; i++) {
      const t = podReadyTransitionTime(pods[i]);
      if (t === undefined) continue;
      const name = pods[i].metadata.name!;
      scratch[size++] = name;
      scratch[size++] = t;
      if (!prev) continue;
      const at = byName ? (byName.get(name) ?? -1) : scan(prev, name, hint);
      let before: number | undefined;
      if (at < 0) sameSet = false;
      else {
        before = prev[at + 1] as number;
        // Pod names are unique in the namespace: an entry updated here is never asked for again.
        if (sameSet) prev[at + 1] = t;
        found++;
        hint = at + 2;
      }
      if (t > (before ?? -Infinity) && (min === undefined || t < min)) min = t;
    }
    if (!prev) {
      this.states.set(key, scratch.slice(0, size));
      return created;
    }
    const seenCreated = prev[0] as number;
    if (!sameSet || 2 * found + 1 !== prev.length) this.states.set(key, scratch.slice(0, size));
    else prev[0] = created;
    if (created > seenCreated && (min === undefined || created < min)) min = created;
    return min;
  }

  deleteService(key: string): void {
    this.states.delete(key);
  }
}

/** Where compute() builds a state (reused: syncs run one at a time). */
const scratch: State = [];

/** Up to this many pods, a pod's entry is found by scanning the list (no map to build). */
const SCAN_LIMIT = 16;

/** Index of `name` in the state, scanning from `hint` (where the previous pod's successor sits) and wrapping; -1 if absent. */
function scan(state: State, name: string, hint: number): number {
  for (let i = hint; i < state.length; i += 2) if (state[i] === name) return i;
  for (let i = 1; i < hint && i < state.length; i += 2) if (state[i] === name) return i;
  return -1;
}

function indexByName(state: State): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 1; i < state.length; i += 2) out.set(state[i] as string, i);
  return out;
}
