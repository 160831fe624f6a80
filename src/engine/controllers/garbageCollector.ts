// The garbage collector (kube-controller-manager's garbage-collector-controller):
// when an owner is gone, its dependents go too (background propagation; pods
// are deleted gracefully), and references to missing owners are dropped from
// dependents that still have a live owner. Objects whose owners exist are never
// touched. Thin wiring around workloads/dependencyGraph.ts.
// Source: pkg/controller/garbagecollector/garbagecollector.go.

import type { EngineContext } from '../context';
import { isStatusError } from '../core/errors';
import { KeyQueue } from '../core/queue';
import type { WatchEvent } from '../core/store';
import type { Controller } from './runtime';
import { decideDependent, DependencyGraph, parseRefKey, refKey, type ObjectRef } from './workloads/dependencyGraph';

/** Queue keys: `owner:<uid>` (an owner disappeared) or `dependent:<ref key>` (check one object). */
export function createGarbageCollector(ctx: EngineContext): Controller {
  const queue = new KeyQueue();
  const graph = new DependencyGraph();

  const handle = (event: WatchEvent) => {
    const { goneOwner, danglingDependent } = graph.observe(event);
    if (goneOwner && graph.hasDependents(goneOwner)) queue.add(`owner:${goneOwner}`);
    if (danglingDependent) queue.add(`dependent:${refKey(danglingDependent)}`);
  };

  const processDependent = (ref: ObjectRef) => {
    const obj = ctx.store.get(ref.kind, ref.namespace, ref.name);
    if (!obj) return;
    const action = decideDependent(obj, graph.exists);
    try {
      if (action.type === 'delete') ctx.api.delete(ref.kind, ref.namespace, ref.name);
      else if (action.type === 'removeOwnerReferences') {
        ctx.api.systemUpdate(ref.kind, ref.namespace, ref.name, (o) => {
          o.metadata.ownerReferences = action.keep;
        });
      }
    } catch (e) {
      // Already gone (or its namespace is): nothing left to collect.
      if (!(isStatusError(e) && e.code === 404)) throw e;
    }
  };

  const sync = (key: string) => {
    if (key.startsWith('dependent:')) return processDependent(parseRefKey(key.slice('dependent:'.length)));
    const uid = key.slice('owner:'.length);
    if (graph.exists(uid)) return;
    for (const ref of graph.dependentsOf(uid)) processDependent(ref);
  };

  // Events own nothing and are owned by nothing: the graph never needs to see them.
  return { name: 'garbage-collector', skipKinds: ['Event'], queue, handle, sync };
}
