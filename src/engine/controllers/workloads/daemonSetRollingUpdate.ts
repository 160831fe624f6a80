// What only a DaemonSet whose template changed needs (pkg/controller/daemon/update.go): the
// rolling update (which old pods to delete and which nodes get a new pod, by maxUnavailable
// or maxSurge) and the cleanup of old revisions. Part of the engine's extension
// (extensionRegistry.ts): the browser's first picture has no changed template.

import type { DaemonSet, Pod } from '../../core/types';
import type { ControllerRevision } from './controllerRevision';
import { DAEMONSET_HASH_LABEL } from './daemonSetHistory';
import { type DaemonSetAction, type DaemonSetSyncInput, isPodUpdated, newDaemonPod, nodeShouldRunDaemonPod, surgeCount, unavailableCount } from './daemonSetReconciler';
import { isPodAvailable } from './pods';

/** findUpdatedPodsOnNode: [new, old], or undefined when a node has two of either. */
function updatedPodsOnNode(pods: readonly Pod[], hash: string, generation: string | undefined): [Pod | undefined, Pod | undefined] | undefined {
  let newPod: Pod | undefined, oldPod: Pod | undefined;
  for (const p of pods) {
    if (p.metadata.deletionTimestamp) continue;
    if (isPodUpdated(p, hash, generation)) {
      if (newPod) return undefined;
      newPod = p;
    } else {
      if (oldPod) return undefined;
      oldPod = p;
    }
  }
  return [newPod, oldPod];
}

/** rollingUpdate (update.go), iterating nodes in list order where upstream walks a map. */
export function planDaemonSetRollingUpdate(input: DaemonSetSyncInput, byNode: Map<string, Pod[]>, generation: string | undefined): DaemonSetAction[] {
  const { ds, nodes, hash, nowMs } = input;
  const available = (p: Pod) => isPodAvailable(p, ds.spec.minReadySeconds ?? 0, nowMs);
  // updatedDesiredNodeCounts: nodes that should run the pod count even without one.
  const wanted = new Set<string>();
  for (const node of nodes) if (nodeShouldRunDaemonPod(node, ds)[0]) wanted.add(node.metadata.name!);
  const entries = new Map<string, readonly Pod[]>();
  for (const node of nodes) {
    const n = node.metadata.name!;
    if (byNode.has(n) || wanted.has(n)) entries.set(n, byNode.get(n) ?? []);
  }
  for (const [n, list] of [...byNode].sort(([a], [b]) => (a < b ? -1 : 1))) if (!entries.has(n)) entries.set(n, list);
  const maxSurge = surgeCount(ds, wanted.size);
  let maxUnavailable = unavailableCount(ds, wanted.size);
  if (wanted.size > 0 && maxUnavailable === 0 && maxSurge === 0) maxUnavailable = 1;
  const deletePods = (names: string[]): DaemonSetAction[] => names.map((name) => ({ type: 'deletePod', name }));

  if (maxSurge === 0) {
    let numUnavailable = 0;
    const allowed: string[] = [];
    const candidates: string[] = [];
    for (const pods of entries.values()) {
      const found = updatedPodsOnNode(pods, hash, generation);
      if (!found) {
        numUnavailable++;
        continue;
      }
      const [newPod, oldPod] = found;
      if ((!oldPod && !newPod) || (oldPod && newPod)) numUnavailable++;
      else if (newPod) {
        if (!available(newPod)) numUnavailable++;
      } else if (!available(oldPod!)) allowed.push(oldPod!.metadata.name!);
      else if (numUnavailable < maxUnavailable) candidates.push(oldPod!.metadata.name!);
    }
    const remaining = Math.min(Math.max(maxUnavailable - numUnavailable, 0), candidates.length);
    return deletePods([...allowed, ...candidates.slice(0, remaining)]);
  }

  // Surge: a new pod beside each old one, up to maxSurge at once; the old one goes once the new one is available.
  const oldToDelete: string[] = [];
  const notWanted: string[] = [];
  const allowedNodes: string[] = [];
  const candidateNodes: string[] = [];
  let numSurge = 0;
  for (const [n, pods] of entries) {
    const found = updatedPodsOnNode(pods, hash, generation);
    if (!found) {
      numSurge++;
      continue;
    }
    const [newPod, oldPod] = found;
    if (!wanted.has(n)) {
      if (oldPod) notWanted.push(oldPod.metadata.name!);
      continue;
    }
    if (!oldPod) continue;
    if (!newPod) {
      if (!available(oldPod)) allowedNodes.push(n);
      else if (numSurge < maxSurge) candidateNodes.push(n);
    } else if (!available(newPod)) numSurge++;
    else oldToDelete.push(oldPod.metadata.name!);
  }
  const remaining = Math.min(Math.max(maxSurge - numSurge, 0), candidateNodes.length);
  const creates: DaemonSetAction[] = [...allowedNodes, ...candidateNodes.slice(0, remaining)].map((n) => ({ type: 'createPod', node: n, pod: newDaemonPod(ds, n, hash) }));
  return [...creates, ...deletePods([...oldToDelete, ...notWanted])];
}

/** cleanupHistory: the oldest revisions beyond revisionHistoryLimit that no pod was made from. */
export function historyToClean(ds: DaemonSet, old: readonly ControllerRevision[], pods: readonly Pod[]): ControllerRevision[] {
  let toKill = old.length - (ds.spec.revisionHistoryLimit ?? 10);
  if (toKill <= 0) return [];
  const live = new Set<string>();
  for (const p of pods) {
    const h = p.metadata.labels?.[DAEMONSET_HASH_LABEL];
    if (h) live.add(h);
  }
  const out: ControllerRevision[] = [];
  for (const h of old) {
    if (toKill <= 0) break;
    if (live.has(h.metadata.labels?.[DAEMONSET_HASH_LABEL] ?? '')) continue;
    out.push(h);
    toKill--;
  }
  return out;
}
