// The workload objects of one kind that own pods through a label selector
// (ReplicaSets, StatefulSets, DaemonSets): their names by namespace, so a pod event can
// queue the object that controls the pod, or every object that may adopt it
// (getPodReplicaSets / getPodStatefulSets upstream), without a scan of all kinds.

import type { EngineContext } from '../../context';
import { fromLabelSelector, matchesSelector } from '../../core/labels';
import type { KeyQueue } from '../../core/queue';
import { objectKey, type WatchEvent } from '../../core/store';
import type { KubeObject, LabelSelector, OwnerReference, Pod } from '../../core/types';
import { controllerOf } from './pods';

type SelectingObject = KubeObject & { spec: { selector: LabelSelector } };

export class SelectingOwners {
  private readonly byNamespace = new Map<string, Set<string>>();

  constructor(
    private readonly ctx: EngineContext,
    readonly kind: 'ReplicaSet' | 'StatefulSet' | 'DaemonSet',
    private readonly queue: KeyQueue,
  ) {}

  /** Keeps the names up to date from an event of this kind. */
  observe(event: WatchEvent): void {
    const ns = event.object.metadata.namespace ?? '';
    let names = this.byNamespace.get(ns);
    if (!names) this.byNamespace.set(ns, (names = new Set()));
    if (event.type === 'DELETED') names.delete(event.object.metadata.name!);
    else names.add(event.object.metadata.name!);
  }

  /** Queues the pod's controller when it is of this kind; returns the pod's controller reference. */
  enqueueOwner(pod: Pod): OwnerReference | undefined {
    const ref = controllerOf(pod);
    if (ref?.kind === this.kind) this.queue.add(objectKey(pod.metadata.namespace, ref.name));
    return ref;
  }

  /** Queues every object of this kind (a DaemonSet's nodes changed). */
  enqueueAll(): void {
    for (const [ns, names] of this.byNamespace) for (const name of names) this.queue.add(objectKey(ns, name));
  }

  /** Queues every object of this kind in the pod's namespace whose (non-empty) selector matches the pod. */
  enqueueMatching(pod: Pod): void {
    const ns = pod.metadata.namespace ?? '';
    for (const name of this.byNamespace.get(ns) ?? []) {
      const owner = this.ctx.store.get<SelectingObject>(this.kind, ns, name);
      const sel = owner && fromLabelSelector(owner.spec.selector);
      if (sel && sel.length && matchesSelector(pod.metadata.labels, sel)) this.queue.add(objectKey(ns, name));
    }
  }
}

/**
 * Whether two label maps have the same JSON text (same pairs in the same order). Status
 * writes keep the stored labels object, so the texts are built only when they differ.
 */
export function sameLabelOrder(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
