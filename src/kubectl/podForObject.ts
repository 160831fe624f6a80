// The pod behind a TYPE/NAME argument (`kubectl logs deploy/web`, `kubectl exec svc/web -- …`).
// Sources: staging/src/k8s.io/kubectl/pkg/polymorphichelpers: helpers.go (SelectorsForObject,
// GetFirstPod), logsforobject.go (podutils.ByLogging, "cannot get the logs from %T: %v"),
// attachablepodforobject.go (sort.Reverse(podutils.ActivePods), "cannot attach to %T: %v");
// pkg/util/podutils/podutils.go (ActivePods.Less, ByLogging.Less).

import { apiErrors } from '../engine/core/errors';
import { qualifiedResource } from '../engine/api/registry';
import { parseTimestamp } from '../engine/core/clock';
import type { KubeObject, LabelSelector, Pod } from '../engine/core/types';
import type { Invocation } from './command';
import { KubectlError } from './errors';
import { labelSelectorString } from './printers/format';
import { listSelected, listSelectors, resolveKind } from './resources';

/** The kinds SelectorsForObject knows, among those the playground stores. */
const WITH_POD_SELECTOR = new Set(['ReplicaSet', 'Deployment', 'StatefulSet']);

/** SelectorsForObject: the pods' label selector, or its error text (which the caller wraps). */
function selectorFor(obj: KubeObject): string {
  const kind = obj.kind;
  if (kind === 'Service') {
    const sel = (obj.spec as { selector?: Record<string, string> } | undefined)?.selector;
    if (!sel || Object.keys(sel).length === 0) throw new Error(`invalid service '${obj.metadata.name}': Service is defined without a selector`);
    return labelSelectorString({ matchLabels: sel });
  }
  if (WITH_POD_SELECTOR.has(kind)) {
    return labelSelectorString((obj.spec as { selector?: LabelSelector } | undefined)?.selector ?? {});
  }
  throw new Error(`selector for *v1.${kind} not implemented`);
}

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

function readySince(pod: Pod): number | undefined {
  const c = pod.status?.conditions?.find((x) => x.type === 'Ready');
  return c?.status === 'True' ? parseTimestamp(c.lastTransitionTime) ?? 0 : undefined;
}

function maxRestarts(pod: Pod): number {
  let n = 0;
  for (const s of pod.status?.containerStatuses ?? []) n = Math.max(n, s.restartCount);
  return n;
}

/** afterOrZero: a zero (missing) time counts as after any other. */
function afterOrZero(t1: number, t2: number): boolean {
  if (!t1 || !t2) return !t1;
  return t1 > t2;
}

/** podutils.ActivePods.Less: the less active of two pods (the one a controller would delete first). */
export function lessActive(a: Pod, b: Pod): boolean {
  const na = a.spec.nodeName ?? '';
  const nb = b.spec.nodeName ?? '';
  if (na !== nb && (!na || !nb)) return !na;
  const pa = PHASE_ORDINAL[a.status?.phase ?? ''] ?? 0;
  const pb = PHASE_ORDINAL[b.status?.phase ?? ''] ?? 0;
  if (pa !== pb) return pa < pb;
  const ra = readySince(a);
  const rb = readySince(b);
  if ((ra === undefined) !== (rb === undefined)) return ra === undefined;
  if (ra !== undefined && rb !== undefined && ra !== rb) return afterOrZero(ra, rb);
  const ca = maxRestarts(a);
  const cb = maxRestarts(b);
  if (ca !== cb) return ca > cb;
  const ta = parseTimestamp(a.metadata.creationTimestamp) ?? 0;
  const tb = parseTimestamp(b.metadata.creationTimestamp) ?? 0;
  if (ta !== tb) return afterOrZero(ta, tb);
  return false;
}

/** GetFirstPod: sort.Sort(sortBy(pods)), then pods[0] — the first pod no other comes before. */
function firstPod(pods: readonly Pod[], before: (a: Pod, b: Pod) => boolean): Pod {
  // Go's sort.Sort is not stable; a list's order (by name) breaks ties here.
  return pods.reduce((first, p) => (before(p, first) ? p : first));
}

/** `kubectl exec`'s choice: sort.Reverse(ActivePods), first: the most active pod. */
export function mostActivePod(pods: readonly Pod[]): Pod {
  return firstPod(pods, (a, b) => lessActive(b, a));
}

/** ByLogging's phase order; a phase the map lacks (Succeeded, Failed) gets Go's zero value, as Running does. */
const LOGGING_PHASE_ORDINAL: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 };

/**
 * podutils.ByLogging.Less: whether `a` is the better pod to read logs from. Not ActivePods
 * reversed: its phase map differs for phases neither lists, and more restarts still come first.
 */
function betterForLogs(a: Pod, b: Pod): boolean {
  const na = a.spec.nodeName ?? '';
  const nb = b.spec.nodeName ?? '';
  if (na !== nb && (!na || !nb)) return !!na;
  const pa = LOGGING_PHASE_ORDINAL[a.status?.phase ?? ''] ?? 0;
  const pb = LOGGING_PHASE_ORDINAL[b.status?.phase ?? ''] ?? 0;
  if (pa !== pb) return pa < pb;
  const ra = readySince(a);
  const rb = readySince(b);
  if ((ra === undefined) !== (rb === undefined)) return ra !== undefined;
  if (ra !== undefined && rb !== undefined && ra !== rb) return afterOrZero(rb, ra);
  const ca = maxRestarts(a);
  const cb = maxRestarts(b);
  if (ca !== cb) return ca > cb;
  const ta = parseTimestamp(a.metadata.creationTimestamp) ?? 0;
  const tb = parseTimestamp(b.metadata.creationTimestamp) ?? 0;
  if (ta !== tb) return afterOrZero(tb, ta);
  return false;
}

/** `kubectl logs`' choice: sort.Sort(ByLogging), first. */
export function podForLogs(pods: readonly Pod[]): Pod {
  return firstPod(pods, betterForLogs);
}

/**
 * The pods a POD or TYPE/NAME argument stands for: the pod itself, or the pods its object
 * selects. `failure` words a selector error as the command does ("cannot attach to", "cannot
 * get the logs from"). No pods: GetFirstPod watches until its timeout, and nothing here
 * will create one meanwhile.
 */
export function podsForArgument(inv: Invocation, arg: string, failure: string): Pod[] {
  const ns = inv.namespace;
  const slash = arg.indexOf('/');
  const info = resolveKind(inv.ctx, slash >= 0 ? arg.slice(0, slash) : 'pods');
  const name = slash >= 0 ? arg.slice(slash + 1) : arg;
  const obj = inv.ctx.api.tryGet(info.kind, info.namespaced ? ns : undefined, name);
  if (!obj) throw apiErrors.notFound(qualifiedResource(info), name);
  if (info.kind === 'Pod') return [obj as Pod];
  let selector: string;
  try {
    selector = selectorFor(obj);
  } catch (e) {
    throw new KubectlError(`${failure} *v1.${info.kind}: ${(e as Error).message}`);
  }
  const pods = listSelected(inv.ctx, resolveKind(inv.ctx, 'pods'), ns, listSelectors(selector)) as Pod[];
  if (pods.length === 0) throw new KubectlError('timed out waiting for the condition');
  return pods;
}
