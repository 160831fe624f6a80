// A trace (the engine's hop-by-hop path of one request) -> the path a packet is
// drawn along: the ordered graph nodes it visits, one step per hop with the hop's
// explanation, and the timing of each step. Pure: the packet layer resolves the
// node ids to positions and draws; this file only decides WHERE and WHEN.

import type { Hop, Trace } from '../engine';
import type { PlaceRef, RequestSource, TraceOutcome } from '../engine/dataplane/types';
import { objectNodeId, WORKSTATION_NODE_ID, CLOUD_LB_NODE_ID } from './ids';

/** How a packet looks while it travels to a step and sits there. */
export type PacketStyle = 'request' | 'dns' | 'response';
/** What stays on the picture where a request ended badly. */
export type PacketMarker = 'refused' | 'dropped' | 'unresolved';

export interface PathStep {
  /** Index into trace.hops (the final "reply arrives" step repeats the respond hop's index). */
  hop: number;
  /** Graph node ids where this step happens, best first; the layer draws at the first one it has. */
  at: string[];
  /** Whether the packet moves from the previous step's place to this one (else it stays). */
  travel: boolean;
  style: PacketStyle;
  /** Short title for the callout: "DNAT", "SNAT", "Refused" … */
  title: string;
  /** The engine's one-sentence reason. */
  label: string;
  marker?: PacketMarker;
}

export interface PacketPath {
  /** Where the packet starts: the client. */
  origin: string[];
  steps: PathStep[];
  /** One line for the end of the story: "200 OK from web-abc", "refused", … */
  summary: string;
  outcome: TraceOutcome['kind'];
}

/**
 * Graph node ids to fall back on when a pod has no drawn node of its own: the group
 * node it is collapsed into, then its node's frame.
 */
export type PodNodeLookup = (namespace: string, name: string) => readonly string[] | undefined;

const NODE = (name: string) => objectNodeId('Node', undefined, name);

/** Graph node ids for an engine place, best first. */
export function placeNodeIds(place: PlaceRef, podNode?: PodNodeLookup): string[] {
  switch (place.kind) {
    case 'Workstation':
      return [WORKSTATION_NODE_ID];
    case 'Node':
      return [NODE(place.name)];
    case 'Pod': {
      const ids = [objectNodeId('Pod', place.namespace ?? 'default', place.name)];
      const fallbacks = podNode?.(place.namespace ?? 'default', place.name);
      if (fallbacks) ids.push(...fallbacks);
      return ids;
    }
    case 'Service':
      return [objectNodeId('Service', place.namespace ?? 'default', place.name)];
    case 'LoadBalancer':
      return [CLOUD_LB_NODE_ID, objectNodeId('Service', place.namespace ?? 'default', place.name)];
    case 'Ingress':
      return [objectNodeId('Ingress', place.namespace ?? 'default', place.name)];
    default:
      return [];
  }
}

export function sourceNodeIds(from: RequestSource, podNode?: PodNodeLookup): string[] {
  if (from.kind === 'workstation') return [WORKSTATION_NODE_ID];
  if (from.kind === 'node') return [NODE(from.name)];
  return placeNodeIds({ kind: 'Pod', namespace: from.namespace, name: from.name }, podNode);
}

const TITLES: Record<Hop['action'], string> = {
  dns: 'DNS',
  send: 'Send',
  route: 'Route',
  loadbalancer: 'Load balancer',
  firewall: 'Firewall',
  dnat: 'DNAT',
  snat: 'SNAT',
  policy: 'NetworkPolicy',
  ingress: 'Ingress',
  deliver: 'Deliver',
  respond: 'Response',
  reject: 'Refused',
  drop: 'Dropped',
};

const serviceId = (hop: Hop) => (hop.service ? objectNodeId('Service', hop.service.namespace, hop.service.name) : undefined);

/** Turns a trace into the steps a packet is drawn along. */
export function packetPath(trace: Trace, podNode?: PodNodeLookup): PacketPath {
  const steps: PathStep[] = [];
  const client = sourceNodeIds(trace.request.from, podNode);
  let here: string[] = client;
  // nslookup and dig are traced too (method DNS): their packets are drawn in the DNS style throughout.
  const reqStyle: PacketStyle = trace.method === 'DNS' ? 'dns' : 'request';
  const push = (hop: number, at: string[], style: PacketStyle, marker?: PacketMarker, label?: string, title?: string) => {
    const h = trace.hops[hop];
    const to = at.length ? at : here;
    steps.push({ hop, at: to, travel: !sameIds(to, here), style, title: title ?? TITLES[h.action], label: label ?? h.reason, marker });
    here = to;
  };
  trace.hops.forEach((hop, i) => {
    const where = placeNodeIds(hop.where, podNode);
    const to = hop.to ? placeNodeIds(hop.to, podNode) : undefined;
    switch (hop.action) {
      case 'dns': {
        // A pod asks CoreDNS through the kube-dns Service; the question goes there and the answer comes back.
        const viaCoreDns = trace.request.from.kind === 'pod' && /CoreDNS|kube-dns/.test(hop.reason);
        const failed = !hop.record || hop.record.type !== 'A';
        const last = i === trace.hops.length - 1;
        if (to) push(i, to, 'dns', failed && last ? 'unresolved' : undefined);
        else if (viaCoreDns) push(i, [objectNodeId('Service', 'kube-system', 'kube-dns'), ...where], 'dns', failed && last ? 'unresolved' : undefined);
        else push(i, where, 'dns', failed && last ? 'unresolved' : undefined);
        break;
      }
      case 'dnat': {
        // The rewrite is kube-proxy's, but people see it as "the Service picked a pod": draw it at the Service.
        const svc = to?.length ? to : serviceIdList(hop);
        push(i, svc.length ? svc : where, reqStyle);
        break;
      }
      case 'snat':
      case 'firewall':
        push(i, here, reqStyle);
        break;
      case 'policy':
        if (hop.policy && !hop.policy.allowed) push(i, here, reqStyle, 'dropped');
        else push(i, to ?? where, reqStyle);
        break;
      case 'reject':
      case 'drop': {
        const svc = serviceIdList(hop);
        push(i, svc.length ? [...svc, ...where] : where, reqStyle, hop.action === 'reject' ? 'refused' : 'dropped');
        break;
      }
      case 'respond': {
        push(i, where, 'response');
        const back = to ?? client;
        if (!sameIds(back, here)) push(i, back, 'response', undefined, summarize(trace), 'Reply');
        break;
      }
      case 'route':
      case 'loadbalancer':
      case 'ingress':
      case 'deliver':
      case 'send':
      default:
        push(i, to ?? where, reqStyle);
    }
  });
  // A trace that ends without a verdict hop still says how it ended.
  const lastStep = steps[steps.length - 1];
  if (lastStep && !lastStep.marker && trace.outcome.kind !== 'response') {
    lastStep.marker = trace.outcome.kind === 'refused' ? 'refused' : trace.outcome.kind === 'nxdomain' ? 'unresolved' : 'dropped';
  }
  return { origin: client, steps, summary: summarize(trace), outcome: trace.outcome.kind };
}

function serviceIdList(hop: Hop): string[] {
  const id = serviceId(hop);
  return id ? [id] : [];
}

function sameIds(a: string[], b: string[]): boolean {
  return a.length > 0 && b.length > 0 && a[0] === b[0];
}

/** "200 OK from web-abc", "connection refused", … */
export function summarize(trace: Trace): string {
  const o = trace.outcome;
  if (trace.method === 'DNS' && o.kind === 'response') {
    const rec = [...trace.hops].reverse().find((h) => h.record)?.record;
    return rec ? `${rec.name} ${rec.type} ${rec.data}` : `Answered ${o.statusText}`;
  }
  switch (o.kind) {
    case 'response':
      if (o.protocolError) return `No HTTP answer (${o.protocolError === 'tls' ? 'TLS mismatch' : o.protocolError === 'empty' ? 'empty reply' : 'not HTTP'}): ${o.reason}`;
      return `${o.status} ${o.statusText}${o.servedBy ? ` from pod ${o.servedBy.pod}` : ''}`.trim();
    case 'refused':
      return `Connection to ${o.ip}:${o.port} refused`;
    case 'timeout':
      return `Dropped: the connection to ${o.ip}:${o.port} timed out`;
    case 'nxdomain':
      return o.dnsTimeout ? `Could not resolve ${o.name}: the DNS query timed out` : `Could not resolve ${o.name}`;
    default:
      return o.reason;
  }
}

export interface StepTiming {
  /** When the packet arrives at step i (ms from the trace's start, at 1×). */
  arrive: number[];
  /** When it leaves step i (arrive + dwell). */
  leave: number[];
  total: number;
}

export interface TimingOptions {
  /** Time to slide from one place to the next; 0 jumps (reduced motion). */
  travelMs: number;
  /** Time spent at each step so its explanation can be read. */
  dwellMs: number;
  /** How long a refused/dropped marker stays after the last step. */
  markerMs?: number;
}

/** When each step starts and ends: travel (when the packet moves), then dwell. */
export function stepTimes(path: PacketPath, opts: TimingOptions): StepTiming {
  const arrive: number[] = [];
  const leave: number[] = [];
  let t = 0;
  for (const step of path.steps) {
    if (step.travel) t += opts.travelMs;
    arrive.push(t);
    t += opts.dwellMs;
    leave.push(t);
  }
  const last = path.steps[path.steps.length - 1];
  if (last?.marker) t += opts.markerMs ?? 0;
  return { arrive, leave, total: t };
}

/** The step on show at time t (the last one arrived at), or -1 before the first. */
export function stepAt(timing: StepTiming, t: number): number {
  let i = -1;
  for (let k = 0; k < timing.arrive.length; k++) {
    if (timing.arrive[k] <= t) i = k;
    else break;
  }
  return i;
}
