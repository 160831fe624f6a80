// ReplicaSet, Deployment, StatefulSet, DaemonSet and ControllerRevision strategies.
// Sources: pkg/apis/apps/v1/defaults.go; pkg/registry/apps/{replicaset,deployment,
// statefulset,daemonset,controllerrevision}/strategy.go (status reset on create and kept on
// update; apps/v1 selectors immutable); pkg/apis/apps/validation/validation.go.

import type { EngineContext } from '../../context';
import { field, type FieldError } from '../../core/errors';
import type { DaemonSet, Deployment, KubeObject, LabelSelector, ReplicaSet, StatefulSet } from '../../core/types';
import { jsonEqual } from '../apiServer';
import { KINDS } from '../kinds';
import type { KindStrategy } from '../registry';
import { isDNS1123Label, isDNS1123Subdomain, validateObjectMeta } from '../validation/common';
import { IMMUTABLE_ERROR, nonNegative } from '../validation/fields';
import { goLabelSelector } from '../validation/goValues';
import { defaultPodTemplate } from './podDefaults';
import type { SpecValidation } from '../../extensionRegistry';

type Spec = Record<string, unknown>;
type WithSpec = KubeObject & { spec: Spec; status?: unknown };

/** The registry's v1 apps types cannot change selectors (the beta groups could). */
function selectorImmutable(next: LabelSelector | undefined, old: LabelSelector | undefined): FieldError[] {
  return jsonEqual(next, old) ? [] : [field.invalidRaw('spec.selector', goLabelSelector(next), IMMUTABLE_ERROR)];
}

function keepStatus(obj: { status?: unknown }, old: { status?: unknown }): void {
  if (old.status === undefined) delete obj.status;
  else obj.status = old.status;
}

/** Spec and template are structs in Go, so defaulting reaches into them even when a manifest omits them. */
function ensureSpec(obj: WithSpec): Spec {
  if (!obj.spec || typeof obj.spec !== 'object') obj.spec = {};
  if (!obj.spec.template || typeof obj.spec.template !== 'object') obj.spec.template = {};
  return obj.spec;
}

export function defaultReplicaSet(rs: ReplicaSet): void {
  const spec = ensureSpec(rs as unknown as WithSpec) as ReplicaSet['spec'];
  if (spec.replicas === undefined || spec.replicas === null) spec.replicas = 1;
  defaultPodTemplate(spec.template);
}

export function defaultDeployment(d: Deployment): void {
  const spec = ensureSpec(d as unknown as WithSpec) as Deployment['spec'];
  if (spec.replicas === undefined || spec.replicas === null) spec.replicas = 1;
  const strategy = (spec.strategy = spec.strategy ?? {});
  if (!strategy.type) strategy.type = 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const ru = (strategy.rollingUpdate = strategy.rollingUpdate ?? {});
    if (ru.maxUnavailable === undefined || ru.maxUnavailable === null) ru.maxUnavailable = '25%';
    if (ru.maxSurge === undefined || ru.maxSurge === null) ru.maxSurge = '25%';
  }
  if (spec.revisionHistoryLimit === undefined || spec.revisionHistoryLimit === null) spec.revisionHistoryLimit = 10;
  if (spec.progressDeadlineSeconds === undefined || spec.progressDeadlineSeconds === null) spec.progressDeadlineSeconds = 600;
  defaultPodTemplate(spec.template);
}

export function defaultStatefulSet(ss: StatefulSet): void {
  const spec = ensureSpec(ss as unknown as WithSpec) as StatefulSet['spec'];
  if (!spec.podManagementPolicy) spec.podManagementPolicy = 'OrderedReady';
  const us = (spec.updateStrategy = spec.updateStrategy ?? {});
  if (!us.type) {
    us.type = 'RollingUpdate';
    us.rollingUpdate = us.rollingUpdate ?? {};
  }
  if (us.type === 'RollingUpdate' && us.rollingUpdate && (us.rollingUpdate.partition === undefined || us.rollingUpdate.partition === null)) {
    us.rollingUpdate.partition = 0;
  }
  const retention = (spec.persistentVolumeClaimRetentionPolicy = spec.persistentVolumeClaimRetentionPolicy ?? {});
  if (!retention.whenDeleted) retention.whenDeleted = 'Retain';
  if (!retention.whenScaled) retention.whenScaled = 'Retain';
  if (spec.replicas === undefined || spec.replicas === null) spec.replicas = 1;
  if (spec.revisionHistoryLimit === undefined || spec.revisionHistoryLimit === null) spec.revisionHistoryLimit = 10;
  defaultPodTemplate(spec.template);
}

// Without `v` (the browser's first picture, extensionRegistry.ts) the workload
// strategies below leave out validation: the only writers then are the bootstrap
// and the controllers, whose objects are valid.

export function createReplicaSetStrategy(_ctx: EngineContext, v: SpecValidation | undefined): KindStrategy<ReplicaSet> {
  const validate = (rs: ReplicaSet) => [...validateObjectMeta(rs.metadata, true, isDNS1123Subdomain), ...v!.validateReplicaSetSpec(rs.spec)];
  return {
    info: KINDS.ReplicaSet,
    defaults: defaultReplicaSet,
    // ReplicaSetStatus.replicas has no omitempty, so a fresh object shows `replicas: 0`.
    prepareForCreate: (rs) => void (rs.status = { replicas: 0 }),
    prepareForUpdate: keepStatus,
    ...(v && {
      validate,
      validateUpdate: (rs: ReplicaSet, old: ReplicaSet) => [...validate(rs), ...selectorImmutable(rs.spec.selector, old.spec.selector)],
    }),
  };
}

export function createDeploymentStrategy(_ctx: EngineContext, v: SpecValidation | undefined): KindStrategy<Deployment> {
  const validate = (d: Deployment) => [...validateObjectMeta(d.metadata, true, isDNS1123Subdomain), ...v!.validateDeploymentSpec(d.spec)];
  return {
    info: KINDS.Deployment,
    defaults: defaultDeployment,
    prepareForCreate: (d) => void (d.status = {}),
    prepareForUpdate(d, old) {
      keepStatus(d, old);
      // Annotations are copied to ReplicaSets, so changing them bumps the generation too.
      if (!jsonEqual(d.metadata.annotations, old.metadata.annotations)) d.metadata.generation = (old.metadata.generation ?? 0) + 1;
    },
    ...(v && {
      validate,
      validateUpdate: (d: Deployment, old: Deployment) => [...validate(d), ...selectorImmutable(d.spec.selector, old.spec.selector)],
    }),
  };
}

const STATEFULSET_UPDATABLE =
  "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";

export function createStatefulSetStrategy(_ctx: EngineContext, v: SpecValidation | undefined): KindStrategy<StatefulSet> {
  const validate = (ss: StatefulSet) => [...validateObjectMeta(ss.metadata, true, isDNS1123Label), ...v!.validateStatefulSetSpec(ss.spec)];
  return {
    info: KINDS.StatefulSet,
    defaults: defaultStatefulSet,
    // StatefulSetStatus.replicas and availableReplicas have no omitempty.
    prepareForCreate: (ss) => void (ss.status = { replicas: 0, availableReplicas: 0 }),
    prepareForUpdate: keepStatus,
    ...(v && {
      validate,
      validateUpdate(ss: StatefulSet, old: StatefulSet) {
        const errs = validate(ss);
        const mutable = ['replicas', 'template', 'updateStrategy', 'minReadySeconds', 'ordinals', 'persistentVolumeClaimRetentionPolicy'];
        const rest = (spec: Spec) => Object.fromEntries(Object.entries(spec).filter(([k]) => !mutable.includes(k)));
        if (!jsonEqual(rest(ss.spec as unknown as Spec), rest(old.spec as unknown as Spec))) errs.push(field.forbidden('spec', STATEFULSET_UPDATABLE));
        return errs;
      },
    }),
  };
}

/** SetDefaults_DaemonSet (pkg/apis/apps/v1/defaults.go): RollingUpdate, maxUnavailable 1, maxSurge 0, 10 revisions. */
export function defaultDaemonSet(ds: DaemonSet): void {
  const spec = ensureSpec(ds as unknown as WithSpec) as DaemonSet['spec'];
  const us = (spec.updateStrategy = spec.updateStrategy ?? {});
  if (!us.type) us.type = 'RollingUpdate';
  if (us.type === 'RollingUpdate') {
    const ru = (us.rollingUpdate = us.rollingUpdate ?? {});
    if (ru.maxUnavailable === undefined || ru.maxUnavailable === null) ru.maxUnavailable = 1;
    if (ru.maxSurge === undefined || ru.maxSurge === null) ru.maxSurge = 0;
  }
  if (spec.revisionHistoryLimit === undefined || spec.revisionHistoryLimit === null) spec.revisionHistoryLimit = 10;
  defaultPodTemplate(spec.template);
}

/**
 * The internal DaemonSetSpec.TemplateGeneration, which apps/v1 carries as this annotation
 * (pkg/apis/apps/v1/conversion.go): 1 on create, +1 whenever the template changes.
 */
export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';

function templateGeneration(ds: DaemonSet): number {
  const n = Number(ds.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION]);
  return Number.isInteger(n) && n > 0 ? n : 0;
}

function setTemplateGeneration(ds: DaemonSet, n: number): void {
  ds.metadata.annotations = { ...ds.metadata.annotations, [TEMPLATE_GENERATION_ANNOTATION]: String(n) };
}

export function createDaemonSetStrategy(_ctx: EngineContext, v: SpecValidation | undefined): KindStrategy<DaemonSet> {
  const validate = (ds: DaemonSet) => [...validateObjectMeta(ds.metadata, true, isDNS1123Subdomain), ...v!.validateDaemonSetSpec(ds.spec)];
  return {
    info: KINDS.DaemonSet,
    defaults: defaultDaemonSet,
    // The four counts have no omitempty (k8s.io/api/apps/v1 DaemonSetStatus).
    prepareForCreate(ds) {
      ds.status = { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 };
      if (templateGeneration(ds) < 1) setTemplateGeneration(ds, 1);
    },
    prepareForUpdate(ds, old) {
      keepStatus(ds, old);
      // Update may not set TemplateGeneration; a changed template bumps it (registry daemonset strategy.go).
      const generation = templateGeneration(old) + (jsonEqual(ds.spec.template, old.spec.template) ? 0 : 1);
      setTemplateGeneration(ds, Math.max(generation, 1));
    },
    ...(v && {
      validate,
      validateUpdate: (ds: DaemonSet, old: DaemonSet) => [...validate(ds), ...selectorImmutable(ds.spec.selector, old.spec.selector)],
    }),
  };
}

type ControllerRevision = KubeObject & { data?: unknown; revision?: number };

export function createControllerRevisionStrategy(_ctx: EngineContext): KindStrategy<ControllerRevision> {
  const validate = (cr: ControllerRevision) => {
    const errs = validateObjectMeta(cr.metadata, true, isDNS1123Subdomain);
    if (cr.data === undefined || cr.data === null) errs.push(field.required('data', 'data is mandatory'));
    errs.push(...nonNegative('revision', cr.revision ?? 0));
    return errs;
  };
  return {
    info: KINDS.ControllerRevision,
    validate,
    validateUpdate(cr, old) {
      const errs = validate(cr);
      if (!jsonEqual(cr.data, old.data)) errs.push(field.invalidRaw('data', 'runtime.RawExtension{…}', IMMUTABLE_ERROR));
      return errs;
    },
  };
}
