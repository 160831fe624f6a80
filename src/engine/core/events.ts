// Events as the components' event recorders write them (core/v1 Event), with
// the recorder's aggregation: the same reason and message on the same object
// bumps `count` and `lastTimestamp` instead of adding a new Event.

import type { SimClock } from './clock';
import type { EventKey, EventRecord } from './eventLog';
import type { ObjectStore } from './store';
import type { KubeEvent, KubeObject } from './types';

export interface EventSource {
  component: string;
  host?: string;
}

/** One aggregation key (what its Events share) and its latest Event. */
interface Aggregate extends EventKey {
  component: string;
  record: EventRecord;
}

/** What the recorder keeps of one object's Events. */
interface ObjectEvents {
  namespace: string;
  kind: string;
  name: string | undefined;
  uid: string | undefined;
  aggregates: Aggregate[];
  /** The involvedObject references (one per fieldPath): an object's Events share them. */
  refs: KubeEvent['involvedObject'][];
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
    if (!entry) objects.push((entry = { namespace: ns, kind, name: meta.name, uid: meta.uid, aggregates: [], refs: [] }));
    let at = -1;
    for (let i = 0; i < entry.aggregates.length; i++) {
      const a = entry.aggregates[i];
      if (a.reason === reason && a.component === component && a.message === message) {
        at = i;
        break;
      }
    }
    const now = this.clock.timestamp();
    const log = this.store.events;
    if (at >= 0 && log.has(entry.aggregates[at].record)) {
      log.bump(entry.aggregates[at].record, now, Number(this.store.nextResourceVersion()));
      return;
    }
    const nanos = this.clock.now() * 1000 + this.seq++;
    let involved = entry.refs.find((r) => r.fieldPath === (fieldPath || undefined));
    if (!involved) entry.refs.push((involved = involvedObject(obj, fieldPath)));
    const key: Aggregate = {
      namespace: ns, involvedObject: involved, reason, message, type, source: this.sourceOf(source), reportingComponent: component, component,
      record: {
        namespace: ns, nanos, uidSeq: this.seq, resourceVersion: Number(this.store.nextResourceVersion()), count: 1,
        firstTimestamp: now, lastTimestamp: now,
      },
    };
    key.record.key = key;
    // A key whose Event was deleted starts over with a new Event (and this call's type and source).
    if (at >= 0) entry.aggregates[at] = key;
    else entry.aggregates.push(key);
    this.store.appendEvent(key.record);
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
