// The controller manager. Each controller is thin wiring (turn watch events
// into keys on its queue) around a sync function; the manager drains the
// queues round-robin until nothing is left to do (the cluster has "settled").

import { KeyQueue } from '../core/queue';
import type { ObjectStore, WatchEvent } from '../core/store';

export interface Controller {
  readonly name: string;
  readonly queue: KeyQueue;
  /** Informer callback: enqueue the keys this change affects. Must not write. */
  handle(event: WatchEvent): void;
  /** Reconcile one key. */
  sync(key: string): void;
  /**
   * The kinds whose events handle() looks at (omitted: every kind). The manager hands
   * each event only to the controllers that watch its kind, as informers are per kind:
   * 40,000 Events need not visit every controller.
   */
  readonly kinds?: readonly string[];
  /** Kinds whose events handle() would ignore, for a controller that watches every other kind. */
  readonly skipKinds?: readonly string[];
}

function watches(c: Controller, kind: string): boolean {
  return c.kinds ? c.kinds.includes(kind) : !c.skipKinds?.includes(kind);
}

/** Upper bound on syncs in one settle; a controller that keeps re-queuing itself is a bug. */
const MAX_SYNCS_PER_SETTLE = 5_000_000;

export class ControllerManager {
  private controllers: Controller[] = [];
  /** The controllers watching each kind, in the order they were added (built on first use). */
  private watchers = new Map<string, Controller[]>();

  constructor(store: ObjectStore) {
    store.subscribe((e) => {
      let list = this.watchers.get(e.kind);
      if (!list) this.watchers.set(e.kind, (list = this.controllers.filter((c) => watches(c, e.kind))));
      for (let i = 0; i < list.length; i++) list[i].handle(e);
    });
  }

  add(controller: Controller): void {
    this.controllers.push(controller);
    this.watchers.clear();
  }

  get names(): string[] {
    return this.controllers.map((c) => c.name);
  }

  /**
   * Runs every queued sync, and whatever those syncs queue, until all queues are empty.
   * Each pass drains one controller's queue completely before the next (in pipeline order:
   * workloads, scheduler, kubelet, endpoints …), so a burst of pod changes reaches the
   * endpoint controllers as one key per Service rather than one sync per pod change.
   */
  settle(): void {
    let syncs = 0;
    for (;;) {
      let worked = false;
      for (const c of this.controllers) {
        // Read once: each controller class has its own shape, so `c.queue` is a megamorphic load.
        const queue = c.queue;
        for (let key = queue.take(); key !== undefined; key = queue.take()) {
          worked = true;
          c.sync(key);
          if (++syncs > MAX_SYNCS_PER_SETTLE) throw new Error(`controllers did not settle (last: ${c.name} ${key})`);
        }
      }
      if (!worked) return;
    }
  }

  pending(): number {
    return this.controllers.reduce((n, c) => n + c.queue.length, 0);
  }
}
