// The object store behind the simulated API server (etcd's role). Objects are
// immutable once stored: writers put a new object, never mutate a stored one,
// so snapshots can share them. Every change is announced to subscribers
// (the controllers' informers) synchronously.

import { LabelIndex } from './labels';
import type { KubeObject, Pod } from './types';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchEvent {
  type: WatchEventType;
  kind: string;
  object: KubeObject;
  /** The previous version, for MODIFIED and DELETED. */
  old?: KubeObject;
}

export type Listener = (event: WatchEvent) => void;

export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

export function keyOf(obj: KubeObject): string {
  return objectKey(obj.metadata.namespace, obj.metadata.name!);
}

/** Freezes an object graph so that accidental mutation of stored state throws in strict mode. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}

export class ObjectStore {
  private byKind = new Map<string, Map<string, KubeObject>>();
  private listeners: Listener[] = [];
  private rv = 1000;
  /** Pods indexed by namespace and label, for selector look-ups. */
  readonly podIndex = new LabelIndex<Pod>();

  nextResourceVersion(): string {
    return String(++this.rv);
  }

  get currentResourceVersion(): string {
    return String(this.rv);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  get<T extends KubeObject = KubeObject>(kind: string, namespace: string | undefined, name: string): T | undefined {
    return this.byKind.get(kind)?.get(objectKey(namespace, name)) as T | undefined;
  }

  /** Objects of a kind, in one namespace or all, in insertion order. */
  list<T extends KubeObject = KubeObject>(kind: string, namespace?: string): T[] {
    const m = this.byKind.get(kind);
    if (!m) return [];
    const all = [...m.values()] as T[];
    return namespace === undefined ? all : all.filter((o) => o.metadata.namespace === namespace);
  }

  count(kind: string): number {
    return this.byKind.get(kind)?.size ?? 0;
  }

  kinds(): string[] {
    return [...this.byKind.keys()];
  }

  /** Stores `obj` (frozen) under its kind, namespace and name and announces the change. */
  put(obj: KubeObject): KubeObject {
    deepFreeze(obj);
    let m = this.byKind.get(obj.kind);
    if (!m) this.byKind.set(obj.kind, (m = new Map()));
    const key = keyOf(obj);
    const old = m.get(key);
    m.set(key, obj);
    if (obj.kind === 'Pod') this.podIndex.set(key, obj as Pod);
    this.emit({ type: old ? 'MODIFIED' : 'ADDED', kind: obj.kind, object: obj, old });
    return obj;
  }

  remove(kind: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const m = this.byKind.get(kind);
    const key = objectKey(namespace, name);
    const old = m?.get(key);
    if (!m || !old) return undefined;
    // A delete is a change of the store, as etcd's revision counts it.
    this.nextResourceVersion();
    m.delete(key);
    if (kind === 'Pod') this.podIndex.delete(key);
    this.emit({ type: 'DELETED', kind, object: old, old });
    return old;
  }

  private emit(event: WatchEvent): void {
    for (const l of this.listeners) l(event);
  }
}
