// Pod spec validation with the API server's texts and field paths.
// Source: pkg/apis/core/validation/validation.go (ValidatePodSpec,
// validateContainers, validateInitContainers, validateContainerCommon,
// validateContainerPorts, validateProbe, validateHandler, ValidateTolerations,
// ValidatePodTemplateSpec). Volumes are checked for their one source and their names
// (volumes.ts); security contexts and resources are not simulated and therefore not validated.

import { field, type FieldError } from '../../core/errors';
import type { Container, IntOrString, PodSpec, PodTemplateSpec, Probe } from '../../core/types';
import {
  isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue, isValidPortName, isValidPortNum, validateAnnotations,
  validateLabels,
} from './common';
import { nonNegative } from './fields';
import {
  DNS_POLICIES, ENV_NAME, type FullContainer, type FullPodSpec, MAX_INT32, podSpecIsValid, type PodSpecOptions, PREEMPTION_POLICIES,
  PROTOCOLS, PULL_POLICIES, regularContainerIsValid, RESTART_POLICIES, type Toleration, TOLERATION_EFFECTS, tolerationIsValid,
} from './podSpecClean';
import { validateVolumes } from './volumes';

export type { FullContainer, FullPodSpec, PodSpecOptions } from './podSpecClean';

const dns1123LabelField = (path: string, v: string) => isDNS1123Label(v).map((m) => field.invalid(path, v, m));
const dns1123SubdomainField = (path: string, v: string) => isDNS1123Subdomain(v).map((m) => field.invalid(path, v, m));
const qualifiedNameField = (path: string, v: string) => isQualifiedName(v).map((m) => field.invalid(path, v, m));


const list = (values: string[]) => values;

function portNumOrName(path: string, port: IntOrString | undefined): FieldError[] {
  if (typeof port === 'string') return isValidPortName(port).map((m) => field.invalid(path, port, m));
  const n = typeof port === 'number' ? port : 0;
  return isValidPortNum(n).map((m) => field.invalid(path, n, m));
}

function validateHandler(probe: Probe, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let handlers = 0;
  const one = (key: 'exec' | 'httpGet' | 'tcpSocket' | 'grpc', check: () => FieldError[]) => {
    if (probe[key] === undefined || probe[key] === null) return;
    if (handlers > 0) {
      errs.push(field.forbidden(`${path}.${key}`, 'may not specify more than 1 handler type'));
      return;
    }
    handlers++;
    errs.push(...check());
  };
  one('exec', () => ((probe.exec?.command ?? []).length === 0 ? [field.required(`${path}.exec.command`)] : []));
  one('httpGet', () => {
    const h = probe.httpGet!;
    const out: FieldError[] = [];
    if (!h.path) out.push(field.required(`${path}.httpGet.path`));
    out.push(...portNumOrName(`${path}.httpGet.port`, h.port));
    if (h.scheme !== 'HTTP' && h.scheme !== 'HTTPS') out.push(field.notSupported(`${path}.httpGet.scheme`, h.scheme ?? '', list(['HTTP', 'HTTPS'])));
    return out;
  });
  one('tcpSocket', () => portNumOrName(`${path}.tcpSocket.port`, probe.tcpSocket!.port));
  one('grpc', () => portNumOrName(`${path}.grpc.port`, probe.grpc!.port ?? 0));
  if (handlers === 0) errs.push(field.required(path, 'must specify a handler type'));
  return errs;
}

function validateProbe(probe: Probe, path: string): FieldError[] {
  const errs = validateHandler(probe, path);
  errs.push(...nonNegative(`${path}.initialDelaySeconds`, probe.initialDelaySeconds));
  errs.push(...nonNegative(`${path}.timeoutSeconds`, probe.timeoutSeconds));
  errs.push(...nonNegative(`${path}.periodSeconds`, probe.periodSeconds));
  errs.push(...nonNegative(`${path}.successThreshold`, probe.successThreshold));
  errs.push(...nonNegative(`${path}.failureThreshold`, probe.failureThreshold));
  const tgps = probe.terminationGracePeriodSeconds;
  if (typeof tgps === 'number' && tgps <= 0) errs.push(field.invalid(`${path}.terminationGracePeriodSeconds`, tgps, 'must be greater than 0'));
  return errs;
}

/** validateLivenessProbe / validateReadinessProbe / validateStartupProbe. */
function validateProbes(c: Container, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (c.livenessProbe) {
    errs.push(...validateProbe(c.livenessProbe, `${path}.livenessProbe`));
    if (c.livenessProbe.successThreshold !== 1) errs.push(field.invalid(`${path}.livenessProbe.successThreshold`, c.livenessProbe.successThreshold ?? 0, 'must be 1'));
  }
  if (c.readinessProbe) {
    errs.push(...validateProbe(c.readinessProbe, `${path}.readinessProbe`));
    if (c.readinessProbe.terminationGracePeriodSeconds !== undefined) {
      errs.push(field.invalid(`${path}.readinessProbe.terminationGracePeriodSeconds`, c.readinessProbe.terminationGracePeriodSeconds, 'must not be set for readinessProbes'));
    }
  }
  if (c.startupProbe) {
    errs.push(...validateProbe(c.startupProbe, `${path}.startupProbe`));
    if (c.startupProbe.successThreshold !== 1) errs.push(field.invalid(`${path}.startupProbe.successThreshold`, c.startupProbe.successThreshold ?? 0, 'must be 1'));
  }
  return errs;
}

/** validateContainerPorts: names are IANA_SVC_NAMEs unique within the container. */
function validateContainerPorts(c: Container, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (c.ports ?? []).forEach((port, i) => {
    const p = `${path}[${i}]`;
    if (port.name) {
      const msgs = isValidPortName(port.name);
      if (msgs.length) for (const m of msgs) errs.push(field.invalid(`${p}.name`, port.name, m));
      else if (names.has(port.name)) errs.push(field.duplicate(`${p}.name`, port.name));
      else names.add(port.name);
    }
    if (!port.containerPort) errs.push(field.required(`${p}.containerPort`));
    else for (const m of isValidPortNum(port.containerPort)) errs.push(field.invalid(`${p}.containerPort`, port.containerPort, m));
    if (port.hostPort) for (const m of isValidPortNum(port.hostPort)) errs.push(field.invalid(`${p}.hostPort`, port.hostPort, m));
    if (!port.protocol) errs.push(field.required(`${p}.protocol`));
    else if (!PROTOCOLS.includes(port.protocol)) errs.push(field.notSupported(`${p}.protocol`, port.protocol, PROTOCOLS));
  });
  return errs;
}

/** ValidateEnv with RelaxedEnvironmentVariableValidation (beta, on in v1.32). */
function validateEnv(c: Container, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (c.env ?? []).forEach((ev, i) => {
    const name = ev?.name ?? '';
    if (!name) errs.push(field.required(`${path}[${i}].name`));
    else if (!ENV_NAME.test(name)) {
      errs.push(field.invalid(`${path}[${i}].name`, name, "a valid environment variable name must consist only of printable ASCII characters other than '='"));
    }
  });
  return errs;
}

/** validateContainerCommon: what regular and init containers share. */
function validateContainerCommon(c: Container, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = c.name ?? '';
  if (!name) errs.push(field.required(`${path}.name`));
  else errs.push(...dns1123LabelField(`${path}.name`, name));
  if (!c.image) errs.push(field.required(`${path}.image`));
  const tmp = c.terminationMessagePolicy;
  if (!tmp) errs.push(field.required(`${path}.terminationMessagePolicy`));
  else if (tmp !== 'File' && tmp !== 'FallbackToLogsOnError') errs.push(field.notSupported(`${path}.terminationMessagePolicy`, tmp, ['File', 'FallbackToLogsOnError']));
  errs.push(...validateContainerPorts(c, `${path}.ports`));
  errs.push(...validateEnv(c, `${path}.env`));
  const pull = c.imagePullPolicy;
  if (!pull) errs.push(field.required(`${path}.imagePullPolicy`));
  else if (!PULL_POLICIES.includes(pull)) errs.push(field.notSupported(`${path}.imagePullPolicy`, pull, PULL_POLICIES));
  return errs;
}

function validateContainers(containers: Container[] | undefined, path: string): FieldError[] {
  if (!containers || containers.length === 0) return [field.required(path)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  containers.forEach((c, i) => {
    if (regularContainerIsValid(c) && !names.has(c.name)) {
      names.add(c.name);
      return;
    }
    const p = `${path}[${i}]`;
    errs.push(...validateContainerCommon(c, p));
    if (names.has(c.name ?? '')) errs.push(field.duplicate(`${p}.name`, c.name ?? ''));
    else names.add(c.name ?? '');
    errs.push(...validateProbes(c, p));
    if (c.restartPolicy !== undefined) errs.push(field.forbidden(`${p}.restartPolicy`, 'may not be set for non-init containers'));
  });
  return errs;
}

function validateInitContainers(inits: Container[] | undefined, regular: Container[] | undefined, path: string): FieldError[] {
  // Nothing to check (the regular containers' names are only collected to catch clashes).
  if ((inits === undefined || inits === null) && (regular === undefined || regular === null || Array.isArray(regular))) return [];
  const errs: FieldError[] = [];
  const names = new Set((regular ?? []).map((c) => c.name ?? ''));
  (inits ?? []).forEach((c, i) => {
    const p = `${path}[${i}]`;
    errs.push(...validateContainerCommon(c, p));
    const restartAlways = c.restartPolicy === 'Always';
    if (c.restartPolicy !== undefined && !restartAlways) errs.push(field.notSupported(`${p}.restartPolicy`, c.restartPolicy, ['Always']));
    if (names.has(c.name ?? '')) errs.push(field.duplicate(`${p}.name`, c.name ?? ''));
    else if (c.name) names.add(c.name);
    if (restartAlways) errs.push(...validateProbes(c, p));
    else {
      const fc = c as FullContainer;
      for (const key of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
        if (fc[key] !== undefined) errs.push(field.forbidden(`${p}.${key}`, 'may not be set for init containers without restartPolicy=Always'));
      }
    }
  });
  return errs;
}

/** ValidateTolerations. */
function validateTolerations(tolerations: Toleration[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  tolerations.forEach((t, i) => {
    if (tolerationIsValid(t)) return;
    const p = `${path}[${i}]`;
    if (t.key) for (const m of isQualifiedName(t.key)) errs.push(field.invalid(`${p}.key`, t.key, m));
    if (!t.key && t.operator !== 'Exists') {
      errs.push(field.invalid(`${p}.operator`, t.operator ?? '', 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    }
    if (t.tolerationSeconds !== undefined && t.effect !== 'NoExecute') {
      errs.push(field.invalid(`${p}.effect`, t.effect ?? '', "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    switch (t.operator ?? '') {
      case 'Equal':
      case '': {
        const msgs = isValidLabelValue(t.value ?? '');
        if (msgs.length) errs.push(field.invalid(`${p}.operator`, t.value ?? '', msgs.join(';')));
        break;
      }
      case 'Exists':
        if (t.value) errs.push(field.invalid(`${p}.operator`, t.value, "value must be empty when `operator` is 'Exists'"));
        break;
      default:
        errs.push(field.notSupported(`${p}.operator`, t.operator, ['Equal', 'Exists']));
    }
    if (t.effect && !TOLERATION_EFFECTS.includes(t.effect)) {
      errs.push(field.notSupported(`${p}.effect`, t.effect, TOLERATION_EFFECTS));
    }
  });
  return errs;
}

/** ValidatePodSpec, in upstream's order. */
export function validatePodSpec(spec: FullPodSpec | undefined, path: string, opts: PodSpecOptions): FieldError[] {
  const s = (spec ?? {}) as FullPodSpec;
  if (podSpecIsValid(s)) return [];
  return validatePodSpecFully(s, path, opts);
}

/** validatePodSpec without the clean-case shortcut (exported for the test that the two agree). */
export function validatePodSpecFully(s: FullPodSpec, path: string, opts: PodSpecOptions): FieldError[] {
  const errs: FieldError[] = [];
  if (s.terminationGracePeriodSeconds === undefined || s.terminationGracePeriodSeconds === null) errs.push(field.required(`${path}.terminationGracePeriodSeconds`));
  errs.push(...validateVolumes(s.volumes, `${path}.volumes`));
  errs.push(...validateContainers(s.containers, `${path}.containers`));
  errs.push(...validateInitContainers(s.initContainers, s.containers, `${path}.initContainers`));
  if (s.hostNetwork) {
    (s.containers ?? []).forEach((c, i) =>
      (c.ports ?? []).forEach((port, j) => {
        const hp = port.hostPort ?? 0;
        if ((opts.isPod || hp !== 0) && hp !== port.containerPort) {
          errs.push(field.invalid(`${path}.containers[${i}].ports[${j}].hostPort`, hp, 'must match `containerPort` when `hostNetwork` is true'));
        }
      }),
    );
  }
  const rp = s.restartPolicy ?? '';
  if (!rp) errs.push(field.required(`${path}.restartPolicy`));
  else if (!RESTART_POLICIES.includes(rp)) errs.push(field.notSupported(`${path}.restartPolicy`, rp, RESTART_POLICIES));
  const dp = s.dnsPolicy ?? '';
  if (!dp) errs.push(field.required(`${path}.dnsPolicy`));
  else if (!DNS_POLICIES.includes(dp)) {
    errs.push(field.notSupported(`${path}.dnsPolicy`, dp, DNS_POLICIES));
  }
  if (s.nodeSelector !== undefined) errs.push(...validateLabels(s.nodeSelector, `${path}.nodeSelector`));
  if (dp === 'None') {
    if (!s.dnsConfig) errs.push(field.required(`${path}.dnsConfig`, 'must provide `dnsConfig` when `dnsPolicy` is None'));
    else if ((s.dnsConfig.nameservers ?? []).length === 0) {
      errs.push(field.required(`${path}.dnsConfig.nameservers`, 'must provide at least one DNS nameserver when `dnsPolicy` is None'));
    }
  }
  (s.readinessGates ?? []).forEach((g, i) => errs.push(...qualifiedNameField(`${path}.readinessGates[${i}].conditionType`, g.conditionType ?? '')));
  if (s.serviceAccountName) for (const m of isDNS1123Subdomain(s.serviceAccountName)) errs.push(field.invalid(`${path}.serviceAccountName`, s.serviceAccountName, m));
  if (s.nodeName) errs.push(...dns1123SubdomainField(`${path}.nodeName`, s.nodeName));
  if (s.activeDeadlineSeconds !== undefined && (s.activeDeadlineSeconds < 1 || s.activeDeadlineSeconds > MAX_INT32)) {
    errs.push(field.invalid(`${path}.activeDeadlineSeconds`, s.activeDeadlineSeconds, `must be between 1 and ${MAX_INT32}, inclusive`));
  }
  if (s.hostname) errs.push(...dns1123LabelField(`${path}.hostname`, s.hostname));
  if (s.subdomain) errs.push(...dns1123LabelField(`${path}.subdomain`, s.subdomain));
  if (s.tolerations?.length) errs.push(...validateTolerations(s.tolerations as Toleration[], `${path}.tolerations`));
  if (s.preemptionPolicy !== undefined && !PREEMPTION_POLICIES.includes(s.preemptionPolicy)) {
    if (!s.preemptionPolicy) errs.push(field.required(`${path}.preemptionPolicy`));
    else errs.push(field.notSupported(`${path}.preemptionPolicy`, s.preemptionPolicy, PREEMPTION_POLICIES));
  }
  return errs;
}

/** validateContainersOnlyForPod: checks a Pod makes that a template does not. */
export function validatePodOnlyContainerRules(spec: PodSpec | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  imageWhitespaceErrors(errs, spec?.containers, path, 'containers');
  imageWhitespaceErrors(errs, spec?.initContainers, path, 'initContainers');
  return errs;
}

function imageWhitespaceErrors(errs: FieldError[], list: Container[] | undefined, path: string, key: string): void {
  // validatePodSpec, run first, has thrown on lists that are not arrays.
  if (list === undefined || list === null) return;
  for (let i = 0; i < list.length; i++) {
    const image = list[i].image ?? '';
    if (image.length !== image.trim().length) errs.push(field.invalid(`${path}.${key}[${i}].image`, image, 'must not have leading or trailing whitespace'));
  }
}

/** ValidatePodTemplateSpec: note the labels path is `<template>.labels`, not `.metadata.labels`. */
export function validatePodTemplateSpec(template: PodTemplateSpec | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  errs.push(...validateLabels(template?.metadata?.labels, `${path}.labels`));
  errs.push(...validateAnnotations(template?.metadata?.annotations, `${path}.annotations`));
  errs.push(...validatePodSpec(template?.spec as FullPodSpec | undefined, `${path}.spec`, { isPod: false }));
  if ((template?.spec as FullPodSpec | undefined)?.ephemeralContainers?.length) {
    errs.push(field.forbidden(`${path}.spec.ephemeralContainers`, 'ephemeral containers not allowed in pod template'));
  }
  return errs;
}
