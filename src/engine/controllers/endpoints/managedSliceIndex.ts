// An informer-style cache of the EndpointSlices one controller manages, by
// the Service they are labelled for (kubernetes.io/service-name), so a sync
// lists its slices without scanning every slice in the namespace.

import type { WatchEvent } from '../../core/store';
import type { EndpointSlice, KubeObject } from '../../core/types';
import { LABEL_MANAGED_BY, LABEL_SERVICE_NAME } from './podEndpoints';

export class ManagedSliceIndex {
  private byService = new Map<string, Map<string, EndpointSlice>>();

  constructor(private readonly managedBy: string) {}

  /** The Service key a slice is filed under, if this controller manages it. */
  serviceKeyOf(slice: KubeObject | undefined): string | undefined {
    const labels = slice?.metadata.labels;
    if (!labels || labels[LABEL_MANAGED_BY] !== this.managedBy || !labels[LABEL_SERVICE_NAME]) return undefined;
    return `${slice!.metadata.namespace}/${labels[LABEL_SERVICE_NAME]}`;
  }

  /** Updates the cache from a watch event on an EndpointSlice (`before`/`after`: its Service keys, if the caller has them). */
  observe(e: WatchEvent, before = this.serviceKeyOf(e.old), after = e.type === 'DELETED' ? undefined : this.serviceKeyOf(e.object)): void {
    const name = e.object.metadata.name!;
    // Stay in place when only the content changed, so slice order is stable.
    if (before && before !== after) {
      const m = this.byService.get(before);
      m?.delete(name);
      if (m && m.size === 0) this.byService.delete(before);
    }
    if (after) {
      let m = this.byService.get(after);
      if (!m) this.byService.set(after, (m = new Map()));
      m.set(name, e.object as EndpointSlice);
    }
  }

  list(serviceKey: string): EndpointSlice[] {
    const m = this.byService.get(serviceKey);
    return m ? [...m.values()] : [];
  }
}
