// NetworkPolicy evaluation for one connection, as a pure function of the policies,
// the pods at both ends and the namespaces' labels (KUBERNETES.md §15).
// Sources: staging/src/k8s.io/api/networking/v1/types.go (field semantics), docs
// "Network Policies" (isolation per direction, additive rules, peers AND/OR, the node and
// self exceptions), and the upstream conformance suite's truth tables
// (test/e2e/network/netpol). Implementation-defined points follow Calico: an ipBlock also
// matches pod IPs; named ports resolve on the destination pod's container ports.

import { fromLabelSelector, matchesSelector, type Selector } from '../core/labels';
import type { ContainerPort, LabelSelector } from '../core/types';
import { cidrContains } from './cidr';
import type { NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort } from './types';

export interface PolicyPod {
  namespace: string;
  name: string;
  labels: Record<string, string>;
  /** The node's IP (status.hostIP): its traffic to and from the pod is always allowed. */
  hostIP?: string;
  /** Every container's ports, for named ports. */
  ports: readonly ContainerPort[];
}

export interface PolicyParty {
  ip: string;
  pod?: PolicyPod;
}

export interface PolicyWorld {
  /** NetworkPolicies of one namespace. */
  policiesIn(namespace: string): readonly NetworkPolicy[];
  namespaceLabels(namespace: string): Record<string, string> | undefined;
}

export type Direction = 'ingress' | 'egress';

export interface DirectionDecision {
  direction: Direction;
  allowed: boolean;
  /** Whether any policy isolates the pod in this direction. */
  isolated: boolean;
  policy?: string;
  rule?: string;
  reason: string;
}

export interface Connection {
  from: PolicyParty;
  to: PolicyParty;
  port: number;
  protocol: string;
}

const selectorCache = new WeakMap<LabelSelector, Selector>();

/** A LabelSelector's requirements; stored policies are frozen, so conversions are cached by identity. */
function compiled(sel: LabelSelector): Selector {
  let s = selectorCache.get(sel);
  if (!s) selectorCache.set(sel, (s = fromLabelSelector(sel)));
  return s;
}

export function selects(sel: LabelSelector | undefined, labels: Record<string, string> | undefined): boolean {
  // spec.podSelector is a required struct: absent means {} (everything).
  return sel ? matchesSelector(labels, compiled(sel)) : true;
}

function hasType(np: NetworkPolicy, type: 'Ingress' | 'Egress'): boolean {
  return (np.spec?.policyTypes ?? ['Ingress']).includes(type);
}

function peerMatches(peer: NetworkPolicyPeer, policyNamespace: string, party: PolicyParty, world: PolicyWorld): boolean {
  if (peer.ipBlock) {
    if (!cidrContains(peer.ipBlock.cidr, party.ip)) return false;
    return !(peer.ipBlock.except ?? []).some((ex) => cidrContains(ex, party.ip));
  }
  const pod = party.pod;
  if (!pod) return false; // selectors only ever select pods
  if (peer.namespaceSelector) {
    if (!selects(peer.namespaceSelector, world.namespaceLabels(pod.namespace))) return false;
  } else if (pod.namespace !== policyNamespace) {
    return false; // a podSelector alone means the policy's own namespace
  }
  return peer.podSelector ? selects(peer.podSelector, pod.labels) : true;
}

function peersMatch(peers: NetworkPolicyPeer[] | undefined, ns: string, party: PolicyParty, world: PolicyWorld): boolean {
  return !peers || peers.length === 0 || peers.some((p) => peerMatches(p, ns, party, world));
}

/** Ports are matched after DNAT: on the destination pod's port; a named port resolves on that pod. */
function portMatches(p: NetworkPolicyPort, dest: PolicyParty, port: number, protocol: string): boolean {
  if ((p.protocol ?? 'TCP') !== protocol) return false;
  if (p.port === undefined || p.port === null) return true;
  if (typeof p.port === 'number') return p.endPort !== undefined ? port >= p.port && port <= p.endPort : port === p.port;
  const named = dest.pod?.ports.find((cp) => cp.name === p.port && (cp.protocol ?? 'TCP') === protocol);
  return !!named && named.containerPort === port;
}

function portsMatch(ports: NetworkPolicyPort[] | undefined, dest: PolicyParty, port: number, protocol: string): boolean {
  return !ports || ports.length === 0 || ports.some((p) => portMatches(p, dest, port, protocol));
}

const key = (np: NetworkPolicy) => `${np.metadata.namespace}/${np.metadata.name}`;
const podKey = (p: PolicyPod) => `${p.namespace}/${p.name}`;

function describeParty(p: PolicyParty): string {
  return p.pod ? `pod ${podKey(p.pod)} (${p.ip})` : p.ip;
}

/** One direction for the pod at that end: isolated or not, and which rule allowed. */
export function decideDirection(world: PolicyWorld, conn: Connection, direction: Direction): DirectionDecision | undefined {
  const self = direction === 'ingress' ? conn.to : conn.from;
  const peer = direction === 'ingress' ? conn.from : conn.to;
  const pod = self.pod;
  if (!pod) return undefined;
  const proto = conn.protocol.toUpperCase();
  const type = direction === 'ingress' ? 'Ingress' : 'Egress';
  const selecting = world.policiesIn(pod.namespace).filter((np) => hasType(np, type) && selects(np.spec?.podSelector, pod.labels));
  if (selecting.length === 0) {
    return { direction, allowed: true, isolated: false, reason: `no NetworkPolicy isolates ${podKey(pod)} for ${direction}` };
  }
  if (pod.hostIP && peer.ip === pod.hostIP) {
    return { direction, allowed: true, isolated: true, reason: `traffic ${direction === 'ingress' ? 'from' : 'to'} the pod's own node (${pod.hostIP}) is always allowed` };
  }
  for (const np of selecting) {
    const rules = (direction === 'ingress' ? np.spec.ingress : np.spec.egress) ?? [];
    for (let i = 0; i < rules.length; i++) {
      const rule = rules[i];
      const peers = direction === 'ingress' ? (rule as { from?: NetworkPolicyPeer[] }).from : (rule as { to?: NetworkPolicyPeer[] }).to;
      if (peersMatch(peers, np.metadata.namespace ?? 'default', peer, world) && portsMatch(rule.ports, conn.to, conn.port, proto)) {
        const ruleName = `${direction}[${i}]`;
        return { direction, allowed: true, isolated: true, policy: key(np), rule: ruleName, reason: `NetworkPolicy ${key(np)} ${ruleName} allows ${proto} ${direction === 'ingress' ? 'from' : 'to'} ${describeParty(peer)} on port ${conn.port}` };
      }
    }
  }
  const names = selecting.map(key).join(', ');
  return {
    direction,
    allowed: false,
    isolated: true,
    policy: key(selecting[0]),
    reason: `pod ${podKey(pod)} is isolated for ${direction} by NetworkPolicy ${names} and no ${direction} rule allows ${proto} ${direction === 'ingress' ? 'from' : 'to'} ${describeParty(peer)} on port ${conn.port}`,
  };
}

export interface Evaluation {
  allowed: boolean;
  reason: string;
  policy?: string;
  rule?: string;
  direction?: Direction;
  /** The source's egress decision (if the source is a pod), then the destination's ingress decision. */
  decisions: DirectionDecision[];
}

/** A connection needs the source pod's egress and the destination pod's ingress (§15.5). */
export function evaluatePolicies(world: PolicyWorld, conn: Connection): Evaluation {
  if (conn.from.pod && conn.to.pod && podKey(conn.from.pod) === podKey(conn.to.pod)) {
    return { allowed: true, reason: 'a pod can always connect to itself', decisions: [] };
  }
  const decisions = [decideDirection(world, conn, 'egress'), decideDirection(world, conn, 'ingress')].filter((d): d is DirectionDecision => !!d);
  const denied = decisions.find((d) => !d.allowed);
  if (denied) return { allowed: false, reason: denied.reason, policy: denied.policy, direction: denied.direction, decisions };
  const byRule = [...decisions].reverse().find((d) => d.rule) ?? decisions.find((d) => d.isolated);
  if (!decisions.some((d) => d.isolated)) {
    return { allowed: true, reason: 'no NetworkPolicy selects either pod', decisions };
  }
  return { allowed: true, reason: decisions.filter((d) => d.isolated).map((d) => d.reason).join('; '), policy: byRule?.policy, rule: byRule?.rule, direction: byRule?.direction, decisions };
}
