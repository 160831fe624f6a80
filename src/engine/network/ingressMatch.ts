// Which backend the built-in ingress controller picks for a request: a pure model of
// ingress-nginx's configuration and of nginx's own server and location selection.
//
// Sources (kubernetes/ingress-nginx): internal/ingress/controller/controller.go
// (createServers, getBackendServers: one nginx `server` per host; Ingresses merged by host
// in creation order, the first Ingress to claim a host+path+pathType keeps it; every server
// gets a root location whose backend is the first claiming Ingress's spec.defaultBackend or
// the controller's default backend; an Ingress's defaultBackend also becomes the catch-all
// server's root), internal/ingress/controller/location.go (updateServerLocations: a Prefix
// path `/foo` becomes the nginx prefix location `/foo/` plus an exact `= /foo`),
// rootfs/etc/nginx/template/nginx.tmpl + template.go (buildLocation: Exact → `location = p`;
// ImplementationSpecific → plain `location p`, nginx's *character* prefix match;
// buildServerName: `*.foo.com` → regex `^[\w-]+\.foo\.com$`, exactly one label).
// nginx picks the server by exact name, then wildcard, then the default server `_` (the
// rules without a host); inside a server an exact location wins, otherwise the longest
// matching prefix. This gives the API's semantics (KUBERNETES.md §14): host before path,
// Exact vs Prefix element-wise, longest path wins, Exact beats Prefix on equal length.
//
// Known simplifications: a Prefix path written with a trailing slash (`/foo/`) matches `/foo`
// here as the API says; nginx answers that request with a 301 to `/foo/` first. Regex paths
// (use-regex / rewrite-target annotations), canaries and the admission webhook's overlap check
// are not modelled.

import type { Ingress, IngressBackend, PathType } from './types';

export interface RouteBackend {
  ingress: { namespace: string; name: string };
  service: { namespace: string; name: string; port: number | string };
}

/** One nginx location of a server. */
export interface Location {
  /** The path nginx matches: `/foo/` for Prefix `/foo`, `/foo` for Exact. */
  nginxPath: string;
  exact: boolean;
  /** As written in the Ingress. */
  path: string;
  pathType: PathType;
  /** undefined: the controller's default backend (404). */
  backend?: RouteBackend;
  /** ingress-nginx's IsDefBackend: a root location that a rule for `/` may still take over. */
  isDefaultBackend: boolean;
  /** What put the backend here: a path rule, an Ingress's spec.defaultBackend, or the controller (404). */
  source: 'rule' | 'defaultBackend' | 'controller';
}

export interface Server {
  /** `_` is nginx's default server: rules without a host and unknown hosts. */
  hostname: string;
  locations: Location[];
}

export const CATCH_ALL_SERVER = '_';

function serviceBackend(ing: Ingress, backend: IngressBackend | undefined): RouteBackend | undefined {
  const svc = backend?.service;
  if (!svc) return undefined;
  const port = svc.port?.name ? svc.port.name : (svc.port?.number ?? 0);
  const namespace = ing.metadata.namespace ?? 'default';
  return { ingress: { namespace, name: ing.metadata.name ?? '' }, service: { namespace, name: svc.name, port } };
}

/** ingress-nginx's store order: oldest first, then namespace/name. */
export function sortIngresses<T extends Ingress>(ingresses: readonly T[]): T[] {
  const key = (i: Ingress) => `${i.metadata.namespace}/${i.metadata.name}`;
  return [...ingresses].sort((a, b) => {
    const ta = a.metadata.creationTimestamp ?? '';
    const tb = b.metadata.creationTimestamp ?? '';
    if (ta !== tb) return ta < tb ? -1 : 1;
    return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
  });
}

function rootLocation(backend: RouteBackend | undefined): Location {
  return { nginxPath: '/', exact: false, path: '/', pathType: 'Prefix', backend, isDefaultBackend: true, source: backend ? 'defaultBackend' : 'controller' };
}

/** createServers + getBackendServers + updateServerLocations, for Ingresses already in store order. */
export function buildServers(ingresses: readonly Ingress[]): Map<string, Server> {
  const servers = new Map<string, Server>();
  const catchAll: Server = { hostname: CATCH_ALL_SERVER, locations: [rootLocation(undefined)] };
  servers.set(CATCH_ALL_SERVER, catchAll);

  for (const ing of ingresses) {
    const def = serviceBackend(ing, ing.spec?.defaultBackend);
    if (def) {
      const root = catchAll.locations[0];
      root.backend = def;
      root.source = 'defaultBackend';
      if (root.isDefaultBackend && (ing.spec.rules ?? []).length === 0) root.isDefaultBackend = false;
    }
    for (const rule of ing.spec?.rules ?? []) {
      const host = rule.host || CATCH_ALL_SERVER;
      if (!servers.has(host)) servers.set(host, { hostname: host, locations: [rootLocation(def)] });
    }
  }

  for (const ing of ingresses) {
    for (const rule of ing.spec?.rules ?? []) {
      const server = servers.get(rule.host || CATCH_ALL_SERVER)!;
      for (const p of rule.http?.paths ?? []) {
        const backend = serviceBackend(ing, p.backend);
        if (!backend) continue; // resource backends are skipped by ingress-nginx
        const path = p.path || '/';
        const pathType = (p.pathType ?? 'ImplementationSpecific') as PathType;
        let add = true;
        for (const loc of server.locations) {
          if (loc.path !== path) continue;
          if (loc.pathType !== pathType) break; // same path, other type: a separate location
          add = false;
          if (loc.isDefaultBackend) {
            loc.backend = backend;
            loc.isDefaultBackend = false;
            loc.source = 'rule';
          }
          break; // otherwise the first Ingress keeps it
        }
        if (add) server.locations.push({ nginxPath: path, exact: pathType === 'Exact', path, pathType, backend, isDefaultBackend: false, source: 'rule' });
      }
    }
  }

  for (const server of servers.values()) server.locations = expandPrefixLocations(server.locations);
  return servers;
}

/** updateServerLocations: Prefix `/foo` → prefix `/foo/` and, unless an Exact `/foo` exists, `= /foo`. */
function expandPrefixLocations(locations: Location[]): Location[] {
  const out: Location[] = [];
  const exactPaths = new Set(locations.filter((l) => l.pathType === 'Exact').map((l) => l.path));
  for (const loc of locations) {
    if (loc.path === '/' || loc.pathType !== 'Prefix') {
      out.push(loc);
      continue;
    }
    // The API ignores a trailing slash on the rule side (see the header comment).
    const trimmed = loc.path.replace(/\/+$/, '') || '/';
    out.push({ ...loc, nginxPath: `${trimmed}/` });
    if (!exactPaths.has(loc.path) && !exactPaths.has(trimmed)) out.push({ ...loc, nginxPath: trimmed, exact: true });
  }
  return out;
}

/** `*.foo.com` matches exactly one more leading label (ingress-nginx's buildServerName regex). */
export function wildcardHostMatches(pattern: string, host: string): boolean {
  if (!pattern.startsWith('*.')) return false;
  const suffix = pattern.slice(1); // `.foo.com`
  if (!host.endsWith(suffix)) return false;
  const label = host.slice(0, host.length - suffix.length);
  return /^[\w-]+$/.test(label);
}

/** nginx server selection: exact name, then wildcard names (in config order: sorted), then `_`. */
export function selectServer(servers: Map<string, Server>, hostHeader: string): Server {
  const host = hostHeader.replace(/:\d+$/, '').replace(/\.$/, '').toLowerCase();
  const exact = servers.get(host);
  if (exact && host !== CATCH_ALL_SERVER) return exact;
  const wildcards = [...servers.keys()].filter((h) => h.startsWith('*.')).sort();
  for (const w of wildcards) if (wildcardHostMatches(w, host)) return servers.get(w)!;
  return servers.get(CATCH_ALL_SERVER)!;
}

/** nginx location selection: an exact location equal to the path, else the longest prefix. */
export function selectLocation(server: Server, requestPath: string): Location | undefined {
  const path = normalizeRequestPath(requestPath);
  let best: Location | undefined;
  for (const loc of server.locations) {
    if (loc.exact) {
      if (loc.nginxPath === path) return loc;
      continue;
    }
    if (path.startsWith(loc.nginxPath) && (!best || loc.nginxPath.length > best.nginxPath.length)) best = loc;
  }
  return best;
}

/** The path part of a request target: no query or fragment, `/` when empty. */
export function normalizeRequestPath(p: string): string {
  const cut = p.search(/[?#]/);
  const path = cut >= 0 ? p.slice(0, cut) : p;
  return path.startsWith('/') ? path : `/${path}`;
}

/** The API's element-wise Prefix rule (docs "Ingress" examples), for documentation and tests. */
export function prefixMatches(rulePath: string, requestPath: string): boolean {
  const elems = (p: string) => p.split('/').filter((e) => e !== '');
  const rule = elems(rulePath);
  const req = elems(normalizeRequestPath(requestPath));
  return rule.length <= req.length && rule.every((e, i) => e === req[i]);
}

export type MatchResult =
  | { matched: true; backend: RouteBackend; server: Server; location: Location; viaDefaultBackend: boolean }
  | { matched: false; server: Server; location?: Location };

/** Routes one request through the merged configuration of the given Ingresses (store order). */
export function matchIngressRoute(ingresses: readonly Ingress[], host: string, path: string): MatchResult {
  const server = selectServer(buildServers(ingresses), host);
  const location = selectLocation(server, path);
  if (!location?.backend) return { matched: false, server, location };
  return { matched: true, backend: location.backend, server, location, viaDefaultBackend: location.source === 'defaultBackend' };
}
