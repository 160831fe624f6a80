// The Endpoints controller (pkg/controller/endpoint/endpoints_controller.go):
// thin wiring that turns Service, Pod and Endpoints events into Service keys,
// and a sync that feeds reconcileEndpoints and writes its one change.

import type { EngineContext } from '../../context';
import { KeyQueue } from '../../core/queue';
import type { WatchEvent } from '../../core/store';
import type { Endpoints, Service } from '../../core/types';
import type { Controller } from '../runtime';
import { isManagedService, reconcileEndpoints } from './endpointsReconciler';
import { ENDPOINTS_COMPONENT } from './podEndpoints';
import { sharedServiceIndex } from './serviceSelectorIndex';
import { TriggerTimeTracker } from './triggerTimeTracker';

function splitKey(key: string): [string, string] {
  const i = key.indexOf('/');
  return [key.slice(0, i), key.slice(i + 1)];
}

export function createEndpointsController(ctx: EngineContext): Controller {
  const queue = new KeyQueue();
  const services = sharedServiceIndex(ctx.store);
  const triggerTimes = new TriggerTimeTracker();

  const handle = (e: WatchEvent) => {
    if (services.enqueueServiceKeys(e, queue)) return;
    switch (e.kind) {
      case 'Endpoints':
        // Someone deleted Endpoints: put them back if the Service still wants them.
        if (e.type === 'DELETED') queue.add(`${e.object.metadata.namespace}/${e.object.metadata.name}`);
        return;
    }
  };

  const sync = (key: string) => {
    const [ns, name] = splitKey(key);
    const service = ctx.store.get<Service>('Service', ns, name);
    if (!service) {
      // The Service is gone: delete its Endpoints (upstream does, whoever created them).
      triggerTimes.deleteService(key);
      if (ctx.store.get('Endpoints', ns, name)) ctx.api.delete('Endpoints', ns, name);
      return;
    }
    // ExternalName Services and Services without a selector get nothing from this controller.
    if (!isManagedService(service)) return;

    const pods = services.podsFor(key, service, ctx.store.podIndex);
    const trigger = triggerTimes.compute(key, service, pods);
    const change = reconcileEndpoints({
      service,
      pods,
      existing: ctx.store.get<Endpoints>('Endpoints', ns, name),
      triggerTime: trigger === undefined ? undefined : ctx.clock.timestamp(trigger),
    });
    if (!change) return;
    try {
      // reconcileEndpoints builds the object for this write alone: handed over, not copied.
      if (change.op === 'create') ctx.api.create(change.object, { handOver: true });
      else ctx.api.update(change.object, { handOver: true });
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      if (change.op === 'create' && msg.includes('because it is being terminated')) return;
      const [reason, text] = change.op === 'create'
        ? ['FailedToCreateEndpoint', `Failed to create endpoint for service ${ns}/${name}: ${msg}`]
        : ['FailedToUpdateEndpoint', `Failed to update endpoint ${ns}/${name}: ${msg}`];
      ctx.events.record(change.object, 'Warning', reason, text, { component: ENDPOINTS_COMPONENT });
    }
  };

  return { name: 'endpoints', kinds: ['Service', 'Pod', 'Endpoints'], queue, handle, sync };
}
