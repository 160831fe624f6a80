// An informer-style cache of the EndpointSlices one controller manages, by
// the Service they are labelled for (kubernetes.io/service-name), so a sync
// lists its slices without scanning every slice in the namespace.

import type { WatchEvent } from '../../core/store';
import type { EndpointSlice, KubeObject } from '../../core/types';
import { LABEL_MANAGED_BY, LABEL_SERVICE_NAME, namespacedKey } from './podEndpoints';

export class ManagedSliceIndex {
  /** A list per Service rather than a map by name: most Services have one slice, a few a handful. */
  private byService = new Map<string, EndpointSlice[]>();

  constructor(private readonly managedBy: string) {}

  /** The last key built, by the labels object and namespace it came from (see serviceKeyOf). */
  private lastLabels?: Record<string, string>;
  private lastNamespace?: string;
  private lastKey = '';

  /** The Service key a slice is filed under, if this controller manages it. */
  serviceKeyOf(slice: KubeObject | undefined): string | undefined {
    const labels = slice?.metadata.labels;
    if (!labels || labels[LABEL_MANAGED_BY] !== this.managedBy || !labels[LABEL_SERVICE_NAME]) return undefined;
    // An update that keeps the labels keeps the (frozen) labels object: the key of the old
    // version, just built, is the key of the new one.
    const namespace = slice!.metadata.namespace;
    if (labels !== this.lastLabels || namespace !== this.lastNamespace || !Object.isFrozen(labels)) {
      this.lastLabels = labels;
      this.lastNamespace = namespace;
      this.lastKey = namespacedKey(namespace, labels[LABEL_SERVICE_NAME]);
    }
    return this.lastKey;
  }

  /** Updates the cache from a watch event on an EndpointSlice; `before`/`after` are its Service keys (serviceKeyOf the old and new versions). */
  observe(e: WatchEvent, before: string | undefined, after: string | undefined): void {
    const name = e.object.metadata.name!;
    // Stay in place when only the content changed, so slice order is stable.
    if (before && before !== after) {
      const list = this.byService.get(before);
      const i = list ? indexOfName(list, name) : -1;
      if (i >= 0) list!.splice(i, 1);
      if (list && list.length === 0) this.byService.delete(before);
    }
    if (after) {
      const list = this.byService.get(after);
      if (!list) this.byService.set(after, [e.object as EndpointSlice]);
      else {
        const i = indexOfName(list, name);
        if (i >= 0) list[i] = e.object as EndpointSlice;
        else list.push(e.object as EndpointSlice);
      }
    }
  }

  /** The Service's slices, in the order they were first seen (a new list the caller owns). */
  list(serviceKey: string): EndpointSlice[] {
    const list = this.byService.get(serviceKey);
    return list ? list.slice() : [];
  }
}

function indexOfName(list: readonly EndpointSlice[], name: string): number {
  for (let i = 0; i < list.length; i++) if (list[i].metadata.name === name) return i;
  return -1;
}
