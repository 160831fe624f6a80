// The EndpointSlice controller (pkg/controller/endpointslice/endpointslice_controller.go):
// Service, Pod, Node and EndpointSlice events become Service keys; a sync feeds
// reconcileEndpointSlices and applies its changes. Slices of a deleted Service
// are left to the garbage collector (they carry the Service's ownerReference).

import type { EngineContext } from '../../context';
import { KeyQueue } from '../../core/queue';
import type { WatchEvent } from '../../core/store';
import type { Node, Pod, Service } from '../../core/types';
import type { Controller } from '../runtime';
import { reconcileEndpointSlices } from './endpointSliceReconciler';
import { isManagedService } from './endpointsReconciler';
import { ManagedSliceIndex } from './managedSliceIndex';
import { aggregateErrors, ENDPOINTSLICE_COMPONENT, ENDPOINTSLICE_CONTROLLER } from './podEndpoints';
import { sharedServiceIndex } from './serviceSelectorIndex';
import { applySliceChanges } from './sliceWriter';
import { TriggerTimeTracker } from './triggerTimeTracker';

export function createEndpointSliceController(ctx: EngineContext): Controller {
  const queue = new KeyQueue();
  const services = sharedServiceIndex(ctx.store);
  const slices = new ManagedSliceIndex(ENDPOINTSLICE_CONTROLLER);
  const triggerTimes = new TriggerTimeTracker();
  /** True while this controller writes: its own slice events need no resync (upstream's EndpointSliceTracker). */
  let writing = false;
  const nodeNamed = (name: string) => ctx.store.get<Node>('Node', undefined, name);

  const handle = (e: WatchEvent) => {
    if (services.enqueueServiceKeys(e, queue)) return;
    switch (e.kind) {
      case 'Node': {
        // Pods on a missing Node are left out (§9.1): revisit that Node's pods when it comes or goes. Rare, so a scan is fine.
        if (e.type === 'MODIFIED') return;
        const node = (e.object as Node).metadata.name;
        for (const pod of ctx.store.list<Pod>('Pod')) {
          if (pod.spec.nodeName === node) for (const key of services.servicesForPod(pod)) queue.add(key);
        }
        return;
      }
      case 'EndpointSlice': {
        const before = slices.serviceKeyOf(e.old);
        const after = e.type === 'DELETED' ? undefined : slices.serviceKeyOf(e.object);
        slices.observe(e, before, after);
        // A person edited or deleted one of our slices: put it right.
        if (!writing) {
          if (before) queue.add(before);
          if (after) queue.add(after);
        }
        return;
      }
    }
  };

  const sync = (key: string) => {
    const i = key.indexOf('/');
    const ns = key.slice(0, i);
    const service = ctx.store.get<Service>('Service', ns, key.slice(i + 1));
    if (!service) {
      triggerTimes.deleteService(key);
      return;
    }
    if (!isManagedService(service)) return;

    const pods = services.podsFor(key, service, ctx.store.podIndex);
    const trigger = triggerTimes.compute(key, service, pods);
    const result = reconcileEndpointSlices({
      service,
      pods,
      existingSlices: slices.list(key),
      node: nodeNamed,
      triggerTime: trigger === undefined ? undefined : ctx.clock.timestamp(trigger),
    });
    writing = true;
    let failure: string | undefined;
    try {
      failure = applySliceChanges(ctx, ns, `Service ${key}`, result.changes);
    } finally {
      writing = false;
    }
    const errors = failure ? [...result.errors, failure] : result.errors;
    if (errors.length) {
      ctx.events.record(service, 'Warning', 'FailedToUpdateEndpointSlices', `Error updating Endpoint Slices for Service ${key}: ${aggregateErrors(errors)}`, {
        component: ENDPOINTSLICE_COMPONENT,
      });
    }
  };

  return { name: 'endpointslice', kinds: ['Service', 'Pod', 'Node', 'EndpointSlice'], queue, handle, sync };
}
