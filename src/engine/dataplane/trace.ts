// traceRequest: one HTTP request, hop by hop — parse the URL, resolve the name
// the way the client would (a pod asks CoreDNS through its search path; your
// machine has no cluster DNS), open the connection through kube-proxy's rules
// (routing.ts), and let the server that accepts it answer (httpServers.ts),
// with the ingress controller proxying on to a backend when it is the server.

import type { EngineContext } from '../context';
import type { Pod } from '../core/types';
import { resolveQuery } from '../dns/resolver';
import { evaluateConnection } from '../network/networkPolicy';
import { serveHttp } from '../network/httpServers';
import { WORKSTATION_IP } from '../programs/types';
import { decide } from './kubeProxy';
import { isIngressController, proxyThroughIngress } from './ingressProxy';
import { type Client, clientPlace, podPlace, Router } from './routing';
import { dataplaneState, type DataplaneState } from './state';
import type { Hop, ParsedUrl, Trace, TraceOutcome, TraceRequest } from './types';
import { parseIPv4 } from '../api/validation/common';
import { forwardAt } from '../network/portForwards';
import { tracePortForward } from './portForwardTrace';

export const CURL_USER_AGENT = 'curl/8.5.0';

/** Parses a URL as curl does: scheme optional (http), port defaults per scheme, path defaults to `/`. */
export function parseUrl(url: string): ParsedUrl | { error: string; code: number } {
  let rest = url.trim();
  let scheme = 'http';
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(rest);
  if (m) {
    scheme = m[1].toLowerCase();
    rest = rest.slice(m[0].length);
  }
  if (scheme !== 'http' && scheme !== 'https') return { error: `Protocol "${scheme}" not supported`, code: 1 };
  const slash = rest.search(/[/?#]/);
  const authority = slash < 0 ? rest : rest.slice(0, slash);
  let path = slash < 0 ? '/' : rest.slice(slash);
  path = path.split('#')[0];
  if (path.startsWith('?')) path = `/${path}`;
  const hostPort = authority.includes('@') ? authority.slice(authority.lastIndexOf('@') + 1) : authority;
  const pm = /^([^:]*)(?::(.*))?$/.exec(hostPort)!;
  const host = pm[1].toLowerCase();
  if (!host) return { error: 'No host part in the URL', code: 3 };
  let port = scheme === 'https' ? 443 : 80;
  const explicitPort = pm[2] !== undefined && pm[2] !== '';
  if (explicitPort) {
    if (!/^\d+$/.test(pm[2]!) || Number(pm[2]) > 65535) return { error: 'URL rejected: Port number was not a decimal number between 0 and 65535', code: 3 };
    port = Number(pm[2]);
  }
  return { scheme: scheme as 'http' | 'https', host, port, path, explicitPort };
}

function resolveClient(ctx: EngineContext, state: DataplaneState, req: TraceRequest): Client | string {
  const from = req.from;
  if (from.kind === 'workstation') return { kind: 'workstation', ip: WORKSTATION_IP };
  if (from.kind === 'node') {
    const ip = state.table.nodeIP(from.name);
    return ip ? { kind: 'node', ip, node: { name: from.name, ip } } : `node "${from.name}" not found`;
  }
  const pod = ctx.store.get<Pod>('Pod', from.namespace, from.name);
  if (!pod) return `pods "${from.name}" not found`;
  const ip = pod.status?.podIP;
  const nodeName = pod.spec.nodeName;
  const nodeIP = nodeName ? state.table.nodeIP(nodeName) : undefined;
  if (!ip || !nodeName || !nodeIP) return `pod ${from.namespace}/${from.name} has no IP yet (it is not running)`;
  if (pod.spec.hostNetwork) return { kind: 'node', ip: nodeIP, node: { name: nodeName, ip: nodeIP } };
  return { kind: 'pod', ip, node: { name: nodeName, ip: nodeIP }, pod };
}

type Resolved = { ip: string } | { outcome: TraceOutcome };

function resolveHost(ctx: EngineContext, state: DataplaneState, client: Client, req: TraceRequest, host: string, hops: Hop[]): Resolved {
  if (parseIPv4(host) !== undefined) return { ip: host };
  const where = clientPlace(client);
  const override = req.resolve?.[host];
  if (override) {
    hops.push({ action: 'dns', where, record: { name: host, type: 'A', data: override }, reason: `${host} resolves to ${override} from the client's own override (--resolve or /etc/hosts), without asking DNS.` });
    return { ip: override };
  }
  if (host === 'localhost') return { ip: '127.0.0.1' };
  if (client.kind === 'pod' && (host === client.pod.metadata.name || host === client.pod.spec.hostname)) {
    hops.push({ action: 'dns', where, record: { name: host, type: 'A', data: client.ip }, reason: `${host} is the pod's own hostname, listed in its /etc/hosts by the kubelet.` });
    return { ip: client.ip };
  }
  const clusterDNS = client.kind === 'pod' && client.pod.spec.dnsPolicy !== 'Default';
  if (!clusterDNS) {
    const reason = client.kind === 'workstation'
      ? `Your machine does not use the cluster's DNS: CoreDNS (10.96.0.10) answers only inside the cluster, so "${host}" does not resolve here. Use a node IP and NodePort, a LoadBalancer IP, or run the command in a pod with kubectl exec.`
      : `${client.kind === 'node' ? `Node ${client.node.name}` : 'This pod (dnsPolicy: Default)'} uses the node's resolver, not CoreDNS, so the cluster name "${host}" does not resolve.`;
    hops.push({ action: 'dns', where, reason });
    return { outcome: { kind: 'nxdomain', name: host, reason } };
  }
  const pod = (client as Extract<Client, { kind: 'pod' }>).pod;
  // The query itself travels to kube-dns through kube-proxy and NetworkPolicy.
  const transport = dnsTransport(ctx, state, client as Extract<Client, { kind: 'pod' }>);
  if (transport) {
    hops.push({ action: 'dns', where, reason: transport });
    return { outcome: { kind: 'nxdomain', name: host, reason: transport, dnsTimeout: true } };
  }
  const res = resolveQuery(ctx, { name: host, type: 'A', searchNamespace: pod.metadata.namespace });
  const tried = res.tried.map((t) => `${t.name} (${t.rcode})`).join(', ');
  const a = res.answers.find((r) => r.type === 'A');
  if (res.rcode === 'NOERROR' && a) {
    const cname = res.answers.find((r) => r.type === 'CNAME');
    hops.push({
      action: 'dns', where, record: { name: a.name, type: 'A', data: a.data },
      reason: `CoreDNS answered ${a.name} A ${a.data}${cname ? ` (via CNAME ${cname.name} -> ${cname.data})` : ''}${res.tried.length > 1 ? `; the search path tried ${tried}` : ''}.`,
    });
    return { ip: a.data };
  }
  const cname = res.answers.find((r) => r.type === 'CNAME');
  const reason = cname
    ? `CoreDNS answered ${cname.name} CNAME ${cname.data} (an ExternalName Service), but ${cname.data} is outside the simulated cluster and does not resolve.`
    : `CoreDNS answered NXDOMAIN for every name in the search path: ${tried}.`;
  hops.push({ action: 'dns', where, record: cname ? { name: cname.name, type: 'CNAME', data: cname.data } : undefined, reason });
  return { outcome: { kind: 'nxdomain', name: host, reason } };
}

/** Why a pod's DNS query to kube-dns cannot get through, or undefined when it can. */
function dnsTransport(ctx: EngineContext, state: DataplaneState, client: Extract<Client, { kind: 'pod' }>): string | undefined {
  const t = state.table;
  const vip = t.vip('10.96.0.10', 53, 'UDP');
  const ref = vip && t.portRef(vip.svcKey, vip.portIndex);
  if (!ref) return 'The kube-dns Service is missing, so the DNS query to 10.96.0.10:53 gets no answer and the resolver times out.';
  const d = decide(ctx, state, { node: client.node, ref, entry: 'cluster IP', dst: { ip: '10.96.0.10', port: 53 }, srcIP: client.ip, srcKind: 'pod' });
  if (d.verdict !== 'dnat') return `The DNS query to kube-dns (10.96.0.10:53/UDP) fails: ${d.reason} The resolver times out.`;
  // The query is one more connection that NetworkPolicy may block (a default-deny egress without a DNS rule).
  const v = evaluateConnection(ctx, {
    from: { ip: client.ip, pod: { namespace: client.pod.metadata.namespace!, name: client.pod.metadata.name! } },
    to: { ip: d.endpoint.ip, pod: d.endpoint.pod },
    port: d.endpoint.port,
    protocol: 'UDP',
  });
  if (!v.allowed) return `The DNS query to CoreDNS ${d.endpoint.pod ? `pod ${d.endpoint.pod.name}` : d.endpoint.ip} (port 53/UDP) is dropped by NetworkPolicy: ${v.reason} The resolver times out.`;
  return undefined;
}

function requestHeaders(req: TraceRequest, url: ParsedUrl): [string, string][] {
  const defaultPort = url.scheme === 'https' ? 443 : 80;
  const out: [string, string][] = [
    ['Host', url.port !== defaultPort ? `${url.host}:${url.port}` : url.host],
    ['User-Agent', req.userAgent ?? CURL_USER_AGENT],
    ['Accept', '*/*'],
  ];
  for (const [k, v] of Object.entries(req.headers ?? {})) {
    const i = out.findIndex(([name]) => name.toLowerCase() === k.toLowerCase());
    if (i >= 0) {
      if (v === '') out.splice(i, 1);
      else out[i] = [out[i][0], v];
    } else if (v !== '') out.push([k, v]);
  }
  if (req.body !== undefined) {
    if (!out.some(([k]) => k.toLowerCase() === 'content-type')) out.push(['Content-Type', 'application/x-www-form-urlencoded']);
    out.push(['Content-Length', String(req.body.length)]);
  }
  return out;
}

/**
 * The hop-by-hop path of one request. Every trace, whether asked for through
 * `cluster.trace` or made by curl/wget in a terminal, is also announced to the
 * trace listeners, so the UI can animate what a person typed.
 */
export function traceRequest(ctx: EngineContext, request: TraceRequest): Trace {
  const trace = buildTrace(ctx, request);
  for (const listener of traceListeners(ctx)) listener(trace);
  return trace;
}

export type TraceListener = (trace: Trace) => void;

const listenersByContext = new WeakMap<EngineContext, Set<TraceListener>>();

export function traceListeners(ctx: EngineContext): Set<TraceListener> {
  let set = listenersByContext.get(ctx);
  if (!set) listenersByContext.set(ctx, (set = new Set()));
  return set;
}

function buildTrace(ctx: EngineContext, request: TraceRequest): Trace {
  const state = dataplaneState(ctx);
  const hops: Hop[] = [];
  const method = (request.method ?? (request.body !== undefined ? 'POST' : 'GET')).toUpperCase();
  const base = { request, method, hops };
  const parsed = parseUrl(request.url);
  if ('error' in parsed) return { ...base, outcome: { kind: 'invalid', reason: parsed.error } };
  const url = parsed;
  const client = resolveClient(ctx, state, request);
  if (typeof client === 'string') return { ...base, url, outcome: { kind: 'invalid', reason: client } };
  const router = new Router(ctx, state, hops);
  const resolved = resolveHost(ctx, state, client, request, url.host, hops);
  if ('outcome' in resolved) return { ...base, url, client: { ip: client.ip, port: 0 }, outcome: resolved.outcome };
  const connect = { ip: resolved.ip, port: url.port };
  // A port kubectl port-forward listens on, on the person's own machine.
  const forward = client.kind === 'workstation' ? forwardAt(ctx, resolved.ip, url.port) : undefined;
  if (forward) return tracePortForward(ctx, state, base, url, requestHeaders(request, url), resolved.ip, forward);
  const leg = router.connect(client, connect);
  const clientAddr = { ip: client.ip, port: hops.find((h) => h.action === 'send')?.before?.src.port ?? 0 };
  if (!leg.ok) return { ...base, url, client: clientAddr, connect, outcome: leg.outcome };
  const headers = requestHeaders(request, url);
  const arrival = leg.arrival;
  if (arrival.kind === 'special') {
    const outcome: TraceOutcome = url.scheme === 'http' && arrival.tls
      ? { kind: 'response', status: 400, statusText: 'Bad Request', headers: [['Content-Type', 'text/plain']], body: 'Client sent an HTTP request to an HTTPS server.\n', reason: 'The server speaks HTTPS only.' }
      : url.scheme === 'https' && !arrival.tls
        ? { kind: 'response', status: 0, statusText: '', headers: [], body: '', protocolError: 'tls', reason: 'The server does not speak TLS.' }
        : { kind: 'response', status: arrival.status, statusText: statusText(arrival.status), headers: arrival.headers, body: arrival.body, reason: `${arrival.where.name} answered ${arrival.status}.` };
    hops.push({ action: 'respond', where: arrival.where, reason: outcome.reason });
    return { ...base, url, client: clientAddr, connect, outcome };
  }
  const { pod, container, packet } = arrival;
  const httpReq = { method, path: url.path, headers, body: request.body, scheme: url.scheme, clientIP: packet.src.ip, clientPort: packet.src.port, serverPort: packet.dst.port };
  if (isIngressController(pod)) {
    const outcome = proxyThroughIngress(ctx, state, router, arrival, httpReq, url);
    return { ...base, url, client: clientAddr, connect, outcome };
  }
  if (url.scheme === 'https') {
    const outcome: TraceOutcome = { kind: 'response', status: 0, statusText: '', headers: [], body: '', protocolError: 'tls', reason: `Container ${container.name} speaks plain HTTP on port ${packet.dst.port}, not TLS.` };
    hops.push({ action: 'respond', where: podPlace(pod), reason: outcome.reason });
    return { ...base, url, client: clientAddr, connect, outcome };
  }
  const res = serveHttp(ctx, pod, container, httpReq);
  const servedBy = { namespace: pod.metadata.namespace!, pod: pod.metadata.name!, container: container.name, ip: pod.status?.podIP ?? '', node: pod.spec.nodeName ?? '', port: packet.dst.port };
  const reason = res.protocolError
    ? `Container ${container.name} (${container.image ?? ''}) does not speak HTTP on port ${packet.dst.port}.`
    : `Pod ${pod.metadata.name} (container ${container.name}) answered ${res.status} ${res.statusText}.`;
  hops.push({ action: 'respond', where: podPlace(pod), to: clientPlace(client), reason });
  return { ...base, url, client: clientAddr, connect, outcome: { kind: 'response', ...res, servedBy, reason } };
}

export function statusText(status: number): string {
  return ({ 200: 'OK', 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' } as Record<number, string>)[status] ?? '';
}
