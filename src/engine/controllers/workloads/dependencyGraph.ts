// The garbage collector's view of ownership: which objects exist (by uid) and
// which objects depend on each owner uid, kept up to date from watch events so a
// deleted owner's dependents are found without scanning the store.
// Source: pkg/controller/garbagecollector/graph_builder.go (uidToNode, the owners'
// "dependents" sets) and garbagecollector.go (attemptToDeleteItem).

import type { WatchEvent } from '../../core/store';
import type { KubeObject, OwnerReference } from '../../core/types';

export interface ObjectRef {
  kind: string;
  namespace?: string;
  name: string;
}

const refKey = (r: ObjectRef) => `${r.kind}\u0000${r.namespace ?? ''}\u0000${r.name}`;

export function parseRefKey(key: string): ObjectRef {
  const [kind, namespace, name] = key.split('\u0000');
  return { kind, namespace: namespace || undefined, name };
}

export type DependentAction =
  | { type: 'none' }
  /** Every owner is gone: delete the dependent (background propagation). */
  | { type: 'delete' }
  /** Some owners remain: drop only the references to the missing ones. */
  | { type: 'removeOwnerReferences'; keep: OwnerReference[] };

/**
 * attemptToDeleteItem's decision for one dependent, given which uids exist.
 * An object already being deleted is left to finish.
 */
export function decideDependent(obj: KubeObject, exists: (uid: string) => boolean): DependentAction {
  const refs = obj.metadata.ownerReferences ?? [];
  if (refs.length === 0) return { type: 'none' };
  const keep = refs.filter((r) => exists(r.uid));
  if (keep.length === refs.length) return { type: 'none' };
  if (keep.length === 0) return obj.metadata.deletionTimestamp ? { type: 'none' } : { type: 'delete' };
  return { type: 'removeOwnerReferences', keep };
}

function sameOwners(a: OwnerReference[] | undefined, b: OwnerReference[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((r, i) => r.uid === b[i].uid);
}

export class DependencyGraph {
  /** Every stored object's uid (Events excepted: they own nothing and are owned by nothing). */
  private readonly live = new Set<string>();
  private readonly dependents = new Map<string, Set<string>>();

  exists = (uid: string): boolean => this.live.has(uid);

  dependentsOf(uid: string): ObjectRef[] {
    return [...(this.dependents.get(uid) ?? [])].map(parseRefKey);
  }

  hasDependents(uid: string): boolean {
    return this.dependents.has(uid);
  }

  forget(uid: string): void {
    this.dependents.delete(uid);
  }

  /**
   * Applies a watch event; returns the owner uids that just disappeared and
   * whether the object itself now has a missing owner.
   */
  observe(event: WatchEvent): { goneOwner?: string; danglingDependent?: ObjectRef } {
    if (event.kind === 'Event') return NOTHING;
    const obj = event.object;
    const uid = obj.metadata.uid;
    const old = event.old;
    // A write that keeps the owner references (status, most updates) of an object already live: nothing moves.
    if (event.type === 'MODIFIED' && old && old.metadata.ownerReferences === obj.metadata.ownerReferences && old.metadata.uid === uid && (!uid || this.live.has(uid))) return NOTHING;
    const oldRefs = old?.metadata.ownerReferences;
    const newRefs = event.type === 'DELETED' ? undefined : obj.metadata.ownerReferences;
    // Most events (status writes) keep the owner references: no key to build, nothing to re-file.
    const changed = !sameOwners(oldRefs, newRefs);
    let ref: ObjectRef | undefined;
    if (changed) {
      ref = { kind: event.kind, namespace: obj.metadata.namespace, name: obj.metadata.name! };
      const key = refKey(ref);
      for (const r of oldRefs ?? []) {
        const set = this.dependents.get(r.uid);
        set?.delete(key);
        if (set && set.size === 0) this.dependents.delete(r.uid);
      }
      for (const r of newRefs ?? []) {
        let set = this.dependents.get(r.uid);
        if (!set) this.dependents.set(r.uid, (set = new Set()));
        set.add(key);
      }
    }
    if (event.type === 'DELETED') {
      if (uid) this.live.delete(uid);
      return uid ? { goneOwner: uid } : NOTHING;
    }
    if (uid) this.live.add(uid);
    if (ref && newRefs && newRefs.some((r) => !this.live.has(r.uid))) return { danglingDependent: ref };
    return NOTHING;
  }
}

/** observe()'s answer when nothing happened (shared: most events change nothing here). */
const NOTHING: { goneOwner?: string; danglingDependent?: ObjectRef } = Object.freeze({});

export { refKey };
