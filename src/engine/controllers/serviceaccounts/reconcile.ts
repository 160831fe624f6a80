// The pure halves of two kube-controller-manager controllers that fill every namespace:
// - serviceaccount-controller (pkg/controller/serviceaccount/serviceaccounts_controller.go,
//   syncNamespace): in an Active namespace, each managed ServiceAccount (kube-controller-manager
//   manages one, `default`) that is missing is created, with only its name.
// - root-ca-cert-publisher (pkg/controller/certificates/rootcacertpublisher/publisher.go,
//   syncNamespace): the `kube-root-ca.crt` ConfigMap holds the cluster CA bundle under
//   `ca.crt` and the kubernetes.io/description annotation; a missing one is created, a
//   changed one has its data and annotation put back (other fields are left alone).

import { defaultServiceAccount, ROOT_CA_CONFIG_MAP } from '../../api/admission/serviceAccount';
import type { KubeObject } from '../../core/types';

export const DESCRIPTION_ANNOTATION = 'kubernetes.io/description';
export const ROOT_CA_DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. ' +
  'No other usage is guaranteed across distributions of Kubernetes clusters.';

export interface NamespaceState {
  name: string;
  /** status.phase; only Active namespaces are filled (a Terminating one is being emptied). */
  phase: string | undefined;
}

export type ServiceAccountChange = { type: 'create'; object: KubeObject };

/** syncNamespace: the managed ServiceAccounts missing from `existing` (names present in the namespace). */
export function reconcileServiceAccounts(ns: NamespaceState | undefined, existing: ReadonlySet<string>): ServiceAccountChange[] {
  if (!ns || ns.phase !== 'Active') return [];
  const desired = defaultServiceAccount(ns.name);
  return existing.has(desired.metadata.name) ? [] : [{ type: 'create', object: desired }];
}

interface ConfigMapLike extends KubeObject {
  data?: Record<string, string>;
}

export type RootCAChange =
  | { type: 'create'; object: ConfigMapLike }
  | { type: 'update'; data: Record<string, string>; annotations: Record<string, string> };

/** The publisher's sync of one namespace: `current` is the stored kube-root-ca.crt, if any. */
export function reconcileRootCA(ns: NamespaceState | undefined, current: ConfigMapLike | undefined, caBundle: string): RootCAChange[] {
  if (!ns) return [];
  const data = { 'ca.crt': caBundle };
  if (!current) {
    // Created whatever the phase; the API server refuses it in a terminating namespace, and the publisher does not retry that.
    if (ns.phase !== 'Active') return [];
    return [{ type: 'create', object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: ROOT_CA_CONFIG_MAP, namespace: ns.name, annotations: { [DESCRIPTION_ANNOTATION]: ROOT_CA_DESCRIPTION } }, data } }];
  }
  const cur = current.data ?? {};
  const sameData = Object.keys(cur).length === 1 && cur['ca.crt'] === caBundle;
  if (sameData && (current.metadata.annotations?.[DESCRIPTION_ANNOTATION] ?? '').length > 0) return [];
  return [{ type: 'update', data, annotations: { ...(current.metadata.annotations ?? {}), [DESCRIPTION_ANNOTATION]: ROOT_CA_DESCRIPTION } }];
}
