// The EndpointSlice mirroring controller
// (pkg/controller/endpointslicemirroring/endpointslicemirroring_controller.go):
// user-managed Endpoints of a Service without a selector are mirrored into
// EndpointSlices managed by endpointslicemirroring-controller.k8s.io. Endpoints
// labelled endpointslice.kubernetes.io/skip-mirror=true, leader-election
// records, and Endpoints whose Service is missing or has a selector are not.

import type { EngineContext } from '../../context';
import { KeyQueue } from '../../core/queue';
import type { WatchEvent } from '../../core/store';
import type { Endpoints, KubeObject, Service } from '../../core/types';
import type { Controller } from '../runtime';
import { ManagedSliceIndex } from './managedSliceIndex';
import { reconcileMirroredSlices } from './mirroringReconciler';
import { ANNOTATION_LEADER, LABEL_SKIP_MIRROR, MIRRORING_COMPONENT, MIRRORING_CONTROLLER } from './podEndpoints';
import { applySliceChanges } from './sliceWriter';

export function shouldMirror(ep: KubeObject | undefined): boolean {
  if (!ep) return false;
  if (ep.metadata.labels?.[LABEL_SKIP_MIRROR] === 'true') return false;
  return !(ep.metadata.annotations && ANNOTATION_LEADER in ep.metadata.annotations);
}

export function createEndpointSliceMirroringController(ctx: EngineContext): Controller {
  const queue = new KeyQueue();
  const slices = new ManagedSliceIndex(MIRRORING_CONTROLLER);
  let writing = false;
  const keyOf = (o: KubeObject) => `${o.metadata.namespace}/${o.metadata.name}`;
  const selectorless = (o: KubeObject | undefined) => !!o && (o as Service).spec.selector == null;

  const handle = (e: WatchEvent) => {
    switch (e.kind) {
      case 'Service':
        // Only a Service without a selector, or one gaining or losing its selector, matters here.
        if (e.type === 'MODIFIED' ? selectorless(e.old) !== selectorless(e.object) : selectorless(e.object)) queue.add(keyOf(e.object));
        return;
      case 'Endpoints':
        if (shouldMirror(e.object) || (e.type === 'MODIFIED' && shouldMirror(e.old))) queue.add(keyOf(e.object));
        return;
      case 'EndpointSlice': {
        const before = slices.serviceKeyOf(e.old);
        const after = e.type === 'DELETED' ? undefined : slices.serviceKeyOf(e.object);
        slices.observe(e, before, after);
        if (!writing) {
          if (before) queue.add(before);
          if (after) queue.add(after);
        }
        return;
      }
    }
  };

  const write = (run: () => string | undefined) => {
    writing = true;
    try {
      return run();
    } finally {
      writing = false;
    }
  };

  const deleteMirrored = (key: string, ns: string) => {
    const mine = slices.list(key);
    if (mine.length === 0) return;
    write(() => applySliceChanges(ctx, ns, `Endpoints ${key}`, mine.map((s) => ({ op: 'delete', name: s.metadata.name! }))));
  };

  const sync = (key: string) => {
    const i = key.indexOf('/');
    const ns = key.slice(0, i);
    const name = key.slice(i + 1);
    // Every way out but one deletes what was mirrored (upstream syncEndpoints). The Service
    // is looked at first: the Endpoints the Endpoints controller writes for every Service
    // with a selector come here, and those need no second look-up.
    const service = ctx.store.get<Service>('Service', ns, name);
    const endpoints = service && service.spec.selector == null ? ctx.store.get<Endpoints>('Endpoints', ns, name) : undefined;
    if (!endpoints || !shouldMirror(endpoints)) {
      deleteMirrored(key, ns);
      return;
    }
    const result = reconcileMirroredSlices(endpoints, slices.list(key));
    for (const ev of result.events) ctx.events.record(endpoints, 'Warning', ev.reason, ev.message, { component: MIRRORING_COMPONENT });
    // Upstream retries a failed write with backoff; the next change to these objects retries here.
    write(() => applySliceChanges(ctx, ns, `Endpoints ${key}`, result.changes));
  };

  return { name: 'endpointslice-mirroring', kinds: ['Service', 'Endpoints', 'EndpointSlice'], queue, handle, sync };
}
