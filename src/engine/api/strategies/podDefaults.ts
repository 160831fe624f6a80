// v1 defaulting of pod specs (used for Pods and for the templates inside
// workloads), the admission plugins that complete a Pod on create, and QoS.
// Sources: pkg/apis/core/v1/defaults.go (SetDefaults_PodSpec, SetDefaults_Pod,
// SetDefaults_Container, SetDefaults_Probe, SetDefaults_HTTPGetAction, SetDefaults_Volume) and the
// declarative `+default` markers in zz_generated.defaults.go (port protocol,
// grpc service); plugin/pkg/admission/{serviceaccount,defaulttolerationseconds,priority};
// pkg/apis/core/helper/qos (GetPodQOS).

import { deepFreeze } from '../../core/store';
import type { Container, ObjectMeta, Pod, PodSpec, PodTemplateSpec, Probe } from '../../core/types';
import { hasNoVolumeSource } from '../validation/volumeSources';

type ContainerResources = { limits?: Record<string, unknown>; requests?: Record<string, unknown> };

/*
 * Constant parts that defaulting and admission add to every pod are shared, frozen objects:
 * the same JSON, but held once instead of once per pod. Nothing writes into them between
 * defaulting and storage (the store freezes what it keeps anyway), and a later write starts
 * from a copy (the API server's clone) or builds new parts.
 */
const EMPTY: Record<string, unknown> = Object.freeze({});

/** A struct default (`{}`): the shared empty object, also in place of an empty one the request carried. */
function emptyStruct(value: unknown): boolean {
  if (value === undefined || value === null || value === EMPTY) return true;
  if (typeof value !== 'object' || Array.isArray(value) || Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const _ in value) return false;
  return true;
}
type PodSpecWithAdmission = PodSpec & { serviceAccount?: string; preemptionPolicy?: string; priorityClassName?: string };

/** parsers.ParseImageName: no tag and no digest means `latest`. */
export function defaultPullPolicy(image: string | undefined): 'Always' | 'IfNotPresent' {
  const ref = image ?? '';
  const at = ref.indexOf('@');
  const named = at >= 0 ? ref.slice(0, at) : ref;
  const lastPart = named.slice(named.lastIndexOf('/') + 1);
  const colon = lastPart.lastIndexOf(':');
  const tag = colon >= 0 ? lastPart.slice(colon + 1) : at >= 0 ? '' : 'latest';
  return tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultProbe(p: Probe | undefined): void {
  if (!p || typeof p !== 'object') return;
  // A 0 means "unset" for these (Go zero values), so they are defaulted too.
  if (!p.timeoutSeconds) p.timeoutSeconds = 1;
  if (!p.periodSeconds) p.periodSeconds = 10;
  if (!p.successThreshold) p.successThreshold = 1;
  if (!p.failureThreshold) p.failureThreshold = 3;
  if (p.httpGet) {
    if (!p.httpGet.path) p.httpGet.path = '/';
    if (!p.httpGet.scheme) p.httpGet.scheme = 'HTTP';
  }
  if (p.grpc && p.grpc.service === undefined) p.grpc.service = '';
}

function defaultContainer(c: Container, hostNetwork: boolean): void {
  if (!c || typeof c !== 'object') return;
  if (!c.imagePullPolicy) c.imagePullPolicy = defaultPullPolicy(c.image);
  if (!c.terminationMessagePath) c.terminationMessagePath = '/dev/termination-log';
  if (!c.terminationMessagePolicy) c.terminationMessagePolicy = 'File';
  // ResourceRequirements is a struct, not a pointer: it always serialises, as `{}` when empty.
  if (!c.resources || emptyStruct(c.resources)) c.resources = EMPTY;
  for (const port of c.ports ?? []) {
    if (!port.protocol) port.protocol = 'TCP';
    if (hostNetwork && !port.hostPort) port.hostPort = port.containerPort;
  }
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
}

/** SetDefaults_PodSpec plus per-container defaults; applies to Pods and templates alike. */
export function defaultPodSpec(spec: PodSpec | undefined): void {
  if (!spec || typeof spec !== 'object') return;
  if (!spec.dnsPolicy) spec.dnsPolicy = 'ClusterFirst';
  if (!spec.restartPolicy) spec.restartPolicy = 'Always';
  if (!spec.securityContext || emptyStruct(spec.securityContext)) spec.securityContext = EMPTY;
  if (spec.terminationGracePeriodSeconds === undefined || spec.terminationGracePeriodSeconds === null) spec.terminationGracePeriodSeconds = 30;
  if (!spec.schedulerName) spec.schedulerName = 'default-scheduler';
  const hostNetwork = !!spec.hostNetwork;
  if (Array.isArray(spec.containers)) for (const c of spec.containers) defaultContainer(c, hostNetwork);
  if (Array.isArray(spec.initContainers)) for (const c of spec.initContainers) defaultContainer(c, hostNetwork);
  const volumes = (spec as { volumes?: unknown }).volumes;
  if (Array.isArray(volumes)) for (const v of volumes) defaultVolume(v);
}

/** SetDefaults_Volume: a volume that names no source gets `emptyDir: {}` (so "must specify a volume type" is never reached through v1). */
function defaultVolume(volume: unknown): void {
  if (!volume || typeof volume !== 'object' || Array.isArray(volume)) return;
  const v = volume as Record<string, unknown>;
  if (hasNoVolumeSource(v)) v.emptyDir = {};
}

/** SetDefaults_Pod: what only a Pod (not a template) gets. */
export function defaultPodOnly(spec: PodSpec | undefined): void {
  if (!spec || typeof spec !== 'object') return;
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
    const r = c?.resources as ContainerResources | undefined;
    if (r?.limits) r.requests = { ...r.limits, ...(r.requests ?? {}) };
  }
  if (spec.enableServiceLinks === undefined || spec.enableServiceLinks === null) spec.enableServiceLinks = true;
}

/** The template of a workload: the pod spec defaults, and `creationTimestamp: null` as v1.32 serialises an empty ObjectMeta time. */
export function defaultPodTemplate(template: PodTemplateSpec | undefined): void {
  if (!template || typeof template !== 'object') return;
  template.metadata = template.metadata ?? {};
  const meta: ObjectMeta = template.metadata;
  if (meta.creationTimestamp === undefined) meta.creationTimestamp = null;
  // PodTemplateSpec.spec is a struct, so it is defaulted even when the manifest omits it.
  if (!template.spec || typeof template.spec !== 'object') template.spec = {} as PodSpec;
  defaultPodSpec(template.spec);
}

type Toleration = { key?: string; operator?: string; effect?: string; tolerationSeconds?: number };

/** The taints DefaultTolerationSeconds covers: node.kubernetes.io/not-ready and /unreachable. */
const NO_EXECUTE_TAINT_KEYS = ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'];
const defaultToleration = (key: string): Toleration => deepFreeze({ effect: 'NoExecute', key, operator: 'Exists', tolerationSeconds: 300 });
const DEFAULT_TOLERATIONS: Record<string, Toleration> = Object.fromEntries(NO_EXECUTE_TAINT_KEYS.map((key) => [key, defaultToleration(key)]));
/** What a pod without tolerations gets: both, as one shared frozen list. */
const BOTH_DEFAULT_TOLERATIONS = Object.freeze(NO_EXECUTE_TAINT_KEYS.map((key) => DEFAULT_TOLERATIONS[key])) as Toleration[];

function toleratesNoExecute(tolerations: Toleration[], key: string): boolean {
  return tolerations.some((t) => (!t.key || t.key === key) && (!t.effect || t.effect === 'NoExecute'));
}

/**
 * The PriorityClasses every API server creates (pkg/apis/scheduling/types.go
 * SystemPriorityClasses: SystemCriticalPriority = 2000000000, node-critical 1000 above it).
 * The playground serves no PriorityClass kind; the Priority plugin reads these two.
 */
const SYSTEM_PRIORITY_CLASSES: Record<string, number> = { 'system-cluster-critical': 2000000000, 'system-node-critical': 2000001000 };

/**
 * Admission on Pod create: ServiceAccount (serviceAccountName `default`, and the
 * deprecated `serviceAccount` mirror set by v1 conversion; not for a mirror pod), Priority
 * (the system class's value, else priority 0,
 * preemptionPolicy PreemptLowerPriority) and DefaultTolerationSeconds (300 s for
 * not-ready and unreachable NoExecute taints, unless the pod tolerates them already).
 */
export function admitPod(spec: PodSpec, mirror = false): void {
  const s = spec as PodSpecWithAdmission;
  if (!mirror) {
    if (!s.serviceAccountName) s.serviceAccountName = s.serviceAccount || 'default';
    s.serviceAccount = s.serviceAccountName;
  }
  if (s.priority === undefined) s.priority = (s.priorityClassName && SYSTEM_PRIORITY_CLASSES[s.priorityClassName]) || 0;
  if (!s.preemptionPolicy) s.preemptionPolicy = 'PreemptLowerPriority';
  const tolerations = (s.tolerations ?? []) as Toleration[];
  if (Array.isArray(tolerations) && tolerations.length === 0) {
    s.tolerations = BOTH_DEFAULT_TOLERATIONS;
    return;
  }
  let added: Toleration[] | undefined;
  for (const key of NO_EXECUTE_TAINT_KEYS) {
    if (!toleratesNoExecute(tolerations, key)) (added ??= []).push(DEFAULT_TOLERATIONS[key]);
  }
  if (added) s.tolerations = [...tolerations, ...added];
}

const PENDING_STATUS = {
  BestEffort: deepFreeze({ phase: 'Pending', qosClass: 'BestEffort' }),
  Burstable: deepFreeze({ phase: 'Pending', qosClass: 'Burstable' }),
  Guaranteed: deepFreeze({ phase: 'Pending', qosClass: 'Guaranteed' }),
} as const;

/** A new Pod's status: Pending with its QoS class (shared, frozen: the kubelet's writes build new ones). */
export function pendingStatus(qosClass: keyof typeof PENDING_STATUS): Pod['status'] {
  return PENDING_STATUS[qosClass] as Pod['status'];
}

const QOS_RESOURCES = ['cpu', 'memory'];
const NO_QUANTITIES: Record<string, unknown> = Object.freeze({});

/** GetPodQOS: BestEffort without any cpu/memory request or limit; Guaranteed when limits equal requests everywhere. */
export function podQOSClass(spec: PodSpec): 'BestEffort' | 'Burstable' | 'Guaranteed' {
  const regular = spec.containers ?? [];
  const inits = spec.initContainers ?? [];
  // Without init containers the regular list is walked as it is, not copied.
  const containers = Array.isArray(inits) && inits.length === 0 && Array.isArray(regular) ? regular : [...regular, ...inits];
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const r = (c.resources ?? NO_QUANTITIES) as ContainerResources;
    const requests = r.requests ?? NO_QUANTITIES;
    const limits = r.limits ?? NO_QUANTITIES;
    for (const name of QOS_RESOURCES) {
      if (requests[name] !== undefined || limits[name] !== undefined) any = true;
      if (limits[name] === undefined || String(requests[name] ?? limits[name]) !== String(limits[name])) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
