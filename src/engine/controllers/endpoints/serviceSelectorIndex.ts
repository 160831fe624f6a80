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
  bucket: string;
}

export class ServiceSelectorIndex {
  /** `${ns}\0${k}=${v}` (or `${ns}\0` for an empty selector) -> service keys */
  private buckets = new Map<string, Set<string>>();
  private entries = new Map<string, Entry>();

  /** Files (or re-files) a Service; one without a selector selects nothing. */
  set(svc: Service): void {
    const key = `${svc.metadata.namespace}/${svc.metadata.name}`;
    this.delete(key);
    const selector = svc.spec.selector;
    if (!selector) return;
    const first = Object.keys(selector).sort()[0];
    const bucket = first === undefined ? `${svc.metadata.namespace}\u0000` : `${svc.metadata.namespace}\u0000${first}=${selector[first]}`;
    let set = this.buckets.get(bucket);
    if (!set) this.buckets.set(bucket, (set = new Set()));
    set.add(key);
    this.entries.set(key, { selector, bucket });
  }

  delete(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    const set = this.buckets.get(e.bucket)!;
    set.delete(key);
    if (set.size === 0) this.buckets.delete(e.bucket);
    this.entries.delete(key);
  }

  /** Keys of the Services in `namespace` whose selector matches `labels`. */
  servicesFor(namespace: string, labels: Record<string, string> | undefined): Set<string> {
    const out = new Set<string>();
    this.consider(out, `${namespace}\u0000`, labels);
    for (const k in labels) this.consider(out, `${namespace}\u0000${k}=${labels[k]}`, labels);
    return out;
  }

  private consider(out: Set<string>, bucket: string, labels: Record<string, string> | undefined): void {
    const set = this.buckets.get(bucket);
    if (!set) return;
    for (const key of set) if (matchesMap(labels, this.entries.get(key)!.selector)) out.add(key);
  }

  /**
   * GetServicesToUpdate for a pod event: on add/delete the pod's Services; on
   * update nothing unless something endpoint-relevant changed, and when only
   * the labels changed, just the Services the pod joined or left.
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
      for (const k of before) now.add(k);
      return now;
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

  servicesForPod(pod: Pod): Set<string> {
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
