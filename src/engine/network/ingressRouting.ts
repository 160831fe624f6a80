// Which backend the built-in ingress controller (ingress-nginx) picks for one request:
// the data plane calls this when a request reaches the controller's pods on port 80/443.
// The matching itself is the pure model in ingressMatch.ts.
import type { EngineContext } from '../context';
import { matchIngressRoute, sortIngresses } from './ingressMatch';
import { NGINX_404_BODY, servedIngresses } from './ingressNginx';

export type IngressRoute =
  | {
      matched: true;
      ingress: { namespace: string; name: string };
      /** The backend Service, in the Ingress's namespace; `port` is a number or a port name. */
      service: { name: string; port: number | string; namespace: string };
      /** e.g. `host "shop.example.com", path "/api" (Prefix)` or `defaultBackend`. */
      rule: string;
      /** The rule's host ('' for none), path and pathType; undefined for a defaultBackend. */
      host?: string;
      path?: string;
      pathType?: string;
    }
  | {
      matched: false;
      reason: string;
      /** The controller's default backend answers 404 with nginx's page. */
      status: 404;
      body: string;
    };

export function routeIngressRequest(ctx: EngineContext, req: { host: string; path: string }): IngressRoute {
  const ingresses = sortIngresses(servedIngresses(ctx.store));
  const result = matchIngressRoute(ingresses, req.host, req.path);
  if (!result.matched) {
    const host = req.host.replace(/:\d+$/, '');
    return {
      matched: false,
      reason: `no Ingress rule of class nginx matches host "${host}" and path "${req.path || '/'}"; the ingress controller's default backend answers 404`,
      status: 404,
      body: NGINX_404_BODY,
    };
  }
  const { backend, location, server } = result;
  const ruleHost = server.hostname === '_' ? '' : server.hostname;
  const base = { matched: true as const, ingress: backend.ingress, service: { name: backend.service.name, port: backend.service.port, namespace: backend.service.namespace } };
  if (result.viaDefaultBackend) return { ...base, rule: 'defaultBackend' };
  const hostText = ruleHost ? `host "${ruleHost}"` : 'any host';
  return { ...base, rule: `${hostText}, path "${location.path}" (${location.pathType})`, host: ruleHost, path: location.path, pathType: location.pathType };
}
