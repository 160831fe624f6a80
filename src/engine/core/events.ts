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

/** One aggregation key's Event: the key's parts that the maps it is filed under do not fix. */
interface Aggregate {
  namespace: string;
  kind: string;
  name: string | undefined;
  uid: string | undefined;
  reason: string;
  component: string;
  eventName: string;
}

export class EventRecorder {
  private seq = 0;
  /**
   * Aggregation index: object uid (or name) -> message -> the Events recorded with them.
   * Nested maps instead of one joined key string: the uid is hashed once per stored
   * object and the message once per call, with no long key built for every Event.
   */
  private index = new Map<string | undefined, Map<string, Aggregate[]>>();

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
    let byMessage = this.index.get(outerKey);
    if (!byMessage) this.index.set(outerKey, (byMessage = new Map()));
    let aggregates = byMessage.get(message);
    if (!aggregates) byMessage.set(message, (aggregates = []));
    let found: Aggregate | undefined;
    for (const a of aggregates) {
      if (a.reason === reason && a.component === component && a.name === meta.name && a.uid === meta.uid && a.kind === kind && a.namespace === ns) {
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
    const involved: KubeEvent['involvedObject'] = {
      kind,
      namespace: meta.namespace,
      name: meta.name!,
      uid: meta.uid,
      apiVersion: obj.apiVersion,
    };
    if (fieldPath) involved.fieldPath = fieldPath;
    // kubelet/controllers name events `<object>.<hex of UnixNano>`; the sequence keeps names unique.
    const name = `${meta.name}.${hex(this.clock.now() * 1000 + this.seq++)}`;
    if (found) found.eventName = name;
    else aggregates.push({ namespace: ns, kind, name: meta.name, uid: meta.uid, reason, component, eventName: name });
    const event: KubeEvent = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: {
        name,
        namespace: ns,
        resourceVersion: this.store.nextResourceVersion(),
        creationTimestamp: now,
        uid: `event-${this.seq}`,
      },
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
    this.store.put(event);
  }

  /** One (frozen, shared) source object per component and host: 40,000 events need not carry 40,000 copies. */
  private sources = new Map<string, { bare?: KubeEvent['source']; byHost: Map<string, KubeEvent['source']> }>();
  private sourceOf(source: EventSource): KubeEvent['source'] {
    let entry = this.sources.get(source.component);
    if (!entry) this.sources.set(source.component, (entry = { byHost: new Map() }));
    if (!source.host) return (entry.bare ??= { component: source.component });
    let out = entry.byHost.get(source.host);
    if (!out) entry.byHost.set(source.host, (out = { component: source.component, host: source.host }));
    return out;
  }

  /** Events of one object, oldest first (what `kubectl describe` lists). */
  eventsFor(obj: KubeObject): KubeEvent[] {
    return this.store
      .list<KubeEvent>('Event', obj.metadata.namespace || 'default')
      .filter((e) => e.involvedObject.kind === obj.kind && e.involvedObject.name === obj.metadata.name && (!e.involvedObject.uid || e.involvedObject.uid === obj.metadata.uid));
  }
}
