import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';
import type { Trace } from './types';
import { traceDns } from './dnsTrace';

const MANIFEST = `apiVersion: v1
kind: Pod
metadata:
  name: client
  labels: { app: client }
spec:
  containers:
    - name: c
      image: busybox:1.37
      command: ['sleep', '3600']
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: { app: web }
  ports:
    - port: 80
`;

function cluster() {
  const c = createCluster({ seed: 7, nodes: 2 });
  c.writeFile('m.yaml', MANIFEST);
  c.exec('kubectl apply -f m.yaml');
  c.advance(30_000);
  return c;
}

describe('traceDns', () => {
  it('follows a pod\'s question through the kube-dns Service to a CoreDNS pod and back with the answer', () => {
    const c = cluster();
    const t = traceDns(c.context, { from: { kind: 'pod', namespace: 'default', name: 'client' }, name: 'web' });
    expect(t.hops.map((h) => h.action)).toEqual(['send', 'dnat', 'deliver', 'dns']);
    expect(t.hops[1]).toMatchObject({ where: { kind: 'Node' }, to: { kind: 'Service', namespace: 'kube-system', name: 'kube-dns' } });
    expect(t.hops[2].where).toMatchObject({ kind: 'Pod', namespace: 'kube-system', name: expect.stringMatching(/^coredns-/) });
    expect(t.hops[3]).toMatchObject({ to: { kind: 'Pod', name: 'client' }, record: { name: 'web.default.svc.cluster.local.', type: 'A' } });
    expect(t.outcome.kind).toBe('response');
  });

  it('reports NXDOMAIN for a name that no Service has, with the search path tried', () => {
    const c = cluster();
    const t = traceDns(c.context, { from: { kind: 'pod', namespace: 'default', name: 'client' }, name: 'nope' });
    expect(t.outcome).toMatchObject({ kind: 'nxdomain', name: 'nope' });
    expect(t.hops.at(-1)!.reason).toMatch(/NXDOMAIN.*nope\.default\.svc\.cluster\.local/);
  });

  it('says your machine cannot resolve cluster names', () => {
    const c = cluster();
    const t = traceDns(c.context, { from: { kind: 'workstation' }, name: 'web.default.svc.cluster.local' });
    expect(t.outcome.kind).toBe('nxdomain');
    expect(t.hops).toHaveLength(1);
  });

  it('is refused when no CoreDNS pod is ready', () => {
    const c = cluster();
    c.exec('kubectl -n kube-system scale deployment coredns --replicas=0');
    c.advance(60_000);
    const t = traceDns(c.context, { from: { kind: 'pod', namespace: 'default', name: 'client' }, name: 'web' });
    expect(t.outcome.kind).toBe('refused');
    expect(t.hops.at(-1)).toMatchObject({ action: 'reject', service: { name: 'kube-dns' } });
  });

  it('is announced when nslookup and dig run in a pod, and does not change later random choices', () => {
    const c = cluster();
    const seen: Trace[] = [];
    c.onTrace((t) => seen.push(t));
    const out = c.exec('kubectl exec client -- nslookup web');
    expect(out.stdout).toMatch(/Name:\s+web.default.svc.cluster.local/);
    expect(seen).toHaveLength(1);
    expect(seen[0].method).toBe('DNS');
    const twin = cluster();
    twin.onTrace(() => {});
    // Same cluster without the lookup picks the same random values afterwards.
    expect(c.exec('kubectl run x --image=nginx').stdout).toBe(twin.exec('kubectl run x --image=nginx').stdout);
    expect(c.context.rng.int(1_000_000)).toBe(twin.context.rng.int(1_000_000));
  });
});
