// The ingress controller as a server on the path: it matches the request
// against Ingress rules (network/ingressRouting.ts) and proxies it to one of the
// backend Service's ready endpoints itself — ingress-nginx balances over the
// EndpointSlices' pod IPs (round robin), it does not go through the ClusterIP.

import type { EngineContext } from '../context';
import type { Pod, Service } from '../core/types';
import { appendLog, clfTime } from '../network/containerLog';
import { httpDate, serveHttp, type HttpRequestIn } from '../network/httpServers';
import { routeIngressRequest } from '../network/ingressRouting';
import { type Arrival, podPlace, type Router } from './routing';
import { servicePortName } from './serviceTable';
import type { DataplaneState } from './state';
import type { ParsedUrl, PlaceRef, TraceOutcome } from './types';

export function isIngressController(pod: Pod): boolean {
  const l = pod.metadata.labels ?? {};
  if (l['app.kubernetes.io/name'] === 'ingress-nginx' && l['app.kubernetes.io/component'] === 'controller') return true;
  return pod.spec.containers.some((c) => (c.image ?? '').includes('ingress-nginx/controller'));
}

const TITLES: Record<number, string> = { 404: '404 Not Found', 502: '502 Bad Gateway', 503: '503 Service Temporarily Unavailable', 504: '504 Gateway Time-out' };

function errorPage(status: number): string {
  const t = TITLES[status];
  return `<html>\r\n<head><title>${t}</title></head>\r\n<body>\r\n<center><h1>${t}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

type PodArrival = Extract<Arrival, { kind: 'pod' }>;

export function proxyThroughIngress(ctx: EngineContext, state: DataplaneState, router: Router, arrival: PodArrival, req: HttpRequestIn, url: ParsedUrl): TraceOutcome {
  const controller = arrival.pod;
  const where = podPlace(controller);
  const host = (req.headers.find(([k]) => k.toLowerCase() === 'host')?.[1] ?? url.host).replace(/:\d+$/, '');
  const path = url.path.split('?')[0];
  const now = ctx.clock.now();
  const log = (status: number, bytes: number, upstream: string, addr: string) => {
    const ua = req.headers.find(([k]) => k.toLowerCase() === 'user-agent')?.[1] ?? '-';
    appendLog(ctx, controller, arrival.container.name,
      `${req.clientIP} - - [${clfTime(now)}] "${req.method} ${req.path} HTTP/1.1" ${status} ${bytes} "-" "${ua}" ${80 + req.path.length} 0.001 [${upstream}] [] ${addr} ${addr === '-' ? '-' : bytes} ${addr === '-' ? '-' : '0.001'} ${addr === '-' ? '-' : status} ${ctx.rng.hex(32)}`);
  };
  const fail = (status: number, reason: string, upstream = 'upstream-default-backend', addr = '-'): TraceOutcome => {
    const body = errorPage(status);
    log(status, body.length, upstream, addr);
    router.hops.push({ action: 'respond', where, reason });
    return {
      kind: 'response', status, statusText: TITLES[status].slice(4), body, reason,
      headers: [['Date', httpDate(now)], ['Content-Type', 'text/html'], ['Content-Length', String(body.length)], ['Connection', 'keep-alive']],
    };
  };

  const route = routeIngressRequest(ctx, { host, path });
  if (!route.matched) return fail(404, `The ingress controller found no rule for host "${host}" path "${path}" (${route.reason}), so its default backend answers 404.`);
  const ns = route.ingress.namespace;
  const svc = ctx.store.get<Service>('Service', ns, route.service.name);
  const svcPlace: PlaceRef = { kind: 'Service', namespace: ns, name: route.service.name };
  const port = svc?.spec.ports?.find((p) => (typeof route.service.port === 'number' ? p.port === route.service.port : p.name === route.service.port));
  const upstream = `${ns}-${route.service.name}-${route.service.port}`;
  router.hops.push({
    action: 'ingress', where, to: svcPlace, rule: route.rule,
    reason: `Ingress ${ns}/${route.ingress.name} matches ${route.rule}: the controller proxies to Service ${route.service.name} port ${route.service.port}.`,
  });
  if (!svc || !port) return fail(503, `Service ${ns}/${route.service.name}${svc ? ` has no port ${route.service.port}` : ' does not exist'}, so the controller answers 503.`, upstream);
  const ref = { svc, port, portName: servicePortName(svc, port), protocol: port.protocol ?? 'TCP' };
  const ready = state.table.endpoints(ref).filter((e) => e.ready);
  if (!ready.length) return fail(503, `Service ${ns}/${svc.metadata.name} has no ready endpoints, so the controller answers 503 Service Temporarily Unavailable.`, upstream);
  const next = state.ingressNext.get(upstream) ?? 0;
  const ep = ready[next % ready.length];
  state.ingressNext.set(upstream, (next % ready.length) + 1);
  router.hops.push({
    action: 'ingress', where, to: ep.pod ? { kind: 'Pod', namespace: ep.pod.namespace, name: ep.pod.name, ip: ep.ip } : undefined,
    endpoint: { ip: ep.ip, port: ep.port, pod: ep.pod, nodeName: ep.nodeName, how: `ingress-nginx round robin (${(next % ready.length) + 1} of ${ready.length})`, of: ready.length },
    reason: `The controller picks endpoint ${ep.endpoint} round robin from the Service's EndpointSlices (${(next % ready.length) + 1} of ${ready.length}); it connects to the pod directly, not through the ClusterIP.`,
  });
  const leg = router.connect({ kind: 'pod', ip: controller.status!.podIP!, node: arrival.node, pod: controller }, { ip: ep.ip, port: ep.port });
  if (!leg.ok) {
    return leg.outcome.kind === 'refused'
      ? fail(502, `The backend ${ep.endpoint} refused the connection, so the controller answers 502 Bad Gateway.`, upstream, ep.endpoint)
      : fail(504, `The backend ${ep.endpoint} did not answer, so the controller answers 504 Gateway Time-out.`, upstream, ep.endpoint);
  }
  const a = leg.arrival;
  if (a.kind !== 'pod') return fail(502, `The backend ${ep.endpoint} is not a pod.`, upstream, ep.endpoint);
  const forwarded: [string, string][] = [
    ...req.headers,
    ['X-Request-ID', ctx.rng.hex(32)], ['X-Real-IP', req.clientIP], ['X-Forwarded-For', req.clientIP], ['X-Forwarded-Host', host],
    ['X-Forwarded-Port', String(req.serverPort)], ['X-Forwarded-Proto', url.scheme], ['X-Forwarded-Scheme', url.scheme], ['X-Scheme', url.scheme],
  ];
  const res = serveHttp(ctx, a.pod, a.container, { ...req, headers: forwarded, clientIP: a.packet.src.ip, clientPort: a.packet.src.port, serverPort: a.packet.dst.port });
  if (res.protocolError) return fail(502, `The backend ${ep.endpoint} does not speak HTTP, so the controller answers 502.`, upstream, ep.endpoint);
  log(res.status, res.body.length, upstream, ep.endpoint);
  const reason = `Pod ${a.pod.metadata.name} answered ${res.status} ${res.statusText} through the ingress controller.`;
  router.hops.push({ action: 'respond', where: podPlace(a.pod), to: where, reason });
  const servedBy = { namespace: a.pod.metadata.namespace!, pod: a.pod.metadata.name!, container: a.container.name, ip: a.pod.status?.podIP ?? '', node: a.pod.spec.nodeName ?? '', port: a.packet.dst.port };
  return { kind: 'response', ...res, headers: res.headers.map(([k, v]) => (k === 'Server' ? [k, 'nginx'] : [k, v]) as [string, string]), servedBy, reason };
}
