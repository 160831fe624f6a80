// The shape of one request's path through the simulated network, hop by hop.
// Placeholder until the data plane lands; the data-plane module owns this file.

/** Who sends the request. */
export type RequestSource =
  | { kind: 'workstation' }
  | { kind: 'pod'; namespace: string; name: string; container?: string }
  | { kind: 'node'; name: string };

export interface TraceRequest {
  from: RequestSource;
  /** As typed: `http://web`, `web.default.svc.cluster.local:8080/path`, `10.96.0.5`, `192.168.49.2:30080`. */
  url: string;
  method?: string;
  headers?: Record<string, string>;
}

export interface Hop {
  /** What the hop describes, e.g. 'dns', 'dnat', 'snat', 'route', 'policy', 'deliver', 'reject', 'drop', 'respond'. */
  action: string;
  /** A sentence a student can read: what decided and why. */
  reason: string;
}

export interface Trace {
  request: TraceRequest;
  hops: Hop[];
  outcome: { kind: string };
}
