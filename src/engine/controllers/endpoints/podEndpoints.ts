// What the Endpoints and EndpointSlice controllers share: which pods count,
// readiness, hostnames, and the per-pod resolution of a Service's targetPort.
// Sources: staging/src/k8s.io/endpointslice/util/controller_utils.go
// (ShouldPodBeInEndpoints, ShouldSetHostname, podEndpointsChanged, IsPodReady)
// and staging/src/k8s.io/endpointslice/utils.go (FindPort, isServiceIPSet).

import { parseTimestamp } from '../../core/clock';
import type { Container, KubeObject, Pod, PodCondition, Service, ServicePort } from '../../core/types';

/** One entry of status.podIPs. */
type PodIP = { ip: string };

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
 * The pod's Ready condition. Read straight from the pod each time: a pod's
 * version is seen once per sync of each controller, so a per-version cache
 * would cost more (a map entry and an object per status write, kept alive by
 * the cache) than the short walk over a handful of conditions it saves.
 */
function readyCondition(pod: Pod): PodCondition | undefined {
  const conditions = pod.status?.conditions;
  if (conditions) for (let i = 0; i < conditions.length; i++) if (conditions[i].type === 'Ready') return conditions[i];
  return undefined;
}

/** IsPodReady: the Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return readyCondition(pod)?.status === 'True';
}

/** lastTransitionTime of the Ready condition (Unix ms): the trigger time of a pod change. */
export function podReadyTransitionTime(pod: Pod): number | undefined {
  return parseTime(readyCondition(pod)?.lastTransitionTime);
}

function isPodTerminal(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

const NO_IPS: readonly PodIP[] = Object.freeze([]);

/**
 * The pod's IPs: status.podIPs, falling back to status.podIP. The stored list
 * itself (shared by the pod's versions), not a copy: never modify.
 */
export function podIPs(pod: Pod): readonly PodIP[] {
  const status = pod.status;
  const ips = status?.podIPs;
  if (ips && ips.length) return ips;
  return status?.podIP ? [{ ip: status.podIP }] : NO_IPS;
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
  return namedPortIn(pod.spec.containers, target, proto, false) ?? namedPortIn(pod.spec.initContainers, target, proto, true);
}

/** The containerPort named `name` with protocol `proto` in these containers (only sidecars when asked). */
function namedPortIn(containers: readonly Container[] | undefined, name: string, proto: string, sidecarsOnly: boolean): number | undefined {
  if (!containers) return undefined;
  for (let i = 0; i < containers.length; i++) {
    const c = containers[i];
    if (sidecarsOnly && c.restartPolicy !== 'Always') continue;
    const ports = c.ports;
    if (ports) for (let j = 0; j < ports.length; j++) if (ports[j].name === name && protocolOf(ports[j]) === proto) return ports[j].containerPort;
  }
  return undefined;
}

function sameIPs(a: Pod, b: Pod): boolean {
  // Shared (unchanged) status subtrees are the same objects: nothing to compare.
  if (a.status?.podIPs === b.status?.podIPs && a.status?.podIP === b.status?.podIP) return true;
  const x = podIPs(a);
  const y = podIPs(b);
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i].ip !== y[i].ip) return false;
  return true;
}

function sameLabels(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  if (a === b) return true; // status writes keep the stored labels object
  const ka = Object.keys(a ?? {});
  if (ka.length !== Object.keys(b ?? {}).length) return false;
  return ka.every((k) => b![k] === a![k]);
}

/*
 * podEndpointsChanged returns (podChanged, labelsChanged); here they are two
 * functions, so the check that runs for every pod update builds no pair.
 */

/**
 * podEndpointsChanged's labelsChanged: the labels, or the hostname/subdomain
 * that decide the published hostname, differ.
 */
export function podLabelsChanged(oldPod: Pod, newPod: Pod): boolean {
  return (
    !sameLabels(oldPod.metadata.labels, newPod.metadata.labels) ||
    oldPod.spec.hostname !== newPod.spec.hostname ||
    oldPod.spec.subdomain !== newPod.spec.subdomain
  );
}

/**
 * podEndpointsChanged's podChanged: something an endpoint is built from
 * changed. A pod update that changes neither this nor the labels (a restart
 * count, a container status) queues no Service at all. We also count a move to
 * a terminal phase, which the simulated kubelet may write without flipping
 * Ready in the same update.
 */
export function podChanged(oldPod: Pod, newPod: Pod): boolean {
  return (
    oldPod.metadata.deletionTimestamp !== newPod.metadata.deletionTimestamp ||
    isPodReady(oldPod) !== isPodReady(newPod) ||
    !sameIPs(oldPod, newPod) ||
    isPodTerminal(oldPod) !== isPodTerminal(newPod) ||
    oldPod.spec.nodeName !== newPod.spec.nodeName
  );
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

/**
 * namespace/name as one flat string: a template literal makes a chain of string
 * pieces (about twice the memory once hashed), and the controllers keep these keys
 * in their maps for as long as the Service lives.
 */
export function namespacedKey(namespace: string | undefined, name: string | undefined): string {
  return [String(namespace), String(name)].join('/');
}

/** A Service's queue key (namespace/name). */
export function serviceKey(obj: KubeObject): string {
  return namespacedKey(obj.metadata.namespace, obj.metadata.name);
}
