// Events as the components' event recorders write them (core/v1 Event), with
// the recorder's aggregation: the same reason and message on the same object
// bumps `count` and `lastTimestamp` instead of adding a new Event.

import type { SimClock } from './clock';
import type { ObjectStore } from './store';
import type { KubeEvent, KubeObject } from './types';

export interface EventSource {
  component: string;
  host?: string;
}

/** `n.toString(16)` for the integers event names use, without the slow general radix conversion. */
function hex(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) return n.toString(16);
  const hi = Math.floor(n / 0x100000000);
  const lo = (n >>> 0).toString(16);
  return hi ? hi.toString(16) + '00000000'.slice(lo.length) + lo : lo;
}

/** One aggregation key's Event: the parts of the key that the object does not fix. */
interface Aggregate {
  reason: string;
  component: string;
  message: string;
  eventName: string;
}

/** What the recorder keeps of one object's Events. */
interface ObjectEvents {
  namespace: string;
  kind: string;
  name: string | undefined;
  uid: string | undefined;
  aggregates: Aggregate[];
  /** The involvedObject references, by fieldPath ('' for none): an object's Events share them. */
  refs: Map<string, KubeEvent['involvedObject']>;
}

/**
 * The Event's reference to its object, built frozen and without undefined values (absent
 * keys instead: ObjectReference's fields are omitempty), so the store's deep freeze has
 * nothing to walk, and shared by all the object's Events with the same fieldPath.
 */
function involvedObject(obj: KubeObject, fieldPath: string | undefined): KubeEvent['involvedObject'] {
  const meta = obj.metadata;
  const ref: KubeEvent['involvedObject'] = meta.namespace !== undefined ? { kind: obj.kind, namespace: meta.namespace, name: meta.name! } : { kind: obj.kind, name: meta.name! };
  if (meta.uid !== undefined) ref.uid = meta.uid;
  if (obj.apiVersion !== undefined) ref.apiVersion = obj.apiVersion;
  if (fieldPath) ref.fieldPath = fieldPath;
  return Object.freeze(ref);
}

export class EventRecorder {
  private seq = 0;
  /**
   * Aggregation index: object uid (or name) -> the objects recorded under it (one, unless
   * objects without uid share a name) and their Events. An object gathers a handful of
   * distinct Events, so a short list scanned per call costs less than a map per object and
   * message (40,000 Events in a large cluster).
   */
  private index = new Map<string | undefined, ObjectEvents[]>();

  constructor(
    private readonly store: ObjectStore,
    private readonly clock: SimClock,
  ) {}

  record(obj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, source: EventSource, fieldPath?: string): void {
    const meta = obj.metadata;
    const ns = meta.namespace || 'default';
    const kind = obj.kind;
    const component = source.component;
    const outerKey = meta.uid ?? meta.name;
    let objects = this.index.get(outerKey);
    if (!objects) this.index.set(outerKey, (objects = []));
    let entry: ObjectEvents | undefined;
    for (let i = 0; i < objects.length; i++) {
      const o = objects[i];
      if (o.name === meta.name && o.uid === meta.uid && o.kind === kind && o.namespace === ns) {
        entry = o;
        break;
      }
    }
    if (!entry) objects.push((entry = { namespace: ns, kind, name: meta.name, uid: meta.uid, aggregates: [], refs: new Map() }));
    let found: Aggregate | undefined;
    for (let i = 0; i < entry.aggregates.length; i++) {
      const a = entry.aggregates[i];
      if (a.reason === reason && a.component === component && a.message === message) {
        found = a;
        break;
      }
    }
    const now = this.clock.timestamp();
    const existing = found ? this.store.get<KubeEvent>('Event', ns, found.eventName) : undefined;
    if (existing) {
      this.store.put({
        ...existing,
        metadata: { ...existing.metadata, resourceVersion: this.store.nextResourceVersion() },
        count: existing.count + 1,
        lastTimestamp: now,
      } as KubeEvent);
      return;
    }
    let involved = entry.refs.get(fieldPath ?? '');
    if (!involved) entry.refs.set(fieldPath ?? '', (involved = involvedObject(obj, fieldPath)));
    // kubelet/controllers name events `<object>.<hex of UnixNano>`; the sequence keeps names unique.
    const name = `${meta.name}.${hex(this.clock.now() * 1000 + this.seq++)}`;
    if (found) found.eventName = name;
    else entry.aggregates.push({ reason, component, message, eventName: name });
    const event: KubeEvent = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: Object.freeze({
        name,
        namespace: ns,
        resourceVersion: this.store.nextResourceVersion(),
        creationTimestamp: now,
        uid: `event-${this.seq}`,
      }),
      involvedObject: involved,
      reason,
      message,
      type,
      source: this.sourceOf(source),
      count: 1,
      firstTimestamp: now,
      lastTimestamp: now,
      reportingComponent: component,
    };
    this.store.put(Object.freeze(event));
  }

  /** One (frozen, shared) source object per component and host: 40,000 events need not carry 40,000 copies. */
  private sources = new Map<string, { bare?: KubeEvent['source']; byHost: Map<string, KubeEvent['source']> }>();
  private sourceOf(source: EventSource): KubeEvent['source'] {
    let entry = this.sources.get(source.component);
    if (!entry) this.sources.set(source.component, (entry = { byHost: new Map() }));
    if (!source.host) return (entry.bare ??= Object.freeze({ component: source.component }));
    let out = entry.byHost.get(source.host);
    if (!out) entry.byHost.set(source.host, (out = Object.freeze({ component: source.component, host: source.host })));
    return out;
  }

  /** Events of one object, oldest first (what `kubectl describe` lists). */
  eventsFor(obj: KubeObject): KubeEvent[] {
    return this.store
      .list<KubeEvent>('Event', obj.metadata.namespace || 'default')
      .filter((e) => e.involvedObject.kind === obj.kind && e.involvedObject.name === obj.metadata.name && (!e.involvedObject.uid || e.involvedObject.uid === obj.metadata.uid));
  }
}
