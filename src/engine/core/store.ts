// The object store behind the simulated API server (etcd's role). Objects are
// immutable once stored: writers put a new object, never mutate a stored one,
// so snapshots can share them. Every change is announced to subscribers
// (the controllers' informers) synchronously.

import { EventLog, type EventRecord } from './eventLog';
import { type IndexEntry, LabelIndex } from './labels';
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

/**
 * The same string, stored flat. A string built by concatenation (`ns/name`, a generated
 * name) is in V8 a tree of its pieces, 32 bytes per piece, for as long as it is kept.
 * The first indexed read flattens it in place; the garbage collector then keeps only the
 * flat copy. For strings kept with stored objects.
 */
export function flat(s: string): string {
  s.charCodeAt(0);
  return s;
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

/**
 * Set by storable: whether the value it returned holds an undefined value, directly or
 * below (its second result, without allocating a pair per node).
 */
let returnedHolds = false;

/**
 * Freezes a value being stored, as deepFreeze does, and returns what to keep of it: a new
 * array is replaced by a copy of exactly its length. An array grown by push keeps spare
 * capacity (room for 17 elements after one push, 128 bytes unused), and the store keeps
 * many versions of many objects. Same elements, same JSON; objects are frozen in place.
 */
function storable(value: object): object {
  if (Object.isFrozen(value)) {
    // Frozen here before: stored already, shared with a stored version.
    returnedHolds = undefinedHolders.has(value);
    return value;
  }
  let holds = false;
  let out = value;
  if (Array.isArray(value)) {
    const copy = value.slice();
    for (let i = 0; i < copy.length; i++) {
      const v: unknown = copy[i];
      if (v === undefined) holds = true;
      else if (v !== null && typeof v === 'object') {
        copy[i] = storable(v);
        if (returnedHolds) holds = true;
      }
    }
    out = copy;
  } else {
    const rec = value as Record<string, unknown>;
    for (const k in rec) {
      const v = rec[k];
      if (v === undefined) holds = true;
      else if (v !== null && typeof v === 'object') {
        const s = storable(v);
        if (returnedHolds) holds = true;
        // Only own keys are replaced (an own `__proto__` key shadows the prototype setter).
        if (s !== v && Object.prototype.hasOwnProperty.call(rec, k)) rec[k] = s;
      }
    }
  }
  Object.freeze(out);
  if (holds) undefinedHolders.add(out);
  returnedHolds = holds;
  return out;
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

/**
 * Where one stored object lives. Both indexes (by key, and by namespace and name) and, for
 * pods, the label index hold the same slot, so writing a new version of an object is one
 * field write: no map is touched and no `ns/name` key string is built. The key is built
 * once, when the object is created, and handed to every watch event about it.
 */
class Slot implements IndexEntry<KubeObject> {
  /** The label index's write stamp (labels.ts); pods only. */
  stamp = 0;
  constructor(
    readonly key: string,
    public obj: KubeObject,
  ) {}
}

/** The slots of kind Pod hold pods: they are the label index's entries. */
function podEntry(slot: Slot): IndexEntry<Pod> {
  return slot as unknown as IndexEntry<Pod>;
}

/**
 * Hands `event` to every listener, even when one before it throws: otherwise a bug in one
 * watcher (a person's `kubectl get -w`) would leave the watchers after it with a stale view
 * of the cluster. The first error is thrown afterwards, to the writer, as before. The try
 * sits around the whole loop, not each call, so the usual path is the plain loop.
 */
function notifyAll(listeners: readonly Listener[], event: WatchEvent): void {
  let i = 0;
  let failure: { error: unknown } | undefined;
  while (i < listeners.length) {
    try {
      for (; i < listeners.length; i++) listeners[i](event);
    } catch (error) {
      failure ??= { error };
      i++;
    }
  }
  if (failure) throw failure.error;
}

export class ObjectStore {
  /** Slots by kind and `ns/name` key, in insertion order (list order). */
  private byKind = new Map<string, Map<string, Slot>>();
  /** The same slots by kind, namespace ('' for none) and name, so look-ups need no key string. */
  private byName = new Map<string, Map<string, Map<string, Slot>>>();
  /** Stored objects whose namespace or name is not a plain string without '/' (their keys could collide). */
  private irregular = 0;
  private listeners: Listener[] = [];
  /** Listeners that also hear of recorded Events (subscribe). */
  private eventListeners: Listener[] = [];
  private rv = 1000;
  /** Pods indexed by namespace and label, for selector look-ups. */
  readonly podIndex = new LabelIndex<Pod>();
  /** The Events (kind Event): every read, write and delete of that kind goes to the log. */
  readonly events = new EventLog();

  nextResourceVersion(): string {
    return String(this.nextRevision());
  }

  /** The next resourceVersion as a number (the event log keeps numbers and formats them on read). */
  nextRevision(): number {
    return ++this.rv;
  }

  get currentResourceVersion(): string {
    return String(this.rv);
  }

  /**
   * Announces every change to `listener`. With `recordedEvents`, the listener also hears of
   * the Events components record (appendEvent, bumpEvent), which other listeners never do:
   * nothing in the engine watches them, and a large cluster records tens of thousands, so
   * only a person's watch (`kubectl get events -w`) pays for building them as objects.
   */
  subscribe(listener: Listener, options?: { recordedEvents?: boolean }): () => void {
    this.listeners.push(listener);
    if (options?.recordedEvents) this.eventListeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
      this.eventListeners = this.eventListeners.filter((l) => l !== listener);
    };
  }

  get<T extends KubeObject = KubeObject>(kind: string, namespace: string | undefined, name: string): T | undefined {
    if (kind === EVENT) return this.events.get(namespace ?? '', name) as T | undefined;
    return this.slotOf(kind, namespace, name)?.obj as T | undefined;
  }

  /** Objects of a kind, in one namespace or all, in insertion order. */
  list<T extends KubeObject = KubeObject>(kind: string, namespace?: string): T[] {
    if (kind === EVENT) return this.events.list(namespace) as unknown as T[];
    const out: T[] = [];
    const m = this.byKind.get(kind);
    if (!m) return out;
    for (const slot of m.values()) {
      if (namespace === undefined || slot.obj.metadata.namespace === namespace) out.push(slot.obj as T);
    }
    return out;
  }

  count(kind: string): number {
    if (kind === EVENT) return this.events.size;
    return this.byKind.get(kind)?.size ?? 0;
  }

  kinds(): string[] {
    return [...this.byKind.keys()];
  }

  /**
   * Files an Event that a component recorded (core/events.ts). Announced only to listeners
   * that asked for recorded Events (subscribe): nothing in the engine watches Events come and
   * go (the garbage collector's graph skips them, and the namespace controller counts only
   * deletions, which remove() still announces).
   */
  appendEvent(record: EventRecord): void {
    this.slotsOf(EVENT);
    this.events.append(record);
    if (this.eventListeners.length) this.emitRecorded('ADDED', this.events.objectOf(record), undefined);
  }

  /** A recorded Event happened again (the recorder's aggregation): count, lastTimestamp and resourceVersion move. */
  bumpEvent(record: EventRecord, lastTimestamp: string): void {
    const old = this.eventListeners.length ? this.events.objectOf(record) : undefined;
    this.events.bump(record, lastTimestamp, this.nextRevision());
    if (old) this.emitRecorded('MODIFIED', this.events.objectOf(record), old);
  }

  /** The slots of a kind by key; creating the map keeps kinds() in the order kinds first appeared. */
  private slotsOf(kind: string): Map<string, Slot> {
    let m = this.byKind.get(kind);
    if (!m) this.byKind.set(kind, (m = new Map()));
    return m;
  }

  /**
   * The slot stored under `objectKey(namespace, name)`. The key identifies an object, but
   * the by-name maps answer for it without building it whenever they cannot disagree: with
   * every stored namespace and name a string without '/', no two keys collide, and a query
   * with a namespace can only match its own namespace and name. A bare name holding '/'
   * ("default/web") is someone's `ns/name` key, so it is looked up as a key.
   */
  private slotOf(kind: string, namespace: string | undefined, name: string): Slot | undefined {
    if (this.irregular === 0 && typeof name === 'string' && (namespace ? typeof namespace === 'string' : name.indexOf('/') < 0)) {
      return this.byName.get(kind)?.get(namespace || '')?.get(name);
    }
    return this.byKind.get(kind)?.get(objectKey(namespace, name));
  }

  /**
   * Stores `input` under its kind, namespace and name and announces the change. Returns
   * the stored object: `input` frozen, its new arrays replaced by compact copies (storable).
   */
  put(input: KubeObject): KubeObject {
    const kind = input.kind;
    if (kind === EVENT) {
      const obj = deepFreeze(input);
      this.slotsOf(EVENT);
      const old = this.events.put(obj as KubeEvent);
      this.emit({ type: old ? 'MODIFIED' : 'ADDED', kind: EVENT, object: obj, old, key: keyOf(obj) });
      return obj;
    }
    const obj = storable(input) as KubeObject;
    let slot = this.slotOf(kind, obj.metadata.namespace, obj.metadata.name!);
    const old = slot?.obj;
    if (slot) {
      slot.obj = obj;
      // Another namespace and name under the same key (a collision of irregular ones): the
      // by-name maps follow the object.
      if (old!.metadata.namespace !== obj.metadata.namespace || old!.metadata.name !== obj.metadata.name) {
        this.unfile(old!);
        this.file(obj, slot);
      }
      if (kind === 'Pod') this.podIndex.update(podEntry(slot), old as Pod);
    } else {
      // Built flat: the key lives as long as the object (see flat()).
      slot = new Slot(flat(keyOf(obj)), obj);
      this.slotsOf(kind).set(slot.key, slot);
      this.file(obj, slot);
      if (kind === 'Pod') this.podIndex.add(podEntry(slot));
    }
    this.emit({ type: old ? 'MODIFIED' : 'ADDED', kind, object: obj, old, key: slot.key });
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
    const slot = this.slotOf(kind, namespace, name);
    if (!slot) return undefined;
    const old = slot.obj;
    // A delete is a change of the store, as etcd's revision counts it.
    this.nextResourceVersion();
    this.byKind.get(kind)!.delete(slot.key);
    this.unfile(old);
    if (kind === 'Pod') this.podIndex.remove(podEntry(slot));
    this.emit({ type: 'DELETED', kind, object: old, old, key: slot.key });
    return old;
  }

  /** Files a slot in the by-name maps under its object's kind, namespace (or '') and name. */
  private file(obj: KubeObject, slot: Slot): void {
    let byNs = this.byName.get(obj.kind);
    if (!byNs) this.byName.set(obj.kind, (byNs = new Map()));
    const ns = obj.metadata.namespace || '';
    let names = byNs.get(ns);
    if (!names) byNs.set(ns, (names = new Map()));
    names.set(obj.metadata.name!, slot);
    if (!isRegular(obj)) this.irregular++;
  }

  private unfile(obj: KubeObject): void {
    this.byName.get(obj.kind)?.get(obj.metadata.namespace || '')?.delete(obj.metadata.name!);
    if (!isRegular(obj)) this.irregular--;
  }

  private emit(event: WatchEvent): void {
    notifyAll(this.listeners, event);
  }

  /** A recorded Event's change, built as put() builds an Event's (same fields, same order). */
  private emitRecorded(type: WatchEventType, object: KubeEvent, old: KubeEvent | undefined): void {
    const event: WatchEvent = { type, kind: EVENT, object, old, key: keyOf(object) };
    notifyAll(this.eventListeners, event);
  }
}
