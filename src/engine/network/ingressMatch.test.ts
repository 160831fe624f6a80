// The Ingress path and host matching table from the Kubernetes docs ("Ingress" → Path types →
// Examples; hostname wildcards), through the ingress-nginx model of ingressMatch.ts.
import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../core/store';
import { matchIngressRoute, prefixMatches, sortIngresses, wildcardHostMatches } from './ingressMatch';
import type { HTTPIngressPath, Ingress, IngressRule } from './types';

let seq = 0;
function newIngress(name: string, spec: Ingress['spec'], created = `2026-01-01T00:00:${String(seq++ % 60).padStart(2, '0')}Z`): Ingress {
  return deepFreeze({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name, namespace: 'default', creationTimestamp: created }, spec });
}

function path(p: string, pathType: string, service = `${pathType}:${p}`): HTTPIngressPath {
  return { path: p, pathType, backend: { service: { name: service, port: { number: 80 } } } };
}

function rule(paths: HTTPIngressPath[], host?: string): IngressRule {
  return host ? { host, http: { paths } } : { http: { paths } };
}

/** The Service the request reaches, or '404' when the controller's default backend answers. */
function routed(ingresses: Ingress[], host: string, reqPath: string): string {
  const r = matchIngressRoute(sortIngresses(ingresses), host, reqPath);
  return r.matched ? r.backend.service.name : '404';
}

describe('path matching: the docs examples table', () => {
  const table: [string, [string, string][], string, string][] = [
    // kind, rule paths [path, type], request, expected backend
    ['Prefix', [['/', 'Prefix']], '/anything/at/all', 'Prefix:/'],
    ['Exact', [['/foo', 'Exact']], '/foo', 'Exact:/foo'],
    ['Exact', [['/foo', 'Exact']], '/bar', '404'],
    ['Exact', [['/foo', 'Exact']], '/foo/', '404'],
    ['Exact', [['/foo/', 'Exact']], '/foo', '404'],
    ['Prefix', [['/foo', 'Prefix']], '/foo', 'Prefix:/foo'],
    ['Prefix', [['/foo', 'Prefix']], '/foo/', 'Prefix:/foo'],
    ['Prefix', [['/foo/', 'Prefix']], '/foo', 'Prefix:/foo/'],
    ['Prefix', [['/foo/', 'Prefix']], '/foo/', 'Prefix:/foo/'],
    ['Prefix', [['/aaa/bb', 'Prefix']], '/aaa/bbb', '404'],
    ['Prefix', [['/aaa/bbb', 'Prefix']], '/aaa/bbb', 'Prefix:/aaa/bbb'],
    ['Prefix', [['/aaa/bbb/', 'Prefix']], '/aaa/bbb', 'Prefix:/aaa/bbb/'],
    ['Prefix', [['/aaa/bbb', 'Prefix']], '/aaa/bbb/', 'Prefix:/aaa/bbb'],
    ['Prefix', [['/aaa/bbb', 'Prefix']], '/aaa/bbb/ccc', 'Prefix:/aaa/bbb'],
    ['Prefix', [['/aaa/bbb', 'Prefix']], '/aaa/bbbxyz', '404'],
    ['Prefix', [['/', 'Prefix'], ['/aaa', 'Prefix']], '/aaa/ccc', 'Prefix:/aaa'],
    ['Prefix', [['/', 'Prefix'], ['/aaa', 'Prefix'], ['/aaa/bbb', 'Prefix']], '/aaa/bbb', 'Prefix:/aaa/bbb'],
    ['Prefix', [['/', 'Prefix'], ['/aaa', 'Prefix'], ['/aaa/bbb', 'Prefix']], '/ccc', 'Prefix:/'],
    ['Prefix', [['/aaa', 'Prefix']], '/ccc', '404'],
    ['Mixed', [['/foo', 'Prefix'], ['/foo', 'Exact']], '/foo', 'Exact:/foo'],
    ['Mixed', [['/foo', 'Exact'], ['/foo', 'Prefix']], '/foo', 'Exact:/foo'],
    ['Mixed', [['/foo', 'Exact'], ['/foo', 'Prefix']], '/foo/x', 'Prefix:/foo'],
  ];
  it.each(table)('%s %j: request %s → %s', (_kind, paths, request, expected) => {
    const ing = newIngress('paths', { rules: [rule(paths.map(([p, t]) => path(p, t)))] });
    expect(routed([ing], 'anything.example', request)).toBe(expected);
  });

  it('the element-wise rule agrees with the table', () => {
    expect([prefixMatches('/foo', '/foo/'), prefixMatches('/foo/', '/foo'), prefixMatches('/aaa/bbb', '/aaa/bbbxyz'), prefixMatches('/', '/x')]).toEqual([true, true, false, true]);
  });

  it('ingress-nginx serves ImplementationSpecific as a plain nginx prefix location (a string prefix)', () => {
    const ing = newIngress('impl', { rules: [rule([path('/aaa/bbb', 'ImplementationSpecific')])] });
    expect(routed([ing], 'h', '/aaa/bbbxyz')).toBe('ImplementationSpecific:/aaa/bbb');
    expect(routed([ing], 'h', '/aaa/bb')).toBe('404');
  });

  it('the longest path wins whatever the order of the rules, and the query string is ignored', () => {
    const ing = newIngress('long', { rules: [rule([path('/api/v1', 'Prefix'), path('/api', 'Prefix')])] });
    expect(routed([ing], 'h', '/api/v1/users?x=/api')).toBe('Prefix:/api/v1');
    expect(routed([ing], 'h', '/api/v2')).toBe('Prefix:/api');
  });
});

describe('host matching', () => {
  const ing = newIngress('hosts', {
    rules: [
      rule([path('/', 'Prefix', 'foo-exact')], 'foo.bar.com'),
      rule([path('/', 'Prefix', 'foo-wild')], '*.foo.com'),
      rule([path('/', 'Prefix', 'no-host')]),
    ],
  });
  it.each([
    ['foo.bar.com', 'foo-exact'],
    ['FOO.bar.com:8080', 'foo-exact'],
    ['bar.foo.com', 'foo-wild'],
    ['baz.bar.foo.com', 'no-host'], // a wildcard covers exactly one label
    ['foo.com', 'no-host'],
    ['203.0.113.1', 'no-host'],
  ])('Host %s → %s', (host, expected) => {
    expect(routed([ing], host, '/')).toBe(expected);
  });

  it('wildcards match one leading label only', () => {
    expect([wildcardHostMatches('*.foo.com', 'bar.foo.com'), wildcardHostMatches('*.foo.com', 'baz.bar.foo.com'), wildcardHostMatches('*.foo.com', 'foo.com')]).toEqual([true, false, false]);
  });

  it('host rules come before paths: a known host does not fall back to the rules without a host', () => {
    const two = newIngress('split', { rules: [rule([path('/api', 'Prefix', 'api')], 'shop.example.com'), rule([path('/', 'Prefix', 'catch')])] });
    expect(routed([two], 'shop.example.com', '/api/cart')).toBe('api');
    expect(routed([two], 'shop.example.com', '/other')).toBe('404');
    expect(routed([two], 'other.example.com', '/other')).toBe('catch');
  });
});

describe('defaultBackend and merging several Ingresses (ingress-nginx)', () => {
  it('spec.defaultBackend answers what no rule matches; without one the controller answers 404', () => {
    const withDefault = newIngress('d', { defaultBackend: { service: { name: 'fallback', port: { number: 80 } } }, rules: [rule([path('/api', 'Prefix', 'api')], 'shop.example.com')] });
    const r = matchIngressRoute([withDefault], 'shop.example.com', '/nope');
    expect(r.matched && r.backend.service.name).toBe('fallback');
    expect(r.matched && r.viaDefaultBackend).toBe(true);
    expect(routed([withDefault], 'unknown.example', '/')).toBe('fallback');
    expect(routed([newIngress('n', { rules: [rule([path('/api', 'Prefix')], 'a.example')] })], 'b.example', '/')).toBe('404');
  });

  it('an Ingress with only a defaultBackend is the catch-all', () => {
    expect(routed([newIngress('only', { defaultBackend: { service: { name: 'everything', port: { number: 8080 } } } })], 'x', '/y')).toBe('everything');
  });

  it('Ingresses for one host merge; on the same path and type the oldest Ingress keeps it', () => {
    const older = newIngress('older', { rules: [rule([path('/a', 'Prefix', 'from-older')], 'shop.example.com')] }, '2026-01-01T00:00:01Z');
    const newer = newIngress('newer', { rules: [rule([path('/a', 'Prefix', 'from-newer'), path('/b', 'Prefix', 'b')], 'shop.example.com')] }, '2026-01-01T00:00:02Z');
    expect(routed([newer, older], 'shop.example.com', '/a')).toBe('from-older');
    expect(routed([newer, older], 'shop.example.com', '/b/1')).toBe('b');
    const r = matchIngressRoute(sortIngresses([newer, older]), 'shop.example.com', '/b');
    expect(r.matched && r.backend.ingress).toEqual({ namespace: 'default', name: 'newer' });
  });

  it('named service ports are carried through', () => {
    const ing = newIngress('named', { rules: [rule([{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { name: 'http' } } } }])] });
    const r = matchIngressRoute([ing], 'h', '/');
    expect(r.matched && r.backend.service).toEqual({ namespace: 'default', name: 'web', port: 'http' });
  });
});
