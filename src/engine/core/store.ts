// The object store behind the simulated API server (etcd's role). Objects are
// immutable once stored: writers put a new object, never mutate a stored one,
// so snapshots can share them. Every change is announced to subscribers
// (the controllers' informers) synchronously.

import { EventLog, type EventRecord } from './eventLog';
import { LabelIndex } from './labels';
import type { KubeEvent, KubeObject, Pod } from './types';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchEvent {
  type: WatchEventType;
  kind: string;
  object: KubeObject;
  /** The previous version, for MODIFIED and DELETED. */
  old?: KubeObject;
  /** keyOf(object), set by the store: listeners reuse it instead of building (and hashing) it again. */
  key?: string;
}

export type Listener = (event: WatchEvent) => void;

export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

export function keyOf(obj: KubeObject): string {
  return objectKey(obj.metadata.namespace, obj.metadata.name!);
}

/** Frozen nodes that hold a key or element whose value is undefined (directly or below). */
const undefinedHolders = new WeakSet<object>();

/**
 * Whether a stored (deep-frozen) object holds an undefined value anywhere. Such values
 * vanish when the object is copied, so writers that avoid copying must know about them.
 */
export function holdsUndefined(obj: object): boolean {
  return undefinedHolders.has(obj);
}

function freezeNode(value: object): boolean {
  // A frozen node was frozen here before (it is shared with a stored version).
  if (Object.isFrozen(value)) return undefinedHolders.has(value);
  Object.freeze(value);
  let holds = false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (v === undefined) holds = true;
      else if (v !== null && typeof v === 'object' && freezeNode(v)) holds = true;
    }
  } else {
    for (const k in value) {
      const v = (value as Record<string, unknown>)[k];
      if (v === undefined) holds = true;
      else if (v !== null && typeof v === 'object' && freezeNode(v)) holds = true;
    }
  }
  if (holds) undefinedHolders.add(value);
  return holds;
}

/** Freezes an object graph so that accidental mutation of stored state throws in strict mode. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') freezeNode(value);
  return value;
}

/** Events are many and kept apart, in a compact log (eventLog.ts). */
const EVENT = 'Event';

function regularPart(s: unknown): boolean {
  return typeof s === 'string' && s.indexOf('/') < 0;
}

function isRegular(obj: KubeObject): boolean {
  return regularPart(obj.metadata.name) && (!obj.metadata.namespace || regularPart(obj.metadata.namespace));
}

export class ObjectStore {
  private byKind = new Map<string, Map<string, KubeObject>>();
  /** The same objects by kind, namespace ('' for none) and name, so get() needs no key string. */
  private byName = new Map<string, Map<string, Map<string, KubeObject>>>();
  /** Stored objects whose namespace or name is not a plain string without '/' (their keys could collide). */
  private irregular = 0;
  private listeners: Listener[] = [];
  private rv = 1000;
  /** Pods indexed by namespace and label, for selector look-ups. */
  readonly podIndex = new LabelIndex<Pod>();
  /** The Events (kind Event): every read, write and delete of that kind goes to the log. */
  readonly events = new EventLog();

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
    if (kind === EVENT) return this.events.get(namespace ?? '', name) as T | undefined;
    // Without '/' anywhere, `ns/name` keys cannot collide: look up without building the key.
    if (this.irregular === 0 && regularPart(name) && (!namespace || regularPart(namespace))) {
      return this.byName.get(kind)?.get(namespace || '')?.get(name) as T | undefined;
    }
    return this.byKind.get(kind)?.get(objectKey(namespace, name)) as T | undefined;
  }

  /** Objects of a kind, in one namespace or all, in insertion order. */
  list<T extends KubeObject = KubeObject>(kind: string, namespace?: string): T[] {
    if (kind === EVENT) return this.events.list(namespace) as unknown as T[];
    const m = this.byKind.get(kind);
    if (!m) return [];
    const all = [...m.values()] as T[];
    return namespace === undefined ? all : all.filter((o) => o.metadata.namespace === namespace);
  }

  count(kind: string): number {
    if (kind === EVENT) return this.events.size;
    return this.byKind.get(kind)?.size ?? 0;
  }

  kinds(): string[] {
    return [...this.byKind.keys()];
  }

  /**
   * Files an Event that a component recorded (core/events.ts). No watch event: nothing in the
   * engine watches Events come and go (the garbage collector's graph skips them, and the
   * namespace controller counts only deletions, which remove() still announces).
   */
  appendEvent(record: EventRecord): void {
    this.noteKind(EVENT);
    this.events.append(record);
  }

  /** Keeps kinds() in the order kinds first appeared, Events included. */
  private noteKind(kind: string): Map<string, KubeObject> {
    let m = this.byKind.get(kind);
    if (!m) this.byKind.set(kind, (m = new Map()));
    return m;
  }

  /** Stores `obj` (frozen) under its kind, namespace and name and announces the change. */
  put(obj: KubeObject): KubeObject {
    deepFreeze(obj);
    if (obj.kind === EVENT) {
      this.noteKind(EVENT);
      const old = this.events.put(obj as KubeEvent);
      this.emit({ type: old ? 'MODIFIED' : 'ADDED', kind: EVENT, object: obj, old, key: keyOf(obj) });
      return obj;
    }
    let m = this.byKind.get(obj.kind);
    if (!m) this.byKind.set(obj.kind, (m = new Map()));
    const key = keyOf(obj);
    const old = m.get(key);
    m.set(key, obj);
    if (old) this.refile(old, obj);
    else this.file(obj);
    if (obj.kind === 'Pod') this.podIndex.set(key, obj as Pod);
    this.emit({ type: old ? 'MODIFIED' : 'ADDED', kind: obj.kind, object: obj, old, key });
    return obj;
  }

  remove(kind: string, namespace: string | undefined, name: string): KubeObject | undefined {
    if (kind === EVENT) {
      const old = this.events.remove(namespace ?? '', name);
      if (!old) return undefined;
      this.nextResourceVersion();
      this.emit({ type: 'DELETED', kind, object: old, old, key: objectKey(namespace, name) });
      return old;
    }
    const m = this.byKind.get(kind);
    const key = objectKey(namespace, name);
    const old = m?.get(key);
    if (!m || !old) return undefined;
    // A delete is a change of the store, as etcd's revision counts it.
    this.nextResourceVersion();
    m.delete(key);
    this.unfile(old);
    if (kind === 'Pod') this.podIndex.delete(key);
    this.emit({ type: 'DELETED', kind, object: old, old, key });
    return old;
  }

  /** Files an object in the by-name mirror of `byKind` (kind -> namespace or '' -> name). */
  private file(obj: KubeObject): void {
    let byNs = this.byName.get(obj.kind);
    if (!byNs) this.byName.set(obj.kind, (byNs = new Map()));
    const ns = obj.metadata.namespace || '';
    let names = byNs.get(ns);
    if (!names) byNs.set(ns, (names = new Map()));
    names.set(obj.metadata.name!, obj);
    if (!isRegular(obj)) this.irregular++;
  }

  /** unfile(old) then file(obj), in one look-up when the new version has the same namespace and name. */
  private refile(old: KubeObject, obj: KubeObject): void {
    const ns = obj.metadata.namespace;
    const name = obj.metadata.name!;
    if (old.metadata.namespace === ns && old.metadata.name === name) {
      const names = this.byName.get(obj.kind)?.get(ns || '');
      if (names?.get(name) === old) {
        // Same namespace and name: as regular (or not) as before, so the count stands.
        names.set(name, obj);
        return;
      }
    }
    this.unfile(old);
    this.file(obj);
  }

  private unfile(obj: KubeObject): void {
    const names = this.byName.get(obj.kind)?.get(obj.metadata.namespace || '');
    if (names?.get(obj.metadata.name!) !== obj) return;
    names.delete(obj.metadata.name!);
    if (!isRegular(obj)) this.irregular--;
  }

  private emit(event: WatchEvent): void {
    for (const l of this.listeners) l(event);
  }
}
