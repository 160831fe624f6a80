// The clean-case checks of pod spec validation: predicates that hold exactly when the
// validators in podSpec.ts report nothing (cases they do not look into answer false, and the
// full checks run). Every pod the API server admits is checked, and nearly all are clean, so
// they build no paths, messages or lists. Also the spec types and enums both files use.

import type { Container, PodSpec } from '../../core/types';
import {
  labelsAreValid, validDNS1123Label, validDNS1123Subdomain, validLabelValue, validPortName, validPortNum, validQualifiedName,
} from './common';
import { volumesAreValid } from './volumes';

/** Fields of the v1 PodSpec that the shared type leaves out but validation reads. */
export type FullPodSpec = PodSpec & {
  activeDeadlineSeconds?: number;
  preemptionPolicy?: string;
  dnsConfig?: { nameservers?: string[]; searches?: string[]; options?: { name?: string }[] };
  ephemeralContainers?: unknown[];
  volumes?: unknown;
};
export type FullContainer = Container & { lifecycle?: unknown; envFrom?: unknown[] };
export type Toleration = { key?: string; operator?: string; value?: string; effect?: string; tolerationSeconds?: number };

export interface PodSpecOptions {
  /** The spec belongs to a Pod, not a template inside a workload (opts.ResourceIsPod). */
  isPod: boolean;
}

export const MAX_INT32 = 2147483647;
export const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
export const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
export const TOLERATION_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
export const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
export const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
export const PREEMPTION_POLICIES = ['PreemptLowerPriority', 'Never'];
/** RelaxedEnvironmentVariableValidation: printable ASCII other than '='. */
export const ENV_NAME = /^[\x20-\x3c\x3e-\x7e]+$/;

/** validateContainerPorts reports nothing: valid, unique names; valid numbers; a known protocol. */
function containerPortsAreValid(ports: Container['ports']): boolean {
  if (ports === undefined || ports === null) return true;
  if (!Array.isArray(ports)) return false;
  for (let i = 0; i < ports.length; i++) {
    const port = ports[i];
    if (!port || typeof port !== 'object') return false;
    if (port.name) {
      if (!validPortName(port.name)) return false;
      for (let j = 0; j < i; j++) if (ports[j].name === port.name) return false;
    }
    if (!port.containerPort || !validPortNum(port.containerPort)) return false;
    if (port.hostPort && !validPortNum(port.hostPort)) return false;
    if (!port.protocol || !PROTOCOLS.includes(port.protocol)) return false;
  }
  return true;
}

/** validateEnv reports nothing. */
function envIsValid(env: Container['env']): boolean {
  if (env === undefined || env === null) return true;
  if (!Array.isArray(env)) return false;
  for (const ev of env) {
    const name = ev?.name ?? '';
    if (!name || !ENV_NAME.test(name)) return false;
  }
  return true;
}

/** validateContainerCommon, validateProbes and the restartPolicy rule of a regular container report nothing (probes: not looked into). */
export function regularContainerIsValid(c: Container): boolean {
  if (!c || typeof c !== 'object') return false;
  if (!c.name || !validDNS1123Label(c.name) || !c.image) return false;
  if (c.terminationMessagePolicy !== 'File' && c.terminationMessagePolicy !== 'FallbackToLogsOnError') return false;
  if (!c.imagePullPolicy || !PULL_POLICIES.includes(c.imagePullPolicy)) return false;
  if (c.livenessProbe || c.readinessProbe || c.startupProbe || c.restartPolicy !== undefined) return false;
  return containerPortsAreValid(c.ports) && envIsValid(c.env);
}

/** One toleration passes every rule of validateTolerations. */
export function tolerationIsValid(t: Toleration): boolean {
  if (!t || typeof t !== 'object') return false;
  if (t.key ? !validQualifiedName(t.key) : t.operator !== 'Exists') return false;
  if (t.tolerationSeconds !== undefined && t.effect !== 'NoExecute') return false;
  const operator = t.operator ?? '';
  if (operator === 'Equal' || operator === '') {
    if (!validLabelValue(t.value ?? '')) return false;
  } else if (operator !== 'Exists' || t.value) {
    return false;
  }
  return !t.effect || TOLERATION_EFFECTS.includes(t.effect);
}

/** Every toleration passes validateTolerations (which runs only on a non-empty list). */
function tolerationsAreValid(tolerations: unknown): boolean {
  const list = tolerations as Toleration[] | undefined;
  if (!list?.length) return true;
  if (!Array.isArray(list)) return false;
  for (let i = 0; i < list.length; i++) if (!tolerationIsValid(list[i])) return false;
  return true;
}

/**
 * validatePodSpec reports nothing. Init containers, host networking, dnsPolicy None and
 * readiness gates are not looked into (the answer is false and the full checks run).
 */
export function podSpecIsValid(s: FullPodSpec): boolean {
  if (s.terminationGracePeriodSeconds === undefined || s.terminationGracePeriodSeconds === null) return false;
  if (!volumesAreValid(s.volumes)) return false;
  const containers = s.containers;
  if (!Array.isArray(containers) || containers.length === 0) return false;
  for (let i = 0; i < containers.length; i++) {
    const c = containers[i];
    if (!regularContainerIsValid(c)) return false;
    for (let j = 0; j < i; j++) if (containers[j].name === c.name) return false;
  }
  if ((s.initContainers !== undefined && s.initContainers !== null) || s.hostNetwork) return false;
  if (!s.restartPolicy || !RESTART_POLICIES.includes(s.restartPolicy)) return false;
  if (!s.dnsPolicy || s.dnsPolicy === 'None' || !DNS_POLICIES.includes(s.dnsPolicy)) return false;
  if (s.nodeSelector !== undefined && !labelsAreValid(s.nodeSelector)) return false;
  const gates = s.readinessGates;
  if (gates !== undefined && gates !== null && !(Array.isArray(gates) && gates.length === 0)) return false;
  if (s.serviceAccountName && !validDNS1123Subdomain(s.serviceAccountName)) return false;
  if (s.nodeName && !validDNS1123Subdomain(s.nodeName)) return false;
  if (s.activeDeadlineSeconds !== undefined && (s.activeDeadlineSeconds < 1 || s.activeDeadlineSeconds > MAX_INT32)) return false;
  if ((s.hostname && !validDNS1123Label(s.hostname)) || (s.subdomain && !validDNS1123Label(s.subdomain))) return false;
  if (!tolerationsAreValid(s.tolerations)) return false;
  return s.preemptionPolicy === undefined || PREEMPTION_POLICIES.includes(s.preemptionPolicy);
}

