// Where the store keeps Events. A cluster writes several Events per pod (Scheduled,
// Pulling, Pulled, Created, Started), so a large one holds tens of thousands; kept as full
// objects they were a third of the engine's memory and much of its allocation. The log
// keeps each recorded Event as one small record that points at what it shares with others
// (its object's reference, its source, its aggregation key) and builds the core/v1 Event
// object the first time someone reads it. Events that arrive as whole objects (a person's
// `kubectl create -f event.yaml`) are kept as they are.
//
// The store hands every read, write and delete of kind Event to this log, so `kubectl get
// events`, describe, snapshots and namespace deletion see exactly the objects they saw when
// Events were stored like any other kind, in the same order.

import type { KubeEvent } from './types';

/**
 * One Event in the log. A recorded Event keeps what it says in the record's own fields and
 * shares the involvedObject and source objects with its object's other Events; an Event stored
 * whole keeps just the object (the other fields are then unused).
 */
export interface EventRecord {
  namespace: string;
  /** The Event's name; for recorded Events built on first need from `nanos`. */
  name: string | undefined;
  involvedObject: KubeEvent['involvedObject'] | undefined;
  reason: string;
  message: string;
  type: 'Normal' | 'Warning';
  source: KubeEvent['source'] | undefined;
  reportingComponent: string;
  /** For recorded Events: the number whose hex follows the object's name in the Event's name. */
  nanos: number;
  /** The number in the Event's uid (`event-<n>`). */
  uidSeq: number;
  resourceVersion: number;
  count: number;
  firstTimestamp: string;
  lastTimestamp: string;
  /** The Event as an object: built on first read, or the object a writer stored whole. */
  object: KubeEvent | undefined;
  removed: boolean;
}

/** `n.toString(16)` for the integers event names use, without the slow general radix conversion. */
export function hex(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) return n.toString(16);
  const hi = Math.floor(n / 0x100000000);
  const lo = (n >>> 0).toString(16);
  return hi ? hi.toString(16) + '00000000'.slice(lo.length) + lo : lo;
}

/** kubelet and controllers name Events `<object>.<hex of UnixNano>`. */
function nameOf(r: EventRecord): string {
  return (r.name ??= `${r.involvedObject!.name}.${hex(r.nanos)}`);
}

/** Builds (once) the object for a recorded Event, in the key order Events have always had. */
function objectOf(r: EventRecord): KubeEvent {
  if (r.object) return r.object;
  const event: KubeEvent = {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: Object.freeze({
      name: nameOf(r),
      namespace: r.namespace,
      resourceVersion: String(r.resourceVersion),
      creationTimestamp: r.firstTimestamp,
      uid: `event-${r.uidSeq}`,
    }),
    involvedObject: r.involvedObject!,
    reason: r.reason,
    message: r.message,
    type: r.type,
    source: r.source!,
    count: r.count,
    firstTimestamp: r.firstTimestamp,
    lastTimestamp: r.lastTimestamp,
    reportingComponent: r.reportingComponent,
  };
  return (r.object = Object.freeze(event));
}

export class EventLog {
  private records: EventRecord[] = [];
  private live = 0;
  /** namespace/name -> record, built on the first look-up by name (people's commands, namespace deletion). */
  private byName: Map<string, EventRecord> | undefined;

  get size(): number {
    return this.live;
  }

  /** Appends a recorded Event (not yet an object). */
  append(r: EventRecord): void {
    this.records.push(r);
    this.live++;
    if (this.byName) this.byName.set(`${r.namespace}/${nameOf(r)}`, r);
  }

  /** A recorded Event happened again: count and lastTimestamp move, and it gets a new resourceVersion. */
  bump(r: EventRecord, lastTimestamp: string, resourceVersion: number): void {
    r.lastTimestamp = lastTimestamp;
    r.resourceVersion = resourceVersion;
    const old = r.object;
    if (!old) {
      r.count++;
      return;
    }
    // Built already (or rewritten by a person): the same object with the changed fields, as
    // the recorder's update of a stored Event always was.
    r.count = old.count + 1;
    r.object = Object.freeze({
      ...old,
      metadata: Object.freeze({ ...old.metadata, resourceVersion: String(resourceVersion) }),
      count: r.count,
      lastTimestamp,
    });
  }

  /** The record's Event as an object (built on first need). */
  objectOf(r: EventRecord): KubeEvent {
    return objectOf(r);
  }

  get(namespace: string, name: string): KubeEvent | undefined {
    const r = this.index().get(`${namespace}/${name}`);
    return r && !r.removed ? objectOf(r) : undefined;
  }

  /** Stores an Event given whole (create or update through the API): returns the one it replaced. */
  put(event: KubeEvent): KubeEvent | undefined {
    const ns = event.metadata.namespace ?? '';
    const name = event.metadata.name!;
    const index = this.index();
    const old = index.get(`${ns}/${name}`);
    if (old && !old.removed) {
      const before = objectOf(old);
      // A person's write replaces the whole object; the record keeps its place in the order.
      old.object = event;
      return before;
    }
    const r: EventRecord = {
      namespace: ns, name, involvedObject: undefined, reason: '', message: '', type: 'Normal', source: undefined, reportingComponent: '',
      nanos: 0, uidSeq: 0, resourceVersion: Number(event.metadata.resourceVersion), count: event.count,
      firstTimestamp: event.firstTimestamp, lastTimestamp: event.lastTimestamp, object: event, removed: false,
    };
    this.records.push(r);
    this.live++;
    index.set(`${ns}/${name}`, r);
    return undefined;
  }

  remove(namespace: string, name: string): KubeEvent | undefined {
    const index = this.index();
    const r = index.get(`${namespace}/${name}`);
    if (!r || r.removed) return undefined;
    const obj = objectOf(r);
    r.removed = true;
    this.live--;
    index.delete(`${namespace}/${name}`);
    // Drop removed records once they are most of the log.
    if (this.records.length > 64 && this.live * 2 < this.records.length) this.records = this.records.filter((x) => !x.removed);
    return obj;
  }

  /** Whether a record is still in the log (not deleted). */
  has(r: EventRecord): boolean {
    return !r.removed;
  }

  list(namespace?: string): KubeEvent[] {
    const out: KubeEvent[] = [];
    for (const r of this.records) {
      if (r.removed || (namespace !== undefined && r.namespace !== namespace)) continue;
      out.push(objectOf(r));
    }
    return out;
  }

  private index(): Map<string, EventRecord> {
    if (!this.byName) {
      this.byName = new Map();
      for (const r of this.records) if (!r.removed) this.byName.set(`${r.namespace}/${nameOf(r)}`, r);
    }
    return this.byName;
  }
}
