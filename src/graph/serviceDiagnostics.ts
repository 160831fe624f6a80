// Why a Service selects what it selects: the pods it matches, which of them get
// traffic and why the others do not, and — when the selector matches nothing —
// what is closest ("no pod has app=web; 3 pods have app=wbe"). Pure; the rules
// for leaving a pod out follow the EndpointSlice controller
// (staging/src/k8s.io/endpointslice/utils.go: podToEndpoint, ShouldPodBeInEndpoints)
// and k8s.io/kubernetes/pkg/api/v1/pod FindPort for named target ports. A Service
// whose ready pods all have nothing listening on its targetPort is called out too:
// Kubernetes lists those pods as ready endpoints (readiness probes their own port),
// and every connection is refused — the mistake students make most (DESIGN.md).

import { findPort } from '../engine/controllers/endpoints/podEndpoints';
import type { Container, Pod, Service } from '../engine';
import { listeningPorts } from '../engine/workloads/containerBehaviour';
import { editDistance, formatPair, formatSelector, type LabelIndex } from './labels';
import { notReadyReason } from './podState';

export interface PodVerdict {
  pod: Pod;
  /** The pod receives this Service's traffic (a ready endpoint, or publishNotReadyAddresses). */
  included: boolean;
  reason?: string;
}

export interface ServiceDiagnosis {
  matched: PodVerdict[];
  /** One line saying why the Service has no (ready) pods; undefined when all is well. */
  warning?: string;
}

const pods = (n: number) => (n === 1 ? '1 pod has' : `${n} pods have`);

/** Whether and why a pod the selector matches is left out of the Service's endpoints. */
export function exclusionReason(service: Service, pod: Pod, readinessFailing = false): string | undefined {
  if (pod.metadata.deletionTimestamp) return 'terminating';
  const phase = pod.status?.phase ?? 'Pending';
  if (phase !== 'Running') return phase === 'Pending' ? 'not Running yet (Pending)' : `not Running (${phase})`;
  if (!pod.status?.podIP) return 'has no IP yet';
  for (const p of service.spec.ports ?? []) {
    if (typeof p.targetPort !== 'string') continue;
    const named = pod.spec.containers.some((c) => (c.ports ?? []).some((cp) => cp.name === p.targetPort));
    if (!named) return `named targetPort "${p.targetPort}" not found on this pod`;
  }
  if (service.spec.publishNotReadyAddresses) return undefined;
  const ready = pod.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
  return ready ? undefined : notReadyReason(pod, readinessFailing);
}

/** The closest thing the namespace has to a missing key=value pair. */
function closest(index: LabelIndex<Pod>, ns: string, key: string, value: string): string | undefined {
  const values = [...index.valuesOf(ns, key)];
  if (values.length > 0) {
    values.sort((a, b) => editDistance(a[0], value) - editDistance(b[0], value) || b[1].length - a[1].length || a[0].localeCompare(b[0]));
    return values
      .slice(0, 2)
      .map(([v, list]) => `${pods(list.length)} ${formatPair(key, v)}`)
      .join(', ');
  }
  const near = index
    .keys(ns)
    .map((k) => ({ k, d: k.toLowerCase() === key.toLowerCase() ? 0 : editDistance(k, key) }))
    .filter(({ d }) => d <= Math.max(2, Math.floor(key.length / 3)))
    .sort((a, b) => a.d - b.d || a.k.localeCompare(b.k));
  for (const { k } of near) {
    const same = index.withPair(ns, k, value);
    if (same.length) return `${pods(same.length)} ${formatPair(k, value)}`;
  }
  if (near.length) {
    const [{ k }] = near;
    const n = [...index.valuesOf(ns, k).values()].reduce((sum, l) => sum + l.length, 0);
    return `${pods(n)} the label ${k}`;
  }
  return undefined;
}

function noMatchWarning(service: Service, selector: Record<string, string>, index: LabelIndex<Pod>): string {
  const ns = service.metadata.namespace ?? 'default';
  const parts: string[] = [];
  const pairs = Object.entries(selector);
  const missing = pairs.filter(([k, v]) => index.withPair(ns, k, v).length === 0);
  if (index.inNamespace(ns).length === 0) {
    parts.push(`no pod has ${formatSelector(selector)}: namespace ${ns} has no pods`);
  } else if (missing.length === 0) {
    parts.push(`no pod has all of ${formatSelector(selector)}`);
    parts.push(pairs.map(([k, v]) => `${pods(index.withPair(ns, k, v).length)} ${formatPair(k, v)}`).join(', '));
  } else {
    for (const [k, v] of missing) {
      parts.push(`no pod has ${formatPair(k, v)}`);
      const hint = closest(index, ns, k, v);
      if (hint) parts.push(hint);
    }
  }
  const elsewhere = index.namespaces().filter((other) => other !== ns && index.select(other, selector).length > 0);
  for (const other of elsewhere.slice(0, 2)) {
    parts.push(`pods with ${formatSelector(selector)} exist in namespace ${other} (a Service selects only in its own namespace)`);
  }
  return parts.join('; ');
}

/** What the engine's containers listen on (workloads/containerBehaviour.ts); container specs are shared by a workload's pods. */
const portsByContainer = new WeakMap<Container, ReadonlySet<number>>();
function portsOf(container: Container): ReadonlySet<number> {
  let ports = portsByContainer.get(container);
  if (!ports) portsByContainer.set(container, (ports = listeningPorts(container)));
  return ports;
}

/** The pod's containers (and sidecars, init containers that keep running) that serve `port`. */
function serves(pod: Pod, port: number): boolean {
  if (pod.spec.containers.some((c) => portsOf(c).has(port))) return true;
  return (pod.spec.initContainers ?? []).some((c) => c.restartPolicy === 'Always' && portsOf(c).has(port));
}

/** What a pod listens on, as the engine's connection-refused explanation puts it (dataplane/routing.ts): `nginx on 80`. */
function listening(pod: Pod): string {
  return pod.spec.containers.map((c) => `${c.name} on ${[...portsOf(c)].sort((a, b) => a - b).join(', ') || 'no port'}`).join('; ');
}

/**
 * The first TCP target port of the Service that none of its ready pods listens on:
 * every connection to it is refused (a pod that listens ends the search at once, so
 * the common, working case costs one lookup per port).
 */
function refusedTargetPort(service: Service, ready: readonly Pod[]): number | undefined {
  for (const port of service.spec.ports ?? []) {
    if ((port.protocol ?? 'TCP') !== 'TCP') continue;
    let target: number | undefined;
    let anyListens = false;
    for (const pod of ready) {
      const t = findPort(pod, port);
      if (t === undefined) continue;
      target ??= t;
      if (serves(pod, t)) {
        anyListens = true;
        break;
      }
    }
    if (!anyListens && target !== undefined) return target;
  }
  return undefined;
}

/** `ready`: the pods the Service sends to (its endpoints). */
function refusedWarning(service: Service, ready: readonly Pod[]): string | undefined {
  const target = refusedTargetPort(service, ready);
  if (target === undefined) return undefined;
  // A named targetPort resolves to a declared containerPort, which the container serves: only numbers get here.
  return `targetPort ${target}: nothing in the pods listens on it (${listening(ready[0])}), so connections are refused`;
}

/** `failingPods`: `namespace/name` of pods whose readiness probe `sim pod fail-readiness` made fail. */
export function diagnoseService(service: Service, index: LabelIndex<Pod>, failingPods: ReadonlySet<string> = new Set()): ServiceDiagnosis {
  const selector = service.spec.selector ?? {};
  if (service.spec.type === 'ExternalName' || Object.keys(selector).length === 0) return { matched: [] };
  const ns = service.metadata.namespace ?? 'default';
  const selected = index.select(ns, selector);
  if (selected.length === 0) return { matched: [], warning: noMatchWarning(service, selector, index) };
  const matched = selected
    .map((pod) => {
      const reason = exclusionReason(service, pod, failingPods.has(`${ns}/${pod.metadata.name}`));
      return { pod, included: reason === undefined, reason };
    })
    .sort((a, b) => (a.pod.metadata.name ?? '').localeCompare(b.pod.metadata.name ?? ''));
  const included = matched.filter((m) => m.included).map((m) => m.pod);
  const warning =
    included.length === 0
      ? `no ready endpoints: ${matched.length === 1 ? '1 pod matches' : `${matched.length} pods match`} ${formatSelector(selector)} but none is ready`
      : refusedWarning(service, included);
  return { matched, warning };
}
