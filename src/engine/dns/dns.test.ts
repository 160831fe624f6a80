// CoreDNS records and the pod resolver's search path.
// Sources: kubernetes/dns docs/specification.md; coredns plugin/kubernetes; glibc res_search.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';
import { dnsRecords } from './records';
import { resolveQuery, searchCandidates } from './resolver';

const MANIFEST = `apiVersion: v1
kind: Namespace
metadata: {name: test}
---
apiVersion: v1
kind: Namespace
metadata: {name: prod}
---
apiVersion: v1
kind: Service
metadata: {name: data, namespace: prod}
spec:
  selector: {app: data}
  ports: [{name: http, port: 80}]
---
apiVersion: v1
kind: Service
metadata: {name: unnamed, namespace: prod}
spec:
  selector: {app: data}
  ports: [{port: 9000}]
---
apiVersion: v1
kind: Service
metadata: {name: data, namespace: test}
spec:
  selector: {app: nothing}
  ports: [{name: http, port: 8080}]
---
apiVersion: v1
kind: Service
metadata: {name: db}
spec:
  clusterIP: None
  selector: {app: db}
  ports: [{name: pg, port: 5432}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  replicas: 2
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: pg, image: postgres}]}
---
apiVersion: v1
kind: Service
metadata: {name: empty-headless}
spec:
  clusterIP: None
  selector: {app: none}
---
apiVersion: v1
kind: Service
metadata: {name: ext}
spec: {type: ExternalName, externalName: db.example.com}
---
apiVersion: v1
kind: Pod
metadata: {name: plain, labels: {app: db-extra}}
spec: {containers: [{name: c, image: nginx}]}
`;

function cluster() {
  const c = createCluster({ seed: 7 });
  c.writeFile('m.yaml', MANIFEST);
  expect(c.exec('kubectl apply -f m.yaml').exitCode).toBe(0);
  c.advance(30_000);
  return c;
}

describe('CoreDNS records (specification.md §2.3, §2.4)', () => {
  const c = cluster();
  const ctx = c.context;
  const svcIP = (ns: string, name: string) => (ctx.store.get('Service', ns, name) as unknown as { spec: { clusterIP: string } }).spec.clusterIP;
  const podIP = (name: string) => (ctx.store.get('Pod', 'default', name) as unknown as { status: { podIP: string } }).status.podIP;
  const ask = (name: string, type: 'A' | 'SRV' | 'PTR' | 'AAAA' = 'A') => resolveQuery(ctx, { name, type });

  it('answers A for a ClusterIP Service even with no endpoints, case-insensitively, TTL 30', () => {
    const r = ask('DATA.Test.svc.cluster.local.');
    expect(r.rcode).toBe('NOERROR');
    expect(r.answers).toEqual([{ name: 'data.test.svc.cluster.local.', type: 'A', ttl: 30, data: svcIP('test', 'data') }]);
  });

  it('answers SRV only for named ports', () => {
    expect(ask('_http._tcp.data.prod.svc.cluster.local.', 'SRV').answers.map((r) => r.data)).toEqual(['0 100 80 data.prod.svc.cluster.local.']);
    expect(ask('_9000._tcp.unnamed.prod.svc.cluster.local.', 'SRV').rcode).toBe('NXDOMAIN');
    expect(dnsRecords(ctx).some((r) => r.type === 'SRV' && r.name.endsWith('unnamed.prod.svc.cluster.local.'))).toBe(false);
  });

  it('answers PTR for a ClusterIP and for a headless endpoint', () => {
    const rev = (ip: string) => `${ip.split('.').reverse().join('.')}.in-addr.arpa.`;
    expect(ask(rev('10.96.0.10'), 'PTR').answers[0].data).toBe('kube-dns.kube-system.svc.cluster.local.');
    expect(ask(rev(podIP('db-1')), 'PTR').answers[0].data).toBe('db-1.db.default.svc.cluster.local.');
  });

  it('answers a headless Service with one A per ready pod, and StatefulSet pods by hostname', () => {
    expect(ask('db.default.svc.cluster.local.').answers.map((r) => r.data).sort()).toEqual([podIP('db-0'), podIP('db-1')].sort());
    expect(ask('db-0.db.default.svc.cluster.local.').answers).toEqual([{ name: 'db-0.db.default.svc.cluster.local.', type: 'A', ttl: 30, data: podIP('db-0') }]);
    const srv = ask('_pg._tcp.db.default.svc.cluster.local.', 'SRV').answers.map((r) => r.data).sort();
    expect(srv).toEqual(['0 50 5432 db-0.db.default.svc.cluster.local.', '0 50 5432 db-1.db.default.svc.cluster.local.']);
  });

  it('answers NXDOMAIN for a headless Service without ready endpoints', () => {
    expect(ask('empty-headless.default.svc.cluster.local.').rcode).toBe('NXDOMAIN');
  });

  it('drops a pod from the headless answer when it stops being ready', () => {
    const d = cluster();
    expect(d.exec('sim pod crash db-0').exitCode).toBe(0);
    d.advance(1000);
    const ips = resolveQuery(d.context, { name: 'db.default.svc.cluster.local.', type: 'A' }).answers.map((r) => r.data);
    const db0 = (d.context.store.get('Pod', 'default', 'db-0') as unknown as { status: { podIP: string } }).status.podIP;
    expect(ips).not.toContain(db0);
  });

  it('answers a CNAME for ExternalName and follows it', () => {
    const r = ask('ext.default.svc.cluster.local.');
    expect(r.answers[0]).toEqual({ name: 'ext.default.svc.cluster.local.', type: 'CNAME', ttl: 30, data: 'db.example.com.' });
    expect(r.answers[1].type).toBe('A');
    expect(r.answers[1].data).toMatch(/^198\.51\.100\.\d+$/);
  });

  it('answers dashed pod names under <ns>.pod (pods insecure)', () => {
    const ip = podIP('plain');
    expect(ask(`${ip.replace(/\./g, '-')}.default.pod.cluster.local.`).answers[0].data).toBe(ip);
    expect(ask('10-244-9-9.nosuchns.pod.cluster.local.').rcode).toBe('NXDOMAIN');
  });

  it('lists every record in a deterministic order', () => {
    const a = JSON.stringify(dnsRecords(ctx));
    expect(JSON.stringify(dnsRecords(ctx))).toBe(a);
    const records = dnsRecords(ctx);
    expect(records).toContainEqual({ name: 'ext.default.svc.cluster.local.', type: 'CNAME', ttl: 30, data: 'db.example.com.' });
    expect(records).toContainEqual({ name: 'db-1.db.default.svc.cluster.local.', type: 'A', ttl: 30, data: podIP('db-1') });
    expect(records).toContainEqual({ name: '_http._tcp.data.prod.svc.cluster.local.', type: 'SRV', ttl: 30, data: '0 100 80 data.prod.svc.cluster.local.' });
    expect(records.some((r) => r.name === 'empty-headless.default.svc.cluster.local.')).toBe(false);
  });
});

describe('pod resolver search path (resolv.conf ndots:5)', () => {
  const c = cluster();
  const ctx = c.context;

  it('expands names with fewer than 5 dots through the search list first, then tries them as-is', () => {
    expect(searchCandidates('data', ['test.svc.cluster.local', 'svc.cluster.local', 'cluster.local'], 5)).toEqual([
      'data.test.svc.cluster.local.', 'data.svc.cluster.local.', 'data.cluster.local.', 'data.',
    ]);
    expect(searchCandidates('a.b.c.d.e.f', ['x'], 5)).toEqual(['a.b.c.d.e.f.', 'a.b.c.d.e.f.x.']);
    expect(searchCandidates('data.', ['x'], 5)).toEqual(['data.']);
  });

  it('resolves a short name in the asking pod\'s namespace', () => {
    const r = resolveQuery(ctx, { name: 'data', type: 'A', searchNamespace: 'test' });
    expect(r.name).toBe('data.test.svc.cluster.local.');
    expect(r.tried).toEqual([{ name: 'data.test.svc.cluster.local.', rcode: 'NOERROR' }]);
  });

  it('resolves <svc>.<ns> on the second search suffix', () => {
    const r = resolveQuery(ctx, { name: 'data.prod', type: 'A', searchNamespace: 'test' });
    expect(r.tried).toEqual([
      { name: 'data.prod.test.svc.cluster.local.', rcode: 'NXDOMAIN' },
      { name: 'data.prod.svc.cluster.local.', rcode: 'NOERROR' },
    ]);
    expect(r.answers[0].data).toBe((ctx.store.get('Service', 'prod', 'data') as unknown as { spec: { clusterIP: string } }).spec.clusterIP);
  });

  it('does not resolve a bare name from another namespace', () => {
    const r = resolveQuery(ctx, { name: 'db', type: 'A', searchNamespace: 'test' });
    expect(r.rcode).toBe('NXDOMAIN');
    expect(r.tried.map((t) => t.name)).toEqual(['db.test.svc.cluster.local.', 'db.svc.cluster.local.', 'db.cluster.local.', 'db.']);
  });

  it('the person\'s machine has no cluster DNS', () => {
    const r = resolveQuery(ctx, { name: 'db.default.svc.cluster.local', type: 'A', resolver: 'host' });
    expect(r.rcode).toBe('NXDOMAIN');
    expect(r.note).toContain('only pods');
  });

  it('fails with SERVFAIL and says why when no CoreDNS pod is ready', () => {
    const d = cluster();
    d.exec('kubectl scale deployment coredns -n kube-system --replicas=0');
    d.advance(40_000);
    const r = resolveQuery(d.context, { name: 'data', type: 'A', searchNamespace: 'test' });
    expect(r.rcode).toBe('SERVFAIL');
    expect(r.unreachable).toBe('no-endpoints');
    expect(r.note).toContain('kube-dns');
  });
});
