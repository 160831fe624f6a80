// Which Services select a pod, found without looking at every Service: each
// selector-bearing Service is filed under one "anchor" pair of its selector
// (its first key=value), so a pod only meets the Services anchored on one of
// its own labels. Upstream lists every Service in the namespace
// (endpointslice/util GetServicesToUpdate); the answer is the same.

import { matchesMap } from '../../core/labels';
import type { KeyQueue } from '../../core/queue';
import type { WatchEvent } from '../../core/store';
import type { Pod, Service } from '../../core/types';
import { podEndpointsChanged, shouldPodBeInEndpoints } from './podEndpoints';

/** The answer for pod events that change no Service (most of them): shared, never modified. */
const NO_SERVICES: ReadonlySet<string> = new Set<string>();

interface Entry {
  selector: Record<string, string>;
  namespace: string;
  /** The anchor pair; undefined for an empty selector. */
  anchorKey?: string;
  anchorValue?: string;
}

/** One namespace's Services by anchor: label key -> value -> service keys (nested maps: no key strings to build per pod event). */
interface NamespaceBuckets {
  /** Services with an empty selector: they select every pod of the namespace. */
  all: Set<string>;
  byPair: Map<string, Map<string, Set<string>>>;
}

export class ServiceSelectorIndex {
  private namespaces = new Map<string, NamespaceBuckets>();
  private entries = new Map<string, Entry>();

  /** Files (or re-files) a Service; one without a selector selects nothing. */
  set(svc: Service): void {
    const key = `${svc.metadata.namespace}/${svc.metadata.name}`;
    const namespace = svc.metadata.namespace ?? '';
    this.delete(key);
    const selector = svc.spec.selector;
    if (!selector) return;
    let ns = this.namespaces.get(namespace);
    if (!ns) this.namespaces.set(namespace, (ns = { all: new Set(), byPair: new Map() }));
    // The first key in sorted order, so the anchor does not depend on how the selector was written.
    let first: string | undefined;
    for (const k in selector) if (first === undefined || k < first) first = k;
    if (first === undefined) {
      ns.all.add(key);
      this.entries.set(key, { selector, namespace });
      return;
    }
    const anchorValue = selector[first];
    let values = ns.byPair.get(first);
    if (!values) ns.byPair.set(first, (values = new Map()));
    let set = values.get(anchorValue);
    if (!set) values.set(anchorValue, (set = new Set()));
    set.add(key);
    this.entries.set(key, { selector, namespace, anchorKey: first, anchorValue });
  }

  delete(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.entries.delete(key);
    const ns = this.namespaces.get(e.namespace)!;
    if (e.anchorKey === undefined) ns.all.delete(key);
    else {
      const values = ns.byPair.get(e.anchorKey)!;
      const set = values.get(e.anchorValue!)!;
      set.delete(key);
      if (set.size === 0) values.delete(e.anchorValue!);
      if (values.size === 0) ns.byPair.delete(e.anchorKey);
    }
    if (ns.all.size === 0 && ns.byPair.size === 0) this.namespaces.delete(e.namespace);
  }

  /**
   * Keys of the Services in `namespace` whose selector matches `labels`: those with an
   * empty selector first, then by the pod's labels in their order (queue order follows).
   * NO_SERVICES when there are none; otherwise a new set the caller owns.
   */
  servicesFor(namespace: string, labels: Record<string, string> | undefined): ReadonlySet<string> {
    const ns = this.namespaces.get(namespace);
    if (!ns) return NO_SERVICES;
    let out: Set<string> | undefined;
    if (ns.all.size > 0) out = this.consider(out, ns.all, labels);
    for (const k in labels) {
      const set = ns.byPair.get(k)?.get(labels[k]);
      if (set) out = this.consider(out, set, labels);
    }
    return out ?? NO_SERVICES;
  }

  private consider(out: Set<string> | undefined, candidates: Set<string>, labels: Record<string, string> | undefined): Set<string> | undefined {
    for (const key of candidates) {
      if (matchesMap(labels, this.entries.get(key)!.selector)) (out ??= new Set()).add(key);
    }
    return out;
  }

  /**
   * GetServicesToUpdateOnPodChange (pkg/controller/util/endpoint/controller_utils.go)
   * for a pod event: on add/delete the pod's Services; on update nothing unless
   * something endpoint-relevant changed (podEndpointsChanged), and when only the
   * labels changed, just the Services the pod joined or left.
   */
  servicesForPodEvent(oldPod: Pod | undefined, newPod: Pod | undefined): ReadonlySet<string> {
    const pod = (newPod ?? oldPod)!;
    const ns = pod.metadata.namespace ?? 'default';
    // A pod that is in no Service's endpoints before or after (no IP yet, or finished) changes nothing.
    if (!(oldPod && shouldPodBeInEndpoints(oldPod, true)) && !(newPod && shouldPodBeInEndpoints(newPod, true))) return NO_SERVICES;
    if (!oldPod || !newPod) return this.servicesFor(ns, pod.metadata.labels);
    const [podChanged, labelsChanged] = podEndpointsChanged(oldPod, newPod);
    if (!podChanged && !labelsChanged) return NO_SERVICES;
    const now = this.servicesFor(ns, newPod.metadata.labels);
    if (!labelsChanged) return now;
    const before = this.servicesFor(ns, oldPod.metadata.labels);
    if (podChanged) {
      if (before.size === 0) return now;
      const out = new Set(now);
      for (const k of before) out.add(k);
      return out;
    }
    // Only labels (or hostname/subdomain) changed: the symmetric difference.
    const out = new Set<string>();
    for (const k of now) if (!before.has(k)) out.add(k);
    for (const k of before) if (!now.has(k)) out.add(k);
    return out;
  }
}

/**
 * One index shared by the Endpoints and EndpointSlice controllers of a
 * cluster: the store hands every listener the same event object, so the
 * first controller to see an event does the work and the second reuses it.
 */
export class SharedServiceIndex {
  private readonly index = new ServiceSelectorIndex();
  private lastServiceEvent?: WatchEvent;
  private lastPodEvent?: WatchEvent;
  private lastPodResult: ReadonlySet<string> = NO_SERVICES;

  /** Files a Service event (idempotent per event). */
  observeService(e: WatchEvent): void {
    if (e === this.lastServiceEvent) return;
    this.lastServiceEvent = e;
    if (e.type === 'DELETED') this.index.delete(`${e.object.metadata.namespace}/${e.object.metadata.name}`);
    else this.index.set(e.object as Service);
  }

  /** Keys of the Services a Pod event affects (computed once per event; callers must not modify the set). */
  servicesForPodEvent(e: WatchEvent): ReadonlySet<string> {
    if (e !== this.lastPodEvent) {
      this.lastPodEvent = e;
      const oldPod = e.type === 'ADDED' ? undefined : ((e.old ?? e.object) as Pod);
      const newPod = e.type === 'DELETED' ? undefined : (e.object as Pod);
      this.lastPodResult = this.index.servicesForPodEvent(oldPod, newPod);
    }
    return this.lastPodResult;
  }

  /**
   * The informer part both endpoint controllers share: a Service event queues that
   * Service's key, a Pod event the keys of the Services it affects. False for other kinds.
   */
  enqueueServiceKeys(e: WatchEvent, queue: KeyQueue): boolean {
    if (e.kind === 'Service') {
      this.observeService(e);
      queue.add(`${e.object.metadata.namespace}/${e.object.metadata.name}`);
      return true;
    }
    if (e.kind === 'Pod') {
      for (const key of this.servicesForPodEvent(e)) queue.add(key);
      return true;
    }
    return false;
  }

  servicesForPod(pod: Pod): ReadonlySet<string> {
    return this.index.servicesFor(pod.metadata.namespace ?? 'default', pod.metadata.labels);
  }
}

const shared = new WeakMap<object, SharedServiceIndex>();

/** The cluster's shared index, keyed by its object store. */
export function sharedServiceIndex(owner: object): SharedServiceIndex {
  let idx = shared.get(owner);
  if (!idx) shared.set(owner, (idx = new SharedServiceIndex()));
  return idx;
}
