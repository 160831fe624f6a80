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

export class EventRecorder {
  private seq = 0;
  private index = new Map<string, string>(); // aggregation key -> event name

  constructor(
    private readonly store: ObjectStore,
    private readonly clock: SimClock,
  ) {}

  record(obj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, source: EventSource, fieldPath?: string): void {
    const ns = obj.metadata.namespace || 'default';
    const involved: KubeEvent['involvedObject'] = {
      kind: obj.kind,
      namespace: obj.metadata.namespace,
      name: obj.metadata.name!,
      uid: obj.metadata.uid,
      apiVersion: obj.apiVersion,
    };
    if (fieldPath) involved.fieldPath = fieldPath;
    const aggKey = `${ns}\u0000${obj.kind}\u0000${obj.metadata.name}\u0000${obj.metadata.uid}\u0000${reason}\u0000${message}\u0000${source.component}`;
    const now = this.clock.timestamp();
    const existingName = this.index.get(aggKey);
    const existing = existingName ? this.store.get<KubeEvent>('Event', ns, existingName) : undefined;
    if (existing) {
      this.store.put({
        ...existing,
        metadata: { ...existing.metadata, resourceVersion: this.store.nextResourceVersion() },
        count: existing.count + 1,
        lastTimestamp: now,
      } as KubeEvent);
      return;
    }
    // kubelet/controllers name events `<object>.<hex of UnixNano>`; the sequence keeps names unique.
    const name = `${obj.metadata.name}.${(this.clock.now() * 1000 + this.seq++).toString(16)}`;
    this.index.set(aggKey, name);
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
      reportingComponent: source.component,
    };
    this.store.put(event);
  }

  /** One (frozen, shared) source object per component and host: 40,000 events need not carry 40,000 copies. */
  private sources = new Map<string, KubeEvent['source']>();
  private sourceOf(source: EventSource): KubeEvent['source'] {
    const key = source.host ? `${source.component}\u0000${source.host}` : source.component;
    let out = this.sources.get(key);
    if (!out) {
      out = source.host ? { component: source.component, host: source.host } : { component: source.component };
      this.sources.set(key, out);
    }
    return out;
  }

  /** Events of one object, oldest first (what `kubectl describe` lists). */
  eventsFor(obj: KubeObject): KubeEvent[] {
    return this.store
      .list<KubeEvent>('Event', obj.metadata.namespace || 'default')
      .filter((e) => e.involvedObject.kind === obj.kind && e.involvedObject.name === obj.metadata.name && (!e.involvedObject.uid || e.involvedObject.uid === obj.metadata.uid));
  }
}
