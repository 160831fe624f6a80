// Cluster-wide invariants that must hold after any sequence of user actions.
// Each returns a list of human-readable violations (empty = holds).
// Sources: KUBERNETES.md §8–§9 (endpoint rules), §5–§6 (allocation).

import type { ClusterSnapshot } from '../src/engine/index';
import type { EndpointSlice, Endpoints, KubeObject, Node, Pod, Service } from '../src/engine/index';

const objs = <T extends KubeObject>(s: ClusterSnapshot, kind: string) => (s.objects[kind] ?? []) as readonly T[];

function ipToInt(ip: string): number {
  return ip.split('.').reduce((a, p) => a * 256 + Number(p), 0);
}

function inCIDR(ip: string, cidr: string): boolean {
  const [base, bits] = cidr.split('/');
  const size = 2 ** (32 - Number(bits));
  const b = ipToInt(base);
  return ipToInt(ip) >= b && ipToInt(ip) < b + size;
}

function matches(labels: Record<string, string> | undefined, selector: Record<string, string>): boolean {
  return Object.entries(selector).every(([k, v]) => labels?.[k] === v);
}

const isReady = (p: Pod) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;

/** Resolves a Service port's targetPort on one pod (FindPort): numbers as-is, names per container port and protocol. */
function resolvePort(pod: Pod, targetPort: number | string | undefined, port: number, protocol: string): number | undefined {
  if (targetPort === undefined) return port;
  if (typeof targetPort === 'number') return targetPort;
  for (const c of pod.spec.containers) {
    for (const cp of c.ports ?? []) if (cp.name === targetPort && (cp.protocol ?? 'TCP') === protocol) return cp.containerPort;
  }
  return undefined;
}

/** Each selector Service's EndpointSlices hold exactly its candidate pods, with readiness and ports per pod. */
export function endpointViolations(s: ClusterSnapshot): string[] {
  const out: string[] = [];
  const nodes = new Set(objs<Node>(s, 'Node').map((n) => n.metadata.name));
  for (const svc of objs<Service>(s, 'Service')) {
    const sel = svc.spec.selector;
    if (!sel || svc.spec.type === 'ExternalName') continue;
    const ns = svc.metadata.namespace!;
    const name = `${ns}/${svc.metadata.name}`;
    const candidates = objs<Pod>(s, 'Pod').filter(
      (p) => p.metadata.namespace === ns && matches(p.metadata.labels, sel) && p.status?.podIP &&
        p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed' && nodes.has(p.spec.nodeName ?? ''),
    );
    const slices = objs<EndpointSlice>(s, 'EndpointSlice').filter(
      (es) => es.metadata.namespace === ns && es.metadata.labels?.['kubernetes.io/service-name'] === svc.metadata.name &&
        es.metadata.labels?.['endpointslice.kubernetes.io/managed-by'] === 'endpointslice-controller.k8s.io',
    );
    if (slices.length === 0) out.push(`${name}: no EndpointSlice (a placeholder is expected even with no pods)`);
    const actual = new Map<string, { ready: boolean; serving: boolean; terminating: boolean; ports: string }>();
    for (const es of slices) {
      const ports = (es.ports ?? []).map((p) => `${p.name ?? ''}:${p.port}/${p.protocol}`).sort().join(',');
      for (const e of es.endpoints ?? []) {
        const ip = e.addresses[0];
        if (actual.has(ip)) out.push(`${name}: endpoint ${ip} listed twice`);
        actual.set(ip, { ready: !!e.conditions.ready, serving: !!e.conditions.serving, terminating: !!e.conditions.terminating, ports });
      }
    }
    for (const p of candidates) {
      const ip = p.status!.podIP!;
      const got = actual.get(ip);
      if (!got) {
        out.push(`${name}: pod ${p.metadata.name} (${ip}) matches but has no endpoint`);
        continue;
      }
      actual.delete(ip);
      const terminating = !!p.metadata.deletionTimestamp;
      const serving = isReady(p);
      const ready = svc.spec.publishNotReadyAddresses ? true : serving && !terminating;
      if (got.ready !== ready || got.serving !== serving || got.terminating !== terminating) {
        out.push(`${name}: pod ${p.metadata.name} conditions ${JSON.stringify(got)} != ready=${ready} serving=${serving} terminating=${terminating}`);
      }
      const expectedPorts = (svc.spec.ports ?? [])
        .map((sp) => ({ sp, n: resolvePort(p, sp.targetPort, sp.port, sp.protocol ?? 'TCP') }))
        .filter((x) => x.n !== undefined)
        .map(({ sp, n }) => `${sp.name ?? ''}:${n}/${sp.protocol ?? 'TCP'}`)
        .sort()
        .join(',');
      if (got.ports !== expectedPorts) out.push(`${name}: pod ${p.metadata.name} slice ports ${got.ports} != ${expectedPorts}`);
    }
    for (const ip of actual.keys()) out.push(`${name}: endpoint ${ip} matches no candidate pod`);

    // Endpoints (core/v1): ready addresses exclude terminating pods (KUBERNETES.md §8.3, §8.5).
    const ep = objs<Endpoints>(s, 'Endpoints').find((e) => e.metadata.namespace === ns && e.metadata.name === svc.metadata.name);
    if (!ep) {
      out.push(`${name}: no Endpoints object`);
      continue;
    }
    const epReady = new Set((ep.subsets ?? []).flatMap((ss) => (ss.addresses ?? []).map((a) => a.ip)));
    const want = new Set(
      candidates
        .filter((p) => !p.metadata.deletionTimestamp && (svc.spec.publishNotReadyAddresses || isReady(p)))
        .filter((p) => (svc.spec.ports ?? []).length === 0 || (svc.spec.ports ?? []).some((sp) => resolvePort(p, sp.targetPort, sp.port, sp.protocol ?? 'TCP') !== undefined))
        .map((p) => p.status!.podIP!),
    );
    const a = [...epReady].sort().join(',');
    const b = [...want].sort().join(',');
    if (a !== b) out.push(`${name}: Endpoints ready addresses [${a}] != [${b}]`);
  }
  return out;
}

/** No two Services share a ClusterIP or a nodePort (the same Service may reuse one for TCP and UDP). */
export function allocationViolations(s: ClusterSnapshot): string[] {
  const out: string[] = [];
  const ips = new Map<string, string>();
  const nodePorts = new Map<number, string>();
  for (const svc of objs<Service>(s, 'Service')) {
    const id = `${svc.metadata.namespace}/${svc.metadata.name}`;
    for (const ip of svc.spec.clusterIPs ?? []) {
      if (ip === 'None') continue;
      if (!inCIDR(ip, '10.96.0.0/12')) out.push(`${id}: ClusterIP ${ip} outside 10.96.0.0/12`);
      if (ips.has(ip)) out.push(`${id}: ClusterIP ${ip} also used by ${ips.get(ip)}`);
      ips.set(ip, id);
    }
    const own = new Set<number>();
    for (const p of svc.spec.ports ?? []) if (p.nodePort) own.add(p.nodePort);
    if (svc.spec.healthCheckNodePort) own.add(svc.spec.healthCheckNodePort);
    for (const np of own) {
      if (np < 30000 || np > 32767) out.push(`${id}: nodePort ${np} outside 30000-32767`);
      if (nodePorts.has(np)) out.push(`${id}: nodePort ${np} also used by ${nodePorts.get(np)}`);
      nodePorts.set(np, id);
    }
  }
  return out;
}

/**
 * Pod IPs are unique and inside their node's pod CIDR; a hostNetwork pod (kube-proxy) has its
 * node's IP instead, as the kubelet gives it (kubelet_pods.go: podIPs = hostIPs), shared by
 * every such pod on the node.
 */
export function podIPViolations(s: ClusterSnapshot): string[] {
  const out: string[] = [];
  const cidrs = new Map(objs<Node>(s, 'Node').map((n) => [n.metadata.name!, n.spec.podCIDR!]));
  const seen = new Map<string, string>();
  for (const p of objs<Pod>(s, 'Pod')) {
    const ip = p.status?.podIP;
    if (!ip) continue;
    const id = `${p.metadata.namespace}/${p.metadata.name}`;
    if (p.spec.hostNetwork) {
      if (ip !== p.status?.hostIP) out.push(`${id}: hostNetwork pod IP ${ip} is not its node's ${p.status?.hostIP}`);
      continue;
    }
    if (seen.has(ip)) out.push(`${id}: pod IP ${ip} also used by ${seen.get(ip)}`);
    seen.set(ip, id);
    const cidr = cidrs.get(p.spec.nodeName ?? '');
    if (!cidr || !inCIDR(ip, cidr)) out.push(`${id}: pod IP ${ip} not in node ${p.spec.nodeName}'s ${cidr}`);
  }
  return out;
}

/** Every owned object has a live owner with the same uid, or is itself on its way out. */
export function ownerViolations(s: ClusterSnapshot): string[] {
  const out: string[] = [];
  const uids = new Set<string>();
  for (const list of Object.values(s.objects)) for (const o of list) if (o.metadata.uid) uids.add(o.metadata.uid);
  for (const [kind, list] of Object.entries(s.objects)) {
    for (const o of list) {
      for (const ref of o.metadata.ownerReferences ?? []) {
        if (!uids.has(ref.uid) && !o.metadata.deletionTimestamp) {
          out.push(`${kind} ${o.metadata.namespace}/${o.metadata.name}: owner ${ref.kind}/${ref.name} (${ref.uid}) is gone`);
        }
      }
    }
  }
  return out;
}

export function allViolations(s: ClusterSnapshot): string[] {
  return [...endpointViolations(s), ...allocationViolations(s), ...podIPViolations(s), ...ownerViolations(s)];
}
