// Engine snapshot -> graph model (pure). The user's objects dominate; system
// namespaces are drawn compactly (CoreDNS, the ingress controller) unless asked.

import type { Deployment, EndpointSlice, KubeObject, Node, Pod, ReplicaSet, Service } from '../engine';
import type { Ingress } from '../engine/network/types';
import { CLOUD_LB_NODE_ID, WORKSTATION_NODE_ID, externalNameNodeId, objectNodeId } from './ids';
import { LabelIndex } from './labels';
import { groupPods, type GroupablePod } from './grouping';
import { podState } from './podState';
import { diagnoseService } from './serviceDiagnostics';
import { describePorts } from './servicePorts';
import * as S from './sizes';
import type { Exclusion, GraphEdge, GraphModel, GraphNode, GroupData, PodData, PodState, ServiceData, WorkloadRef } from './types';

export const SYSTEM_NAMESPACES = new Set(['kube-system', 'ingress-nginx', 'kube-public', 'kube-node-lease']);
export const UNSCHEDULED_FRAME_ID = 'frame/unscheduled';
export const CORE_DNS_NODE_ID = objectNodeId('Service', 'kube-system', 'kube-dns');
export const INGRESS_NODE_ID = objectNodeId('Service', 'ingress-nginx', 'ingress-nginx-controller');

export interface SnapshotLike {
  objects: Readonly<Record<string, readonly KubeObject[]>>;
  sim: { cloudProvider: boolean; readinessFailures: readonly string[]; stoppedNodes: readonly string[] };
}

export interface ModelOptions {
  showSystem?: boolean;
  expandedGroups?: ReadonlySet<string>;
  groupThreshold?: number;
  maxDrawnPods?: number;
}

const STATE_WORDS: Record<PodState, string> = {
  ready: 'ready',
  notReady: 'not ready',
  terminating: 'terminating',
  crashLooping: 'crash-looping',
  pending: 'pending',
};

const list = <T>(snap: SnapshotLike, kind: string) => (snap.objects[kind] ?? []) as unknown as readonly T[];
const nsOf = (o: KubeObject) => o.metadata.namespace ?? 'default';
const idOf = (o: KubeObject) => objectNodeId(o.kind, o.metadata.namespace, o.metadata.name ?? '');
const isSystemObject = (o: KubeObject) => SYSTEM_NAMESPACES.has(nsOf(o)) || (o.kind === 'Service' && nsOf(o) === 'default' && o.metadata.name === 'kubernetes');
const controllerOf = (o: KubeObject) => o.metadata.ownerReferences?.find((r) => r.controller) ?? o.metadata.ownerReferences?.[0];
const sortedLabels = (labels?: Record<string, string>): [string, string][] => Object.entries(labels ?? {}).sort(([a], [b]) => a.localeCompare(b));

/** The workload a person would scale for this pod: the Deployment above its ReplicaSet, or its StatefulSet. */
function workloadResolver(snap: SnapshotLike) {
  const rs = new Map(list<ReplicaSet>(snap, 'ReplicaSet').map((r) => [`${nsOf(r)}/${r.metadata.name}`, r]));
  const deploys = new Map(list<Deployment>(snap, 'Deployment').map((d) => [`${nsOf(d)}/${d.metadata.name}`, d]));
  const sts = new Map(list<KubeObject & { spec: { replicas?: number } }>(snap, 'StatefulSet').map((s) => [`${nsOf(s)}/${s.metadata.name}`, s]));
  return (pod: Pod): WorkloadRef | undefined => {
    const owner = controllerOf(pod);
    if (!owner) return undefined;
    const ns = nsOf(pod);
    if (owner.kind === 'StatefulSet') return { kind: 'StatefulSet', name: owner.name, replicas: sts.get(`${ns}/${owner.name}`)?.spec.replicas };
    if (owner.kind !== 'ReplicaSet') return undefined;
    const set = rs.get(`${ns}/${owner.name}`);
    const up = set && controllerOf(set);
    if (up?.kind === 'Deployment') return { kind: 'Deployment', name: up.name, replicas: deploys.get(`${ns}/${up.name}`)?.spec.replicas };
    return { kind: 'ReplicaSet', name: owner.name, replicas: set?.spec.replicas };
  };
}

interface PodEntry extends GroupablePod {
  pod: Pod;
  data: PodData;
}

export function buildGraphModel(snap: SnapshotLike, opts: ModelOptions = {}): GraphModel {
  const showSystem = opts.showSystem ?? false;
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const aliases: Record<string, string> = {};
  const allPods = list<Pod>(snap, 'Pod');
  const podIndex = new LabelIndex(allPods);
  const failing = new Set(snap.sim.readinessFailures.map((f) => f.split('/').slice(0, 2).join('/')));
  const stopped = new Set(snap.sim.stoppedNodes);
  const workloadOf = workloadResolver(snap);

  // Services first: their verdicts mark pods as excluded.
  const services = list<Service>(snap, 'Service');
  const visibleServices = services.filter((s) => (showSystem || !isSystemObject(s)) && idOf(s) !== CORE_DNS_NODE_ID && idOf(s) !== INGRESS_NODE_ID);
  const exclusions = new Map<string, Exclusion[]>();
  const diagnoses = new Map(
    visibleServices.map((s) => {
      const d = diagnoseService(s, podIndex, failing);
      for (const m of d.matched) {
        if (m.included || !m.reason) continue;
        const key = idOf(m.pod);
        exclusions.set(key, [...(exclusions.get(key) ?? []), { service: s.metadata.name ?? '', reason: m.reason }]);
      }
      return [s, d] as const;
    }),
  );

  // Pods, grouped when large.
  const entries: PodEntry[] = [];
  for (const pod of allPods) {
    const system = isSystemObject(pod);
    const ns = nsOf(pod);
    if (system && !showSystem) {
      aliases[idOf(pod)] = ns === 'kube-system' ? CORE_DNS_NODE_ID : INGRESS_NODE_ID;
      continue;
    }
    const name = pod.metadata.name ?? '';
    const s = podState(pod, failing.has(`${ns}/${name}`));
    const owner = controllerOf(pod);
    const data: PodData = {
      kind: 'pod',
      ref: { kind: 'Pod', namespace: ns, name },
      name,
      namespace: ns,
      ip: pod.status?.podIP,
      nodeName: pod.spec.nodeName,
      labels: sortedLabels(pod.metadata.labels).filter(([k]) => k !== 'pod-template-hash' && k !== 'controller-revision-hash'),
      state: s.state,
      stateReason: s.reason,
      restarts: s.restarts,
      exclusions: exclusions.get(idOf(pod)) ?? [],
      hasReadinessProbe: pod.spec.containers.some((c) => c.readinessProbe),
      readinessFailing: failing.has(`${ns}/${name}`),
      workload: workloadOf(pod),
      system,
    };
    entries.push({ id: idOf(pod), ownerKey: owner ? `${owner.kind}/${ns}/${owner.name}` : '', nodeKey: pod.spec.nodeName ?? '', state: s.state, pod, data });
  }
  const grouping = groupPods(entries, { threshold: opts.groupThreshold, maxDrawn: opts.maxDrawnPods, expanded: opts.expandedGroups });

  // Frames: one per cluster node, plus one for pods no node has taken yet.
  const frameOf = (nodeKey: string) => (nodeKey ? objectNodeId('Node', undefined, nodeKey) : UNSCHEDULED_FRAME_ID);
  const podsPerFrame = new Map<string, number>();
  for (const e of entries) podsPerFrame.set(frameOf(e.nodeKey), (podsPerFrame.get(frameOf(e.nodeKey)) ?? 0) + 1);
  for (const n of list<Node>(snap, 'Node')) {
    const name = n.metadata.name ?? '';
    const ready = n.status.conditions.find((c) => c.type === 'Ready')?.status === 'True';
    const ip = n.status.addresses.find((a) => a.type === 'InternalIP')?.address;
    const cordoned = !!n.spec.unschedulable;
    const words = [ready ? 'Ready' : 'NotReady', cordoned && 'cordoned', stopped.has(name) && 'powered off'].filter(Boolean).join(', ');
    nodes.push({
      id: idOf(n),
      data: { kind: 'frame', ref: { kind: 'Node', name }, name, internalIP: ip, ready, cordoned, stopped: stopped.has(name), podCIDR: n.spec.podCIDR, podCount: podsPerFrame.get(idOf(n)) ?? 0 },
      width: 0,
      height: 0,
      ariaLabel: `Node ${name}, ${words}, ${ip ?? 'no IP'}`,
    });
  }
  if (entries.some((e) => !e.nodeKey)) {
    nodes.push({
      id: UNSCHEDULED_FRAME_ID,
      data: { kind: 'frame', name: 'Not scheduled', ready: false, cordoned: false, stopped: false, podCount: podsPerFrame.get(UNSCHEDULED_FRAME_ID) ?? 0, unscheduled: true },
      width: 0,
      height: 0,
      ariaLabel: 'Pods waiting for a node',
    });
  }
  // Every card in the frames' grid gets the height the longest name needs (sizes.ts), groups too.
  const podH = S.podCardHeight(grouping.singles.map((e) => e.data.name));
  for (const e of [...grouping.singles].sort((a, b) => a.data.name.localeCompare(b.data.name))) {
    const d = e.data;
    const excluded = d.exclusions.length ? `, excluded from ${d.exclusions.map((x) => `Service ${x.service}: ${x.reason}`).join('; ')}` : '';
    const state = STATE_WORDS[d.state] + (d.stateReason && d.state !== 'terminating' ? ` (${d.stateReason})` : '');
    nodes.push({
      id: e.id,
      parentId: frameOf(e.nodeKey),
      data: d,
      width: S.POD_W,
      height: podH,
      ariaLabel: `Pod ${d.name}, ${state}, ${d.ip ?? 'no IP'}${d.nodeName ? ` on ${d.nodeName}` : ''}${d.restarts ? `, ${d.restarts} restarts` : ''}${excluded}`,
    });
  }
  for (const g of grouping.groups) {
    const first = g.pods[0];
    const [ownerKind, ns, ownerName] = g.ownerKey.split('/');
    const shared = first.data.labels.filter(([k, v]) => g.pods.every((p) => p.pod.metadata.labels?.[k] === v));
    const data: GroupData = {
      kind: 'group',
      ref: { kind: ownerKind || 'Pod', namespace: ns ?? first.data.namespace, name: ownerName ?? first.data.name },
      groupKey: g.key,
      namespace: first.data.namespace,
      ownerName: ownerName ?? '(no owner)',
      nodeName: g.nodeKey || undefined,
      total: g.pods.length,
      counts: g.counts,
      labels: shared,
      workload: first.data.workload,
      expanded: false,
      tooLarge: g.tooLarge,
    };
    for (const p of g.pods) aliases[p.id] = g.key;
    const c = g.counts;
    nodes.push({
      id: g.key,
      parentId: frameOf(g.nodeKey),
      data,
      width: S.POD_W,
      height: podH,
      ariaLabel: `${g.pods.length} pods of ${ownerName} on ${g.nodeKey || 'no node'}: ${c.ready} ready, ${c.notReady} not ready, ${c.pending} pending, ${c.terminating} terminating, ${c.crashLooping} crash-looping`,
    });
  }
  const drawnIdOf = (podId: string) => aliases[podId] ?? podId;
  const drawn = new Set<string>([...grouping.singles.map((e) => e.id), ...grouping.groups.map((g) => g.key)]);

  // Services, their selector edges and their EndpointSlices.
  const slicesBySvc = new Map<string, EndpointSlice[]>();
  for (const sl of list<EndpointSlice>(snap, 'EndpointSlice')) {
    const svc = sl.metadata.labels?.['kubernetes.io/service-name'];
    if (!svc) continue;
    const key = `${nsOf(sl)}/${svc}`;
    slicesBySvc.set(key, [...(slicesBySvc.get(key) ?? []), sl]);
  }
  const externalTargets = new Map<string, string[]>();
  const lbEntries: { service: string; namespace: string; ips: string[]; ports: string; pending: boolean }[] = [];
  for (const svc of visibleServices) {
    const d = diagnoses.get(svc)!;
    const ns = nsOf(svc);
    const name = svc.metadata.name ?? '';
    const sid = idOf(svc);
    const ports = describePorts(svc, d.matched[0]?.pod);
    const slices = slicesBySvc.get(`${ns}/${name}`) ?? [];
    let ready = 0;
    let notReady = 0;
    for (const sl of slices) {
      for (const ep of sl.endpoints ?? []) {
        if (ep.conditions.ready === false) notReady++;
        else ready++;
      }
    }
    const type = svc.spec.type ?? 'ClusterIP';
    const lbIPs = (svc.status?.loadBalancer?.ingress ?? []).map((i) => i.ip ?? i.hostname ?? '').filter(Boolean);
    const data: ServiceData = {
      kind: 'service',
      ref: { kind: 'Service', namespace: ns, name },
      name,
      namespace: ns,
      type,
      clusterIP: svc.spec.clusterIP,
      ports: ports.lines,
      portsShort: ports.short,
      selector: sortedLabels(svc.spec.selector),
      externalName: svc.spec.externalName,
      loadBalancerIPs: lbIPs,
      headless: svc.spec.clusterIP === 'None',
      endpointCount: { ready, notReady },
      warning: d.warning,
      hints: [],
      system: isSystemObject(svc),
    };
    const warn = d.warning ? `, warning: ${d.warning}` : '';
    nodes.push({
      id: sid,
      data,
      width: S.SERVICE_W,
      height: S.serviceHeight(ports.lines.length, data.selector.length > 0, d.warning),
      ariaLabel: `Service ${name}, ${type}${data.headless ? ' (headless)' : ''}, ${svc.spec.clusterIP ?? 'no ClusterIP'}, ports ${ports.short || 'none'}${warn}`,
    });
    // One edge per drawn target: a group gets one edge however many of its pods match.
    const byTarget = new Map<string, { included: number; reasons: string[] }>();
    for (const m of d.matched) {
      const t = drawnIdOf(idOf(m.pod));
      const agg = byTarget.get(t) ?? { included: 0, reasons: [] };
      if (m.included) agg.included++;
      else if (m.reason) agg.reasons.push(m.reason);
      byTarget.set(t, agg);
    }
    for (const [target, agg] of byTarget) {
      const excluded = agg.included === 0;
      edges.push({ id: `sel:${sid}->${target}`, source: sid, target, kind: excluded ? 'excluded' : 'selects', label: excluded ? `excluded: ${agg.reasons[0]}` : undefined });
    }
    for (const sl of slices) {
      const slid = idOf(sl);
      const eps = sl.endpoints ?? [];
      const r = eps.filter((e) => e.conditions.ready !== false).length;
      nodes.push({
        id: slid,
        data: { kind: 'slice', ref: { kind: 'EndpointSlice', namespace: ns, name: sl.metadata.name ?? '' }, name: sl.metadata.name ?? '', namespace: ns, service: name, ready: r, notReady: eps.length - r, ports: (sl.ports ?? []).map((p) => `${p.port}/${p.protocol ?? 'TCP'}`).join(', ') },
        width: S.SLICE_W,
        height: S.SLICE_H,
        ariaLabel: `EndpointSlice ${sl.metadata.name} of Service ${name}: ${r} ready, ${eps.length - r} not ready`,
      });
      edges.push({ id: `own:${sid}->${slid}`, source: sid, target: slid, kind: 'owns' });
      const seen = new Set<string>();
      for (const ep of eps) {
        if (ep.targetRef?.kind !== 'Pod') continue;
        const t = drawnIdOf(objectNodeId('Pod', ep.targetRef.namespace ?? ns, ep.targetRef.name));
        if (seen.has(t) || !drawn.has(t)) continue;
        seen.add(t);
        edges.push({ id: `ep:${slid}->${t}`, source: slid, target: t, kind: 'endpoint', label: ep.conditions.ready === false ? 'not ready' : undefined });
      }
    }
    if (type === 'ExternalName' && svc.spec.externalName) {
      const host = svc.spec.externalName;
      externalTargets.set(host, [...(externalTargets.get(host) ?? []), name]);
      edges.push({ id: `ext:${sid}`, source: sid, target: externalNameNodeId(host), kind: 'externalName', label: 'CNAME' });
    }
    if (type === 'LoadBalancer' && !data.system) {
      lbEntries.push({ service: name, namespace: ns, ips: lbIPs, ports: ports.short, pending: lbIPs.length === 0 });
    }
  }
  for (const [host, svcs] of externalTargets) {
    nodes.push({ id: externalNameNodeId(host), data: { kind: 'externalName', host, services: svcs }, width: S.SIDE_W, height: S.EXTERNAL_NAME_H, ariaLabel: `External name ${host}, outside the cluster` });
  }

  // Outside the cluster and its front doors.
  nodes.push({ id: WORKSTATION_NODE_ID, data: { kind: 'workstation' }, width: S.SIDE_W, height: S.WORKSTATION_H, ariaLabel: 'Your machine, outside the cluster' });
  if (lbEntries.length) {
    nodes.push({
      id: CLOUD_LB_NODE_ID,
      data: { kind: 'lb', entries: lbEntries, cloudProvider: snap.sim.cloudProvider },
      width: S.SIDE_W,
      height: S.loadBalancerHeight(lbEntries.length),
      ariaLabel: `Cloud load balancer: ${lbEntries.map((e) => `${e.service} ${e.pending ? 'pending' : e.ips.join(' ')}`).join(', ')}`,
    });
    for (const n of list<Node>(snap, 'Node')) {
      edges.push({ id: `lb:${idOf(n)}`, source: CLOUD_LB_NODE_ID, target: idOf(n), kind: 'lb', label: 'nodePort' });
    }
  }
  addSystemNodes(snap, nodes, edges, showSystem, visibleServices);
  const drawnPods = grouping.singles.length;
  return { nodes, edges, aliases, stats: { pods: entries.length, drawnPods, groups: grouping.groups.length } };
}

function addSystemNodes(snap: SnapshotLike, nodes: GraphNode[], edges: GraphEdge[], showSystem: boolean, visible: readonly Service[]): void {
  const pods = list<Pod>(snap, 'Pod');
  const services = list<Service>(snap, 'Service');
  const readyOf = (ns: string, selector?: Record<string, string>) => {
    const sel = Object.entries(selector ?? {});
    const mine = pods.filter((p) => nsOf(p) === ns && sel.length > 0 && sel.every(([k, v]) => p.metadata.labels?.[k] === v));
    return { mine, ready: mine.filter((p) => podState(p).state === 'ready').length };
  };
  const dns = services.find((s) => idOf(s) === CORE_DNS_NODE_ID);
  if (dns) {
    const { mine, ready } = readyOf('kube-system', dns.spec.selector);
    nodes.push({
      id: CORE_DNS_NODE_ID,
      data: { kind: 'coredns', ref: { kind: 'Service', namespace: 'kube-system', name: 'kube-dns' }, clusterIP: dns.spec.clusterIP, ready, total: mine.length },
      width: S.SIDE_W,
      height: S.CORE_DNS_H,
      ariaLabel: `CoreDNS, Service kube-dns ${dns.spec.clusterIP ?? ''} port 53, ${ready} of ${mine.length} pods ready`,
    });
    if (showSystem) for (const p of mine) edges.push({ id: `sel:${CORE_DNS_NODE_ID}->${idOf(p)}`, source: CORE_DNS_NODE_ID, target: idOf(p), kind: 'selects' });
  }
  const ing = services.find((s) => idOf(s) === INGRESS_NODE_ID);
  if (!ing) return;
  const { mine, ready } = readyOf('ingress-nginx', ing.spec.selector);
  const rules: string[] = [];
  const visibleIds = new Set(visible.map(idOf));
  for (const ingress of list<Ingress>(snap, 'Ingress')) {
    const ns = nsOf(ingress);
    const backends = new Set<string>();
    const add = (host: string | undefined, path: string | undefined, svc?: { name: string; port?: { name?: string; number?: number } }) => {
      if (!svc) return;
      rules.push(`${host ?? '*'}${path ?? '/'} → ${svc.name}:${svc.port?.number ?? svc.port?.name ?? ''}`);
      backends.add(svc.name);
    };
    add(undefined, undefined, ingress.spec.defaultBackend?.service);
    for (const r of ingress.spec.rules ?? []) for (const p of r.http?.paths ?? []) add(r.host, p.path, p.backend.service);
    for (const b of backends) {
      const target = objectNodeId('Service', ns, b);
      if (visibleIds.has(target)) edges.push({ id: `ing:${idOf(ingress)}->${target}`, source: INGRESS_NODE_ID, target, kind: 'ingress', label: ingress.metadata.name });
    }
  }
  const address = ing.status?.loadBalancer?.ingress?.[0]?.ip;
  nodes.push({
    id: INGRESS_NODE_ID,
    data: { kind: 'ingress', ref: { kind: 'Service', namespace: 'ingress-nginx', name: 'ingress-nginx-controller' }, address, ready, total: mine.length, rules },
    width: S.SIDE_W,
    height: S.ingressHeight(rules.length),
    ariaLabel: `Ingress controller ingress-nginx, ${address ?? 'address pending'}, ${ready} of ${mine.length} pods ready, ${rules.length} rules`,
  });
  if (showSystem) for (const p of mine) edges.push({ id: `sel:${INGRESS_NODE_ID}->${idOf(p)}`, source: INGRESS_NODE_ID, target: idOf(p), kind: 'selects' });
}
