// The shape of one request's path through the simulated network, hop by hop.
// The UI animates hops (so each names the objects it touches exactly: kind,
// namespace, name) and `curl -v` prints them (so each has a one-sentence reason).

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
  /** Request body (curl -d). */
  body?: string;
  /** `curl --resolve host:port:addr` and /etc/hosts-like overrides: host (lower case) -> IP. */
  resolve?: Record<string, string>;
  /** Sent as the User-Agent header when headers do not set one. Default `curl/8.5.0`. */
  userAgent?: string;
}

/** Something a hop happens at or moves to; the UI finds the drawn object by these names. */
export interface PlaceRef {
  kind: 'Workstation' | 'Node' | 'Pod' | 'Service' | 'LoadBalancer' | 'Ingress' | 'Network';
  namespace?: string;
  name: string;
  /** The address the place has on the path, when it has one. */
  ip?: string;
}

export interface Address {
  ip: string;
  port: number;
}

/** Source and destination of the packet. */
export interface PacketHeader {
  src: Address;
  dst: Address;
}

export type HopAction =
  | 'dns' // a name was looked up (or could not be)
  | 'send' // the packet leaves the client
  | 'route' // the packet moves between places (workstation -> node, node -> node, node -> pod)
  | 'loadbalancer' // the cloud load balancer picked a node
  | 'firewall' // loadBalancerSourceRanges accepted the source
  | 'dnat' // kube-proxy rewrote the destination to an endpoint
  | 'snat' // kube-proxy marked the packet for masquerade: source becomes the node's IP
  | 'policy' // a NetworkPolicy verdict
  | 'ingress' // the ingress controller matched a rule and proxies to a backend
  | 'deliver' // the packet reached a listening socket
  | 'respond' // the server answered
  | 'reject' // refused at once (REJECT, RST)
  | 'drop'; // silently discarded (the client times out)

export interface EndpointChoice {
  ip: string;
  port: number;
  pod?: { namespace: string; name: string };
  nodeName?: string;
  /** iptables: the `statistic --mode random --probability` of the rule that matched (10 decimals), `unconditional` for the last. */
  probability?: string;
  /** How it was chosen, e.g. `random 1/3`, `round robin (2 of 3)`, `session affinity`. */
  how: string;
  /** Session affinity: simulated ms until which this client stays on the endpoint. */
  pinnedUntilMs?: number;
  /** How many candidate endpoints there were. */
  of: number;
  /** Only serving-terminating endpoints were left (kube-proxy's fallback). */
  terminatingFallback?: boolean;
}

export interface Hop {
  action: HopAction;
  /** Where the packet is when this happens. */
  where: PlaceRef;
  /** Where the packet goes next (route, loadbalancer, ingress, deliver). */
  to?: PlaceRef;
  /** The packet before and after this hop (equal when nothing was rewritten). */
  before?: PacketHeader;
  after?: PacketHeader;
  /** The Service this hop belongs to. */
  service?: { namespace: string; name: string; port: number; portName?: string; protocol: string };
  /** The rule that decided, as kube-proxy / CoreDNS / NetworkPolicy would name it. */
  rule?: string;
  endpoint?: EndpointChoice;
  /** dns: the record that answered. */
  record?: { name: string; type: string; data: string };
  /** policy: the NetworkPolicy and rule. */
  policy?: { name?: string; rule?: string; allowed: boolean; direction?: 'ingress' | 'egress' };
  /** A sentence a student can read: what decided and why. */
  reason: string;
}

export interface ServedBy {
  namespace: string;
  pod: string;
  container: string;
  ip: string;
  node: string;
  port: number;
}

export type TraceOutcome =
  | {
      kind: 'response';
      status: number;
      statusText: string;
      /** In the order the server sends them. */
      headers: [string, string][];
      body: string;
      servedBy?: ServedBy;
      /** Transport-level oddities curl reports (`http09` redis, `empty` reply, `tls` wrong version). */
      protocolError?: 'http09' | 'empty' | 'tls';
      reason: string;
    }
  | { kind: 'refused'; ip: string; port: number; reason: string }
  | { kind: 'timeout'; ip: string; port: number; reason: string }
  | { kind: 'nxdomain'; name: string; reason: string; /** the resolver timed out instead of answering */ dnsTimeout?: boolean }
  | { kind: 'invalid'; reason: string };

export interface ParsedUrl {
  scheme: 'http' | 'https';
  host: string;
  port: number;
  /** Path with query, always starting with `/`. */
  path: string;
  /** Whether the port was in the URL (it then appears in the Host header). */
  explicitPort: boolean;
}

export interface Trace {
  request: TraceRequest;
  url?: ParsedUrl;
  method: string;
  /** The client's address and the address it connected to (after DNS, before any NAT). */
  client?: Address;
  connect?: Address;
  hops: Hop[];
  outcome: TraceOutcome;
}
