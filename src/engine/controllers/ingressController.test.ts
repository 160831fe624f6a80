// The built-in ingress controller (ingress-nginx): its status reconcile as a table, and the
// whole flow through createCluster + exec as a student types it.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import { deepFreeze } from '../core/store';
import type { Service } from '../core/types';
import { routeIngressRequest } from '../network/ingressRouting';
import type { Ingress } from '../network/types';
import { ingressStatusChanges, publishedAddresses } from './ingressController';

function newIngress(name: string, ips: string[] = []): Ingress {
  return deepFreeze({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name, namespace: 'default' },
    spec: { ingressClassName: 'nginx', defaultBackend: { service: { name: 'web', port: { number: 80 } } } },
    status: { loadBalancer: ips.length ? { ingress: ips.map((ip) => ({ ip })) } : {} },
  });
}

function newService(ingress: { ip?: string; hostname?: string }[], externalIPs?: string[]): Service {
  return deepFreeze({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'ingress-nginx-controller', namespace: 'ingress-nginx' }, spec: { type: 'LoadBalancer', externalIPs }, status: { loadBalancer: { ingress } } });
}

describe('ingress status reconcile (status.go)', () => {
  it('publishes the LoadBalancer Service addresses, sorted, externalIPs included', () => {
    expect(publishedAddresses(newService([{ ip: '203.0.113.9', ipMode: 'VIP' } as { ip: string }, { hostname: 'lb.example.com' }], ['198.51.100.1']))).toEqual([
      { ip: '198.51.100.1' }, { ip: '203.0.113.9' }, { hostname: 'lb.example.com' },
    ]);
    expect(publishedAddresses(undefined)).toBeUndefined();
  });

  it.each([
    ['pending LB, empty status: nothing to write', [], [newIngress('a')], []],
    ['LB ready: every Ingress without it gets it', [{ ip: '203.0.113.1' }], [newIngress('a'), newIngress('b', ['203.0.113.1'])], ['a']],
    ['LB gone: addresses are cleared', [], [newIngress('a', ['203.0.113.1'])], ['a']],
  ])('%s', (_name, addresses, ingresses, changed) => {
    const before = JSON.stringify(ingresses);
    expect(ingressStatusChanges(ingresses, addresses).map((c) => c.name)).toEqual(changed);
    expect(JSON.stringify(ingresses)).toBe(before);
  });
});

const INGRESS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
spec:
  rules:
  - host: shop.example.com
    http:
      paths:
      - path: /api
        pathType: Prefix
        backend:
          service:
            name: api
            port:
              number: 8080
      - path: /
        pathType: Prefix
        backend:
          service:
            name: web
            port:
              name: http
`;

describe('ingress-nginx in the cluster', () => {
  it('is installed with its namespace, controller, LoadBalancer Service and default IngressClass', () => {
    const c = createCluster({ seed: 1 });
    expect(c.exec('kubectl get ingressclass').stdout).toBe('NAME    CONTROLLER             PARAMETERS   AGE\nnginx   k8s.io/ingress-nginx   <none>       60s\n');
    const pods = c.exec('kubectl get pods -n ingress-nginx').stdout;
    expect(pods).toMatch(/^ingress-nginx-controller-[a-z0-9]+-[a-z0-9]{5} {3}1\/1 {5}Running/m);
    expect(c.exec('kubectl get svc -n ingress-nginx ingress-nginx-controller').stdout).toMatch(/LoadBalancer {3}10\.\d+\.\d+\.\d+ +203\.0\.113\.1 +80:\d+\/TCP,443:\d+\/TCP/);
  });

  it('kubectl apply without ingressClassName gets nginx; ADDRESS appears at the next status sync', () => {
    const c = createCluster({ seed: 2 });
    c.writeFile('shop.yaml', INGRESS);
    expect(c.exec('kubectl apply -f shop.yaml').stdout).toBe('ingress.networking.k8s.io/shop created\n');
    expect(c.exec('kubectl get ingress shop -o jsonpath={.spec.ingressClassName}').stdout).toBe('nginx');
    expect(c.exec('kubectl get ingress').stdout).toBe('NAME   CLASS   HOSTS              ADDRESS   PORTS   AGE\nshop   nginx   shop.example.com             80      0s\n');
    c.advance(60_000);
    expect(c.exec('kubectl get ing').stdout).toBe('NAME   CLASS   HOSTS              ADDRESS       PORTS   AGE\nshop   nginx   shop.example.com   203.0.113.1   80      60s\n');
    // One Sync for the Add, one for the status update, as `kubectl describe ingress` usually shows "(x2 …)".
    expect(c.exec('kubectl describe ingress shop').stdout).toMatch(/Normal +Sync +\S+ \(x2 over \S+\) +nginx-ingress-controller +Scheduled for sync/);
    const events = c.context.events.eventsFor(c.context.store.get('Ingress', 'default', 'shop')!);
    expect(events.map((e) => [e.reason, e.source.component, e.count])).toEqual([['Sync', 'nginx-ingress-controller', 2]]);
  });

  it('without a cloud the LoadBalancer stays pending and so does the Ingress address', () => {
    const c = createCluster({ seed: 3, cloudProvider: false });
    c.writeFile('shop.yaml', INGRESS);
    c.exec('kubectl apply -f shop.yaml');
    c.advance(120_000);
    expect(c.exec('kubectl get ingress shop').stdout).toContain('shop   nginx   shop.example.com             80');
  });

  it('routes requests the way the controller does', () => {
    const c = createCluster({ seed: 4 });
    c.writeFile('shop.yaml', INGRESS);
    c.exec('kubectl apply -f shop.yaml');
    expect(routeIngressRequest(c.context, { host: 'shop.example.com', path: '/api/cart' })).toEqual({
      matched: true,
      ingress: { namespace: 'default', name: 'shop' },
      service: { namespace: 'default', name: 'api', port: 8080 },
      rule: 'host "shop.example.com", path "/api" (Prefix)',
      host: 'shop.example.com',
      path: '/api',
      pathType: 'Prefix',
    });
    expect(routeIngressRequest(c.context, { host: 'shop.example.com', path: '/' })).toMatchObject({ matched: true, service: { name: 'web', port: 'http' } });
    const miss = routeIngressRequest(c.context, { host: 'other.example.com', path: '/' });
    expect(miss).toMatchObject({ matched: false, status: 404 });
    expect(miss.matched || miss.body).toContain('<center><h1>404 Not Found</h1></center>');
    // An Ingress of another class is not the built-in controller's business.
    c.writeFile('other.yaml', INGRESS.replace('name: shop', 'name: other').replace('spec:\n', 'spec:\n  ingressClassName: traefik\n').replace('shop.example.com', 'other.example.com'));
    c.exec('kubectl apply -f other.yaml');
    expect(routeIngressRequest(c.context, { host: 'other.example.com', path: '/' }).matched).toBe(false);
  });
});
