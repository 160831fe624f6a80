// Small pieces of wiring the workload controllers share: keys, re-sync timers,
// and the API writes that set or drop a controller reference.

import type { EngineContext } from '../../context';
import { isStatusError } from '../../core/errors';
import type { KeyQueue } from '../../core/queue';
import type { Requirement } from '../../core/labels';
import type { KubeObject, Pod } from '../../core/types';
import type { ControllerIndex } from './ownership';
import { controllerRef } from './pods';

export function splitKey(key: string): [string, string] {
  const i = key.indexOf('/');
  return [key.slice(0, i), key.slice(i + 1)];
}

export function errorMessage(e: unknown): string {
  if (isStatusError(e)) return e.message;
  return e instanceof Error ? e.message : String(e);
}

/** queue.AddAfter: re-queues a key at a simulated time, at most one pending timer per key. */
export class DelayedRequeue {
  private pending = new Map<string, number>();

  constructor(
    private readonly ctx: EngineContext,
    private readonly queue: KeyQueue,
    private readonly label: string,
  ) {}

  at(key: string, atMs: number): void {
    const existing = this.pending.get(key);
    if (existing !== undefined && existing <= atMs && existing > this.ctx.clock.now()) return;
    this.pending.set(key, atMs);
    this.ctx.timers.schedule(Math.max(atMs, this.ctx.clock.now()), `${this.label} ${key}`, () => {
      if (this.pending.get(key) === atMs) this.pending.delete(key);
      this.queue.add(key);
    });
  }
}

/**
 * client-go's DefaultControllerRateLimiter per item (workqueue ItemExponentialFailureRateLimiter):
 * a sync that failed (a pod create refused, e.g. its ServiceAccount does not exist yet) is
 * retried after 5 ms, doubling with each failure up to 1000 s (processNextWorkItem's
 * AddRateLimited), and the count is forgotten once a sync succeeds (Forget).
 */
export class FailureBackoff {
  private failures = new Map<string, number>();

  constructor(private readonly requeue: DelayedRequeue) {}

  failed(key: string, nowMs: number): void {
    const n = this.failures.get(key) ?? 0;
    this.failures.set(key, n + 1);
    this.requeue.at(key, nowMs + Math.min(5 * 2 ** n, 1_000_000));
  }

  forget(key: string): void {
    this.failures.delete(key);
  }
}

/**
 * ClaimPods' input for a StatefulSet or DaemonSet: the pods in `owner`'s namespace its
 * selector matches, plus those it controls that may no longer match (by name).
 */
export function claimCandidates(ctx: EngineContext, owner: KubeObject, selector: Requirement[], controlled: ControllerIndex): Map<string, Pod> {
  const ns = owner.metadata.namespace;
  const candidates = new Map<string, Pod>();
  if (selector.length) for (const p of ctx.store.podIndex.match(ns, selector)) candidates.set(p.metadata.name!, p);
  for (const n of controlled.controlledBy(owner.metadata.uid)) {
    const p = ctx.store.get<Pod>('Pod', ns, n);
    if (p) candidates.set(n, p);
  }
  return candidates;
}

/** Adopts `obj`: adds `owner` as its controller (the ownerReferences patch of ClaimObject). */
export function adopt<T extends KubeObject>(ctx: EngineContext, owner: KubeObject, obj: T): T {
  return ctx.api.systemUpdate<T>(obj.kind, obj.metadata.namespace, obj.metadata.name!, (o) => {
    const refs = (o.metadata.ownerReferences ?? []).filter((r) => r.uid !== owner.metadata.uid);
    o.metadata.ownerReferences = [...refs, controllerRef(owner)];
  });
}

/** Releases `obj`: removes `owner`'s reference. */
export function release<T extends KubeObject>(ctx: EngineContext, owner: KubeObject, obj: T): T {
  return ctx.api.systemUpdate<T>(obj.kind, obj.metadata.namespace, obj.metadata.name!, (o) => {
    const refs = (o.metadata.ownerReferences ?? []).filter((r) => r.uid !== owner.metadata.uid);
    if (refs.length) o.metadata.ownerReferences = refs;
    else delete o.metadata.ownerReferences;
  });
}

/**
 * Whether a MODIFIED event of a workload object needs its own controller: not when
 * only status (or other non-spec metadata) changed, i.e. the controller's own
 * status write echoing back. Annotation changes count (Deployments copy them).
 */
export function specOrLifecycleChanged(event: { type: string; object: KubeObject; old?: KubeObject }): boolean {
  if (event.type !== 'MODIFIED' || !event.old) return true;
  const a = event.old.metadata;
  const b = event.object.metadata;
  return a.generation !== b.generation || a.deletionTimestamp !== b.deletionTimestamp || JSON.stringify(a.annotations) !== JSON.stringify(b.annotations);
}
