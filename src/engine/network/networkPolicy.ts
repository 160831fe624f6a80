// Placeholder until NetworkPolicy lands: every connection is allowed.
import type { EngineContext } from '../context';

export interface PolicyEndpoint {
  ip: string;
  /** The pod at this address, if it is a pod. */
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
}

/** Checks the source's egress and the destination's ingress for one connection after DNAT. */
export function evaluateConnection(
  _ctx: EngineContext,
  _conn: { from: PolicyEndpoint; to: PolicyEndpoint; port: number; protocol: string },
): PolicyVerdict {
  return { allowed: true, reason: 'no NetworkPolicy selects either pod' };
}
