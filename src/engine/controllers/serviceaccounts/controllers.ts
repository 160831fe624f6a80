// Thin wiring of the serviceaccount-controller and the root-ca-cert-publisher around
// reconcile.ts: namespace events (and the deletion of a managed object) become namespace
// keys on the queue; sync reads the namespace and applies the reconciler's changes.
// Sources: pkg/controller/serviceaccount/serviceaccounts_controller.go (namespaceAdded,
// namespaceUpdated, serviceAccountDeleted) and
// pkg/controller/certificates/rootcacertpublisher/publisher.go (namespaceAdded,
// namespaceUpdated, configMapUpdated, configMapDeleted).

import { ROOT_CA_CONFIG_MAP } from '../../api/admission/serviceAccount';
import type { EngineContext } from '../../context';
import { isStatusError } from '../../core/errors';
import { KeyQueue } from '../../core/queue';
import type { WatchEvent } from '../../core/store';
import type { KubeObject, Namespace } from '../../core/types';
import type { Controller } from '../runtime';
import { clusterCABundle } from './clusterCA';
import { type NamespaceState, reconcileRootCA, reconcileServiceAccounts } from './reconcile';

function namespaceState(ctx: EngineContext, name: string): NamespaceState | undefined {
  const ns = ctx.store.get<Namespace>('Namespace', undefined, name);
  return ns && { name, phase: ns.status?.phase };
}

/** A create the namespace's state refused (gone, terminating) or a racing writer beat: nothing to retry. */
function ignoreExpected(write: () => void): void {
  try {
    write();
  } catch (e) {
    if (!(isStatusError(e) && (e.code === 404 || e.code === 403 || e.code === 409))) throw e;
  }
}

/** The namespace to sync for a Namespace event, if any. */
const namespaceKey = (event: WatchEvent): string | undefined => {
  if (event.kind !== 'Namespace' || event.type === 'DELETED') return undefined;
  // Namespace status writes (deletion conditions) need no sync.
  if (event.type === 'MODIFIED' && event.old?.metadata.deletionTimestamp === event.object.metadata.deletionTimestamp) return undefined;
  const phase = (event.object as Namespace).status?.phase;
  // namespaceUpdated enqueues only Active namespaces.
  return event.type === 'ADDED' || phase === 'Active' ? event.object.metadata.name : undefined;
};

export function createServiceAccountsController(ctx: EngineContext): Controller {
  const queue = new KeyQueue();
  const handle = (event: WatchEvent) => {
    if (event.kind === 'ServiceAccount') {
      // serviceAccountDeleted: a managed ServiceAccount deleted by someone is made again.
      if (event.type === 'DELETED') queue.add(event.object.metadata.namespace!);
      return;
    }
    const key = namespaceKey(event);
    if (key) queue.add(key);
  };
  const sync = (namespace: string) => {
    const existing = new Set(ctx.store.list<KubeObject>('ServiceAccount', namespace).map((sa) => sa.metadata.name!));
    for (const change of reconcileServiceAccounts(namespaceState(ctx, namespace), existing)) ignoreExpected(() => ctx.api.create(change.object));
  };
  return { name: 'serviceaccount', kinds: ['Namespace', 'ServiceAccount'], queue, handle, sync };
}

export function createRootCACertPublisher(ctx: EngineContext): Controller {
  const queue = new KeyQueue();
  const caBundle = clusterCABundle(ctx.config.seed);
  const handle = (event: WatchEvent) => {
    if (event.kind === 'ConfigMap') {
      if (event.object.metadata.name === ROOT_CA_CONFIG_MAP && event.type !== 'ADDED') queue.add(event.object.metadata.namespace!);
      return;
    }
    const key = namespaceKey(event);
    if (key) queue.add(key);
  };
  const sync = (namespace: string) => {
    const current = ctx.store.get<KubeObject & { data?: Record<string, string> }>('ConfigMap', namespace, ROOT_CA_CONFIG_MAP);
    for (const change of reconcileRootCA(namespaceState(ctx, namespace), current, caBundle)) {
      if (change.type === 'create') ignoreExpected(() => ctx.api.create(change.object));
      // An update is planned only for the `current` ConfigMap.
      else ignoreExpected(() => ctx.api.update({ ...current!, metadata: { ...current!.metadata, annotations: change.annotations }, data: change.data }));
    }
  };
  return { name: 'root-ca-cert-publisher', kinds: ['Namespace', 'ConfigMap'], queue, handle, sync };
}
