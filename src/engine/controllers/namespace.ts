// The namespace controller (pkg/controller/namespace/deletion/
// namespaced_resources_deleter.go): a namespace with a deletionTimestamp has
// every namespaced object in it deleted; pods terminate gracefully, so the
// namespace stays Terminating, with the deleter's status conditions, until the
// last object is gone, then the `kubernetes` finalizer is dropped and it is removed.

import type { EngineContext } from '../context';
import { KeyQueue } from '../core/queue';
import type { WatchEvent } from '../core/store';
import type { KubeObject, Namespace } from '../core/types';
import type { Controller } from './runtime';

export interface NamespaceCondition {
  type: string;
  status: 'True' | 'False';
  reason: string;
  message?: string;
  lastTransitionTime: string;
}

/** The deleter's conditions while content remains (`remaining`: resource → count). */
export function deletionConditions(remaining: ReadonlyMap<string, number>, now: string): NamespaceCondition[] {
  const conds: NamespaceCondition[] = [
    { type: 'NamespaceDeletionDiscoveryFailure', status: 'False', reason: 'ResourcesDiscovered', message: 'All resources successfully discovered', lastTransitionTime: now },
    { type: 'NamespaceDeletionGroupVersionParsingFailure', status: 'False', reason: 'ParsedGroupVersions', message: 'All legacy kube types successfully parsed', lastTransitionTime: now },
    { type: 'NamespaceDeletionContentFailure', status: 'False', reason: 'ContentDeleted', message: 'All content successfully deleted, may be waiting on finalization', lastTransitionTime: now },
  ];
  if (remaining.size) {
    const parts = [...remaining].sort(([a], [b]) => (a < b ? -1 : 1)).map(([r, n]) => `${r} has ${n} resource instances`);
    conds.push({ type: 'NamespaceContentRemaining', status: 'True', reason: 'SomeResourcesRemain', message: `Some resources are remaining: ${parts.join(', ')}`, lastTransitionTime: now });
  } else {
    conds.push({ type: 'NamespaceContentRemaining', status: 'False', reason: 'ContentRemoved', message: 'All content successfully removed', lastTransitionTime: now });
  }
  conds.push({ type: 'NamespaceFinalizersRemaining', status: 'False', reason: 'ContentHasNoFinalizers', message: 'All content-preserving finalizers finished', lastTransitionTime: now });
  return conds;
}

class NamespaceController implements Controller {
  readonly name = 'namespace';
  readonly queue = new KeyQueue();
  /** Pods per namespace, so that each pod leaving a big terminating namespace costs O(1). */
  private readonly podCount = new Map<string, number>();
  /** Terminating namespaces whose content has been swept once already. */
  private readonly swept = new Set<string>();

  constructor(private readonly ctx: EngineContext) {}

  handle(event: WatchEvent): void {
    // Most events (status writes, new Events) concern neither the pod count nor a namespace.
    if (event.type === 'MODIFIED' && event.kind !== 'Namespace') return;
    if (event.kind === 'Pod') {
      const ns = event.object.metadata.namespace!;
      this.podCount.set(ns, (this.podCount.get(ns) ?? 0) + (event.type === 'ADDED' ? 1 : -1));
    }
    if (event.kind === 'Namespace') {
      if (event.type === 'DELETED') this.swept.delete(event.object.metadata.name!);
      if (event.type !== 'DELETED' && event.object.metadata.deletionTimestamp) this.queue.add(event.object.metadata.name!);
      return;
    }
    // The last object leaving a terminating namespace lets it go.
    if (event.type !== 'DELETED') return;
    const ns = event.object.metadata.namespace;
    if (ns && this.ctx.store.get('Namespace', undefined, ns)?.metadata.deletionTimestamp) this.queue.add(ns);
  }

  sync(name: string): void {
    const { ctx } = this;
    const ns = ctx.store.get<Namespace>('Namespace', undefined, name);
    if (!ns?.metadata.deletionTimestamp) return;
    // Pods terminate gracefully; sweep again (events they left behind) only once the last has gone.
    if (this.swept.has(name) && (this.podCount.get(name) ?? 0) > 0) return;
    this.swept.add(name);
    const remaining = new Map<string, number>();
    for (const kind of ctx.store.kinds()) {
      const info = ctx.registry.info(kind);
      if (!info?.namespaced) continue;
      const objects = ctx.store.list<KubeObject>(kind, name);
      if (!objects.length) continue;
      for (const obj of objects) {
        if (!obj.metadata.deletionTimestamp && ctx.store.get(kind, name, obj.metadata.name!)) ctx.api.delete(kind, name, obj.metadata.name!);
      }
      const left = ctx.store.list<KubeObject>(kind, name).length;
      if (left) remaining.set(info.resource, left);
    }
    if (remaining.size === 0) {
      ctx.api.removeNow('Namespace', undefined, name);
      return;
    }
    const now = ctx.clock.timestamp();
    ctx.api.updateStatus<Namespace>('Namespace', undefined, name, (n) => {
      const old = (n.status as { conditions?: NamespaceCondition[] } | undefined)?.conditions ?? [];
      const conds = deletionConditions(remaining, now).map((c) => {
        const prev = old.find((o) => o.type === c.type);
        return prev && prev.status === c.status ? { ...c, lastTransitionTime: prev.lastTransitionTime } : c;
      });
      n.status = { ...(n.status ?? {}), phase: 'Terminating', conditions: conds } as Namespace['status'];
    });
  }
}

export function createNamespaceController(ctx: EngineContext): Controller {
  return new NamespaceController(ctx);
}
