// NetworkPolicy verdicts for the data plane: a thin adapter that reads pods, namespaces
// and policies from the store and hands them to the pure evaluator in policyMatch.ts.
//
// For the DNS and trace code: a pod's DNS query is one more connection — call
// evaluateConnection with `to` = the chosen CoreDNS pod (its IP and {namespace: 'kube-system',
// name}) and port 53, protocol 'UDP' (or 'TCP'); a policy that isolates the pod for egress
// blocks it unless a rule allows port 53 to that pod. `dnsEgressVerdict` does exactly that.
import type { EngineContext } from '../context';
import type { Namespace, Pod } from '../core/types';
import { evaluatePolicies, type DirectionDecision, type PolicyParty, type PolicyPod, type PolicyWorld } from './policyMatch';
import type { NetworkPolicy } from './types';

export interface PolicyEndpoint {
  ip: string;
  /** The pod at this address, if it is a pod (the adapter never looks pods up by IP). */
  pod?: { namespace: string; name: string };
}

export interface PolicyVerdict {
  allowed: boolean;
  /** A sentence naming the policy and rule that allowed it, or why nothing did. */
  reason: string;
  /** e.g. `default/allow-frontend` and `ingress[0]`, when a rule decided. */
  policy?: string;
  rule?: string;
  direction?: 'ingress' | 'egress';
  /** Each end's decision: the source pod's egress, then the destination pod's ingress. */
  decisions?: DirectionDecision[];
}

function policyPod(ctx: EngineContext, ref: PolicyEndpoint['pod']): PolicyPod | undefined {
  if (!ref) return undefined;
  const pod = ctx.store.get<Pod>('Pod', ref.namespace, ref.name);
  if (!pod) return undefined;
  const ports = pod.spec.containers.flatMap((c) => c.ports ?? []);
  return { namespace: ref.namespace, name: ref.name, labels: pod.metadata.labels ?? {}, hostIP: pod.status?.hostIP, ports };
}

function world(ctx: EngineContext): PolicyWorld {
  return {
    policiesIn: (ns) => ctx.store.list<NetworkPolicy>('NetworkPolicy', ns),
    namespaceLabels: (ns) => ctx.store.get<Namespace>('Namespace', undefined, ns)?.metadata.labels,
  };
}

/** Checks the source's egress and the destination's ingress for one connection after DNAT. */
export function evaluateConnection(
  ctx: EngineContext,
  conn: { from: PolicyEndpoint; to: PolicyEndpoint; port: number; protocol: string },
): PolicyVerdict {
  if (ctx.store.count('NetworkPolicy') === 0) return { allowed: true, reason: 'no NetworkPolicy selects either pod' };
  const from: PolicyParty = { ip: conn.from.ip, pod: policyPod(ctx, conn.from.pod) };
  const to: PolicyParty = { ip: conn.to.ip, pod: policyPod(ctx, conn.to.pod) };
  return evaluatePolicies(world(ctx), { from, to, port: conn.port, protocol: conn.protocol });
}

/** Whether a pod may send its DNS query to a CoreDNS pod (UDP 53, as resolvers try first). */
export function dnsEgressVerdict(ctx: EngineContext, from: PolicyEndpoint, coreDNS: PolicyEndpoint, protocol: 'UDP' | 'TCP' = 'UDP'): PolicyVerdict {
  return evaluateConnection(ctx, { from, to: coreDNS, port: 53, protocol });
}
