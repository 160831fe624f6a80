// Which Services select a pod, found without looking at every Service: each
// selector-bearing Service is filed under one "anchor" pair of its selector
// (its first key=value), so a pod only meets the Services anchored on one of
// its own labels. Upstream lists every Service in the namespace
// (endpointslice/util GetServicesToUpdate); the answer is the same.

import { matchesMap } from '../../core/labels';
import type { KeyQueue } from '../../core/queue';
import type { WatchEvent } from '../../core/store';
import type { Pod, Service } from '../../core/types';
import { podChanged, podLabelsChanged, serviceKey, shouldPodBeInEndpoints } from './podEndpoints';

/** The store's pod index (LabelIndex), as far as the controllers list pods from it. */
interface PodLister {
  matchMap(namespace: string, selector: Record<string, string>): Pod[];
}

/** The answer for pod events that change no Service (most of them): shared, never modified. */
const NO_SERVICES: readonly string[] = Object.freeze([]);

interface Entry {
  /** namespace/name: one string per Service, shared by everything that files it. */
  key: string;
  selector: Record<string, string>;
  namespace: string;
  /** The anchor pair; undefined for an empty selector. */
  anchorKey?: string;
  anchorValue?: string;
}

/**
 * One namespace's Services by anchor: label key -> value -> entries (nested maps: no key
 * strings to build per pod event). Lists rather than sets: most hold one Service, and a
 * Service sits in one list at most, so a list needs far less memory for the same order.
 */
interface NamespaceBuckets {
  /** Services with an empty selector: they select every pod of the namespace. */
  all: Entry[];
  byPair: Map<string, Map<string, Entry[]>>;
}

function remove(list: Entry[], e: Entry): void {
  const i = list.indexOf(e);
  if (i >= 0) list.splice(i, 1);
}

export class ServiceSelectorIndex {
  private namespaces = new Map<string, NamespaceBuckets>();
  private entries = new Map<string, Entry>();

  /** Files (or re-files) a Service; one without a selector selects nothing. Returns its key. */
  set(svc: Service): string {
    const namespace = svc.metadata.namespace ?? '';
    const built = serviceKey(svc);
    const known = this.entries.get(built);
    // The first key string made for this Service stays its key while it lives.
    const key = known ? known.key : built;
    if (known) this.delete(key);
    const selector = svc.spec.selector;
    if (!selector) return key;
    let ns = this.namespaces.get(namespace);
    if (!ns) this.namespaces.set(namespace, (ns = { all: [], byPair: new Map() }));
    // The first key in sorted order, so the anchor does not depend on how the selector was written.
    let first: string | undefined;
    for (const k in selector) if (first === undefined || k < first) first = k;
    if (first === undefined) {
      const entry: Entry = { key, selector, namespace };
      ns.all.push(entry);
      this.entries.set(key, entry);
      return key;
    }
    const anchorValue = selector[first];
    let values = ns.byPair.get(first);
    if (!values) ns.byPair.set(first, (values = new Map()));
    const entry: Entry = { key, selector, namespace, anchorKey: first, anchorValue };
    const list = values.get(anchorValue);
    if (list) list.push(entry);
    else values.set(anchorValue, [entry]);
    this.entries.set(key, entry);
    return key;
  }

  delete(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.entries.delete(key);
    const ns = this.namespaces.get(e.namespace)!;
    if (e.anchorKey === undefined) remove(ns.all, e);
    else {
      const values = ns.byPair.get(e.anchorKey)!;
      const list = values.get(e.anchorValue!)!;
      remove(list, e);
      if (list.length === 0) values.delete(e.anchorValue!);
      if (values.size === 0) ns.byPair.delete(e.anchorKey);
    }
    if (ns.all.length === 0 && ns.byPair.size === 0) this.namespaces.delete(e.namespace);
  }

  /**
   * Keys of the Services in `namespace` whose selector matches `labels`: those with an
   * empty selector first, then by the pod's labels in their order (queue order follows).
   * Each at most once: a Service is filed under one anchor. Do not modify the result.
   */
  servicesFor(namespace: string, labels: Record<string, string> | undefined): readonly string[] {
    const ns = this.namespaces.get(namespace);
    if (!ns) return NO_SERVICES;
    let out: string[] | undefined;
    if (ns.all.length > 0) out = consider(out, ns.all, labels);
    for (const k in labels) {
      const list = ns.byPair.get(k)?.get(labels[k]);
      if (list) out = consider(out, list, labels);
    }
    return out ?? NO_SERVICES;
  }

  /**
   * GetServicesToUpdateOnPodChange (pkg/controller/util/endpoint/controller_utils.go)
   * for a pod event: on add/delete the pod's Services; on update nothing unless
   * something endpoint-relevant changed (podEndpointsChanged), and when only the
   * labels changed, just the Services the pod joined or left.
   */
  servicesForPodEvent(oldPod: Pod | undefined, newPod: Pod | undefined): readonly string[] {
    const pod = (newPod ?? oldPod)!;
    const ns = pod.metadata.namespace ?? 'default';
    // A pod that is in no Service's endpoints before or after (no IP yet, or finished) changes nothing.
    if (!(oldPod && shouldPodBeInEndpoints(oldPod, true)) && !(newPod && shouldPodBeInEndpoints(newPod, true))) return NO_SERVICES;
    if (!oldPod || !newPod) return this.servicesFor(ns, pod.metadata.labels);
    const labelsChanged = podLabelsChanged(oldPod, newPod);
    const changed = podChanged(oldPod, newPod);
    if (!changed && !labelsChanged) return NO_SERVICES;
    const now = this.servicesFor(ns, newPod.metadata.labels);
    if (!labelsChanged) return now;
    const before = this.servicesFor(ns, oldPod.metadata.labels);
    if (changed) {
      // The union: the new Services, then the ones the pod left.
      if (before.length === 0) return now;
      const out = now.slice();
      for (const k of before) if (!now.includes(k)) out.push(k);
      return out;
    }
    // Only labels (or hostname/subdomain) changed: the symmetric difference.
    const out: string[] = [];
    for (const k of now) if (!before.includes(k)) out.push(k);
    for (const k of before) if (!now.includes(k)) out.push(k);
    return out;
  }
}

function consider(out: string[] | undefined, candidates: readonly Entry[], labels: Record<string, string> | undefined): string[] | undefined {
  for (let i = 0; i < candidates.length; i++) {
    if (!matchesMap(labels, candidates[i].selector)) continue;
    // A literal for the first: a list grown from [] by push reserves room for 17.
    if (out) out.push(candidates[i].key);
    else out = [candidates[i].key];
  }
  return out;
}

/**
 * One index shared by the Endpoints and EndpointSlice controllers of a
 * cluster: the store hands every listener the same event object, so the
 * first controller to see an event does the work and the second reuses it.
 */
export class SharedServiceIndex {
  private readonly index = new ServiceSelectorIndex();
  private lastServiceEvent?: WatchEvent;
  private lastServiceKey = '';
  private lastPodEvent?: WatchEvent;
  private lastPodResult: readonly string[] = NO_SERVICES;
  /**
   * Pod lists made by one controller's sync and not yet reused, while no Pod or Service
   * has changed since (cleared on the next such event). The controllers sync a Service
   * one after the other (each drains its queue in turn), so the second takes the list
   * the first made. Upstream each reads its own informer cache; the lists are equal.
   */
  private podLists = new Map<string, readonly Pod[]>();

  /** Files a Service event (idempotent per event); returns the Service's key. */
  observeService(e: WatchEvent): string {
    if (e !== this.lastServiceEvent) {
      this.lastServiceEvent = e;
      if (this.podLists.size > 0) this.podLists.clear();
      if (e.type !== 'DELETED') this.lastServiceKey = this.index.set(e.object as Service);
      else this.index.delete((this.lastServiceKey = serviceKey(e.object)));
    }
    return this.lastServiceKey;
  }

  /** Keys of the Services a Pod event affects (computed once per event; callers must not modify the list). */
  servicesForPodEvent(e: WatchEvent): readonly string[] {
    if (e !== this.lastPodEvent) {
      this.lastPodEvent = e;
      if (this.podLists.size > 0) this.podLists.clear();
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
      queue.add(this.observeService(e));
      return true;
    }
    if (e.kind === 'Pod') {
      const keys = this.servicesForPodEvent(e);
      for (let i = 0; i < keys.length; i++) queue.add(keys[i]);
      return true;
    }
    return false;
  }

  servicesForPod(pod: Pod): readonly string[] {
    return this.index.servicesFor(pod.metadata.namespace ?? 'default', pod.metadata.labels);
  }

  /**
   * The pods `service` (queued as `key`) selects, as `podIndex` lists them. A list is
   * used at most twice: kept when made, taken by the next sync of the same Service if
   * no Pod or Service event came in between. Shared: never modify the result.
   */
  podsFor(key: string, service: Service, podIndex: PodLister): readonly Pod[] {
    const kept = this.podLists.get(key);
    if (kept !== undefined) {
      this.podLists.delete(key);
      return kept;
    }
    const pods = podIndex.matchMap(service.metadata.namespace ?? '', service.spec.selector ?? {});
    this.podLists.set(key, pods);
    return pods;
  }
}

const shared = new WeakMap<object, SharedServiceIndex>();

/** The cluster's shared index, keyed by its object store. */
export function sharedServiceIndex(owner: object): SharedServiceIndex {
  let idx = shared.get(owner);
  if (!idx) shared.set(owner, (idx = new SharedServiceIndex()));
  return idx;
}
