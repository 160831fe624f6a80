// Placeholder until Ingress lands: which backend the built-in ingress controller picks.
import type { EngineContext } from '../context';

export type IngressRoute =
  | {
      matched: true;
      ingress: { namespace: string; name: string };
      service: { name: string; port: number | string };
      /** e.g. `host "shop.example.com", path "/api" (Prefix)` or `defaultBackend`. */
      rule: string;
    }
  | { matched: false; reason: string };

export function routeIngressRequest(_ctx: EngineContext, _req: { host: string; path: string }): IngressRoute {
  return { matched: false, reason: 'no Ingress rule matches' };
}
