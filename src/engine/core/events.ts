// Events as the components' event recorders write them (core/v1 Event), with
// the recorder's aggregation: the same reason and message on the same object
// bumps `count` and `lastTimestamp` instead of adding a new Event.

import type { SimClock } from './clock';
import type { EventRecord } from './eventLog';
import type { ObjectStore } from './store';
import type { KubeEvent, KubeObject } from './types';

export interface EventSource {
  component: string;
  host?: string;
}

/** What the recorder keeps of one object's Events. */
interface ObjectEvents {
  namespace: string;
  kind: string;
  name: string | undefined;
  uid: string | undefined;
  /**
   * The object's latest Event for each aggregation key (reason, component, message), newest
   * first, chained through `older` (no array per object: a large cluster has tens of
   * thousands). Their involvedObject references are shared by the Events with the same fieldPath.
   */
  latest: Chained | undefined;
  /** Another object filed under the same uid or name (objects without uid sharing a name). */
  next: ObjectEvents | undefined;
}

/** A record in an object's chain of latest Events. */
type Chained = EventRecord & { older?: Chained };

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

/** Takes `gone` out of the chain that starts at `head`. */
function unchain(head: Chained, gone: Chained): void {
  for (let r: Chained | undefined = head; r; r = r.older) {
    if (r.older === gone) {
      r.older = gone.older;
      return;
    }
  }
}

export class EventRecorder {
  private seq = 0;
  /**
   * Aggregation index: object uid (or name) -> the objects recorded under it (one, unless
   * objects without uid share a name) and their Events. An object gathers a handful of
   * distinct Events, so a short list scanned per call costs less than a map per object and
   * message (40,000 Events in a large cluster).
   */
  private index = new Map<string | undefined, ObjectEvents>();

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
    const first = this.index.get(outerKey);
    let entry = first;
    while (entry && !(entry.name === meta.name && entry.uid === meta.uid && entry.kind === kind && entry.namespace === ns)) entry = entry.next;
    if (!entry) {
      entry = { namespace: ns, kind, name: meta.name, uid: meta.uid, latest: undefined, next: first };
      this.index.set(outerKey, entry);
    }
    let found: Chained | undefined;
    let involved: KubeEvent['involvedObject'] | undefined;
    const want = fieldPath || undefined;
    for (let r = entry.latest; r; r = r.older) {
      if (!found && r.reason === reason && r.reportingComponent === component && r.message === message) found = r;
      if (!involved && r.involvedObject!.fieldPath === want) involved = r.involvedObject;
    }
    const now = this.clock.timestamp();
    const log = this.store.events;
    if (found && log.has(found)) {
      this.store.bumpEvent(found, now);
      return;
    }
    const nanos = this.clock.now() * 1000 + this.seq++;
    const record: Chained = {
      namespace: ns, name: undefined, involvedObject: involved ?? involvedObject(obj, fieldPath), reason, message, type,
      source: this.sourceOf(source), reportingComponent: component, nanos, uidSeq: this.seq,
      resourceVersion: this.store.nextRevision(), count: 1, firstTimestamp: now, lastTimestamp: now,
      object: undefined, removed: false, older: entry.latest,
    };
    // A key whose Event was deleted starts over with a new Event (and this call's type and
    // source): the deleted one leaves the chain.
    if (found) unchain(record, found);
    entry.latest = record;
    this.store.appendEvent(record);
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
