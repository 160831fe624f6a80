// Pod strategy. Sources: pkg/registry/core/pod/strategy.go (PrepareForCreate,
// PrepareForUpdate), pkg/apis/core/validation/validation.go (ValidatePodCreate,
// ValidatePodUpdate, ValidateContainerUpdates, validateOnlyAddedTolerations).

import type { EngineContext } from '../../context';
import { apiErrors, field, type FieldError } from '../../core/errors';
import type { Container, Namespace, Pod } from '../../core/types';
import { admitServiceAccount, DEFAULT_SERVICE_ACCOUNT_NAME, defaultServiceAccount, SERVICE_ACCOUNT_VOLUME_PREFIX, type ServiceAccountLike } from '../admission/serviceAccount';
import { jsonEqual } from '../apiServer';
import { KINDS } from '../kinds';
import type { KindStrategy } from '../registry';
import { isDNS1123Subdomain, validateObjectMeta } from '../validation/common';
import type { FullPodSpec } from '../validation/podSpec';
import type { SpecValidation } from '../../extensionRegistry';
import { isMirrorPod } from '../../controlPlanePods';
import { admitPod, defaultPodOnly, defaultPodSpec, pendingStatus, podQOSClass } from './podDefaults';

export const POD_UPDATABLE_FIELDS = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
].join(',');

type Toleration = Record<string, unknown> & { tolerationSeconds?: number };

const POD_SPEC_OPTIONS = { isPod: true };

/** The pod spec checks come from the engine's extension (extensionRegistry.ts). */
function validatePod(pod: Pod, v: SpecValidation): FieldError[] {
  const errs = validateObjectMeta(pod.metadata, true, isDNS1123Subdomain);
  const specErrs = v.validatePodSpec(pod.spec as FullPodSpec, 'spec', POD_SPEC_OPTIONS);
  const podOnlyErrs = v.validatePodOnlyContainerRules(pod.spec, 'spec');
  if (specErrs.length === 0 && podOnlyErrs.length === 0) return errs;
  return [...errs, ...specErrs, ...podOnlyErrs];
}

/** validateOnlyAddedTolerations: every old toleration must survive, bar its tolerationSeconds. */
function onlyAddedTolerations(next: Toleration[], old: Toleration[]): FieldError[] {
  for (const o of old) {
    const found = next.some((n) => jsonEqual({ ...o, tolerationSeconds: n.tolerationSeconds }, n));
    if (!found) return [field.forbidden('spec.tolerations', 'existing toleration can not be modified except its tolerationSeconds')];
  }
  return [];
}

const GO_FIELD_NAMES: Record<string, string> = { dnsPolicy: 'DNSPolicy', dnsConfig: 'DNSConfig', serviceAccount: 'DeprecatedServiceAccount', hostIPC: 'HostIPC', hostPID: 'HostPID' };

/**
 * A short rendering of what changed, in the shape of the cmp.Diff the API server
 * appends (upstream prints the whole internal PodSpec diff; this lists only the
 * changed top-level fields).
 */
function specDiff(old: Record<string, unknown>, next: Record<string, unknown>): string {
  const keys = [...new Set([...Object.keys(old), ...Object.keys(next)])];
  const changed = keys.filter((k) => !jsonEqual(old[k], next[k]));
  const goName = (k: string) => GO_FIELD_NAMES[k] ?? k[0].toUpperCase() + k.slice(1);
  const lines = ['  core.PodSpec{'];
  if (keys.length > changed.length) lines.push(`  \t... // ${keys.length - changed.length} identical fields`);
  for (const k of changed) {
    if (old[k] !== undefined) lines.push(`- \t${goName(k)}: ${JSON.stringify(old[k])},`);
    if (next[k] !== undefined) lines.push(`+ \t${goName(k)}: ${JSON.stringify(next[k])},`);
  }
  lines.push('  }');
  return lines.join('\n');
}

/** ValidatePodUpdate after the create-time checks: only images, activeDeadlineSeconds, added tolerations and a grace-period fix may change. */
export function podUpdateErrors(pod: Pod, old: Pod): FieldError[] {
  const next = pod.spec as FullPodSpec;
  const prev = old.spec as FullPodSpec;
  const errs: FieldError[] = [];
  const containers = next.containers ?? [];
  if (containers.length !== (prev.containers ?? []).length) {
    return [field.forbidden('spec.containers', 'pod updates may not add or remove containers')];
  }
  containers.forEach((c, i) => {
    if (!c.image) errs.push(field.required(`spec.containers[${i}].image`));
  });
  const munged = JSON.parse(JSON.stringify(next)) as FullPodSpec;
  const copyImages = (to: Container[] | undefined, from: Container[] | undefined) =>
    (to ?? []).forEach((c, i) => {
      if (from?.[i]) c.image = from[i].image;
    });
  copyImages(munged.containers, prev.containers);
  copyImages(munged.initContainers, prev.initContainers);
  munged.activeDeadlineSeconds = prev.activeDeadlineSeconds;
  errs.push(...onlyAddedTolerations((next.tolerations ?? []) as Toleration[], (prev.tolerations ?? []) as Toleration[]));
  munged.tolerations = prev.tolerations;
  if ((prev.terminationGracePeriodSeconds ?? 0) < 0 && next.terminationGracePeriodSeconds === 1) {
    munged.terminationGracePeriodSeconds = prev.terminationGracePeriodSeconds;
  }
  if (!jsonEqual(munged, prev)) {
    const diff = specDiff(prev as unknown as Record<string, unknown>, munged as unknown as Record<string, unknown>);
    errs.push(field.forbidden('spec', `pod updates may not change fields other than ${POD_UPDATABLE_FIELDS}\n${diff}`));
  }
  return errs;
}

/**
 * The ServiceAccount admission plugin against the cluster's store. A pod in a missing or
 * terminating namespace is left to NamespaceLifecycle, which runs first upstream. The
 * plugin retries a missing `default` ServiceAccount ten times (getServiceAccount), long
 * enough for the serviceaccounts controller to create it in a namespace made moments
 * before (a file with a Namespace and a Pod): here the controller's object is created at
 * once, or, in a dry run (which must change nothing), assumed.
 */
function admitPodServiceAccount(ctx: EngineContext, pod: Pod, dryRun: boolean, newVolumeName: () => string): void {
  const namespace = pod.metadata.namespace!;
  const ns = ctx.store.get<Namespace>('Namespace', undefined, namespace);
  if (!ns || ns.metadata.deletionTimestamp || !pod.spec || typeof pod.spec !== 'object') return;
  const lookup = (name: string): ServiceAccountLike | undefined => {
    const sa = ctx.store.get<ServiceAccountLike & Pod>('ServiceAccount', namespace, name);
    if (sa || name !== DEFAULT_SERVICE_ACCOUNT_NAME) return sa;
    return dryRun ? {} : (ctx.api.create(defaultServiceAccount(namespace)) as ServiceAccountLike);
  };
  const result = admitServiceAccount(pod.spec, namespace, lookup, newVolumeName);
  if (!result.admitted) {
    // admission.NewForbidden names the pod by generateName while the name is not generated yet.
    const name = pod.metadata.name || pod.metadata.generateName || 'Unknown';
    throw apiErrors.forbidden(`pods "${name}" is forbidden: ${result.reason}`);
  }
}

/** Without `v` (the browser's first picture, extensionRegistry.ts) pods are not validated. */
export function createPodStrategy(ctx: EngineContext, v: SpecValidation | undefined): KindStrategy<Pod> {
  const validation: Pick<KindStrategy<Pod>, 'validate' | 'validateUpdate'> = v
    ? { validate: (pod) => validatePod(pod, v), validateUpdate: (pod, old) => [...validatePod(pod, v), ...podUpdateErrors(pod, old)] }
    : {};
  // The token volume's suffix comes from the auxiliary stream (apiServer.ts, auxRng), or for a
  // DaemonSet's pods from the daemon stream (randomStreamFor).
  const newVolumeName = (pod: Pod) => () => SERVICE_ACCOUNT_VOLUME_PREFIX + ctx.api.randomStreamFor('Pod', pod, ctx.api.auxRng).nameSuffix();
  return {
    info: KINDS.Pod,
    defaults(pod) {
      // PodSpec is a struct in Go: an omitted spec is still defaulted (and then fails on containers).
      if (!pod.spec || typeof pod.spec !== 'object') pod.spec = {} as Pod['spec'];
      defaultPodSpec(pod.spec);
      defaultPodOnly(pod.spec);
    },
    admit(pod, opts) {
      // The ServiceAccount plugin leaves a mirror pod's spec alone (a changed spec would make
      // its kubelet delete it again): no ServiceAccount, no token volume (admission.go Admit).
      if (isMirrorPod(pod)) return;
      admitPodServiceAccount(ctx, pod, opts.dryRun, newVolumeName(pod));
    },
    prepareForCreate(pod) {
      if (pod.spec && typeof pod.spec === 'object') admitPod(pod.spec, isMirrorPod(pod));
      pod.status = pendingStatus(podQOSClass(pod.spec ?? { containers: [] }));
    },
    ...validation,
    prepareForUpdate(pod, old) {
      if (old.status === undefined) delete pod.status;
      else pod.status = old.status;
    },
  };
}
