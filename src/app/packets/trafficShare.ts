// Per-pod share of the traffic generator's requests (pure, unit-tested): which pod
// answered each request, or how it failed, tallied into bars with counts and
// percentages, so load balancing, session affinity and externalTrafficPolicy:
// Local drops can be seen.

import type { Trace } from '../../engine';

export type BucketKind = 'pod' | 'refused' | 'dropped' | 'unresolved' | 'other';

export interface Tally {
  /** bucket key -> count; keys are `pod:ns/name` or the failure kind. */
  counts: Record<string, number>;
  total: number;
}

export interface ShareBar {
  key: string;
  kind: BucketKind;
  label: string;
  count: number;
  /** 0–100, one decimal. */
  percent: number;
}

export const EMPTY_TALLY: Tally = { counts: {}, total: 0 };

/** The bucket a finished request falls into. */
export function bucketOf(trace: Trace): { key: string; kind: BucketKind } {
  const o = trace.outcome;
  if (o.kind === 'response') {
    return o.servedBy ? { key: `pod:${o.servedBy.namespace}/${o.servedBy.pod}`, kind: 'pod' } : { key: 'other', kind: 'other' };
  }
  if (o.kind === 'refused') return { key: 'refused', kind: 'refused' };
  if (o.kind === 'timeout') return { key: 'dropped', kind: 'dropped' };
  if (o.kind === 'nxdomain') return { key: 'unresolved', kind: 'unresolved' };
  return { key: 'other', kind: 'other' };
}

/** A new tally with the traces added (the old one is not changed). */
export function addToTally(tally: Tally, traces: readonly Trace[]): Tally {
  if (traces.length === 0) return tally;
  const counts = { ...tally.counts };
  for (const t of traces) {
    const { key } = bucketOf(t);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return { counts, total: tally.total + traces.length };
}

const FAILURE_LABELS: Record<string, string> = {
  refused: 'refused',
  dropped: 'dropped (timed out)',
  unresolved: 'name not resolved',
  other: 'answered without a pod',
};

/**
 * Bars in a stable order: every pod in `pods` (ns/name) — zero counts included, so
 * a pod that gets nothing is seen getting nothing — then other pods that answered,
 * then failures. Percentages are of all requests.
 */
export function shareBars(tally: Tally, pods: readonly string[] = []): ShareBar[] {
  const bars: ShareBar[] = [];
  const pct = (n: number) => (tally.total ? Math.round((n / tally.total) * 1000) / 10 : 0);
  const seen = new Set<string>();
  const podKeys = [...pods.map((p) => `pod:${p}`), ...Object.keys(tally.counts).filter((k) => k.startsWith('pod:')).sort()];
  for (const key of podKeys) {
    if (seen.has(key)) continue;
    seen.add(key);
    const count = tally.counts[key] ?? 0;
    bars.push({ key, kind: 'pod', label: key.slice(key.indexOf('/') + 1), count, percent: pct(count) });
  }
  for (const key of ['refused', 'dropped', 'unresolved', 'other'] as const) {
    const count = tally.counts[key] ?? 0;
    if (count) bars.push({ key, kind: key, label: FAILURE_LABELS[key], count, percent: pct(count) });
  }
  return bars;
}

/** How many requests are due between two simulated instants at `rps` requests per second (carrying the fraction). */
export function dueRequests(fromMs: number, toMs: number, rps: number, carry: number): { count: number; carry: number } {
  if (toMs <= fromMs) return { count: 0, carry };
  const exact = ((toMs - fromMs) * rps) / 1000 + carry;
  const count = Math.floor(exact);
  return { count, carry: exact - count };
}

/**
 * At most `max` rows, for Services with many pods: the pods with the most requests
 * (in their listed order), one row for all the other pods, then the failures.
 */
export function limitBars(bars: readonly ShareBar[], max: number): ShareBar[] {
  if (bars.length <= max) return [...bars];
  const pods = bars.filter((b) => b.kind === 'pod');
  const failures = bars.filter((b) => b.kind !== 'pod');
  const keep = new Set(
    [...pods]
      .sort((a, b) => b.count - a.count)
      .slice(0, Math.max(1, max - failures.length - 1))
      .map((b) => b.key),
  );
  const total = bars.reduce((n, b) => n + b.count, 0);
  const rest = pods.filter((b) => !keep.has(b.key));
  const count = rest.reduce((n, b) => n + b.count, 0);
  const others: ShareBar = { key: 'others', kind: 'pod', label: `${rest.length} other pods`, count, percent: total ? Math.round((count / total) * 1000) / 10 : 0 };
  return [...pods.filter((b) => keep.has(b.key)), others, ...failures];
}
