// What the Endpoints and EndpointSlice controllers share: which pods count,
// readiness, hostnames, and the per-pod resolution of a Service's targetPort.
// Sources: staging/src/k8s.io/endpointslice/util/controller_utils.go
// (ShouldPodBeInEndpoints, ShouldSetHostname, podEndpointsChanged, IsPodReady)
// and staging/src/k8s.io/endpointslice/utils.go (FindPort, isServiceIPSet).

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

/** The first Ready condition (a plain loop: this runs for every pod event). */
function readyCondition(pod: Pod): { status?: string; lastTransitionTime?: string } | undefined {
  const conditions = pod.status?.conditions;
  if (!conditions) return undefined;
  for (let i = 0; i < conditions.length; i++) if (conditions[i].type === 'Ready') return conditions[i];
  return undefined;
}

export function isPodReady(pod: Pod): boolean {
  return readyCondition(pod)?.status === 'True';
}

/** lastTransitionTime of the Ready condition: the trigger time of a pod change. */
export function podReadyTransitionTime(pod: Pod): string | undefined {
  return readyCondition(pod)?.lastTransitionTime;
}

function isPodTerminal(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

/** The pod's IPs: status.podIPs, falling back to status.podIP. */
export function podIPs(pod: Pod): string[] {
  const ips = pod.status?.podIPs;
  if (ips && ips.length) return ips.map((x) => x.ip);
  return pod.status?.podIP ? [pod.status.podIP] : [];
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
  for (const c of pod.spec.containers ?? []) {
    for (const p of c.ports ?? []) if (p.name === target && protocolOf(p) === proto) return p.containerPort;
  }
  for (const c of pod.spec.initContainers ?? []) {
    if (c.restartPolicy !== 'Always') continue;
    for (const p of c.ports ?? []) if (p.name === target && protocolOf(p) === proto) return p.containerPort;
  }
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
