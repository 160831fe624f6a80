// Which pods a ReplicaSet deletes first when it scales down.
// Source: pkg/controller/controller_utils.go (ActivePodsWithRanks.Less, with the
// PodDeletionCost and LogarithmicScaleDown gates on, as in v1.32) and
// pkg/controller/replicaset/replica_set.go (getPodsToDelete,
// getPodsRankedByRelatedPodsOnSameNode).

import { parseTimestamp } from '../../core/clock';
import type { Pod } from '../../core/types';
import { isPodActive, isPodReady, podReadyTime } from './pods';

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

function phaseOrdinal(pod: Pod): number {
  return PHASE_ORDINAL[pod.status?.phase ?? ''] ?? 0;
}

/** controller.kubernetes.io/pod-deletion-cost (invalid or missing = 0). */
function deletionCost(pod: Pod): number {
  const v = pod.metadata.annotations?.['controller.kubernetes.io/pod-deletion-cost'];
  if (v === undefined || !/^[+-]?\d+$/.test(v)) return 0;
  return Number(v);
}

function maxRestarts(pod: Pod): number {
  let max = 0;
  for (const c of pod.status?.containerStatuses ?? []) max = Math.max(max, c.restartCount ?? 0);
  return max;
}

/** logarithmicRankDiff: compares floor(log2(age in nanoseconds)). */
function logRankDiff(t1: number, t2: number, nowMs: number): number {
  const rank = (t: number) => {
    const ns = (nowMs - t) * 1e6;
    return ns > 0 ? Math.floor(Math.log2(ns)) : -1;
  };
  return rank(t1) - rank(t2);
}

/** Earlier-is-deleted-first: negative when `a` should go before `b`. */
export function compareForDeletion(a: Pod, b: Pod, rankA: number, rankB: number, nowMs: number): number {
  const na = a.spec.nodeName ?? '';
  const nb = b.spec.nodeName ?? '';
  // 1. Unassigned < assigned.
  if (na !== nb && (na === '' || nb === '')) return na === '' ? -1 : 1;
  // 2. Pending < Unknown < Running.
  const pa = phaseOrdinal(a);
  const pb = phaseOrdinal(b);
  if (pa !== pb) return pa - pb;
  // 3. Not ready < ready.
  const ra = isPodReady(a);
  const rb = isPodReady(b);
  if (ra !== rb) return ra ? 1 : -1;
  // 4. Lower pod-deletion-cost < higher.
  const ca = deletionCost(a);
  const cb = deletionCost(b);
  if (ca !== cb) return ca - cb;
  // 5. Doubled up (more active related pods on the same node) < not doubled up.
  if (rankA !== rankB) return rankB - rankA;
  const byAge = (ta: number | undefined, tb: number | undefined): number => {
    if (ta === tb) return 0;
    // afterOrZero: a zero time sorts first, then the later time.
    if (ta === undefined || tb === undefined) return ta === undefined ? -1 : 1;
    const diff = logRankDiff(ta, tb, nowMs);
    if (diff === 0) return (a.metadata.uid ?? '') < (b.metadata.uid ?? '') ? -1 : (a.metadata.uid ?? '') > (b.metadata.uid ?? '') ? 1 : 0;
    return diff;
  };
  // 6. Ready for less time < more time (log-scale buckets, then uid).
  if (ra && rb) {
    const d = byAge(podReadyTime(a), podReadyTime(b));
    if (d !== 0) return d;
  }
  // 7. Higher restart count < lower.
  const ka = maxRestarts(a);
  const kb = maxRestarts(b);
  if (ka !== kb) return kb - ka;
  // 8. Newer < older (log-scale buckets, then uid).
  return byAge(parseTimestamp(a.metadata.creationTimestamp), parseTimestamp(b.metadata.creationTimestamp));
}

/**
 * getPodsToDelete: the `count` pods to delete from `pods`, ranked against the
 * active `relatedPods` (this ReplicaSet's and its siblings') per node.
 */
export function podsToDelete(pods: readonly Pod[], relatedPods: readonly Pod[], count: number, nowMs: number): Pod[] {
  if (count >= pods.length) return pods.slice(0, count);
  const onNode = new Map<string, number>();
  for (const p of relatedPods) {
    if (isPodActive(p)) onNode.set(p.spec.nodeName ?? '', (onNode.get(p.spec.nodeName ?? '') ?? 0) + 1);
  }
  const ranked = pods.map((pod) => ({ pod, rank: onNode.get(pod.spec.nodeName ?? '') ?? 0 }));
  ranked.sort((x, y) => compareForDeletion(x.pod, y.pod, x.rank, y.rank, nowMs));
  return ranked.slice(0, count).map((r) => r.pod);
}
