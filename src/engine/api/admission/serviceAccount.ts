// The ServiceAccount admission plugin on Pod create, as a pure function.
// Source: plugin/pkg/admission/serviceaccount/admission.go (Admit, shouldAutomount,
// mountServiceAccountToken, TokenVolumeSource; v1.32). It defaults serviceAccountName to
// `default`, refuses a pod whose ServiceAccount does not exist, and — unless the pod or its
// ServiceAccount opts out with automountServiceAccountToken: false — mounts the projected
// `kube-api-access-<5 random characters>` volume read-only at
// /var/run/secrets/kubernetes.io/serviceaccount in every init container and container
// that does not already mount something there.

import { deepFreeze, flat } from '../../core/store';
import type { Container, PodSpec } from '../../core/types';

export const DEFAULT_SERVICE_ACCOUNT_NAME = 'default';
/** ServiceAccountVolumeName: the prefix of the token volume's name. */
export const SERVICE_ACCOUNT_VOLUME_PREFIX = 'kube-api-access-';
export const DEFAULT_API_TOKEN_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
/** serviceaccount.WarnOnlyBoundTokenExpirationSeconds (pkg/serviceaccount/claims.go): one hour and 7 seconds. */
export const TOKEN_EXPIRATION_SECONDS = 3607;
/** The root-ca-cert-publisher's ConfigMap (pkg/controller/certificates/rootcacertpublisher). */
export const ROOT_CA_CONFIG_MAP = 'kube-root-ca.crt';

export interface ServiceAccountLike {
  automountServiceAccountToken?: boolean;
  imagePullSecrets?: { name?: string }[];
}

interface VolumeMount { name: string; mountPath: string; readOnly?: boolean }
type MountingContainer = Container & { volumeMounts?: VolumeMount[] };
type AdmittedSpec = PodSpec & {
  automountServiceAccountToken?: boolean;
  volumes?: { name: string }[];
  imagePullSecrets?: { name?: string }[];
};

/**
 * TokenVolumeSource(): defaultMode 420 set explicitly (kubernetes#104464), then the token,
 * the cluster's CA bundle and the namespace. Every admitted pod holds this one frozen
 * subtree: only the volume's name differs from pod to pod.
 */
export const TOKEN_VOLUME_SOURCE = deepFreeze({
  defaultMode: 420,
  sources: [
    { serviceAccountToken: { expirationSeconds: TOKEN_EXPIRATION_SECONDS, path: 'token' } },
    { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: ROOT_CA_CONFIG_MAP } },
    { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
  ],
});

/** shouldAutomount: the pod's preference wins, then the ServiceAccount's; true by default. */
export function shouldAutomount(sa: ServiceAccountLike, spec: AdmittedSpec): boolean {
  if (typeof spec.automountServiceAccountToken === 'boolean') return spec.automountServiceAccountToken;
  if (typeof sa.automountServiceAccountToken === 'boolean') return sa.automountServiceAccountToken;
  return true;
}

/** Whether the container mounts something at the token's path already (it then gets no mount). */
function mountsTokenPath(c: MountingContainer): boolean {
  const mounts = c.volumeMounts;
  if (!Array.isArray(mounts)) return false;
  for (let i = 0; i < mounts.length; i++) if (mounts[i]?.mountPath === DEFAULT_API_TOKEN_MOUNT_PATH) return true;
  return false;
}

const needsMount = (c: unknown): c is MountingContainer => !!c && typeof c === 'object' && !mountsTokenPath(c as MountingContainer);

function anyNeedsMount(containers: unknown): boolean {
  if (!Array.isArray(containers)) return false;
  for (let i = 0; i < containers.length; i++) if (needsMount(containers[i])) return true;
  return false;
}

/** Appends `mount` to each container of the list that needs it. */
function addMount(containers: unknown, mount: VolumeMount): void {
  if (!Array.isArray(containers)) return;
  for (let i = 0; i < containers.length; i++) {
    const c: unknown = containers[i];
    if (needsMount(c)) c.volumeMounts = Array.isArray(c.volumeMounts) ? [...c.volumeMounts, mount] : [mount];
  }
}

/** The name of the pod's existing `kube-api-access-*` volume, if it has one. */
function tokenVolumeName(volumes: { name: string }[] | undefined): string | undefined {
  if (!Array.isArray(volumes)) return undefined;
  for (let i = 0; i < volumes.length; i++) {
    const name: unknown = volumes[i]?.name;
    if (typeof name === 'string' && name.startsWith(SERVICE_ACCOUNT_VOLUME_PREFIX)) return name;
  }
  return undefined;
}

/**
 * mountServiceAccountToken: an existing `kube-api-access-*` volume is reused; otherwise
 * `newVolumeName()` names one (called only then, so pods that need no name draw nothing).
 * Init containers first, then containers, each getting the mount appended; the volume is
 * appended when some container took the mount. Mutates `spec` (the request's own copy).
 * Every pod the API server admits comes here: plain loops, and nothing allocated but what
 * the pod keeps (one mount object its containers share, their new mount lists, the volume,
 * whose projected source is the one frozen TOKEN_VOLUME_SOURCE).
 */
export function mountServiceAccountToken(spec: AdmittedSpec, newVolumeName: () => string): void {
  if (!anyNeedsMount(spec.initContainers) && !anyNeedsMount(spec.containers)) return;
  const existing = tokenVolumeName(spec.volumes);
  // Kept with the stored pod: built flat (see flat()).
  const mount: VolumeMount = { mountPath: DEFAULT_API_TOKEN_MOUNT_PATH, name: existing ?? flat(newVolumeName()), readOnly: true };
  addMount(spec.initContainers, mount);
  addMount(spec.containers, mount);
  if (existing !== undefined) return;
  const volume = { name: mount.name, projected: TOKEN_VOLUME_SOURCE } as { name: string };
  spec.volumes = Array.isArray(spec.volumes) ? [...spec.volumes, volume] : [volume];
}

export type ServiceAccountAdmission =
  | { admitted: true }
  /** The Forbidden error's cause, as admission.NewForbidden wraps it. */
  | { admitted: false; reason: string };

const ADMITTED: ServiceAccountAdmission = Object.freeze({ admitted: true });

/**
 * Admit: default the name, look the ServiceAccount up (`lookup` returns undefined when it
 * does not exist), mount the token, copy the ServiceAccount's imagePullSecrets when the
 * pod has none.
 */
export function admitServiceAccount(
  spec: AdmittedSpec,
  namespace: string,
  lookup: (name: string) => ServiceAccountLike | undefined,
  newVolumeName: () => string,
): ServiceAccountAdmission {
  if (!spec.serviceAccountName) spec.serviceAccountName = (spec as { serviceAccount?: string }).serviceAccount || DEFAULT_SERVICE_ACCOUNT_NAME;
  const name = spec.serviceAccountName;
  const sa = lookup(name);
  if (!sa) return { admitted: false, reason: `error looking up service account ${namespace}/${name}: serviceaccount "${name}" not found` };
  if (shouldAutomount(sa, spec)) mountServiceAccountToken(spec, newVolumeName);
  const pull = sa.imagePullSecrets;
  if (Array.isArray(pull) && pull.length && (!Array.isArray(spec.imagePullSecrets) || spec.imagePullSecrets.length === 0)) {
    spec.imagePullSecrets = pull.map((s) => ({ name: s?.name }));
  }
  return ADMITTED;
}

/**
 * The ServiceAccount the serviceaccounts controller keeps in every active namespace
 * (pkg/controller/serviceaccount/serviceaccounts_controller.go: only a name).
 */
export function defaultServiceAccount(namespace: string): { apiVersion: 'v1'; kind: 'ServiceAccount'; metadata: { name: string; namespace: string } } {
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: DEFAULT_SERVICE_ACCOUNT_NAME, namespace } };
}
