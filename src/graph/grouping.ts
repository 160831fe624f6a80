// Large workloads collapse into one group node with counts by state (DESIGN.md,
// "Drawing large clusters"): React Flow's DOM nodes cost ~0.7 s per 1,000, so
// the graph never draws more than a few hundred pods one by one.

import type { PodState } from './types';

export interface GroupablePod {
  id: string;
  /** `ReplicaSet/default/web-abc`; empty for pods no controller owns. */
  ownerKey: string;
  /** The node the pod runs on; empty when not scheduled. */
  nodeKey: string;
  state: PodState;
}

export interface PodGroup<P extends GroupablePod> {
  key: string;
  ownerKey: string;
  nodeKey: string;
  pods: P[];
  counts: Record<PodState, number>;
  /** A person asked to expand it, but that would draw too many pods. */
  tooLarge: boolean;
}

export interface GroupingOptions {
  /** More pods than this of one owner on one node collapse. Default 12. */
  threshold?: number;
  /** Never draw more single pods than this. Default 300. */
  maxDrawn?: number;
  /** Group keys a person expanded. */
  expanded?: ReadonlySet<string>;
}

export interface Grouping<P extends GroupablePod> {
  singles: P[];
  groups: PodGroup<P>[];
}

export const groupKeyOf = (ownerKey: string, nodeKey: string) => `group/${ownerKey || 'unowned'}@${nodeKey || 'unscheduled'}`;

export function emptyCounts(): Record<PodState, number> {
  return { ready: 0, notReady: 0, terminating: 0, crashLooping: 0, pending: 0 };
}

export function groupPods<P extends GroupablePod>(pods: readonly P[], opts: GroupingOptions = {}): Grouping<P> {
  const threshold = opts.threshold ?? 12;
  const maxDrawn = opts.maxDrawn ?? 300;
  const expanded = opts.expanded ?? new Set<string>();
  const buckets = new Map<string, { ownerKey: string; nodeKey: string; pods: P[] }>();
  for (const pod of pods) {
    const key = groupKeyOf(pod.ownerKey, pod.nodeKey);
    const b = buckets.get(key);
    if (b) b.pods.push(pod);
    else buckets.set(key, { ownerKey: pod.ownerKey, nodeKey: pod.nodeKey, pods: [pod] });
  }
  const collapsed = new Set<string>();
  const tooLarge = new Set<string>();
  let drawn = pods.length;
  for (const [key, b] of buckets) {
    if (b.ownerKey && b.pods.length > threshold && !expanded.has(key)) {
      collapsed.add(key);
      drawn -= b.pods.length;
    }
  }
  if (drawn > maxDrawn) {
    // Collapse the largest remaining buckets (those nobody expanded first) until few enough remain.
    const rest = [...buckets.entries()]
      .filter(([key]) => !collapsed.has(key))
      .sort(([ka, a], [kb, b]) => Number(expanded.has(ka)) - Number(expanded.has(kb)) || b.pods.length - a.pods.length || ka.localeCompare(kb));
    for (const [key, b] of rest) {
      if (drawn <= maxDrawn) break;
      if (b.pods.length < 2) continue;
      collapsed.add(key);
      if (expanded.has(key)) tooLarge.add(key);
      drawn -= b.pods.length;
    }
  }
  const singles: P[] = [];
  const groups: PodGroup<P>[] = [];
  for (const [key, b] of buckets) {
    if (!collapsed.has(key)) {
      singles.push(...b.pods);
      continue;
    }
    const counts = emptyCounts();
    for (const p of b.pods) counts[p.state]++;
    groups.push({ key, ownerKey: b.ownerKey, nodeKey: b.nodeKey, pods: b.pods, counts, tooLarge: tooLarge.has(key) });
  }
  return { singles, groups };
}
