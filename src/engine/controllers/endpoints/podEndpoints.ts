// What the Endpoints and EndpointSlice controllers share: which pods count,
// readiness, hostnames, and the per-pod resolution of a Service's targetPort.
// Sources: staging/src/k8s.io/endpointslice/util/controller_utils.go
// (ShouldPodBeInEndpoints, ShouldSetHostname, podEndpointsChanged, IsPodReady)
// and staging/src/k8s.io/endpointslice/utils.go (FindPort, isServiceIPSet).

import { parseTimestamp } from '../../core/clock';
import type { KubeObject, Pod, Service, ServicePort } from '../../core/types';

/** discovery.LabelServiceName */
export const LABEL_SERVICE_NAME = 'kubernetes.io/service-name';
/** discovery.LabelManagedBy */
export const LABEL_MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
/** discovery.LabelSkipMirror */
export const LABEL_SKIP_MIRROR = 'endpointslice.kubernetes.io/skip-mirror';
/** v1.IsHeadlessService */
export const LABEL_HEADLESS = 'service.kubernetes.io/headless';
/** v1.EndpointsLastChangeTriggerTime */
export const ANNOTATION_TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time';
/** v1.EndpointsOverCapacity */
export const ANNOTATION_OVER_CAPACITY = 'endpoints.kubernetes.io/over-capacity';
export const ANNOTATION_LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
/** Leader-election records live on Endpoints objects; neither controller touches those. */
export const ANNOTATION_LEADER = 'control-plane.alpha.kubernetes.io/leader';

export const ENDPOINTSLICE_CONTROLLER = 'endpointslice-controller.k8s.io';
export const MIRRORING_CONTROLLER = 'endpointslicemirroring-controller.k8s.io';

/** Event sources, as each controller's recorder names itself. */
export const ENDPOINTS_COMPONENT = 'endpoint-controller';
export const ENDPOINTSLICE_COMPONENT = 'endpoint-slice-controller';
export const MIRRORING_COMPONENT = 'endpoint-slice-mirroring-controller';

/** Pods share a handful of distinct timestamps; parsing each once keeps syncs cheap. */
const parsedTimes = new Map<string, number | undefined>();

/** A timestamp as Unix ms (undefined when absent or unparsable), memoized by its text. */
export function parseTime(ts: string | undefined | null): number | undefined {
  if (!ts) return undefined;
  const known = parsedTimes.get(ts);
  if (known !== undefined || parsedTimes.has(ts)) return known;
  if (parsedTimes.size > 10_000) parsedTimes.clear();
  const ms = parseTimestamp(ts);
  parsedTimes.set(ts, ms);
  return ms;
}

/**
 * What the endpoint controllers read from a pod's status, derived once per pod
 * version: handle() and both controllers' syncs ask the same questions of the
 * same object several times. Stored objects are frozen (each write makes a new
 * top-level object), so an answer cached by the object never goes stale.
 */
interface PodStatusFacts {
  /** IsPodReady: the Ready condition is True. */
  ready: boolean;
  /** The Ready condition's lastTransitionTime as Unix ms: the trigger time of a pod change. */
  readyTransitionTime: number | undefined;
  /** status.podIPs, falling back to status.podIP (shared: never modify). */
  ips: readonly string[];
  /** The pod's named ports, for findPort (shared by every version of the pod). */
  namedPorts: NamedPorts;
}

/**
 * A pod's named container ports in FindPort's search order (containers, then
 * sidecars), flattened to [name, protocol, containerPort, ...]. Containers never
 * change after creation, so this is built once per pod (keyed by its containers
 * list) and read from the facts, without walking the pod's spec on every sync.
 */
type NamedPorts = readonly (string | number)[];
const namedPortsCache = new WeakMap<object, NamedPorts>();

function namedPortsOf(pod: Pod): NamedPorts {
  const containers = pod.spec.containers ?? [];
  const cached = namedPortsCache.get(containers);
  if (cached !== undefined && pod.spec.initContainers === undefined) return cached;
  const out: (string | number)[] = [];
  for (const c of containers) for (const p of c.ports ?? []) if (typeof p.name === 'string') out.push(p.name, protocolOf(p), p.containerPort);
  for (const c of pod.spec.initContainers ?? []) {
    if (c.restartPolicy !== 'Always') continue;
    for (const p of c.ports ?? []) if (typeof p.name === 'string') out.push(p.name, protocolOf(p), p.containerPort);
  }
  // Only the containers-only answer is cached (the key does not cover init containers).
  if (pod.spec.initContainers === undefined && Object.isFrozen(containers)) namedPortsCache.set(containers, out);
  return out;
}

const factsCache = new WeakMap<Pod, PodStatusFacts>();
const NO_IPS: readonly string[] = Object.freeze([]);

function podFacts(pod: Pod): PodStatusFacts {
  let facts = factsCache.get(pod);
  if (facts !== undefined) return facts;
  const status = pod.status;
  let ready = false;
  let readyTransitionTime: number | undefined;
  const conditions = status?.conditions;
  if (conditions) {
    for (let i = 0; i < conditions.length; i++) {
      if (conditions[i].type !== 'Ready') continue;
      ready = conditions[i].status === 'True';
      readyTransitionTime = parseTime(conditions[i].lastTransitionTime);
      break;
    }
  }
  const podIPs = status?.podIPs;
  let ips = NO_IPS;
  if (podIPs && podIPs.length) ips = podIPs.map((x) => x.ip);
  else if (status?.podIP) ips = [status.podIP];
  facts = { ready, readyTransitionTime, ips, namedPorts: namedPortsOf(pod) };
  // Only a frozen (stored) pod can be cached: tests and callers may build and edit plain ones.
  if (Object.isFrozen(pod)) factsCache.set(pod, facts);
  return facts;
}

export function isPodReady(pod: Pod): boolean {
  return podFacts(pod).ready;
}

/** lastTransitionTime of the Ready condition (Unix ms): the trigger time of a pod change. */
export function podReadyTransitionTime(pod: Pod): number | undefined {
  return podFacts(pod).readyTransitionTime;
}

function isPodTerminal(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

/** The pod's IPs: status.podIPs, falling back to status.podIP. Shared: never modify. */
export function podIPs(pod: Pod): readonly string[] {
  return podFacts(pod).ips;
}

/** ShouldPodBeInEndpoints: terminal pods and pods without an IP never count; terminating ones only when asked. */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  if (isPodTerminal(pod)) return false;
  // podIPs(pod).length === 0, without building the list (this runs for every pod event).
  const ips = pod.status?.podIPs;
  if (!(ips && ips.length) && !pod.status?.podIP) return false;
  if (!includeTerminating && pod.metadata.deletionTimestamp) return false;
  return true;
}

/** ShouldSetHostname: spec.hostname is published only under the Service named by spec.subdomain. */
export function shouldSetHostname(pod: Pod, svc: Service): boolean {
  return !!pod.spec.hostname && pod.spec.subdomain === svc.metadata.name && pod.metadata.namespace === svc.metadata.namespace;
}

export function isIPv6(ip: string): boolean {
  return ip.includes(':');
}

/** isServiceIPSet: a ClusterIP that is neither empty nor `None`. */
export function isServiceIPSet(svc: Service): boolean {
  const ip = svc.spec.clusterIP;
  return !!ip && ip !== 'None';
}

export function isHeadless(svc: Service): boolean {
  return svc.spec.clusterIP === 'None';
}

export function protocolOf(p: { protocol?: string }): string {
  return p.protocol || 'TCP';
}

/**
 * FindPort: an integer targetPort is used as it is; a named one is looked up in
 * this pod's containers (then sidecars, i.e. init containers with
 * restartPolicy Always) by name AND protocol. undefined = this pod lacks it.
 */
export function findPort(pod: Pod, svcPort: ServicePort): number | undefined {
  const target = svcPort.targetPort ?? svcPort.port;
  if (typeof target === 'number') return target;
  const proto = protocolOf(svcPort);
  const named = podFacts(pod).namedPorts;
  for (let i = 0; i < named.length; i += 3) if (named[i] === target && named[i + 1] === proto) return named[i + 2] as number;
  return undefined;
}

function sameIPs(a: Pod, b: Pod): boolean {
  // Shared (unchanged) status subtrees are the same objects: nothing to compare.
  if (a.status?.podIPs === b.status?.podIPs && a.status?.podIP === b.status?.podIP) return true;
  const x = podIPs(a);
  const y = podIPs(b);
  return x.length === y.length && x.every((ip, i) => ip === y[i]);
}

function sameLabels(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  if (a === b) return true; // status writes keep the stored labels object
  const ka = Object.keys(a ?? {});
  if (ka.length !== Object.keys(b ?? {}).length) return false;
  return ka.every((k) => b![k] === a![k]);
}

/**
 * podEndpointsChanged: [podChanged, labelsChanged]. A pod update that changes
 * neither (a restart count, a container status) queues no Service at all.
 * We also count a move to a terminal phase, which the simulated kubelet may
 * write without flipping Ready in the same update.
 */
export function podEndpointsChanged(oldPod: Pod, newPod: Pod): [boolean, boolean] {
  const labelsChanged =
    !sameLabels(oldPod.metadata.labels, newPod.metadata.labels) ||
    oldPod.spec.hostname !== newPod.spec.hostname ||
    oldPod.spec.subdomain !== newPod.spec.subdomain;
  const podChanged =
    oldPod.metadata.deletionTimestamp !== newPod.metadata.deletionTimestamp ||
    isPodReady(oldPod) !== isPodReady(newPod) ||
    !sameIPs(oldPod, newPod) ||
    isPodTerminal(oldPod) !== isPodTerminal(newPod) ||
    oldPod.spec.nodeName !== newPod.spec.nodeName;
  return [podChanged, labelsChanged];
}

/** utilerrors.NewAggregate(...).Error(): one message plain, several deduplicated in brackets. */
export function aggregateErrors(messages: string[]): string {
  const unique = [...new Set(messages)];
  return unique.length === 1 ? unique[0] : `[${unique.join(', ')}]`;
}

/** Semantic equality of two string maps (nil and empty are equal). */
export function stringMapsEqual(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  return sameLabels(a, b);
}

export function nsName(obj: KubeObject): string {
  return `${obj.metadata.namespace}/${obj.metadata.name}`;
}
