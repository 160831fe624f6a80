// apps/v1 spec validation for ReplicaSet, Deployment and StatefulSet.
// Source: pkg/apis/apps/validation/validation.go (ValidateReplicaSetSpec,
// ValidateDeploymentSpec, ValidateDeploymentStrategy, ValidateRollingUpdateDeployment,
// ValidateStatefulSetSpec, ValidatePodTemplateSpecForReplicaSet/ForStatefulSet).

import { field, type FieldError, goQuote } from '../../core/errors';
import type { DaemonSet, Deployment, IntOrString, LabelSelector, PodTemplateSpec, StatefulSet } from '../../core/types';
import { regexError, validateAnnotations, validateLabels } from '../validation/common';
import { nonNegative } from '../validation/fields';
import { goIntOrString, goLabelSelector } from '../validation/goValues';
import { isEmptySelector, selectorConvertible, templateLabelsMismatch, validateLabelSelector } from '../validation/labelSelector';
import { type FullPodSpec, validatePodTemplateSpec } from '../validation/podSpec';

/** The selector checks every apps kind shares; `kindWord` is the word upstream puts in the empty-selector message. */
function validateSelector(sel: LabelSelector | undefined, kindWord: string): FieldError[] {
  if (!sel) return [field.required('spec.selector')];
  const errs = validateLabelSelector(sel, 'spec.selector');
  if (isEmptySelector(sel)) errs.push(field.invalidRaw('spec.selector', goLabelSelector(sel), `empty selector is invalid for ${kindWord}`));
  return errs;
}

/** ValidatePodTemplateSpecForReplicaSet (also used by Deployments). */
function validateTemplateForReplicaSet(sel: LabelSelector | undefined, template: PodTemplateSpec | undefined, kind: string): FieldError[] {
  if (sel && !selectorConvertible(sel)) return [field.invalidRaw('spec.selector', goLabelSelector(sel), 'invalid label selector')];
  if (!template) return [field.required('spec.template')];
  const errs = templateLabelsMismatch(sel, template.metadata?.labels, 'spec.template');
  errs.push(...validatePodTemplateSpec(template, 'spec.template'));
  const spec = (template.spec ?? {}) as FullPodSpec;
  if (spec.restartPolicy !== 'Always') errs.push(field.notSupported('spec.template.spec.restartPolicy', spec.restartPolicy ?? '', ['Always']));
  if (spec.activeDeadlineSeconds !== undefined) errs.push(field.forbidden('spec.template.spec.activeDeadlineSeconds', `activeDeadlineSeconds in ${kind} is not Supported`));
  return errs;
}

export function validateReplicaSetSpec(spec: { replicas?: number; minReadySeconds?: number; selector?: LabelSelector; template?: PodTemplateSpec }): FieldError[] {
  return [
    ...nonNegative('spec.replicas', spec.replicas),
    ...nonNegative('spec.minReadySeconds', spec.minReadySeconds),
    // Upstream says "deployment" for ReplicaSets too.
    ...validateSelector(spec.selector, 'deployment'),
    ...validateTemplateForReplicaSet(spec.selector, spec.template, 'ReplicaSet'),
  ];
}

const PERCENT_RE = /^[0-9]+%$/;

/** ValidatePositiveIntOrPercent. */
function positiveIntOrPercent(path: string, v: IntOrString | undefined): FieldError[] {
  if (typeof v === 'string') {
    return PERCENT_RE.test(v)
      ? []
      : [field.invalidRaw(path, goIntOrString(v), regexError("a valid percent string must be a numeric string followed by an ending '%'", '[0-9]+%', '1%', '93%'))];
  }
  return nonNegative(path, v ?? 0);
}

/** getIntOrPercentValue: a percent's number, else the integer (strconv.Atoi of a plain string). */
function intOrPercentValue(v: IntOrString | undefined): number {
  if (typeof v === 'string') {
    if (PERCENT_RE.test(v)) return Number(v.slice(0, -1));
    return /^-?\d+$/.test(v) ? Number(v) : 0;
  }
  return v ?? 0;
}

function deploymentStrategyErrors(strategy: Deployment['spec']['strategy']): FieldError[] {
  const s = strategy ?? {};
  const ru = s.rollingUpdate;
  switch (s.type) {
    case 'Recreate':
      return ru ? [field.forbidden('spec.strategy.rollingUpdate', "may not be specified when strategy `type` is 'Recreate'")] : [];
    case 'RollingUpdate': {
      if (!ru) return [field.required('spec.strategy.rollingUpdate', 'this should be defaulted and never be nil')];
      const path = 'spec.strategy.rollingUpdate';
      const errs = [...positiveIntOrPercent(`${path}.maxUnavailable`, ru.maxUnavailable), ...positiveIntOrPercent(`${path}.maxSurge`, ru.maxSurge)];
      if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
        errs.push(field.invalidRaw(`${path}.maxUnavailable`, goIntOrString(ru.maxUnavailable), 'may not be 0 when `maxSurge` is 0'));
      }
      if (typeof ru.maxUnavailable === 'string' && PERCENT_RE.test(ru.maxUnavailable) && intOrPercentValue(ru.maxUnavailable) > 100) {
        errs.push(field.invalidRaw(`${path}.maxUnavailable`, goIntOrString(ru.maxUnavailable), 'must not be greater than 100%'));
      }
      return errs;
    }
    default: {
      const rendered = `apps.DeploymentStrategy{Type:${goQuote(String(s.type ?? ''))}, RollingUpdate:(*apps.RollingUpdateDeployment)(${ru ? '0xc000a1e000' : 'nil'})}`;
      return [{ type: 'FieldValueNotSupported', field: 'spec.strategy', value: rendered, detail: 'supported values: "Recreate", "RollingUpdate"' }];
    }
  }
}

export function validateDeploymentSpec(spec: Deployment['spec']): FieldError[] {
  const errs = [
    ...nonNegative('spec.replicas', spec.replicas),
    ...validateSelector(spec.selector, 'deployment'),
    ...validateTemplateForReplicaSet(spec.selector, spec.template, 'ReplicaSet'),
    ...deploymentStrategyErrors(spec.strategy),
    ...nonNegative('spec.minReadySeconds', spec.minReadySeconds),
  ];
  if (spec.revisionHistoryLimit !== undefined) errs.push(...nonNegative('spec.revisionHistoryLimit', spec.revisionHistoryLimit));
  if (spec.progressDeadlineSeconds !== undefined) {
    errs.push(...nonNegative('spec.progressDeadlineSeconds', spec.progressDeadlineSeconds));
    if (spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0)) {
      errs.push(field.invalid('spec.progressDeadlineSeconds', spec.progressDeadlineSeconds, 'must be greater than minReadySeconds'));
    }
  }
  return errs;
}

type StatefulSetSpec = StatefulSet['spec'] & { minReadySeconds?: number; ordinals?: { start?: number } };
type StatefulSetRollingUpdate = { partition?: number; maxUnavailable?: IntOrString };

function retentionPolicyType(path: string, v: string | undefined): FieldError[] {
  return v === 'Retain' || v === 'Delete' ? [] : [field.notSupported(path, v ?? '', ['Retain', 'Delete'])];
}

export function validateStatefulSetSpec(spec: StatefulSetSpec): FieldError[] {
  const errs: FieldError[] = [];
  const pmp = spec.podManagementPolicy ?? '';
  if (!pmp) errs.push(field.required('spec.podManagementPolicy'));
  else if (pmp !== 'OrderedReady' && pmp !== 'Parallel') errs.push(field.invalid('spec.podManagementPolicy', pmp, "must be 'OrderedReady' or 'Parallel'"));
  const us = spec.updateStrategy ?? {};
  const ru = us.rollingUpdate as StatefulSetRollingUpdate | undefined;
  switch (us.type ?? '') {
    case '':
      errs.push(field.required('spec.updateStrategy'));
      break;
    case 'OnDelete':
      if (ru) errs.push(field.invalidRaw('spec.updateStrategy.rollingUpdate', `&apps.RollingUpdateStatefulSetStrategy{Partition:${ru.partition ?? 0}, MaxUnavailable:(*intstr.IntOrString)(nil)}`, "only allowed for updateStrategy 'RollingUpdate'"));
      break;
    case 'RollingUpdate':
      if (ru) errs.push(...nonNegative('spec.updateStrategy.rollingUpdate.partition', ru.partition ?? 0));
      break;
    default:
      errs.push(field.invalidRaw('spec.updateStrategy', `apps.StatefulSetUpdateStrategy{Type:${goQuote(String(us.type))}, RollingUpdate:(*apps.RollingUpdateStatefulSetStrategy)(${ru ? '0xc000a1e000' : 'nil'})}`, "must be 'RollingUpdate' or 'OnDelete'"));
  }
  const retention = spec.persistentVolumeClaimRetentionPolicy;
  if (retention) {
    errs.push(...retentionPolicyType('spec.persistentVolumeClaimRetentionPolicy.whenDeleted', retention.whenDeleted));
    errs.push(...retentionPolicyType('spec.persistentVolumeClaimRetentionPolicy.whenScaled', retention.whenScaled));
  }
  errs.push(...nonNegative('spec.replicas', spec.replicas), ...nonNegative('spec.minReadySeconds', spec.minReadySeconds));
  if (spec.ordinals) errs.push(...nonNegative('spec.ordinals.start', spec.ordinals.start ?? 0));
  errs.push(...validateSelector(spec.selector, 'statefulset'));
  if (spec.selector && !selectorConvertible(spec.selector)) {
    errs.push(field.invalidRaw('spec.selector', goLabelSelector(spec.selector), ''));
  } else {
    // ValidatePodTemplateSpecForStatefulSet checks labels and annotations only, not the pod spec.
    const t = spec.template;
    errs.push(...templateLabelsMismatch(spec.selector, t?.metadata?.labels, 'spec.template'));
    errs.push(...validateLabels(t?.metadata?.labels, 'spec.template.labels'), ...validateAnnotations(t?.metadata?.annotations, 'spec.template.annotations'));
  }
  const podSpec = (spec.template?.spec ?? {}) as FullPodSpec;
  if (podSpec.restartPolicy !== 'Always') errs.push(field.notSupported('spec.template.spec.restartPolicy', podSpec.restartPolicy ?? '', ['Always']));
  if (podSpec.activeDeadlineSeconds !== undefined) errs.push(field.forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in StatefulSet is not Supported'));
  return errs;
}

type DaemonSetSpec = DaemonSet['spec'];

/** ValidateRollingUpdateDaemonSet: exactly one of maxUnavailable and maxSurge is non-zero. */
function rollingUpdateDaemonSetErrors(ru: NonNullable<NonNullable<DaemonSetSpec['updateStrategy']>['rollingUpdate']>, path: string): FieldError[] {
  const errs = [...positiveIntOrPercent(`${path}.maxUnavailable`, ru.maxUnavailable), ...positiveIntOrPercent(`${path}.maxSurge`, ru.maxSurge)];
  for (const [name, v] of [['maxUnavailable', ru.maxUnavailable], ['maxSurge', ru.maxSurge]] as const) {
    if (typeof v === 'string' && PERCENT_RE.test(v) && intOrPercentValue(v) > 100) errs.push(field.invalidRaw(`${path}.${name}`, goIntOrString(v), 'must not be greater than 100%'));
  }
  const hasUnavailable = intOrPercentValue(ru.maxUnavailable) !== 0;
  const hasSurge = intOrPercentValue(ru.maxSurge) !== 0;
  if (hasUnavailable && hasSurge) errs.push(field.invalidRaw(`${path}.maxSurge`, goIntOrString(ru.maxSurge), 'may not be set when maxUnavailable is non-zero'));
  else if (!hasUnavailable && !hasSurge) errs.push(field.required(`${path}.maxUnavailable`, 'cannot be 0 when maxSurge is 0'));
  return errs;
}

/** ValidateDaemonSetUpdateStrategy. */
function daemonSetUpdateStrategyErrors(us: DaemonSetSpec['updateStrategy']): FieldError[] {
  const s = us ?? {};
  switch (s.type ?? '') {
    case 'OnDelete':
      return [];
    case 'RollingUpdate':
      return s.rollingUpdate ? rollingUpdateDaemonSetErrors(s.rollingUpdate, 'spec.updateStrategy.rollingUpdate') : [field.required('spec.updateStrategy.rollingUpdate')];
    default: {
      const ru = s.rollingUpdate ? '0xc000a1e000' : 'nil';
      const rendered = `apps.DaemonSetUpdateStrategy{Type:${goQuote(String(s.type ?? ''))}, RollingUpdate:(*apps.RollingUpdateDaemonSet)(${ru})}`;
      return [{ type: 'FieldValueNotSupported', field: 'spec.updateStrategy', value: rendered, detail: 'supported values: "RollingUpdate", "OnDelete"' }];
    }
  }
}

/**
 * ValidateDaemonSetSpec: no "Required" for a missing selector (a nil selector selects nothing,
 * so only the template-labels error shows), the full pod template check, restartPolicy Always.
 */
export function validateDaemonSetSpec(spec: DaemonSetSpec & { minReadySeconds?: number }): FieldError[] {
  const errs = validateLabelSelector(spec.selector, 'spec.selector');
  if (!spec.selector || selectorConvertible(spec.selector)) errs.push(...templateLabelsMismatch(spec.selector, spec.template?.metadata?.labels, 'spec.template'));
  if (spec.selector && isEmptySelector(spec.selector)) errs.push(field.invalidRaw('spec.selector', goLabelSelector(spec.selector), 'empty selector is invalid for daemonset'));
  errs.push(...validatePodTemplateSpec(spec.template, 'spec.template'));
  const podSpec = (spec.template?.spec ?? {}) as FullPodSpec;
  if (podSpec.restartPolicy !== 'Always') errs.push(field.notSupported('spec.template.spec.restartPolicy', podSpec.restartPolicy ?? '', ['Always']));
  if (podSpec.activeDeadlineSeconds !== undefined) errs.push(field.forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in DaemonSet is not Supported'));
  errs.push(...nonNegative('spec.minReadySeconds', spec.minReadySeconds));
  errs.push(...daemonSetUpdateStrategyErrors(spec.updateStrategy));
  if (spec.revisionHistoryLimit !== undefined) errs.push(...nonNegative('spec.revisionHistoryLimit', spec.revisionHistoryLimit));
  return errs;
}
